import { describe, expect, it } from "vitest";
import { loadOpeningHours, parseOpeningHours, parseOpeningHoursYaml } from "./load.ts";
import {
  closesAt,
  currentPeriod,
  dayHours,
  isOpen,
  nextOpening,
  openingPeriods,
  warmSchedule,
} from "./schedule.ts";

// The repository's own config: the tests pin down what customers will actually get.
// Instants are written in UTC on purpose, so the Helsinki offset (+02:00 in winter,
// +03:00 in summer) is checked rather than recomputed by the code under test.
const schedule = loadOpeningHours();
const at = (iso: string) => new Date(iso);

describe("isOpen at the 9:00 and 16:00 boundaries", () => {
  it.each([
    // winter (+02:00), Tuesday 24.11.2026
    ["2026-11-24T06:59:59.999Z", false, "8:59:59.999"],
    ["2026-11-24T06:59:59Z", false, "8:59:59"],
    ["2026-11-24T07:00:00Z", true, "9:00:00"],
    ["2026-11-24T13:59:59Z", true, "15:59:59"],
    ["2026-11-24T13:59:59.999Z", true, "15:59:59.999"],
    ["2026-11-24T14:00:00Z", false, "16:00:00"],
    ["2026-11-24T10:00:00Z", true, "12:00"],
    ["2026-11-24T21:59:59Z", false, "23:59:59"],
    ["2026-11-23T22:00:00Z", false, "00:00 local"],
    // summer (+03:00), Tuesday 9.6.2026
    ["2026-06-09T05:59:59Z", false, "8:59:59"],
    ["2026-06-09T06:00:00Z", true, "9:00:00"],
    ["2026-06-09T12:59:59Z", true, "15:59:59"],
    ["2026-06-09T13:00:00Z", false, "16:00:00"],
  ])("%s (%s local %s)", (iso, open) => {
    expect(isOpen(schedule, "fi", at(iso))).toBe(open);
    expect(isOpen(schedule, "sv", at(iso))).toBe(open);
  });
});

describe("weekends", () => {
  it.each([
    ["2026-11-21T10:00:00Z", "Saturday noon"],
    ["2026-11-22T10:00:00Z", "Sunday noon"],
    ["2026-11-21T07:00:00Z", "Saturday 9:00"],
  ])("closed on %s (%s)", (iso) => {
    expect(isOpen(schedule, "fi", at(iso))).toBe(false);
  });
});

