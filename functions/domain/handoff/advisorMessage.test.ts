import { describe, expect, it } from "vitest";
import { recordOperations, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createDynamoChatStore } from "../../adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../../adapters/dynamodb/tables.ts";
import { NotYourChatError } from "./errors.ts";

const PREFIX = "test-advisormessage-";
const tables = useEmbeddedTables(PREFIX);
/** DynamoDB operations sent, in order. */
const sent = recordOperations(tables);

async function takenChat() {
  const store = createDynamoChatStore(tables.clients().doc, tableNames(PREFIX));
  const { handoff } = handoffTask(store);
  const chatId = await queuedChat(store);
  await store.assignAdvisor(chatId, { id: "advisor-a", name: "Aino" });
  sent.length = 0;
  return { store, handoff, chatId };
}

describe("an advisor's message", () => {
  it("is checked on the chat read for storing it: one read and one write", async () => {
    const { store, handoff, chatId } = await takenChat();

    const message = await handoff.advisorMessage("advisor-a", {
      chatId,
      text: "Hei, autan mielelläni.",
      clientId: "advisor-msg-1",
    });

    expect(sent).toEqual(["BatchGetItem", "BatchWriteItem"]);
    expect(message).toMatchObject({ from: "advisor", text: "Hei, autan mielelläni." });
    expect((await store.listMessages(chatId)).map((m) => m.id)).toEqual([message.id]);
  });

  it("to a chat another advisor has is refused, and nothing is written", async () => {
    const { store, handoff, chatId } = await takenChat();

    await expect(
      handoff.advisorMessage("advisor-b", { chatId, text: "Hei", clientId: "advisor-msg-2" }),
    ).rejects.toBeInstanceOf(NotYourChatError);

    expect(sent).not.toContain("BatchWriteItem");
    expect(await store.listMessages(chatId)).toEqual([]);
  });
});
