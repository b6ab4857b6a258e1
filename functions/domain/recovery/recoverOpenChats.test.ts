import { describe, expect, it } from "vitest";
import { queuedChat, handoffTask as task } from "../../../tests/support/handoffTask.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";
import { recoverOpenChats, recoverOpenChatsPersistently } from "./recoverOpenChats.ts";

// A process that starts on data another process left (restart, kill -9, a lost gateway task)
// has no timers for the chats it finds: recovery gives them back from storage.

const anna = { advisorId: "anna", displayName: "Anna", languages: ["fi" as const] };
const ville = { advisorId: "ville", displayName: "Ville", languages: ["fi" as const] };

async function chatWith(store: ChatStore, advisor: typeof anna): Promise<string> {
  const chatId = await queuedChat(store);
  await store.assignAdvisor(chatId, { id: advisor.advisorId, name: advisor.displayName });
  return chatId;
}

describe("recovering open chats after a restart", () => {
  it("returns a chat to the front of its queue when its advisor does not come back within the grace period", async () => {
    // Prepare: Anna had a chat when the process died; a customer waits in the queue.
    const store = createMemoryChatStore();
    const waiting = await queuedChat(store);
    const withAnna = await chatWith(store, anna);
    const restarted = task(store);
    const adopted: string[] = [];

    // Act: the new process recovers; nobody reconnects; the grace period passes.
    const recovered = await recoverOpenChats({
      store,
      inactivity: { adopt: (ids) => adopted.push(...ids) },
      handoff: restarted.handoff,
    });
    await restarted.timers.fireAll();

    // Assess: first in line again, told why, and every open chat is watched for inactivity.
    expect(recovered).toEqual({ chats: 2, advisors: 1 });
    expect((await store.listQueue("fi")).map((c) => c.chatId)).toEqual([withAnna, waiting]);
    const notice = (await store.listMessages(withAnna)).at(-1);
    expect(notice).toMatchObject({ from: "system" });
    expect(adopted.sort()).toEqual([waiting, withAnna].sort());
  });

  it("leaves the chats of an advisor who reconnects within the grace period", async () => {
    // Prepare
    const store = createMemoryChatStore();
    const withAnna = await chatWith(store, anna);
    const withVille = await chatWith(store, ville);
    const restarted = task(store);

    // Act: Anna's console reconnects to the new process before the grace period ends.
    await recoverOpenChats({ store, inactivity: { adopt() {} }, handoff: restarted.handoff });
    await restarted.handoff.advisorConnected(anna);
    await restarted.timers.fireAll();

    // Assess
    expect((await store.getChat(withAnna))?.state).toBe("advisor");
    expect((await store.getChat(withVille))?.state).toBe("queued");
  });
});

describe("recovering the customers' departures after a restart", () => {
  it("gives every queued chat, and every advisor's chat whose customer was not yet reported gone, the customer's grace period", async () => {
    // Prepare: one waiting chat, one with Anna, one with Ville whose customer was reported
    // gone before the restart, and one still with the bot.
    const store = createMemoryChatStore();
    const waiting = await queuedChat(store);
    const withAnna = await chatWith(store, anna);
    const reported = await chatWith(store, ville);
    await store.setCustomerGone(reported, "2026-11-24T08:01:00.000Z");
    const withBot = await queuedChat(store);
    await store.leaveQueue(withBot);
    const departed: string[] = [];

    // Act
    await recoverOpenChats({
      store,
      inactivity: { adopt() {} },
      handoff: task(store).handoff,
      departures: { graceIfAbsent: async (ids) => void departed.push(...ids) },
    });

    // Assess: a customer reported gone is not reported again; the bot's chat holds no place.
    expect(departed.sort()).toEqual([waiting, withAnna].sort());
  });
});

describe("recovering while storage is slow to answer", () => {
  it("tries again with doubling pauses until storage answers, and gives up after its attempts", async () => {
    // Prepare: storage refuses the first two reads of the open chats.
    const store = createMemoryChatStore();
    const open = await queuedChat(store);
    let refusals = 2;
    const flaky: Pick<ChatStore, "listOpenChats"> = {
      listOpenChats: async () => {
        if (refusals-- > 0) throw new Error("storage timed out");
        return store.listOpenChats();
      },
    };
    const pauses: number[] = [];
    const retries: number[] = [];
    const adopted: string[] = [];
    const deps = {
      store: flaky,
      inactivity: { adopt: (ids: string[]) => adopted.push(...ids) },
      handoff: task(store).handoff,
    };
    const options = {
      pause: async (ms: number) => void pauses.push(ms),
      onRetry: (_: unknown, attempt: number) => void retries.push(attempt),
    };

    // Act
    const recovered = await recoverOpenChatsPersistently(deps, options);

    // Assess: taken over on the third try, after pauses of 1 and 2 s.
    expect(recovered).toEqual({ chats: 1, advisors: 0 });
    expect(adopted).toEqual([open]);
    expect(pauses).toEqual([1_000, 2_000]);
    expect(retries).toEqual([1, 2]);

    // Storage that never answers: the last error after the attempts, no endless loop.
    refusals = Number.POSITIVE_INFINITY;
    await expect(recoverOpenChatsPersistently(deps, { ...options, attempts: 3 })).rejects.toThrow(
      "storage timed out",
    );
  });
});