describe("daylight-saving switches", () => {
  // Helsinki: last Sunday of March 03:00 EET -> 04:00 EEST; last Sunday of October
  // 04:00 EEST -> 03:00 EET.
  it.each([
    // spring 2026: switch on Sunday 29.3.
    ["Fri 27.3. 9:00 still +02:00", "2026-03-27T07:00:00Z", true],
    ["Fri 27.3. 8:59:59 still +02:00", "2026-03-27T06:59:59Z", false],
    ["Fri 27.3. 15:59:59", "2026-03-27T13:59:59Z", true],
    ["Fri 27.3. 16:00", "2026-03-27T14:00:00Z", false],
    ["Sun 29.3. (switch day) 9:00 +03:00", "2026-03-29T06:00:00Z", false],
    ["Sun 29.3. (switch day) 12:00", "2026-03-29T09:00:00Z", false],
    ["Mon 30.3. 9:00 is 06:00Z (+03:00)", "2026-03-30T06:00:00Z", true],
    ["Mon 30.3. 8:59:59 is 05:59:59Z", "2026-03-30T05:59:59Z", false],
    ["Mon 30.3. 07:00Z is 10:00, open", "2026-03-30T07:00:00Z", true],
    ["Mon 30.3. 15:59:59 is 12:59:59Z", "2026-03-30T12:59:59Z", true],
    ["Mon 30.3. 16:00 is 13:00Z", "2026-03-30T13:00:00Z", false],
    ["Mon 30.3. 13:30Z is 16:30, closed (not 15:30)", "2026-03-30T13:30:00Z", false],
    // autumn 2026: switch on Sunday 25.10.
    ["Fri 23.10. 9:00 still +03:00", "2026-10-23T06:00:00Z", true],
    ["Fri 23.10. 16:00 still +03:00", "2026-10-23T13:00:00Z", false],
    ["Sun 25.10. (switch day) 9:00 +02:00", "2026-10-25T07:00:00Z", false],
    ["Mon 26.10. 9:00 is 07:00Z (+02:00)", "2026-10-26T07:00:00Z", true],
    ["Mon 26.10. 06:00Z is 8:00, closed (not 9:00)", "2026-10-26T06:00:00Z", false],
    ["Mon 26.10. 8:59:59 is 06:59:59Z", "2026-10-26T06:59:59Z", false],
    ["Mon 26.10. 15:59:59 is 13:59:59Z", "2026-10-26T13:59:59Z", true],
    ["Mon 26.10. 16:00 is 14:00Z", "2026-10-26T14:00:00Z", false],
    // 2027 switch days fall on other dates: 28.3. and 31.10.
    // 2027 the spring switch is on Easter Sunday: Good Friday and Easter Monday are closed.
    ["Thu 25.3.2027 9:00 is 07:00Z", "2027-03-25T07:00:00Z", true],
    ["Thu 25.3.2027 06:00Z is 8:00", "2027-03-25T06:00:00Z", false],
    ["Good Friday 26.3.2027 10:00", "2027-03-26T08:00:00Z", false],
    ["Easter Monday 29.3.2027 10:00", "2027-03-29T07:00:00Z", false],
    ["Tue 30.3.2027 9:00 is 06:00Z", "2027-03-30T06:00:00Z", true],
    ["Tue 30.3.2027 05:59:59Z is 8:59:59", "2027-03-30T05:59:59Z", false],
    ["Mon 1.11.2027 9:00 is 07:00Z", "2027-11-01T07:00:00Z", true],
    ["Fri 29.10.2027 9:00 is 06:00Z", "2027-10-29T06:00:00Z", true],
  ])("%s", (_label, iso, open) => {
    expect(isOpen(schedule, "fi", at(iso))).toBe(open);
  });

  it("next opening over the spring switch weekend is Monday 9:00 summer time", () => {
    expect(nextOpening(schedule, "fi", at("2026-03-27T14:00:00Z"))).toEqual(
      at("2026-03-30T06:00:00Z"),
    );
  });

  it("next opening over Easter 2027, which contains the spring switch, is Tuesday 9:00 +03:00", () => {
    expect(nextOpening(schedule, "fi", at("2027-03-25T14:00:00Z"))).toEqual(
      at("2027-03-30T06:00:00Z"),
    );
  });

  it("next opening over the autumn switch weekend is Monday 9:00 winter time", () => {
    expect(nextOpening(schedule, "fi", at("2026-10-23T13:00:00Z"))).toEqual(
      at("2026-10-26T07:00:00Z"),
    );
  });

  it("the periods either side of a switch are both seven hours long", () => {
    const periods = openingPeriods(
      schedule,
      "fi",
      at("2026-10-22T00:00:00Z"),
      at("2026-10-28T00:00:00Z"),
    );
    expect(periods.map((p) => p.start.toISOString())).toEqual([
      "2026-10-22T06:00:00.000Z",
      "2026-10-23T06:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
      "2026-10-27T07:00:00.000Z",
    ]);
    for (const p of periods) expect(p.end.getTime() - p.start.getTime()).toBe(7 * 3600_000);
  });
});

