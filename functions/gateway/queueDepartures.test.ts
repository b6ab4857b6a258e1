import { describe, expect, it } from "vitest";
import { createQueueDepartures } from "./queueDepartures.ts";

// A restart or a lost task leaves no departure timers: the chats found in storage get them
// back, but only where the customer is connected to no task.

function setUp(connected: Set<string>) {
  const gone: string[] = [];
  const work: Promise<unknown>[] = [];
  const departures = createQueueDepartures({
    graceMs: 20,
    customerConnected: async (chatId) => connected.has(chatId),
    customerGone: async (chatId) => void gone.push(chatId),
    background: (w) => work.push(w),
  });
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 60));
    await Promise.all(work);
  };
  return { departures, gone, settle };
}

describe("customers' departures found after a restart", () => {
  it("treats a chat whose customer is connected nowhere as left now, after the grace period", async () => {
    const { departures, gone, settle } = setUp(new Set(["here"]));

    await departures.graceIfAbsent(["away", "here"]);
    expect(gone).toEqual([]);
    await settle();

    expect(gone).toEqual(["away"]);
  });

  it("keeps the place of a customer who comes back within the grace period", async () => {
    const { departures, gone, settle } = setUp(new Set());

    await departures.graceIfAbsent(["back"]);
    departures.customerBack("back");
    await settle();

    expect(gone).toEqual([]);
  });

  it("leaves a chat alone when the customer connects to another task before the grace period ends", async () => {
    const connected = new Set<string>();
    const { departures, gone, settle } = setUp(connected);

    await departures.graceIfAbsent(["elsewhere"]);
    connected.add("elsewhere");
    await settle();

    expect(gone).toEqual([]);
  });

  it("sets nothing after a stop (shutdown)", async () => {
    const { departures, gone, settle } = setUp(new Set());

    departures.stop();
    await departures.graceIfAbsent(["late"]);
    await settle();

    expect(gone).toEqual([]);
  });
});
