import { describe, expect, it } from "vitest";
import {
  decimalForCsv,
  formatCount,
  formatDay,
  formatPeriod,
  formatRate,
  formatScore,
  formatWait,
  NO_DATA,
  rateForCsv,
} from "./format.ts";

describe("report figure formatting", () => {
  it("writes counts with a space as the thousands separator in both languages", () => {
    expect(formatCount(502_500, "fi")).toBe("502\u00a0500");
    expect(formatCount(502_500, "sv")).toBe("502\u00a0500");
    expect(formatCount(0, "fi")).toBe("0");
  });

  it("writes rates as percentages with a decimal comma, and no data as a dash", () => {
    expect(formatRate(0.98, "fi")).toBe("98,0\u00a0%");
    expect(formatRate(0.0056, "sv")).toBe("0,6\u00a0%");
    expect(formatRate(1, "fi")).toBe("100,0\u00a0%");
    expect(formatRate(null, "fi")).toBe(NO_DATA);
    expect(formatRate(Number.NaN, "fi")).toBe(NO_DATA);
  });

  it("writes the average satisfaction on the five-step scale", () => {
    expect(formatScore(4.25, "fi")).toBe("4,3\u00a0/\u00a05");
    expect(formatScore(null, "sv")).toBe(NO_DATA);
  });

  it("writes spreadsheet numbers without units, grouping or special spaces", () => {
    expect(rateForCsv(0.985, "fi")).toBe("98,5");
    expect(rateForCsv(null, "fi")).toBe("");
    expect(decimalForCsv(12345.678, 2, "sv")).toBe("12345,68");
    expect(decimalForCsv(-1.5, 1, "fi")).toBe("-1,5");
  });

  it("writes days and periods the Finnish way", () => {
    expect(formatDay("2026-01-05")).toBe("5.1.2026");
    expect(formatDay("2026-01-05", { year: false })).toBe("5.1.");
    expect(formatPeriod("2026-11-01", "2026-11-30")).toBe("1.–30.11.2026");
    expect(formatPeriod("2026-10-25", "2026-11-23")).toBe("25.10.–23.11.2026");
    expect(formatPeriod("2025-12-28", "2026-01-03")).toBe("28.12.2025–3.1.2026");
    expect(formatPeriod("2026-11-23", "2026-11-23")).toBe("23.11.2026");
  });

  it("writes a queue wait in seconds and minutes, an hour or more as a lower bound, none as a dash", () => {
    expect(formatWait(45)).toBe("45\u00a0s");
    expect(formatWait(130)).toBe("2\u00a0min 10\u00a0s");
    expect(formatWait(300)).toBe("5\u00a0min");
    expect(formatWait(3600)).toBe("≥\u00a060\u00a0min");
    expect(formatWait(null)).toBe(NO_DATA);
  });
});
