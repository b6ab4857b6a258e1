import { describe, expect, it } from "vitest";
import { burstCauses, newMetrics } from "./load/metrics.ts";
import { SLOT_MS, type StallTimeline, startStallTimeline, worstBetween } from "./stallTimeline.ts";

describe("a process's stall timeline", () => {
  it("records a blocked event loop in the tenth of a second it happened", async () => {
    const timeline = startStallTimeline();
    try {
      await new Promise((r) => setTimeout(r, 30));
      const blockedFrom = Date.now();
      while (Date.now() - blockedFrom < 120) {
        // Hold the event loop, as a long synchronous task would.
      }
      await new Promise((r) => setTimeout(r, 30));
      const slots = timeline.read();
      const worst = worstBetween(slots, blockedFrom, Date.now() + SLOT_MS);
      expect(worst.loopLateMs).toBeGreaterThanOrEqual(90);
      const before = worstBetween(slots, blockedFrom - 1_000, blockedFrom - SLOT_MS);
      expect(before.loopLateMs).toBeLessThan(90);
    } finally {
      timeline.stop();
    }
  });
});

describe("the causes of a burst of slow replies", () => {
  it("name the process that stalled in the burst's second, and the topics slow beyond their share", () => {
    const startedAt = performance.now();
    const startEpoch = performance.timeOrigin + startedAt;
    const metrics = newMetrics();
    // 10 s of replies, 20 a second at 10 ms; in second 4 ten of them took 300 ms.
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 20; i++) {
        const slow = second === 4 && i < 10;
        metrics.replyMs.push(slow ? 300 : 10);
        // 20 ms into the slot: startedAt is fractional, and a reply at exactly a second's
        // start could round into the second before.
        metrics.replyAt.push(startedAt + second * 1_000 + 20 + i * 40);
        // A handoff is one reply in twenty, but most of the slow ones.
        metrics.replyTopic.push(i === 0 || (slow && i < 8) ? "human-advisor" : "tax-card");
      }
    }
    const server: StallTimeline = {
      [Math.floor((startEpoch + 4_200) / SLOT_MS)]: { loopLateMs: 280, gcMs: 0, gcMajorMs: 0 },
    };
    const driver: StallTimeline = {
      [Math.floor((startEpoch + 4_200) / SLOT_MS)]: { loopLateMs: 3, gcMs: 1, gcMajorMs: 0 },
    };

    const text = burstCauses(metrics, startedAt, [
      { name: "server", stalls: server },
      { name: "driver", stalls: driver },
    ]);

    const [burst, typical, topics] = text.split(" | ");
    expect(burst).toBe(
      "4s×10: server late 280 ms, gc 0 (major 0); driver late 3 ms, gc 1 (major 0)",
    );
    expect(typical).toMatch(/^typical \d+s: server late 0 ms/);
    expect(topics).toBe("topics over-represented in the slowest 1 %: human-advisor 80 %/9 %");
  });
});
