import { describe, expect, it, vi } from "vitest";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";
import { NotYourChatError } from "./errors.ts";

async function takenChat() {
  const store = createMemoryChatStore();
  const { handoff } = handoffTask(store);
  const chatId = await queuedChat(store);
  await store.assignAdvisor(chatId, { id: "advisor-a", name: "Aino" });
  const chatReads = vi.spyOn(store, "getChat");
  return { store, handoff, chatId, chatReads };
}

describe("an advisor's message", () => {
  it("is checked on the chat read for storing it, and stored", async () => {
    const { store, handoff, chatId, chatReads } = await takenChat();

    const message = await handoff.advisorMessage("advisor-a", {
      chatId,
      text: "Hei, autan mielelläni.",
      clientId: "advisor-msg-1",
    });

    expect(chatReads).toHaveBeenCalledTimes(1);
    expect(message).toMatchObject({ from: "advisor", text: "Hei, autan mielelläni." });
    expect((await store.listMessages(chatId)).map((m) => m.id)).toEqual([message.id]);
  });

  it("to a chat another advisor has is refused, and nothing is written", async () => {
    const { store, handoff, chatId } = await takenChat();

    await expect(
      handoff.advisorMessage("advisor-b", { chatId, text: "Hei", clientId: "advisor-msg-2" }),
    ).rejects.toBeInstanceOf(NotYourChatError);

    expect(await store.listMessages(chatId)).toEqual([]);
  });
});
