import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { QueueEntry } from "../../contracts/protocol.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import type { Chat } from "../chat/model.ts";
import type { ChatNotifier } from "../chat/notifier.ts";
import type { Clock } from "../ports.ts";
import type { HandoffNotifier } from "./notifier.ts";
import type { PresenceRegistry } from "./presence.ts";
import { estimateWaitSeconds, type QueueCapacity } from "./routing.ts";

// Topics that say nothing about what the customer needs help with (queue display).
const NOT_A_REASON = new Set(["greeting", "goodbye", "human-advisor", "callback", "appointment"]);

/** The queue a chat waits (or would wait) in: a transfer may have moved it to the other one. */
export function queueOf(chat: Chat): Lang {
  return chat.queueLang ?? chat.lang;
}

/** Since when the customer has waited for a person (epoch ms): their first request. */
function waitingSince(chat: Chat): number {
  return Date.parse(chat.queuedAt ?? chat.startedAt);
}

export interface HandoffQueueDeps {
  store: ChatStore;
  notifier: ChatNotifier;
  handoffNotifier: HandoffNotifier;
  presence: Pick<PresenceRegistry, "availableAdvisors">;
  clock: Clock;
  averageHandlingSeconds: number;
}

export type HandoffQueue = ReturnType<typeof createHandoffQueue>;

/**
 * The waiting chats as customers and advisors see them: each customer's place and wait
 * estimate, and the queue snapshot advisors pick from. The store holds the order; this
 * reads it and tells everyone.
 */
export function createHandoffQueue(deps: HandoffQueueDeps) {
  const { store, notifier, handoffNotifier, presence, clock } = deps;
  /** The queue snapshot being published, and the one to follow it if more changed meanwhile. */
  let publishing: Promise<void> | undefined;
  let publishNext: Promise<void> | undefined;

  /**
   * What the advisors available for `lang` can take now: their caps, and how many of those
   * slots their chats leave free. `held` keeps each advisor's count for one snapshot, in
   * which an advisor who serves both languages is asked about once.
   */
  async function capacityOf(
    lang: Lang,
    held = new Map<string, Promise<number>>(),
  ): Promise<QueueCapacity> {
    const advisors = await presence.availableAdvisors(lang);
    const counts = await Promise.all(
      advisors.map(({ advisorId }) => {
        let count = held.get(advisorId);
        if (!count) {
          count = store
            .listAdvisorChats(advisorId)
            .then((chats) => chats.filter((c) => c.state === "advisor").length);
          held.set(advisorId, count);
        }
        return count;
      }),
    );
    return advisors.reduce(
      (capacity, { maxChats }, index) => ({
        slots: capacity.slots + maxChats,
        free: capacity.free + Math.max(0, maxChats - (counts[index] ?? 0)),
      }),
      { slots: 0, free: 0 },
    );
  }

  /** The wait at a queue position, given what the queue's advisors can take right now. */
  function waitFor(position: number, capacity: QueueCapacity): number {
    return estimateWaitSeconds(position, capacity, deps.averageHandlingSeconds);
  }

  function entryOf(chat: Chat, position: number, now: Date): QueueEntry {
    const topic = [...chat.topics].reverse().find((t) => !NOT_A_REASON.has(t));
    return {
      chatId: chat.chatId,
      lang: queueOf(chat),
      ...(topic ? { topic } : {}),
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - waitingSince(chat)) / 1000)),
      authenticated: chat.authenticated,
      position,
    };
  }

  /**
   * Both queues as advisors see them: longest wait first across the languages (whoever has
   * waited longest should be taken first by an advisor who serves both), each entry with its
   * place in its own queue. The two orders differ where a chat was sent back to the front.
   */
  function advisorsView(lines: Chat[][], now: Date): QueueEntry[] {
    return lines
      .flatMap((line) => line.map((chat, index) => ({ chat, position: index + 1 })))
      .sort((a, b) => waitingSince(a.chat) - waitingSince(b.chat) || a.position - b.position)
      .map(({ chat, position }) => entryOf(chat, position, now));
  }

  /**
   * Tells every waiting customer their place and wait, and every advisor the queue. Runs one
   * at a time so that a later snapshot never overtakes an earlier one, and changes made while
   * one runs share the next: with a long queue on a busy day each snapshot reads and tells the
   * whole line, so one per change would grow with the square of the queue.
   */
  function publish(): Promise<void> {
    if (!publishing) {
      publishing = publishSnapshot().finally(() => {
        publishing = undefined;
      });
      return publishing;
    }
    if (!publishNext) {
      const next = () => {
        publishNext = undefined;
        return publish();
      };
      publishNext = publishing.then(next, next);
    }
    return publishNext;
  }

  async function publishSnapshot(): Promise<void> {
    const now = clock.now();
    const lines: Chat[][] = [];
    const held = new Map<string, Promise<number>>();
    for (const lang of LANGS) {
      const line = await store.listQueue(lang);
      // Read once per queue, not per waiting chat: presence may be a network call away.
      const available = line.length > 0 ? await capacityOf(lang, held) : { slots: 0, free: 0 };
      line.forEach((chat, index) => {
        notifier.state({
          chatId: chat.chatId,
          state: "queued",
          lang: chat.lang,
          queuePosition: index + 1,
          estimatedWaitSeconds: waitFor(index + 1, available),
        });
      });
      lines.push(line);
    }
    handoffNotifier.queue({ waiting: advisorsView(lines, now) });
  }

  return {
    publish,

    /**
     * The chat's place in its queue (or the place it would get) and the wait estimate there.
     * The queue's index may not show a chat that has just moved (DynamoDB's indexes are
     * eventually consistent): one new to the queue then goes last, and one that has had an
     * advisor (transferred, or its advisor lost) behind the others that have had one, since
     * every chat an advisor gives back goes to the front.
     */
    async positionOf(chat: Chat): Promise<{ position: number; wait: number }> {
      const lang = queueOf(chat);
      const line = await store.listQueue(lang);
      const index = line.findIndex((c) => c.chatId === chat.chatId);
      const sentBack = (c: Chat) => c.handledBy === "advisor";
      const position =
        index >= 0 ? index + 1 : (sentBack(chat) ? line.filter(sentBack).length : line.length) + 1;
      return { position, wait: waitFor(position, await capacityOf(lang)) };
    },

    /** The queue as advisors see it. */
    async snapshot(): Promise<{ waiting: QueueEntry[] }> {
      const now = clock.now();
      const lines: Chat[][] = [];
      for (const lang of LANGS) lines.push(await store.listQueue(lang));
      return { waiting: advisorsView(lines, now) };
    },
  };
}
