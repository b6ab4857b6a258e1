import type { Chat, StoredMessage } from "../chat/model.ts";
import type { BotTurn } from "../dialogue/bot.ts";
import type { MissHandoff } from "./missStore.ts";

/**
 * What the chat tells the missed-question inbox about a conversation, as it happens: each
 * answered question, each vote on an answer, a request for a person and where it went, the
 * end. The inbox
 * decides what to keep. Calls never throw and never delay the customer's reply: keeping a
 * question is a derived view, like the reports.
 */
export interface LearningEvents {
  /**
   * The bot answered (or missed) `question`, stored as `question` (masked, at rest).
   * `declined`: `question` answered the bot's "which one?" with "something else", and this is
   * the earlier question that was about (masked, at rest): none of the topics offered fit it.
   * A "which one?" is a turn with `clarified`; the inbox tells a customer's pick of one of its
   * topics from the quick replies it remembers of that turn, without the transcript.
   */
  answered(event: {
    chat: Chat;
    question: StoredMessage;
    turn: BotTurn;
    declined?: StoredMessage;
  }): void;
  /**
   * The customer voted on a bot answer; `question` is the customer message it answered
   * (masked, at rest), when the transcript still has it.
   */
  voted(event: {
    chat: Chat;
    answer: StoredMessage;
    question?: StoredMessage;
    helpful: boolean;
  }): void;
  /** The customer asked for a person (by button or by message). */
  personRequested(chat: Chat): void;
  /**
   * Where a request for a person from a chat with the bot went (queued, or no advisor to be
   * had and why): what the question the customer asked for a person after led to.
   */
  personRouted(chat: Chat, route: MissHandoff): void;
  /** The chat ended; a question still waiting for what happened next was the last one. */
  ended(chat: Chat): void;
  /**
   * The customer question that the bot answer `answer` of the chat replied to, when it is
   * the chat's latest answered question and still remembered here; undefined otherwise (the
   * caller then reads the transcript).
   */
  questionAnswered?(
    chatId: string,
    answer: Pick<StoredMessage, "id" | "topic" | "referral">,
  ): StoredMessage | undefined;
}
