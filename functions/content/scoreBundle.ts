import { changeEffect } from "../contracts/changedAnswers.ts";
import { finding } from "../contracts/contentFindings.ts";
import {
  MAX_UNCOVERED_ANSWERED,
  MIN_ACCURACY,
  MIN_GATE_TOPIC_RECALL,
  MIN_NONE_RECALL,
  MIN_TOPIC_RECALL,
} from "../contracts/contentTargets.ts";
import { LANGS, type Lang } from "../contracts/lang.ts";
import { NO_INTENT } from "../contracts/topics.ts";
import {
  type ContentBundle,
  type HeldOutCase,
  type HeldOutSplit,
  uncoveredOf,
} from "../domain/content/bundle.ts";
import type { ContentIssue } from "../domain/content/contentWorkflow.ts";
import type { AgainstLive, VersionScores } from "../domain/content/versions.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../domain/dialogue/answerTurn.ts";
import type { Recognition } from "../domain/ports.ts";
import { type ChatOutcomes, chatOutcomes, decidedBy } from "./chatOutcomes.ts";
import { scoreUncovered, type UncoveredScore } from "./uncoveredSet.ts";

export type { ChatOutcomes, UncoveredScore };
export {
  MAX_UNCOVERED_ANSWERED,
  MIN_ACCURACY,
  MIN_GATE_TOPIC_RECALL,
  MIN_NONE_RECALL,
  MIN_TOPIC_RECALL,
};

export interface TopicScore {
  topic: string;
  /** Share of messages answered with this topic that were about it. */
  precision: number;
  /** Share of this topic's messages answered with it. */
  recall: number;
  support: number;
}

export interface LangReport {
  total: number;
  accuracy: number;
  noneRecall: number;
  perTopic: TopicScore[];
  confusions: { expected: string; got: string; count: number }[];
  /**
   * What the chat would do with the messages about topics after the dialogue's rule (right,
   * asked which one, no answer, wrong): Test all's figure, the gate's path leaves it out.
   */
  chat?: ChatOutcomes;
}

export type SplitReport = Record<Lang, LangReport>;

type Classify = (text: string, lang: Lang) => { intent: string };

