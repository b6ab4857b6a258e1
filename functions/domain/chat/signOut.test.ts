import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../contracts/protocol.ts";
import { manualClock } from "../clock.ts";
import { phrase } from "../dialogue/phrases.ts";
import type { CustomerIdentity } from "../identity/identity.ts";
import { createChatService } from "./chatService.ts";
import { IdentityMismatchError } from "./errors.ts";
import { createIdGenerator } from "./ids.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";
import { PERSONAL_ANSWER_HIDDEN } from "./personalAnswers.ts";
import { signInValid } from "./signIn.ts";

const NOW = new Date("2026-11-24T08:00:00Z");
const HOUR = 3_600_000;

function identity(subject: string, name: string): CustomerIdentity {
  return { subject, name, assurance: "substantial", expiresAt: new Date(NOW.getTime() + HOUR) };
}
const AINO = identity("sub-aino", "Aino Virtanen");
const MIKKO = identity("sub-mikko", "Mikko Korhonen");

function setUp() {
  const store = createMemoryChatStore();
  const clock = manualClock(NOW);
  const shown: ChatMessage[] = [];
  const chats = createChatService({
    store,
    bot: { welcome: () => [], reply: async () => ({ messages: [], missed: true }) },
    notifier: { message: (_chatId, m) => shown.push(m), state() {}, surveyRequest() {} },
    clock,
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
  });
  return { chats, store, clock, shown };
}

/** The bot's answer to Aino's refund question, with her figures (no offer to sign in). */
const OWN_REFUND = {
  from: "bot" as const,
  text: "Saat veronpalautusta 1 234,56 euroa.",
  topic: "tax-refund",
  lang: "fi" as const,
  personal: true as const,
};

describe("signing out of a chat", () => {
  it("makes the chat anonymous at once, keeping it bound to the person", async () => {
    // Prepare
    const { chats, store, clock } = setUp();
    const { chat } = await chats.startChat({ lang: "fi" });
    await chats.authenticate(chat.chatId, AINO);

    // Act
    const after = await chats.signOut(chat.chatId);

    // Assess: the view the bot and personal-data paths get is anonymous, the binding stays.
    expect(after).toMatchObject({ authenticated: false });
    expect(after.subject).toBeUndefined();
    expect(after.customerName).toBeUndefined();
    const stored = await store.getChat(chat.chatId);
    expect(stored?.subject).toBe(AINO.subject);
    expect(signInValid(stored ?? chat, clock.now())).toBe(false);
    expect(chats.currentSignIn(stored ?? chat).authenticated).toBe(false);
  });

  it("says so once in the chat, as a stored system message in the chat's language", async () => {
    // Prepare
    const { chats, store, shown } = setUp();
    const { chat } = await chats.startChat({ lang: "sv" });
    await chats.authenticate(chat.chatId, AINO);

    // Act: a second sign-out (a double click, another tab) has nothing left to end.
    await chats.signOut(chat.chatId);
    await chats.signOut(chat.chatId);

    // Assess
    const notices = (await store.listMessages(chat.chatId)).filter(
      (m) => m.text === phrase("signedOut", "sv"),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ from: "system", lang: "sv" });
    expect(shown.filter((m) => m.text === phrase("signedOut", "sv"))).toHaveLength(1);
  });

  it("adds nothing to a chat that was never signed in", async () => {
    const { chats, store } = setUp();
    const { chat } = await chats.startChat({ lang: "fi" });

    const after = await chats.signOut(chat.chatId);

    expect(after.authenticated).toBe(false);
    expect(await store.listMessages(chat.chatId)).toEqual([]);
  });

  it("lets the same person sign in again, told as news, while another person is still refused", async () => {
    // Prepare
    const { chats, store, clock } = setUp();
    const { chat } = await chats.startChat({ lang: "fi" });
    await chats.authenticate(chat.chatId, AINO);
    await chats.signOut(chat.chatId);
    clock.advance(1_000);

    // Act / Assess: someone else at the same computer cannot take the chat over.
    await expect(chats.authenticate(chat.chatId, MIKKO)).rejects.toBeInstanceOf(
      IdentityMismatchError,
    );
    const again = await chats.authenticate(chat.chatId, AINO);

    expect(chats.currentSignIn(again)).toMatchObject({
      authenticated: true,
      subject: AINO.subject,
      customerName: AINO.name,
    });
    const texts = (await store.listMessages(chat.chatId)).map((m) => m.text);
    expect(texts).toEqual([
      phrase("authenticated", "fi"),
      phrase("signedOut", "fi"),
      phrase("authenticated", "fi"),
    ]);
  });

  it("takes the personal answers out of a later replay, until the person signs in again", async () => {
    // Prepare: Aino got her own refund, and signs out.
    const { chats, clock } = setUp();
    const opened = await chats.startChat({ lang: "fi" });
    await chats.authenticate(opened.chat.chatId, AINO);
    const live = await chats.post(opened.chat.chatId, OWN_REFUND);
    await chats.signOut(opened.chat.chatId);
    clock.advance(1_000);

    // Act: the tab is reloaded on the same computer (the resume token alone).
    const resumed = await chats.startChat({ lang: "fi", resumeToken: opened.resumeToken });
    const replayed = await resumed.replay();
    const asSignedIn = await resumed.replay(true);

    // Assess: the answer keeps its place and mark in the replay, with the neutral line.
    expect(live.text).toBe(OWN_REFUND.text);
    const answer = replayed.find((m) => m.id === live.id);
    expect(answer).toMatchObject({ personal: true, text: PERSONAL_ANSWER_HIDDEN.fi });
    expect(JSON.stringify(replayed)).not.toContain("1 234,56");
    expect(asSignedIn.find((m) => m.id === live.id)?.text).toBe(OWN_REFUND.text);
  });
});
