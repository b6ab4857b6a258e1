/**
 * A customer who closes the tab while an advisor serves them: the chat stays the advisor's to
 * end (the customer may come back), but after the grace period the advisor is told that
 * nobody may be reading, and told again when the customer is back. Real sockets against the
 * local stack, with a one-second grace period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, availableAdvisor, connectAdvisor } from "./support/advisorConsole.ts";
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
const consoles: AdvisorConsole[] = [];
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
  for (const c of consoles) c.socket.disconnect();
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

  /** A customer with the advisor `persona`, whose console `first` took the chat. */
  async function servedBy(persona: string, lang: "fi" | "sv") {
    const first = await connectAdvisor(stack.url, persona);
    consoles.push(first);
    await first.socket.emitWithAck("advisor:status", { status: "available", languages: [lang] });
    const socket = await customer();
    const start = await socket.emitWithAck("chat:start", { lang });
    if (!start.ok) throw new Error("start failed");
    await socket.emitWithAck("chat:handoff", {});
    expect((await first.socket.emitWithAck("chat:accept", { chatId: start.chatId })).ok).toBe(true);
    return { first, socket, start };
  }

  it("is reported gone to a console that connects after they left (a reload), right after its chats", async () => {
    const { first, socket, start } = await servedBy("advisor-both", "fi");
    socket.disconnect();
    await eventually(() => first.seen.customer.find((p) => p.chatId === start.chatId), 6_000);

    // The advisor reloads: the new console never saw the moment the customer left.
    const reloaded = await connectAdvisor(stack.url, "advisor-both");
    consoles.push(reloaded);

    await eventually(() => reloaded.seen.customer.find((p) => p.chatId === start.chatId));
    expect(reloaded.seen.customer.filter((p) => p.chatId === start.chatId)).toEqual([
      { chatId: start.chatId, connected: false },
    ]);
  });

  it("is reported back to a console that reconnects after they returned while it was away", async () => {
    const { first, socket, start } = await servedBy("advisor-sv", "sv");
    socket.disconnect();
    await eventually(() => first.seen.customer.find((p) => p.chatId === start.chatId), 6_000);
    // The console drops (within the advisor's grace period), and meanwhile the customer is back.
    first.socket.disconnect();
    const back = await customer();
    await back.emitWithAck("chat:start", { lang: "sv", resumeToken: start.resumeToken });

    const again = await connectAdvisor(stack.url, "advisor-sv");
    consoles.push(again);

    await eventually(() => again.seen.customer.find((p) => p.chatId === start.chatId));
    expect(again.seen.customer.filter((p) => p.chatId === start.chatId)).toEqual([
      { chatId: start.chatId, connected: true },
    ]);
  });
});
