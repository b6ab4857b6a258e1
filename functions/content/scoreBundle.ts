import { finding } from "../contracts/contentFindings.ts";
import {
  MIN_ACCURACY,
  MIN_GATE_TOPIC_RECALL,
  MIN_NONE_RECALL,
  MIN_TOPIC_RECALL,
} from "../contracts/contentTargets.ts";
import { LANGS, type Lang } from "../contracts/lang.ts";
import { NO_INTENT } from "../contracts/topics.ts";
import type { ContentBundle, HeldOutCase, HeldOutSplit } from "../domain/content/bundle.ts";
import type { ContentIssue } from "../domain/content/contentWorkflow.ts";

export { MIN_ACCURACY, MIN_GATE_TOPIC_RECALL, MIN_NONE_RECALL, MIN_TOPIC_RECALL };

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
  const out = { fi: [] as string[], sv: [] as string[] };
  for (const lang of LANGS) {
    const cases = bundle[split][lang];
    for (let i = 0; i < cases.length; i++) {
      if (i > 0 && i % perTurn === 0) await new Promise((r) => setImmediate(r));
      out[lang].push(classify((cases[i] as HeldOutCase).text, lang).intent);
    }
  }
  return out;
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

/** The gate's verdict on a test-split report: one finding per language and shortfall. */
export function gateFindings(report: SplitReport): ReturnType<typeof finding>[] {
  const failures: ReturnType<typeof finding>[] = [];
  for (const lang of LANGS) {
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
export function gateIssues(report: SplitReport): ContentIssue[] {
  return gateFindings(report).map((said) => ({ severity: "error", path: "tests", ...said }));
}