describe("Finnish public holidays and configured eves are closed", () => {
  // Noon local on each day; each of these would be open by the weekly hours alone
  // unless it falls on a weekend (noted), which is checked through dayHours instead.
  it.each([
    ["New Year's Day, Thu 1.1.2026", "2026-01-01T10:00:00Z"],
    ["Epiphany, Tue 6.1.2026", "2026-01-06T10:00:00Z"],
    ["Good Friday, 3.4.2026", "2026-04-03T09:00:00Z"],
    ["Easter Monday, 6.4.2026", "2026-04-06T09:00:00Z"],
    ["May Day, Fri 1.5.2026", "2026-05-01T09:00:00Z"],
    ["Ascension Day, Thu 14.5.2026", "2026-05-14T09:00:00Z"],
    [
      "Midsummer Eve, Fri 19.6.2026 (bank day in date-holidays: config rule)",
      "2026-06-19T09:00:00Z",
    ],
    ["Midsummer Eve, Fri 25.6.2027", "2027-06-25T09:00:00Z"],
    ["Midsummer Eve, Fri 23.6.2028", "2028-06-23T09:00:00Z"],
    ["Independence Day, Mon 6.12.2027", "2027-12-06T10:00:00Z"],
    [
      "Christmas Eve, Wed 24.12.2025 (bank day in date-holidays: config rule)",
      "2025-12-24T10:00:00Z",
    ],
    ["Christmas Eve, Thu 24.12.2026", "2026-12-24T10:00:00Z"],
    ["Christmas Eve, Fri 24.12.2027", "2027-12-24T10:00:00Z"],
    ["Christmas Day, Thu 25.12.2025", "2025-12-25T10:00:00Z"],
    ["Boxing Day, Fri 26.12.2025", "2025-12-26T10:00:00Z"],
    ["New Year's Day, Fri 1.1.2027", "2027-01-01T10:00:00Z"],
  ])("%s", (_label, iso) => {
    expect(isOpen(schedule, "fi", at(iso))).toBe(false);
    expect(isOpen(schedule, "sv", at(iso))).toBe(false);
  });

  it.each([
    ["All Saints' Day, Sat 31.10.2026", "2026-10-31"],
    ["Midsummer Day, Sat 20.6.2026", "2026-06-20"],
    ["Independence Day, Sun 6.12.2026", "2026-12-06"],
    ["Easter Sunday 5.4.2026", "2026-04-05"],
    ["Pentecost 24.5.2026", "2026-05-24"],
  ])("%s is a public holiday in the calendar (a weekend day anyway)", (_label, date) => {
    expect(schedule.calendar.closingHoliday(date)).toBeDefined();
    expect(dayHours(schedule, "fi", date)).toEqual([]);
  });

  it.each([
    ["Christmas Eve", "2026-12-24"],
    ["Midsummer Eve", "2026-06-19"],
    ["New Year's Eve", "2026-12-31"],
    ["Mother's Day", "2026-05-10"],
    ["Father's Day", "2026-11-08"],
  ])("%s is not a public holiday in date-holidays (bank day or observance)", (_l, date) => {
    expect(schedule.calendar.closingHoliday(date)).toBeUndefined();
  });

  it("New Year's Eve is an ordinary working day", () => {
    expect(isOpen(schedule, "fi", at("2026-12-31T10:00:00Z"))).toBe(true);
  });

  it("the days around holidays are open", () => {
    expect(isOpen(schedule, "fi", at("2026-01-02T07:00:00Z"))).toBe(true); // Fri after New Year
    expect(isOpen(schedule, "fi", at("2026-04-02T06:00:00Z"))).toBe(true); // Maundy Thursday
    expect(isOpen(schedule, "fi", at("2026-04-07T06:00:00Z"))).toBe(true); // Tue after Easter
    expect(isOpen(schedule, "fi", at("2026-06-18T12:59:59Z"))).toBe(true); // Thu before Midsummer
    expect(isOpen(schedule, "fi", at("2025-12-23T13:59:59Z"))).toBe(true); // Tue before Christmas
  });
});

describe("shortened days", () => {
  it.each([
    // Epiphany Eve (rule, every year) closes at 14:00.
    ["Mon 5.1.2026 9:00", "2026-01-05T07:00:00Z", true],
    ["Mon 5.1.2026 13:59:59", "2026-01-05T11:59:59Z", true],
    ["Mon 5.1.2026 14:00", "2026-01-05T12:00:00Z", false],
    ["Mon 5.1.2026 15:00", "2026-01-05T13:00:00Z", false],
    ["Tue 5.1.2027 14:00 (rule repeats)", "2027-01-05T12:00:00Z", false],
    ["Tue 5.1.2027 13:00", "2027-01-05T11:00:00Z", true],
    // Vappu Eve 2026 is an explicit date closing at 14:00 (summer time: 11:00Z).
    ["Thu 30.4.2026 13:59:59", "2026-04-30T10:59:59Z", true],
    ["Thu 30.4.2026 14:00", "2026-04-30T11:00:00Z", false],
    // The explicit date is not a rule: 30.4.2027 is normal.
    ["Fri 30.4.2027 15:00", "2027-04-30T12:00:00Z", true],
  ])("%s", (_label, iso, open) => {
    expect(isOpen(schedule, "fi", at(iso))).toBe(open);
  });

  it("closesAt reports the shortened closing time", () => {
    expect(closesAt(schedule, "fi", at("2026-01-05T08:00:00Z"))).toEqual(
      at("2026-01-05T12:00:00Z"),
    );
  });

  it("a shortened rule has no effect on a weekend eve (5.1.2030 is a Saturday)", () => {
    expect(dayHours(schedule, "fi", "2030-01-05")).toEqual([]);
  });
});

