import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type BotContent, type TestFile, testFileSchema } from "../contracts/content.ts";
import type { Lang } from "../contracts/lang.ts";
import { type IntentId, NO_INTENT } from "../contracts/topics.ts";
import { heldOutKey } from "./rules.ts";

export type TestCase = TestFile["cases"][number];

/**
 * The two held-out splits: `tests` scores the recogniser and gates CI; `dev` is the one
 * recogniser options and content are tuned against, so the test score stays honest.
 */
export const SPLITS = ["tests", "dev"] as const;
export type Split = (typeof SPLITS)[number];

/** Held-out cases for `lang` from <dir>/<split>/<lang>.yaml (the test split by default). */
export function loadTestCases(dir: string, lang: Lang, split: Split = "tests"): TestCase[] {
  const path = join(dir, split, `${lang}.yaml`);
  if (!existsSync(path)) return [];
  const file = testFileSchema.parse(parse(readFileSync(path, "utf8")));
  if (file.lang !== lang) throw new Error(`${path} declares lang ${file.lang}, expected ${lang}`);
  return file.cases;
}

/** Key under which a test text and a training text count as the same message. */
export const leakKey = heldOutKey;

/** Test texts that also occur (after normalisation) among training or out-of-scope utterances. */
export function leakedCases(
  content: BotContent,
  lang: Lang,
  cases: readonly TestCase[],
): TestCase[] {
  const training = new Set<string>();
  for (const topic of content.topics.values()) {
    for (const u of topic[lang].utterances) training.add(leakKey(u));
  }
  for (const u of content.outOfScope[lang]) training.add(leakKey(u));
  for (const group of content.referrals ?? []) {
    for (const u of group[lang].sentences) training.add(leakKey(u));
  }
  return cases.filter((c) => training.has(leakKey(c.text)));
}

export interface Evaluation {
  cases: number;
  /** Share of all cases whose top-1 intent is right (topics and none alike). */
  accuracy: number;
  /** Share of in-scope cases classified as their topic. */
  topicAccuracy: number;
  /** Share of `none` cases answered `none`. */
  noneRecall: number;
  /** expected -> predicted -> count, mistakes only. */
  confusion: Map<IntentId, Map<IntentId, number>>;
  mistakes: { text: string; expected: IntentId; got: IntentId; confidence: number }[];
}

/** Scores `classify` on the cases. */
export function evaluate(
  cases: readonly TestCase[],
  classify: (text: string) => { intent: IntentId; confidence: number },
): Evaluation {
  let right = 0;
  let topics = 0;
  let topicsRight = 0;
  let nones = 0;
  let nonesRight = 0;
  const confusion = new Map<IntentId, Map<IntentId, number>>();
  const mistakes: Evaluation["mistakes"] = [];
  for (const c of cases) {
    const { intent, confidence } = classify(c.text);
    const ok = intent === c.intent;
    if (ok) right++;
    if (c.intent === NO_INTENT) {
      nones++;
      if (ok) nonesRight++;
    } else {
      topics++;
      if (ok) topicsRight++;
    }
    if (!ok) {
      const row = confusion.get(c.intent) ?? new Map<IntentId, number>();
      row.set(intent, (row.get(intent) ?? 0) + 1);
      confusion.set(c.intent, row);
      mistakes.push({ text: c.text, expected: c.intent, got: intent, confidence });
    }
  }
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    cases: cases.length,
    accuracy: share(right, cases.length),
    topicAccuracy: share(topicsRight, topics),
    noneRecall: share(nonesRight, nones),
    confusion,
    mistakes,
  };
}

/** The confusion cells as readable lines ("tax-card -> moving-to-finland: 2"), largest first. */
export function confusionLines(evaluation: Evaluation): string[] {
  const cells: [string, number][] = [];
  for (const [expected, row] of evaluation.confusion) {
    for (const [got, n] of row) cells.push([`${expected.padEnd(22)} -> ${got}`, n]);
  }
  return cells
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([cell, n]) => `${cell}: ${n}`);
}

/** Percentage with one decimal, for reports. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
