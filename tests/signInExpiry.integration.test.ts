import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
  tempDir,
} from "./support/localStack.ts";

// Aino's refund (1 234,56 €): only while her sign-in is valid.
const AINO_REFUND = /1\s234,56/;
const REFUND_QUESTION = "Paljonko saan veronpalautusta ja milloin?";
// The local identity provider's ID tokens live one hour from the service clock.
const TOKEN_LIFETIME_MS = 3_600_000;

const clock = manualClock(new Date(OPEN_HOUR_ISO));
let stack: LocalServer;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir();
  stack = await startTestStack({ dataDir: dir.path, clock });
});

afterAll(async () => {
  await stack.close();
  dir.remove();
});

/** Sends a question and returns the bot's answer to it. */
async function askRefund(socket: CustomerSocket, messages: ChatMessage[]) {
  const before = messages.length;
  const ack = await socket.emitWithAck("chat:message", { text: REFUND_QUESTION });
  expect(ack.ok).toBe(true);
  return eventually(() =>
    messages.slice(before).find((m) => m.from === "bot" && m.topic === "tax-refund"),
  );
}

describe("an expired sign-in", () => {
  it("ends personal answers: the resumed chat goes on anonymous, offers sign-in, and a new sign-in restores them", async () => {
    // Prepare: Aino signs in and gets her own refund.
    const first = await connectCustomer(stack.url);
    const firstMessages = collect(first, "chat:message");
    const started = await first.emitWithAck("chat:start", {
      lang: "fi",
      idToken: await devToken(stack.url, "customer-refund"),
    });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.authenticated).toBe(true);
    expect((await askRefund(first, firstMessages)).text).toMatch(AINO_REFUND);
    first.disconnect();

    // Act: the ID token expires; she comes back on the resume token alone.
    clock.advance(TOKEN_LIFETIME_MS + 1_000);
    const again = await connectCustomer(stack.url);
    const messages = collect(again, "chat:message");
    const resumed = await again.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: started.resumeToken,
    });
    const general = await askRefund(again, messages);

    // Assess: same chat, anonymous, general answer with the sign-in offer.
    expect(resumed).toMatchObject({ ok: true, chatId: started.chatId, authenticated: false });
    expect(general.text).not.toMatch(AINO_REFUND);
    expect(general.actions?.map((a) => a.type)).toContain("login");

    // A fresh sign-in in the same chat brings her own data back.
    const auth = await again.emitWithAck("chat:authenticate", {
      idToken: await devToken(stack.url, "customer-refund"),
    });
    expect(auth).toMatchObject({ ok: true, authenticated: true, personalData: true });
    expect((await askRefund(again, messages)).text).toMatch(AINO_REFUND);
    again.disconnect();
  });

  it("ends personal answers in a chat that stays connected", async () => {
    // Prepare
    const socket = await connectCustomer(stack.url);
    const messages = collect(socket, "chat:message");
    await socket.emitWithAck("chat:start", {
      lang: "fi",
      idToken: await devToken(stack.url, "customer-refund"),
    });
    expect((await askRefund(socket, messages)).text).toMatch(AINO_REFUND);

    // Act
    clock.advance(TOKEN_LIFETIME_MS + 1_000);
    const general = await askRefund(socket, messages);

    // Assess
    expect(general.text).not.toMatch(AINO_REFUND);
    expect(general.actions?.map((a) => a.type)).toContain("login");
    socket.disconnect();
  });
});
