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
import { LANGS, type Lang } from "../contracts/lang.ts";
import { type ContentBundle, type HeldOutCase, uncoveredOf } from "../domain/content/bundle.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../domain/dialogue/answerTurn.ts";
import type { DecisionSettings } from "../domain/dialogue/decision.ts";
import type { Recognition } from "../domain/ports.ts";
import { chatOutcomes, decidedBy } from "./chatOutcomes.ts";
import {
  gateFindings,
  type LangReport,
  MAX_UNCOVERED_ANSWERED,
  MIN_ACCURACY,
  MIN_GATE_TOPIC_RECALL,
  MIN_NONE_RECALL,
  MIN_TOPIC_RECALL,
  recogniseBundleYielding,
  scoreCases,
} from "./scoreBundle.ts";
import { percent } from "./testSet.ts";
import { scoreUncovered, type UncoveredScore } from "./uncoveredSet.ts";

/** The order the recogniser ships with, and the one the publish gate scores. */
export const SHIPPED_SEED = DEFAULT_CLASSIFIER_OPTIONS.training.seed;

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
  /** Topics under content:test's per-topic recall floor (MIN_TOPIC_RECALL). */
  topicsUnder: string[];
  /** Topics under the publish gate's per-topic floor (MIN_GATE_TOPIC_RECALL). */
  topicsUnderGate: string[];
  /** Whether the publish gate's rules refuse these figures (it applies them to the test split). */
  gateRefuses: boolean;
}

export interface SeedInputs {
  content: BotContent;
  cases: Record<Lang, readonly HeldOutCase[]>;
  uncovered: Record<Lang, readonly UncoveredCase[]>;
  settings: DecisionSettings;
  options?: ClassifierOptions;
}

/** What `figuresOf` scores: the messages, and the topics the chat may answer with. */
export interface ScoredMessages {
  cases: Record<Lang, readonly HeldOutCase[]>;
  uncovered: Record<Lang, readonly UncoveredCase[]>;
  settings: DecisionSettings;
  has: (topic: string) => boolean;
}

/** Trains the embedded recogniser with `seed` and scores both languages as the gate does. */
export function figuresUnderSeed(inputs: SeedInputs, seed: number): Record<Lang, SeedFigures> {
  const options = inputs.options ?? DEFAULT_CLASSIFIER_OPTIONS;
  const recogniser = new EmbeddedRecogniser(inputs.content, {
    ...options,
    training: { ...options.training, seed },
  });
  const has = (topic: string) => inputs.content.topics.has(topic);
  return figuresOf({ ...inputs, has }, seed, (text, lang) => recogniser.classify(text, lang));
}

/**
 * Both languages' figures from one recogniser trained with `seed`, however it was trained (on
 * this thread, or in the training worker with its answers recognised beforehand).
 */
export function figuresOf(
  scored: ScoredMessages,
  seed: number,
  recognise: (text: string, lang: Lang) => Recognition,
): Record<Lang, SeedFigures> {
  const reports = {} as Record<Lang, LangReport>;
  const uncovered = {} as Record<Lang, UncoveredScore>;
  for (const lang of LANGS) {
    const cases = scored.cases[lang];
    reports[lang] = scoreCases(cases, (text) => recognise(text, lang).intent);
    uncovered[lang] = scoreUncovered(
      scored.uncovered[lang],
      decidedBy((text) => recognise(text, lang), scored.has, scored.settings),
    );
  }
  // The gate's own verdict, so a refusal here is one publishing would give.
  const refused = new Set(
    gateFindings(reports, uncovered).map((f) => (f.finding.params as { lang?: Lang }).lang),
  );
  const figures = (lang: Lang): SeedFigures => {
    const report = reports[lang];
    const chat = chatOutcomes(
      scored.cases[lang],
      (text) => recognise(text, lang),
      scored.has,
      scored.settings,
    );
    const under = (floor: number) =>
      report.perTopic.filter((t) => t.recall < floor).map((t) => t.topic);
    return {
      seed,
      accuracy: report.accuracy,
      noneRecall: report.noneRecall,
      right: chat.total ? chat.right / chat.total : 0,
      wrong: chat.total ? chat.wrong / chat.total : 0,
      uncoveredAnswered: uncovered[lang].answered,
      topicsUnder: under(MIN_TOPIC_RECALL),
      topicsUnderGate: under(MIN_GATE_TOPIC_RECALL),
      gateRefuses: refused.has(lang),
    };
  };
  return { fi: figures("fi"), sv: figures("sv") };
}

