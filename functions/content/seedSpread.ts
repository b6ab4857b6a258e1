/**
 * How much a content's scores owe to the training order. The embedded recogniser is trained by
 * SGD in a seeded order, and one added sentence moves every other sentence's place in it, so a
 * topic or the uncovered share can move by a message for no reason of its own. Scoring the
 * same content under several seeds tells a real change from that noise (`content:test --
 * --seeds`); the gate itself stays the shipped seed's.
 */

import { EmbeddedRecogniser } from "../adapters/recogniser/embedded/embeddedRecogniser.ts";
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER_OPTIONS,
} from "../adapters/recogniser/embedded/intentClassifier.ts";
import type { BotContent, UncoveredCase } from "../contracts/content.ts";
import type { Lang } from "../contracts/lang.ts";
import type { DecisionSettings } from "../domain/dialogue/decision.ts";
import { chatOutcomes, decidedBy } from "./chatOutcomes.ts";
import { MIN_TOPIC_RECALL, scoreCases } from "./scoreBundle.ts";
import { evaluate, percent, type TestCase } from "./testSet.ts";
import { scoreUncovered } from "./uncoveredSet.ts";

/** One language's gate figures under one training seed. */
export interface SeedFigures {
  seed: number;
  accuracy: number;
  noneRecall: number;
  /** Shares of the questions about topics the chat answers right and wrong. */
  right: number;
  wrong: number;
  /** Share of the uncovered questions answered with a topic. */
  uncoveredAnswered: number;
  /** Topics under the per-topic recall floor. */
  topicsUnder: string[];
}

export interface SeedInputs {
  content: BotContent;
  cases: Record<Lang, readonly TestCase[]>;
  uncovered: Record<Lang, readonly UncoveredCase[]>;
  settings: DecisionSettings;
  options?: ClassifierOptions;
}

/** Trains the embedded recogniser with `seed` and scores both languages as the gate does. */
export function figuresUnderSeed(inputs: SeedInputs, seed: number): Record<Lang, SeedFigures> {
  const options = inputs.options ?? DEFAULT_CLASSIFIER_OPTIONS;
  const recogniser = new EmbeddedRecogniser(inputs.content, {
    ...options,
    training: { ...options.training, seed },
  });
  const has = (topic: string) => inputs.content.topics.has(topic);
  const figures = (lang: Lang): SeedFigures => {
    const recognise = (text: string) => recogniser.classify(text, lang);
    const cases = inputs.cases[lang];
    const scored = evaluate(cases, recognise);
    const chat = chatOutcomes(cases, recognise, has, inputs.settings);
    const perTopic = scoreCases(cases, (text) => recognise(text).intent).perTopic;
    const uncovered = scoreUncovered(
      inputs.uncovered[lang],
      decidedBy(recognise, has, inputs.settings),
    );
    return {
      seed,
      accuracy: scored.accuracy,
      noneRecall: scored.noneRecall,
      right: chat.total ? chat.right / chat.total : 0,
      wrong: chat.total ? chat.wrong / chat.total : 0,
      uncoveredAnswered: uncovered.answered,
      topicsUnder: perTopic.filter((t) => t.recall < MIN_TOPIC_RECALL).map((t) => t.topic),
    };
  };
  return { fi: figures("fi"), sv: figures("sv") };
}

const FIGURES = [
  ["top-1", "accuracy"],
  ["none recall", "noneRecall"],
  ["answered right", "right"],
  ["wrong answer", "wrong"],
  ["uncovered answered", "uncoveredAnswered"],
] as const;

/**
 * One language's figures over the seeds as report lines: each figure's mean and range, and
 * each topic that fell under the floor with how many seeds it did.
 */
export function spreadLines(runs: readonly SeedFigures[]): string[] {
  if (runs.length === 0) return [];
  const lines = FIGURES.map(([label, key]) => {
    const values = runs.map((r) => r[key]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return `${label.padEnd(20)} mean ${percent(mean).padStart(7)}  from ${percent(Math.min(...values))} to ${percent(Math.max(...values))}`;
  });
  const under = new Map<string, number>();
  for (const run of runs) for (const t of run.topicsUnder) under.set(t, (under.get(t) ?? 0) + 1);
  lines.push(
    under.size === 0
      ? `topics under ${percent(MIN_TOPIC_RECALL)}: none on any seed`
      : `topics under ${percent(MIN_TOPIC_RECALL)}: ${[...under]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([topic, n]) => `${topic} on ${n} of ${runs.length}`)
          .join(", ")}`,
  );
  return lines;
}
