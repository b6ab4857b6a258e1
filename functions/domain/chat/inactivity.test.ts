import { describe, expect, it } from "vitest";
import type { Sender } from "../../contracts/protocol.ts";
import { manualClock } from "../clock.ts";
import type { ChatService } from "./chatService.ts";
import { createInactivityWatch, type Schedule } from "./inactivity.ts";
import type { StoredMessage } from "./model.ts";

const WARN_MS = 600_000;
const END_MS = 120_000;
const CHAT = "chat-1";

/**
 * One chat whose customer may move between gateway tasks, each with its own watch; timers
 * run on a virtual time that moves the shared clock, and the transcript is shared like the
 * store. Only the parts of ChatService the watch uses are real here.
 */
function twoTasks() {
  const clock = manualClock(new Date("2026-11-24T10:00:00+02:00"));
  const start = clock.now().getTime();
  const transcript: StoredMessage[] = [];
  let ended = 0;
  const timers: { due: number; run: () => void; cancelled: boolean }[] = [];
  const work: Promise<unknown>[] = [];
  const schedule: Schedule = (ms, run) => {
    const timer = { due: clock.now().getTime() + ms, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const write = (from: Sender, text: string) =>
    transcript.push({
      id: String(transcript.length),
      chatId: CHAT,
      from,
      text,
      at: clock.now().toISOString(),
      expiresAt: 0,
    });
  const chats = {
    requireChat: async () => ({ chatId: CHAT, lang: "fi", state: ended ? "ended" : "advisor" }),
    post: async (_chatId: string, message: { from: Sender; text: string }) =>
      write(message.from, message.text),
    endChat: async () => {
      ended += 1;
      return { announce: async () => undefined };
    },
  } as unknown as ChatService;
  const watch = () =>
    createInactivityWatch({
      chats,
      settings: { warnAfterMs: WARN_MS, endAfterMs: END_MS },
      schedule,
      background: (promise) => work.push(promise),
      transcript: { store: { listMessages: async () => [...transcript] }, clock },
    });

  return {
    a: watch(),
    b: watch(),
    /** A further task's watch, or this one's after a restart. */
    watch,
    /** The customer or advisor writes through a task (its watch is touched, as the gateway does). */
    says(task: { touch(chatId: string): void }, from: Sender, text: string) {
      write(from, text);
      task.touch(CHAT);
    },
    /** Runs every timer due up to `ms` after the start, in order, with their work. */
    async until(ms: number) {
      for (;;) {
        const next = timers
          .filter((t) => !t.cancelled && t.due <= start + ms)
          .sort((x, y) => x.due - y.due)[0];
        if (!next) break;
        next.cancelled = true;
        clock.set(new Date(next.due));
        next.run();
        while (work.length > 0) await work.shift();
      }
      clock.set(new Date(start + ms));
    },
    warnings: () => transcript.filter((m) => m.from === "system").length,
    ended: () => ended,
  };
}

describe("idle chats on several gateway tasks", () => {
  it("does not warn a customer who moved to another task and keeps writing there", async () => {
    // Prepare: the customer writes through task A, then moves to B.
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    await chat.until(300_000);
    chat.says(chat.b, "customer", "Olen nyt toisella palvelimella");
    await chat.until(650_000);
    chat.says(chat.b, "advisor", "Selvä");
    // Act: A's stale timer comes due (600 s after the first message) and again later.
    await chat.until(1_200_000);
    // Assess
    expect(chat.warnings()).toBe(0);
    expect(chat.ended()).toBe(0);
  });

  it("warns once and ends once when both tasks' timers find the chat idle", async () => {
    // Prepare
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    chat.says(chat.b, "advisor", "Hei, miten voin auttaa?");
    // Act
    await chat.until(WARN_MS + 1_000);
    const warningsBeforeEnd = chat.warnings();
    await chat.until(WARN_MS + END_MS + 2_000);
    // Assess
    expect(warningsBeforeEnd).toBe(1);
    expect(chat.warnings()).toBe(1);
    expect(chat.ended()).toBe(1);
  });

  it("does not end a chat when someone wrote through another task after the warning", async () => {
    // Prepare: A warns; the customer answers through B.
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    await chat.until(WARN_MS + 1_000);
    expect(chat.warnings()).toBe(1);
    chat.says(chat.b, "customer", "Olen vielä täällä");
    // Act: A's end timer comes due.
    await chat.until(WARN_MS + END_MS + 2_000);
    // Assess
    expect(chat.ended()).toBe(0);
  });
});

describe("idle chats whose watch was lost (restart, task gone)", () => {
  it("takes the chat over and keeps the deadlines the transcript gives", async () => {
    // Prepare: the customer writes; the process then dies, and its timers with it.
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    chat.a.stop();
    await chat.until(300_000);
    // Act: the restarted process adopts the chat.
    chat.watch().adopt([CHAT]);
    await chat.until(WARN_MS - 1_000);
    const early = chat.warnings();
    await chat.until(WARN_MS + 6_000);
    const warned = chat.warnings();
    await chat.until(WARN_MS + END_MS + 11_000);
    // Assess: warned and ended at the stored deadlines (a few seconds late), not from the restart.
    expect(early).toBe(0);
    expect(warned).toBe(1);
    expect(chat.ended()).toBe(1);
  });

  it("ends a chat warned before the restart once the rest of the warning time has run out", async () => {
    // Prepare: warned, then the process dies a minute later.
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    await chat.until(WARN_MS + 1_000);
    chat.a.stop();
    await chat.until(WARN_MS + 60_000);
    // Act
    chat.watch().adopt([CHAT]);
    await chat.until(WARN_MS + 61_000);
    const afterAdopt = chat.ended();
    await chat.until(WARN_MS + END_MS + 7_000);
    // Assess: not warned again, ended about END_MS after the one warning.
    expect(afterAdopt).toBe(0);
    expect(chat.warnings()).toBe(1);
    expect(chat.ended()).toBe(1);
  });

  it("warns once when a live task still watches the chat it adopted", async () => {
    // Prepare
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    await chat.until(100_000);
    // Act: another task takes over every open chat, this one included.
    chat.b.adopt([CHAT]);
    await chat.until(WARN_MS + END_MS + 20_000);
    // Assess
    expect(chat.warnings()).toBe(1);
    expect(chat.ended()).toBe(1);
  });

  it("leaves alone a chat this process already watches", async () => {
    // Prepare
    const chat = twoTasks();
    chat.says(chat.a, "customer", "Hei");
    await chat.until(100_000);
    // Act: its own chat comes back in a list of open chats.
    chat.a.adopt([CHAT]);
    await chat.until(WARN_MS + 1_000);
    // Assess: warned on its own deadline, without the lag an adopted chat waits.
    expect(chat.warnings()).toBe(1);
  });
});
