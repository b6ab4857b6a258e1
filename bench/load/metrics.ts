// What one measured run records, and the arithmetic the report does on it.
import { type StallTimeline, worstBetween } from "../stallTimeline.ts";

export interface RunMetrics {
  replyMs: number[];
  /** performance.now() at which each of replyMs arrived (same order). */
  replyAt: number[];
  /** The topic each of replyMs answered from ("no topic": a miss, a system message). */
  replyTopic: string[];
  /** Customer → advisor and advisor → customer, send to arrival. */
  relayMs: number[];
  /** The customer → advisor leg alone. */
  relayToAdvisorMs: number[];
  handoffs: number;
  /** Messages sent while the chat waited in the queue (acked, stored, not answered). */
  whileQueued: number;
  /**
   * Simulated advisors' answers refused CHAT_ENDED because the customer ended the chat
   * meanwhile: the protocol's answer to that race, not an error.
   */
  advisorRepliesAfterEnd: number;
  sent: number;
  acked: number;
  /** Acks and deliveries before the measured phase ended, for the per-second rates. */
  ackedInPhase: number;
  deliveredInPhase: number;
  /** performance.now() at which the measured phase ends (customers ask nothing after it). */
  phaseEndsAt: number;
  ackCounts: Map<string, number>;
  delivered: number;
  errors: Map<string, number>;
  chatsEnded: number;
  surveys: number;
  /** Chats that were queued for a person at some point (asked, or the bot kept missing). */
  queuedChats: Set<string>;
  /** Votes on bot answers acknowledged (chat:feedback), when customers vote. */
  votes: number;
}

/**
 * One run's shared state: its metrics, and the send times by clientId that let whoever
 * receives a message (a customer or an advisor) time it. Per run, so that runs in turn on one
 * server (publishing, learning, capacity steps) never see each other's messages.
 */
export interface LoadRun {
  metrics: RunMetrics;
  /** When a customer's message was sent, by clientId (an advisor may be the one to get it). */
  customerSentAt: Map<string, number>;
  /** When an advisor's message was sent, by clientId. */
  advisorSentAt: Map<string, number>;
  /** Simulated advisors are taking chats, so some customers ask for a person. */
  advisorsOnline: boolean;
  /** Customers vote on some answers (the --learning phases with the inbox on). */
  customersVote: boolean;
}

export function newLoadRun(): LoadRun {
  return {
    metrics: newMetrics(),
    customerSentAt: new Map(),
    advisorSentAt: new Map(),
    advisorsOnline: false,
    customersVote: false,
  };
}

export function newMetrics(): RunMetrics {
  return {
    replyMs: [],
    replyAt: [],
    replyTopic: [],
    relayMs: [],
    relayToAdvisorMs: [],
    handoffs: 0,
    whileQueued: 0,
    advisorRepliesAfterEnd: 0,
    sent: 0,
    acked: 0,
    ackedInPhase: 0,
    deliveredInPhase: 0,
    phaseEndsAt: Number.POSITIVE_INFINITY,
    ackCounts: new Map(),
    delivered: 0,
    errors: new Map(),
    chatsEnded: 0,
    surveys: 0,
    queuedChats: new Set(),
    votes: 0,
  };
}

export function countError(metrics: RunMetrics, kind: string): void {
  metrics.errors.set(kind, (metrics.errors.get(kind) ?? 0) + 1);
}

export function errorCount(metrics: Pick<RunMetrics, "errors">): number {
  return [...metrics.errors.values()].reduce((a, b) => a + b, 0);
}

/** Errors of several runs by kind, each kind summed over the runs. */
export function errorKinds(runs: readonly Pick<RunMetrics, "errors">[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const { errors } of runs) {
    for (const [kind, n] of errors) kinds[kind] = (kinds[kind] ?? 0) + n;
  }
  return kinds;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] as number;
}

export const round = (n: number, digits = 1) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null;