describe("nextOpening", () => {
  it.each([
    ["Friday evening -> Monday 9:00", "2026-11-20T17:00:00Z", "2026-11-23T07:00:00Z"],
    ["Friday 16:00:00 -> Monday 9:00", "2026-11-20T14:00:00Z", "2026-11-23T07:00:00Z"],
    ["Saturday -> Monday", "2026-11-21T10:00:00Z", "2026-11-23T07:00:00Z"],
    ["Sunday 23:59 -> Monday", "2026-11-22T21:59:00Z", "2026-11-23T07:00:00Z"],
    ["Monday 8:59:59 -> 9:00 same day", "2026-11-23T06:59:59Z", "2026-11-23T07:00:00Z"],
    ["Monday 00:00 local -> 9:00 same day", "2026-11-22T22:00:00Z", "2026-11-23T07:00:00Z"],
    ["Tuesday evening -> Wednesday", "2026-11-24T15:00:00Z", "2026-11-25T07:00:00Z"],
    [
      "Thu before Easter -> Tue after Easter Monday",
      "2026-04-02T13:00:00Z",
      "2026-04-07T06:00:00Z",
    ],
    ["Easter Monday -> Tuesday", "2026-04-06T09:00:00Z", "2026-04-07T06:00:00Z"],
    ["Thu before Midsummer -> Mon", "2026-06-18T13:00:00Z", "2026-06-22T06:00:00Z"],
    ["Tue before Christmas 2025 -> Mon 29.12.", "2025-12-23T14:00:00Z", "2025-12-29T07:00:00Z"],
    ["New Year's Eve evening -> Fri 2.1.2026", "2025-12-31T14:00:00Z", "2026-01-02T07:00:00Z"],
    ["Epiphany Eve after 14:00 -> Wed 7.1.2026", "2026-01-05T12:00:00Z", "2026-01-07T07:00:00Z"],
    ["Wed before Ascension -> Fri", "2026-05-13T13:00:00Z", "2026-05-15T06:00:00Z"],
    ["Vappu Eve after 14:00 -> Mon 4.5.2026", "2026-04-30T11:00:00Z", "2026-05-04T06:00:00Z"],
    [
      "Fri 3.12.2027 evening -> Tue 7.12. (Independence Day Monday)",
      "2027-12-03T15:00:00Z",
      "2027-12-07T07:00:00Z",
    ],
  ])("%s", (_label, from, expected) => {
    expect(nextOpening(schedule, "fi", at(from))).toEqual(at(expected));
    expect(nextOpening(schedule, "sv", at(from))).toEqual(at(expected));
  });

  it("returns `at` itself when open", () => {
    const now = at("2026-11-24T10:17:23.456Z");
    expect(nextOpening(schedule, "fi", now)).toBe(now);
    expect(nextOpening(schedule, "fi", at("2026-11-24T07:00:00Z"))).toEqual(
      at("2026-11-24T07:00:00Z"),
    );
  });

  it("throws when a config never opens within its search horizon", () => {
    // Open on Mondays only, and every Monday for the next 900 days closed by date.
    const mondays: { date: string; closed: true }[] = [];
    for (let d = Date.parse("2026-11-23T12:00:00Z"), i = 0; i < 130; i++, d += 7 * 86_400_000) {
      mondays.push({ date: new Date(d).toISOString().slice(0, 10), closed: true });
    }
    const week = {
      mon: [{ open: "09:00", close: "16:00" }],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    };
    const never = parseOpeningHours({
      timeZone: "Europe/Helsinki",
      holidays: { country: "FI" },
      queues: { fi: { weekly: week, exceptions: mondays }, sv: { weekly: week } },
    });
    expect(() => nextOpening(never, "fi", at("2026-11-24T10:00:00Z"))).toThrow(/does not open/);
    expect(nextOpening(never, "sv", at("2026-11-24T10:00:00Z"))).toEqual(
      at("2026-11-30T07:00:00Z"),
    );
  });
});