/** The seeds `count` orders are trained with: the shipped one first, then 1, 2, 3... */
export function seedsFor(count: number): number[] {
  const others = Array.from({ length: count }, (_, i) => i + 1).filter((s) => s !== SHIPPED_SEED);
  return [SHIPPED_SEED, ...others.slice(0, count - 1)];
}

/** The figures a spread is told for, each with its label in content:test's lines. */
export const SPREAD_FIGURES = [
  ["top-1", "accuracy"],
  ["none recall", "noneRecall"],
  ["answered right", "right"],
  ["wrong answer", "wrong"],
  ["uncovered answered", "uncoveredAnswered"],
] as const;
export type SpreadFigure = (typeof SPREAD_FIGURES)[number][1];

/** The publish gate's bound on a figure: at least `min`, or at most `max`. */
export type FigureGate = { min: number } | { max: number };

/** The gate's bounds, for the figures it holds a version to. */
export const FIGURE_GATES: Partial<Record<SpreadFigure, FigureGate>> = {
  accuracy: { min: MIN_ACCURACY },
  noneRecall: { min: MIN_NONE_RECALL },
  uncoveredAnswered: { max: MAX_UNCOVERED_ANSWERED },
};

/** One figure over the orders. */
export interface FigureSpread {
  mean: number;
  min: number;
  max: number;
  gate?: FigureGate;
}

/**
 * A topic under a floor on some orders: `orders` under content:test's target
 * (MIN_TOPIC_RECALL), `ordersUnderGate` of those also under the publish gate's floor.
 */
export interface TopicUnder {
  topic: string;
  orders: number;
  ordersUnderGate: number;
}

export type LangSpread = Record<SpreadFigure, FigureSpread> & { topicsUnder: TopicUnder[] };

/** One language's figures over the orders: each figure's mean and range, the topics under a floor. */
export function spreadOf(runs: readonly SeedFigures[]): LangSpread {
  const figures = Object.fromEntries(
    SPREAD_FIGURES.map(([, key]) => {
      const values = runs.map((r) => r[key]);
      const gate = FIGURE_GATES[key];
      const spread: FigureSpread = {
        mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0,
        min: values.length ? Math.min(...values) : 0,
        max: values.length ? Math.max(...values) : 0,
        ...(gate ? { gate } : {}),
      };
      return [key, spread];
    }),
  ) as Record<SpreadFigure, FigureSpread>;
  const under = new Map<string, TopicUnder>();
  for (const run of runs) {
    for (const topic of run.topicsUnder) {
      const seen = under.get(topic) ?? { topic, orders: 0, ordersUnderGate: 0 };
      seen.orders++;
      under.set(topic, seen);
    }
    for (const topic of run.topicsUnderGate) {
      const seen = under.get(topic);
      if (seen) seen.ordersUnderGate++;
    }
  }
  const topicsUnder = [...under.values()].sort(
    (a, b) =>
      b.ordersUnderGate - a.ordersUnderGate ||
      b.orders - a.orders ||
      a.topic.localeCompare(b.topic),
  );
  return { ...figures, topicsUnder };
}

/** On how many orders the publish gate would refuse the content: either language refused. */
export function gateFailsOn(runs: readonly Record<Lang, SeedFigures>[]): number {
  return runs.filter((run) => LANGS.some((lang) => run[lang].gateRefuses)).length;
}

