import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  startTestStack,
} from "./support/localStack.ts";

let stack: LocalServer;
const sockets: CustomerSocket[] = [];

async function customer(): Promise<CustomerSocket> {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  return socket;
}

function store() {
  const { doc } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
  return createDynamoChatStore(doc, tableNames("asiointi-local-"));
}

beforeAll(async () => {
  stack = await startTestStack();
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

describe("chat:start", () => {
  it.each([
    ["fi", "Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan."],
    ["sv", "Jag svarar bäst när du ställer en fråga i taget."],
  ] as const)("opens a %s chat and welcomes the customer in that language", async (lang, hint) => {
    const socket = await customer();
    const messages = collect(socket, "chat:message");
    const ack = await socket.emitWithAck("chat:start", { lang });
    expect(ack).toMatchObject({ ok: true, state: "bot" });
    if (!ack.ok) return;
    await eventually(() => messages.length >= 2);
    expect(messages.map((m) => m.text).join(" ")).toContain(hint);
    expect(messages.every((m) => m.from === "bot" && m.chatId === ack.chatId)).toBe(true);
    const stored = await store().listMessages(ack.chatId);
    expect(stored.map((m) => m.id)).toEqual(messages.map((m) => m.id));
  });

  it("refuses an unknown language, naming the field", async () => {
    const socket = await customer();
    const ack = await socket.emitWithAck("chat:start", { lang: "en" as "fi" });
    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    if (!ack.ok) expect(ack.error.message).toMatch(/^lang:/);
  });

  it("refuses a forged resume token", async () => {
    const socket = await customer();
    const ack = await socket.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: "00000000-0000-0000-0000-000000000000.forged-secret",
    });
    expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_RESUME_TOKEN" } });
  });
});

describe("chat:message", () => {
  it("stores the customer message, acknowledges it and lets the bot answer", async () => {
    const socket = await customer();
    const messages = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await eventually(() => messages.length >= 2);
    const ack = await socket.emitWithAck("chat:message", { text: "Miten saan verokortin?" });
    expect(ack.ok).toBe(true);
    const reply = await eventually(() =>
      messages.find((m) => m.from === "bot" && m.topic === "tax-card"),
    );
    expect(reply.text.length).toBeGreaterThan(0);
    const stored = await store().listMessages(start.chatId);
    expect(stored.find((m) => m.from === "customer")).toMatchObject({
      text: "Miten saan verokortin?",
      id: ack.ok ? ack.id : "",
    });
    expect(stored.at(-1)?.id).toBe(reply.id);
  });

  it("stores a message re-sent with the same clientId only once", async () => {
    const socket = await customer();
    const start = await socket.emitWithAck("chat:start", { lang: "sv" });
    if (!start.ok) throw new Error("start failed");
    const payload = { text: "Hur får jag skattekort?", clientId: "client-msg-0001" };
    const [first, second] = await Promise.all([
      socket.emitWithAck("chat:message", payload),
      socket.emitWithAck("chat:message", payload),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.id).toBe(first.id);
    const stored = await store().listMessages(start.chatId);
    expect(stored.filter((m) => m.from === "customer")).toHaveLength(1);
  });

  it.each([
    [{ text: "" }, /^text:/],
    [{ text: "   " }, /^text:/],
    [{ text: "x".repeat(2001) }, /^text: text must be at most 2000/],
    [{ text: "hei", admin: true }, /unknown field\(s\) 'admin'/],
    [{ text: 42 }, /^text:/],
  ])("refuses %j with a message naming the field and writes nothing", async (payload, message) => {
    const socket = await customer();
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    const before = await store().listMessages(start.chatId);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed payloads.
    const ack = await socket.emitWithAck("chat:message", payload as any);
    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    if (!ack.ok) expect(ack.error.message).toMatch(message);
    const after = await store().listMessages(start.chatId);
    expect(after.filter((m) => m.from === "customer")).toHaveLength(
      before.filter((m) => m.from === "customer").length,
    );
  });

  it("asks for chat:start before anything else", async () => {
    const socket = await customer();
    const ack = await socket.emitWithAck("chat:message", { text: "hei" });
    expect(ack).toMatchObject({ ok: false, error: { code: "NOT_STARTED" } });
  });
});

describe("resuming", () => {
  it("reattaches a new connection to the same chat and replays only what it missed", async () => {
    const first = await customer();
    const seen = collect(first, "chat:message");
    const start = await first.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await eventually(() => seen.length >= 2);
    const lastSeen = seen.at(-1) as ChatMessage;
    await first.emitWithAck("chat:message", { text: "verokortti" });
    await eventually(() => seen.length >= 4);
    first.disconnect();

    const second = await customer();
    const replay = collect(second, "chat:message");
    const resumed = await second.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: start.resumeToken,
      lastMessageId: lastSeen.id,
    });
    expect(resumed).toMatchObject({ ok: true, chatId: start.chatId, state: "bot" });
    await eventually(() => replay.length >= 2);
    expect(replay.map((m) => m.id)).toEqual(seen.slice(2).map((m) => m.id));
  });
});

