import { describe, expect, it } from "vitest";
import { manualClock } from "../clock.ts";
import { phrase } from "../dialogue/phrases.ts";
import { loadOpeningHours } from "../openingHours/load.ts";
import { incrementsFor, type ReportEvent } from "../reports/reportEvents.ts";
import {
  bookAppointment,
  cancelAppointment,
  closeAppointment,
  listBookedAppointmentsPage,
  listSlots,
} from "./appointments.ts";
import {
  AlreadyOpenError,
  AppointmentAlreadyStartedError,
  AppointmentNotFoundError,
  InvalidPhoneNumberError,
  SlotFullError,
  SlotNotBookableError,
} from "./errors.ts";
import { createMemoryAppointmentStore, createMemoryGuardStore } from "./memoryContactStores.ts";
import { IN_FLIGHT_MS, openContactKeys } from "./openContacts.ts";
import type { ReferenceSource } from "./references.ts";

const openingHours = loadOpeningHours();
// Monday 23.11.2026 10:00 Helsinki (UTC+2); bookable from 12:00 (two hours' notice).
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const NOON_SLOT = "fi-2026-11-23T1000Z";
const LATER_SLOT = "fi-2026-11-24T0800Z";
const SUBJECT = "d73e9f6f-7c4c-4782-b331-d3d7f7db1473";
const CAPACITY = openingHours.config.queues.fi.appointments.capacityPerSlot;

function setup(newReference?: ReferenceSource) {
  const appointments = createMemoryAppointmentStore();
  const clock = manualClock(MONDAY_10);
  const guards = createMemoryGuardStore();
  return {
    appointments,
    guards,
    clock,
    deps: { appointments, guards, clock, openingHours, newReference },
  };
}

const booking = (slotId = NOON_SLOT, phone = "040 123 4567") => ({
  slotId,
  lang: "fi" as const,
  phone,
});
/** Other customers' numbers: one open booking per number. */
const otherPhone = (i: number) => `040 765 43${String(i).padStart(2, "0")}`;

describe("listSlots", () => {
  it("lists today's remaining slots from noon, with places left and a Finnish label", async () => {
    const { deps } = setup();
    const slots = await listSlots(deps, { lang: "fi", from: "2026-11-23", to: "2026-11-23" });
    expect(slots).toHaveLength(8); // 12:00 ... 15:30
    expect(slots[0]).toEqual({
      slotId: NOON_SLOT,
      start: "2026-11-23T10:00:00.000Z",
      end: "2026-11-23T10:30:00.000Z",
      remaining: CAPACITY,
      label: "tänään klo 12.00",
      day: "2026-11-23",
      dayLabel: "tänään, maanantai 23.11.",
      timeLabel: "klo 12.00",
    });
  });

  it("names each slot's day and time apart, in the label language, so a list can group times by day", async () => {
    const { deps } = setup();
    const slots = await listSlots(deps, { lang: "fi", labelLang: "sv", from: "2026-11-25" });
    expect(slots[0]).toMatchObject({
      day: "2026-11-25",
      dayLabel: "onsdag 25.11",
      timeLabel: "kl. 9.00",
      label: "onsdag 25.11 kl. 9.00",
    });
    // One heading per day: every time of the day carries the same one.
    expect(new Set(slots.filter((s) => s.day === "2026-11-25").map((s) => s.dayLabel))).toEqual(
      new Set(["onsdag 25.11"]),
    );
  });

  it("lists the Swedish service's slots labelled in Finnish when asked to", async () => {
    const { deps } = setup();
    const query = { lang: "sv", from: "2026-11-23", to: "2026-11-23" } as const;
    const slots = await listSlots(deps, { ...query, labelLang: "fi" });
    expect(slots[0]).toMatchObject({ slotId: "sv-2026-11-23T1000Z", label: "tänään klo 12.00" });
    expect((await listSlots(deps, query))[0]?.label).toBe("i dag kl. 12.00");
  });

  it("counts bookings and leaves full slots out", async () => {
    const { deps } = setup();
    await bookAppointment(deps, booking());
    let slots = await listSlots(deps, { lang: "fi", from: "2026-11-23", to: "2026-11-23" });
    expect(slots[0]?.remaining).toBe(CAPACITY - 1);
    for (let i = 1; i < CAPACITY; i++)
      await bookAppointment(deps, booking(NOON_SLOT, otherPhone(i)));
    slots = await listSlots(deps, { lang: "fi", from: "2026-11-23", to: "2026-11-23" });
    expect(slots[0]?.slotId).toBe("fi-2026-11-23T1030Z");
  });

  it("stays within the 14-day horizon and answers empty for a weekend", async () => {
    const { deps } = setup();
    expect(await listSlots(deps, { lang: "sv", from: "2026-11-28", to: "2026-11-29" })).toEqual([]);
    const all = await listSlots(deps, { lang: "sv" });
    expect(all.at(-1)?.slotId).toBe("sv-2026-12-07T1330Z"); // Mon 7.12. 15:30, day 14
    expect(all.every((s) => s.slotId.startsWith("sv-"))).toBe(true);
  });
});

