import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type Ack,
  type CustomerToServerEvents,
  MAX_MESSAGE_LENGTH,
} from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { expectRefusedNamingField, itemCounter, long, withKey } from "./support/badInput.ts";
import {
  type CustomerSocket,
  connectCustomer,
  eventually,
  startTestStack,
} from "./support/localStack.ts";

// Bad input on every customer event: wrong types, missing and extra fields, oversized text,
// broken Unicode, control characters, prototype keys, garbage. Each is refused with
// VALIDATION_FAILED naming the field, nothing is written, and the server keeps serving.

type CustomerEvent = keyof CustomerToServerEvents;

let stack: LocalServer;
let socket: CustomerSocket;
let countItems: () => Promise<number>;

beforeAll(async () => {
  // Rate limiting has its own test below; here every event must reach validation.
  stack = await startTestStack({ env: { CHAT_RATE_BURST: "1000", CHAT_RATE_PER_SECOND: "100" } });
  countItems = itemCounter(stack);
  socket = await connectCustomer(stack.url);
  const start = await socket.emitWithAck("chat:start", { lang: "fi" });
  if (!start.ok) throw new Error("start failed");
  // Let the welcome be written before counting.
  await new Promise((r) => setTimeout(r, 300));
});

afterAll(async () => {
  socket?.disconnect();
  await stack?.close();
});

/** Sends a raw payload (anything, not only what the typed client allows) and returns the ack. */
function send(event: CustomerEvent, payload: unknown, on = socket): Promise<Ack> {
  // biome-ignore lint/suspicious/noExplicitAny: the point is to send what the types forbid.
  return (on.timeout(5_000) as any).emitWithAck(event, payload);
}

const CASES: [CustomerEvent, string, unknown, RegExp][] = [
  ["chat:start", "a string", "fi", /^payload:/],
  ["chat:start", "an array", ["fi"], /^payload:/],
  ["chat:start", "no language", {}, /lang:/],
  ["chat:start", "an unknown language", { lang: "en" }, /lang:/],
  ["chat:start", "a number as language", { lang: 1 }, /lang:/],
  ["chat:start", "an extra field", { lang: "fi", admin: true }, /'admin'/],
  ["chat:start", "a __proto__ key", withKey({ lang: "fi" }, "__proto__"), /'__proto__'/],
  ["chat:start", "a constructor key", withKey({ lang: "fi" }, "constructor"), /'constructor'/],
  ["chat:start", "a short resume token", { lang: "fi", resumeToken: "abc" }, /resumeToken:/],
  [
    "chat:start",
    "an oversized resume token",
    { lang: "fi", resumeToken: long(600) },
    /resumeToken:/,
  ],
  [
    "chat:start",
    "an oversized lastMessageId",
    { lang: "fi", lastMessageId: long(65) },
    /lastMessageId:/,
  ],
  ["chat:start", "a number as ID token", { lang: "fi", idToken: 5 }, /idToken:/],
  ["chat:message", "a number", 42, /^payload:/],
  ["chat:message", "no text", {}, /text:/],
  ["chat:message", "a number as text", { text: 5 }, /text:/],
  ["chat:message", "an object as text", { text: { toString: "x" } }, /text:/],
  ["chat:message", "blank text", { text: " \n\t " }, /text:/],
  ["chat:message", "oversized text", { text: long(MAX_MESSAGE_LENGTH + 1) }, /text:.*2000/],
  ["chat:message", "a lone surrogate (not valid UTF-8)", { text: "hei \ud800" }, /text:/],
  ["chat:message", "control characters", { text: "hei\u0000\u0007\u001b[2J" }, /text:/],
  ["chat:message", "a bad clientId", { text: "hei", clientId: "bad id!" }, /clientId:/],
  ["chat:message", "an extra field", { text: "hei", from: "advisor" }, /'from'/],
  ["chat:message", "a __proto__ key", withKey({ text: "hei" }, "__proto__"), /'__proto__'/],
  ["chat:message", "a constructor key", withKey({ text: "hei" }, "constructor"), /'constructor'/],
  ["chat:typing", "a string as typing", { typing: "yes" }, /typing:/],
  ["chat:typing", "no typing", {}, /typing:/],
  ["chat:authenticate", "a number as ID token", { idToken: 1 }, /idToken:/],
  ["chat:authenticate", "an oversized ID token", { idToken: long(9000) }, /idToken:/],
  ["chat:signout", "an extra field", { subject: "x" }, /'subject'/],
  ["chat:language", "an unknown language", { lang: "de" }, /lang:/],
  ["chat:end", "an extra field", { now: true }, /'now'/],
  ["chat:end", "a string", "end", /^payload:/],
  ["chat:feedback", "no fields", {}, /messageId:.*helpful:/],
  ["chat:feedback", "a number as messageId", { messageId: 1, helpful: true }, /messageId:/],
  ["chat:feedback", "an oversized messageId", { messageId: long(65), helpful: true }, /messageId:/],
  ["chat:feedback", "a string helpful", { messageId: "01ABC", helpful: "no" }, /helpful:/],
  [
    "chat:feedback",
    "an extra field",
    { messageId: "01ABC", helpful: true, topic: "tax-card" },
    /'topic'/,
  ],
  ["chat:handoff", "an extra field", { priority: 1 }, /'priority'/],
  ["chat:leave-queue", "an extra field", { chatId: "x" }, /'chatId'/],
  ["survey:submit", "no fields", {}, /surveyToken:.*gotHelp:.*score:/],
  ["survey:submit", "a score of 6", { surveyToken: long(20), gotHelp: true, score: 6 }, /score:/],
  [
    "survey:submit",
    "a fractional score",
    { surveyToken: long(20), gotHelp: true, score: 2.5 },
    /score:/,
  ],
  [
    "survey:submit",
    "a string score",
    { surveyToken: long(20), gotHelp: true, score: "5" },
    /score:/,
  ],
  [
    "survey:submit",
    "a string gotHelp",
    { surveyToken: long(20), gotHelp: "yes", score: 5 },
    /gotHelp:/,
  ],
  [
    "survey:submit",
    "an oversized comment",
    { surveyToken: long(20), gotHelp: true, score: 5, comment: long(1001) },
    /comment:/,
  ],
  [
    "survey:submit",
    "control characters in the comment",
    { surveyToken: long(20), gotHelp: true, score: 5, comment: "ok\u0000" },
    /comment:/,
  ],
  [
    "survey:submit",
    "a __proto__ key",
    withKey({ surveyToken: long(20), gotHelp: true, score: 5 }, "__proto__"),
    /'__proto__'/,
  ],
];

