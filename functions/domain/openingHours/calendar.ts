import Holidays from "date-holidays-parser";

/**
 * Holiday data in date-holidays' format: rules per country plus the shared names they refer
 * to. The full set (every country) comes from the date-holidays package where the opening
 * hours are read from YAML; a deployed function gets only its country's part (see
 * `countryHolidayData`), so it carries none of the other countries' data.
 */
export interface HolidayData {
  version?: string;
  license?: string;
  holidays: Record<string, CountryRules>;
  names?: Record<string, unknown>;
}

interface CountryRules {
  days?: Record<string, { _name?: string } | false | string>;
  [key: string]: unknown;
}

/**
 * Named yearly rules for exception days, written in date-holidays' own rule grammar so the
 * library computes the date every year. The Finnish data set lists Christmas Eve and
 * Midsummer Eve as "bank" days (not "public"), so the service must close them explicitly;
 * these expressions are the ones date-holidays uses for its FI entries.
 */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  "christmas-eve": "12-24",
  "midsummer-eve": "friday after 06-19",
  "new-years-eve": "12-31",
  "epiphany-eve": "01-05",
  "may-day-eve": "04-30",
  "maundy-thursday": "easter -3",
  "independence-day-eve": "12-05",
};

// Rules alone need no country data; the parser only insists on an object.
const NO_COUNTRIES: HolidayData = { holidays: {} };

function expand(rule: string): string {
  return RULE_ALIASES[rule] ?? rule;
}

/** True when `rule` is an alias or an expression date-holidays can parse. */
export function isValidHolidayRule(rule: string): boolean {
  if (rule in RULE_ALIASES) return true;
  // date-holidays reports unparsable rules with console.error and `false`; a bad rule is a
  // config error, which the caller turns into a fail-fast message.
  return new Holidays(NO_COUNTRIES).setHoliday(rule, { name: { en: rule }, type: "public" });
}

/** True when `data` has rules for the country code. */
export function isKnownCountry(data: HolidayData, country: string): boolean {
  return Object.hasOwn(data.holidays, country.toUpperCase());
}

/**
 * The part of `data` that one country's calendar reads: its rules and the shared names they
 * refer to. Gives the same holidays as the full data for that country.
 */
export function countryHolidayData(data: HolidayData, country: string): HolidayData {
  const code = country.toUpperCase();
  const rules = data.holidays[code];
  if (!rules) throw new RangeError(`no holiday data for country "${country}"`);
  const names: Record<string, unknown> = {};
  for (const day of Object.values(rules.days ?? {})) {
    const ref = typeof day === "object" && day ? day._name : undefined;
    if (ref && data.names && ref in data.names) names[ref] = data.names[ref];
  }
  return { version: data.version, license: data.license, holidays: { [code]: rules }, names };
}

/** Local calendar date "YYYY-MM-DD" of a date-holidays entry (its `date` is local already). */
function localDate(entry: { date: string }): string {
  return entry.date.slice(0, 10);
}

/**
 * Answers "is this local date a closing holiday?" and "does this yearly rule fall on this
 * date?", caching each year's dates because schedule queries walk day by day.
 */
export class HolidayCalendar {
  /** The country's own part of the holiday data: what a snapshot of this calendar carries. */
  readonly data: HolidayData;
  private readonly country: Holidays;
  private readonly closedTypes: ReadonlySet<string>;
  private readonly holidayYears = new Map<number, Map<string, string>>();
  private readonly ruleYears = new Map<string, Set<string>>();
  private readonly ruleCalendars = new Map<string, Holidays>();

  constructor(data: HolidayData, country: string, closedTypes: readonly string[]) {
    this.data = countryHolidayData(data, country);
    this.country = new Holidays(this.data, country);
    this.closedTypes = new Set(closedTypes);
  }

  /** The holiday's name when `isoDate` (local) is a holiday of a closing type, else undefined. */
  closingHoliday(isoDate: string): string | undefined {
    const year = Number(isoDate.slice(0, 4));
    let byDate = this.holidayYears.get(year);
    if (!byDate) {
      byDate = new Map();
      for (const h of this.country.getHolidays(year)) {
        if (this.closedTypes.has(h.type)) byDate.set(localDate(h), h.name);
      }
      this.holidayYears.set(year, byDate);
    }
    return byDate.get(isoDate);
  }

  /** True when the yearly `rule` (alias or date-holidays expression) falls on `isoDate`. */
  ruleMatches(rule: string, isoDate: string): boolean {
    const year = Number(isoDate.slice(0, 4));
    const key = `${rule}\u0000${year}`;
    let dates = this.ruleYears.get(key);
    if (!dates) {
      let cal = this.ruleCalendars.get(rule);
      if (!cal) {
        cal = new Holidays(NO_COUNTRIES);
        cal.setHoliday(expand(rule), { name: { en: rule }, type: "public" });
        this.ruleCalendars.set(rule, cal);
      }
      dates = new Set(cal.getHolidays(year).map(localDate));
      this.ruleYears.set(key, dates);
    }
    return dates.has(isoDate);
  }
}
