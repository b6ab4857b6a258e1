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
  it("is zero for the first in line", () => {
    expect(estimateWaitSeconds(1, 1, 390)).toBe(0);
  });

  it("grows with the line and shrinks with more advisors", () => {
    const oneAdvisor = estimateWaitSeconds(5, 1, 390);
    const threeAdvisors = estimateWaitSeconds(5, 3, 390);
    expect(oneAdvisor).toBeGreaterThan(threeAdvisors);
    expect(estimateWaitSeconds(6, 1, 390)).toBeGreaterThan(oneAdvisor);
  });

  it("never divides by zero advisors", () => {
    expect(Number.isFinite(estimateWaitSeconds(3, 0, 390))).toBe(true);
  });

  it("rounds to whole minutes", () => {
    expect(estimateWaitSeconds(4, 2, 390) % 60).toBe(0);
  });
});
