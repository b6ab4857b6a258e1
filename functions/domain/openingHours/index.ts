/**
 * The opening-hours domain. Reading the schedule is left to each composition root: load.ts
 * (YAML, holidays from date-holidays' rules) or snapshot.ts (the deployed JSON with holiday
 * dates computed at synth), so what one runtime reads is never bundled into another.
 */
export {
  DatedHolidayCalendar,
  type HolidayCalendar,
  type HolidayDates,
  HolidayRangeError,
} from "./calendar.ts";
export type {
  AppointmentSettings,
  ConfigIssue,
  DayInterval,
  ExceptionDay,
  HolidaySource,
  OpeningHours,
  OpeningHoursConfig,
  QueueConfig,
} from "./config.ts";
export { buildOpeningHours, OpeningHoursConfigError, openingHoursConfigSchema } from "./config.ts";
export {
  formatClockTime,
  formatDay,
  formatNextOpening,
  formatNextOpeningIfClosed,
  formatOpeningTime,
} from "./format.ts";
export type { Minutes, Period } from "./schedule.ts";
export {
  closesAt,
  currentPeriod,
  dayHours,
  isOpen,
  nextOpening,
  openingPeriods,
  warmSchedule,
} from "./schedule.ts";
export type { Slot, SlotRejection } from "./slots.ts";
export {
  appointmentSlots,
  bookableSlots,
  bookingWindow,
  parseSlotId,
  resolveSlot,
  slotId,
} from "./slots.ts";
