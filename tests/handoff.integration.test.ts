import { io } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import { manualClock, runningClockFrom } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import {
  type AdvisorSocket,
  availableAdvisor as availableAdvisorOn,
  connectAdvisor as connectAdvisorTo,
} from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";
import { expectNothingSaidTwice } from "./support/saidTwice.ts";

const OPEN_HOUR = new Date(OPEN_HOUR_ISO);
// Saturday 28 November 2026, 12:00 in Helsinki: closed; opens Monday 30.11. at 9.00.
const CLOSED_HOUR = new Date("2026-11-28T12:00:00+02:00");

let stack: LocalServer;
const clock = manualClock(OPEN_HOUR);
const customers: CustomerSocket[] = [];
const advisors: AdvisorSocket[] = [];
/** Every customer's transcript as they saw it live: none may say a thing twice. */
const transcripts: { from: string; text: string }[][] = [];

beforeAll(async () => {
  stack = await startTestStack({
    clock,
    env: { ADVISOR_GRACE_SECONDS: "1", CHAT_IDLE_WARNING_SECONDS: "0" },
  });
});

afterEach(async () => {
  for (const seen of transcripts.splice(0)) expectNothingSaidTwice(seen);
  // End every chat a test left open, so that no test sees another's queue.
  await Promise.all(
    customers.splice(0).map(async (socket) => {
      if (socket.connected)
        await socket
          .timeout(2000)
          .emitWithAck("chat:end", {})
          .catch(() => 0);
      socket.disconnect();
    }),
  );
  for (const socket of advisors.splice(0)) socket.disconnect();
  // Let the server see the advisors go before the next test counts who is available.
  await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await stack.close();
});

/** An advisor console connection, disconnected after the test. */
async function connectAdvisor(persona: string, target = stack) {
  const advisor = await connectAdvisorTo(target.url, persona);
  advisors.push(advisor.socket);
  return advisor;
}

async function availableAdvisor(
  persona: string,
  languages: ("fi" | "sv")[],
  maxChats?: number,
  target = stack,
) {
  const advisor = await availableAdvisorOn(target.url, persona, languages, maxChats);
  advisors.push(advisor.socket);
  return advisor;
}

/** A customer in a fresh chat, with every server event collected. */
async function customerChat(lang: "fi" | "sv" = "fi", target = stack) {
  const socket = await connectCustomer(target.url);
  customers.push(socket);
  const messages = collect(socket, "chat:message");
  transcripts.push(messages);
  const states = collect(socket, "chat:state");
  const typing = collect(socket, "chat:typing");
  const surveys = collect(socket, "survey:request");
  const start = await socket.emitWithAck("chat:start", { lang });
  if (!start.ok) throw new Error(start.error.message);
  await eventually(() => messages.length >= 1);
  const lastState = () => states.at(-1);
  return {
    socket,
    chatId: start.chatId,
    resumeToken: start.resumeToken,
    messages,
    states,
    typing,
    surveys,
    lastState,
  };
}

function store(target = stack) {
  const { doc } = createDynamoClients({ region: "eu-north-1", endpoint: target.dynamoEndpoint });
  return createDynamoChatStore(doc, tableNames("asiointi-local-"));
}

