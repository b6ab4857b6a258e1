import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AppointmentSlotView } from "../functions/contracts/contactRequests.ts";
import { manualClock } from "../functions/domain/clock.ts";
import { phrase } from "../functions/domain/dialogue/phrases.ts";
import { loadOpeningHours } from "../functions/domain/openingHours/load.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { connectAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  startTestStack,
} from "./support/localStack.ts";
import { expectNothingSaidTwice } from "./support/saidTwice.ts";

// Monday 23.11.2026 10:00 in Helsinki: slots from 12:00 are bookable.
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const CAPACITY = loadOpeningHours().config.queues.fi.appointments.capacityPerSlot;

let stack: LocalServer;
const sockets: CustomerSocket[] = [];
const clock = manualClock(MONDAY_10);

beforeAll(async () => {
  stack = await startTestStack({
    clock,
    env: { REPORT_FLUSH_SECONDS: "0" },
  });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

async function post(path: string, body: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function remaining(slotId: string): Promise<number> {
  const res = await fetch(`${stack.url}/api/appointments/slots?lang=fi`);
  const { slots } = (await res.json()) as { slots: AppointmentSlotView[] };
  return slots.find((s) => s.slotId === slotId)?.remaining ?? 0;
}

async function chat(lang: "fi" | "sv", persona?: string) {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  const messages = collect(socket, "chat:message");
  const idToken = persona ? await devToken(stack.url, persona) : undefined;
  const start = await socket.emitWithAck("chat:start", { lang, ...(idToken ? { idToken } : {}) });
  if (!start.ok) throw new Error(start.error.message);
  return { socket, messages, chatId: start.chatId };
}

async function bookingsAndCancellations(): Promise<{ bookings: number; cancellations: number }> {
  const token = await devToken(stack.url, "supervisor");
  const res = await fetch(`${stack.url}/api/reports/summary?from=2026-11-23&to=2026-11-23`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { totals } = (await res.json()) as { totals: { bookings: number; cancellations: number } };
  return { bookings: totals.bookings, cancellations: totals.cancellations };
}

describe("cancelling and moving an appointment in the chat", () => {
  it("cancels by reference and phone number; the place is bookable at once and counted", async () => {
    const slotId = "fi-2026-11-24T0900Z";
    const references: string[] = [];
    for (let i = 0; i < CAPACITY; i++) {
      // One open booking per number: the others are other customers'.
      const phone = i === 0 ? "040 123 4567" : `040 765 43${String(i).padStart(2, "0")}`;
      const booked = await post("/api/appointments", { slotId, lang: "fi", phone });
      references.push(booked.body.reference);
    }
    expect(await remaining(slotId)).toBe(0);
    const before = await bookingsAndCancellations();

    const customer = await chat("fi");
    const wrongPhone = await customer.socket.emitWithAck("appointment:cancel", {
      reference: references[0] as string,
      phone: "050 111 2222",
    });
    expect(wrongPhone).toMatchObject({ ok: false, error: { code: "APPOINTMENT_NOT_FOUND" } });
    const noField = await customer.socket.emitWithAck("appointment:cancel", {
      phone: "040 123 4567",
    } as never);
    expect(noField).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await remaining(slotId)).toBe(0);

    const cancelled = await customer.socket.emitWithAck("appointment:cancel", {
      reference: references[0] as string,
      phone: "+358401234567",
    });
    expect(cancelled).toMatchObject({ ok: true, status: "cancelled" });
    const notice = await eventually(() =>
      customer.messages.find((m) => m.from === "system" && m.text.includes("on peruttu")),
    );
    expect(notice.text.split(references[0] as string)).toHaveLength(2);
    expect(await remaining(slotId)).toBe(1);
    // The cancel in the chat released the number's one open booking: it may book again.
    const rebooked = await post("/api/appointments", { slotId, lang: "fi", phone: "0401234567" });
    expect(rebooked.status).toBe(201);

    const after = await bookingsAndCancellations();
    // One booking more (the rebooking) and one less (the cancelled one): net as before +0.
    expect(after).toEqual({
      bookings: before.bookings,
      cancellations: before.cancellations + 1,
    });
    expectNothingSaidTwice(customer.messages);
  });

  it("lists the signed-in customer's own bookings and moves one without the phone number, in Swedish", async () => {
    const first = await chat("sv", "customer-sv");
    const booked = await post("/api/appointments", {
      slotId: "sv-2026-11-25T0800Z",
      lang: "sv",
      phone: "040 765 4321",
      chatId: first.chatId,
    });
    expect(booked.status).toBe(201);
    await post("/api/appointments", {
      slotId: "sv-2026-11-25T0830Z",
      lang: "sv",
      phone: "040 765 4321",
    });

    // A later chat of the same person finds it; an anonymous chat is asked to sign in.
    const later = await chat("sv", "customer-sv");
    const listed = await later.socket.emitWithAck("appointments:list", {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.appointments.map((a) => a.reference)).toEqual([booked.body.reference]);
    expect(listed.appointments[0]?.label).toMatch(/kl\. 10\.00/);
    expect(listed.appointments[0]?.lang).toBe("sv");
    const anonymous = await chat("sv");
    expect(await anonymous.socket.emitWithAck("appointments:list", {})).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED" },
    });
    expect(
      await anonymous.socket.emitWithAck("appointment:cancel", {
        reference: booked.body.reference,
      }),
    ).toMatchObject({ ok: false, error: { code: "APPOINTMENT_NOT_FOUND" } });

    const moved = await later.socket.emitWithAck("appointment:reschedule", {
      reference: booked.body.reference,
      slotId: "sv-2026-11-26T0900Z",
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.cancelled).toBe(booked.body.reference);
    const notice = await eventually(() =>
      later.messages.find((m) => m.from === "system" && m.text.includes(moved.reference)),
    );
    // One sentence of the move, naming both references once.
    expect(notice.text).toMatch(/^Din telefontid har flyttats från .* till /);
    expect(notice.text).toContain(
      `referens är nu ${moved.reference} (tidigare ${booked.body.reference}).`,
    );
    const now = await later.socket.emitWithAck("appointments:list", {});
    if (!now.ok) throw new Error(now.error.message);
    expect(now.appointments.map((a) => a.reference)).toEqual([moved.reference]);
    expectNothingSaidTwice(later.messages);
  });

  it("marks the notice with the booking's language when the chat is in the other one", async () => {
    // Booked in Swedish, changed from a chat that is (now) Finnish: the notice is in Swedish
    // words, so a screen reader must read it with a Swedish voice.
    const booked = await post("/api/appointments", {
      slotId: "sv-2026-11-27T0800Z",
      lang: "sv",
      phone: "040 555 0101",
    });
    expect(booked.status).toBe(201);
    const customer = await chat("fi");
    const moved = await customer.socket.emitWithAck("appointment:reschedule", {
      reference: booked.body.reference,
      phone: "040 555 0101",
      slotId: "sv-2026-11-27T0830Z",
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.lang).toBe("sv");
    const cancelled = await customer.socket.emitWithAck("appointment:cancel", {
      reference: moved.reference,
      phone: "040 555 0101",
    });
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    expect(cancelled.lang).toBe("sv");

    const notices = await eventually(() => {
      const found = customer.messages.filter(
        (m) => m.from === "system" && m.text.includes(moved.reference),
      );
      return found.length === 2 ? found : undefined;
    });
    expect(notices.map((m) => [m.lang, /har flyttats|är avbokad/.test(m.text)])).toEqual([
      ["sv", true],
      ["sv", true],
    ]);
    expectNothingSaidTwice(customer.messages);
  });

  it("finds an own booking with its language, and answers everyone else as for an unknown reference", async () => {
    // Booked in Swedish; looked up from a Finnish chat, to move it to a Swedish time.
    const booked = await post("/api/appointments", {
      slotId: "sv-2026-11-30T0800Z",
      lang: "sv",
      phone: "040 555 0202",
    });
    expect(booked.status).toBe(201);
    const customer = await chat("fi");
    const found = await customer.socket.emitWithAck("appointment:find", {
      reference: booked.body.reference.toLowerCase(),
      phone: "+358405550202",
    });
    expect(found).toEqual({
      ok: true,
      reference: booked.body.reference,
      slot: {
        slotId: "sv-2026-11-30T0800Z",
        start: "2026-11-30T08:00:00.000Z",
        end: "2026-11-30T08:30:00.000Z",
        label: expect.stringMatching(/^maanantaina 30\.11\. klo 10\.00$/),
      },
      lang: "sv",
    });

    const notFound = await customer.socket.emitWithAck("appointment:find", {
      reference: "AV-23456789",
      phone: "040 555 0202",
    });
    expect(notFound).toMatchObject({ ok: false, error: { code: "APPOINTMENT_NOT_FOUND" } });
    // Someone else's booking: the very same answer, so a guess learns nothing.
    const notYours = await customer.socket.emitWithAck("appointment:find", {
      reference: booked.body.reference,
      phone: "050 111 2222",
    });
    expect(notYours).toEqual(notFound);
    const anonymous = await chat("fi");
    expect(
      await anonymous.socket.emitWithAck("appointment:find", {
        reference: booked.body.reference,
      }),
    ).toEqual(notFound);

    const invalid = await customer.socket.emitWithAck("appointment:find", {
      reference: booked.body.reference,
      phone: "12",
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    if (!invalid.ok) expect(invalid.error.message).toMatch(/^phone: /);

    // The signed-in booker finds it without the phone number.
    const signedIn = await chat("sv", "customer-none");
    const ownBooking = await post("/api/appointments", {
      slotId: "fi-2026-11-30T0900Z",
      lang: "fi",
      phone: "040 555 0303",
      chatId: signedIn.chatId,
    });
    expect(ownBooking.status).toBe(201);
    const own = await signedIn.socket.emitWithAck("appointment:find", {
      reference: ownBooking.body.reference,
    });
    expect(own).toMatchObject({ ok: true, lang: "fi", slot: { slotId: "fi-2026-11-30T0900Z" } });
    if (own.ok) expect(own.slot.label).toMatch(/kl\. 11\.00$/);
    // Finding changes nothing and says nothing in the chat.
    expect(customer.messages.filter((m) => m.from === "system")).toEqual([]);
  });

  it("counts finding against the connection's event rate, as cancelling is", async () => {
    const customer = await chat("fi");
    const find = () =>
      customer.socket.emitWithAck("appointment:find", {
        reference: "AV-23456789",
        phone: "040 555 0404",
      });
    // A guesser gets at most the connection's burst (20 events, chat:start among them).
    const answers = await Promise.all(Array.from({ length: 25 }, find));
    const codes = answers.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes.filter((c) => c === "APPOINTMENT_NOT_FOUND").length).toBeLessThanOrEqual(20);
    expect(codes).toContain("RATE_LIMITED");
  });

  it("tells the owner of an appointment an advisor marked handled that it was handled, in the chat or over HTTP, and changes nothing", async () => {
    const booked = await post("/api/appointments", {
      slotId: "fi-2026-11-25T1000Z",
      lang: "fi",
      phone: "040 555 0606",
    });
    expect(booked.status).toBe(201);
    const reference: string = booked.body.reference;
    // The call is made on Wednesday and marked handled; then the customer tries to cancel.
    clock.set(new Date("2026-11-25T10:05:00Z"));
    const advisor = await connectAdvisor(stack.url, "advisor-fi");
    try {
      const closed = await advisor.socket.emitWithAck("appointment:close", { reference });
      expect(closed).toMatchObject({ ok: true, reference });
      clock.set(MONDAY_10);
      const before = await bookingsAndCancellations();

      const fi = await chat("fi");
      const cancel = await fi.socket.emitWithAck("appointment:cancel", {
        reference,
        phone: "040 555 0606",
      });
      expect(cancel).toEqual({
        ok: false,
        error: {
          code: "APPOINTMENT_ALREADY_HANDLED",
          message: phrase("appointmentAlreadyHandled", "fi"),
        },
      });
      const sv = await chat("sv");
      for (const event of ["appointment:find", "appointment:cancel"] as const) {
        expect(await sv.socket.emitWithAck(event, { reference, phone: "+358405550606" })).toEqual({
          ok: false,
          error: {
            code: "APPOINTMENT_ALREADY_HANDLED",
            message: phrase("appointmentAlreadyHandled", "sv"),
          },
        });
      }
      // Anyone but its owner learns nothing of it, as of any reference.
      expect(
        await fi.socket.emitWithAck("appointment:cancel", { reference, phone: "050 111 2222" }),
      ).toMatchObject({ ok: false, error: { code: "APPOINTMENT_NOT_FOUND" } });
      // The cancel over HTTP, which knows the owner by the reference, says the same, in the
      // booking's language (it has no chat's).
      const deleted = await fetch(`${stack.url}/api/appointments/${reference}`, {
        method: "DELETE",
      });
      expect(deleted.status).toBe(409);
      expect(await deleted.json()).toEqual({
        error: {
          code: "APPOINTMENT_ALREADY_HANDLED",
          message: phrase("appointmentAlreadyHandled", "fi"),
        },
      });

      // Nothing was written: still handled (not cancelled), and no cancellation counted.
      clock.set(new Date("2026-11-25T10:06:00Z"));
      expect(await advisor.socket.emitWithAck("appointment:close", { reference })).toMatchObject({
        ok: false,
        error: { code: "APPOINTMENT_ALREADY_HANDLED" },
      });
      clock.set(MONDAY_10);
      expect(await bookingsAndCancellations()).toEqual(before);
      expect(fi.messages.filter((m) => m.from === "system")).toEqual([]);
    } finally {
      advisor.socket.disconnect();
      clock.set(MONDAY_10);
    }
  });
});
