import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { HolidayRangeError, nextIsoDate } from "./calendar.ts";
import { OpeningHoursConfigError } from "./config.ts";
import { RULE_ALIASES } from "./holidayRules.ts";
import { loadOpeningHours } from "./load.ts";
import { isOpen, nextOpening } from "./schedule.ts";
import {
  loadOpeningHoursSnapshot,
  openingHoursFromJson,
  openingHoursToJson,
  snapshotSha256,
} from "./snapshot.ts";

const fromYaml = loadOpeningHours();
// The window synth writes (infra/constructs/openingHoursSnapshot.ts), for a synth in 2026.
const RANGE = { from: "2025-01-01", to: "2031-12-31" };
const exceptionRules = [
  ...new Set(
    Object.values(fromYaml.config.queues).flatMap((q) =>
      q.exceptions.flatMap((e) => (e.rule ? [e.rule] : [])),
    ),
  ),
];

function* days(from: string, to: string): Generator<string> {
  for (let day = from; day <= to; day = nextIsoDate(day)) yield day;
}

describe("the opening-hours snapshot of deployed functions", () => {
  const json = openingHoursToJson(fromYaml, RANGE);
  const fromJson = openingHoursFromJson(json);

  it("carries the validated config and holiday dates, no holiday rules", () => {
    expect(fromJson.config).toEqual(fromYaml.config);
    const { holidays } = JSON.parse(json);
    expect(holidays).toMatchObject({ country: "FI", closedTypes: ["public"], ...RANGE });
    expect(Object.keys(holidays.rules).sort()).toEqual([...exceptionRules].sort());
    expect(json.length).toBeLessThan(20_000);
  });

  it("closes and shortens the same days as the YAML, every day of its range", () => {
    let checked = 0;
    for (const iso of days(RANGE.from, RANGE.to)) {
      expect(fromJson.calendar.closingHoliday(iso), iso).toBe(
        fromYaml.calendar.closingHoliday(iso),
      );
      for (const rule of exceptionRules) {
        expect(fromJson.calendar.ruleMatches(rule, iso), `${rule} ${iso}`).toBe(
          fromYaml.calendar.ruleMatches(rule, iso),
        );
      }
      checked++;
    }
    expect(checked).toBe(7 * 365 + 1); // 2025-2031, with 2028 a leap year
  });

  it("holds exactly the public holidays and rule dates date-holidays computes", () => {
    const { holidays } = JSON.parse(json);
    const reference = new Holidays("FI");
    const expected: string[] = [];
    for (let year = 2025; year <= 2031; year++) {
      for (const h of reference.getHolidays(year)) {
        if (h.type === "public") expected.push(h.date.slice(0, 10));
      }
    }
    expect(Object.keys(holidays.closing).sort()).toEqual([...new Set(expected)].sort());
    for (const rule of exceptionRules) {
      const one = new Holidays();
      one.setHoliday(RULE_ALIASES[rule] ?? rule, { name: { en: rule }, type: "public" });
      const dates = [];
      for (let year = 2025; year <= 2031; year++) {
        dates.push(...one.getHolidays(year).map((h) => h.date.slice(0, 10)));
      }
      expect(holidays.rules[rule], rule).toEqual(dates);
    }
  });

  it("fails loudly, not as a normal day, for a date outside its range", () => {
    expect(() => fromJson.calendar.closingHoliday("2032-01-01")).toThrow(HolidayRangeError);
    expect(() => fromJson.calendar.closingHoliday("2024-12-31")).toThrow(
      /known from 2025-01-01 to 2031-12-31, not for 2024-12-31: redeploy/,
    );
    expect(() => fromJson.calendar.ruleMatches("christmas-eve", "2032-12-24")).toThrow(
      HolidayRangeError,
    );
    // The schedule questions pass it on: a request fails (a logged 500) instead of
    // answering "open" on a day whose holidays are unknown.
    expect(() => isOpen(fromJson, "fi", new Date("2032-01-01T10:00:00+02:00"))).toThrow(
      HolidayRangeError,
    );
    // Friday 2031-12-31 after closing: the next opening is in 2032, beyond the dates.
    expect(() => nextOpening(fromJson, "fi", new Date("2031-12-31T17:00:00+02:00"))).toThrow(
      HolidayRangeError,
    );
    // Inside the range the same questions answer.
    expect(nextOpening(fromJson, "fi", new Date("2031-12-30T17:00:00+02:00")).toISOString()).toBe(
      "2031-12-31T07:00:00.000Z",
    );
  });

  it("reads the file OPENING_HOURS_FILE names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "opening-hours-")), "opening-hours.json");
    writeFileSync(file, json);
    expect(loadOpeningHoursSnapshot(file).config).toEqual(fromYaml.config);
  });

  it("fails the cold start, naming the problem, without a usable snapshot", () => {
    expect(() => loadOpeningHoursSnapshot("")).toThrow(OpeningHoursConfigError);
    expect(() => loadOpeningHoursSnapshot("/nonexistent/opening-hours.json")).toThrow(
      /cannot read opening hours snapshot \/nonexistent/,
    );
    expect(() => openingHoursFromJson("{", "x.json")).toThrow(/x\.json is not valid JSON/);
    expect(() => openingHoursFromJson('{"config":{}}', "x.json")).toThrow(/no holiday dates/);
  });

  it("trusts the text synth validated by its SHA-256, and refuses any other text", () => {
    // Prepare
    const sha = snapshotSha256(json);
    const edited = json.replace('"Europe/Helsinki"', '"Mars/Olympus_Mons"');
    // Act
    const pinned = openingHoursFromJson(json, "x.json", sha);
    // Assess
    expect(pinned.config).toEqual(fromYaml.config);
    expect(isOpen(pinned, "fi", new Date("2031-12-30T08:00:00Z"))).toBe(
      isOpen(fromJson, "fi", new Date("2031-12-30T08:00:00Z")),
    );
    expect(() => openingHoursFromJson(edited, "x.json", sha)).toThrow(
      /x\.json is not the snapshot validated at synth/,
    );
  });

  it("checks the time zone against the runtime even when the text is pinned", () => {
    const badZone = json.replace('"Europe/Helsinki"', '"Mars/Olympus_Mons"');
    expect(() => openingHoursFromJson(badZone, "x.json", snapshotSha256(badZone))).toThrow(
      /timeZone: not a valid IANA time zone on this runtime/,
    );
  });

  it("refuses holiday dates computed for another config", () => {
    const snapshot = JSON.parse(json);
    const otherCountry = { ...snapshot, holidays: { ...snapshot.holidays, country: "SE" } };
    expect(() => openingHoursFromJson(JSON.stringify(otherCountry), "x.json")).toThrow(
      /holidays: the holiday dates are for SE \(public\), not FI \(public\)/,
    );
    const noRule = { ...snapshot, holidays: { ...snapshot.holidays, rules: {} } };
    expect(() => openingHoursFromJson(JSON.stringify(noRule), "x.json")).toThrow(
      /no holiday dates for rule "christmas-eve"/,
    );
  });
});
