/**
 * The advisors' lists follow changes without a reload: a callback request or booking made,
 * closed, cancelled or handled is pushed as `contacts:changed` to the consoles whose token
 * serves its language, and only to them. Real socket.io and dynalite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerToAdvisorEvents } from "../functions/contracts/protocol.ts";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, connectAdvisor } from "./support/advisorConsole.ts";
import { connectCustomer, eventually, startTestStack } from "./support/localStack.ts";

// Monday 23.11.2026 10:00 in Helsinki: slots from 12:00 can be booked.
const clock = manualClock(new Date("2026-11-23T08:00:00Z"));

type Change = Parameters<ServerToAdvisorEvents["contacts:changed"]>[0];

let stack: LocalServer;
const consoles: Record<"fi" | "sv" | "both", { advisor: AdvisorConsole; changes: Change[] }> =
  {} as never;

beforeAll(async () => {
  stack = await startTestStack({ clock });
  for (const [key, persona] of [
    ["fi", "advisor-fi"],
    ["sv", "advisor-sv"],
    ["both", "advisor-both"],
  ] as const) {
    const advisor = await connectAdvisor(stack.url, persona);
    const changes: Change[] = [];
    advisor.socket.on("contacts:changed", (change) => changes.push(change));
    consoles[key] = { advisor, changes };
  }
});
afterAll(async () => {
  for (const c of Object.values(consoles)) c.advisor.socket.disconnect();
  await stack.close();
});

async function send(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { reference: string } };
}

/** Waits until `who` has been told `count` changes, and returns them. */
async function told(who: "fi" | "sv" | "both", count: number): Promise<Change[]> {
  await eventually(() => consoles[who].changes.length >= count || undefined);
  return consoles[who].changes;
}

describe("contacts:changed", () => {
  it("tells the consoles serving the language when a callback request is left and closed", async () => {
    const left = await send("POST", "/api/callbacks", { lang: "fi", phone: "040 300 0001" });
    expect(left.status).toBe(201);
    expect(await told("fi", 1)).toEqual([{ list: "callbacks", lang: "fi" }]);
    expect(await told("both", 1)).toEqual([{ list: "callbacks", lang: "fi" }]);

    const closed = await consoles.fi.advisor.socket.emitWithAck("callback:close", {
      reference: left.body.reference,
    });
    expect(closed.ok).toBe(true);
    expect(await told("both", 2)).toEqual([
      { list: "callbacks", lang: "fi" },
      { list: "callbacks", lang: "fi" },
    ]);
    // A Swedish-only console hears nothing of Finnish customers.
    expect(consoles.sv.changes).toEqual([]);
  });

  it("tells them when a booking is made, cancelled in the chat and cancelled through the API", async () => {
    const before = { sv: consoles.sv.changes.length, fi: consoles.fi.changes.length };
    const booked = await send("POST", "/api/appointments", {
      slotId: "sv-2026-11-24T0900Z",
      lang: "sv",
      phone: "040 300 0002",
    });
    expect(booked.status).toBe(201);
    await told("sv", before.sv + 1);

    const customer = await connectCustomer(stack.url);
    try {
      await customer.emitWithAck("chat:start", { lang: "sv" });
      const cancelled = await customer.emitWithAck("appointment:cancel", {
        reference: booked.body.reference,
        phone: "040 300 0002",
      });
      expect(cancelled.ok).toBe(true);
    } finally {
      customer.disconnect();
    }
    await told("sv", before.sv + 2);

    const again = await send("POST", "/api/appointments", {
      slotId: "sv-2026-11-24T1000Z",
      lang: "sv",
      phone: "040 300 0002",
    });
    expect(again.status).toBe(201);
    expect((await send("DELETE", `/api/appointments/${again.body.reference}`)).status).toBe(200);

    expect((await told("sv", before.sv + 4)).slice(before.sv)).toEqual(
      Array.from({ length: 4 }, () => ({ list: "appointments", lang: "sv" })),
    );
    expect(consoles.fi.changes.length).toBe(before.fi);
  });
});
