import type { Lang } from "../../contracts/lang.ts";
import type { AdvisorChat, ChatMessage } from "../../contracts/protocol.ts";
import { isWellFormedTopicId, OTHER_REASON } from "../../contracts/topics.ts";
import type { ChatService } from "../chat/chatService.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { ChatEndedError, ChatError } from "../chat/errors.ts";
import type { Chat } from "../chat/model.ts";
import type { ChatNotifier } from "../chat/notifier.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import { createSerialByKey } from "../serialByKey.ts";
import { advisorChat, transcriptOf } from "./advisorView.ts";
import {
  AlreadyTakenError,
  LanguageNotServedError,
  NotInQueueError,
  NotYourChatError,
  TooManyChatsError,
} from "./errors.ts";
import type { HandoffNotifier } from "./notifier.ts";
import { handoffPhrase, placeInQueue, queueName } from "./phrases.ts";
import type { AdvisorIdentity, PresenceRegistry } from "./presence.ts";
import { type HandoffQueue, queueOf } from "./queue.ts";

export interface AdvisorActionDeps {
  store: ChatStore;
  chats: ChatService;
  notifier: ChatNotifier;
  handoffNotifier: HandoffNotifier;
  presence: Pick<PresenceRegistry, "status">;
  clock: Clock;
  queue: HandoffQueue;
  /**
   * Whether the bot's content has this topic, where content is loaded in this process; a
   * wrap-up reason is then one of them. Without it, any well-formed topic id is accepted.
   */
  isKnownTopic?: (topic: string) => boolean;
  /** Counts queue waits and wrap-up reasons for supervisors' reports; never throws. */
  reports?: ReportRecorder;
}

/**
 * What an advisor does with a chat: accept it from the queue (races decided by the store),
 * write and type to the customer, transfer it to the other language's queue, end it and
 * wrap it up. Every action but wrap-up needs the chat to be theirs and still going.
 */
export function createAdvisorActions(deps: AdvisorActionDeps) {
  const { store, chats, notifier, handoffNotifier, presence, clock, queue } = deps;
  /** Runs one advisor's accepts one at a time, so the chat cap holds. */
  const oneAcceptAtATime = createSerialByKey();

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

  /**
   * Counts the wrap-up's reason (never its note) for the reports. A correction moves the
   * count from the reason it replaces to the new one on the day of the first wrap-up, so a
   * chat counts once, under its latest reason. `chat` is as read before this wrap-up.
   */
  async function countWrapup(chat: Chat, reason: string): Promise<void> {
    const first = chat.wrapup;
    const replaced = chat.wrapupCorrections?.at(-1) ?? first;
    if (replaced?.reason === reason) return;
    const at = first ? new Date(first.at) : clock.now();
    if (replaced) {
      await deps.reports?.record({
        kind: "wrapup",
        at,
        lang: chat.lang,
        reason: replaced.reason,
        count: -1,
      });
    }
    await deps.reports?.record({ kind: "wrapup", at, lang: chat.lang, reason, count: 1 });
  }

  return {
    /**
     * Gives a waiting chat to the advisor. The store's conditional write decides races: the
     * loser gets ALREADY_TAKEN. Refused over the advisor's cap or outside their languages.
     */
    accept(advisor: AdvisorIdentity, chatId: string): Promise<AdvisorChat> {
      return oneAcceptAtATime(advisor.advisorId, async () => {
        const chat = await chats.requireChat(chatId);
        if (chat.state === "ended") throw new ChatEndedError();
        if (chat.state === "advisor") {
          if (chat.advisorId !== advisor.advisorId) throw new AlreadyTakenError();
          return advisorChat(chat, await transcriptOf(store, chatId));
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
        // The wait to the first advisor only: a transferred chat's customer has been served.
        if (chat.handledBy !== "advisor") {
          const now = clock.now();
          await deps.reports?.record({
            kind: "queueTaken",
            at: now,
            lang: chat.lang,
            topic: chat.topics[0],
            waitSeconds: (now.getTime() - Date.parse(chat.queuedAt ?? chat.startedAt)) / 1000,
          });
        }
        await chats.post(chatId, {
          from: "system",
          text: handoffPhrase("advisorJoined", chat.lang, { name: advisor.displayName }),
          lang: chat.lang,
        });
        notifier.state({
          chatId,
          state: "advisor",
          lang: chat.lang,
          advisor: { displayName: advisor.displayName },
        });
        const transcript = await transcriptOf(store, chatId);
        await queue.publish();
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

    /**
     * Puts the chat at the front of the other language's queue (behind chats put there
     * earlier) and tells the customer where they now stand. The customer's wait still counts
     * from their first request: only the place in the line is new.
     */
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
      const { position } = await queue.positionOf({ ...chat, state: "queued", queueLang: lang });
      await chats.post(chatId, {
        from: "system",
        text: `${handoffPhrase("transferred", chat.lang, { queue: queueName(lang, chat.lang) })} ${placeInQueue(position, chat.lang)}`,
        lang: chat.lang,
      });
      await queue.publish();
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
      await countWrapup(chat, input.reason);
      handoffNotifier.detach(advisorId, input.chatId);
      return { correction: saved === "corrected" };
    },
  };
}
