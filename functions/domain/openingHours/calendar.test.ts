import Holidays from "date-holidays";
import { data as worldHolidays } from "date-holidays/data";
import { describe, expect, it } from "vitest";
import { countryHolidayData, HolidayCalendar, type HolidayData, RULE_ALIASES } from "./calendar.ts";

// A deployed function computes holidays from one country's part of the data with
// date-holidays-parser; the local runtime used date-holidays itself. Both must agree.
const YEARS = Array.from({ length: 131 }, (_, i) => 1970 + i);
const ALL_TYPES = ["public", "bank", "school", "optional", "observance"];

describe("Finland's part of the holiday data", () => {
  const finland = countryHolidayData(worldHolidays as HolidayData, "FI");

  it("holds only Finland's rules and the names they use", () => {
    expect(Object.keys(finland.holidays)).toEqual(["FI"]);
    expect(JSON.stringify(finland).length).toBeLessThan(16_000);
  });

  it.each([
    ["every holiday type", ALL_TYPES],
    ["public holidays only", ["public"]],
  ])("closes the days date-holidays gives for Finland, 1970-2100 (%s)", (_, types) => {
    const reference = new Holidays("FI");
    const calendar = new HolidayCalendar(finland, "FI", types);
    const fromWorld = new HolidayCalendar(worldHolidays as HolidayData, "FI", types);
    for (const year of YEARS) {
      const byDate = new Map<string, { name: string; type: string }[]>();
      for (const h of reference.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        byDate.set(date, [...(byDate.get(date) ?? []), h]);
      }
      expect(byDate.size).toBeGreaterThan(10);
      for (const [date, holidays] of byDate) {
        const closing = holidays.filter((h) => types.includes(h.type)).map((h) => h.name);
        const name = calendar.closingHoliday(date);
        // Two holidays can share a day (Whitsun and Mother's Day): either name will do.
        if (closing.length === 0) expect(name, date).toBeUndefined();
        else expect(closing, date).toContain(name);
        expect(name, date).toBe(fromWorld.closingHoliday(date));
      }
    }
  });

  it("puts every named rule on the dates date-holidays computes for it", () => {
    const calendar = new HolidayCalendar(finland, "FI", ["public"]);
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

  it("refuses a country the data does not have", () => {
    expect(() => countryHolidayData(finland, "SE")).toThrow(/no holiday data for country "SE"/);
  });
});
