import type { Lang } from "../../contracts/lang.ts";
import type { Chat, OutgoingMessage } from "../chat/model.ts";
import type { IntentScore } from "../ports.ts";
import type { AdvisorsAway, DialogueContext } from "./answerTurn.ts";

/** The bot's answer to one customer message. */
export interface BotTurn {
  messages: OutgoingMessage[];
  /** Topic recognised, if any. */
  topic?: string;
  /** The referral group answered with (another agency's matter); not a miss. */
  referral?: string;
  /** True when the bot did not understand (none or low confidence). */
  missed: boolean;
  /** The answered topic hands the chat to a person: routing starts by itself (DialogueTurn). */
  handsOver?: boolean;
  /** With `handsOver`: the answer itself said that advisors are away (DialogueTurn). */
  saidAdvisorsAway?: boolean;
  /**
   * The bot asked which of these topics was meant, offering them as quick replies in this
   * order (then "something else"): a customer's next message that is one of them is a pick.
   */
  clarified?: [string, string];
  /**
   * The recogniser's best guesses for the message, the winner first (at most three); absent
   * when the recogniser could not be asked. What content owners see of a missed question.
   */
  recognition?: IntentScore[];
  /** The content version that answered, when the bot knows it. */
  contentVersion?: number;
  /**
   * The language the bot answered in, and its messages are written in: the customer's when
   * they wrote in the other language, the chat's for a single word of it (`replyLanguage`).
   * Absent means the chat's (Lex, which cannot tell the languages apart, answers in the
   * chat's locale; so does a recogniser outage).
   */
  lang?: Lang;
  /**
   * The language the message was recognised in, the one it is written in: differs from
   * `lang` for a single word of the other language ("verokortti" in a Swedish chat is
   * Finnish, answered in Swedish). What the missed-question inbox files the question under,
   * to be taught in that language. Absent means `lang`.
   */
  questionLang?: Lang;
}

/** Whether the bot has answered in the chat already: a topic, or a miss since the last one. */
export function botHasAnswered(chat: Pick<Chat, "topics" | "missesInRow">): boolean {
  return chat.topics.length > 0 || chat.missesInRow > 0;
}

/**
 * What the dialogue knows of the chat when `question` arrives: all of it from the chat as the
 * server keeps it (the bound sign-in included), none of it from the client. `choiceQuestion`:
 * see DialogueContext.
 */
export function dialogueContextOf(
  chat: Chat,
  question?: string,
  choiceQuestion?: string,
): DialogueContext {
  return {
    lang: chat.lang,
    missesInRow: chat.missesInRow,
    authenticated: chat.authenticated,
    answeredBefore: botHasAnswered(chat),
    ...(chat.assurance ? { assurance: chat.assurance } : {}),
    ...(chat.subject ? { subject: chat.subject } : {}),
    ...(chat.signInExpiresAt ? { signInExpiresAt: chat.signInExpiresAt } : {}),
    ...(chat.signInTooWeak ? { signInTooWeak: true } : {}),
    ...(question !== undefined ? { question } : {}),
    ...(choiceQuestion !== undefined ? { choiceQuestion } : {}),
  };
}

/** Answers customer messages while a chat is with the bot. */
export interface Bot {
  /** `advisorsAway`: whether a person can join the chat now (absent: always). */
  welcome(lang: Lang, advisorsAway?: AdvisorsAway): OutgoingMessage[];
  /**
   * `choiceQuestion`: when `text` answers the bot's "which one?" with "something else", the
   * question that was about (as kept, masked), for the site search it then offers.
   * `advisorsAway`: whether a person can join the chat now, for the replies that would offer
   * one (absent: always; Lex's code hook asks the opening hours itself).
   */
  reply(
    chat: Chat,
    text: string,
    choiceQuestion?: string,
    advisorsAway?: AdvisorsAway,
  ): Promise<BotTurn>;
}