describe("bad input on customer events", () => {
  it.each(CASES)(
    "%s with %s: VALIDATION_FAILED naming the field, nothing written",
    (event, _what, payload, field) =>
      expectRefusedNamingField(() => send(event, payload), field, countItems),
  );

  it("drops a connection that sends more than the size limit, and keeps serving others", async () => {
    const flooder = await connectCustomer(stack.url);
    flooder.io.opts.reconnection = false;
    const closed = new Promise<string>((resolve) => flooder.once("disconnect", resolve));

    flooder.emit("chat:message", { text: long(100_000) }, () => {});

    expect(await closed).toMatch(/close|error/);
    const ok = await send("chat:message", {
      text: "Vieläkö palvelette?",
      clientId: "after-flood-1",
    });
    expect(ok.ok).toBe(true);
  });

  it("closes a connection whose frame is not UTF-8 text (1007), writes nothing, keeps serving", async () => {
    // socket.io's client only sends valid text; a raw WebSocket sends the bytes as they are.
    const before = await countItems();
    const raw = new WebSocket(
      `${stack.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`,
    );
    const frames: string[] = [];
    raw.on("message", (data) => frames.push(String(data)));
    const closed = new Promise<number>((resolve) => raw.once("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => raw.once("open", resolve).once("error", reject));
    raw.send("40/chat,");
    await eventually(() => frames.find((f) => f.startsWith("40/chat,{")));

    raw.send(
      Buffer.concat([
        Buffer.from('42/chat,0["chat:message",{"text":"hyv'),
        Buffer.from([0xe4]),
        Buffer.from(' palvelu","clientId":"not-utf8-1"}]'),
      ]),
      { binary: false },
    );

    expect(await closed).toBe(1007);
    expect(await countItems()).toBe(before);
    const ok = await send("chat:message", {
      text: "Vieläkö palvelette?",
      clientId: "after-utf8-1",
    });
    expect(ok.ok).toBe(true);
  });

  it("answers a flood with RATE_LIMITED and a polite message, and the connection recovers", async () => {
    const limited = await startTestStack({
      env: { CHAT_RATE_BURST: "5", CHAT_RATE_PER_SECOND: "10" },
    });
    try {
      const flooder = await connectCustomer(limited.url);
      const acks = await Promise.all(
        Array.from({ length: 30 }, () => send("chat:typing", { typing: true }, flooder)),
      );
      const refused = acks.filter((a) => !a.ok && a.error.code === "RATE_LIMITED");
      expect(refused.length).toBeGreaterThanOrEqual(20);
      const first = refused[0];
      // The connection does not know its chat: the polite request in both national languages.
      if (first && !first.ok)
        expect(first.error.message).toMatch(
          /Yritä hetken kuluttua uudelleen\..* \/ .*Försök igen om en stund\./,
        );
      await new Promise((r) => setTimeout(r, 300));
      const later = await send("chat:start", { lang: "sv" }, flooder);
      expect(later.ok).toBe(true);
      flooder.disconnect();
    } finally {
      await limited.close();
    }
  });

  it("never fails internally on arbitrary JSON payloads (fuzz)", async () => {
    const fresh = await connectCustomer(stack.url);
    const events: CustomerEvent[] = [
      "chat:message",
      "chat:typing",
      "chat:authenticate",
      "chat:signout",
      "chat:language",
      "chat:end",
      "chat:feedback",
      "chat:handoff",
      "chat:leave-queue",
      "survey:submit",
    ];
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...events),
          fc.oneof(
            fc.jsonValue(),
            fc.dictionary(
              fc.constantFrom(
                "text",
                "lang",
                "clientId",
                "typing",
                "score",
                "messageId",
                "helpful",
                "__proto__",
                "x",
              ),
              fc.jsonValue(),
            ),
          ),
          async (event, payload) => {
            const ack = await send(event, payload, fresh);
            expect(ack.ok).toBe(false);
            if (!ack.ok) expect(["VALIDATION_FAILED", "NOT_STARTED"]).toContain(ack.error.code);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      fresh.disconnect();
    }
    const health = await fetch(`${stack.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
