import { NO_INTENT } from "../contracts/topics.ts";
import { type Decision, type DecisionSettings, decide } from "../domain/dialogue/decision.ts";
import type { Recognition } from "../domain/ports.ts";

/**
 * What the chat does with scored messages after the dialogue's rule (`decide`): the one
 * implementation content:test, the seed spread, the studio's Test all and the publish gate
 * share, so the figures a content owner sees are the ones CI holds.
 */

/** What the chat does with the questions about topics, after the dialogue's rules. */
export interface ChatOutcomes {
  right: number;
  wrong: number;
  /** Asked which of two topics, the right one among them. */
  askedWithRight: number;
  askedWithout: number;
  noAnswer: number;
  /** Questions about topics (the `none` cases are not counted). */
  total: number;
}

/** Counts what a customer would get for each case about a topic; `none` cases are skipped. */
export function chatOutcomes(
  cases: readonly { text: string; intent: string }[],
  recognise: (text: string) => Recognition,
  has: (topic: string) => boolean,
  settings: DecisionSettings,
): ChatOutcomes {
  const counts = { right: 0, wrong: 0, askedWithRight: 0, askedWithout: 0, noAnswer: 0, total: 0 };
  for (const c of cases) {
    if (c.intent === NO_INTENT) continue;
    counts.total++;
    const d = decide(recognise(c.text), has, settings);
    if (d.kind === "answer") counts[d.topic === c.intent ? "right" : "wrong"]++;
    else if (d.kind === "clarify")
      counts[d.topics.includes(c.intent) ? "askedWithRight" : "askedWithout"]++;
    else counts.noAnswer++;
  }
  return counts;
}

/** The recogniser's intent and the chat's decision for a message: what `scoreUncovered` reads. */
export function decidedBy(
  recognise: (text: string) => Recognition,
  has: (topic: string) => boolean,
  settings: DecisionSettings,
): (text: string) => { intent: string; decision: Decision } {
  return (text) => {
    const r = recognise(text);
    return { intent: r.intent, decision: decide(r, has, settings) };
  };
}