describe("currentPeriod and closesAt", () => {
  it("gives the period containing the instant", () => {
    expect(currentPeriod(schedule, "fi", at("2026-11-24T10:00:00Z"))).toEqual({
      start: at("2026-11-24T07:00:00Z"),
      end: at("2026-11-24T14:00:00Z"),
    });
    expect(closesAt(schedule, "fi", at("2026-06-09T06:00:00Z"))).toEqual(
      at("2026-06-09T13:00:00Z"),
    );
  });

  it("is null when closed", () => {
    expect(currentPeriod(schedule, "fi", at("2026-11-24T14:00:00Z"))).toBeNull();
    expect(closesAt(schedule, "fi", at("2026-11-21T10:00:00Z"))).toBeNull();
  });
});

describe("openingPeriods", () => {
  it("lists a holiday week without the holidays", () => {
    const periods = openingPeriods(
      schedule,
      "fi",
      at("2025-12-21T22:00:00Z"), // Mon 22.12.2025 00:00 local
      at("2026-01-04T22:00:00Z"), // Mon 5.1.2026 00:00 local
    );
    expect(periods.map((p) => p.start.toISOString().slice(0, 10))).toEqual([
      "2025-12-22",
      "2025-12-23",
      "2025-12-29",
      "2025-12-30",
      "2025-12-31",
      "2026-01-02",
    ]);
  });

  it("includes a period overlapping the window, unclipped", () => {
    const periods = openingPeriods(
      schedule,
      "fi",
      at("2026-11-24T10:00:00Z"),
      at("2026-11-24T11:00:00Z"),
    );
    expect(periods).toEqual([
      { start: at("2026-11-24T07:00:00Z"), end: at("2026-11-24T14:00:00Z") },
    ]);
  });

  it("is empty for an empty or inverted window and excludes touching periods", () => {
    expect(
      openingPeriods(schedule, "fi", at("2026-11-24T10:00Z"), at("2026-11-24T10:00Z")),
    ).toEqual([]);
    expect(
      openingPeriods(schedule, "fi", at("2026-11-25T10:00Z"), at("2026-11-24T10:00Z")),
    ).toEqual([]);
    expect(
      openingPeriods(schedule, "fi", at("2026-11-24T14:00Z"), at("2026-11-25T07:00Z")),
    ).toEqual([]);
  });
});

describe("configs beyond the default", () => {
  const custom = parseOpeningHoursYaml(`
timeZone: Europe/Helsinki
holidays: { country: FI }
queues:
  fi:
    weekly:
      mon: [{ open: "09:00", close: "11:30" }, { open: "12:00", close: "16:00" }]
      tue: [{ open: "20:00", close: "24:00" }]
      wed: [{ open: "00:00", close: "02:00" }, { open: "09:00", close: "16:00" }]
      thu: [{ open: "09:00", close: "16:00" }]
      fri: [{ open: "09:00", close: "16:00" }]
      sat: []
      sun: []
    exceptions:
      - { date: "2026-11-28", hours: [{ open: "10:00", close: "13:00" }] }
      - { date: "2026-11-26", opensAt: "12:00" }
      - { rule: "easter -3", closesAt: "12:00" }
  sv:
    weekly:
      mon: [{ open: "08:00", close: "16:15" }]
      tue: [{ open: "08:00", close: "16:15" }]
      wed: [{ open: "08:00", close: "16:15" }]
      thu: [{ open: "08:00", close: "16:15" }]
      fri: [{ open: "08:00", close: "16:15" }]
      sat: []
      sun: []
`);

  it("keeps a lunch break closed", () => {
    expect(isOpen(custom, "fi", at("2026-11-23T09:29:59Z"))).toBe(true); // 11:29:59
    expect(isOpen(custom, "fi", at("2026-11-23T09:30:00Z"))).toBe(false); // 11:30
    expect(nextOpening(custom, "fi", at("2026-11-23T09:45:00Z"))).toEqual(
      at("2026-11-23T10:00:00Z"),
    );
  });

  it("merges a period open to 24:00 with the next day's from 00:00", () => {
    const now = at("2026-11-24T21:00:00Z"); // Tue 23:00
    expect(isOpen(custom, "fi", now)).toBe(true);
    expect(closesAt(custom, "fi", now)).toEqual(at("2026-11-25T00:00:00Z")); // Wed 02:00
    expect(isOpen(custom, "fi", at("2026-11-24T22:00:00Z"))).toBe(true); // Wed 00:00
    expect(currentPeriod(custom, "fi", at("2026-11-24T23:00:00Z"))).toEqual({
      start: at("2026-11-24T18:00:00Z"),
      end: at("2026-11-25T00:00:00Z"),
    });
  });

  it("an explicit date can open a Saturday", () => {
    expect(isOpen(custom, "fi", at("2026-11-28T08:00:00Z"))).toBe(true);
    expect(isOpen(custom, "fi", at("2026-11-28T11:00:00Z"))).toBe(false);
  });

  it("opensAt starts a day late", () => {
    expect(isOpen(custom, "fi", at("2026-11-26T09:59:59Z"))).toBe(false);
    expect(nextOpening(custom, "fi", at("2026-11-26T07:00:00Z"))).toEqual(
      at("2026-11-26T10:00:00Z"),
    );
  });

  it("a raw date-holidays rule (Maundy Thursday) shortens that day every year", () => {
    expect(dayHours(custom, "fi", "2026-04-02")).toEqual([{ open: 540, close: 720 }]);
    expect(dayHours(custom, "fi", "2027-03-25")).toEqual([{ open: 540, close: 720 }]);
    expect(dayHours(custom, "fi", "2027-03-18")).toEqual([{ open: 540, close: 960 }]);
  });

  it("queues are independent", () => {
    const seven = at("2026-11-23T06:00:00Z"); // Mon 8:00
    expect(isOpen(custom, "sv", seven)).toBe(true);
    expect(isOpen(custom, "fi", seven)).toBe(false);
    expect(isOpen(custom, "sv", at("2026-11-23T14:10:00Z"))).toBe(true); // 16:10
  });
});

