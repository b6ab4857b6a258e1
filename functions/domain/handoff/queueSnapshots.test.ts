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

describe("the queue as advisors see it", () => {
  /** A chat with the bot in `lang`, queued at minute `minute` past 08:00 UTC. */
  async function waitingSince(
    store: ReturnType<typeof createMemoryChatStore>,
    chatId: string,
    lang: "fi" | "sv",
    minute: number,
  ) {
    const at = new Date(Date.UTC(2026, 10, 24, 8, minute)).toISOString();
    await store.createChat({
      chatId,
      lang,
      state: "bot",
      startedAt: at,
      resumeSecretHash: "x",
      topics: [],
      missesInRow: 0,
      handledBy: "bot",
      authenticated: false,
    });
    await store.enqueue(chatId, { lang, queuedAt: at, front: false });
  }

  it("lists the longest wait first across both languages, each with its place in its own queue", async () => {
    // Prepare: Finnish customers asked at 08:01 and 08:05, a Swedish one at 08:03.
    const store = createMemoryChatStore();
    const { handoff, snapshots } = handoffTask(store);
    await waitingSince(store, "fi-early", "fi", 1);
    await waitingSince(store, "sv", "sv", 3);
    await waitingSince(store, "fi-late", "fi", 5);

    // Act
    const { waiting } = await handoff.queueSnapshot();
    await handoff.leaveQueue("fi-late");

    // Assess: the Swedish customer is the first of their queue, and listed before the later Finn.
    expect(waiting.map((w) => [w.chatId, w.lang, w.position])).toEqual([
      ["fi-early", "fi", 1],
      ["sv", "sv", 1],
      ["fi-late", "fi", 2],
    ]);
    expect(snapshots.at(-1)?.waiting.map((w) => [w.chatId, w.position])).toEqual([
      ["fi-early", 1],
      ["sv", 1],
    ]);
  });

  it("shows a chat sent back to the front at its place, first, though others have waited longer", async () => {
    // Prepare: a customer who asked at 08:04 was taken, and the advisor's connection was lost.
    const store = createMemoryChatStore();
    const { handoff } = handoffTask(store);
    await waitingSince(store, "asked-first", "fi", 1);
    await waitingSince(store, "sent-back", "fi", 4);
    await store.assignAdvisor("sent-back", { id: "anna", name: "Anna" });
    await store.requeueFromAdvisor("sent-back", "anna", {
      lang: "fi",
      front: true,
      at: "2026-11-24T08:06:00.000Z",
    });

    // Act
    const { waiting } = await handoff.queueSnapshot();

    // Assess: in order of waiting, each told where it stands.
    expect(waiting.map((w) => [w.chatId, w.position])).toEqual([
      ["asked-first", 2],
      ["sent-back", 1],
    ]);
  });
});

describe("the wait a waiting customer is told", () => {
  it("counts the chats the available advisors already hold against their caps", async () => {
    // Prepare: Anna is available with a cap of 3; one customer waits.
    const store = createMemoryChatStore();
    const { handoff, presence } = handoffTask(store);
    const anna = { advisorId: "anna", displayName: "Anna", languages: ["fi" as const] };
    await presence.connect(anna);
    await presence.setStatus("anna", { status: "available", languages: ["fi"], maxChats: 3 });
    const first = await queuedChat(store);
    expect(await handoff.requestHandoff(first)).toMatchObject({ estimatedWaitSeconds: 0 });

    // Act: Anna takes three other customers; the one waiting is still first in line.
    for (let n = 0; n < 3; n++) await handoff.accept(anna, await queuedChat(store, `taken-${n}`));
    const { waiting } = await handoff.queueSnapshot();
    expect(waiting.map((w) => w.chatId)).toEqual([first]);

    // Assess: no free slot, so not "under a minute": half of one of her three chats.
    expect(await handoff.requestHandoff(first)).toMatchObject({
      queuePosition: 1,
      estimatedWaitSeconds: 60,
    });
  });
});
