import { describe, expect, it } from "vitest";
import { manualClock } from "../clock.ts";
import { loadOpeningHours } from "../openingHours/load.ts";
import { incrementsFor, type ReportEvent } from "../reports/reportEvents.ts";
import {
  cancelOwnAppointment,
  findOwnAppointment,
  listOwnAppointments,
  rescheduleOwnAppointment,
} from "./appointmentChanges.ts";
import { bookAppointment, listSlots } from "./appointments.ts";
import type { AppointmentRecord } from "./contactStore.ts";
import { AppointmentNotFoundError } from "./errors.ts";
import { createMemoryAppointmentStore, createMemoryGuardStore } from "./memoryContactStores.ts";

const openingHours = loadOpeningHours();
// Monday 23.11.2026 10:00 Helsinki; bookable from 12:00.
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const NOON_SLOT = "fi-2026-11-23T1000Z";
const LATER_SLOT = "fi-2026-11-24T0800Z";
const CAPACITY = openingHours.config.queues.fi.appointments.capacityPerSlot;
const SUBJECT = "d73e9f6f-7c4c-4782-b331-d3d7f7db1473";

function setup() {
  const appointments = createMemoryAppointmentStore();
  const clock = manualClock(MONDAY_10);
  const events: ReportEvent[] = [];
  const reports = { record: async (e: ReportEvent) => void events.push(e) };
  const guards = createMemoryGuardStore();
  return { appointments, events, deps: { appointments, guards, clock, openingHours, reports } };
}

const booking = (slotId = NOON_SLOT, phone = "040 123 4567") => ({
  slotId,
  lang: "fi" as const,
  phone,
});
/** Other customers' numbers: one open booking per number. */
const otherPhone = (i: number) => `040 765 43${String(i).padStart(2, "0")}`;

async function remaining(deps: ReturnType<typeof setup>["deps"], slotId: string) {
  const slots = await listSlots(deps, { lang: "fi", from: "2026-11-23", to: "2026-11-24" });
  return slots.find((s) => s.slotId === slotId)?.remaining ?? 0;
}