export const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Waits until `check` holds, polling; false if it did not within the timeout. */
export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Where in the phase the slowest 1 % of replies arrived, as "second×count" pairs: slow
 * replies bunched at a period (a timer's burst of writes) look different from slow replies
 * spread over the phase (per-request cost, collection pauses).
 */
export function slowReplyTimeline(metrics: RunMetrics, startedAt: number): string {
  if (metrics.replyMs.length < 100) return "too few replies";
  return [...slowSeconds(metrics, startedAt).slowBySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, n]) => `${second}s×${n}`)
    .join(" ");
}

/** The slowest 1 %'s threshold, how many of them arrived in each second, and every second with a reply. */
function slowSeconds(metrics: RunMetrics, startedAt: number) {
  const threshold = percentile(metrics.replyMs, 99);
  const slowBySecond = new Map<number, number>();
  const seconds = new Set<number>();
  metrics.replyMs.forEach((ms, i) => {
    const second = Math.floor(((metrics.replyAt[i] ?? startedAt) - startedAt) / 1_000);
    seconds.add(second);
    if (ms >= threshold) slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
  });
  return { threshold, slowBySecond, seconds };
}

/**
 * What each process did around the two seconds with most of the slowest 1 % of replies, beside
 * a typical second of the phase: how late its event loop ran (worst in the reply's second and
 * the one before) and how long it paused for GC. A burst that one process's stall explains
 * points at that process; a burst none of them explains points at the machine (another
 * process, the kernel) or at storage's queue.
 */
export function burstCauses(
  metrics: RunMetrics,
  startedAt: number,
  processes: readonly { name: string; stalls: StallTimeline }[],
): string {
  if (metrics.replyMs.length < 100) return "too few replies";
  const { threshold, slowBySecond, seconds } = slowSeconds(metrics, startedAt);
  const startEpoch = performance.timeOrigin + startedAt;
  const around = (second: number) =>
    processes
      .map(({ name, stalls }) => {
        const worst = worstBetween(
          stalls,
          startEpoch + (second - 1) * 1_000,
          startEpoch + (second + 1) * 1_000,
        );
        return `${name} late ${Math.round(worst.loopLateMs)} ms, gc ${Math.round(worst.gcMs)} (major ${Math.round(worst.gcMajorMs)})`;
      })
      .join("; ");
  const bursts = [...slowBySecond.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
  // A typical second: one whose window (it and the second before) holds no slow reply.
  const calm = [...seconds]
    .filter((s) => !slowBySecond.has(s) && !slowBySecond.has(s - 1))
    .sort((a, b) => a - b);
  const typical = calm[Math.floor(calm.length / 2)];
  return [
    ...bursts.map(([second, n]) => `${second}s×${n}: ${around(second)}`),
    ...(typical === undefined ? [] : [`typical ${typical}s: ${around(typical)}`]),
    `topics over-represented in the slowest 1 %: ${slowTopics(metrics, threshold)}`,
  ].join(" | ");
}

/**
 * The topics whose share of the slowest replies most exceeds their share of all replies, as
 * "topic slow-share/all-share": slow replies of one kind point at that kind's path (a
 * handoff, a sign-in offer), not at a burst.
 */
function slowTopics(metrics: RunMetrics, threshold: number): string {
  const all = new Map<string, number>();
  const slow = new Map<string, number>();
  metrics.replyTopic.forEach((topic, i) => {
    all.set(topic, (all.get(topic) ?? 0) + 1);
    if ((metrics.replyMs[i] ?? 0) >= threshold) slow.set(topic, (slow.get(topic) ?? 0) + 1);
  });
  const slowTotal = [...slow.values()].reduce((a, b) => a + b, 0);
  const total = metrics.replyTopic.length;
  if (slowTotal === 0 || total === 0) return "none";
  const pct = (n: number, of: number) => `${Math.round((100 * n) / of)} %`;
  const over = [...slow.entries()]
    .map(([topic, n]) => ({ topic, n, ratio: n / slowTotal / ((all.get(topic) ?? 1) / total) }))
    .filter(({ ratio, n }) => ratio > 2 && n > 1)
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, 3);
  if (over.length === 0) return "none";
  return over
    .map(({ topic, n }) => `${topic} ${pct(n, slowTotal)}/${pct(all.get(topic) ?? 0, total)}`)
    .join(", ");
}