/** A content bundle's scores over several training orders, as the studio shows them. */
export interface OrdersSpread {
  seeds: number[];
  splits: { tests: Record<Lang, LangSpread>; dev: Record<Lang, LangSpread> };
  /** On how many of the orders the publish gate would refuse the bundle (its test split). */
  gateFailsOn: number;
}

/**
 * Scores `bundle`'s test and dev splits and its uncovered questions under each of `seeds`,
 * one order after another, with the recogniser `trainedInOrder` gives for it (trained off the
 * event loop in the service). The messages are recognised a few dozen per turn of the event
 * loop; scoring from those recognitions is arithmetic.
 */
export async function spreadOverOrders(
  bundle: ContentBundle,
  seeds: readonly number[],
  trainedInOrder: (seed: number) => Promise<{ classify(text: string, lang: Lang): Recognition }>,
): Promise<OrdersSpread> {
  const topics = new Set(bundle.topics.map((t) => t.id));
  const messages = (split: "tests" | "dev"): ScoredMessages => ({
    cases: bundle[split],
    uncovered: uncoveredOf(bundle),
    settings: DEFAULT_DIALOGUE_SETTINGS,
    has: (topic) => topics.has(topic),
  });
  const runs = { tests: [] as Record<Lang, SeedFigures>[], dev: [] as Record<Lang, SeedFigures>[] };
  for (const seed of seeds) {
    const recogniser = await trainedInOrder(seed);
    const recognised = await recogniseBundleYielding(bundle, (text, lang) =>
      recogniser.classify(text, lang),
    );
    const known = {
      fi: new Map<string, Recognition>(),
      sv: new Map<string, Recognition>(),
    };
    for (const lang of LANGS) {
      const texts = [
        ...bundle.tests[lang].map((c) => c.text),
        ...bundle.dev[lang].map((c) => c.text),
        ...uncoveredOf(bundle)[lang].map((c) => c.text),
      ];
      const answers = [
        ...recognised.tests[lang],
        ...recognised.dev[lang],
        ...recognised.uncovered[lang],
      ];
      for (const [i, text] of texts.entries()) known[lang].set(text, answers[i] as Recognition);
    }
    const recognise = (text: string, lang: Lang) => known[lang].get(text) as Recognition;
    runs.tests.push(figuresOf(messages("tests"), seed, recognise));
    runs.dev.push(figuresOf(messages("dev"), seed, recognise));
  }
  const perLang = (split: Record<Lang, SeedFigures>[]) => ({
    fi: spreadOf(split.map((r) => r.fi)),
    sv: spreadOf(split.map((r) => r.sv)),
  });
  return {
    seeds: [...seeds],
    splits: { tests: perLang(runs.tests), dev: perLang(runs.dev) },
    gateFailsOn: gateFailsOn(runs.tests),
  };
}

/**
 * One language's figures over the seeds as report lines: each figure's mean and range, and
 * each topic that fell under the floor with how many seeds it did.
 */
export function spreadLines(runs: readonly SeedFigures[]): string[] {
  if (runs.length === 0) return [];
  const spread = spreadOf(runs);
  const lines = SPREAD_FIGURES.map(([label, key]) => {
    const { mean, min, max } = spread[key];
    return `${label.padEnd(20)} mean ${percent(mean).padStart(7)}  from ${percent(min)} to ${percent(max)}`;
  });
  const under = [...spread.topicsUnder].sort(
    (a, b) => b.orders - a.orders || a.topic.localeCompare(b.topic),
  );
  lines.push(
    under.length === 0
      ? `topics under ${percent(MIN_TOPIC_RECALL)}: none on any seed`
      : `topics under ${percent(MIN_TOPIC_RECALL)}: ${under
          .map(({ topic, orders }) => `${topic} on ${orders} of ${runs.length}`)
          .join(", ")}`,
  );
  return lines;
}
