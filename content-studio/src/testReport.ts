/**
 * The test-all report as table rows: per topic and language, worst first or by topic; and the
 * messages whose topic changes, each said to be a new mistake, a fix or another wrong topic.
 */

import {
  CHANGE_EFFECTS,
  type ChangeEffect,
  changeEffect,
} from "../../functions/contracts/changedAnswers.ts";
import {
  MAX_UNCOVERED_ANSWERED,
  MIN_GATE_TOPIC_RECALL,
  MIN_TOPIC_RECALL,
} from "../../functions/contracts/contentTargets.ts";
import type { ChangedAnswer, Lang, SplitName, SplitReport, TestAllResult } from "./api.ts";
import type { UiText } from "./i18n.ts";

// The rule is the service's too: the publish gate counts a version's new mistakes by it.
export { CHANGE_EFFECTS, type ChangeEffect, changeEffect };

export interface TopicRow {
  topic: string;
  lang: Lang;
  precision: number;
  recall: number;
  support: number;
}

export interface ConfusionRow {
  lang: Lang;
  expected: string;
  got: string;
  count: number;
}

/** The weaker of precision and recall: what "worst" sorts by. */
export function weakness(row: Pick<TopicRow, "precision" | "recall">): number {
  return Math.min(row.precision, row.recall);
}

/**
 * Rows of both languages. "worst": the weakest score first, then more messages first (a miss
 * on a frequent topic costs more), then topic; "topic": by topic as the table names it
 * (`nameOf`, the title in the studio's language; the id without it), Finnish before Swedish.
 */
export function topicRows(
  report: SplitReport,
  order: "worst" | "topic",
  nameOf: (topic: string) => string = (topic) => topic,
): TopicRow[] {
  const rows: TopicRow[] = (["fi", "sv"] as const).flatMap((lang) =>
    report[lang].perTopic.map((s) => ({ ...s, lang })),
  );
  const byTopic = (a: TopicRow, b: TopicRow) =>
    nameOf(a.topic).localeCompare(nameOf(b.topic), "fi") ||
    a.topic.localeCompare(b.topic) ||
    a.lang.localeCompare(b.lang);
  return rows.sort(
    order === "worst"
      ? (a, b) => weakness(a) - weakness(b) || b.support - a.support || byTopic(a, b)
      : byTopic,
  );
}

/**
 * How a topic's recall stands against the two thresholds: `blocks` under the gate's floor on
 * the test split (publishing stops there), `target` under content:test's target only (a goal
 * that does not block publishing; the dev split never blocks).
 */
export function topicMark(recall: number, split: SplitName): "blocks" | "target" | undefined {
  if (split === "tests" && recall < MIN_GATE_TOPIC_RECALL) return "blocks";
  return recall < MIN_TOPIC_RECALL ? "target" : undefined;
}

/** Confusion pairs of both languages, most frequent first. */
export function confusionRows(report: SplitReport): ConfusionRow[] {
  return (["fi", "sv"] as const)
    .flatMap((lang) => report[lang].confusions.map((c) => ({ ...c, lang })))
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.expected.localeCompare(b.expected) ||
        a.got.localeCompare(b.got) ||
        a.lang.localeCompare(b.lang),
    );
}

/** The changed answers with their effect, new mistakes first, then wrong ones, then fixes. */
export function changedRows(
  changed: readonly ChangedAnswer[],
): (ChangedAnswer & { effect: ChangeEffect })[] {
  // Array sort is stable: within an effect the server's order (split, language) stays.
  return changed
    .map((c) => ({ ...c, effect: changeEffect(c) }))
    .sort((a, b) => CHANGE_EFFECTS.indexOf(a.effect) - CHANGE_EFFECTS.indexOf(b.effect));
}

/** How many changed answers have each effect. */
export function effectCounts(changed: readonly ChangedAnswer[]): Record<ChangeEffect, number> {
  const counts: Record<ChangeEffect, number> = { broken: 0, changed: 0, fixed: 0 };
  for (const c of changed) counts[changeEffect(c)]++;
  return counts;
}

/**
 * The counts per split, test split first, only when both splits have changes: a version's card
 * counts the test split alone, and its test lists both, so the two must be told apart.
 */
export function splitEffectCounts(
  changed: readonly ChangedAnswer[],
): { split: SplitName; counts: Record<ChangeEffect, number> }[] {
  const splits = (["tests", "dev"] as const).map((split) => ({
    split,
    counts: effectCounts(changed.filter((c) => c.split === split)),
  }));
  const present = splits.filter(({ counts }) => counts.broken + counts.changed + counts.fixed > 0);
  return present.length > 1 ? present : [];
}

/** The counts as a sentence to add to a test's announcement; empty when nothing changes. */
export function changedSaid(changed: readonly ChangedAnswer[], t: UiText): string {
  return changed.length ? ` ${t.changedSummary(effectCounts(changed))}.` : "";
}

/** One uncovered question the tested content would answer with a topic's text. */
export interface UncoveredRow {
  text: string;
  lang: Lang;
  topic: string;
  /** The live version gives it no topic's answer: the tested content's doing. */
  newly: boolean;
}

type UncoveredPart = Pick<TestAllResult, "uncovered" | "uncoveredChanged">;

/**
 * The uncovered questions the tested content answers with a topic, both languages: newly
 * answered first (what the change being tested brings), then in the set's order, Finnish first.
 */
export function uncoveredRows(report: UncoveredPart): UncoveredRow[] {
  const newly = new Set(
    (report.uncoveredChanged ?? [])
      .filter((c) => c.draft !== undefined && c.live === undefined)
      .map((c) => `${c.lang}\u0000${c.text}`),
  );
  const rows = (["fi", "sv"] as const).flatMap((lang) =>
    (report.uncovered?.[lang].answeredWith ?? []).map((a) => ({
      ...a,
      lang,
      newly: newly.has(`${lang}\u0000${a.text}`),
    })),
  );
  // A stable sort: the set's order stays within each group.
  return rows.sort((a, b) => Number(b.newly) - Number(a.newly));
}

/** How many uncovered questions the live version answers with a topic and the tested one not. */
export function uncoveredNoLonger(report: UncoveredPart): number {
  return (report.uncoveredChanged ?? []).filter((c) => c.live !== undefined && !c.draft).length;
}

/** Whether a language's uncovered share is one the publish gate refuses. */
export function overUncoveredLimit(answered: number): boolean {
  return answered > MAX_UNCOVERED_ANSWERED;
}
