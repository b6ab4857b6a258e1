// A gateway task's handoff service for tests: real chat service and store, quiet
// notifiers (queue snapshots collected), timers the test fires.
import type { QueueSnapshot } from "../../functions/contracts/protocol.ts";
import { createChatService } from "../../functions/domain/chat/chatService.ts";
import type { ChatStore } from "../../functions/domain/chat/chatStore.ts";
import { createIdGenerator } from "../../functions/domain/chat/ids.ts";
import type { Chat } from "../../functions/domain/chat/model.ts";
import { manualClock } from "../../functions/domain/clock.ts";
import { createHandoffService } from "../../functions/domain/handoff/handoffService.ts";
import { createMemoryPresence } from "../../functions/domain/handoff/presence.ts";
import type { Schedule } from "../../functions/domain/handoff/schedule.ts";
import type { ReportRecorder } from "../../functions/domain/reports/reportEvents.ts";

/** A task's timers, fired by the test; and the background work they start. */
export function manualTimers() {
  const pending: { run: () => void; cancelled: boolean }[] = [];
  const work: Promise<unknown>[] = [];
  const schedule: Schedule = (_ms, run) => {
    const timer = { run, cancelled: false };
    pending.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    schedule,
    background: (w: Promise<unknown>) => work.push(w),
    async fireAll() {
      for (const timer of pending.splice(0)) if (!timer.cancelled) timer.run();
      await Promise.all(work.splice(0));
    },
  };
}

export function handoffTask(
  store: ChatStore,
  presence = createMemoryPresence({ defaultMaxChats: 3 }),
  /** Where the chat and handoff services count report events. */
  reports?: ReportRecorder,
) {
  const clock = manualClock(new Date("2026-11-24T08:00:00Z"));
  const quiet = { message() {}, state() {}, surveyRequest() {} };
  const chats = createChatService({
    store,
    bot: {
      welcome: () => [],
      reply: async () => ({ messages: [], missed: true }),
    },
    notifier: quiet,
    clock,
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
    ...(reports ? { reports } : {}),
  });
  const timers = manualTimers();
  const snapshots: QueueSnapshot[] = [];
  const handoff = createHandoffService({
    store,
    chats,
    notifier: quiet,
    handoffNotifier: {
      queue: (snapshot) => snapshots.push(snapshot),
      typing() {},
      attach() {},
      detach() {},
      advisorStatus() {},
    },
    presence,
    clock,
    openingHours: () => {
      throw new Error("not asked in this test");
    },
    settings: {
      queueLimit: 10,
      averageHandlingSeconds: 480,
      graceMs: 30_000,
    },
    schedule: timers.schedule,
    background: timers.background,
    ...(reports ? { reports } : {}),
  });
  return { handoff, chats, timers, presence, snapshots, clock };
}

/** Stores a Finnish chat with the bot and puts it in the queue; returns its id. */
export async function queuedChat(
  store: ChatStore,
  chatId = `chat-${Math.random().toString(36).slice(2)}`,
): Promise<string> {
  const chat: Chat = {
    chatId,
    lang: "fi",
    state: "bot",
    startedAt: "2026-11-24T08:00:00.000Z",
    resumeSecretHash: "x",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: false,
  };
  await store.createChat(chat);
  await store.enqueue(chatId, { lang: "fi", queuedAt: chat.startedAt, front: false });
  return chatId;
}
