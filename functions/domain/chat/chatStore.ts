import type { Lang } from "../../contracts/lang.ts";
import type { Chat, StoredMessage, Wrapup } from "./model.ts";

export interface SurveyRecord {
  chatId: string;
  lang: string;
  topics: string[];
  handledBy: "bot" | "advisor";
  authenticated: boolean;
  gotHelp: boolean;
  score: number;
  comment?: string;
  chatStartedAt: string;
  chatEndedAt: string;
  submittedAt: string;
}

/** A customer's vote on one bot answer ("was this helpful?"); one per answer. */
export interface AnswerVote {
  chatId: string;
  /** The bot answer voted on. */
  messageId: string;
  /** The answer's topic, or for another agency's pointer its referral group. */
  topic?: string;
  referral?: string;
  /** The content version the answer came from. */
  contentVersion?: number;
  lang: Lang;
  helpful: boolean;
  /** ISO instant of the (latest) vote. */
  at: string;
  /** Epoch seconds when it is deleted: with the answer it is about. */
  expiresAt: number;
}

/**
 * Persistence of chats, transcripts and surveys. Every write that decides who has a chat
 * (queue, advisor, end, identity) is a single conditional write. A chat record and each item
 * of its transcript are deleted some time after their `expiresAt` (DynamoDB's TTL); surveys
 * stay. Two implementations, held to one contract (chatStoreContract.ts): DynamoDB
 * (adapters/dynamodb) and in memory (memoryChatStore.ts, for domain tests).
 */
export interface ChatStore {
  /** Stores a new chat (its id is new: a random UUID). */
  createChat(chat: Chat): Promise<void>;
  getChat(chatId: string): Promise<Chat | undefined>;
  /**
   * Stores the bot's dialogue state (topics so far, misses in a row) after a turn; getChat
   * returns the chat with it. One turn of a chat at a time: the caller computed `state` from
   * the chat as it read it, so two turns of one chat must not overlap.
   */
  saveBotState(
    chat: Pick<Chat, "chatId" | "expiresAt">,
    state: Pick<Chat, "topics" | "missesInRow" | "customerWrote">,
  ): Promise<void>;
  /**
   * Binds a verified identity to the chat, or renews the same person's sign-in (its expiry);
   * false when the chat already belongs to another person (a chat never changes owner).
   */
  bindIdentity(
    chatId: string,
    identity: {
      subject: string;
      customerName: string;
      assurance: NonNullable<Chat["assurance"]>;
      signInExpiresAt: string;
    },
  ): Promise<boolean>;
  /**
   * Notes that the customer tried a sign-in too weak for personal data; nothing is bound.
   * An unknown chat is refused with ChatNotFoundError.
   */
  markSignInTooWeak(chatId: string): Promise<void>;
  /**
   * Notes since when the customer of an advisor's chat has been gone (`customerGoneAt`), or
   * that they are back (`undefined` removes it). An unknown chat is left as it is.
   */
  setCustomerGone(chatId: string, since: string | undefined): Promise<void>;
  /**
   * Puts a chat that is with the bot into a queue; false if it is not with the bot. `topics`
   * (the bot's so far) are kept with it for the queue and the advisor to show.
   */
  enqueue(
    chatId: string,
    queue: { lang: Chat["lang"]; queuedAt: string; front: boolean; topics?: string[] },
  ): Promise<boolean>;
  /** Takes a queued chat back to the bot; false if it was not queued. */
  leaveQueue(chatId: string): Promise<boolean>;
  /**
   * Waiting chats of one queue, first in line first, with the topics they were queued with
   * (read often, so without the bot's latest state).
   */
  listQueue(lang: Chat["lang"]): Promise<Chat[]>;
  /** Gives a queued chat to an advisor; false when someone else took it first. */
  assignAdvisor(chatId: string, advisor: { id: string; name: string }): Promise<boolean>;
  /** Returns an advisor's chat to a queue (transfer, lost connection); false if not theirs. */
  requeueFromAdvisor(
    chatId: string,
    advisorId: string,
    queue: { lang: Chat["lang"]; front: boolean; at: string },
  ): Promise<boolean>;
  /**
   * Chats not ended (with the bot, queued or with an advisor), oldest first: what a process
   * takes over after a restart or when another gateway task is lost.
   */
  listOpenChats(): Promise<Chat[]>;
  /** Chats an advisor handles or has yet to wrap up. */
  listAdvisorChats(advisorId: string): Promise<Chat[]>;
  /**
   * Stores the advisor's wrap-up and releases the chat from their list; false if not theirs.
   * A chat already wrapped up by this advisor keeps its wrap-up: the new one is added to
   * `wrapupCorrections` ("corrected"), so nothing saved is silently overwritten.
   */
  saveWrapup(chatId: string, wrapup: Wrapup): Promise<"saved" | "corrected" | false>;
  /**
   * Switches the chat's language; the bot answers in it from then on. Rejects with
   * ChatNotFoundError when there is no such chat.
   */
  setLanguage(chatId: string, lang: Chat["lang"]): Promise<void>;
  /** Ends a chat unless already ended; returns false when someone else ended it first. */
  endChat(
    chatId: string,
    end: Pick<Chat, "endedAt" | "endedBy" | "surveySecretHash" | "surveyExpiresAt">,
  ): Promise<boolean>;
  /** Stores a message the service made (its id is new, so storing it twice is harmless). */
  appendMessage(message: StoredMessage): Promise<void>;
  /**
   * The message a person sent stored under `clientKey` (the sender and the client's own id
   * for it), if any: a resend after a lost acknowledgement finds the first copy. Read in the
   * same round trip as the chat when asked for in the same moment.
   */
  findClientMessage(chatId: string, clientKey: string): Promise<StoredMessage | undefined>;
  /**
   * Stores a message a person sent under `clientKey`, unconditionally (it shares a batch
   * with other writes): the caller looks for an earlier copy first, one at a time per key.
   */
  putClientMessage(message: StoredMessage, clientKey: string): Promise<void>;
  getMessage(chatId: string, messageId: string): Promise<StoredMessage | undefined>;
  /** Messages in time order, optionally only those after `afterId`. */
  listMessages(chatId: string, afterId?: string): Promise<StoredMessage[]>;
  /**
   * Stores the customer's vote on an answer, replacing an earlier one, and returns the earlier
   * vote (what it said and the language it was counted in), if any. The language of the first
   * vote is kept, so a changed vote is taken back where it was counted.
   */
  putFeedback(vote: AnswerVote): Promise<Pick<AnswerVote, "helpful" | "lang"> | undefined>;
  /** Stores a survey unless one exists for the chat; returns false if one did. */
  putSurvey(survey: SurveyRecord): Promise<boolean>;
}
