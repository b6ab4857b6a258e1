import type { AdvisorChat, AdvisorStatus } from "../../contracts/protocol.ts";
import type { ChatService } from "../chat/chatService.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import type { Chat } from "../chat/model.ts";
import type { Clock } from "../ports.ts";
import { advisorChat, transcriptOf } from "./advisorView.ts";
import type { HandoffNotifier } from "./notifier.ts";
import { handoffPhrase, placeInQueue } from "./phrases.ts";
import type { AdvisorIdentity, PresenceRegistry } from "./presence.ts";
import { type HandoffQueue, queueOf } from "./queue.ts";
import { realSchedule, type Schedule } from "./schedule.ts";

export interface AdvisorSessionDeps {
  store: ChatStore;
  chats: ChatService;
  handoffNotifier: HandoffNotifier;
  presence: PresenceRegistry;
  clock: Clock;
  queue: HandoffQueue;
  /** How long a disconnected advisor keeps their chats. */
  graceMs: number;
  schedule?: Schedule;
  /** Background work (grace-period releases): the gateway tracks it and logs failures. */
  background?: (work: Promise<unknown>) => void;
}

/**
 * An advisor's time at the console: connecting (their chats restored), status, and the grace
 * period after their last connection went, at the end of which the chats they held return to
 * the front of the queue (a chat whose customer has left too leaves it), unless they came
 * back, on this gateway task or another.
 */
export function createAdvisorSessions(deps: AdvisorSessionDeps) {
  const { store, chats, handoffNotifier, presence, clock, queue } = deps;
  const schedule = deps.schedule ?? realSchedule;
  const background =
    deps.background ??
    ((work: Promise<unknown>) => {
      work.catch(() => undefined);
    });
  const graceTimers = new Map<string, () => void>();

  /** Gives the advisor's chats back to the front of their queues (lost connection). */
  async function releaseAdvisor(advisorId: string, connectionsAtDrop?: number): Promise<void> {
    graceTimers.delete(advisorId);
    // Back meanwhile, on this task or another one: they keep their chats.
    if (await presence.isConnected(advisorId)) return;
    // Back and gone again: the later drop has a grace period of its own (maybe on another task).
    if (
      connectionsAtDrop !== undefined &&
      (await presence.connections(advisorId)) !== connectionsAtDrop
    ) {
      return;
    }
    const held = (await store.listAdvisorChats(advisorId)).filter((c) => c.state === "advisor");
    for (const chat of held) {
      const requeued = await store.requeueFromAdvisor(chat.chatId, advisorId, {
        lang: queueOf(chat),
        front: true,
        at: clock.now().toISOString(),
      });
      if (!requeued) continue;
      handoffNotifier.detach(advisorId, chat.chatId);
      await chats.post(chat.chatId, {
        from: "system",
        text: await whatBecameOf(chat),
        lang: chat.lang,
      });
    }
    if (held.length > 0) await queue.publish();
  }

  /**
   * Takes a chat given back by a lost advisor on from the queue, and says what became of it
   * in the customer's words: their real place (others given back earlier are ahead of it),
   * or, when the customer had already been gone for their own grace period, that it left the
   * queue, as a waiting chat whose customer leaves does (queueDepartures), so that no advisor
   * takes a chat to wait for nobody. The customer reads that when they come back.
   */
  async function whatBecameOf(chat: Chat): Promise<string> {
    if (chat.customerGoneAt && (await store.leaveQueue(chat.chatId))) {
      // Gone from an advisor's chat, which it no longer is: a later advisor must not be told so.
      await store.setCustomerGone(chat.chatId, undefined);
      return handoffPhrase("advisorLostCustomerAway", chat.lang);
    }
    const { position } = await queue.positionOf({
      ...chat,
      state: "queued",
      queueLang: queueOf(chat),
    });
    return `${handoffPhrase("advisorLost", chat.lang)} ${placeInQueue(position, chat.lang)}`;
  }

  /** The advisor has no connection left: their chats go back to the queue unless they return. */
  function startGrace(advisorId: string): void {
    graceTimers.get(advisorId)?.();
    // Unreadable (shared presence down): the release then only asks whether they are back.
    const connectionsAtDrop = presence.connections(advisorId).catch(() => undefined);
    graceTimers.set(
      advisorId,
      schedule(deps.graceMs, () =>
        background(connectionsAtDrop.then((n) => releaseAdvisor(advisorId, n))),
      ),
    );
  }

  // Advisors whose gateway task stopped or crashed never disconnect here; another task learns
  // of them from shared presence and gives them the same grace period.
  presence.onAdvisorsLost?.((advisorIds) => {
    for (const advisorId of advisorIds) startGrace(advisorId);
  });

  return {
    /**
     * An advisor's console connected: presence, and what the console shows first (status,
     * their chats with transcripts, so a reconnect restores them). Cancels a pending release.
     */
    async advisorConnected(advisor: AdvisorIdentity): Promise<{
      status: AdvisorStatus;
      chats: AdvisorChat[];
      /** Those of `chats` still going whose customer has been gone for the grace period. */
      customersGone: string[];
    }> {
      const { status } = await presence.connect(advisor);
      graceTimers.get(advisor.advisorId)?.();
      graceTimers.delete(advisor.advisorId);
      const mine = await store.listAdvisorChats(advisor.advisorId);
      const restored: AdvisorChat[] = [];
      const customersGone: string[] = [];
      for (const chat of mine) {
        handoffNotifier.attach(advisor.advisorId, chat.chatId);
        restored.push(advisorChat(chat, await transcriptOf(store, chat.chatId)));
        if (chat.state === "advisor" && chat.customerGoneAt) customersGone.push(chat.chatId);
      }
      return { status, chats: restored, customersGone };
    },

    /**
     * The customer of an advisor's chat has been gone for the grace period (`gone`), or is
     * back: kept with the chat, so that a console connecting later is told too.
     */
    async customerGone(chatId: string, gone: boolean): Promise<void> {
      await store.setCustomerGone(chatId, gone ? clock.now().toISOString() : undefined);
    },

    /** A console connection closed; after the last one (on any task) the grace period starts. */
    async advisorDisconnected(advisorId: string): Promise<void> {
      if (await presence.disconnect(advisorId)) startGrace(advisorId);
    },

    async setStatus(advisorId: string, request: Parameters<PresenceRegistry["setStatus"]>[1]) {
      const status = await presence.setStatus(advisorId, request);
      handoffNotifier.advisorStatus(advisorId, status);
      return status;
    },

    /** For tests and shutdown: forget pending grace timers. */
    cancelTimers(): void {
      for (const cancel of graceTimers.values()) cancel();
      graceTimers.clear();
    },

    /** Releases an advisor's chats now (what the grace timer does when it fires). */
    releaseAdvisor,

    /**
     * Advisors who hold chats but whose drop no live process saw (a restart, or a task lost
     * while their grace period ran there): each gets the grace period unless connected or
     * already given one here, so that their chats return to the queue if they do not come back.
     */
    async graceIfAbsent(advisorIds: string[]): Promise<void> {
      for (const advisorId of new Set(advisorIds)) {
        if (graceTimers.has(advisorId) || (await presence.isConnected(advisorId))) continue;
        startGrace(advisorId);
      }
    },
  };
}
