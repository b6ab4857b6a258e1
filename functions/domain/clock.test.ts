import { describe, expect, it } from "vitest";
import { manualClock, runningClockFrom } from "./clock.ts";

describe("runningClockFrom", () => {
  it("starts at the given instant and then runs with real time", () => {
    let real = 1_000_000;
    const clock = runningClockFrom(new Date("2026-01-02T07:00:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2026-01-02T07:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2026-01-02T07:01:30.000Z");
  });
});

describe("manualClock", () => {
  it("moves only when told", () => {
    const clock = manualClock(new Date("2026-01-02T07:00:00Z"));
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe("2026-01-02T07:00:01.000Z");
  });
});
