import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Ack,
  type AdvisorToServerEvents,
  MAX_MESSAGE_LENGTH,
  WRAPUP_NOTE_MAX,
} from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { expectRefusedNamingField, itemCounter, long, withKey } from "./support/badInput.ts";
import { devToken } from "./support/devToken.ts";
import { startTestStack } from "./support/localStack.ts";

// Bad input on every advisor console event, as for the customer's: refused with a clear code
// naming the field, nothing written, the server keeps serving. An advisor is staff, but a
// console bug or a tampered client must not be able to break or write anything either.

type AdvisorEvent = keyof AdvisorToServerEvents;

let stack: LocalServer;
let advisor: Socket;
let countItems: () => Promise<number>;

beforeAll(async () => {
  stack = await startTestStack({ env: { CHAT_RATE_BURST: "1000", CHAT_RATE_PER_SECOND: "100" } });
  countItems = itemCounter(stack);
  advisor = io(`${stack.url}/advisor`, {
    transports: ["websocket"],
    forceNew: true,
    auth: { token: await devToken(stack.url, "advisor-both") },
  });
  await new Promise<void>((resolve, reject) => {
    advisor.once("connect", () => resolve());
    advisor.once("connect_error", reject);
  });
});

afterAll(async () => {
  advisor?.disconnect();
  await stack?.close();
});

function send(event: AdvisorEvent, payload: unknown): Promise<Ack> {
  // biome-ignore lint/suspicious/noExplicitAny: the point is to send what the types forbid.
  return (advisor.timeout(5_000) as any).emitWithAck(event, payload);
}

const CHAT = "00000000-0000-4000-8000-000000000000";

const CASES: [AdvisorEvent, string, unknown, RegExp][] = [
  ["advisor:status", "a string", "available", /^payload:/],
  ["advisor:status", "an unknown status", { status: "busy", languages: ["fi"] }, /status:/],
  ["advisor:status", "no languages", { status: "available", languages: [] }, /languages:/],
  ["advisor:status", "an unknown language", { status: "away", languages: ["en"] }, /languages/],
  [
    "advisor:status",
    "a cap of 11",
    { status: "away", languages: ["fi"], maxChats: 11 },
    /maxChats:/,
  ],
  [
    "advisor:status",
    "a __proto__ key",
    withKey({ status: "away", languages: ["fi"] }, "__proto__"),
    /'__proto__'/,
  ],
  ["chat:accept", "no chatId", {}, /chatId:/],
  ["chat:accept", "a number as chatId", { chatId: 7 }, /chatId:/],
  ["chat:accept", "an oversized chatId", { chatId: long(65) }, /chatId:/],
  ["chat:message", "no text", { chatId: CHAT }, /text:/],
  ["chat:message", "oversized text", { chatId: CHAT, text: long(MAX_MESSAGE_LENGTH + 1) }, /text:/],
  ["chat:message", "control characters", { chatId: CHAT, text: "hei\u0000\u001b[2J" }, /text:/],
  ["chat:message", "a lone surrogate", { chatId: CHAT, text: "hei \udc00" }, /text:/],
  ["chat:message", "an extra field", { chatId: CHAT, text: "hei", from: "bot" }, /'from'/],
  [
    "chat:message",
    "a constructor key",
    withKey({ chatId: CHAT, text: "hei" }, "constructor"),
    /'constructor'/,
  ],
  ["chat:typing", "a string as typing", { chatId: CHAT, typing: "yes" }, /typing:/],
  ["chat:transfer", "an unknown language", { chatId: CHAT, lang: "de" }, /lang:/],
  ["chat:end", "an array", [CHAT], /^payload:/],
  ["chat:wrapup", "no reason", { chatId: CHAT }, /reason:/],
  [
    "chat:wrapup",
    "an oversized note",
    { chatId: CHAT, reason: "other", note: long(WRAPUP_NOTE_MAX + 1) },
    /note/,
  ],
  ["callbacks:list", "an extra field", { all: true }, /'all'/],
  ["callback:close", "no reference", {}, /reference:/],
  ["callback:close", "a number as note", { reference: "SP-7KQ2M9", note: 5 }, /note:/],
  ["appointments:list", "a day that is not a day", { from: "2026-13-40" }, /from:/],
  ["appointments:list", "an extra field", { lang: "fi" }, /'lang'/],
  ["appointment:close", "no reference", {}, /reference:/],
  [
    "appointment:close",
    "an oversized note",
    { reference: "AV-7KQ2M9XY", note: long(1001) },
    /note:/,
  ],
];

describe("bad input on advisor events", () => {
  it.each(CASES)(
    "%s with %s: VALIDATION_FAILED naming the field, nothing written",
    (event, _what, payload, field) =>
      expectRefusedNamingField(() => send(event, payload), field, countItems),
  );

  it("never fails internally or writes on arbitrary payloads (fuzz)", async () => {
    const before = await countItems();
    const events: AdvisorEvent[] = [
      "chat:accept",
      "chat:message",
      "chat:typing",
      "chat:transfer",
      "chat:end",
      "chat:wrapup",
      "callback:close",
      "appointment:close",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...events),
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom("chatId", "text", "typing", "lang", "reason", "reference", "__proto__"),
            fc.oneof(fc.jsonValue(), fc.constant(CHAT), fc.constantFrom("fi", "sv", "other")),
          ),
        ),
        async (event, payload) => {
          const ack = await send(event, payload);
          // Valid shapes about chats that are not this advisor's are refused by the domain.
          if (!ack.ok) expect(ack.error.code).not.toBe("INTERNAL");
        },
      ),
      { numRuns: 150 },
    );
    expect(await countItems()).toBe(before);
    const health = await fetch(`${stack.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