describe("cancelling in the chat", () => {
  it("cancels by reference and the phone number it was booked with, in any format", async () => {
    const { deps } = setup();
    const booked = await bookAppointment(deps, booking());
    const cancelled = await cancelOwnAppointment(deps, booked.reference.toLowerCase(), {
      phone: "+358 40 1234567",
    });
    expect(cancelled).toMatchObject({ reference: booked.reference, status: "cancelled" });
    expect(cancelled.message).toMatch(/^Puhelinaikasi .* on peruttu/);
  });

  it("refuses another phone number as an unknown reference, and changes nothing", async () => {
    const { deps, appointments } = setup();
    const booked = await bookAppointment(deps, booking());
    await expect(
      cancelOwnAppointment(deps, booked.reference, { phone: "040 765 4321" }),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
    await expect(cancelOwnAppointment(deps, booked.reference, {})).rejects.toBeInstanceOf(
      AppointmentNotFoundError,
    );
    expect(appointments.items.get(booked.reference)?.status).toBe("booked");
  });

  it("lets the signed-in booker cancel without the phone number; frees the place at once", async () => {
    const { deps } = setup();
    for (let i = 1; i < CAPACITY; i++)
      await bookAppointment(deps, booking(NOON_SLOT, otherPhone(i)));
    const mine = await bookAppointment(deps, booking(), { subject: SUBJECT });
    expect(await remaining(deps, NOON_SLOT)).toBe(0);
    await cancelOwnAppointment(deps, mine.reference, { subject: SUBJECT });
    expect(await remaining(deps, NOON_SLOT)).toBe(1);
    // Someone else's subject is no one's key.
    const other = await bookAppointment(deps, booking(LATER_SLOT, otherPhone(0)), {
      subject: "someone-else",
    });
    await expect(
      cancelOwnAppointment(deps, other.reference, { subject: SUBJECT }),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
  });

  it("counts the cancellation and takes the booking off the day it was made", async () => {
    const { deps, events } = setup();
    const booked = await bookAppointment(deps, booking());
    await cancelOwnAppointment(deps, booked.reference, { phone: "0401234567" });
    await expect(
      cancelOwnAppointment(deps, booked.reference, { phone: "0401234567" }),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
    const rows = events.map(incrementsFor);
    expect(rows.map((r) => r.counts)).toEqual([
      { bookings: 1 },
      { bookings: -1, cancellations: 1 },
    ]);
    expect(rows[1]?.day).toBe(rows[0]?.day);
  });
});

describe("the notice of a change names the language it is written in", () => {
  // A chat may have switched language since the booking: the notice is the booking's words,
  // and a client marks it with this language, not the chat's.
  it("a Swedish booking's cancellation and move are worded in Swedish and say so", async () => {
    const { deps } = setup();
    const swedish = (slotId: string) => ({ slotId, lang: "sv" as const, phone: "040 123 4567" });
    const first = await bookAppointment(deps, swedish("sv-2026-11-23T1000Z"));
    const moved = await rescheduleOwnAppointment(
      deps,
      { reference: first.reference, slotId: "sv-2026-11-24T0800Z" },
      { phone: "040 123 4567" },
    );
    expect(moved).toMatchObject({ lang: "sv", message: expect.stringMatching(/har flyttats/) });
    const cancelled = await cancelOwnAppointment(deps, moved.reference, { phone: "040 123 4567" });
    expect(cancelled).toMatchObject({ lang: "sv", message: expect.stringMatching(/avbokad/) });

    const finnish = await bookAppointment(deps, booking());
    const cancelledFi = await cancelOwnAppointment(deps, finnish.reference, {
      phone: "040 123 4567",
    });
    expect(cancelledFi).toMatchObject({ lang: "fi", message: expect.stringMatching(/peruttu/) });
  });
});

describe("finding an own booking before moving it", () => {
  it("finds it by the phone number it was booked with: its time, labelled in the chat's language, and its own language", async () => {
    const { deps } = setup();
    const booked = await bookAppointment(deps, {
      slotId: "sv-2026-11-24T0800Z",
      lang: "sv",
      phone: "040 123 4567",
    });
    const found = await findOwnAppointment(
      deps,
      booked.reference.toLowerCase(),
      { phone: "+358 40 1234567" },
      "fi",
    );
    expect(found).toEqual({
      reference: booked.reference,
      slot: {
        slotId: "sv-2026-11-24T0800Z",
        start: "2026-11-24T08:00:00.000Z",
        end: "2026-11-24T08:30:00.000Z",
        label: "huomenna klo 10.00",
      },
      lang: "sv",
    });
  });

  it("finds it for the signed-in person who booked it, without the phone number", async () => {
    const { deps } = setup();
    const booked = await bookAppointment(deps, booking(), { subject: SUBJECT });
    const found = await findOwnAppointment(deps, booked.reference, { subject: SUBJECT }, "sv");
    expect(found).toMatchObject({ reference: booked.reference, lang: "fi" });
    expect(found.slot.label).toBe("i dag kl. 12.00");
  });

  it("answers someone else's booking as not found, by phone or by person", async () => {
    const { deps } = setup();
    const booked = await bookAppointment(deps, booking(), { subject: "someone-else" });
    for (const asker of [{ phone: "040 765 4321" }, { subject: SUBJECT }, {}]) {
      await expect(findOwnAppointment(deps, booked.reference, asker, "fi")).rejects.toBeInstanceOf(
        AppointmentNotFoundError,
      );
    }
    await expect(
      findOwnAppointment(deps, "AV-23456789", { phone: "040 123 4567" }, "fi"),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
  });

  it("answers a cancelled or started booking as not found", async () => {
    const { deps } = setup();
    const cancelled = await bookAppointment(deps, booking());
    await cancelOwnAppointment(deps, cancelled.reference, { phone: "040 123 4567" });
    await expect(
      findOwnAppointment(deps, cancelled.reference, { phone: "040 123 4567" }, "fi"),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);

    const started = await bookAppointment(deps, booking());
    deps.clock.set(new Date("2026-11-23T10:00:00Z"));
    await expect(
      findOwnAppointment(deps, started.reference, { phone: "040 123 4567" }, "fi"),
    ).rejects.toBeInstanceOf(AppointmentNotFoundError);
  });
});

describe("the signed-in customer's own bookings", () => {
  it("lists only theirs, booked and ahead, earliest first, labelled in the chat's language", async () => {
    const { deps, appointments } = setup();
    const cancelled = await bookAppointment(deps, booking("fi-2026-11-23T1130Z"), {
      subject: SUBJECT,
    });
    await cancelOwnAppointment(deps, cancelled.reference, { subject: SUBJECT });
    const sooner = await bookAppointment(deps, booking(), { subject: SUBJECT });
    await bookAppointment(deps, booking("fi-2026-11-23T1030Z", otherPhone(1)), {
      subject: "someone-else",
    });
    await bookAppointment(deps, booking("fi-2026-11-23T1100Z", otherPhone(2)));
    // A second booking of one person: kept from before the one-open-booking rule.
    const later = { ...(await appointments.getAppointment(sooner.reference)) };
    Object.assign(later, {
      reference: "AV-LATER234",
      slotId: LATER_SLOT,
      start: "2026-11-24T08:00:00.000Z",
    });
    await appointments.putAppointment(later as AppointmentRecord);

    const own = await listOwnAppointments(deps, SUBJECT, "sv");
    expect(own.map((a) => a.reference)).toEqual([sooner.reference, "AV-LATER234"]);
    expect(own[0]?.label).toBe("i dag kl. 12.00");
    // The booking's language, not the chat's: a move offers that language's times.
    expect(own[0]?.lang).toBe("fi");
  });
});

describe("moving an appointment in the chat", () => {
  it("books the new time with the same phone, then cancels the old one", async () => {
    const { deps, appointments } = setup();
    const old = await bookAppointment(deps, booking(), { subject: SUBJECT });
    const moved = await rescheduleOwnAppointment(
      deps,
      { reference: old.reference, slotId: LATER_SLOT },
      { subject: SUBJECT },
    );
    expect(moved.cancelled).toBe(old.reference);
    expect(moved.slot.slotId).toBe(LATER_SLOT);
    expect(appointments.items.get(old.reference)?.status).toBe("cancelled");
    expect(appointments.items.get(moved.reference)).toMatchObject({
      status: "booked",
      phone: "+358401234567",
      subject: SUBJECT,
    });
    expect(await remaining(deps, NOON_SLOT)).toBe(CAPACITY);
  });

  it("says the move in one sentence, from the old time to the new, with the new reference, in the booking's language", async () => {
    const { deps } = setup();
    const old = await bookAppointment(deps, booking());
    const moved = await rescheduleOwnAppointment(
      deps,
      { reference: old.reference, slotId: LATER_SLOT },
      { phone: "040 123 4567" },
    );
    expect(moved.message).toBe(
      "Puhelinaikasi on siirretty ajasta tänään klo 12.00 uuteen aikaan huomenna klo 10.00 (30 min), " +
        `ja sen viite on nyt ${moved.reference} (aiemmin ${old.reference}). ` +
        "Asiakasneuvoja soittaa sinulle silloin numeroon, joka päättyy 4567.",
    );
    // Not a new booking's confirmation followed by a cancellation.
    expect(moved.message).not.toMatch(/on varattu|peruttu/);

    const swedish = await bookAppointment(deps, {
      slotId: "sv-2026-11-23T1000Z",
      lang: "sv",
      phone: "040 765 4321",
    });
    const movedSv = await rescheduleOwnAppointment(
      deps,
      { reference: swedish.reference, slotId: "sv-2026-11-24T0800Z" },
      { phone: "040 765 4321" },
    );
    expect(movedSv.message).toBe(
      "Din telefontid har flyttats från i dag kl. 12.00 till i morgon kl. 10.00 (30 min), " +
        `och dess referens är nu ${movedSv.reference} (tidigare ${swedish.reference}). ` +
        "En kundrådgivare ringer dig då på numret som slutar på 4321.",
    );
  });

  it("keeps the old appointment when the new time is full", async () => {
    const { deps, appointments } = setup();
    const old = await bookAppointment(deps, booking());
    for (let i = 0; i < CAPACITY; i++) {
      await bookAppointment(deps, booking(LATER_SLOT, otherPhone(i)));
    }
    await expect(
      rescheduleOwnAppointment(
        deps,
        { reference: old.reference, slotId: LATER_SLOT },
        { phone: "040 123 4567" },
      ),
    ).rejects.toMatchObject({ code: "SLOT_FULL" });
    expect(appointments.items.get(old.reference)?.status).toBe("booked");
  });
});
