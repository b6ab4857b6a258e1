/**
 * At most one open booking and one open callback request per phone number, and per person
 * when signed in: through the real HTTP API and sockets, against dynalite.
 */
import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { connectAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import { type CustomerSocket, connectCustomer, startTestStack } from "./support/localStack.ts";

// Monday 23.11.2026 10:00 in Helsinki: open, slots from 12:00 are bookable.
const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const tables = tableNames("asiointi-local-");

let stack: LocalServer;
let doc: ReturnType<typeof createDynamoClients>["doc"];
const sockets: { disconnect(): void }[] = [];

beforeAll(async () => {
  stack = await startTestStack({ clock: manualClock(MONDAY_10) });
  doc = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function scan(table: string) {
  return (await doc.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [];
}

async function booked(slotId: string): Promise<number> {
  const out = await doc.send(
    new GetCommand({ TableName: tables.appointmentSlots, Key: { slotId }, ConsistentRead: true }),
  );
  return (out.Item?.booked as number | undefined) ?? 0;
}

/** A chat signed in as `persona`, whose id the widget sends with its forms. */
async function signedInChat(persona: string): Promise<string> {
  const socket: CustomerSocket = await connectCustomer(stack.url);
  sockets.push(socket);
  const idToken = await devToken(stack.url, persona);
  const start = await socket.emitWithAck("chat:start", { lang: "fi", idToken });
  if (!start.ok) throw new Error(start.error.message);
  return start.chatId;
}

describe("one open booking per phone number and person", () => {
  it("refuses a second booking with 409 ALREADY_OPEN naming the first, writes nothing, and allows one after cancelling", async () => {
    const first = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-24T0700Z",
      lang: "fi",
      phone: "040 111 2233",
    });
    expect(first.status).toBe(201);
    const appointmentsBefore = (await scan(tables.appointments)).length;

    const second = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-25T0700Z",
      lang: "fi",
      phone: "+358 40 1112233",
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("ALREADY_OPEN");
    expect(second.body.error.message).toBe(
      `Sinulla on jo varattu puhelinaika huomenna klo 9.00 (viite ${first.body.reference}). ` +
        "Sinulla voi olla yksi varattu aika kerrallaan. Jos haluat toisen ajan, voit siirtää tai " +
        "perua varatun ajan chatissa: valitse ”Peru tai siirrä aika” ja kerro viite.",
    );
    expect((await scan(tables.appointments)).length).toBe(appointmentsBefore);
    expect(await booked("fi-2026-11-25T0700Z")).toBe(0);

    const sv = await call("POST", "/api/appointments", {
      slotId: "sv-2026-11-25T0700Z",
      lang: "sv",
      phone: "0401112233",
    });
    expect(sv.status).toBe(409);
    expect(sv.body.error.message).toMatch(
      new RegExp(
        `^Du har redan en bokad telefontid i morgon kl\\. 9\\.00 \\(referens ${first.body.reference}\\)\\.`,
      ),
    );
    expect(sv.body.error.message).toContain("”Avboka eller flytta tid”");

    expect((await call("DELETE", `/api/appointments/${first.body.reference}`)).status).toBe(200);
    const again = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-25T0700Z",
      lang: "fi",
      phone: "040 111 2233",
    });
    expect(again.status).toBe(201);
    // No guard item carries the number itself.
    const guards = JSON.stringify(await scan(tables.contactGuards));
    expect(guards).not.toMatch(/1112233/);
  });

  it("of concurrent bookings for one number in different slots exactly one wins", async () => {
    const slots = ["fi-2026-11-26T0700Z", "fi-2026-11-26T0730Z", "fi-2026-11-26T0800Z"];
    const results = await Promise.all(
      [...slots, ...slots].map((slotId) =>
        call("POST", "/api/appointments", { slotId, lang: "fi", phone: "040 222 3344" }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.code).toBe("ALREADY_OPEN");
    }
    const places = await Promise.all(slots.map(booked));
    expect(places.reduce((a, b) => a + b, 0)).toBe(1);
    const stored = (await scan(tables.appointments)).filter(
      (a) => a.phone === "+358402223344" && a.status === "booked",
    );
    expect(stored).toHaveLength(1);
  });

  it("refuses the signed-in person with a different number", async () => {
    const chatId = await signedInChat("customer-refund");
    const first = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-27T0700Z",
      lang: "fi",
      phone: "040 333 4455",
      chatId,
    });
    expect(first.status).toBe(201);
    const laterChat = await signedInChat("customer-refund");
    const other = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-27T0800Z",
      lang: "fi",
      phone: "050 333 4455",
      chatId: laterChat,
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain(`(viite ${first.body.reference})`);
    // Anonymous, the other number is someone else's and may book.
    const anonymous = await call("POST", "/api/appointments", {
      slotId: "fi-2026-11-27T0800Z",
      lang: "fi",
      phone: "050 333 4455",
    });
    expect(anonymous.status).toBe(201);
  });
});

describe("one open callback request per phone number and person", () => {
  it("refuses a second request until an advisor closes the first", async () => {
    const first = await call("POST", "/api/callbacks", { lang: "sv", phone: "040 444 5566" });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/callbacks", { lang: "sv", phone: "+358404445566" });
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({
      code: "ALREADY_OPEN",
      message:
        `Vi har redan tagit emot din begäran om att bli uppringd (referens ${first.body.reference}). ` +
        "En kundrådgivare ringer dig, så du behöver inte skicka en ny begäran. " +
        "Du kan skicka en ny när den här har behandlats.",
    });
    const open = (await scan(tables.callbacks)).filter((c) => c.phone === "+358404445566");
    expect(open).toHaveLength(1);

    const advisor = await connectAdvisor(stack.url, "advisor-both");
    sockets.push(advisor.socket);
    const closed = await advisor.socket.emitWithAck("callback:close", {
      reference: first.body.reference,
    });
    expect(closed).toMatchObject({ ok: true });
    const again = await call("POST", "/api/callbacks", { lang: "fi", phone: "040 444 5566" });
    expect(again.status).toBe(201);
  });

  it("of concurrent requests for one number exactly one wins", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call("POST", "/api/callbacks", { lang: "fi", phone: "040 555 6677" }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const stored = (await scan(tables.callbacks)).filter((c) => c.phone === "+358405556677");
    expect(stored).toHaveLength(1);
  });

  it("refuses the signed-in person with a different number", async () => {
    const chatId = await signedInChat("customer-residual");
    const first = await call("POST", "/api/callbacks", {
      lang: "fi",
      phone: "040 666 7788",
      chatId,
    });
    expect(first.status).toBe(201);
    const other = await call("POST", "/api/callbacks", {
      lang: "fi",
      phone: "050 666 7788",
      chatId: await signedInChat("customer-residual"),
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain(`(viite ${first.body.reference})`);
  });
});