describe("handoff in opening hours", () => {
  it("queues a customer who asks for a person, updates positions, and an advisor takes over until the survey", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"]);
    const first = await customerChat();
    const second = await customerChat();

    // Asking for a person in words: the human-advisor topic brings in the queue.
    const sent = await first.socket.emitWithAck("chat:message", {
      text: "haluan puhua ihmisen kanssa",
    });
    expect(sent.ok).toBe(true);
    await eventually(() => first.lastState()?.state === "queued");
    expect(first.lastState()).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: 0 });
    expect(first.messages.map((m) => m.text).join("\n")).toContain("Olet jonossa sijalla 1.");

    // The explicit event puts the second chat behind it.
    clock.advance(30_000);
    const handoff = await second.socket.emitWithAck("chat:handoff", {});
    expect(handoff).toMatchObject({ ok: true, outcome: "queued", queuePosition: 2 });
    await eventually(() => (advisor.lastQueue().length === 2 ? advisor.lastQueue() : undefined));
    expect(advisor.lastQueue()).toEqual([
      expect.objectContaining({
        chatId: first.chatId,
        lang: "fi",
        authenticated: false,
        waitingSeconds: 30,
      }),
      expect.objectContaining({ chatId: second.chatId, lang: "fi", waitingSeconds: 0 }),
    ]);

    // Accept: the whole bot conversation first; the next customer moves up to first place.
    const accepted = await advisor.socket.emitWithAck("chat:accept", { chatId: first.chatId });
    if (!accepted.ok) throw new Error(accepted.error.message);
    const texts = accepted.transcript.map((m) => `${m.from}: ${m.text}`);
    expect(texts[0]).toMatch(/^bot: Hei!/);
    expect(texts).toContain("customer: haluan puhua ihmisen kanssa");
    expect(accepted.chat).toMatchObject({
      chatId: first.chatId,
      ended: false,
      authenticated: false,
    });
    await eventually(() => second.lastState()?.queuePosition === 1);
    await eventually(() => first.lastState()?.state === "advisor");
    expect(first.lastState()?.advisor?.displayName).toBeTruthy();
    await eventually(() => advisor.lastQueue().length === 1);

    // Messages and typing both ways.
    await first.socket.emitWithAck("chat:typing", { typing: true });
    await eventually(() => advisor.seen.typing.find((t) => t.chatId === first.chatId && t.typing));
    const question = await first.socket.emitWithAck("chat:message", {
      text: "Miksi veroprosenttini nousi?",
    });
    expect(question.ok).toBe(true);
    await eventually(() =>
      advisor.seen.messages.find((m) => m.from === "customer" && m.text.startsWith("Miksi")),
    );
    await advisor.socket.emitWithAck("chat:typing", { chatId: first.chatId, typing: true });
    await eventually(() => first.typing.find((t) => t.typing));
    const reply = await advisor.socket.emitWithAck("chat:message", {
      chatId: first.chatId,
      text: "Katsotaan yhdessä.",
      clientId: "advisor-msg-0001",
    });
    expect(reply.ok).toBe(true);
    await eventually(() =>
      first.messages.find((m) => m.from === "advisor" && m.text === "Katsotaan yhdessä."),
    );
    // The bot stays silent while a person handles the chat.
    expect(first.messages.filter((m) => m.from === "bot").at(-1)?.text).not.toMatch(/Miksi/);

    // The advisor ends: the customer is told and asked for the survey; wrap-up is stored.
    const end = await advisor.socket.emitWithAck("chat:end", { chatId: first.chatId });
    expect(end.ok).toBe(true);
    await eventually(() => first.surveys.length === 1);
    expect(first.lastState()?.state).toBe("ended");
    await eventually(() =>
      advisor.seen.states.find((s) => s.chatId === first.chatId && s.state === "ended"),
    );
    const wrap = await advisor.socket.emitWithAck("chat:wrapup", {
      chatId: first.chatId,
      reason: "tax-card",
      note: "Veroprosentti selvitetty",
    });
    expect(wrap.ok).toBe(true);
    const stored = await store().getChat(first.chatId);
    expect(stored).toMatchObject({
      state: "ended",
      endedBy: "advisor",
      handledBy: "advisor",
      wrapup: { reason: "tax-card", note: "Veroprosentti selvitetty" },
    });
  });

  it("after two misses offers a person but queues only when the customer chooses one", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"]);
    const customer = await customerChat();
    await customer.socket.emitWithAck("chat:message", { text: "asdf qwerty zxcv" });
    // Welcome (two messages), then the first miss.
    await eventually(() => customer.messages.filter((m) => m.from === "bot").length >= 3);
    await customer.socket.emitWithAck("chat:message", { text: "paras pizzeria Oulussa" });
    const offer = await eventually(() =>
      customer.messages.find((m) => m.actions?.some((a) => a.type === "handoff")),
    );
    expect(offer.actions?.map((a) => a.type)).toEqual([
      "link",
      "handoff",
      "callback",
      "appointment",
    ]);
    // Give a wrongly started handoff time to show up before saying it did not happen.
    await new Promise((r) => setTimeout(r, 200));
    expect(customer.states.some((s) => s.state === "queued")).toBe(false);
    expect(advisor.lastQueue().some((e) => e.chatId === customer.chatId)).toBe(false);
    expect((await store().getChat(customer.chatId))?.state).toBe("bot");

    // The customer chooses a person: now, and only now, the chat waits in the queue.
    const chosen = await customer.socket.emitWithAck("chat:handoff", {});
    expect(chosen).toMatchObject({ ok: true, outcome: "queued" });
    await eventually(() => advisor.lastQueue().some((e) => e.chatId === customer.chatId));
  });

  it("lets exactly one of two advisors win a chat they accept at the same time", async () => {
    const a = await availableAdvisor("advisor-fi", ["fi"]);
    const b = await availableAdvisor("advisor-both", ["fi", "sv"]);
    const customer = await customerChat();
    await customer.socket.emitWithAck("chat:handoff", {});
    await eventually(() => a.lastQueue().some((e) => e.chatId === customer.chatId));

    const results = await Promise.all([
      a.socket.emitWithAck("chat:accept", { chatId: customer.chatId }),
      b.socket.emitWithAck("chat:accept", { chatId: customer.chatId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, error: { code: "ALREADY_TAKEN" } });
  });

  it("refuses a chat over the advisor's cap with TOO_MANY_CHATS", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"], 1);
    const one = await customerChat();
    const two = await customerChat();
    await one.socket.emitWithAck("chat:handoff", {});
    await two.socket.emitWithAck("chat:handoff", {});
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: one.chatId })).ok).toBe(true);
    const refused = await advisor.socket.emitWithAck("chat:accept", { chatId: two.chatId });
    expect(refused).toMatchObject({ ok: false, error: { code: "TOO_MANY_CHATS" } });
  });

  it("refuses a chat in a language the advisor does not serve", async () => {
    await availableAdvisor("advisor-sv", ["sv"]);
    const fiAdvisor = await availableAdvisor("advisor-fi", ["fi"]);
    const status = await fiAdvisor.socket.emitWithAck("advisor:status", {
      status: "available",
      languages: ["sv"],
    });
    expect(status).toMatchObject({ ok: false, error: { code: "LANGUAGE_NOT_SERVED" } });
    const svAdvisor = advisors[0] as AdvisorSocket;
    const customer = await customerChat("fi");
    await customer.socket.emitWithAck("chat:handoff", {});
    const refused = await svAdvisor.emitWithAck("chat:accept", { chatId: customer.chatId });
    expect(refused).toMatchObject({ ok: false, error: { code: "LANGUAGE_NOT_SERVED" } });
  });

  it("offers other channels when no advisor for the language is available", async () => {
    const customer = await customerChat("sv");
    const result = await customer.socket.emitWithAck("chat:handoff", {});
    expect(result).toMatchObject({ ok: true, outcome: "unavailable", reason: "no-advisors" });
    const offer = await eventually(() => customer.messages.find((m) => m.actions?.length));
    expect(offer.actions?.map((a) => a.type)).toEqual(["callback", "appointment"]);
    expect(customer.lastState()?.state).not.toBe("queued");
  });

  it("tells a customer who comes back to a queued chat their place again", async () => {
    await availableAdvisor("advisor-fi", ["fi"]);
    const customer = await customerChat();
    const start = await customer.socket.emitWithAck("chat:handoff", {});
    expect(start).toMatchObject({ ok: true, outcome: "queued", queuePosition: 1 });
    const tab = await connectCustomer(stack.url);
    customers.push(tab);
    const states = collect(tab, "chat:state");
    const resumed = await tab.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: customer.resumeToken,
    });
    expect(resumed).toMatchObject({ ok: true, chatId: customer.chatId, state: "queued" });
    await eventually(() => states.find((s) => s.queuePosition === 1));
  });

  it("lets the customer leave the queue and go back to the bot", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"]);
    const customer = await customerChat();
    await customer.socket.emitWithAck("chat:handoff", {});
    await eventually(() => advisor.lastQueue().some((e) => e.chatId === customer.chatId));

    const left = await customer.socket.emitWithAck("chat:leave-queue", {});
    expect(left).toEqual({ ok: true });
    await eventually(() => customer.lastState()?.state === "bot");
    await eventually(() => !advisor.lastQueue().some((e) => e.chatId === customer.chatId));
    const again = await customer.socket.emitWithAck("chat:leave-queue", {});
    expect(again).toMatchObject({ ok: false, error: { code: "NOT_IN_QUEUE" } });

    // Back with the bot: questions are answered again.
    const before = customer.messages.length;
    await customer.socket.emitWithAck("chat:message", { text: "milloin veronpalautus tulee" });
    await eventually(() => customer.messages.slice(before).find((m) => m.from === "bot"));
  });

  it("transfers a chat to the front of the other language's queue", async () => {
    const both = await availableAdvisor("advisor-both", ["fi", "sv"]);
    const sv = await availableAdvisor("advisor-sv", ["sv"]);
    const waiting = await customerChat("sv");
    await waiting.socket.emitWithAck("chat:handoff", {});
    const customer = await customerChat("fi");
    await customer.socket.emitWithAck("chat:handoff", {});
    expect((await both.socket.emitWithAck("chat:accept", { chatId: customer.chatId })).ok).toBe(
      true,
    );

    const moved = await both.socket.emitWithAck("chat:transfer", {
      chatId: customer.chatId,
      lang: "sv",
    });
    expect(moved).toEqual({ ok: true });
    await eventually(() =>
      customer.messages.find((m) => m.from === "system" && m.text.includes("ruotsinkieliseen")),
    );
    await eventually(() => customer.lastState()?.state === "queued");
    const svQueue = await eventually(() => {
      const q = sv.lastQueue().filter((e) => e.lang === "sv");
      return q.length === 2 ? q : undefined;
    });
    // In front of the Swedish customer who was already waiting.
    expect(svQueue.map((e) => e.chatId)).toEqual([customer.chatId, waiting.chatId]);
    const taken = await sv.socket.emitWithAck("chat:accept", { chatId: customer.chatId });
    expect(taken.ok).toBe(true);
    const stale = await both.socket.emitWithAck("chat:message", {
      chatId: customer.chatId,
      text: "hei",
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "NOT_YOUR_CHAT" } });
  });

  it("tells the advisor when the customer ends the chat", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"]);
    const customer = await customerChat();
    await customer.socket.emitWithAck("chat:handoff", {});
    await advisor.socket.emitWithAck("chat:accept", { chatId: customer.chatId });
    await customer.socket.emitWithAck("chat:end", {});
    await eventually(() =>
      advisor.seen.states.find((s) => s.chatId === customer.chatId && s.state === "ended"),
    );
    expect(
      (await advisor.socket.emitWithAck("chat:wrapup", { chatId: customer.chatId, reason: "x" }))
        .ok,
    ).toBe(false);
    expect(
      await advisor.socket.emitWithAck("chat:wrapup", { chatId: customer.chatId, reason: "other" }),
    ).toEqual({ ok: true });
  });

  it("restores a reconnecting advisor's chats, and requeues them at the front after the grace period", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"]);
    const customer = await customerChat();
    await customer.socket.emitWithAck("chat:handoff", {});
    await advisor.socket.emitWithAck("chat:accept", { chatId: customer.chatId });

    // Back within the grace period: the chat is still theirs.
    advisor.socket.disconnect();
    const back = await connectAdvisor("advisor-fi");
    // (Chats of earlier tests that ended without a wrap-up are listed too, as ended.)
    const restored = back.seen.chats[0]?.chats.filter((c) => !c.ended) ?? [];
    expect(restored.map((c) => c.chatId)).toEqual([customer.chatId]);
    expect(restored[0]?.transcript.length).toBeGreaterThan(2);
    expect(back.seen.status[0]).toMatchObject({ status: "available", languages: ["fi"] });

    // Gone for longer than the grace period (1 s here): the chat goes back to the queue.
    back.socket.disconnect();
    await eventually(() => customer.lastState()?.state === "queued", 4000);
    expect(customer.lastState()?.queuePosition).toBe(1);
    expect(customer.messages.at(-1)?.text).toContain("Yhteys asiakasneuvojaan katkesi");
    const stored = await store().getChat(customer.chatId);
    expect(stored).toMatchObject({ state: "queued" });
    expect(stored?.advisorId).toBeUndefined();
  });
});

