import type { Lang } from "../../contracts/lang.ts";
import type { Chat, OutgoingMessage } from "../chat/model.ts";

/** The bot's answer to one customer message. */
export interface BotTurn {
  messages: OutgoingMessage[];
  /** Topic recognised, if any. */
  topic?: string;
  /** True when the bot did not understand (none or low confidence). */
  missed: boolean;
}

/** Answers customer messages while a chat is with the bot. */
export interface Bot {
  welcome(lang: Lang): OutgoingMessage[];
  reply(chat: Chat, text: string): Promise<BotTurn>;
}
