import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type ActiveChat, ConsoleClient } from "../handoff-console/src/consoleClient.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

/*
 * The advisor console's own client class (what the browser bundle runs, minus the DOM)
 * against the real server: proves the console and the /advisor namespace agree.
 */

let stack: LocalServer;
const clients: ConsoleClient[] = [];
const customers: CustomerSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack({ clock: manualClock(new Date(OPEN_HOUR_ISO)) });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of customers.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

const token = (persona: string) => devToken(stack.url, persona);

function consoleFor(advisorToken: string) {
  const client = new ConsoleClient({
    url: `${stack.url}/advisor`,
    token: advisorToken,
    socketOptions: { transports: ["websocket"], forceNew: true },
  });
  clients.push(client);
  const seen = {
    unauthorized: [] as string[],
    opened: [] as ActiveChat[],
    closed: [] as { chatId: string; reason: string }[],
    messages: [] as ChatMessage[],
    typing: [] as boolean[],
    ended: [] as string[],
  };
  client.on({
    unauthorized: (m) => seen.unauthorized.push(m),
    chatOpened: (c) => seen.opened.push(c),
    chatClosed: (chatId, reason) => seen.closed.push({ chatId, reason }),
    message: (_id, m) => seen.messages.push(m),
    typing: (_id, t) => seen.typing.push(t),
    ended: (id) => seen.ended.push(id),
  });
  client.connect();
  return { client, seen };
}

describe("the advisor console against the server", () => {
  it("shows the queue, accepts an authenticated customer by name, chats, ends and wraps up", async () => {
    const { client, seen } = consoleFor(await token("advisor-fi"));
    await eventually(() => client.status);
    const presence = await client.setPresence({ status: "available", languages: ["fi"] });
    expect(presence.ok).toBe(true);

    const customer = await connectCustomer(stack.url);
    customers.push(customer);
    const messages = collect(customer, "chat:message");
    const surveys = collect(customer, "survey:request");
    const start = await customer.emitWithAck("chat:start", {
      lang: "fi",
      idToken: await token("customer-refund"),
    });
    if (!start.ok) throw new Error(start.error.message);
    expect(start.authenticated).toBe(true);
    await customer.emitWithAck("chat:handoff", {});

    const entry = await eventually(() => client.queue.find((e) => e.chatId === start.chatId));
    expect(entry.authenticated).toBe(true);
    const accepted = await client.accept(start.chatId);
    expect(accepted.ok).toBe(true);
    const chat = client.chats.get(start.chatId);
    expect(chat?.authenticated).toBe(true);
    expect(chat?.customerName).toBeTruthy();
    expect(chat?.messages.some((m) => m.from === "bot")).toBe(true);

    client.send(start.chatId, "Hei, miten voin auttaa?");
    await eventually(() => messages.find((m) => m.from === "advisor"));
    await eventually(() => chat?.pending.length === 0);
    await customer.emitWithAck("chat:typing", { typing: true });
    await eventually(() => seen.typing.includes(true));
    await customer.emitWithAck("chat:message", { text: "Palautuksesta kysyisin" });
    await eventually(() => seen.messages.find((m) => m.from === "customer"));

    expect((await client.end(start.chatId)).ok).toBe(true);
    await eventually(() => surveys.length === 1);
    expect((await client.wrapUp(start.chatId, "tax-refund", "Kerrottu maksupäivä")).ok).toBe(true);
    expect(seen.closed).toEqual([{ chatId: start.chatId, reason: "wrapped-up" }]);
  });

  it("sends a customer's token back to sign-in", async () => {
    const { seen } = consoleFor(await token("customer-refund"));
    const message = await eventually(() => seen.unauthorized[0]);
    expect(message).toMatch(/advisor/i);
  });
});
