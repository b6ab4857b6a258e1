/**
 * What the customers of an advisor whose console is gone for the grace period are told: the
 * place each really gets in the queue (chats given back go to its front, one behind another),
 * or, for a customer who had left the chat too, that it left the queue. Real sockets against
 * the local stack, with one-second grace periods for advisors and customers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
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

let stack: LocalServer;
const sockets: { disconnect(): unknown }[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      FAKE_TIME: OPEN_HOUR_ISO,
      ADVISOR_GRACE_SECONDS: "1",
      QUEUE_CUSTOMER_GRACE_SECONDS: "1",
      CHAT_IDLE_WARNING_SECONDS: "0",
    },
  });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await stack?.close();
});

async function advisorWith(persona: string, chats: number) {
  const advisor = await availableAdvisor(stack.url, persona, ["fi"], 3);
  sockets.push(advisor.socket);
  const customers: {
    socket: CustomerSocket;
    chatId: string;
    resumeToken: string;
    messages: ChatMessage[];
  }[] = [];
  for (let i = 0; i < chats; i++) {
    const socket = await connectCustomer(stack.url);
    sockets.push(socket);
    const messages = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error(start.error.message);
    expect(await socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: start.chatId })).ok).toBe(
      true,
    );
    customers.push({ socket, chatId: start.chatId, resumeToken: start.resumeToken, messages });
  }
  return { advisor, customers };
}

/** The console's connection drops as a network failure would. */
function drop(advisor: AdvisorConsole): void {
  advisor.socket.io.engine.close();
  advisor.socket.disconnect();
}

const lostNotice = (messages: ChatMessage[]) =>
  messages.find((m) => m.from === "system" && m.text.startsWith("Yhteys asiakasneuvojaan katkesi"));

describe("an advisor lost for longer than the grace period", () => {
  it("tells each customer the place they really have, not all of them the front", async () => {
    const { advisor, customers } = await advisorWith("advisor-fi", 2);

    drop(advisor);
    const notices = await eventually(() => {
      const said = customers.map((c) => lostNotice(c.messages)?.text);
      return said.every(Boolean) ? (said as string[]) : undefined;
    }, 6_000);

    // Both went to the front, one behind the other: one is first, the other second.
    const places = notices.map((text) => text.slice(text.lastIndexOf(".", text.length - 2) + 2));
    expect(places.sort()).toEqual(["Olet jonon kärjessä.", "Olet jonossa sijalla 2."]);
    for (const text of notices) {
      expect(text).toMatch(/^Yhteys asiakasneuvojaan katkesi\. Palautin sinut jonoon/);
      expect(text).not.toMatch(/kärkeen/);
    }
    // What each was told is the place advisors see it at.
    const watcher = await availableAdvisor(stack.url, "advisor-both", ["fi"]);
    sockets.push(watcher.socket);
    for (const [i, c] of customers.entries()) {
      const entry = watcher.lastQueue().find((e) => e.chatId === c.chatId);
      const place =
        entry?.position === 1 ? "Olet jonon kärjessä." : `Olet jonossa sijalla ${entry?.position}.`;
      expect(notices[i]).toContain(place);
    }
    for (const c of customers) c.socket.disconnect();
    await eventually(() => (watcher.lastQueue().length === 0 ? true : undefined), 6_000);
  }, 30_000);

  it("takes the chat of a customer who had left too out of the queue, and says so when they come back", async () => {
    const { advisor, customers } = await advisorWith("advisor-fi", 1);
    const [gone] = customers;
    if (!gone) throw new Error("no customer");
    // The customer closes the tab and stays away for their grace period; then the advisor drops.
    gone.socket.disconnect();
    await eventually(() => advisor.seen.customer.find((p) => p.chatId === gone.chatId), 6_000);
    drop(advisor);

    // No advisor is offered a chat to wait for nobody in.
    const watcher = await availableAdvisor(stack.url, "advisor-both", ["fi"]);
    sockets.push(watcher.socket);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(watcher.lastQueue().map((e) => e.chatId)).not.toContain(gone.chatId);

    // Back with the resume token: the chat is with the bot again, and the notice says why.
    const back = await connectCustomer(stack.url);
    sockets.push(back);
    const messages = collect(back, "chat:message");
    const resumed = await back.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: gone.resumeToken,
    });
    expect(resumed).toMatchObject({ ok: true, state: "bot" });
    const notice = await eventually(() => lostNotice(messages));
    expect(notice.text).toBe(
      "Yhteys asiakasneuvojaan katkesi, kun olit poissa chatista, joten keskustelu poistui jonosta. Voit pyytää asiakasneuvojaa uudelleen tai jatkaa kysymistä minulta.",
    );
  }, 30_000);
});
