export { HolidayCalendar, RULE_ALIASES } from "./calendar.ts";
export type {
  AppointmentSettings,
  DayInterval,
  ExceptionDay,
  OpeningHours,
  OpeningHoursConfig,
  QueueConfig,
} from "./config.ts";
export {
  OpeningHoursConfigError,
  openingHoursConfigSchema,
  parseOpeningHours,
  parseOpeningHoursYaml,
} from "./config.ts";
export { formatNextOpening, formatOpeningTime } from "./format.ts";
export { DEFAULT_OPENING_HOURS_PATH, loadOpeningHours } from "./load.ts";
export type { Minutes, Period } from "./schedule.ts";
export {
  closesAt,
  currentPeriod,
  dayHours,
  isOpen,
  nextOpening,
  openingPeriods,
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
