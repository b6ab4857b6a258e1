import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../contracts/lang.ts";
import { loadOpeningHours } from "./load.ts";
import { closesAt, isOpen, nextOpening, openingPeriods } from "./schedule.ts";

const schedule = loadOpeningHours();

// Instants across several years, so both DST switches and every holiday type are hit;
// whole seconds half the time so the 9:00:00 / 16:00:00 edges are likely too.
const instant = fc.oneof(
  fc.date({
    min: new Date("2025-01-01T00:00:00Z"),
    max: new Date("2029-12-31T23:59:59Z"),
    noInvalidDate: true,
  }),
  fc
    .integer({
      min: Date.parse("2025-01-01T00:00:00Z") / 1800_000,
      max: Date.parse("2029-12-31T00:00:00Z") / 1800_000,
    })
    .map((halfHours) => new Date(halfHours * 1800_000)),
);
const queue = fc.constantFrom<Lang>("fi", "sv");
// Fractions of the closed gap at which to check that nothing is open.
const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
  minLength: 1,
  maxLength: 8,
});

describe("nextOpening properties", () => {
  it("open => nextOpening is the instant itself; closed => a later open instant with nothing open before it", () => {
    fc.assert(
      fc.property(instant, queue, fractions, (at, q, fs) => {
        const next = nextOpening(schedule, q, at);
        if (isOpen(schedule, q, at)) {
          expect(next.getTime()).toBe(at.getTime());
          return;
        }
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(isOpen(schedule, q, next)).toBe(true);
        expect(isOpen(schedule, q, new Date(next.getTime() - 1))).toBe(false);
        const gap = next.getTime() - at.getTime();
        for (const f of fs) {
          const t = new Date(at.getTime() + Math.floor(gap * f));
          expect(isOpen(schedule, q, t)).toBe(false);
        }
        // No period starts strictly inside the gap either.
        expect(openingPeriods(schedule, q, at, next)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("open => closesAt is later and closed, and the queue is open just before it", () => {
    fc.assert(
      fc.property(instant, queue, (at, q) => {
        const end = closesAt(schedule, q, at);
        expect(end !== null).toBe(isOpen(schedule, q, at));
        if (end === null) return;
        expect(end.getTime()).toBeGreaterThan(at.getTime());
        expect(isOpen(schedule, q, end)).toBe(false);
        expect(isOpen(schedule, q, new Date(end.getTime() - 1))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("both queues share the default hours", () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(isOpen(schedule, "fi", at)).toBe(isOpen(schedule, "sv", at));
      }),
      { numRuns: 200 },
    );
  });
});
