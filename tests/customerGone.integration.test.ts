/**
 * A customer who closes the tab while an advisor serves them: the chat stays the advisor's to
 * end (the customer may come back), but after the grace period the advisor is told that
 * nobody may be reading, and told again when the customer is back. Real sockets against the
 * local stack, with a one-second grace period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, availableAdvisor } from "./support/advisorConsole.ts";
import {
  type CustomerSocket,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

let stack: LocalServer;
let advisor: AdvisorConsole;
const sockets: CustomerSocket[] = [];
const presence: { chatId: string; connected: boolean }[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    env: { FAKE_TIME: OPEN_HOUR_ISO, QUEUE_CUSTOMER_GRACE_SECONDS: "1" },
  });
  advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
  advisor.socket.on("chat:customer", (p) => presence.push(p));
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  advisor?.socket.disconnect();
  await stack?.close();
});

async function customer(): Promise<CustomerSocket> {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  return socket;
}

describe("a customer who leaves a chat with an advisor", () => {
  it("is reported gone to the advisor after the grace period, and back when they return", async () => {
    // Prepare: a customer with the advisor.
    const first = await customer();
    const start = await first.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    expect(await first.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
    const accepted = await advisor.socket.emitWithAck("chat:accept", { chatId: start.chatId });
    expect(accepted.ok).toBe(true);

    // Act: the tab closes.
    first.disconnect();

    // Assess: told once the grace period has passed, and the chat is still the advisor's.
    const gone = await eventually(
      () => presence.find((p) => p.chatId === start.chatId && !p.connected),
      6_000,
    );
    expect(gone).toEqual({ chatId: start.chatId, connected: false });
    const again = await advisor.socket.emitWithAck("chat:message", {
      chatId: start.chatId,
      text: "Oletko vielä siellä?",
      clientId: "still-there-1",
    });
    expect(again.ok).toBe(true);

    // The customer comes back with the resume token: the advisor learns that too.
    const back = await customer();
    await back.emitWithAck("chat:start", { lang: "fi", resumeToken: start.resumeToken });
    await eventually(() => presence.at(-1)?.connected === true);
    expect(presence.filter((p) => p.chatId === start.chatId)).toEqual([
      { chatId: start.chatId, connected: false },
      { chatId: start.chatId, connected: true },
    ]);
  });

  it("says nothing when the customer is back within the grace period (a reload)", async () => {
    const first = await customer();
    const start = await first.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await first.emitWithAck("chat:handoff", {});
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: start.chatId })).ok).toBe(
      true,
    );
    first.disconnect();
    const back = await customer();
    await back.emitWithAck("chat:start", { lang: "fi", resumeToken: start.resumeToken });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(presence.filter((p) => p.chatId === start.chatId && !p.connected)).toEqual([]);
  });
});
