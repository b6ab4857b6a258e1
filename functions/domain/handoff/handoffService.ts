import { LANGS, type Lang } from "../../contracts/lang.ts";
import type {
  AdvisorChat,
  AdvisorStatus,
  ChatMessage,
  HandoffResult,
  MessageAction,
  QueueEntry,
} from "../../contracts/protocol.ts";
import { isWellFormedTopicId, OTHER_REASON } from "../../contracts/topics.ts";
import type { BotTurnOutcome, ChatService } from "../chat/chatService.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { ChatEndedError, ChatError } from "../chat/errors.ts";
import { type Chat, toChatMessage } from "../chat/model.ts";
import type { ChatNotifier } from "../chat/notifier.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import {
  formatOpeningTime,
  isOpen,
  nextOpening,
  type OpeningHours,
} from "../openingHours/index.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import { createSerialByKey } from "../serialByKey.ts";
import {
  AlreadyTakenError,
  LanguageNotServedError,
  NotInQueueError,
  NotYourChatError,
  TooManyChatsError,
} from "./errors.ts";
import type { HandoffNotifier } from "./notifier.ts";
import { handoffPhrase, queueName, waitInWords } from "./phrases.ts";
import type { AdvisorIdentity, PresenceRegistry } from "./presence.ts";
import { decideRoute, estimateWaitSeconds } from "./routing.ts";

/** Runs `run` after `ms`; returns a function that cancels it. */
export type Schedule = (ms: number, run: () => void) => () => void;

/** setTimeout that does not keep the process alive. */
export const realSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

export interface HandoffSettings {
  /** Waiting chats per queue beyond which customers are offered other channels. */
  queueLimit: number;
  averageHandlingSeconds: number;
  /** How long a disconnected advisor keeps their chats. */
  graceMs: number;
}

export interface HandoffDeps {
  store: ChatStore;
  chats: ChatService;
  notifier: ChatNotifier;
  handoffNotifier: HandoffNotifier;
  presence: PresenceRegistry;
  clock: Clock;
  /** The schedule; a function so that the YAML is read on first use. */
  openingHours: () => OpeningHours;
  settings: HandoffSettings;
  schedule?: Schedule;
  /** Background work (grace-period releases): the gateway tracks it and logs failures. */
  background?: (work: Promise<unknown>) => void;
  /** Counts handoff outcomes for supervisors' reports; never throws. */
  reports?: ReportRecorder;
  /** Tells the missed-question inbox when a customer asks for a person; never throws. */
  learning?: LearningEvents;
  /**
   * Whether the bot's content has this topic, where content is loaded in this process; a
   * wrap-up reason is then one of them. Without it, any well-formed topic id is accepted.
   */
  isKnownTopic?: (topic: string) => boolean;
}

// Topics that say nothing about what the customer needs help with (queue display).
const NOT_A_REASON = new Set(["greeting", "goodbye", "human-advisor", "callback", "appointment"]);

export type HandoffService = ReturnType<typeof createHandoffService>;

/**
 * Routing a chat to a person and everything an advisor does with it: the queue and its
 * updates, atomic accept, messages and typing both ways, transfer, end, wrap-up, and the
 * return of a lost advisor's chats to the front of the queue. Transport-free.
 */
