import { describe, expect, it } from "vitest";
import { queuedChat, handoffTask as task } from "../../../tests/support/handoffTask.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";

// Two gateway tasks share presence and storage but each runs its own grace timers. An
// advisor who drops on task A, comes back on task B and drops again must get the full grace
// period after the second drop: A's older timer must not release their chats early.

const anna = { advisorId: "anna", displayName: "Anna", languages: ["fi" as const] };

async function chatWithAnna(store: ChatStore): Promise<string> {
  const chatId = await queuedChat(store);
  await store.assignAdvisor(chatId, { id: anna.advisorId, name: anna.displayName });
  return chatId;
}

/** Two tasks sharing presence and storage, and a chat Anna handles. */
async function twoTasksAndAChat() {
  const store = createMemoryChatStore();
  const a = task(store);
  const b = task(store, a.presence);
  const chatId = await chatWithAnna(store);
  return { store, a, b, chatId };
}

describe("the advisor's grace period across gateway tasks", () => {
  it("runs from the last drop, whichever task saw the earlier one", async () => {
    const { store, a, b, chatId } = await twoTasksAndAChat();

    await a.handoff.advisorConnected(anna);
    await a.handoff.advisorDisconnected(anna.advisorId);
    await b.handoff.advisorConnected(anna);
    await b.handoff.advisorDisconnected(anna.advisorId);
    // Task A's timer, from the first drop, comes due first.
    await a.timers.fireAll();

    expect((await store.getChat(chatId))?.state).toBe("advisor");

    await b.timers.fireAll();

    expect((await store.getChat(chatId))?.state).toBe("queued");
  });

  it("keeps the chats of an advisor who is back when the timer comes due", async () => {
    const { store, a, b, chatId } = await twoTasksAndAChat();

    await a.handoff.advisorConnected(anna);
    await a.handoff.advisorDisconnected(anna.advisorId);
    await b.handoff.advisorConnected(anna);
    await a.timers.fireAll();

    expect((await store.getChat(chatId))?.state).toBe("advisor");
  });
});