describe("ending and the survey", () => {
  async function endedChat() {
    const socket = await customer();
    const requests = collect(socket, "survey:request");
    const states = collect(socket, "chat:state");
    const messages = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    // Only a chat in which the customer wrote has a survey that counts.
    await socket.emitWithAck("chat:message", { text: "Milloin veronpalautukset maksetaan?" });
    const end = await socket.emitWithAck("chat:end", {});
    if (!end.ok) throw new Error("end failed");
    return { socket, start, end, requests, states, messages };
  }

  it("ends the chat, says so and asks for the survey with the acked token", async () => {
    const { start, end, requests, states, messages } = await endedChat();
    const request = await eventually(() => requests[0]);
    expect(request).toEqual({ chatId: start.chatId, surveyToken: end.surveyToken });
    expect(states.at(-1)).toMatchObject({ state: "ended" });
    expect(messages.some((m) => m.from === "system" && m.text === "Keskustelu päättyi.")).toBe(
      true,
    );
  });

  it("takes the survey once over the socket and refuses a second one", async () => {
    const { socket, end } = await endedChat();
    const answers = { surveyToken: end.surveyToken, gotHelp: true, score: 4, comment: "Selkeä" };
    expect(await socket.emitWithAck("survey:submit", answers)).toEqual({ ok: true });
    expect(await socket.emitWithAck("survey:submit", answers)).toMatchObject({
      ok: false,
      error: { code: "SURVEY_ALREADY_SUBMITTED" },
    });
  });

  it("takes the survey over HTTP through the Lambda handler", async () => {
    const { end, start } = await endedChat();
    const post = (body: unknown) =>
      fetch(`${stack.url}/api/surveys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const bad = await post({ surveyToken: end.surveyToken, gotHelp: true, score: 6 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: expect.stringMatching(/^score:/) },
    });
    const long = await post({
      surveyToken: end.surveyToken,
      gotHelp: true,
      score: 3,
      comment: "x".repeat(10_000),
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(
      /^comment:/,
    );

    const ok = await post({ surveyToken: end.surveyToken, gotHelp: false, score: 2 });
    expect(ok.status).toBe(201);
    const again = await post({ surveyToken: end.surveyToken, gotHelp: false, score: 2 });
    expect(again.status).toBe(409);

    const forged = await post({
      surveyToken: `${start.chatId}.not-the-secret`,
      gotHelp: true,
      score: 5,
    });
    expect(forged.status).toBe(403);
  });

  it("answers broken JSON with 400 naming the body", async () => {
    const res = await fetch(`${stack.url}/api/surveys`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "VALIDATION_FAILED", message: "body: must be valid JSON" },
    });
  });

  it("refuses messages after the end", async () => {
    const { socket } = await endedChat();
    const ack = await socket.emitWithAck("chat:message", { text: "vielä yksi" });
    expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_ENDED" } });
  });
});

describe("local server", () => {
  it("serves the health check, the chat page, the console, the studio and their bundles", async () => {
    const health = await fetch(`${stack.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok" });
    for (const [path, type] of [
      ["/", "text/html"],
      ["/console", "text/html"],
      ["/web-chat.js", "text/javascript"],
      ["/studio", "text/html"],
      ["/studio.js", "text/javascript"],
    ]) {
      const res = await fetch(`${stack.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toContain(type);
      // No inline script may run on any page we serve.
      expect(res.headers.get("content-security-policy"), path).toMatch(/default-src 'self'/);
    }
    expect((await fetch(`${stack.url}/nope`)).status).toBe(404);
  });
});