export function createHandoffService(deps: HandoffDeps) {
  const { store, chats, notifier, handoffNotifier, presence, clock, settings } = deps;
  const schedule = deps.schedule ?? realSchedule;
  const background =
    deps.background ??
    ((work: Promise<unknown>) => {
      work.catch(() => undefined);
    });
  const graceTimers = new Map<string, () => void>();
  /** Runs one advisor's accepts one at a time, so the chat cap holds. */
  const serially = createSerialByKey();
  /** The queue snapshot being published, and the one to follow it if more changed meanwhile. */
  let publishing: Promise<void> | undefined;
  let publishNext: Promise<void> | undefined;

  function queueOf(chat: Chat): Lang {
    return chat.queueLang ?? chat.lang;
  }

  function otherChannelActions(lang: Lang): MessageAction[] {
    return [
      { type: "callback", label: handoffPhrase("requestCallback", lang) },
      { type: "appointment", label: handoffPhrase("bookAppointment", lang) },
    ];
  }

  /** The wait at a queue position, given how many advisors serve the queue right now. */
  function waitFor(position: number, availableAdvisors: number): number {
    return estimateWaitSeconds(
      position,
      Math.max(1, availableAdvisors),
      settings.averageHandlingSeconds,
    );
  }

  function entryOf(chat: Chat, now: Date): QueueEntry {
    const topic = [...chat.topics].reverse().find((t) => !NOT_A_REASON.has(t));
    const since = Date.parse(chat.queuedAt ?? chat.startedAt);
    return {
      chatId: chat.chatId,
      lang: queueOf(chat),
      ...(topic ? { topic } : {}),
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - since) / 1000)),
      authenticated: chat.authenticated,
    };
  }

  /**
   * Tells every waiting customer their place and wait, and every advisor the queue. Runs one
   * at a time so that a later snapshot never overtakes an earlier one, and changes made while
   * one runs share the next: with a long queue on a busy day each snapshot reads and tells the
   * whole line, so one per change would grow with the square of the queue.
   */
  function publishQueue(): Promise<void> {
    if (!publishing) {
      publishing = publishSnapshot().finally(() => {
        publishing = undefined;
      });
      return publishing;
    }
    if (!publishNext) {
      const next = () => {
        publishNext = undefined;
        return publishQueue();
      };
      publishNext = publishing.then(next, next);
    }
    return publishNext;
  }

  async function publishSnapshot(): Promise<void> {
    const now = clock.now();
    const waiting: QueueEntry[] = [];
    for (const lang of LANGS) {
      const line = await store.listQueue(lang);
      // Read once per queue, not per waiting chat: presence may be a network call away.
      const available = line.length > 0 ? await presence.availableFor(lang) : 0;
      line.forEach((chat, index) => {
        notifier.state({
          chatId: chat.chatId,
          state: "queued",
          lang: chat.lang,
          queuePosition: index + 1,
          estimatedWaitSeconds: waitFor(index + 1, available),
        });
        waiting.push(entryOf(chat, now));
      });
    }
    handoffNotifier.queue({ waiting });
  }

  async function positionOf(chat: Chat): Promise<{ position: number; wait: number }> {
    const lang = queueOf(chat);
    const line = await store.listQueue(lang);
    const index = line.findIndex((c) => c.chatId === chat.chatId);
    const position = index >= 0 ? index + 1 : line.length + 1;
    return { position, wait: waitFor(position, await presence.availableFor(lang)) };
  }

  function advisorChat(chat: Chat, transcript: ChatMessage[]): AdvisorChat {
    return {
      chatId: chat.chatId,
      lang: chat.lang,
      topics: chat.topics,
      authenticated: chat.authenticated,
      ...(chat.authenticated && chat.customerName ? { customerName: chat.customerName } : {}),
      transcript,
      ended: chat.state === "ended",
    };
  }

  async function transcriptOf(chatId: string): Promise<ChatMessage[]> {
    return (await store.listMessages(chatId)).map(toChatMessage);
  }

  function requireOwn(advisorId: string, chat: Chat): void {
    if (chat.advisorId !== advisorId) throw new NotYourChatError();
  }

  /** The chat if this advisor handles it (or handled it and has yet to wrap it up). */
  async function ownChat(advisorId: string, chatId: string): Promise<Chat> {
    const chat = await chats.requireChat(chatId);
    requireOwn(advisorId, chat);
    return chat;
  }

  /** Throws unless the advisor handles the chat now (theirs, not ended). */
  function requireActiveOwn(advisorId: string, chat: Chat): void {
    requireOwn(advisorId, chat);
    if (chat.state === "ended") throw new ChatEndedError();
    if (chat.state !== "advisor") throw new NotYourChatError();
  }

  async function activeOwnChat(advisorId: string, chatId: string): Promise<Chat> {
    const chat = await chats.requireChat(chatId);
    requireActiveOwn(advisorId, chat);
    return chat;
  }

  async function queueChat(chat: Chat): Promise<HandoffResult> {
    const lang = chat.lang;
    const enqueued = await store.enqueue(chat.chatId, {
      lang,
      queuedAt: clock.now().toISOString(),
      front: false,
      topics: chat.topics,
    });
    if (!enqueued) {
      // Someone else moved the chat meanwhile (a second tab asked too): report where it is.
      return requestHandoff(chat.chatId);
    }
    const queued: Chat = { ...chat, state: "queued", queueLang: lang };
    const { position, wait } = await positionOf(queued);
    await chats.post(chat.chatId, {
      from: "bot",
      text: handoffPhrase("queued", lang, {
        position: String(position),
        wait: waitInWords(wait, lang),
      }),
    });
    await publishQueue();
    await countHandoff(chat, "queued");
    return { outcome: "queued", queuePosition: position, estimatedWaitSeconds: wait };
  }

  function countHandoff(chat: Chat, outcome: "queued" | "unavailable" | "closed") {
    return deps.reports?.record({
      kind: "handoff",
      at: clock.now(),
      lang: chat.lang,
      topic: chat.topics[0],
      outcome,
    });
  }

  /**
   * Routes the chat to a person: queue, or other channels when unavailable or closed.
   * `byCustomer`: the customer asked (the button), not the service on their behalf.
   */
  async function requestHandoff(
    chatId: string,
    how: { byCustomer?: boolean } = {},
  ): Promise<HandoffResult> {
    const chat = await chats.requireChat(chatId);
    if (chat.state === "ended") throw new ChatEndedError();
    if (chat.state === "advisor") return { outcome: "advisor" };
    // Asked while with the bot: the question answered last did not settle it for them.
    if (how.byCustomer && chat.state === "bot") deps.learning?.personRequested(chat);
    if (chat.state === "queued") {
      const { position, wait } = await positionOf(chat);
      notifier.state({
        chatId,
        state: "queued",
        lang: chat.lang,
        queuePosition: position,
        estimatedWaitSeconds: wait,
      });
      return { outcome: "queued", queuePosition: position, estimatedWaitSeconds: wait };
    }
    const lang = chat.lang;
    const now = clock.now();
    const hours = deps.openingHours();
    const open = isOpen(hours, lang, now);
    const waiting = open ? (await store.listQueue(lang)).length : 0;
    const decision = decideRoute({
      open,
      availableAdvisors: await presence.availableFor(lang),
      waiting,
      queueLimit: settings.queueLimit,
    });
    if (decision.kind === "queue") return queueChat(chat);
    if (decision.kind === "closed") {
      const next = nextOpening(hours, lang, now);
      const when = formatOpeningTime(next, lang, hours.config.timeZone, now);
      await chats.post(chatId, {
        from: "bot",
        // The hours themselves are in the welcome; said again here they were said twice.
        text: [
          handoffPhrase("nextOpening", lang, { when }),
          handoffPhrase("otherChannels", lang),
        ].join(" "),
        actions: otherChannelActions(lang),
      });
      await countHandoff(chat, "closed");
      return { outcome: "closed", nextOpening: next.toISOString() };
    }
    await chats.post(chatId, {
      from: "bot",
      text: `${handoffPhrase(decision.reason === "queue-full" ? "queueFull" : "noAdvisors", lang)} ${handoffPhrase("otherChannels", lang)}`,
      actions: otherChannelActions(lang),
    });
    await countHandoff(chat, "unavailable");
    return { outcome: "unavailable", reason: decision.reason };
  }

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
      const lang = queueOf(chat);
      const requeued = await store.requeueFromAdvisor(chat.chatId, advisorId, {
        lang,
        front: true,
        at: clock.now().toISOString(),
      });
      if (!requeued) continue;
      handoffNotifier.detach(advisorId, chat.chatId);
      await chats.post(chat.chatId, {
        from: "system",
        text: handoffPhrase("advisorLost", chat.lang),
      });
    }
    if (held.length > 0) await publishQueue();
  }

  /** The advisor has no connection left: their chats go back to the queue unless they return. */
  function startGrace(advisorId: string): void {
    graceTimers.get(advisorId)?.();
    // Unreadable (shared presence down): the release then only asks whether they are back.
    const connectionsAtDrop = presence.connections(advisorId).catch(() => undefined);
    graceTimers.set(
      advisorId,
      schedule(settings.graceMs, () =>
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
    requestHandoff,

    /**
     * After the bot answered: brings in a person when the customer asked for one in words
     * (the human-advisor topic or any topic whose action is a handoff). Misses never queue
     * anyone: the bot's miss reply offers a person, a callback or a booking, and the customer
     * chooses (an advisor would otherwise get a chat nobody asked for, with no topic).
     */
    async afterBotTurn(chatId: string, turn: BotTurnOutcome): Promise<HandoffResult | undefined> {
      const askedForPerson = turn.topic !== undefined && turn.offersHandoff;
      if (!askedForPerson) return undefined;
      return requestHandoff(chatId);
    },

    /** Takes a waiting chat back to the bot. */
    async leaveQueue(chatId: string): Promise<void> {
      const chat = await chats.requireChat(chatId);
      if (chat.state === "ended") throw new ChatEndedError();
      if (!(await store.leaveQueue(chatId))) throw new NotInQueueError();
      await chats.post(chatId, { from: "bot", text: handoffPhrase("leftQueue", chat.lang) });
      notifier.state({ chatId, state: "bot", lang: chat.lang });
      await publishQueue();
    },

    /** Customer typing goes to the advisor in the chat, if any (no store read per keystroke). */
    customerTyping(chatId: string, typing: boolean): void {
      handoffNotifier.typing(chatId, "advisor", typing);
    },

    /**
     * An advisor's console connected: presence, and what the console shows first (status,
     * their chats with transcripts, so a reconnect restores them). Cancels a pending release.
     */
    async advisorConnected(advisor: AdvisorIdentity): Promise<{
      status: AdvisorStatus;
      chats: AdvisorChat[];
    }> {
      const { status } = await presence.connect(advisor);
      graceTimers.get(advisor.advisorId)?.();
      graceTimers.delete(advisor.advisorId);
      const mine = await store.listAdvisorChats(advisor.advisorId);
      const restored: AdvisorChat[] = [];
      for (const chat of mine) {
        handoffNotifier.attach(advisor.advisorId, chat.chatId);
        restored.push(advisorChat(chat, await transcriptOf(chat.chatId)));
      }
      return { status, chats: restored };
    },

    /** A console connection closed; after the last one (on any task) the grace period starts. */
    async advisorDisconnected(advisorId: string): Promise<void> {
      if (await presence.disconnect(advisorId)) startGrace(advisorId);
    },

    /** The queue as advisors see it. */
    async queueSnapshot(): Promise<{ waiting: QueueEntry[] }> {
      const now = clock.now();
      const waiting: QueueEntry[] = [];
      for (const lang of LANGS) {
        for (const chat of await store.listQueue(lang)) waiting.push(entryOf(chat, now));
      }
      return { waiting };
    },

    async setStatus(advisorId: string, request: Parameters<PresenceRegistry["setStatus"]>[1]) {
      const status = await presence.setStatus(advisorId, request);
      handoffNotifier.advisorStatus(advisorId, status);
      return status;
    },

    /**
     * Gives a waiting chat to the advisor. The store's conditional write decides races: the
     * loser gets ALREADY_TAKEN. Refused over the advisor's cap or outside their languages.
     */
    accept(advisor: AdvisorIdentity, chatId: string): Promise<AdvisorChat> {
      return serially(advisor.advisorId, async () => {
        const chat = await chats.requireChat(chatId);
        if (chat.state === "ended") throw new ChatEndedError();
        if (chat.state === "advisor") {
          if (chat.advisorId !== advisor.advisorId) throw new AlreadyTakenError();
          return advisorChat(chat, await transcriptOf(chatId));
        }
        if (chat.state !== "queued") throw new NotInQueueError();
        const status = await presence.status(advisor.advisorId);
        const serves = status?.languages ?? advisor.languages;
        if (!serves.includes(queueOf(chat))) throw new LanguageNotServedError(queueOf(chat));
        const max = status?.maxChats ?? 3;
        const open = (await store.listAdvisorChats(advisor.advisorId)).filter(
          (c) => c.state === "advisor",
        );
        if (open.length >= max) throw new TooManyChatsError(max);
        const won = await store.assignAdvisor(chatId, {
          id: advisor.advisorId,
          name: advisor.displayName,
        });
        if (!won) {
          const now = await store.getChat(chatId);
          if (now?.state === "advisor") throw new AlreadyTakenError();
          if (now?.state === "ended") throw new ChatEndedError();
          throw new NotInQueueError();
        }
        handoffNotifier.attach(advisor.advisorId, chatId);
        await chats.post(chatId, {
          from: "system",
          text: handoffPhrase("advisorJoined", chat.lang, { name: advisor.displayName }),
        });
        notifier.state({
          chatId,
          state: "advisor",
          lang: chat.lang,
          advisor: { displayName: advisor.displayName },
        });
        const transcript = await transcriptOf(chatId);
        await publishQueue();
        return advisorChat({ ...chat, state: "advisor" }, transcript);
      });
    },

    /** An advisor's message, stored once per clientId and shown to everyone in the chat. */
    async advisorMessage(
      advisorId: string,
      input: { chatId: string; text: string; clientId?: string },
    ): Promise<ChatMessage> {
      // Checked on the chat as read for storing the message: one read, not two.
      const accepted = await chats.acceptAdvisorMessage(
        input.chatId,
        { text: input.text, ...(input.clientId ? { clientId: input.clientId } : {}) },
        (chat) => requireActiveOwn(advisorId, chat),
      );
      return accepted.message;
    },

    async advisorTyping(advisorId: string, chatId: string, typing: boolean): Promise<void> {
      await activeOwnChat(advisorId, chatId);
      handoffNotifier.typing(chatId, "customer", typing);
    },

    /** Puts the chat at the front of the other language's queue and tells the customer. */
    async transfer(advisorId: string, chatId: string, lang: Lang): Promise<void> {
      const chat = await activeOwnChat(advisorId, chatId);
      const requeued = await store.requeueFromAdvisor(chatId, advisorId, {
        lang,
        front: true,
        at: clock.now().toISOString(),
      });
      if (!requeued) throw new NotYourChatError();
      // Detached first: the advisor's console closes the chat as transferred, not as lost.
      handoffNotifier.detach(advisorId, chatId);
      await chats.post(chatId, {
        from: "system",
        text: handoffPhrase("transferred", chat.lang, { queue: queueName(lang, chat.lang) }),
      });
      await publishQueue();
    },

    /** The advisor ends the chat; the caller acks, then announces (end message, survey). */
    async end(advisorId: string, chatId: string) {
      await activeOwnChat(advisorId, chatId);
      return chats.endChat(chatId, "advisor");
    },

    /**
     * Stores the wrap-up (contact reason and note) and releases the chat from the advisor's
     * list. A chat still going is ended first, so no chat is left open without an advisor.
     */
    async wrapUp(
      advisorId: string,
      input: { chatId: string; reason: string; note?: string },
    ): Promise<{ correction: boolean }> {
      const known = deps.isKnownTopic ?? isWellFormedTopicId;
      if (input.reason !== OTHER_REASON && !known(input.reason)) {
        throw new ChatError("VALIDATION_FAILED", `reason: must be a topic id or "${OTHER_REASON}"`);
      }
      const chat = await ownChat(advisorId, input.chatId);
      if (chat.state === "advisor") {
        const ended = await chats.endChat(input.chatId, "advisor");
        await ended.announce();
      }
      // Staff type personal data too ("soitin numeroon 040 123 4567"): kept masked.
      const note = input.note ? maskPersonalData(input.note).text : undefined;
      const saved = await store.saveWrapup(input.chatId, {
        reason: input.reason,
        ...(note ? { note } : {}),
        at: clock.now().toISOString(),
        advisorId,
      });
      if (!saved) throw new NotYourChatError();
      handoffNotifier.detach(advisorId, input.chatId);
      return { correction: saved === "corrected" };
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
