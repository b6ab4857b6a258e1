import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  startTestStack,
} from "./support/localStack.ts";

// Votes on bot answers ("was this helpful?") through the real local stack: socket.io on
// 127.0.0.1, dynalite, and the supervisors' report summary.

let stack: LocalServer;
const sockets: CustomerSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

/** A started chat in which the customer asked `question` and the bot answered with a topic. */
async function answeredChat(lang: "fi" | "sv", question: string) {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  const messages = collect(socket, "chat:message");
  const start = await socket.emitWithAck("chat:start", { lang });
  if (!start.ok) throw new Error("start failed");
  const asked = await socket.emitWithAck("chat:message", { text: question });
  if (!asked.ok) throw new Error("message failed");
  const answer: ChatMessage = await eventually(() =>
    messages.find((m) => m.from === "bot" && m.topic),
  );
  return { socket, chatId: start.chatId, answer, questionId: asked.id, messages };
}

interface Figures {
  helpful: number;
  unhelpful: number;
  helpfulShare: number | null;
}

async function report(query: string): Promise<{
  totals: Figures;
  byTopic: ({ topic: string } & Figures)[];
}> {
  const res = await fetch(`${stack.url}/api/reports/summary${query}`, {
    headers: { authorization: `Bearer ${await devToken(stack.url, "supervisor")}` },
  });
  expect(res.status).toBe(200);
  return res.json() as never;
}

describe("chat:feedback", () => {
  it("acks votes, and the reports count helpfulness per topic and language, a changed vote once", async () => {
    const changing = await answeredChat("fi", "Miten saan uuden verokortin?");
    const pleased = await answeredChat("fi", "Miten saan uuden verokortin?");
    const swedish = await answeredChat("sv", "Hur får jag ett nytt skattekort?");
    expect([changing, pleased, swedish].map((c) => c.answer.topic)).toEqual([
      "tax-card",
      "tax-card",
      "tax-card",
    ]);
    const vote = (chat: typeof changing, helpful: boolean) =>
      chat.socket.emitWithAck("chat:feedback", { messageId: chat.answer.id, helpful });

    expect(await vote(changing, true)).toEqual({ ok: true });
    expect(await vote(changing, true)).toEqual({ ok: true });
    expect(await vote(changing, false)).toEqual({ ok: true });
    expect(await vote(pleased, true)).toEqual({ ok: true });
    expect(await vote(swedish, true)).toEqual({ ok: true });

    const finnish = await report("?topic=tax-card&lang=fi");
    expect(finnish.totals).toMatchObject({ helpful: 1, unhelpful: 1, helpfulShare: 0.5 });
    const inSwedish = await report("?topic=tax-card&lang=sv");
    expect(inSwedish.totals).toMatchObject({ helpful: 1, unhelpful: 0, helpfulShare: 1 });
    const all = await report("");
    expect(all.byTopic.find((t) => t.topic === "tax-card")).toMatchObject({
      helpful: 2,
      unhelpful: 1,
      helpfulShare: 0.667,
    });
  });

  it("refuses, naming messageId, a vote on the customer's own message or on another chat's answer", async () => {
    const mine = await answeredChat("fi", "Miten saan uuden verokortin?");
    const theirs = await answeredChat("fi", "Miten saan uuden verokortin?");

    for (const messageId of [mine.questionId, theirs.answer.id]) {
      const ack = await mine.socket.emitWithAck("chat:feedback", { messageId, helpful: false });
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
      if (!ack.ok) expect(ack.error.message).toMatch(/^messageId: must be the id of a bot answer/);
    }
  });

  it.each([
    [{ messageId: 5, helpful: true }, /^messageId:/],
    [{ messageId: "", helpful: true }, /^messageId: messageId must be a message id/],
    [{ messageId: "x".repeat(65), helpful: true }, /^messageId:/],
    [{ messageId: "01ABC" }, /^helpful:/],
    [{ messageId: "01ABC", helpful: "yes" }, /^helpful:/],
    [{ messageId: "01ABC", helpful: true, topic: "x" }, /'topic'/],
  ])("refuses the malformed %j naming the field", async (payload, message) => {
    const socket = await connectCustomer(stack.url);
    sockets.push(socket);
    expect((await socket.emitWithAck("chat:start", { lang: "fi" })).ok).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed payloads.
    const ack = await socket.emitWithAck("chat:feedback", payload as any);
    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    if (!ack.ok) expect(ack.error.message).toMatch(message);
  });

  it("asks for chat:start first, and takes votes after the chat ended while the survey shows", async () => {
    const stranger = await connectCustomer(stack.url);
    sockets.push(stranger);
    const early = await stranger.emitWithAck("chat:feedback", {
      messageId: "01ABC",
      helpful: true,
    });
    expect(early).toMatchObject({ ok: false, error: { code: "NOT_STARTED" } });

    const chat = await answeredChat("fi", "Miten saan uuden verokortin?");
    const surveys = collect(chat.socket, "survey:request");
    expect((await chat.socket.emitWithAck("chat:end", {})).ok).toBe(true);
    await eventually(() => surveys.length > 0);
    const ack = await chat.socket.emitWithAck("chat:feedback", {
      messageId: chat.answer.id,
      helpful: true,
    });
    expect(ack).toEqual({ ok: true });
  });
});
