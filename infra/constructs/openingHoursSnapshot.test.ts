import { describe, expect, it } from "vitest";
import { HOLIDAY_YEARS, openingHoursSnapshotJson } from "./openingHoursSnapshot.ts";

describe("the opening-hours snapshot synth writes", () => {
  it("carries holiday dates from the previous year through five years ahead", () => {
    const { holidays } = JSON.parse(openingHoursSnapshotJson(new Date("2026-11-23T12:00:00Z")));
    expect(HOLIDAY_YEARS).toEqual({ before: 1, after: 5 });
    expect(holidays).toMatchObject({ from: "2025-01-01", to: "2031-12-31" });
    expect(holidays.closing["2031-12-25"]).toBe("joulupäivä");
  });

  it("fails the synth when the dates would run out within two years", () => {
    expect(() =>
      openingHoursSnapshotJson(new Date("2026-11-23T12:00:00Z"), { before: 1, after: 1 }),
    ).toThrow(/holiday dates end 2027-12-31, but a deployment needs them to 2028-12-07/);
  });
});
