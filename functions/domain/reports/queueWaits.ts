/**
 * How long customers waited in the queue for an advisor, kept as a histogram of fixed time
 * ranges per day counter row: a report over any period stays a sum of counters, and its
 * median and 90th percentile are estimated from the summed ranges. Each range is about
 * half again or twice the one before (log scale), so an estimate is off by at most its
 * range: seconds for short waits, minutes for long ones.
 */

/** Upper ends (exclusive) of the ranges in seconds; the last range is open-ended. */
export const WAIT_BOUNDS = [15, 30, 60, 90, 120, 180, 300, 600, 900, 1800, 3600] as const;

/** The counter of each range, named by its upper end: stable attribute names in storage. */
export const WAIT_BUCKETS = [
  "queueWaitUnder15s",
  "queueWaitUnder30s",
  "queueWaitUnder60s",
  "queueWaitUnder90s",
  "queueWaitUnder120s",
  "queueWaitUnder180s",
  "queueWaitUnder300s",
  "queueWaitUnder600s",
  "queueWaitUnder900s",
  "queueWaitUnder1800s",
  "queueWaitUnder3600s",
  "queueWait3600sOrMore",
] as const;
export type WaitBucket = (typeof WAIT_BUCKETS)[number];

/** The range counter a wait of `seconds` adds to (negative waits, from clock skew, are 0). */
export function waitBucket(seconds: number): WaitBucket {
  const index = WAIT_BOUNDS.findIndex((upper) => seconds < upper);
  return WAIT_BUCKETS[index === -1 ? WAIT_BUCKETS.length - 1 : index] as WaitBucket;
}

/** Waits counted: the sum over the ranges. */
export function waitsCounted(counts: Readonly<Record<WaitBucket, number>>): number {
  return WAIT_BUCKETS.reduce((sum, bucket) => sum + counts[bucket], 0);
}

/**
 * The `p`-quantile (0 < p <= 1) of the waits in the ranges, in whole seconds: the range in
 * which the p·n-th wait falls, interpolated linearly within it (waits are taken as spread
 * evenly over their range). In the open last range it is that range's start, one hour: a
 * lower bound. Null without waits.
 */
export function waitPercentile(
  counts: Readonly<Record<WaitBucket, number>>,
  p: number,
): number | null {
  const total = waitsCounted(counts);
  if (total <= 0) return null;
  const rank = p * total;
  let before = 0;
  for (const [i, bucket] of WAIT_BUCKETS.entries()) {
    const inRange = counts[bucket];
    if (inRange > 0 && before + inRange >= rank) {
      const lower = i === 0 ? 0 : (WAIT_BOUNDS[i - 1] as number);
      const upper = WAIT_BOUNDS[i];
      if (upper === undefined) return lower;
      return Math.round(lower + ((upper - lower) * (rank - before)) / inRange);
    }
    before += inRange;
  }
  // Only reached when negative counts (a bad row) make the ranges sum to less than `total`.
  return null;
}

/** The ranges as the API gives them: each one's upper end in seconds (null: open) and count. */
export function waitDistribution(
  counts: Readonly<Record<WaitBucket, number>>,
): { underSeconds: number | null; chats: number }[] {
  return WAIT_BUCKETS.map((bucket, i) => ({
    underSeconds: WAIT_BOUNDS[i] ?? null,
    chats: counts[bucket],
  }));
}