describe("callback requests in the console", () => {
  it("lists an open callback and closes it once", async () => {
    const created = await fetch(`${stack.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "sv", phone: "+358 40 765 4321", preferredWindow: "morning" }),
    });
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    const advisor = await connectAdvisor("advisor-both");

    const listed = await advisor.socket.emitWithAck("callbacks:list", {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.callbacks.find((c) => c.reference === reference)).toMatchObject({
      lang: "sv",
      phone: "+358407654321",
      preferredWindow: "morning",
    });
    const closed = await advisor.socket.emitWithAck("callback:close", {
      reference,
      note: "Soitettu, asia hoidettu",
    });
    expect(closed).toMatchObject({ ok: true, reference });
    const again = await advisor.socket.emitWithAck("callback:close", { reference });
    expect(again).toMatchObject({ ok: false, error: { code: "CALLBACK_ALREADY_CLOSED" } });
    const after = await advisor.socket.emitWithAck("callbacks:list", {});
    expect(after.ok && after.callbacks.some((c) => c.reference === reference)).toBe(false);
  });
});

describe("the advisor namespace refuses anyone without an advisor token", () => {
  async function refusal(auth: Record<string, unknown>) {
    const socket = io(`${stack.url}/advisor`, { transports: ["websocket"], forceNew: true, auth });
    try {
      return await new Promise<{ message: string; data?: { code: string } }>((resolve, reject) => {
        socket.once("connect", () => reject(new Error("connected without a valid token")));
        socket.once("connect_error", (error) => resolve(error as never));
      });
    } finally {
      socket.disconnect();
    }
  }

  it("without a token", async () => {
    const error = await refusal({});
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/advisor token/);
  });

  it("with a customer's token", async () => {
    const error = await refusal({ token: await devToken(stack.url, "customer-refund") });
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });

  it("with a forged token", async () => {
    const error = await refusal({ token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.forged-signature" });
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});

describe("handoff at a closed hour", () => {
  let closed: LocalServer;
  beforeAll(async () => {
    closed = await startTestStack({ clock: manualClock(CLOSED_HOUR) });
  });
  afterAll(async () => {
    await closed.close();
  });

  it("says when advisors are next in, and offers a callback and an appointment", async () => {
    await availableAdvisor("advisor-fi", ["fi"], undefined, closed);
    const customer = await customerChat("fi", closed);
    const result = await customer.socket.emitWithAck("chat:handoff", {});
    expect(result).toEqual({
      ok: true,
      outcome: "closed",
      nextOpening: new Date("2026-11-30T09:00:00+02:00").toISOString(),
    });
    const said = await eventually(() => customer.messages.find((m) => m.actions?.length));
    expect(said.text).toContain("Asiakasneuvojat eivät ole nyt paikalla.");
    expect(said.text).toContain("maanantaina 30.11. klo 9.00");
    expect(said.actions?.map((a) => a.type)).toEqual(["callback", "appointment"]);

    // The offered channels work for this chat.
    const callback = await fetch(`${closed.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "fi", phone: "040 123 4567", chatId: customer.chatId }),
    });
    expect(callback.status).toBe(201);
  });

  it("asked in words on a Saturday, answers in one message: the hours, when they are in, and the other channels", async () => {
    const customer = await customerChat("fi", closed);
    await eventually(() => customer.messages.find((m) => m.text.includes("9.00–16.00")));
    const welcomed = customer.messages.length;
    await customer.socket.emitWithAck("chat:message", { text: "haluan puhua ihmisen kanssa" });
    const said = await eventually(() =>
      customer.messages.find((m) => m.from === "bot" && m.topic === "human-advisor"),
    );
    expect(said.text).toBe(
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00. " +
        "Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla maanantaina 30.11. klo 9.00. " +
        "Voit jättää soittopyynnön tai varata puhelinajan, niin asiakasneuvoja soittaa sinulle.",
    );
    expect(said.actions?.map((a) => a.type)).toEqual(["callback", "appointment"]);
    expect(said.quickReplies).toBeUndefined();
    // Routing adds nothing after it: no "let me check" before, no second "not in" after.
    await new Promise((r) => setTimeout(r, 300));
    const after = customer.messages.slice(welcomed);
    expect(after.map((m) => m.from)).toEqual(["customer", "bot"]);
    expect(after.map((m) => m.text).join("\n")).not.toMatch(/katson, saanko|Kirjoita lyhyesti/);
    expect(customer.lastState()?.state).toBe("bot");
  });
});

