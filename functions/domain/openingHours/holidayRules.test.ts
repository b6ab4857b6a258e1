import Holidays from "date-holidays";
import { data as worldHolidays } from "date-holidays/data";
import { describe, expect, it } from "vitest";
import { type HolidayData, RULE_ALIASES, RuleHolidayCalendar } from "./holidayRules.ts";

// The local runtime and synth compute holidays with date-holidays-parser over date-holidays'
// data; date-holidays itself is the reference both must agree with.
const YEARS = Array.from({ length: 131 }, (_, i) => 1970 + i);
const ALL_TYPES = ["public", "bank", "school", "optional", "observance"];
const world = worldHolidays as HolidayData;

let finnishHolidays: Map<string, { name: string; type: string }[]>[] | undefined;
/**
 * date-holidays' Finnish holidays of each year of YEARS, by date: computed once for the
 * cases that compare against them (seconds each time).
 */
function referenceYears(): Map<string, { name: string; type: string }[]>[] {
  const reference = new Holidays("FI");
  finnishHolidays ??= YEARS.map((year) => {
    const byDate = new Map<string, { name: string; type: string }[]>();
    for (const h of reference.getHolidays(year)) {
      const date = h.date.slice(0, 10);
      byDate.set(date, [...(byDate.get(date) ?? []), h]);
    }
    return byDate;
  });
  return finnishHolidays;
}

describe("holidays from date-holidays' rules", () => {
  it.each([
    ["every holiday type", ALL_TYPES],
    ["public holidays only", ["public"]],
  ])("closes the days date-holidays gives for Finland, 1970-2100 (%s)", (_, types) => {
    const calendar = new RuleHolidayCalendar(world, "FI", types);
    for (const byDate of referenceYears()) {
      expect(byDate.size).toBeGreaterThan(10);
      for (const [date, holidays] of byDate) {
        const closing = holidays.filter((h) => types.includes(h.type)).map((h) => h.name);
        const name = calendar.closingHoliday(date);
        // Two holidays can share a day (Whitsun and Mother's Day): either name will do.
        if (closing.length === 0) expect(name, date).toBeUndefined();
        else expect(closing, date).toContain(name);
      }
    }
  });

  it("puts every named rule on the dates date-holidays computes for it", () => {
    const calendar = new RuleHolidayCalendar(world, "FI", ["public"]);
    for (const [alias, rule] of Object.entries(RULE_ALIASES)) {
      const reference = new Holidays();
      reference.setHoliday(rule, { name: { en: alias }, type: "public" });
      for (const year of YEARS) {
        const [day] = reference.getHolidays(year);
        expect(day, `${alias} ${year}`).toBeDefined();
        expect(calendar.ruleMatches(alias, day?.date.slice(0, 10) ?? ""), `${alias} ${year}`).toBe(
          true,
        );
      }
    }
  });
});
