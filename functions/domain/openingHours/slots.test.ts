import { describe, expect, it } from "vitest";
import { loadOpeningHours, parseOpeningHoursYaml } from "./load.ts";
import { closesAt, isOpen } from "./schedule.ts";
import {
  appointmentSlots,
  bookableSlots,
  bookingWindow,
  parseSlotId,
  resolveSlot,
  slotId,
} from "./slots.ts";

const schedule = loadOpeningHours();
const at = (iso: string) => new Date(iso);
const ids = (from: string, to: string) =>
  appointmentSlots(schedule, "fi", at(from), at(to)).map((s) => s.id);

describe("appointmentSlots", () => {
  it("cuts a normal day into fourteen 30-minute slots, 9:00-16:00", () => {
    const slots = appointmentSlots(
      schedule,
      "fi",
      at("2026-11-23T22:00:00Z"), // Tue 24.11. 00:00 local
      at("2026-11-24T22:00:00Z"),
    );
    expect(slots).toHaveLength(14);
    expect(slots[0]).toEqual({
      id: "fi-2026-11-24T0700Z",
      queue: "fi",
      start: at("2026-11-24T07:00:00Z"),
      end: at("2026-11-24T07:30:00Z"),
      capacity: 2,
    });
    expect(slots.at(-1)?.start).toEqual(at("2026-11-24T13:30:00Z")); // 15:30
    expect(slots.at(-1)?.end).toEqual(at("2026-11-24T14:00:00Z")); // 16:00
  });

  it("uses summer time in summer", () => {
    expect(ids("2026-06-08T21:00:00Z", "2026-06-09T21:00:00Z")[0]).toBe("fi-2026-06-09T0600Z");
  });

  it("uses the right offset on the Mondays after both DST switches", () => {
    expect(ids("2026-03-29T21:00:00Z", "2026-03-30T21:00:00Z")[0]).toBe("fi-2026-03-30T0600Z");
    expect(ids("2026-10-25T22:00:00Z", "2026-10-26T22:00:00Z")[0]).toBe("fi-2026-10-26T0700Z");
    expect(ids("2026-03-28T22:00:00Z", "2026-03-29T21:00:00Z")).toEqual([]); // switch Sunday
  });

  it("never crosses closing time on a shortened day (Epiphany Eve closes 14:00)", () => {
    const slots = appointmentSlots(
      schedule,
      "fi",
      at("2026-01-04T22:00:00Z"),
      at("2026-01-05T22:00:00Z"),
    );
    expect(slots).toHaveLength(10);
    expect(slots.at(-1)?.end).toEqual(at("2026-01-05T12:00:00Z"));
  });

  it.each([
    ["Christmas Eve 2025", "2025-12-23T22:00:00Z", "2025-12-24T22:00:00Z"],
    ["Christmas Day 2025", "2025-12-24T22:00:00Z", "2025-12-25T22:00:00Z"],
    ["Good Friday 2026", "2026-04-02T21:00:00Z", "2026-04-03T21:00:00Z"],
    ["Easter Monday 2026", "2026-04-05T21:00:00Z", "2026-04-06T21:00:00Z"],
    ["Midsummer Eve 2026", "2026-06-18T21:00:00Z", "2026-06-19T21:00:00Z"],
    ["Saturday", "2026-11-20T22:00:00Z", "2026-11-21T22:00:00Z"],
  ])("has none on %s", (_l, from, to) => {
    expect(ids(from, to)).toEqual([]);
  });

  it("returns only slots entirely inside [from, to]", () => {
    expect(ids("2026-11-24T07:10:00Z", "2026-11-24T08:30:00Z")).toEqual([
      "fi-2026-11-24T0730Z",
      "fi-2026-11-24T0800Z",
    ]);
  });

  it("counts slots from a period's start and drops a partial last slot", () => {
    const odd = parseOpeningHoursYaml(`
timeZone: Europe/Helsinki
holidays: { country: FI }
queues:
  fi:
    weekly: &w
      mon: [{ open: "09:15", close: "10:40" }]
      tue: []
      wed: []
      thu: []
      fri: []
      sat: []
      sun: []
    appointments: { slotMinutes: 20, capacityPerSlot: 5 }
  sv:
    weekly: *w
`);
    const slots = appointmentSlots(
      odd,
      "fi",
      at("2026-11-22T22:00:00Z"),
      at("2026-11-23T22:00:00Z"),
    );
    expect(slots.map((s) => s.id)).toEqual([
      "fi-2026-11-23T0715Z",
      "fi-2026-11-23T0735Z",
      "fi-2026-11-23T0755Z",
      "fi-2026-11-23T0815Z",
    ]);
    expect(slots.every((s) => s.capacity === 5)).toBe(true);
    expect(
      appointmentSlots(odd, "sv", at("2026-11-22T22:00:00Z"), at("2026-11-23T22:00:00Z"))[0]
        ?.capacity,
    ).toBe(2);
  });

  it("every slot over a year lies inside one opening period", () => {
    const slots = appointmentSlots(
      schedule,
      "sv",
      at("2026-01-01T00:00:00Z"),
      at("2027-01-01T00:00:00Z"),
    );
    expect(slots.length).toBeGreaterThan(3000);
    expect(slots.filter((s) => s.end.getTime() - s.start.getTime() !== 30 * 60_000)).toEqual([]);
    // Slots back to back make a run; a run open at its start and not closing before its end
    // lies in one opening period, and so does each of its slots. Asking the schedule once per
    // run instead of twice per slot saves seconds, and checks the same.
    const runs: { start: Date; end: Date; first: string }[] = [];
    for (const s of slots) {
      const run = runs.at(-1);
      if (run && run.end.getTime() === s.start.getTime()) run.end = s.end;
      else runs.push({ start: s.start, end: s.end, first: s.id });
    }
    const outside = runs.filter(
      (r) =>
        !isOpen(schedule, "sv", r.start) ||
        (closesAt(schedule, "sv", r.start) as Date).getTime() < r.end.getTime(),
    );
    expect(outside.map((r) => r.first)).toEqual([]);
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
  });
});