describe("an idle chat", () => {
  let idle: LocalServer;
  beforeAll(async () => {
    idle = await startTestStack({
      // A running clock: the watch compares the transcript's times with the clock.
      clock: runningClockFrom(OPEN_HOUR),
      env: { CHAT_IDLE_WARNING_SECONDS: "0.6", CHAT_IDLE_END_SECONDS: "0.6" },
    });
  });
  afterAll(async () => {
    await idle.close();
  });

  it("warns customer and advisor, then ends with the survey, endedBy inactivity", async () => {
    const advisor = await availableAdvisor("advisor-fi", ["fi"], undefined, idle);
    const customer = await customerChat("fi", idle);
    await customer.socket.emitWithAck("chat:handoff", {});
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: customer.chatId })).ok).toBe(
      true,
    );
    const warning = await eventually(
      () => customer.messages.find((m) => m.text.startsWith("Oletko vielä paikalla?")),
      4000,
    );
    expect(warning.from).toBe("system");
    await eventually(() => advisor.seen.messages.find((m) => m.id === warning.id));
    await eventually(() => customer.surveys.length === 1, 4000);
    expect(customer.lastState()?.state).toBe("ended");
    await eventually(() =>
      advisor.seen.states.find((s) => s.chatId === customer.chatId && s.state === "ended"),
    );
    expect(await store(idle).getChat(customer.chatId)).toMatchObject({ endedBy: "inactivity" });
  });
});
