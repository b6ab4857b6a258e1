/** The test-all report as table rows: per topic and language, worst first or by topic. */
import type { Lang, SplitReport } from "./api.ts";

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
 * on a frequent topic costs more), then topic; "topic": by topic, Finnish before Swedish.
 */
export function topicRows(report: SplitReport, order: "worst" | "topic"): TopicRow[] {
  const rows: TopicRow[] = (["fi", "sv"] as const).flatMap((lang) =>
    report[lang].perTopic.map((s) => ({ ...s, lang })),
  );
  const byTopic = (a: TopicRow, b: TopicRow) =>
    a.topic.localeCompare(b.topic) || a.lang.localeCompare(b.lang);
  return rows.sort(
    order === "worst"
      ? (a, b) => weakness(a) - weakness(b) || b.support - a.support || byTopic(a, b)
      : byTopic,
  );
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
