import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { OpeningHoursConfigError } from "./config.ts";
import { loadOpeningHours } from "./load.ts";
import { loadOpeningHoursSnapshot, openingHoursFromJson, openingHoursToJson } from "./snapshot.ts";

const fromYaml = loadOpeningHours();

describe("the opening-hours snapshot of deployed functions", () => {
  const json = openingHoursToJson(fromYaml);
  const fromJson = openingHoursFromJson(json);

  it("carries the validated config and only Finland's holiday rules", () => {
    expect(fromJson.config).toEqual(fromYaml.config);
    expect(Object.keys(JSON.parse(json).holidays.holidays)).toEqual(["FI"]);
    expect(json.length).toBeLessThan(20_000);
  });

  it("closes and shortens the same days as the YAML for years ahead", () => {
    const exceptionRules = fromYaml.config.queues.fi.exceptions.flatMap((e) =>
      e.rule ? [e.rule] : [],
    );
    let day = DateTime.fromISO("2025-01-01", { zone: "Europe/Helsinki" });
    const end = DateTime.fromISO("2040-12-31", { zone: "Europe/Helsinki" });
    for (; day <= end; day = day.plus({ days: 1 })) {
      const iso = day.toISODate() ?? "";
      expect(fromJson.calendar.closingHoliday(iso), iso).toBe(
        fromYaml.calendar.closingHoliday(iso),
      );
      for (const rule of exceptionRules) {
        expect(fromJson.calendar.ruleMatches(rule, iso), `${rule} ${iso}`).toBe(
          fromYaml.calendar.ruleMatches(rule, iso),
        );
      }
    }
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
    expect(() => openingHoursFromJson('{"config":{}}', "x.json")).toThrow(/no holiday data/);
  });
});
