import { describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createDynamoChatStore } from "../../adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../../adapters/dynamodb/tables.ts";

const PREFIX = "test-snapshots-";
const tables = useEmbeddedTables(PREFIX);

describe("queue snapshots", () => {
  it("shares one snapshot among the changes made while one is being published", async () => {
    const store = createDynamoChatStore(tables.clients().doc, tableNames(PREFIX));
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
