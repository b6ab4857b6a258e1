import type { Lang } from "../../contracts/lang.ts";
import type { HandoffResult, MessageAction } from "../../contracts/protocol.ts";
import { asksForPerson, type BotTurnOutcome, type ChatService } from "../chat/chatService.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { ChatEndedError } from "../chat/errors.ts";
import type { Chat } from "../chat/model.ts";
import type { ChatNotifier } from "../chat/notifier.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import {
  formatOpeningTime,
  isOpen,
  nextOpening,
  type OpeningHours,
} from "../openingHours/index.ts";
import type { Clock } from "../ports.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import { NotInQueueError } from "./errors.ts";
import type { HandoffNotifier } from "./notifier.ts";
import { handoffPhrase, waitInWords } from "./phrases.ts";
import type { PresenceRegistry } from "./presence.ts";
import type { HandoffQueue } from "./queue.ts";
import { decideRoute } from "./routing.ts";

export interface RequestPersonDeps {
  store: ChatStore;
  chats: ChatService;
  notifier: ChatNotifier;
  handoffNotifier: HandoffNotifier;
  presence: Pick<PresenceRegistry, "availableFor">;
  clock: Clock;
  queue: HandoffQueue;
  /** The schedule; a function so that the YAML is read on first use. */
  openingHours: () => OpeningHours;
  /** Waiting chats per queue beyond which customers are offered other channels. */
  queueLimit: number;
  reports?: ReportRecorder;
  learning?: LearningEvents;
}

/**
 * The customer's side of reaching a person: asking (by button or in words), waiting in the
 * queue and leaving it, and typing to the advisor. Decides by opening hours, advisors present
 * and queue length whether the chat queues or the customer is offered other channels.
 */
export function createRequestPerson(deps: RequestPersonDeps) {
  const { store, chats, notifier, handoffNotifier, presence, clock, queue } = deps;

  function otherChannelActions(lang: Lang): MessageAction[] {
    return [
      { type: "callback", label: handoffPhrase("requestCallback", lang) },
      { type: "appointment", label: handoffPhrase("bookAppointment", lang) },
    ];
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
    const { position, wait } = await queue.positionOf(queued);
    await chats.post(chat.chatId, {
      from: "bot",
      text: handoffPhrase("queued", lang, {
        position: String(position),
        wait: waitInWords(wait, lang),
      }),
      lang,
    });
    await queue.publish();
    await countHandoff(chat, "queued");
    return { outcome: "queued", queuePosition: position, estimatedWaitSeconds: wait };
  }

  /**
   * Routes the chat to a person: queue, or other channels when unavailable or closed.
   * `byCustomer`: the customer asked (the button), not the service on their behalf.
   */
  async function requestHandoff(
    chatId: string,
    how: { byCustomer?: boolean; saidAdvisorsAway?: boolean } = {},
  ): Promise<HandoffResult> {
    const chat = await chats.requireChat(chatId);
    if (chat.state === "ended") throw new ChatEndedError();
    if (chat.state === "advisor") return { outcome: "advisor" };
    // Asked while with the bot: the question answered last did not settle it for them.
    if (how.byCustomer && chat.state === "bot") deps.learning?.personRequested(chat);
    if (chat.state === "queued") {
      const { position, wait } = await queue.positionOf(chat);
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
    // The bot's answer told the customer that no one can join: routing keeps to its word
    // (also in the instant the hours begin) and only counts the outcome.
    const open = !how.saidAdvisorsAway && isOpen(hours, lang, now);
    const waiting = open ? (await store.listQueue(lang)).length : 0;
    const decision = decideRoute({
      open,
      availableAdvisors: await presence.availableFor(lang),
      waiting,
      queueLimit: deps.queueLimit,
    });
    // So the inbox can tell "asked for a person while closed" from a customer who got queued.
    deps.learning?.personRouted(
      chat,
      decision.kind === "queue"
        ? "queued"
        : decision.kind === "closed"
          ? "closed"
          : decision.reason,
    );
    if (decision.kind === "queue") return queueChat(chat);
    if (decision.kind === "closed") {
      const next = nextOpening(hours, lang, now);
      const when = formatOpeningTime(next, lang, hours.config.timeZone, now);
      if (how.saidAdvisorsAway) {
        await countHandoff(chat, "closed");
        return { outcome: "closed", nextOpening: next.toISOString() };
      }
      await chats.post(chatId, {
        from: "bot",
        // The hours themselves are in the welcome; said again here they were said twice.
        text: [
          handoffPhrase("nextOpening", lang, { when }),
          handoffPhrase("otherChannels", lang),
        ].join(" "),
        actions: otherChannelActions(lang),
        lang,
      });
      await countHandoff(chat, "closed");
      return { outcome: "closed", nextOpening: next.toISOString() };
    }
    await chats.post(chatId, {
      from: "bot",
      text: `${handoffPhrase(decision.reason === "queue-full" ? "queueFull" : "noAdvisors", lang)} ${handoffPhrase("otherChannels", lang)}`,
      actions: otherChannelActions(lang),
      lang,
    });
    await countHandoff(chat, "unavailable");
    return { outcome: "unavailable", reason: decision.reason };
  }

  return {
    requestHandoff,

    /**
     * After the bot answered: brings in a person when the customer asked for one in words
     * (the human-advisor topic or any topic whose action is a handoff). Misses never queue
     * anyone: the bot's miss reply offers a person, a callback or a booking, and the customer
     * chooses (an advisor would otherwise get a chat nobody asked for, with no topic).
     */
    async afterBotTurn(chatId: string, turn: BotTurnOutcome): Promise<HandoffResult | undefined> {
      if (!asksForPerson(turn)) return undefined;
      return requestHandoff(chatId, { saidAdvisorsAway: turn.saidAdvisorsAway === true });
    },

    /**
     * Takes a waiting chat back to the bot: the customer's button, or their departure past
     * the grace period.
     */
    async leaveQueue(chatId: string): Promise<void> {
      const chat = await chats.requireChat(chatId);
      if (chat.state === "ended") throw new ChatEndedError();
      if (!(await store.leaveQueue(chatId))) throw new NotInQueueError();
      // Left before any advisor took it (by the button, or gone past the grace): abandoned.
      // A chat an advisor gave back has been served; its new wait is not a new request.
      if (chat.handledBy !== "advisor") {
        await deps.reports?.record({
          kind: "queueLeft",
          at: clock.now(),
          lang: chat.lang,
          topic: chat.topics[0],
        });
      }
      await chats.post(chatId, {
        from: "bot",
        text: handoffPhrase("leftQueue", chat.lang),
        lang: chat.lang,
      });
      notifier.state({ chatId, state: "bot", lang: chat.lang });
      await queue.publish();
    },

    /** Customer typing goes to the advisor in the chat, if any (no store read per keystroke). */
    customerTyping(chatId: string, typing: boolean): void {
      handoffNotifier.typing(chatId, "advisor", typing);
    },
  };
}
