import { describe, expect, it } from "vitest";
import {
  formatClockTime,
  formatDay,
  formatNextOpening,
  formatNextOpeningIfClosed,
  formatOpeningTime,
} from "./format.ts";
import { loadOpeningHours } from "./load.ts";

const schedule = loadOpeningHours();
const at = (iso: string) => new Date(iso);
const TZ = "Europe/Helsinki";

describe("formatDay and formatClockTime: a day as a heading over its times", () => {
  it.each([
    ["2026-12-08T13:00:00Z", "fi", "tiistai 8.12.", "klo 15.00"],
    ["2026-12-08T13:00:00Z", "sv", "tisdag 8.12", "kl. 15.00"],
    // Local, not UTC: 0.30 on Wednesday in Helsinki is still Tuesday in UTC.
    ["2026-12-08T22:30:00Z", "fi", "keskiviikko 9.12.", "klo 0.30"],
  ] as const)("%s in %s -> %s, %s", (iso, lang, day, time) => {
    expect(formatDay(at(iso), lang, TZ)).toBe(day);
    expect(formatClockTime(at(iso), lang, TZ)).toBe(time);
  });

  it("names today and tomorrow before the day, and the year only when it is another", () => {
    const now = at("2026-12-07T08:00:00Z"); // Mon 7.12.
    expect(formatDay(at("2026-12-07T12:00:00Z"), "fi", TZ, now)).toBe("tänään, maanantai 7.12.");
    expect(formatDay(at("2026-12-08T12:00:00Z"), "sv", TZ, now)).toBe("i morgon, tisdag 8.12");
    expect(formatDay(at("2026-12-09T12:00:00Z"), "fi", TZ, now)).toBe("keskiviikko 9.12.");
    const newYear = at("2027-01-04T08:00:00Z");
    expect(formatDay(newYear, "fi", TZ, at("2026-12-28T08:00:00Z"))).toBe("maanantai 4.1.2027");
    expect(formatDay(newYear, "sv", TZ, at("2026-12-28T08:00:00Z"))).toBe("måndag 4.1.2027");
  });
});

describe("formatOpeningTime", () => {
  it.each([
    ["2025-11-24T07:00:00Z", "fi", "maanantaina 24.11. klo 9.00"],
    ["2025-11-24T07:00:00Z", "sv", "måndag 24.11 kl. 9.00"],
    ["2025-11-25T07:00:00Z", "fi", "tiistaina 25.11. klo 9.00"],
    ["2025-11-26T07:00:00Z", "fi", "keskiviikkona 26.11. klo 9.00"],
    ["2025-11-27T07:00:00Z", "fi", "torstaina 27.11. klo 9.00"],
    ["2025-11-28T07:00:00Z", "fi", "perjantaina 28.11. klo 9.00"],
    ["2025-11-29T07:00:00Z", "fi", "lauantaina 29.11. klo 9.00"],
    ["2025-11-30T07:00:00Z", "fi", "sunnuntaina 30.11. klo 9.00"],
    ["2025-11-26T07:00:00Z", "sv", "onsdag 26.11 kl. 9.00"],
    ["2026-06-09T06:00:00Z", "fi", "tiistaina 9.6. klo 9.00"],
    ["2026-06-09T06:00:00Z", "sv", "tisdag 9.6 kl. 9.00"],
    ["2026-01-05T10:30:00Z", "fi", "maanantaina 5.1. klo 12.30"],
  ] as const)("%s in %s -> %s", (iso, lang, text) => {
    expect(formatOpeningTime(at(iso), lang, TZ)).toBe(text);
  });

  it("says today / tomorrow relative to now", () => {
    const now = at("2026-11-23T05:00:00Z"); // Mon 7:00
    expect(formatOpeningTime(at("2026-11-23T07:00:00Z"), "fi", TZ, now)).toBe("tänään klo 9.00");
    expect(formatOpeningTime(at("2026-11-23T07:00:00Z"), "sv", TZ, now)).toBe("i dag kl. 9.00");
    expect(formatOpeningTime(at("2026-11-24T07:00:00Z"), "fi", TZ, now)).toBe("huomenna klo 9.00");
    expect(formatOpeningTime(at("2026-11-24T07:00:00Z"), "sv", TZ, now)).toBe("i morgon kl. 9.00");
  });

  it("uses local midnight, not UTC, for today and tomorrow", () => {
    const lateEvening = at("2026-11-23T21:30:00Z"); // Mon 23:30 local
    expect(formatOpeningTime(at("2026-11-24T07:00:00Z"), "fi", TZ, lateEvening)).toBe(
      "huomenna klo 9.00",
    );
    const afterMidnight = at("2026-11-23T22:30:00Z"); // Tue 00:30 local, still Mon in UTC
    expect(formatOpeningTime(at("2026-11-24T07:00:00Z"), "fi", TZ, afterMidnight)).toBe(
      "tänään klo 9.00",
    );
  });

  it("adds the year when it differs from now's", () => {
    const now = at("2026-12-31T14:00:00Z");
    expect(formatOpeningTime(at("2027-01-04T07:00:00Z"), "fi", TZ, now)).toBe(
      "maanantaina 4.1.2027 klo 9.00",
    );
    expect(formatOpeningTime(at("2027-01-04T07:00:00Z"), "sv", TZ, now)).toBe(
      "måndag 4.1.2027 kl. 9.00",
    );
  });
});

describe("formatNextOpening", () => {
  it("Friday evening: Monday 9:00", () => {
    const fri = at("2026-11-20T17:00:00Z");
    expect(formatNextOpening(schedule, "fi", fri)).toBe("maanantaina 23.11. klo 9.00");
    expect(formatNextOpening(schedule, "sv", fri)).toBe("måndag 23.11 kl. 9.00");
  });

  it("in the customer's language when it differs from the queue's", () => {
    expect(formatNextOpening(schedule, "fi", at("2026-11-20T17:00:00Z"), "sv")).toBe(
      "måndag 23.11 kl. 9.00",
    );
  });

  it("early morning: today", () => {
    expect(formatNextOpening(schedule, "fi", at("2026-11-24T05:00:00Z"))).toBe("tänään klo 9.00");
  });

  it("evening before a working day: tomorrow", () => {
    expect(formatNextOpening(schedule, "sv", at("2026-11-24T15:00:00Z"))).toBe("i morgon kl. 9.00");
  });

  it("after Christmas 2025: Monday 29.12.", () => {
    expect(formatNextOpening(schedule, "fi", at("2025-12-23T14:00:00Z"))).toBe(
      "maanantaina 29.12. klo 9.00",
    );
  });
});

describe("formatNextOpeningIfClosed", () => {
  it("says nothing while open, up to the last moment", () => {
    expect(formatNextOpeningIfClosed(schedule, "fi", at("2026-11-24T07:00:00Z"))).toBeUndefined();
    expect(formatNextOpeningIfClosed(schedule, "sv", at("2026-11-24T13:59:59Z"))).toBeUndefined();
  });

  it("while closed, words the next opening as formatNextOpening does, in the customer's language", () => {
    const closing = at("2026-11-24T14:00:00Z"); // Tue 16:00, just closed
    expect(formatNextOpeningIfClosed(schedule, "fi", closing)).toBe("huomenna klo 9.00");
    expect(formatNextOpeningIfClosed(schedule, "fi", closing, "sv")).toBe("i morgon kl. 9.00");
    // Christmas Eve to Boxing Day closed, then the weekend.
    expect(formatNextOpeningIfClosed(schedule, "fi", at("2025-12-24T10:00:00Z"))).toBe(
      "maanantaina 29.12. klo 9.00",
    );
  });
});
