import { describe, expect, it } from "vitest";
import { createIdGenerator, pooledRandom } from "./ids.ts";

describe("message ids", () => {
  it("are distinct and sort in the order made, past many refills of the random pool", () => {
    const ids = createIdGenerator();
    const at = new Date("2026-11-23T10:00:00Z");
    const made = Array.from({ length: 2_000 }, () => ids.messageId(at));
    const later = ids.messageId(new Date(at.getTime() + 1));

    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    expect(later > (made.at(-1) as string)).toBe(true);
  });

  it("draw random characters evenly from the pool", () => {
    const random = pooledRandom(64);
    const draws = Array.from({ length: 32_000 }, () => random());
    const buckets = new Array(32).fill(0);
    for (const r of draws) buckets[Math.floor(r * 32)]++;

    // One assertion over all draws: 64,000 separate ones took seconds.
    expect(draws.filter((r) => !(r >= 0 && r < 1))).toEqual([]);
    // About 1,000 each; a pool that stopped refilling would repeat 64 values.
    expect(buckets.filter((count) => count <= 800)).toEqual([]);
  });
});
