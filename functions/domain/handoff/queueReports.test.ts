import { describe, expect, it } from "vitest";
import { handoffTask, queuedChat } from "../../../tests/support/handoffTask.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";
import { type Counts, incrementsFor, type ReportEvent } from "../reports/reportEvents.ts";
import { NotInQueueError } from "./errors.ts";

// What the supervisors' reports learn from the queue: how long customers waited for the
// advisor who took them, which requests the customer left before anyone did, and why the
// advisors say the customers contacted us.

const sanna = { advisorId: "sanna", displayName: "Sanna", languages: ["fi" as const] };

/** A task whose report events are kept, with their counts summed over every row. */
function countedTask() {
  const store = createMemoryChatStore();
  const events: ReportEvent[] = [];
  const task = handoffTask(store, undefined, {
    record: async (event) => {
      events.push(event);
    },
  });
  const counted = (counter: keyof Counts) =>
    events.reduce((sum, e) => sum + (incrementsFor(e).counts[counter] ?? 0), 0);
  const reasons = () => {
    const byReason = new Map<string, number>();
    for (const e of events) {
      if (e.kind === "wrapup") byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + e.count);
    }
    return Object.fromEntries([...byReason].filter(([, n]) => n !== 0));
  };
  return { store, events, counted, reasons, ...task };
}

describe("queue figures for the reports", () => {
  it("counts the wait of a request an advisor takes, from the customer's request to the accept", async () => {
    const { store, handoff, clock, events, counted } = countedTask();
    // queuedChat queues at the task clock's start; the advisor takes it 95 s later.
    const chatId = await queuedChat(store);
    clock.advance(95_000);

    await handoff.accept(sanna, chatId);

    expect(events.filter((e) => e.kind === "queueTaken")).toMatchObject([
      { lang: "fi", waitSeconds: 95 },
    ]);
    expect(counted("queueWaitUnder120s")).toBe(1);
    expect(counted("queueAbandoned")).toBe(0);
  });

  it("counts a request as abandoned when the customer ends the chat while waiting", async () => {
    const { store, chats, counted } = countedTask();
    const chatId = await queuedChat(store);

    await (await chats.endChat(chatId, "customer")).announce();

    expect(counted("queueAbandoned")).toBe(1);
    expect(counted("chats")).toBe(1);
  });

  it("counts a request as abandoned when the customer is gone past the grace and the chat leaves the queue", async () => {
    // The gateway's departure timer takes a gone customer's chat out of the queue this way.
    const { store, handoff, counted } = countedTask();
    const chatId = await queuedChat(store);

    await handoff.leaveQueue(chatId);

    expect(counted("queueAbandoned")).toBe(1);
    expect(counted("queueWaitUnder15s")).toBe(0);
  });

  it("does not count a request as abandoned when an advisor took it just before the grace ran out", async () => {
    const { store, handoff, clock, counted } = countedTask();
    const chatId = await queuedChat(store);
    clock.advance(119_000);
    await handoff.accept(sanna, chatId);

    // The departure fires a moment later: the chat is no longer in the queue.
    await expect(handoff.leaveQueue(chatId)).rejects.toBeInstanceOf(NotInQueueError);
    await (await handoff.end(sanna.advisorId, chatId)).announce();

    expect(counted("queueAbandoned")).toBe(0);
    expect(counted("queueWaitUnder120s")).toBe(1);
  });

  it("counts neither a second wait nor an abandoned request for a chat an advisor transferred", async () => {
    const { store, handoff, chats, clock, counted } = countedTask();
    const chatId = await queuedChat(store);
    await handoff.accept(sanna, chatId);
    await handoff.transfer(sanna.advisorId, chatId, "sv");
    clock.advance(600_000);

    await (await chats.endChat(chatId, "customer")).announce();

    expect(counted("queueWaitUnder15s")).toBe(1);
    expect(counted("queueAbandoned")).toBe(0);
  });
});

describe("wrap-up reasons for the reports", () => {
  async function wrappedUpChat(task: ReturnType<typeof countedTask>) {
    const chatId = await queuedChat(task.store);
    await task.handoff.accept(sanna, chatId);
    return chatId;
  }

  it("counts the reason an advisor records, never the note", async () => {
    const task = countedTask();
    const chatId = await wrappedUpChat(task);

    await task.handoff.wrapUp(sanna.advisorId, {
      chatId,
      reason: "tax-card",
      note: "Asiakas Matti Meikäläinen, soitin 040 123 4567",
    });

    expect(task.reasons()).toEqual({ "tax-card": 1 });
    expect(JSON.stringify(task.events)).not.toMatch(/Matti|040/);
  });

  it("moves the count to the corrected reason, so a chat counts once under its latest reason", async () => {
    const task = countedTask();
    const chatId = await wrappedUpChat(task);
    await task.handoff.wrapUp(sanna.advisorId, { chatId, reason: "tax-card" });
    task.clock.advance(86_400_000);

    await task.handoff.wrapUp(sanna.advisorId, { chatId, reason: "other" });
    await task.handoff.wrapUp(sanna.advisorId, { chatId, reason: "other", note: "lisätieto" });

    expect(task.reasons()).toEqual({ other: 1 });
    expect(task.counted("wrapups")).toBe(1);
    // On the day of the first wrap-up, so the periods that counted it still hold it.
    const days = new Set(
      task.events.filter((e) => e.kind === "wrapup").map((e) => e.at.toISOString()),
    );
    expect(days.size).toBe(1);
  });
});
