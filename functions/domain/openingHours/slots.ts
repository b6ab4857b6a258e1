import { DateTime } from "luxon";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { OpeningHours } from "./config.ts";
import { openingPeriods } from "./schedule.ts";

/**
 * Phone-appointment slots: fixed-length pieces of each opening period, counted from the
 * period's start, never crossing its end. Capacity is per slot (how many customers can be
 * booked into it); counting bookings is the store's job, not this module's.
 */

/** One appointment slot. */
export interface Slot {
  /** Stable, URL-safe id, e.g. "fi-2026-11-24T0700Z" (queue + UTC start). */
  id: string;
  queue: Lang;
  start: Date;
  end: Date;
  capacity: number;
}

/**
 * Ids carry the UTC start rather than Helsinki wall time: a UTC time is never ambiguous
 * (the October DST switch repeats an hour locally), stays valid if the zone in the config
 * changes, and has no ':' or '+' to escape in URLs and query strings.
 */
const SLOT_ID = /^(fi|sv)-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})Z$/;

/** The id of the slot of `queue` starting at `start`. */
export function slotId(queue: Lang, start: Date): string {
  return `${queue}-${DateTime.fromJSDate(start, { zone: "utc" }).toFormat("yyyy-MM-dd'T'HHmm")}Z`;
}

/** Parses a slot id into its queue and start instant, or null when it is not well-formed. */
export function parseSlotId(id: string): { queue: Lang; start: Date } | null {
  const m = SLOT_ID.exec(id);
  if (!m) return null;
  const [, queue, y, mo, d, h, mi] = m;
  const start = DateTime.fromObject(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi) },
    { zone: "utc" },
  );
  if (!start.isValid || !LANGS.includes(queue as Lang)) return null;
  return { queue: queue as Lang, start: start.toJSDate() };
}

/** All slots of `queue` lying entirely within [from, to] and inside an opening period. */
export function appointmentSlots(
  schedule: OpeningHours,
  queue: Lang,
  from: Date,
  to: Date,
): Slot[] {
  const { slotMinutes, capacityPerSlot } = schedule.config.queues[queue].appointments;
  const step = slotMinutes * 60_000;
  const slots: Slot[] = [];
  for (const p of openingPeriods(schedule, queue, from, to)) {
    for (let s = p.start.getTime(); s + step <= p.end.getTime(); s += step) {
      if (s < from.getTime() || s + step > to.getTime()) continue;
      const start = new Date(s);
      slots.push({
        id: slotId(queue, start),
        queue,
        start,
        end: new Date(s + step),
        capacity: capacityPerSlot,
      });
    }
  }
  return slots;
}

/**
 * The window in which a customer may book at `now`: from `now` plus the minimum notice to
 * the end of the local day `horizonDays` days from today.
 */
export function bookingWindow(
  schedule: OpeningHours,
  queue: Lang,
  now: Date,
): { from: Date; to: Date } {
  const { horizonDays, minNoticeMinutes } = schedule.config.queues[queue].appointments;
  const from = new Date(now.getTime() + minNoticeMinutes * 60_000);
  const to = DateTime.fromJSDate(now, { zone: schedule.config.timeZone })
    .plus({ days: horizonDays })
    .endOf("day")
    .plus({ milliseconds: 1 }) // end of day is 23:59:59.999; slots may end at 24:00
    .toJSDate();
  return { from, to };
}

/** Slots bookable at `now`, optionally narrowed to [from, to] (e.g. a customer's query). */
export function bookableSlots(
  schedule: OpeningHours,
  queue: Lang,
  now: Date,
  from?: Date,
  to?: Date,
): Slot[] {
  const w = bookingWindow(schedule, queue, now);
  const lo = from && from > w.from ? from : w.from;
  const hi = to && to < w.to ? to : w.to;
  return hi > lo ? appointmentSlots(schedule, queue, lo, hi) : [];
}

/** Why a slot id cannot be booked. */
export type SlotRejection = "INVALID_SLOT_ID" | "NOT_A_SLOT" | "TOO_SOON" | "BEYOND_HORIZON";

/**
 * Checks that `id` names a real slot of the schedule that can be booked at `now`, so a
 * booking endpoint never trusts a client-made id.
 */
export function resolveSlot(
  schedule: OpeningHours,
  id: string,
  now: Date,
): { ok: true; slot: Slot } | { ok: false; reason: SlotRejection } {
  const parsed = parseSlotId(id);
  if (!parsed) return { ok: false, reason: "INVALID_SLOT_ID" };
  const { slotMinutes } = schedule.config.queues[parsed.queue].appointments;
  const end = new Date(parsed.start.getTime() + slotMinutes * 60_000);
  const slot = appointmentSlots(schedule, parsed.queue, parsed.start, end).find((s) => s.id === id);
  if (!slot) return { ok: false, reason: "NOT_A_SLOT" };
  const w = bookingWindow(schedule, parsed.queue, now);
  if (slot.start < w.from) return { ok: false, reason: "TOO_SOON" };
  if (slot.end > w.to) return { ok: false, reason: "BEYOND_HORIZON" };
  return { ok: true, slot };
}
