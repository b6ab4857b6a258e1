import { describe, expect, it } from "vitest";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";

describe("queue snapshots", () => {
  it("shares one snapshot among the changes made while one is being published", async () => {
    const store = createMemoryChatStore();
    const { handoff, snapshots } = handoffTask(store);
    const chatIds = Array.from({ length: 6 }, (_, n) => `waiting-${n}`);
    for (const chatId of chatIds) await queuedChat(store, chatId);

    // Six customers leave the queue at once: six changes, each asking for a snapshot.
    await Promise.all(chatIds.map((chatId) => handoff.leaveQueue(chatId)));

    // One per change would be six, and the work of each grows with the queue.
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.length).toBeLessThan(chatIds.length);
    // The last one told is the queue as it is after every change.
    expect(snapshots.at(-1)?.waiting).toEqual([]);
  });
});
