import type { Lang } from "../../contracts/lang.ts";
import {
  WAIT_BUCKETS,
  type WaitBucket,
  waitDistribution,
  waitPercentile,
  waitsCounted,
} from "./queueWaits.ts";
import { COUNTERS, type CounterRow, type Counts, type ReportRows } from "./reportEvents.ts";

export interface SummaryFilter {
  /** First and last day included, YYYY-MM-DD (Europe/Helsinki). */
  from: string;
  to: string;
  lang?: Lang;
  topic?: string;
}

/**
 * Counts plus the rates people read; rates are null when their denominator is zero. The queue
 * wait ranges are summed into `queueTaken` and the two wait figures here, and given as ranges
 * once for the whole report (`queueWaits`).
 */
export interface Figures extends Omit<Counts, WaitBucket> {
  containmentRate: number | null;
  averageScore: number | null;
  gotHelpShare: number | null;
  surveyResponseRate: number | null;
  missRate: number | null;
  /** Share of answer votes that said the answer helped. */
  helpfulShare: number | null;
  /** Requests an advisor took from the queue, the first advisor of each chat. */
  queueTaken: number;
  /** Median and 90th percentile of their waits in seconds, estimated from the ranges. */
  queueWaitMedianSeconds: number | null;
  queueWaitP90Seconds: number | null;
  /** Abandoned requests ÷ queued requests. */
  queueAbandonedShare: number | null;
}

/** One wrap-up reason of the period: a topic id or "other", and its share of the wrap-ups. */
export interface WrapupReason {
  reason: string;
  wrapups: number;
  share: number | null;
}

export interface ReportSummary {
  from: string;
  to: string;
  lang: Lang | null;
  topic: string | null;
  totals: Figures;
  /** Satisfaction 1-5: how many answered each score. */
  scoreDistribution: Record<"1" | "2" | "3" | "4" | "5", number>;
  byDay: ({ day: string } & Figures)[];
  byLang: ({ lang: Lang } & Figures)[];
  byTopic: ({ topic: string } & Figures)[];
  /** The advisors' wrap-up reasons, most used first (reason ids in order on a tie). */
  wrapupReasons: WrapupReason[];
  /** Waits of the requests advisors took, per range: `underSeconds` null is an hour or more. */
  queueWaits: { underSeconds: number | null; chats: number }[];
}

function zero(): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
}

function add(into: Counts, counts: Partial<Counts>): void {
  for (const c of COUNTERS) into[c] += counts[c] ?? 0;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

const WAIT_BUCKET_NAMES: ReadonlySet<string> = new Set(WAIT_BUCKETS);

function figures(counts: Counts): Figures {
  const c: Omit<Counts, WaitBucket> = Object.fromEntries(
    Object.entries(counts).filter(([name]) => !WAIT_BUCKET_NAMES.has(name)),
  ) as Omit<Counts, WaitBucket>;
  return {
    ...c,
    containmentRate: ratio(c.botOnlyChats, c.chats),
    averageScore: c.surveys === 0 ? null : Math.round((c.scoreSum / c.surveys) * 100) / 100,
    gotHelpShare: ratio(c.gotHelp, c.surveys),
    surveyResponseRate: ratio(c.surveys, c.chats),
    missRate: ratio(c.misses, c.botAnswers),
    helpfulShare: ratio(c.helpful, c.helpful + c.unhelpful),
    queueTaken: waitsCounted(counts),
    queueWaitMedianSeconds: waitPercentile(counts, 0.5),
    queueWaitP90Seconds: waitPercentile(counts, 0.9),
    queueAbandonedShare: ratio(c.queueAbandoned, c.handoffsQueued),
  };
}

/** Whether a topic row holds anything but wrap-ups: a reason alone is no topic of chats. */
function hasChatFigures(counts: Counts): boolean {
  return COUNTERS.some((name) => name !== "wrapups" && counts[name] !== 0);
}

function grouped<K extends string>(
  rows: CounterRow[],
  key: (row: CounterRow) => K,
): Map<K, Counts> {
  const groups = new Map<K, Counts>();
  for (const row of rows) {
    const k = key(row);
    const counts = groups.get(k) ?? zero();
    groups.set(k, counts);
    add(counts, row.counts);
  }
  return groups;
}

/** Sums counter rows into the report a supervisor asked for. Pure. */
export function summarize(rows: ReportRows, filter: SummaryFilter): ReportSummary {
  // A month's roll-up is dated to its first day, and only whole months in the period have one.
  const keep = (r: CounterRow) =>
    r.day >= filter.from &&
    r.day <= filter.to &&
    (!filter.lang || r.lang === filter.lang) &&
    (!filter.topic || r.topic === filter.topic);
  const daily = rows.daily.filter(keep);
  const topics = rows.byTopic.filter(keep);
  const totals = zero();
  for (const row of daily) add(totals, row.counts);
  const sorted = <K extends string>(m: Map<K, Counts>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const perTopic = sorted(grouped(topics, (r) => r.topic));
  const reasons = perTopic.filter(([, c]) => c.wrapups > 0);
  const wrapups = reasons.reduce((sum, [, c]) => sum + c.wrapups, 0);
  return {
    from: filter.from,
    to: filter.to,
    lang: filter.lang ?? null,
    topic: filter.topic ?? null,
    totals: figures(totals),
    scoreDistribution: {
      "1": totals.score1,
      "2": totals.score2,
      "3": totals.score3,
      "4": totals.score4,
      "5": totals.score5,
    },
    byDay: sorted(grouped(daily, (r) => r.day)).map(([day, c]) => ({ day, ...figures(c) })),
    byLang: sorted(grouped(daily, (r) => r.lang)).map(([lang, c]) => ({ lang, ...figures(c) })),
    byTopic: perTopic
      .filter(([, c]) => hasChatFigures(c))
      .map(([topic, c]) => ({ topic, ...figures(c) }))
      // Most chats first: answers are a different unit (a chat has several), and adding the
      // two put a topic that is asked a lot within few chats above one that starts many.
      // Ties keep the topic ids' order (the sort is stable).
      .sort((a, b) => b.chats - a.chats),
    wrapupReasons: reasons
      .map(([reason, c]) => ({ reason, wrapups: c.wrapups, share: ratio(c.wrapups, wrapups) }))
      .sort((a, b) => b.wrapups - a.wrapups),
    queueWaits: waitDistribution(totals),
  };
}
