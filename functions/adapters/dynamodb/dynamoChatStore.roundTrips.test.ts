/**
 * What the chat service's busiest steps cost in DynamoDB requests over the real SDK and
 * dynalite: the batching that makes a question one read and one write is the adapter's, so
 * it is counted here, not in the domain's tests.
 */
import { describe, expect, it } from "vitest";
import { recordOperations, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createChatService } from "../../domain/chat/chatService.ts";
import { createIdGenerator } from "../../domain/chat/ids.ts";
import { manualClock } from "../../domain/clock.ts";
import type { BotTurn } from "../../domain/dialogue/bot.ts";
import { NotYourChatError } from "../../domain/handoff/errors.ts";
import { createDynamoChatStore } from "./dynamoChatStore.ts";
import { tableNames } from "./tables.ts";

const PREFIX = "test-roundtrips-";
const tables = useEmbeddedTables(PREFIX);
/** DynamoDB operations sent, in order. */
const sent = recordOperations(tables);

const taxCardAnswer: BotTurn = {
  messages: [{ from: "bot", text: "Verokortin saat OmaVerosta.", topic: "tax-card" }],
  topic: "tax-card",
  missed: false,
  contentVersion: 7,
};

function chatService() {
  const store = createDynamoChatStore(tables.clients().doc, tableNames(PREFIX));
  const chats = createChatService({
    store,
    bot: { welcome: () => [], reply: async () => taxCardAnswer },
    notifier: { message() {}, state() {}, surveyRequest() {} },
    clock: manualClock(new Date("2026-11-24T08:00:00Z")),
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
  });
  return { chats, store };
}

describe("DynamoDB requests of the chat service", () => {
  it("a question costs one batched read and one batched write when the bot answers at once", async () => {
    const { chats } = chatService();
    const { chat } = await chats.startChat({ lang: "fi" });
    sent.length = 0;

    const asked = await chats.ask(chat.chatId, { text: "Miten saan verokortin?", clientId: "q1" });
    await asked.answered;

    // The chat, the bot's state and any earlier copy in one read; question, answer and the
    // bot's new state in one write.
    expect(sent).toEqual(["BatchGetItem", "BatchWriteItem"]);
  });

  it("a vote reads the chat and the answer by their keys, never the transcript", async () => {
    const { chats, store } = chatService();
    const { chat } = await chats.startChat({ lang: "fi" });
    await (await chats.ask(chat.chatId, { text: "Miten saan verokortin?" })).answered;
    const answer = (await store.listMessages(chat.chatId)).find((m) => m.topic === "tax-card");
    sent.length = 0;

    await chats.feedback(chat.chatId, answer?.id ?? "", true);

    expect(sent).not.toContain("Query");
    expect(sent).toContain("UpdateItem");
  });

  it("an advisor's message costs one read and one write, and a refused one writes nothing", async () => {
    const store = createDynamoChatStore(tables.clients().doc, tableNames(PREFIX));
    const { handoff } = handoffTask(store);
    const chatId = await queuedChat(store);
    await store.assignAdvisor(chatId, { id: "advisor-a", name: "Aino" });
    sent.length = 0;

    await handoff.advisorMessage("advisor-a", { chatId, text: "Hei", clientId: "a-1" });
    expect(sent).toEqual(["BatchGetItem", "BatchWriteItem"]);

    sent.length = 0;
    await expect(
      handoff.advisorMessage("advisor-b", { chatId, text: "Hei", clientId: "b-1" }),
    ).rejects.toBeInstanceOf(NotYourChatError);
    expect(sent).not.toContain("BatchWriteItem");
  });
});
