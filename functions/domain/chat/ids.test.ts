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
    const buckets = new Array(32).fill(0);
    for (let i = 0; i < 32_000; i++) {
      const r = random();
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
      buckets[Math.floor(r * 32)]++;
    }
    // About 1,000 each; a pool that stopped refilling would repeat 64 values.
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });
});
