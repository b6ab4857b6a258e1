import { describe, expect, it } from "vitest";
import { WAIT_BUCKETS, type WaitBucket, waitBucket, waitPercentile } from "./queueWaits.ts";

/** Range counts with `waits` each added to its range. */
function histogram(...waits: number[]): Record<WaitBucket, number> {
  const counts = Object.fromEntries(WAIT_BUCKETS.map((b) => [b, 0])) as Record<WaitBucket, number>;
  for (const seconds of waits) counts[waitBucket(seconds)] += 1;
  return counts;
}

describe("queue wait ranges", () => {
  it("puts a wait on a range's upper end into the next range, and a negative one into the first", () => {
    expect(waitBucket(14.9)).toBe("queueWaitUnder15s");
    expect(waitBucket(15)).toBe("queueWaitUnder30s");
    expect(waitBucket(-2)).toBe("queueWaitUnder15s");
    expect(waitBucket(3599)).toBe("queueWaitUnder3600s");
    expect(waitBucket(7200)).toBe("queueWait3600sOrMore");
  });

  it("estimates the median within the range that holds the middle wait", () => {
    // Ten waits from 70 to 79 s: all in 60-90 s, the true median 74.5 s.
    const counts = histogram(...Array.from({ length: 10 }, (_, i) => 70 + i));
    const median = waitPercentile(counts, 0.5) as number;
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThan(90);
    expect(median).toBe(75);
  });

  it("finds the 90th percentile in the range of the slow tenth, not among the many short waits", () => {
    // 90 customers taken within 15 s, 10 who waited 8-9 minutes.
    const counts = histogram(...Array(90).fill(10), ...Array(10).fill(500));
    expect(waitPercentile(counts, 0.5)).toBeLessThan(15);
    // The 90th wait is the last short one; the 91st the first long one.
    expect(waitPercentile(counts, 0.9)).toBe(15);
    expect(waitPercentile(counts, 0.95)).toBeGreaterThanOrEqual(300);
    expect(waitPercentile(counts, 0.95)).toBeLessThan(600);
  });

  it("gives an hour as a lower bound for waits past the last range, and null without waits", () => {
    expect(waitPercentile(histogram(4000, 5000), 0.5)).toBe(3600);
    expect(waitPercentile(histogram(), 0.5)).toBeNull();
  });
});
