import { describe, expect, it } from "vitest";
import { decideRoute, estimateWaitSeconds } from "./routing.ts";

describe("decideRoute", () => {
  it.each([
    [{ open: false, availableAdvisors: 5, waiting: 0, queueLimit: 10 }, { kind: "closed" }],
    [
      { open: true, availableAdvisors: 0, waiting: 0, queueLimit: 10 },
      { kind: "unavailable", reason: "no-advisors" },
    ],
    [
      { open: true, availableAdvisors: 2, waiting: 10, queueLimit: 10 },
      { kind: "unavailable", reason: "queue-full" },
    ],
    [{ open: true, availableAdvisors: 1, waiting: 9, queueLimit: 10 }, { kind: "queue" }],
  ])("routes %j to %j", (input, expected) => {
    expect(decideRoute(input)).toEqual(expected);
  });
});

describe("estimateWaitSeconds", () => {
  const AVERAGE = 480;
  /** `advisors` available, each with a cap of `cap` chats and holding `holding` of them. */
  const team = (advisors: number, cap: number, holding: number) => ({
    slots: advisors * cap,
    free: advisors * Math.max(0, cap - holding),
  });

  it("counts every chat an advisor can hold: eighth in line with one busy advisor of three chats waits about 20 minutes", () => {
    // Seven ahead plus the customer need eight endings among three chats in progress, one
    // every 160 s, the first after 80 s: 7.5 x 160 s. One chat at a time said 60 minutes.
    expect(estimateWaitSeconds(8, team(1, 3, 3), AVERAGE)).toBe(20 * 60);
  });

  it("takes the customers who fit in free slots at once, and counts only the rest", () => {
    expect(estimateWaitSeconds(3, team(1, 3, 0), AVERAGE)).toBe(0);
    // Five of eight fit nowhere yet: 4.5 x 160 s.
    expect(estimateWaitSeconds(8, team(1, 3, 0), AVERAGE)).toBe(12 * 60);
  });

  it("does not promise the first in line under a minute when every available advisor is at their limit", () => {
    expect(estimateWaitSeconds(1, team(1, 3, 3), AVERAGE)).toBe(60);
    expect(estimateWaitSeconds(1, team(2, 1, 1), AVERAGE)).toBe(2 * 60);
    expect(estimateWaitSeconds(1, team(2, 1, 0), AVERAGE)).toBe(0);
  });

  it("grows with the line and shrinks with more slots", () => {
    const one = estimateWaitSeconds(6, team(1, 2, 2), AVERAGE);
    expect(estimateWaitSeconds(6, team(3, 2, 2), AVERAGE)).toBeLessThan(one);
    expect(estimateWaitSeconds(9, team(1, 2, 2), AVERAGE)).toBeGreaterThan(one);
  });

  it("still says a wait when no advisor is available, as one slot", () => {
    expect(estimateWaitSeconds(3, { slots: 0, free: 0 }, AVERAGE)).toBe(Math.round(2.5 * 8) * 60);
  });

  it("rounds to whole minutes", () => {
    expect(estimateWaitSeconds(4, team(2, 3, 3), 390) % 60).toBe(0);
  });
});
