import type { Lang } from "../../contracts/lang.ts";
import type { Chat, OutgoingMessage } from "../chat/model.ts";
import type { IntentScore } from "../ports.ts";

/** The bot's answer to one customer message. */
export interface BotTurn {
  messages: OutgoingMessage[];
  /** Topic recognised, if any. */
  topic?: string;
  /** The referral group answered with (another agency's matter); not a miss. */
  referral?: string;
  /** True when the bot did not understand (none or low confidence). */
  missed: boolean;
  /**
   * The recogniser's best guesses for the message, the winner first (at most three); absent
   * when the recogniser could not be asked. What content owners see of a missed question.
   */
  recognition?: IntentScore[];
  /** The content version that answered, when the bot knows it. */
  contentVersion?: number;
}

/** Whether the bot has answered in the chat already: a topic, or a miss since the last one. */
export function botHasAnswered(chat: Pick<Chat, "topics" | "missesInRow">): boolean {
  return chat.topics.length > 0 || chat.missesInRow > 0;
}

/** Answers customer messages while a chat is with the bot. */
export interface Bot {
  welcome(lang: Lang): OutgoingMessage[];
  reply(chat: Chat, text: string): Promise<BotTurn>;
}
