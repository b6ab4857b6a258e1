import Holidays from "date-holidays-parser";
import type { HolidayCalendar } from "./calendar.ts";
import type { ConfigIssue, HolidaySource } from "./config.ts";

/**
 * Holidays computed from date-holidays' rules (date-holidays-parser): for the local server,
 * the gateway, tests and synth, which then writes the dates a deployed function reads
 * (snapshot.ts), so no function bundles this engine.
 */

/** Holiday data in date-holidays' format: rules per country plus the shared names they refer to. */
export interface HolidayData {
  version?: string;
  license?: string;
  holidays: Record<string, Record<string, unknown>>;
  names?: Record<string, unknown>;
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

/** The config's holidays from date-holidays' rules in `data` (every country's, as a rule). */
export function ruleHolidaySource(data: HolidayData): HolidaySource {
  return {
    check(config) {
      const issues: ConfigIssue[] = [];
      // Which countries exist depends on the data at hand, so this check sits outside the schema.
      if (!isKnownCountry(data, config.holidays.country)) {
        issues.push({
          path: ["holidays", "country"],
          message: `date-holidays has no country "${config.holidays.country}"`,
        });
      }
      for (const [lang, queue] of Object.entries(config.queues)) {
        queue.exceptions.forEach((e, i) => {
          if (e.rule !== undefined && !isValidHolidayRule(e.rule)) {
            issues.push({
              path: ["queues", lang, "exceptions", i, "rule"],
              message: `unknown rule "${e.rule}": use one of ${Object.keys(RULE_ALIASES).join(", ")} or a date-holidays rule such as "easter -3"`,
            });
          }
        });
      }
      return issues;
    },
    calendar: (config) =>
      new RuleHolidayCalendar(data, config.holidays.country, config.holidays.closedTypes),
  };
}

/** Local calendar date "YYYY-MM-DD" of a date-holidays entry (its `date` is local already). */
function localDate(entry: { date: string }): string {
  return entry.date.slice(0, 10);
}

/**
 * Answers "is this local date a closing holiday?" and "does this yearly rule fall on this
 * date?", caching each year's dates because schedule queries walk day by day.
 */
export class RuleHolidayCalendar implements HolidayCalendar {
  private readonly country: Holidays;
  private readonly closedTypes: ReadonlySet<string>;
  private readonly holidayYears = new Map<number, Map<string, string>>();
  private readonly ruleYears = new Map<string, Set<string>>();
  private readonly ruleCalendars = new Map<string, Holidays>();

  constructor(data: HolidayData, country: string, closedTypes: readonly string[]) {
    this.country = new Holidays(data, country);
    this.closedTypes = new Set(closedTypes);
  }

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
