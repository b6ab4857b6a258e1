import { describe, expect, it } from "vitest";
import { CapacitySearch } from "./capacitySearch.ts";

/** Runs a search against a server that serves up to `limit` customers; returns the steps. */
function searchAgainst(limit: number): { steps: number[]; found: number | null } {
  const search = new CapacitySearch();
  const steps: number[] = [];
  for (let next = search.next(); next !== null; next = search.next()) {
    steps.push(next);
    search.record(next, next <= limit);
    if (steps.length > 50) throw new Error("the search does not end");
  }
  return { steps, found: search.served };
}

describe("the capacity search", () => {
  it("doubles until a step is not served, then narrows the bracket to a tenth", () => {
    const { steps, found } = searchAgainst(700);
    expect(steps.slice(0, 4)).toEqual([100, 200, 400, 800]);
    expect(found).toBeLessThanOrEqual(700);
    // The bracket it stops with is within 10 % of what it reports.
    expect(found).toBeGreaterThanOrEqual(700 / 1.1);
    expect(steps.length).toBeLessThanOrEqual(8);
  });

  it("goes below the first step when even that is not served", () => {
    const { steps, found } = searchAgainst(60);
    expect(steps[0]).toBe(100);
    expect(steps[1]).toBe(50);
    expect(found).toBeGreaterThanOrEqual(50);
    expect(found).toBeLessThanOrEqual(60);
  });

  it("reports nothing served when the server serves almost nobody", () => {
    expect(searchAgainst(5).found).toBeNull();
  });

  it("stops at its ceiling rather than measuring the driver itself", () => {
    const { steps, found } = searchAgainst(1_000_000);
    expect(Math.max(...steps)).toBeLessThanOrEqual(3_200);
    expect(found).toBe(3_200);
  });
});