describe("slot ids", () => {
  it("round-trip through parseSlotId", () => {
    const start = at("2026-11-24T13:30:00Z");
    expect(slotId("sv", start)).toBe("sv-2026-11-24T1330Z");
    expect(parseSlotId("sv-2026-11-24T1330Z")).toEqual({ queue: "sv", start });
  });

  it("are URL-safe", () => {
    const id = slotId("fi", at("2026-11-24T07:00:00Z"));
    expect(encodeURIComponent(id)).toBe(id);
  });

  it.each([
    "",
    "fi",
    "en-2026-11-24T0700Z",
    "fi-2026-11-24T07:00Z",
    "fi-2026-11-24T0700",
    "fi-2026-02-30T0700Z",
    "fi-2026-11-24T2500Z",
    "fi-2026-11-24T0760Z",
    " fi-2026-11-24T0700Z",
    "FI-2026-11-24T0700Z",
  ])("rejects %j", (id) => {
    expect(parseSlotId(id)).toBeNull();
  });
});

describe("booking window and bookable slots", () => {
  const now = at("2026-11-20T08:00:00Z"); // Fri 20.11.2026 10:00 local

  it("starts after two hours' notice and ends at midnight 14 days ahead", () => {
    expect(bookingWindow(schedule, "fi", now)).toEqual({
      from: at("2026-11-20T10:00:00Z"),
      to: at("2026-12-04T22:00:00Z"), // Sat 5.12. 00:00 local
    });
  });

  it("offers slots from 12:00 today to Friday 4.12.", () => {
    const slots = bookableSlots(schedule, "fi", now);
    expect(slots[0]?.id).toBe("fi-2026-11-20T1000Z");
    expect(slots.at(-1)?.id).toBe("fi-2026-12-04T1330Z");
    // 8 today + 9 full weekdays (23.11.-4.12.) * 14, none on weekends.
    expect(slots).toHaveLength(8 + 10 * 14);
  });

  it("narrows to a requested window but never beyond the booking window", () => {
    const narrow = bookableSlots(
      schedule,
      "fi",
      now,
      at("2026-11-23T00:00:00Z"),
      at("2026-11-24T00:00:00Z"),
    );
    expect(narrow).toHaveLength(14);
    expect(
      bookableSlots(
        schedule,
        "fi",
        now,
        at("2026-11-01T00:00:00Z"),
        at("2026-11-20T11:00:00Z"),
      ).map((s) => s.id),
    ).toEqual(["fi-2026-11-20T1000Z", "fi-2026-11-20T1030Z"]);
    expect(
      bookableSlots(schedule, "fi", now, at("2027-01-01T00:00:00Z"), at("2027-02-01T00:00:00Z")),
    ).toEqual([]);
  });
});

describe("resolveSlot", () => {
  const now = at("2026-11-20T08:00:00Z"); // Fri 10:00 local

  it.each([
    ["fi-2026-11-20T1000Z", true, undefined],
    ["sv-2026-11-23T0700Z", true, undefined],
    ["fi-2026-11-20T0930Z", false, "TOO_SOON"], // 11:30, less than two hours ahead
    ["fi-2026-11-20T0600Z", false, "NOT_A_SLOT"], // 8:00, before opening
    ["fi-2026-11-21T0800Z", false, "NOT_A_SLOT"], // Saturday
    ["fi-2026-11-23T0715Z", false, "NOT_A_SLOT"], // not on the grid
    ["fi-2026-11-23T1345Z", false, "NOT_A_SLOT"], // would cross 16:00
    ["fi-2026-11-23T1400Z", false, "NOT_A_SLOT"], // starts at closing
    ["fi-2025-12-24T0800Z", false, "NOT_A_SLOT"], // Christmas Eve
    ["fi-2026-12-07T0700Z", false, "BEYOND_HORIZON"],
    ["garbage", false, "INVALID_SLOT_ID"],
  ])("%s -> ok=%s %s", (id, ok, reason) => {
    const r = resolveSlot(schedule, id, now);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.slot.id).toBe(id);
    else expect(r.reason).toBe(reason);
  });
});