/** Scores one language's held-out cases: accuracy, none recall, per topic, confusions. */
export function scoreCases(
  cases: readonly HeldOutCase[],
  classify: (text: string) => string,
): LangReport {
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const hits = new Map<string, number>();
  const confusions = new Map<string, number>();
  let right = 0;
  for (const c of cases) {
    const got = classify(c.text);
    support.set(c.intent, (support.get(c.intent) ?? 0) + 1);
    predicted.set(got, (predicted.get(got) ?? 0) + 1);
    if (got === c.intent) {
      right++;
      hits.set(got, (hits.get(got) ?? 0) + 1);
    } else {
      const key = `${c.intent}\u0000${got}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perTopic = [...support.keys()]
    .filter((t) => t !== NO_INTENT)
    .sort()
    .map((topic) => ({
      topic,
      precision: share(hits.get(topic) ?? 0, predicted.get(topic) ?? 0),
      recall: share(hits.get(topic) ?? 0, support.get(topic) ?? 0),
      support: support.get(topic) ?? 0,
    }));
  return {
    total: cases.length,
    accuracy: share(right, cases.length),
    noneRecall: share(hits.get(NO_INTENT) ?? 0, support.get(NO_INTENT) ?? 0),
    perTopic,
    confusions: [...confusions.entries()]
      .map(([key, count]) => {
        const [expected = "", got = ""] = key.split("\u0000");
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

/**
 * The intents `classify` gives each of the split's cases, a few dozen per turn of the event
 * loop: scoring a split takes a few hundred milliseconds, which must not stall the chats a
 * running service answers meanwhile.
 */
export async function classifySplitYielding(
  bundle: ContentBundle,
  split: HeldOutSplit,
  classify: Classify,
  perTurn = 25,
): Promise<Record<Lang, string[]>> {
  const classified = await recogniseYielding(textsOf(bundle[split]), classify, perTurn);
  return { fi: classified.fi.map((c) => c.intent), sv: classified.sv.map((c) => c.intent) };
}

/** Each language's texts of a list of cases (held-out or uncovered), in their order. */
export function textsOf(cases: Record<Lang, readonly { text: string }[]>): Record<Lang, string[]> {
  return { fi: cases.fi.map((c) => c.text), sv: cases.sv.map((c) => c.text) };
}

/**
 * What `recognise` makes of each language's texts, a few dozen per turn of the event loop:
 * the intents for scoring, or the whole recognition, which the dialogue's rule decides on.
 */
export async function recogniseYielding<R>(
  texts: Record<Lang, readonly string[]>,
  recognise: (text: string, lang: Lang) => R,
  perTurn = 25,
): Promise<Record<Lang, R[]>> {
  const out = { fi: [] as R[], sv: [] as R[] };
  for (const lang of LANGS) {
    for (let i = 0; i < texts[lang].length; i++) {
      if (i > 0 && i % perTurn === 0) await new Promise((r) => setImmediate(r));
      out[lang].push(recognise(texts[lang][i] as string, lang));
    }
  }
  return out;
}

/** A bundle's messages as one recogniser takes them: both held-out splits and the uncovered set. */
export interface BundleRecognitions {
  tests: Record<Lang, Recognition[]>;
  dev: Record<Lang, Recognition[]>;
  uncovered: Record<Lang, Recognition[]>;
}

/** Recognises every message Test all scores, in the bundle's order, yielding as it goes. */
export async function recogniseBundleYielding(
  bundle: ContentBundle,
  recognise: (text: string, lang: Lang) => Recognition,
): Promise<BundleRecognitions> {
  return {
    tests: await recogniseYielding(textsOf(bundle.tests), recognise),
    dev: await recogniseYielding(textsOf(bundle.dev), recognise),
    uncovered: await recogniseYielding(textsOf(uncoveredOf(bundle)), recognise),
  };
}

/** Whether the bundle has a topic: what `decide` asks of the content it answers from. */
function topicsOf(bundle: ContentBundle): (topic: string) => boolean {
  const ids = new Set<string>(bundle.topics.map((t) => t.id));
  return (topic) => ids.has(topic);
}

/** `recognitions` (in `texts`' order) as a lookup by text. */
function byText(texts: readonly string[], recognitions: readonly Recognition[]) {
  const map = new Map(texts.map((text, i) => [text, recognitions[i] as Recognition]));
  return (text: string) => map.get(text) as Recognition;
}

/**
 * Scores a split from whole recognitions (recogniseYielding): the recogniser's figures as
 * scoreClassified gives them, and the chat's outcomes under the dialogue's default settings.
 */
export function scoreRecognised(
  bundle: ContentBundle,
  split: HeldOutSplit,
  recognitions: Record<Lang, Recognition[]>,
): SplitReport {
  const report = scoreClassified(bundle, split, {
    fi: recognitions.fi.map((r) => r.intent),
    sv: recognitions.sv.map((r) => r.intent),
  });
  const has = topicsOf(bundle);
  for (const lang of LANGS) {
    const cases = bundle[split][lang];
    const recognise = byText(
      cases.map((c) => c.text),
      recognitions[lang],
    );
    report[lang].chat = chatOutcomes(cases, recognise, has, DEFAULT_DIALOGUE_SETTINGS);
  }
  return report;
}

/**
 * The uncovered set's score per language from its recognitions (in the bundle's order), as
 * content:test scores it: what the chat would answer with a topic's text. `answering` is the
 * content whose topics the chat answers from (another version asked the same questions).
 */
export function scoreUncoveredRecognised(
  bundle: ContentBundle,
  recognitions: Record<Lang, Recognition[]>,
  answering: ContentBundle = bundle,
): Record<Lang, UncoveredScore> {
  const has = topicsOf(answering);
  const uncovered = uncoveredOf(bundle);
  const score = (lang: Lang) => {
    const cases = uncovered[lang];
    const recognise = byText(
      cases.map((c) => c.text),
      recognitions[lang],
    );
    return scoreUncovered(cases, decidedBy(recognise, has, DEFAULT_DIALOGUE_SETTINGS));
  };
  return { fi: score("fi"), sv: score("sv") };
}

/** An uncovered question the two versions answer differently (`uncoveredChanges`). */
export interface UncoveredChange {
  text: string;
  lang: Lang;
  live?: string;
  draft?: string;
}

/**
 * The uncovered questions whose answer differs between the live version and the tested one:
 * answered with a topic by one and not the other, or with another topic (`live`, `draft`:
 * the topic each answers with, absent when it gives none), in the tested bundle's order.
 */
export function uncoveredChanges(
  bundle: ContentBundle,
  tested: Record<Lang, UncoveredScore>,
  live: Record<Lang, UncoveredScore>,
): UncoveredChange[] {
  const changes: UncoveredChange[] = [];
  const topics = (score: UncoveredScore) =>
    new Map(score.answeredWith.map((a) => [a.text, a.topic]));
  for (const lang of LANGS) {
    const [now, before] = [topics(tested[lang]), topics(live[lang])];
    for (const { text } of uncoveredOf(bundle)[lang]) {
      const [draft, was] = [now.get(text), before.get(text)];
      if (draft === was) continue;
      changes.push({
        text,
        lang,
        ...(was !== undefined ? { live: was } : {}),
        ...(draft !== undefined ? { draft } : {}),
      });
    }
  }
  return changes;
}

/** A held-out message the live version and the tested content answer with different topics. */
export interface ChangedAnswer {
  text: string;
  lang: Lang;
  split: HeldOutSplit;
  /** The message's own topic (`none` when no topic should answer it). */
  expected: string;
  live: string;
  draft: string;
}

/**
 * The messages of `split` whose intent the tested content (`tested`) and the live version
 * (`live`) give differently, both in the bundle's case order, Finnish first: Test all's and a
 * version's test's `changed`, and what the publish gate counts against live.
 */
export function changedAnswers(
  bundle: ContentBundle,
  split: HeldOutSplit,
  tested: Record<Lang, readonly string[]>,
  live: Record<Lang, readonly string[]>,
): ChangedAnswer[] {
  const changed: ChangedAnswer[] = [];
  for (const lang of LANGS) {
    bundle[split][lang].forEach((c, i) => {
      const [draft, before] = [tested[lang][i] as string, live[lang][i] as string];
      if (draft === before) return;
      changed.push({ text: c.text, lang, split, expected: c.intent, live: before, draft });
    });
  }
  return changed;
}

/**
 * Per language, how many of `changed` (one split's, `changedAnswers`) the tested content
 * newly gets wrong and how many it fixes, against live version `version`.
 */
export function againstLive(
  version: number,
  changed: readonly ChangedAnswer[],
): Record<Lang, AgainstLive> {
  const counts = (lang: Lang): AgainstLive => {
    const effects = changed.filter((c) => c.lang === lang).map(changeEffect);
    return {
      version,
      newMistakes: effects.filter((e) => e === "broken").length,
      fixed: effects.filter((e) => e === "fixed").length,
    };
  };
  return { fi: counts("fi"), sv: counts("sv") };
}

/** Scores a split from intents already worked out (classifySplitYielding), in case order. */
export function scoreClassified(
  bundle: ContentBundle,
  split: HeldOutSplit,
  intents: Record<Lang, string[]>,
): SplitReport {
  return Object.fromEntries(
    LANGS.map((lang) => {
      const got = intents[lang];
      let i = 0;
      return [lang, scoreCases(bundle[split][lang], () => got[i++] ?? "")];
    }),
  ) as SplitReport;
}

/**
 * The gate's verdict on a test-split report, and on the uncovered set's score when the
 * version has one: one finding per language and shortfall.
 */
export function gateFindings(
  report: SplitReport,
  uncovered?: Record<Lang, UncoveredScore>,
): ReturnType<typeof finding>[] {
  const failures: ReturnType<typeof finding>[] = [];
  for (const lang of LANGS) {
    const u = uncovered?.[lang];
    // A version stored before the set was kept has no questions: nothing to hold it to.
    if (u && u.cases > 0 && u.answered > MAX_UNCOVERED_ANSWERED) {
      failures.push(
        finding("gateUncovered", {
          lang,
          share: u.answered,
          max: MAX_UNCOVERED_ANSWERED,
          answered: u.answeredWith.length,
          cases: u.cases,
          topics: [...new Set(u.answeredWith.map((a) => a.topic))],
        }),
      );
    }
    const r = report[lang];
    if (r.total === 0) failures.push(finding("gateNoTests", { lang }));
    if (r.accuracy < MIN_ACCURACY) {
      failures.push(finding("gateAccuracy", { lang, share: r.accuracy, min: MIN_ACCURACY }));
    }
    if (r.noneRecall < MIN_NONE_RECALL) {
      failures.push(finding("gateNoneRecall", { lang, share: r.noneRecall, min: MIN_NONE_RECALL }));
    }
    // A new topic can take another's messages while the whole still scores well.
    for (const t of r.perTopic) {
      if (t.recall >= MIN_GATE_TOPIC_RECALL) continue;
      failures.push(
        finding("gateTopicRecall", {
          lang,
          topic: t.topic,
          share: t.recall,
          min: MIN_GATE_TOPIC_RECALL,
          support: t.support,
        }),
      );
    }
  }
  return failures;
}

/** The gate's verdict as the content's errors: what publishing and test-all show alike. */
export function gateIssues(
  report: SplitReport,
  uncovered?: Record<Lang, UncoveredScore>,
): ContentIssue[] {
  return gateFindings(report, uncovered).map((said) => ({
    severity: "error",
    path: said.finding.code === "gateUncovered" ? "uncovered" : "tests",
    ...said,
  }));
}

/**
 * What a version keeps of the gate's verdict (`VersionScores`): the test split's figures, the
 * uncovered questions' share answered with a topic and, when compared, its new mistakes and
 * fixes against the live version (`againstLive`), per language, for the Versions page.
 */
export function versionScores(
  report: SplitReport,
  uncovered: Record<Lang, UncoveredScore>,
  compared?: Record<Lang, AgainstLive>,
): VersionScores {
  const kept = (lang: Lang) => {
    const { total, accuracy, noneRecall } = report[lang];
    const { answered, cases } = uncovered[lang];
    return {
      total,
      accuracy,
      noneRecall,
      uncoveredAnswered: answered,
      uncoveredCases: cases,
      ...(compared ? { againstLive: compared[lang] } : {}),
    };
  };
  return { fi: kept("fi"), sv: kept("sv") };
}