describe("a schedule's days are worked out once", () => {
  it("answers a reloaded schedule from its own hours, not the one before it", () => {
    const evenings = parseOpeningHoursYaml(`
timeZone: Europe/Helsinki
holidays: { country: FI }
queues:
  fi:
    weekly: { mon: [], tue: [{ open: "18:00", close: "20:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] }
    exceptions: []
  sv:
    weekly: { mon: [{ open: "09:00", close: "10:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
    exceptions: []
`);
    const tuesdayNoon = at("2026-11-24T10:00:00Z");
    const tuesdayEvening = at("2026-11-24T17:00:00Z");

    expect(isOpen(schedule, "fi", tuesdayNoon)).toBe(true);
    expect(isOpen(evenings, "fi", tuesdayNoon)).toBe(false);
    expect(isOpen(evenings, "fi", tuesdayEvening)).toBe(true);
    expect(isOpen(schedule, "fi", tuesdayEvening)).toBe(false);
    expect(isOpen(schedule, "fi", tuesdayNoon)).toBe(true);
    // The same day asked again, and through every question, gives the same answers.
    expect(closesAt(evenings, "fi", tuesdayEvening)?.toISOString()).toBe(
      "2026-11-24T18:00:00.000Z",
    );
    expect(nextOpening(evenings, "fi", tuesdayNoon).toISOString()).toBe("2026-11-24T16:00:00.000Z");
  });
});

describe("warmSchedule", () => {
  it("leaves a handoff's questions no holiday work to do on the day it warmed", () => {
    const asked: string[] = [];
    const counted = {
      ...schedule,
      calendar: {
        closingHoliday: (isoDate: string) => {
          asked.push(isoDate);
          return schedule.calendar.closingHoliday(isoDate);
        },
        ruleMatches: (rule: string, isoDate: string) =>
          schedule.calendar.ruleMatches(rule, isoDate),
      },
    };
    // Christmas Eve: closed, so the next opening is looked for days ahead.
    const evening = at("2026-12-24T15:00:00Z");
    warmSchedule(counted, evening);
    expect(asked.length).toBeGreaterThan(0);
    asked.length = 0;
    for (const queue of ["fi", "sv"] as const) {
      expect(isOpen(counted, queue, evening)).toBe(false);
      expect(closesAt(counted, queue, evening)).toBeNull();
      expect(nextOpening(counted, queue, evening).toISOString()).toBe("2026-12-28T07:00:00.000Z");
    }
    expect(asked).toEqual([]);
  });
});
