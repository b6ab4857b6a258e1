import { describe, expect, it } from "vitest";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";

// An advisor moves a chat to the other language's queue: the customer is told where they
// stand, advisors see how long they have really waited, and the next advisor is offered the
// queue the chat is not in.

const sanna = { advisorId: "sanna", displayName: "Sanna", languages: ["fi" as const] };
const stina = { advisorId: "stina", displayName: "Stina", languages: ["sv" as const] };

async function lastSaid(store: ChatStore, chatId: string): Promise<string | undefined> {
  return (await store.listMessages(chatId)).at(-1)?.text;
}

describe("transferring a chat to the other language's queue", () => {
  it("tells the customer they are first in the queue when they are", async () => {
    const store = createMemoryChatStore();
    const { handoff } = handoffTask(store);
    const chatId = await queuedChat(store);
    await handoff.accept(sanna, chatId);

    await handoff.transfer(sanna.advisorId, chatId, "sv");

    expect(await lastSaid(store, chatId)).toBe(
      "Asiakasneuvoja siirsi keskustelun ruotsinkieliseen jonoon. Olet jonon kärjessä.",
    );
  });

  it("tells the customer their real place when a chat was put at the front before theirs", async () => {
    // Prepare: a Swedish chat went back to the front of its queue (its advisor was lost).
    const store = createMemoryChatStore();
    const { handoff } = handoffTask(store);
    const earlier = await queuedChat(store);
    await handoff.accept(sanna, earlier);
    await handoff.transfer(sanna.advisorId, earlier, "sv");
    const chatId = await queuedChat(store);
    await handoff.accept(sanna, chatId);

    // Act
    await handoff.transfer(sanna.advisorId, chatId, "sv");

    // Assess: second, as the queue then tells them too.
    expect(await lastSaid(store, chatId)).toBe(
      "Asiakasneuvoja siirsi keskustelun ruotsinkieliseen jonoon. Olet jonossa sijalla 2.",
    );
    const { waiting } = await handoff.queueSnapshot();
    expect(waiting.find((w) => w.chatId === chatId)?.position).toBe(2);
  });

  it("tells the customer they are first even when the queue's index does not show the move yet", async () => {
    // Prepare: a Swedish customer waits; the queue's index lags the transferred chat's move.
    const store = createMemoryChatStore();
    const chatId = await queuedChat(store);
    const lagging: ChatStore = {
      ...store,
      listQueue: async (lang) => (await store.listQueue(lang)).filter((c) => c.chatId !== chatId),
    };
    const { handoff } = handoffTask(lagging);
    await store.createChat({
      chatId: "swede",
      lang: "sv",
      state: "bot",
      startedAt: "2026-11-24T08:00:00.000Z",
      resumeSecretHash: "x",
      topics: [],
      missesInRow: 0,
      handledBy: "bot",
      authenticated: false,
    });
    await store.enqueue("swede", {
      lang: "sv",
      queuedAt: "2026-11-24T08:00:00.000Z",
      front: false,
    });
    await handoff.accept(sanna, chatId);

    // Act
    await handoff.transfer(sanna.advisorId, chatId, "sv");

    // Assess: at the front, ahead of the Swedish customer, not behind them.
    expect(await lastSaid(store, chatId)).toMatch(/Olet jonon kärjessä\.$/);
  });

  it("shows advisors the wait since the customer first asked for a person, not since the transfer", async () => {
    // Prepare: the customer asked at 08:00 and was taken; five minutes later, transferred.
    const store = createMemoryChatStore();
    const { handoff, clock } = handoffTask(store);
    const chatId = await queuedChat(store);
    await handoff.accept(sanna, chatId);
    clock.advance(5 * 60_000);

    // Act
    await handoff.transfer(sanna.advisorId, chatId, "sv");
    clock.advance(4_000);

    // Assess
    const { waiting } = await handoff.queueSnapshot();
    expect(waiting).toEqual([expect.objectContaining({ chatId, lang: "sv", waitingSeconds: 304 })]);
  });

  it("gives the advisor who takes it the queue it came from, so the transfer offered is the other one", async () => {
    const store = createMemoryChatStore();
    const { handoff } = handoffTask(store);
    const chatId = await queuedChat(store);
    expect((await handoff.accept(sanna, chatId)).queue).toBe("fi");
    await handoff.transfer(sanna.advisorId, chatId, "sv");

    const taken = await handoff.accept(stina, chatId);

    // The customer still writes Finnish; the chat waited in the Swedish queue.
    expect(taken).toMatchObject({ lang: "fi", queue: "sv" });
  });
});
