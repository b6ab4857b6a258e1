import type { Lang } from "../contracts/lang.ts";
import type { IntentId } from "../contracts/topics.ts";

/** The service's one source of time; tests and FAKE_TIME substitute their own. */
export interface Clock {
  now(): Date;
}

/** One scored guess of what a customer message is about. */
export interface IntentScore {
  intent: IntentId;
  confidence: number;
}

/** What the recogniser understood of one customer message. */
export interface Recognition extends IntentScore {
  /**
   * Language the message appears to be written in, and was recognised in; may differ from the
   * chat's language. Whether the bot also answers in it is the dialogue's choice
   * (`replyLanguage`): a single word of the other language is answered in the chat's.
   */
  detectedLang: Lang;
  /**
   * Set when the message is in neither national language but recognisably English (then
   * `detectedLang` is the chat's): a reply without an answer also points to the agency's
   * English pages. A recogniser that cannot tell (Lex) never sets it.
   */
  foreign?: "en";
  /** Best guesses in descending confidence, the winner first (at most 3). */
  alternatives: IntentScore[];
  /**
   * With intent `none`: the referral group the message belongs to (another agency's matter,
   * small talk), which the bot answers with that group's pointer instead of a miss.
   */
  referral?: string;
}

/** Classifies customer messages into topics. Adapters: embedded recogniser, Amazon Lex V2. */
export interface Recogniser {
  recognise(text: string, lang: Lang): Promise<Recognition>;
}

/**
 * When a person can next join a chat of `queue` (the chat's language): undefined while one
 * can at `at`, otherwise when one next can, in `lang`'s words ("maanantaina 7.12. klo 9.00").
 * Composition roots answer it from the opening hours in memory (formatNextOpeningIfClosed):
 * no storage read.
 */
export type AdvisorHours = (queue: Lang, at: Date, lang: Lang) => string | undefined;