describe("bookAppointment", () => {
  it("books a place, stores the appointment and confirms with a reference", async () => {
    const { appointments, deps } = setup();
    const out = await bookAppointment(deps, { ...booking(), topic: "tax-card" });
    expect(out.reference).toMatch(/^AV-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(out.slot).toEqual({
      slotId: NOON_SLOT,
      start: "2026-11-23T10:00:00.000Z",
      end: "2026-11-23T10:30:00.000Z",
    });
    expect(out.message).toContain("Puhelinaikasi on varattu tänään klo 12.00 (30 min)");
    expect(out.message).toContain("päättyy 4567");
    expect(appointments.items.get(out.reference)).toMatchObject({
      phone: "+358401234567",
      status: "booked",
      topic: "tax-card",
    });
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(1);
  });

  it("confirms in Swedish", async () => {
    const { deps } = setup();
    const out = await bookAppointment(deps, {
      slotId: "sv-2026-11-24T0700Z",
      lang: "sv",
      phone: "+358 40 123 4567",
    });
    expect(out.message).toContain("Din telefontid är bokad i morgon kl. 9.00 (30 min)");
  });

  it("refuses a booking over capacity with SlotFullError", async () => {
    const { appointments, deps } = setup();
    for (let i = 0; i < CAPACITY; i++)
      await bookAppointment(deps, booking(NOON_SLOT, otherPhone(i)));
    await expect(bookAppointment(deps, booking())).rejects.toBeInstanceOf(SlotFullError);
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(CAPACITY);
    expect(appointments.items.size).toBe(CAPACITY);
  });

  it.each([
    ["fi-2026-11-23T0830Z", /too soon/], // 10:30, under two hours' notice
    ["fi-2026-11-28T0800Z", /not an appointment time/], // Saturday
    ["fi-2026-11-23T1015Z", /not an appointment time/], // off the half-hour grid
    ["fi-2026-12-21T0800Z", /too far ahead/],
    ["fi-2026-13-01T0800Z", /must be a slotId/],
    ["sv-2026-11-23T1000Z", /belongs to the sv queue/],
  ])("refuses slot %s without taking a place", async (slotId, reason) => {
    const { appointments, deps } = setup();
    const attempt = bookAppointment(deps, booking(slotId));
    await expect(attempt).rejects.toBeInstanceOf(SlotNotBookableError);
    await expect(attempt).rejects.toThrow(reason);
    expect(appointments.counters.size).toBe(0);
  });

  it("refuses an invalid phone before taking a place", async () => {
    const { appointments, deps } = setup();
    await expect(
      bookAppointment(deps, { ...booking(), phone: "0600 12345" }),
    ).rejects.toBeInstanceOf(InvalidPhoneNumberError);
    expect(appointments.counters.size).toBe(0);
  });

  it("gives the place back when the appointment cannot be stored", async () => {
    const { appointments, deps } = setup();
    appointments.failPut = 1;
    await expect(bookAppointment(deps, booking())).rejects.toThrow("simulated storage failure");
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(0);
    expect(appointments.items.size).toBe(0);
  });

  it("draws a new reference on a collision and takes only one place", async () => {
    const refs = ["AV-AAAAAAAA", "AV-AAAAAAAA", "AV-BBBBBBBB"];
    const { appointments, deps } = setup(() => refs.shift() ?? "AV-CCCCCCCC");
    await bookAppointment(deps, booking());
    const second = await bookAppointment(deps, booking(NOON_SLOT, otherPhone(1)));
    expect(second.reference).toBe("AV-BBBBBBBB");
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(2);
  });
});

describe("one open booking per phone number and person", () => {
  it("refuses a second booking for the number in any format, naming the first and how to change it", async () => {
    const { appointments, deps } = setup();
    const first = await bookAppointment(deps, booking());
    const second = bookAppointment(deps, booking(LATER_SLOT, "+358 40 1234567"));
    await expect(second).rejects.toBeInstanceOf(AlreadyOpenError);
    await expect(second).rejects.toMatchObject({ code: "ALREADY_OPEN", httpStatus: 409 });
    await expect(second).rejects.toThrow(
      `Sinulla on jo varattu puhelinaika tänään klo 12.00 (viite ${first.reference}).`,
    );
    await expect(second).rejects.toThrow("”Peru tai siirrä aika”");
    // Nothing of the refused booking is kept: no place, no record.
    expect(appointments.counters.get(LATER_SLOT)).toBeUndefined();
    expect(appointments.items.size).toBe(1);
  });

  it("answers in Swedish for a Swedish booking", async () => {
    const { deps } = setup();
    const first = await bookAppointment(deps, booking());
    await expect(
      bookAppointment(deps, { slotId: "sv-2026-11-24T0700Z", lang: "sv", phone: "0401234567" }),
    ).rejects.toThrow(
      `Du har redan en bokad telefontid i dag kl. 12.00 (referens ${first.reference}).`,
    );
  });

  it("refuses the signed-in person with another number too", async () => {
    const { deps } = setup();
    await bookAppointment(deps, booking(), { subject: SUBJECT });
    await expect(
      bookAppointment(deps, booking(LATER_SLOT, otherPhone(1)), { subject: SUBJECT }),
    ).rejects.toBeInstanceOf(AlreadyOpenError);
  });

  it("allows a new booking once the first is cancelled, or has started", async () => {
    const { deps, clock } = setup();
    const first = await bookAppointment(deps, booking(), { subject: SUBJECT });
    await cancelAppointment(deps, first.reference);
    const second = await bookAppointment(deps, booking(), { subject: SUBJECT });
    clock.set(new Date("2026-11-23T10:00:00Z")); // the noon appointment starts
    await expect(
      bookAppointment(deps, booking(LATER_SLOT), { subject: SUBJECT }),
    ).resolves.toMatchObject({ slot: { slotId: LATER_SLOT } });
    expect(second.reference).not.toBe(first.reference);
  });

  it("does not lock the customer out with a guard whose booking was never stored", async () => {
    const { appointments, guards, deps, clock } = setup();
    appointments.failPut = 1;
    await expect(bookAppointment(deps, booking(LATER_SLOT))).rejects.toThrow(
      "simulated storage failure",
    );
    expect(guards.items.size).toBe(0); // rolled back at once
    // A crash would leave the guard: after the in-flight time it is taken over.
    await guards.claim(
      {
        key: [...openContactKeys("booking", { phone: "+358401234567" })][0] ?? "",
        reference: "AV-GHOST234",
        claimedAt: clock.now().toISOString(),
        expiresAt: 0,
      },
      clock.now().getTime(),
    );
    await expect(bookAppointment(deps, booking(LATER_SLOT))).rejects.toBeInstanceOf(
      AlreadyOpenError,
    );
    clock.advance(IN_FLIGHT_MS);
    await expect(bookAppointment(deps, booking(LATER_SLOT))).resolves.toMatchObject({
      slot: { slotId: LATER_SLOT },
    });
  });
});

describe("cancelAppointment", () => {
  it("cancels once, frees the place, drops the phone number and is idempotent", async () => {
    const { appointments, deps } = setup();
    const { reference } = await bookAppointment(deps, booking());
    const out = await cancelAppointment(deps, reference);
    expect(out).toEqual({
      reference,
      status: "cancelled",
      message: `Puhelinaikasi tänään klo 12.00 on peruttu (viite ${reference}).`,
      lang: "fi",
    });
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(0);
    expect(appointments.items.get(reference)?.phone).toBeUndefined();
    await cancelAppointment(deps, reference);
    expect(appointments.counters.get(NOON_SLOT)?.booked).toBe(0);
  });

  it("takes a cancelled booking out of the reports' count on the day it was booked, once", async () => {
    const { clock, deps } = setup();
    const events: ReportEvent[] = [];
    const reports = { record: async (event: ReportEvent) => void events.push(event) };
    // Booked on Monday for Tuesday noon, cancelled on Tuesday morning.
    const { reference } = await bookAppointment(
      { ...deps, reports },
      booking("fi-2026-11-24T1000Z"),
    );
    clock.advance(24 * 3_600_000);
    await cancelAppointment({ ...deps, reports }, reference);
    await cancelAppointment({ ...deps, reports }, reference);
    expect(events.map((e) => e.kind)).toEqual(["booking", "cancellation"]);
    const rows = events.map(incrementsFor);
    // Both land on Monday, the booking's day: it no longer counts as booked, and once.
    expect(rows.map((r) => r.day)).toEqual([rows[0]?.day, rows[0]?.day]);
    const net = rows.reduce((sum, row) => sum + (row.counts.bookings ?? 0), 0);
    expect(net).toBe(0);
    expect(rows.reduce((sum, row) => sum + (row.counts.cancellations ?? 0), 0)).toBe(1);
  });

  it("accepts a reference typed in lower case with O for 0", async () => {
    const { deps } = setup(() => "AV-0000ABCD");
    await bookAppointment(deps, booking());
    await expect(cancelAppointment(deps, "av-ooooabcd")).resolves.toMatchObject({
      reference: "AV-0000ABCD",
    });
  });

  it("answers not found for unknown and malformed references", async () => {
    const { deps } = setup();
    await expect(cancelAppointment(deps, "AV-ZZZZZZZZ")).rejects.toBeInstanceOf(
      AppointmentNotFoundError,
    );
    await expect(cancelAppointment(deps, "nonsense")).rejects.toBeInstanceOf(
      AppointmentNotFoundError,
    );
  });

  it("refuses to cancel an appointment that has started", async () => {
    const { clock, deps } = setup();
    const { reference } = await bookAppointment(deps, booking());
    clock.set(new Date("2026-11-23T10:05:00Z"));
    await expect(cancelAppointment(deps, reference)).rejects.toBeInstanceOf(
      AppointmentAlreadyStartedError,
    );
  });
});

describe("advisors' list of booked appointments and marking them handled", () => {
  // Monday 23.11. 10:00: bookings for Monday 12:00 and 14:00 and Tuesday 10:00, in both
  // languages; a cancelled one never shows.
  async function booked() {
    const ctx = setup();
    const make = (slotId: string, phone: string, lang: "fi" | "sv" = "fi") =>
      bookAppointment(ctx.deps, { slotId, lang, phone, topic: "tax-card" }).then(
        (b) => b.reference,
      );
    const refs = {
      tuesdayFi: await make("fi-2026-11-24T0800Z", otherPhone(1)),
      mondayTwoSv: await make("sv-2026-11-23T1200Z", otherPhone(2), "sv"),
      mondayNoonFi: await make(NOON_SLOT, otherPhone(3)),
      cancelled: await make("fi-2026-11-23T1100Z", otherPhone(4)),
    };
    await cancelAppointment(ctx.deps, refs.cancelled);
    return { ...ctx, refs };
  }

  it("lists the advisor's languages earliest first, with the number to call, across pages", async () => {
    const { deps, refs } = await booked();
    const both = await listBookedAppointmentsPage(deps, { langs: ["fi", "sv"] });
    expect(both.appointments.map((a) => a.reference)).toEqual([
      refs.mondayNoonFi,
      refs.mondayTwoSv,
      refs.tuesdayFi,
    ]);
    expect(both.appointments[0]).toMatchObject({
      lang: "fi",
      phone: "+358407654303",
      phoneDisplay: "+358 40 7654303",
      start: "2026-11-23T10:00:00.000Z",
      label: "tänään klo 12.00",
      topic: "tax-card",
    });
    expect(both.nextCursor).toBeUndefined();

    const first = await listBookedAppointmentsPage(deps, { langs: ["fi", "sv"], limit: 2 });
    expect(first.appointments).toHaveLength(2);
    const rest = await listBookedAppointmentsPage(deps, {
      langs: ["fi", "sv"],
      limit: 2,
      cursor: first.nextCursor as string,
    });
    expect(rest.appointments.map((a) => a.reference)).toEqual([refs.tuesdayFi]);
    expect(rest.nextCursor).toBeUndefined();
  });

  it("never gives a Swedish-only advisor a Finnish customer's number", async () => {
    const { deps, refs } = await booked();
    const sv = await listBookedAppointmentsPage(deps, { langs: ["sv"] });
    expect(sv.appointments.map((a) => a.reference)).toEqual([refs.mondayTwoSv]);
    await expect(
      closeAppointment(deps, { reference: refs.mondayNoonFi, advisorId: "sv1", langs: ["sv"] }),
    ).rejects.toMatchObject({ code: "LANGUAGE_NOT_SERVED" });
  });

  it("keeps a started appointment listed until handled, and starts from the day asked", async () => {
    const { clock, deps, refs } = await booked();
    clock.set(new Date("2026-11-23T10:40:00Z")); // 12:40, the noon call is due
    const listed = await listBookedAppointmentsPage(deps, { langs: ["fi"] });
    expect(listed.appointments.map((a) => a.reference)).toEqual([
      refs.mondayNoonFi,
      refs.tuesdayFi,
    ]);
    const tuesday = await listBookedAppointmentsPage(deps, { langs: ["fi"], from: "2026-11-24" });
    expect(tuesday.appointments.map((a) => a.reference)).toEqual([refs.tuesdayFi]);
    // On Tuesday, Monday's unhandled appointment is no longer today's work.
    clock.set(new Date("2026-11-24T07:00:00Z"));
    const next = await listBookedAppointmentsPage(deps, { langs: ["fi"] });
    expect(next.appointments.map((a) => a.reference)).toEqual([refs.tuesdayFi]);
  });

  it("marks a started appointment handled once, with a masked note; twice is a clear error", async () => {
    const { clock, deps, refs, appointments } = await booked();
    clock.set(new Date("2026-11-23T10:10:00Z"));
    await expect(
      closeAppointment(deps, {
        reference: refs.mondayNoonFi.toLowerCase(),
        advisorId: "a1",
        note: " Soitettu, hetu 131052-308T mainittu ",
        langs: ["fi"],
      }),
    ).resolves.toEqual({ reference: refs.mondayNoonFi, handledAt: "2026-11-23T10:10:00.000Z" });
    const stored = appointments.items.get(refs.mondayNoonFi);
    expect(stored).toMatchObject({ status: "handled", handledBy: "a1" });
    expect(stored?.note).not.toContain("131052-308T");
    expect(
      (await listBookedAppointmentsPage(deps, { langs: ["fi"] })).appointments.map(
        (a) => a.reference,
      ),
    ).toEqual([refs.tuesdayFi]);

    await expect(
      closeAppointment(deps, { reference: refs.mondayNoonFi, advisorId: "a2", langs: ["fi"] }),
    ).rejects.toMatchObject({ code: "APPOINTMENT_ALREADY_HANDLED" });
    await expect(
      closeAppointment(deps, { reference: refs.cancelled, advisorId: "a2", langs: ["fi"] }),
    ).rejects.toMatchObject({ code: "APPOINTMENT_CANCELLED" });
    await expect(
      closeAppointment(deps, { reference: "AV-ZZZZZZZZ", advisorId: "a2", langs: ["fi"] }),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
  });

  it("refuses to mark handled before the appointment's time, so the customer can still cancel it", async () => {
    const { deps, refs } = await booked();
    await expect(
      closeAppointment(deps, { reference: refs.tuesdayFi, advisorId: "a1", langs: ["fi"] }),
    ).rejects.toMatchObject({ code: "APPOINTMENT_NOT_STARTED" });
    await expect(cancelAppointment(deps, refs.tuesdayFi)).resolves.toMatchObject({
      status: "cancelled",
    });
  });

  it("counts a handled appointment as booked, never cancelled, and refuses cancelling it as handled, in the booking's language", async () => {
    const { clock, deps } = setup();
    const events: ReportEvent[] = [];
    const reports = { record: async (event: ReportEvent) => void events.push(event) };
    const { reference } = await bookAppointment({ ...deps, reports }, booking());
    clock.set(new Date("2026-11-23T10:15:00Z"));
    await closeAppointment(deps, { reference, advisorId: "a1", langs: ["fi"] });
    await expect(cancelAppointment({ ...deps, reports }, reference)).rejects.toMatchObject({
      code: "APPOINTMENT_ALREADY_HANDLED",
      message: phrase("appointmentAlreadyHandled", "fi"),
    });
    expect(events.map((e) => e.kind)).toEqual(["booking"]);
    const rows = events.map(incrementsFor);
    expect(rows.reduce((sum, row) => sum + (row.counts.bookings ?? 0), 0)).toBe(1);
    expect(rows.reduce((sum, row) => sum + (row.counts.cancellations ?? 0), 0)).toBe(0);
  });

  it("lets the customer book again once the handled appointment's time has passed, as any", async () => {
    const { clock, deps } = setup();
    await bookAppointment(deps, booking());
    clock.set(new Date("2026-11-23T10:15:00Z"));
    const [stored] = [...(await listBookedAppointmentsPage(deps, { langs: ["fi"] })).appointments];
    await closeAppointment(deps, {
      reference: stored?.reference as string,
      advisorId: "a1",
      langs: ["fi"],
    });
    await expect(bookAppointment(deps, booking(LATER_SLOT))).resolves.toMatchObject({
      slot: { slotId: LATER_SLOT },
    });
  });
});
