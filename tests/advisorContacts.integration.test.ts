/**
 * The advisors' contact lists over real socket.io and dynalite: booked phone appointments
 * (appointments:list, appointment:close) and callback requests, each only in the languages
 * the advisor's token serves. A Swedish-only advisor must never receive a Finnish customer's
 * phone number, nor close a Finnish customer's contact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, connectAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import { startTestStack } from "./support/localStack.ts";

// Monday 23.11.2026 10:00 in Helsinki: slots from 12:00 can be booked.
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const clock = manualClock(MONDAY_10);

let stack: LocalServer;
let fi: AdvisorConsole;
let sv: AdvisorConsole;
let both: AdvisorConsole;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  [fi, sv, both] = await Promise.all([
    connectAdvisor(stack.url, "advisor-fi"),
    connectAdvisor(stack.url, "advisor-sv"),
    connectAdvisor(stack.url, "advisor-both"),
  ]);
});
afterAll(async () => {
  for (const a of [fi, sv, both]) a?.socket.disconnect();
  await stack.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: never }> {
  const res = await fetch(`${stack.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Books the given Helsinki-local start through the HTTP API, as a customer would. */
async function book(lang: "fi" | "sv", utcStart: string, phone: string): Promise<string> {
  const slotId = `${lang}-${utcStart}`;
  const { status, body } = await post("/api/appointments", {
    slotId,
    lang,
    phone,
    topic: "tax-card",
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return (body as { reference: string }).reference;
}

async function listed(advisor: AdvisorConsole, payload: { from?: string } = {}) {
  const page = await advisor.socket.emitWithAck("appointments:list", payload);
  if (!page.ok) throw new Error(page.error.message);
  return page;
}

describe("booked appointments in the console", () => {
  const refs = { noonFi: "", twoSv: "", tuesdayFi: "" };

  beforeAll(async () => {
    refs.tuesdayFi = await book("fi", "2026-11-24T0800Z", "040 200 0001");
    refs.twoSv = await book("sv", "2026-11-23T1200Z", "040 200 0002");
    refs.noonFi = await book("fi", "2026-11-23T1000Z", "040 200 0003");
  });

  it("lists each advisor the bookings of their languages only, earliest first", async () => {
    const all = await listed(both);
    expect(all.appointments.map((a) => a.reference)).toEqual([
      refs.noonFi,
      refs.twoSv,
      refs.tuesdayFi,
    ]);
    expect(all.appointments[0]).toMatchObject({
      lang: "fi",
      phone: "+358402000003",
      phoneDisplay: "+358 40 2000003",
      start: "2026-11-23T10:00:00.000Z",
      end: "2026-11-23T10:30:00.000Z",
      topic: "tax-card",
      createdAt: MONDAY_10.toISOString(),
    });
    expect(all.now).toBe(MONDAY_10.toISOString());

    const swedish = await listed(sv);
    expect(swedish.appointments.map((a) => a.reference)).toEqual([refs.twoSv]);
    // Data protection: not one Finnish customer's number reaches the Swedish-only console.
    expect(JSON.stringify(swedish)).not.toMatch(/2000001|2000003/);
    expect((await listed(fi)).appointments.map((a) => a.reference)).toEqual([
      refs.noonFi,
      refs.tuesdayFi,
    ]);
    expect((await listed(fi, { from: "2026-11-24" })).appointments.map((a) => a.reference)).toEqual(
      [refs.tuesdayFi],
    );
  });

  it("marks an appointment handled after its time, once, and keeps it a booking in the reports", async () => {
    const early = await fi.socket.emitWithAck("appointment:close", { reference: refs.noonFi });
    expect(early).toMatchObject({ ok: false, error: { code: "APPOINTMENT_NOT_STARTED" } });

    clock.set(new Date("2026-11-23T10:12:00Z")); // 12:12, after the noon call
    const notMine = await sv.socket.emitWithAck("appointment:close", { reference: refs.noonFi });
    expect(notMine).toMatchObject({ ok: false, error: { code: "LANGUAGE_NOT_SERVED" } });

    const done = await fi.socket.emitWithAck("appointment:close", {
      reference: refs.noonFi,
      note: "Soitettu, verokortti neuvottu",
    });
    expect(done).toEqual({
      ok: true,
      reference: refs.noonFi,
      handledAt: "2026-11-23T10:12:00.000Z",
    });
    const again = await both.socket.emitWithAck("appointment:close", { reference: refs.noonFi });
    expect(again).toMatchObject({ ok: false, error: { code: "APPOINTMENT_ALREADY_HANDLED" } });
    expect((await listed(both)).appointments.map((a) => a.reference)).toEqual([
      refs.twoSv,
      refs.tuesdayFi,
    ]);

    // The customer can no longer cancel it, and it is no cancellation in the reports.
    const cancel = await fetch(`${stack.url}/api/appointments/${refs.noonFi}`, {
      method: "DELETE",
    });
    expect(cancel.status).toBe(409);
    const report = await fetch(
      `${stack.url}/api/reports/summary?from=2026-11-23&to=2026-11-23&lang=fi`,
      { headers: { authorization: `Bearer ${await devToken(stack.url, "supervisor")}` } },
    );
    const { totals } = (await report.json()) as {
      totals: { bookings: number; cancellations: number };
    };
    expect(totals).toMatchObject({ bookings: 2, cancellations: 0 });
  });

  it("refuses a cancelled appointment with the reason, and a day that is not a day", async () => {
    const res = await fetch(`${stack.url}/api/appointments/${refs.tuesdayFi}`, {
      method: "DELETE",
    });
    expect(res.status).toBe(200);
    const closed = await fi.socket.emitWithAck("appointment:close", { reference: refs.tuesdayFi });
    expect(closed).toMatchObject({ ok: false, error: { code: "APPOINTMENT_CANCELLED" } });
    expect((await listed(fi)).appointments).toEqual([]);
    const bad = await fi.socket.emitWithAck("appointments:list", { from: "23.11.2026" });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", message: expect.stringMatching(/^from: /) },
    });
  });
});

describe("callback requests keep to the advisor's languages", () => {
  it("lists and closes only the requests in the token's languages", async () => {
    const made: Record<"fi" | "sv", string> = { fi: "", sv: "" };
    for (const [lang, phone] of [
      ["fi", "040 300 0001"],
      ["sv", "040 300 0002"],
    ] as const) {
      clock.advance(1_000); // the list's order is by when they were left
      const { status, body } = await post("/api/callbacks", { lang, phone });
      expect(status).toBe(201);
      made[lang] = (body as { reference: string }).reference;
    }
    const page = async (a: AdvisorConsole) => {
      const answer = await a.socket.emitWithAck("callbacks:list", {});
      if (!answer.ok) throw new Error(answer.error.message);
      return answer;
    };

    const swedish = await page(sv);
    expect(swedish.callbacks.map((c) => c.reference)).toEqual([made.sv]);
    expect(JSON.stringify(swedish)).not.toContain("3000001");
    expect((await page(fi)).callbacks.map((c) => c.reference)).toEqual([made.fi]);
    expect((await page(both)).callbacks.map((c) => c.reference)).toEqual([made.fi, made.sv]);

    const refused = await sv.socket.emitWithAck("callback:close", { reference: made.fi });
    expect(refused).toMatchObject({ ok: false, error: { code: "LANGUAGE_NOT_SERVED" } });
    expect((await page(fi)).callbacks.map((c) => c.reference)).toEqual([made.fi]);
    expect((await sv.socket.emitWithAck("callback:close", { reference: made.sv })).ok).toBe(true);
  });
});
