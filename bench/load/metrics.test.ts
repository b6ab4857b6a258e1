import { describe, expect, it } from "vitest";
import { errorCount, errorKinds } from "./metrics.ts";

describe("errors of several bench runs", () => {
  it("sum each kind over the runs, so the kinds add up to the count", () => {
    const runs = [
      { errors: new Map([["handoff:not-accepted", 5]]) },
      {
        errors: new Map([
          ["handoff:not-accepted", 3],
          ["SERVICE_UNAVAILABLE", 1],
        ]),
      },
    ];

    expect(errorKinds(runs)).toEqual({ "handoff:not-accepted": 8, SERVICE_UNAVAILABLE: 1 });
    const total = runs.reduce((a, r) => a + errorCount(r), 0);
    expect(Object.values(errorKinds(runs)).reduce((a, b) => a + b, 0)).toBe(total);
  });
});
