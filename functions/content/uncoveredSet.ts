import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type BotContent, type UncoveredCase, uncoveredFileSchema } from "../contracts/content.ts";
import { MAX_UNCOVERED_ANSWERED } from "../contracts/contentTargets.ts";
import type { Lang } from "../contracts/lang.ts";
import type { Decision } from "../domain/dialogue/decision.ts";
import { leakedCases, leakKey, loadTestCases } from "./testSet.ts";

/**
 * The uncovered set: questions about taxation that no topic answers, kept apart from the
 * training sentences and from both held-out splits. It measures honesty, not knowledge: the
 * share the chat would answer with some topic's text (the target is at most 5 %).
 */
export const UNCOVERED_DIR = "uncovered";

export { MAX_UNCOVERED_ANSWERED };

/** <dir>/uncovered/<lang>.yaml; an empty list when the file does not exist. */
export function loadUncoveredCases(dir: string, lang: Lang): UncoveredCase[] {
  const path = join(dir, UNCOVERED_DIR, `${lang}.yaml`);
  if (!existsSync(path)) return [];
  const file = uncoveredFileSchema.parse(parse(readFileSync(path, "utf8")));
  if (file.lang !== lang) throw new Error(`${path} declares lang ${file.lang}, expected ${lang}`);
  return file.cases;
}

/**
 * Uncovered questions that also occur in training or in a held-out split: each would make
 * the honesty score say less than it seems to.
 */
export function uncoveredOverlaps(
  dir: string,
  content: BotContent,
  lang: Lang,
  cases: readonly UncoveredCase[],
): UncoveredCase[] {
  const asTests = cases.map((c) => ({ text: c.text, intent: "none" }));
  const inTraining = new Set(leakedCases(content, lang, asTests).map((c) => leakKey(c.text)));
  const heldOut = new Set(
    [...loadTestCases(dir, lang, "tests"), ...loadTestCases(dir, lang, "dev")].map((c) =>
      leakKey(c.text),
    ),
  );
  return cases.filter((c) => inTraining.has(leakKey(c.text)) || heldOut.has(leakKey(c.text)));
}

export interface UncoveredScore {
  cases: number;
  matters: number;
  /** Share the chat answers with a topic's text: the figure that must stay small. */
  answered: number;
  /** Share where the bot asks which of two topics is meant (no answer given). */
  clarified: number;
  /** Share the recogniser alone calls a topic, before the dialogue's rules. */
  recognisedAsTopic: number;
  /** The questions answered with a topic, and the topic, for the content owner to look at. */
  answeredWith: { text: string; topic: string }[];
}

/** Scores the uncovered cases by what the chat would do with each (decide). */
export function scoreUncovered(
  cases: readonly UncoveredCase[],
  outcome: (text: string) => { intent: string; decision: Decision },
): UncoveredScore {
  let clarified = 0;
  let asTopic = 0;
  const answeredWith: UncoveredScore["answeredWith"] = [];
  for (const c of cases) {
    const { intent, decision } = outcome(c.text);
    if (intent !== "none") asTopic++;
    if (decision.kind === "answer") answeredWith.push({ text: c.text, topic: decision.topic });
    if (decision.kind === "clarify") clarified++;
  }
  const share = (n: number) => (cases.length === 0 ? 0 : n / cases.length);
  return {
    cases: cases.length,
    matters: new Set(cases.map((c) => c.matter)).size,
    answered: share(answeredWith.length),
    clarified: share(clarified),
    recognisedAsTopic: share(asTopic),
    answeredWith,
  };
}
