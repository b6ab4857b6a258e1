/**
 * Report periods as calendar days (YYYY-MM-DD) in Europe/Helsinki, the days the report
 * counters are kept in. Pure: "today" is always passed in.
 */

export type PresetId = "last7" | "last30" | "previousMonth" | "thisYear";
export const PRESETS: readonly PresetId[] = ["last7", "last30", "previousMonth", "thisYear"];

export interface Period {
  from: string;
  to: string;
}

/** Longest period the API accepts (MAX_REPORT_DAYS in functions/http/handlers/reportSummary.ts). */
export const MAX_PERIOD_DAYS = 731;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

const helsinkiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Helsinki as YYYY-MM-DD (a supervisor abroad still gets the agency's day). */
export function helsinkiToday(now: Date): string {
  return helsinkiDay.format(now);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function dayCount(period: Period): number {
  const diff =
    (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS;
  return diff < 0 ? 0 : Math.round(diff) + 1;
}

/** The period a preset means on `today`; every preset ends today except the previous month. */
export function presetPeriod(preset: PresetId, today: string): Period {
  switch (preset) {
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "previousMonth": {
      const firstOfMonth = `${today.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
    case "thisYear":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** Which preset a period equals on `today`, or undefined for a custom period. */
export function matchingPreset(period: Period, today: string): PresetId | undefined {
  return PRESETS.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

export type PeriodProblem = "fromInvalid" | "toInvalid" | "toBeforeFrom" | "tooLong";

/** Checks a period before asking the server, so the form can say what is wrong next to it. */
export function periodProblem(period: Period): PeriodProblem | undefined {
  if (!isDay(period.from)) return "fromInvalid";
  if (!isDay(period.to)) return "toInvalid";
  if (period.to < period.from) return "toBeforeFrom";
  if (dayCount(period) > MAX_PERIOD_DAYS) return "tooLong";
  return undefined;
}

/** Every day of the period in order, e.g. to draw days without chats as zero. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let d = period.from; d <= period.to && days.length <= MAX_PERIOD_DAYS; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}
