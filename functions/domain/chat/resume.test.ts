import { describe, expect, it } from "vitest";
import { manualClock } from "../clock.ts";
import { createChatService } from "./chatService.ts";
import { createIdGenerator } from "./ids.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";

function chatService() {
  return createChatService({
    store: createMemoryChatStore(),
    bot: { welcome: () => [], reply: async () => ({ messages: [], missed: true }) },
    notifier: { message() {}, state() {}, surveyRequest() {} },
    clock: manualClock(new Date("2026-11-24T08:00:00Z")),
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
  });
}

describe("resuming a chat", () => {
  it("replays what is stored up to the replay, not only up to the resume", async () => {
    const chats = chatService();
    const opened = await chats.startChat({ lang: "fi" });
    const seen = await chats.post(opened.chat.chatId, {
      from: "bot",
      text: "ensimmäinen",
      lang: "fi",
    });

    const resumed = await chats.startChat({
      lang: "fi",
      resumeToken: opened.resumeToken,
      lastMessageId: seen.id,
    });
    // Stored after the resume was accepted but before the gateway had joined the chat's
    // room and replayed: it must come in the replay, or the customer never sees it.
    await chats.post(opened.chat.chatId, { from: "bot", text: "toinen", lang: "fi" });

    expect((await resumed.replay()).map((m) => m.text)).toEqual(["toinen"]);
  });
});
