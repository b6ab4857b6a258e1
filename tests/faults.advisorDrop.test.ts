import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, availableAdvisor } from "./support/advisorConsole.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

// An advisor's connection dropping mid-chat while other customers keep the service busy:
// their customers keep writing, nothing they send is lost, and the chats come back to the
// advisor (within the grace period) or go to the front of the queue for another (after it).

const OPEN_HOUR = new Date(OPEN_HOUR_ISO);
const BUSY_CUSTOMERS = 12;
const ADVISOR_CHATS = 3;

let stack: LocalServer;
const sockets: { disconnect(): unknown }[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    clock: manualClock(OPEN_HOUR),
    env: { ADVISOR_GRACE_SECONDS: "1", CHAT_IDLE_WARNING_SECONDS: "0" },
  });
});

afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await stack.close();
});

interface Customer {
  socket: CustomerSocket;
  chatId: string;
  messages: ChatMessage[];
  /** Ids the server acknowledged for this customer's messages, in order. */
  acked: string[];
  refused: string[];
}

async function customer(): Promise<Customer> {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  const messages = collect(socket, "chat:message");
  const start = await socket.emitWithAck("chat:start", { lang: "fi" });
  if (!start.ok) throw new Error(start.error.message);
  await eventually(() => messages.some((m) => m.from === "bot"));
  return { socket, chatId: start.chatId, messages, acked: [], refused: [] };
}

/** Sends a message every `everyMs` until stopped; records acks and refusals. */
function keepWriting(who: Customer, texts: readonly string[], everyMs: number) {
  let stopped = false;
  let n = 0;
  const done = (async () => {
    while (!stopped) {
      const text = texts[n % texts.length] as string;
      const clientId = `${who.chatId.slice(0, 8)}-${String(n++).padStart(4, "0")}`;
      const ack = await who.socket.timeout(10_000).emitWithAck("chat:message", { text, clientId });
      if (ack.ok) who.acked.push(ack.id);
      else who.refused.push(ack.error.code);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await done;
  };
}

/** Every acknowledged message of the customer is in the transcript, once. */
function expectWhole(transcript: ChatMessage[], who: Customer): void {
  const ids = transcript.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(who.acked.filter((id) => !ids.includes(id))).toEqual([]);
}

/** Drops the console's connection as a network failure would (no goodbye to the server). */
function drop(advisor: AdvisorConsole): void {
  advisor.socket.io.engine.close();
  advisor.socket.disconnect();
}

describe("an advisor's connection dropping mid-chat under load", () => {
  it("loses nothing: the chats come back within the grace period, and go to the front of the queue after it", async () => {
    const busy = await Promise.all(Array.from({ length: BUSY_CUSTOMERS }, customer));
    const stopBusy = busy.map((c) =>
      keepWriting(c, ["Miten saan verokortin?", "Milloin veronpalautukset maksetaan?"], 150),
    );

    const first = await availableAdvisor(stack.url, "advisor-fi", ["fi"], ADVISOR_CHATS);
    sockets.push(first.socket);
    const withAdvisor = await Promise.all(Array.from({ length: ADVISOR_CHATS }, customer));
    for (const c of withAdvisor) {
      expect(await c.socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
      const accepted = await first.socket.emitWithAck("chat:accept", { chatId: c.chatId });
      expect(accepted.ok).toBe(true);
    }
    const stopTalking = withAdvisor.map((c) =>
      keepWriting(c, ["Onko hakemukseni jo käsitelty?"], 100),
    );
    await eventually(() => withAdvisor.every((c) => c.acked.length >= 3));

    // Dropped, and back within the grace period (1 s here): the same chats, transcripts whole.
    drop(first);
    await new Promise((r) => setTimeout(r, 300));
    const back = await availableAdvisor(stack.url, "advisor-fi", ["fi"], ADVISOR_CHATS);
    sockets.push(back.socket);
    const restored = (back.seen.chats[0]?.chats ?? []).filter((c) => !c.ended);
    expect(restored.map((c) => c.chatId).sort()).toEqual(withAdvisor.map((c) => c.chatId).sort());
    // What the customers sent while the console was away reaches it live again.
    const sentLater = withAdvisor.map((c) => c.acked.length);
    await eventually(() =>
      withAdvisor.every((c, i) =>
        back.seen.messages.some(
          (m) => m.chatId === c.chatId && m.id === c.acked[sentLater[i] ?? 0],
        ),
      ),
    );

    // Dropped for longer than the grace period: the chats go to the front of the queue, and
    // another advisor takes them with every message in the transcript.
    drop(back);
    await eventually(
      () =>
        withAdvisor.every((c) =>
          c.messages.some((m) => m.from === "system" && m.text.includes("katkesi")),
        ),
      6_000,
    );
    const second = await availableAdvisor(stack.url, "advisor-both", ["fi"], ADVISOR_CHATS);
    sockets.push(second.socket);
    const queued = await eventually(() => {
      const line = second.lastQueue().map((e) => e.chatId);
      return withAdvisor.every((c) => line.includes(c.chatId)) ? line : undefined;
    });
    // All three wait at the front of the line.
    expect(queued.slice(0, ADVISOR_CHATS).sort()).toEqual(withAdvisor.map((c) => c.chatId).sort());

    await Promise.all(stopTalking.map((stop) => stop()));
    for (const c of withAdvisor) {
      const taken = await second.socket.emitWithAck("chat:accept", { chatId: c.chatId });
      if (!taken.ok) throw new Error(taken.error.code);
      expectWhole(taken.transcript, c);
      expect(c.refused).toEqual([]);
    }

    await Promise.all(stopBusy.map((stop) => stop()));
    for (const c of busy) {
      expect(c.refused).toEqual([]);
      // Each acknowledged question was answered.
      await eventually(
        () => c.messages.filter((m) => m.from === "bot").length >= c.acked.length + 2,
      );
    }
  }, 30_000);
});
