import { DateTime } from "luxon";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import { type DayInterval, minutesOf, type OpeningHours, WEEKDAYS } from "./config.ts";

/**
 * Pure questions over a parsed schedule. Every answer is computed from the instant passed
 * in (never the real clock), in the schedule's time zone, with half-open periods:
 * open at `start`, closed again at `end`.
 */

/** One opening period as absolute instants, `start` inclusive, `end` exclusive. */
export interface Period {
  start: Date;
  end: Date;
}

/** How far ahead "next opening" looks before concluding the config never opens again. */
const SEARCH_DAYS = 800;

/** Minute-of-day intervals after weekly hours, holidays and exceptions are applied. */
export type Minutes = { open: number; close: number };

function toMinutes(intervals: readonly DayInterval[]): Minutes[] {
  return intervals.map((i) => ({ open: minutesOf(i.open), close: minutesOf(i.close) }));
}

function clip(intervals: Minutes[], opensAt?: string, closesAt?: string): Minutes[] {
  const lo = opensAt === undefined ? 0 : minutesOf(opensAt);
  const hi = closesAt === undefined ? 24 * 60 : minutesOf(closesAt);
  return intervals
    .map((i) => ({ open: Math.max(i.open, lo), close: Math.min(i.close, hi) }))
    .filter((i) => i.open < i.close);
}

/**
 * The local hours of one calendar day. Order of precedence: weekly hours, then closed on a
 * holiday, then rule exceptions, then date exceptions, so an explicit date has the last word
 * (an opensAt/closesAt exception only shortens what the earlier steps left open).
 */
export function dayHours(schedule: OpeningHours, queue: Lang, isoDate: string): Minutes[] {
  const q = schedule.config.queues[queue];
  const day = DateTime.fromISO(isoDate, { zone: schedule.config.timeZone });
  const weekday = WEEKDAYS[day.weekday - 1] ?? "mon";
  let hours = toMinutes(q.weekly[weekday]);
  if (schedule.calendar.closingHoliday(isoDate) !== undefined) hours = [];
  const rules = q.exceptions.filter(
    (e) => e.rule !== undefined && schedule.calendar.ruleMatches(e.rule, isoDate),
  );
  const dates = q.exceptions.filter((e) => e.date === isoDate);
  for (const e of [...rules, ...dates]) {
    if (e.closed) hours = [];
    else if (e.hours) hours = toMinutes(e.hours);
    else hours = clip(hours, e.opensAt, e.closesAt);
  }
  return hours;
}

function localDay(schedule: OpeningHours, at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: schedule.config.timeZone }).startOf("day");
}

/**
 * A day's periods by schedule, queue and date. Resolving them through luxon took a few per
 * cent of the gateway's CPU under load (every handoff decision asks whether the queue is
 * open), and they depend on nothing else: a reloaded schedule is a new object with a cache
 * of its own.
 */
const periodsCache = new WeakMap<OpeningHours, Map<string, readonly Period[]>>();
/** Days kept per schedule; a slot search walks weeks ahead, a long-running process years. */
const CACHED_DAYS = 512;

