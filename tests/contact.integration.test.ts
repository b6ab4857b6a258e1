import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoContactGuardStore } from "../functions/adapters/dynamodb/dynamoContactGuardStore.ts";
import { createDynamoCallbackStore } from "../functions/adapters/dynamodb/dynamoContactStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { AppointmentSlotView } from "../functions/contracts/contactRequests.ts";
import { manualClock } from "../functions/domain/clock.ts";
import { closeCallback, listOpenCallbacks } from "../functions/domain/contact/callbacks.ts";
import { loadOpeningHours } from "../functions/domain/openingHours/load.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { startTestStack } from "./support/localStack.ts";

// Monday 23.11.2026 10:00 in Helsinki (UTC+2): open, and slots from 12:00 are bookable.
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const CAPACITY = loadOpeningHours().config.queues.fi.appointments.capacityPerSlot;
const tables = tableNames("asiointi-local-");

let stack: LocalServer;
let doc: ReturnType<typeof createDynamoClients>["doc"];
const clock = manualClock(MONDAY_10);

beforeAll(async () => {
  stack = await startTestStack({ clock });
  doc = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc;
});
afterAll(async () => {
  await stack.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function scan(table: string) {
  return (await doc.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [];
}

async function slotCounter(slotId: string) {
  const out = await doc.send(
    new GetCommand({ TableName: tables.appointmentSlots, Key: { slotId }, ConsistentRead: true }),
  );
  return out.Item?.booked as number | undefined;
}

async function freeSlots(query: string): Promise<AppointmentSlotView[]> {
  const res = await call("GET", `/api/appointments/slots?${query}`);
  expect(res.status).toBe(200);
  return res.body.slots;
}

describe("POST /api/callbacks", () => {
  it("stores an open callback with the E.164 number and answers 201 with a reference", async () => {
    const res = await call("POST", "/api/callbacks", {
      lang: "fi",
      phone: "040 123 4567",
      preferredWindow: "afternoon",
      topic: "tax-card",
    });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(res.body.message).toContain("aikaisintaan tänään klo 12.00");
    const item = (
      await doc.send(
        new GetCommand({ TableName: tables.callbacks, Key: { reference: res.body.reference } }),
      )
    ).Item;
    expect(item).toMatchObject({
      phone: "+358401234567",
      lang: "fi",
      preferredWindow: "afternoon",
      topic: "tax-card",
      status: "open",
      openQueue: "open",
      callFrom: "2026-11-23T10:00:00.000Z",
    });
    expect(item?.expiresAt).toBe(Date.parse("2026-11-23T10:00:00Z") / 1000 + 90 * 86_400);
  });

  it.each([
    [{ lang: "fi", phone: "040 123" }, /^phone: enter a Finnish or international phone number/],
    [{ lang: "fi", phone: "call me" }, /^phone: enter a Finnish or international phone number/],
    [{ lang: "fi" }, /^phone: enter a Finnish or international phone number/],
    [{ lang: "en", phone: "0401234567" }, /^lang: /],
    [{ lang: "fi", phone: "0401234567", preferredWindow: "night" }, /^preferredWindow: /],
    [{ lang: "fi", phone: "0401234567", topic: "Weather forecast" }, /^topic: /],
    [{ lang: "fi", phone: "0401234567", hetu: "010101-123N" }, /^payload: unknown field/],
  ])("refuses %j with 400 naming the field and writes nothing", async (body, message) => {
    const before = (await scan(tables.callbacks)).length;
    const res = await call("POST", "/api/callbacks", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.message).toMatch(message);
    expect((await scan(tables.callbacks)).length).toBe(before);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await call("POST", "/api/callbacks", "{not json");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^body:/);
  });

  it("lists open callbacks oldest first for the console and closes one exactly once", async () => {
    const first = await call("POST", "/api/callbacks", { lang: "sv", phone: "+46 70 123 45 67" });
    clock.advance(1_000);
    const second = await call("POST", "/api/callbacks", { lang: "fi", phone: "050 987 6543" });
    clock.set(MONDAY_10);
    const deps = {
      callbacks: createDynamoCallbackStore(doc, tables),
      guards: createDynamoContactGuardStore(doc, tables),
      clock,
    };
    const open = (await listOpenCallbacks(deps)).map((c) => c.reference);
    expect(open.indexOf(first.body.reference)).toBeLessThan(open.indexOf(second.body.reference));

    const closes = await Promise.allSettled([
      closeCallback(deps, { reference: first.body.reference, advisorId: "advisor-1" }),
      closeCallback(deps, { reference: first.body.reference, advisorId: "advisor-2" }),
    ]);
    expect(closes.filter((c) => c.status === "fulfilled")).toHaveLength(1);
    const after = (await listOpenCallbacks(deps)).map((c) => c.reference);
    expect(after).not.toContain(first.body.reference);
    expect(after).toContain(second.body.reference);
  });
});

describe("appointments over HTTP", () => {
  it("lists today's free slots from noon with the places left", async () => {
    const slots = await freeSlots("lang=fi&from=2026-11-23&to=2026-11-23");
    expect(slots.map((s) => s.slotId)[0]).toBe("fi-2026-11-23T1000Z");
    expect(slots).toHaveLength(8);
    expect(slots.every((s) => s.remaining === CAPACITY)).toBe(true);
  });

  it.each([
    ["lang=en", /^lang: /],
    ["lang=fi&from=23.11.2026", /^from: must be a date in the form YYYY-MM-DD/],
    ["lang=fi&from=2026-11-25&to=2026-11-24", /^to: must not be before from/],
    ["lang=fi&size=10", /unknown field/],
  ])("refuses the query %s with 400 naming the field", async (query, message) => {
    const res = await call("GET", `/api/appointments/slots?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it("books a slot: 201 with reference and slot, the appointment stored, the counter at 1", async () => {
    const slotId = "fi-2026-11-24T0700Z";
    const res = await call("POST", "/api/appointments", {
      slotId,
      lang: "fi",
      phone: "+358 40 123 4567",
      topic: "tax-return",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^AV-[0-9A-HJKMNP-TV-Z]{8}$/),
      slot: { slotId, start: "2026-11-24T07:00:00.000Z", end: "2026-11-24T07:30:00.000Z" },
    });
    expect(res.body.message).toContain("huomenna klo 9.00");
    const item = (
      await doc.send(
        new GetCommand({ TableName: tables.appointments, Key: { reference: res.body.reference } }),
      )
    ).Item;
    expect(item).toMatchObject({ slotId, phone: "+358401234567", status: "booked" });
    expect(await slotCounter(slotId)).toBe(1);
  });

  it("never overbooks: of 12 concurrent bookings exactly the capacity succeed", async () => {
    const slotId = "fi-2026-11-24T0800Z";
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call("POST", "/api/appointments", {
          slotId,
          lang: "fi",
          phone: `040 123 45${String(i).padStart(2, "0")}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)).toEqual(
      [],
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(CAPACITY);
    expect(statuses.filter((s) => s === 409)).toHaveLength(12 - CAPACITY);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe("SLOT_FULL");
    expect(await slotCounter(slotId)).toBe(CAPACITY);
    const stored = (await scan(tables.appointments)).filter((a) => a.slotId === slotId);
    expect(stored).toHaveLength(CAPACITY);
    const listed = await freeSlots("lang=fi&from=2026-11-24&to=2026-11-24");
    expect(listed.map((s) => s.slotId)).not.toContain(slotId);
  });

  it("cancelling frees a place that the next customer can book", async () => {
    const slotId = "fi-2026-11-24T0830Z";
    const booked = [];
    for (let i = 0; i < CAPACITY; i++) {
      booked.push(
        await call("POST", "/api/appointments", {
          slotId,
          lang: "fi",
          phone: `040 555 66${String(i).padStart(2, "0")}`,
        }),
      );
    }
    const full = await call("POST", "/api/appointments", {
      slotId,
      lang: "fi",
      phone: "040 555 6699",
    });
    expect(full.status).toBe(409);

    const reference = booked[0]?.body.reference as string;
    const cancel = await call("DELETE", `/api/appointments/${reference}`);
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ reference, status: "cancelled" });
    expect(cancel.body.message).toContain("on peruttu");
    expect(await slotCounter(slotId)).toBe(CAPACITY - 1);
    const stored = (
      await doc.send(new GetCommand({ TableName: tables.appointments, Key: { reference } }))
    ).Item;
    expect(stored).toMatchObject({ status: "cancelled" });
    expect(stored?.phone).toBeUndefined();

    // Cancelling again is harmless and frees nothing more.
    expect((await call("DELETE", `/api/appointments/${reference}`)).status).toBe(200);
    expect(await slotCounter(slotId)).toBe(CAPACITY - 1);

    const again = await call("POST", "/api/appointments", {
      slotId,
      lang: "fi",
      phone: "0501234567",
    });
    expect(again.status).toBe(201);
    expect(await slotCounter(slotId)).toBe(CAPACITY);
  });

  it.each([
    [{ slotId: "fi-2026-11-23T0830Z" }, 400, "SLOT_NOT_BOOKABLE", /^slotId: starts too soon/],
    [{ slotId: "fi-2026-11-28T0800Z" }, 400, "SLOT_NOT_BOOKABLE", /^slotId: is not an appointment/],
    [{ slotId: "tomorrow 9am" }, 400, "VALIDATION_FAILED", /^slotId: must be a slotId/],
    [{ phone: "0600 12345" }, 400, "VALIDATION_FAILED", /^phone: /],
  ])("refuses the booking %j with %i %s", async (change, status, code, message) => {
    const before = (await scan(tables.appointmentSlots)).length;
    const res = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-25T0700Z",
      lang: "fi",
      phone: "0401234567",
      ...change,
    });
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((await scan(tables.appointmentSlots)).length).toBe(before);
  });

  it("answers 404 for an unknown reference and 400 for one that cannot be a reference", async () => {
    const unknown = await call("DELETE", "/api/appointments/AV-ZZZZZZZZ");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("APPOINTMENT_NOT_FOUND");
    const malformed = await call("DELETE", `/api/appointments/${encodeURIComponent("<script>")}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^reference: /);
  });
});
