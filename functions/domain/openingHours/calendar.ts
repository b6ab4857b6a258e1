/**
 * What the schedule asks about holidays, whatever answers it: the rule engine where the
 * repository is at hand (holidayRules.ts), or dates computed at synth in a deployed function
 * (`DatedHolidayCalendar`), which carries no holiday engine at all.
 */
export interface HolidayCalendar {
  /** The holiday's name when `isoDate` (local) is a holiday of a closing type, else undefined. */
  closingHoliday(isoDate: string): string | undefined;
  /** True when the yearly `rule` (alias or date-holidays expression) falls on `isoDate`. */
  ruleMatches(rule: string, isoDate: string): boolean;
}

/** A calendar's answers for every day from `from` to `to` (local dates, both inclusive). */
export interface HolidayDates {
  country: string;
  closedTypes: string[];
  from: string;
  to: string;
  /** Closing holidays: date -> name. */
  closing: Record<string, string>;
  /** Per exception rule of the config, the dates it falls on. */
  rules: Record<string, string[]>;
}

/**
 * Thrown when a date outside the precomputed range is asked about. Guessing "no holiday" would
 * open the service on a public holiday without anyone noticing; failing makes the request a
 * logged 500, which the API's error alarm reports: redeploy to compute further years.
 */
export class HolidayRangeError extends RangeError {
  override readonly name = "HolidayRangeError";
}

/** The local date after `isoDate` ("YYYY-MM-DD"); time-zone free, as dates are local already. */
export function nextIsoDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Asks `calendar` about every day from `from` to `to` and `rules`, for a DatedHolidayCalendar. */
export function holidayDates(
  calendar: HolidayCalendar,
  range: { country: string; closedTypes: readonly string[]; from: string; to: string },
  rules: readonly string[],
): HolidayDates {
  if (!(range.from <= range.to)) {
    throw new RangeError(`holiday range ${range.from}..${range.to} is empty`);
  }
  const closing: Record<string, string> = {};
  const ruleDates: Record<string, string[]> = Object.fromEntries(rules.map((r) => [r, []]));
  for (let day = range.from; day <= range.to; day = nextIsoDate(day)) {
    const name = calendar.closingHoliday(day);
    if (name !== undefined) closing[day] = name;
    for (const rule of rules) if (calendar.ruleMatches(rule, day)) ruleDates[rule]?.push(day);
  }
  return { ...range, closedTypes: [...range.closedTypes], closing, rules: ruleDates };
}

/** Answers from precomputed dates; throws HolidayRangeError for a date outside them. */
export class DatedHolidayCalendar implements HolidayCalendar {
  private readonly rules: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(readonly dates: HolidayDates) {
    this.rules = new Map(Object.entries(dates.rules).map(([rule, days]) => [rule, new Set(days)]));
  }

  closingHoliday(isoDate: string): string | undefined {
    this.checkRange(isoDate);
    return Object.hasOwn(this.dates.closing, isoDate) ? this.dates.closing[isoDate] : undefined;
  }

  ruleMatches(rule: string, isoDate: string): boolean {
    this.checkRange(isoDate);
    const days = this.rules.get(rule);
    if (!days) throw new HolidayRangeError(`no dates for holiday rule "${rule}" in the snapshot`);
    return days.has(isoDate);
  }

  private checkRange(isoDate: string): void {
    if (isoDate < this.dates.from || isoDate > this.dates.to) {
      throw new HolidayRangeError(
        `holiday dates are known from ${this.dates.from} to ${this.dates.to}, not for ${isoDate}: redeploy to compute later years`,
      );
    }
  }
}