/** Absolute periods of one local day; wall-clock times are resolved in the zone (DST-aware). */
function periodsOfDay(schedule: OpeningHours, queue: Lang, day: DateTime): readonly Period[] {
  const isoDate = day.toISODate() ?? "";
  let cache = periodsCache.get(schedule);
  if (!cache) {
    cache = new Map();
    periodsCache.set(schedule, cache);
  }
  const key = `${queue}|${isoDate}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= CACHED_DAYS) cache.clear();
  const periods: readonly Period[] = Object.freeze(
    resolvePeriods(schedule, queue, day, isoDate).map((p) => Object.freeze(p)),
  );
  cache.set(key, periods);
  return periods;
}

function resolvePeriods(
  schedule: OpeningHours,
  queue: Lang,
  day: DateTime,
  isoDate: string,
): Period[] {
  const at = (minutes: number): Date =>
    // 24:00 is the next midnight; other times go through luxon so a DST day is handled by
    // the zone rules rather than by adding minutes to midnight.
    minutes === 24 * 60
      ? day.plus({ days: 1 }).startOf("day").toJSDate()
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
  return dayHours(schedule, queue, isoDate).map((m) => ({ start: at(m.open), end: at(m.close) }));
}

/** Joins periods that touch (e.g. one day open to 24:00 and the next from 00:00). */
function merge(periods: readonly Period[]): Period[] {
  const out: Period[] = [];
  for (const p of periods) {
    const last = out[out.length - 1];
    if (last && last.end.getTime() >= p.start.getTime()) {
      if (p.end > last.end) last.end = p.end;
    } else {
      out.push({ start: p.start, end: p.end });
    }
  }
  return out;
}

/**
 * Opening periods that overlap [from, to), in order, not clipped to the window (a period
 * that began before `from` keeps its real start). Touching periods are merged.
 */
export function openingPeriods(
  schedule: OpeningHours,
  queue: Lang,
  from: Date,
  to: Date,
): Period[] {
  if (to <= from) return [];
  const all: Period[] = [];
  // Start a day early so a period running over midnight into `from` is seen and merged.
  const last = localDay(schedule, to);
  for (
    let day = localDay(schedule, from).minus({ days: 1 });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    all.push(...periodsOfDay(schedule, queue, day));
  }
  return merge(all).filter((p) => p.end > from && p.start < to);
}

/** The opening period containing `at` (with its full extent), or null when closed at `at`. */
export function currentPeriod(schedule: OpeningHours, queue: Lang, at: Date): Period | null {
  const found = openingPeriods(schedule, queue, at, new Date(at.getTime() + 1))[0];
  if (!found || found.start > at) return null;
  // A period ending at midnight may continue into the next day; follow it so closesAt is
  // the real closing time.
  const period = { start: found.start, end: found.end };
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const next = periodsOfDay(schedule, queue, localDay(schedule, period.end))[0];
    if (!next || next.start.getTime() !== period.end.getTime()) break;
    period.end = next.end;
  }
  return period;
}

/** True when the queue is open at the instant `at`. */
export function isOpen(schedule: OpeningHours, queue: Lang, at: Date): boolean {
  const day = localDay(schedule, at);
  const t = at.getTime();
  // Today's periods plus yesterday's in case one ran to midnight: enough for containment.
  return [day.minus({ days: 1 }), day].some((d) =>
    periodsOfDay(schedule, queue, d).some((p) => p.start.getTime() <= t && t < p.end.getTime()),
  );
}

/** When the open period containing `at` closes, or null when closed at `at`. */
export function closesAt(schedule: OpeningHours, queue: Lang, at: Date): Date | null {
  return currentPeriod(schedule, queue, at)?.end ?? null;
}

/**
 * The earliest instant at or after `at` when the queue is open: `at` itself when it is
 * open now, otherwise the start of the next opening period. Throws only if the schedule
 * never opens within SEARCH_DAYS days (a config that closes every day).
 */
export function nextOpening(schedule: OpeningHours, queue: Lang, at: Date): Date {
  if (isOpen(schedule, queue, at)) return at;
  const t = at.getTime();
  let day = localDay(schedule, at);
  for (let i = 0; i < SEARCH_DAYS; i++, day = day.plus({ days: 1 })) {
    const next = periodsOfDay(schedule, queue, day).find((p) => p.start.getTime() > t);
    if (next) return next.start;
  }
  throw new Error(`queue ${queue} does not open within ${SEARCH_DAYS} days of ${at.toISOString()}`);
}

/**
 * Works out every queue's opening periods around `at`, and with them the year's holidays, for
 * a long-running process to call at start: otherwise its first handoff pays for them on the
 * chats' event loop (date-holidays takes about 20 ms for a year), and a schedule that cannot
 * be read fails then rather than at start.
 */
export function warmSchedule(schedule: OpeningHours, at: Date): void {
  for (const queue of LANGS) {
    closesAt(schedule, queue, at);
    nextOpening(schedule, queue, at);
  }
}
