import { describe, expect, it } from "vitest";
import { dayTime, waitedFor } from "./callbackFormat.ts";

const MIN = 60_000;

describe("waitedFor", () => {
  it("says less than a minute rather than zero, also for a clock a little behind", () => {
    expect(waitedFor(59_999, "fi")).toBe("alle 1 min");
    expect(waitedFor(-5_000, "sv")).toBe("under 1 min");
  });

  it("counts whole minutes under an hour", () => {
    expect(waitedFor(MIN, "fi")).toBe("1 min");
    expect(waitedFor(59 * MIN + 59_000, "sv")).toBe("59 min");
  });

  it("gives hours with two-digit minutes under a day", () => {
    expect(waitedFor(3 * 60 * MIN + 5 * MIN, "fi")).toBe("3 h 05 min");
    expect(waitedFor(23 * 60 * MIN + 59 * MIN, "sv")).toBe("23 h 59 min");
  });

  it("gives days and hours from a day on, in the UI language", () => {
    const wait = (2 * 24 + 4) * 60 * MIN + 30 * MIN;
    expect(waitedFor(wait, "fi")).toBe("2 pv 4 h");
    expect(waitedFor(wait, "sv")).toBe("2 d 4 h");
  });
});

describe("dayTime", () => {
  it("writes an instant in Helsinki time, whatever the computer's zone", () => {
    // 08:05 UTC is 10:05 in Helsinki in November (UTC+2).
    expect(dayTime("2026-11-24T08:05:00Z", "fi")).toBe("ti 24.11. klo 10.05");
    expect(dayTime("2026-11-24T08:05:00Z", "sv")).toBe("tis 24.11 kl. 10.05");
  });

  it("follows summer time", () => {
    expect(dayTime("2026-06-02T06:00:00Z", "fi")).toBe("ti 2.6. klo 9.00");
    expect(dayTime("2026-06-02T06:00:00Z", "sv")).toBe("tis 2.6 kl. 9.00");
  });

  it('puts "kl." before the time in Swedish, as Finland-Swedish writes it', () => {
    // ICU's sv-FI alone gives "lör 5.12 23.52".
    expect(dayTime("2026-12-05T21:52:00Z", "sv")).toBe("lör 5.12 kl. 23.52");
    expect(dayTime("2026-12-05T22:00:00Z", "sv")).toBe("sön 6.12 kl. 0.00");
    expect(dayTime("2026-12-05T22:00:00Z", "fi")).toBe("su 6.12. klo 0.00");
  });

  it("shows text that is not a date as it came instead of 'Invalid Date'", () => {
    expect(dayTime("not a date", "fi")).toBe("not a date");
  });
});
