import { describe, expect, it } from "vitest";
import {
  addDays,
  dayCount,
  daysOf,
  helsinkiToday,
  isDay,
  matchingPreset,
  periodProblem,
  presetPeriod,
} from "./periods.ts";

describe("report periods", () => {
  it("takes today from the Helsinki calendar, not UTC", () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Helsinki (UTC+2).
    expect(helsinkiToday(new Date("2025-12-31T22:30:00Z"))).toBe("2026-01-01");
    expect(helsinkiToday(new Date("2026-06-30T20:59:00Z"))).toBe("2026-06-30");
    expect(helsinkiToday(new Date("2026-06-30T21:00:00Z"))).toBe("2026-07-01");
  });

  it("makes the last 7 and 30 days end today, both ends included", () => {
    expect(presetPeriod("last7", "2026-03-02")).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    expect(presetPeriod("last30", "2026-03-02")).toEqual({ from: "2026-02-01", to: "2026-03-02" });
    expect(dayCount(presetPeriod("last7", "2026-03-02"))).toBe(7);
    expect(dayCount(presetPeriod("last30", "2024-03-01"))).toBe(30);
  });

  it("makes this year start on 1 January and the previous month cover the whole month", () => {
    expect(presetPeriod("thisYear", "2026-11-23")).toEqual({
      from: "2026-01-01",
      to: "2026-11-23",
    });
    expect(presetPeriod("previousMonth", "2024-03-15")).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(presetPeriod("previousMonth", "2026-01-05")).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
  });

  it("recognises a period that equals a preset and leaves others custom", () => {
    expect(matchingPreset({ from: "2026-11-17", to: "2026-11-23" }, "2026-11-23")).toBe("last7");
    expect(matchingPreset({ from: "2026-11-16", to: "2026-11-23" }, "2026-11-23")).toBeUndefined();
  });

  it("accepts only real calendar days", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("26-01-01")).toBe(false);
    expect(isDay("")).toBe(false);
  });

  it("names what is wrong with a period before the server is asked", () => {
    expect(periodProblem({ from: "2026-01-01", to: "2026-01-31" })).toBeUndefined();
    expect(periodProblem({ from: "", to: "2026-01-31" })).toBe("fromInvalid");
    expect(periodProblem({ from: "2026-01-01", to: "x" })).toBe("toInvalid");
    expect(periodProblem({ from: "2026-02-01", to: "2026-01-31" })).toBe("toBeforeFrom");
    expect(periodProblem({ from: "2024-01-01", to: "2025-12-31" })).toBeUndefined();
    expect(periodProblem({ from: "2024-01-01", to: "2026-01-01" })).toBe("tooLong");
  });

  it("lists every day of a period across month and year ends", () => {
    expect(daysOf({ from: "2025-12-30", to: "2026-01-02" })).toEqual([
      "2025-12-30",
      "2025-12-31",
      "2026-01-01",
      "2026-01-02",
    ]);
    expect(daysOf({ from: "2026-01-02", to: "2026-01-01" })).toEqual([]);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});
