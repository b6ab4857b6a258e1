import { NO_INTENT, type TopicId } from "../../contracts/topics.ts";
import type { IntentScore, Recognition } from "../ports.ts";

/**
 * What the bot does with one recognised message, before any wording: the one rule that both
 * recognisers feed (Lex's interpretations in AWS, the embedded recogniser's locally) and
 * that content:test and bench:nlu score, so the published rates are the chat's behaviour.
 *
 * For a tax authority a confident wrong answer is worse than "I don't know": a topic is
 * answered only when the recogniser trusts it and no other topic is nearly as likely.
 */
export type Decision =
  | { kind: "answer"; topic: TopicId }
  /** Two topics are about equally likely: ask which one the customer means. */
  | { kind: "clarify"; topics: [TopicId, TopicId] }
  /** Another agency's matter (the recogniser's referral group). */
  | { kind: "referral"; group: string }
  /** No topic fits: say so honestly. */
  | { kind: "none" };

export interface DecisionSettings {
  /** The best topic is answered from this confidence up (unless the runner-up is close). */
  minConfidence: number;
  /**
   * The same for the conversation's moves (greeting, goodbye). Answering one wrongly costs a
   * "Hei! Miten voin auttaa?", not a wrong tax answer, and a bare "hei" shares its words with
   * "hei hei" (goodbye), so it never gets as sure as a tax question.
   */
  moveMinConfidence: number;
  /**
   * The runner-up topic is "close" when its confidence is at least this share of the best
   * one's: then the bot asks which one the customer means instead of answering.
   */
  clarifyRatio: number;
  /**
   * A topic below this confidence is never offered as a choice: not as the runner-up of a
   * which-one (the turn is a miss), nor as a miss's "did you mean" suggestion.
   */
  clarifyMinConfidence: number;
}

// Topics that are moves in the conversation, not questions: never asked about as a choice.
const NOT_A_CHOICE = new Set<string>([NO_INTENT, "greeting", "goodbye"]);

/** What the bot does with `recognition`; `has` says whether the loaded content has a topic. */
export function decide(
  recognition: Recognition,
  has: (topic: TopicId) => boolean,
  settings: DecisionSettings,
): Decision {
  if (recognition.intent === NO_INTENT) {
    return recognition.referral
      ? { kind: "referral", group: recognition.referral }
      : { kind: "none" };
  }
  // A topic this content does not have counts as a miss: in AWS, Lex can move to a new
  // content version a few seconds before the answers follow it.
  if (!has(recognition.intent)) return { kind: "none" };
  const topic = recognition.intent as TopicId;
  const second = runnerUp(recognition, has);
  const close =
    second !== undefined && second.confidence >= settings.clarifyRatio * recognition.confidence;
  const move = NOT_A_CHOICE.has(topic);
  if (recognition.confidence >= answerBar(topic, settings) && (!close || move)) {
    return { kind: "answer", topic };
  }
  // Unsure between two questions (close, or the best one below the answering confidence):
  // ask, rather than answer the wrong one or give up on both.
  if (!NOT_A_CHOICE.has(topic) && second && second.confidence >= settings.clarifyMinConfidence) {
    return { kind: "clarify", topics: [topic, second.intent as TopicId] };
  }
  return { kind: "none" };
}

/** The confidence `topic` needs to be answered: a conversational move's bar is lower. */
function answerBar(topic: string, settings: DecisionSettings): number {
  return NOT_A_CHOICE.has(topic) ? settings.moveMinConfidence : settings.minConfidence;
}

/** The decision and the numbers it was judged by, for telling a content owner why. */
export interface DecisionGrounds {
  decision: Decision;
  /** The best topic is answered from this confidence. */
  answersFrom: number;
  /** The runner-up is close, and the bot asks which one, from this confidence. */
  closeFrom: number;
  /** A topic is offered as a choice from this confidence. */
  offeredFrom: number;
}

/** `decide`, with the thresholds that applied to this recognition. */
export function decideWithGrounds(
  recognition: Recognition,
  has: (topic: TopicId) => boolean,
  settings: DecisionSettings,
): DecisionGrounds {
  return {
    decision: decide(recognition, has, settings),
    // With `none` on top the bar that matters is a question topic's, not a move's.
    answersFrom:
      recognition.intent === NO_INTENT
        ? settings.minConfidence
        : answerBar(recognition.intent, settings),
    closeFrom: round(settings.clarifyRatio * recognition.confidence),
    offeredFrom: settings.clarifyMinConfidence,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The likeliest other topic that could be a choice, if any. */
function runnerUp(
  recognition: Recognition,
  has: (topic: TopicId) => boolean,
): IntentScore | undefined {
  return recognition.alternatives.find(
    (a) => a.intent !== recognition.intent && !NOT_A_CHOICE.has(a.intent) && has(a.intent),
  );
}
