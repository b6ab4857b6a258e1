import { afterEach, describe, expect, it } from "vitest";
import { pace, paceThisThread, restedMs } from "./pacing.ts";

/** Calls pace() in a busy loop for `wallMs`; returns how long the calls blocked in all. */
function busyFor(wallMs: number): number {
  const started = performance.now();
  let blocked = 0;
  while (performance.now() - started < wallMs) {
    const before = performance.now();
    pace();
    blocked += performance.now() - before;
  }
  return blocked;
}

describe("pacing a background thread", () => {
  // Test files share this thread: leave it unpaced for the next one.
  afterEach(() => paceThisThread(100));

  it("rests most of the time at a fifth of a core, and says how long", () => {
    paceThisThread(20);

    const blocked = busyFor(400);

    // 10 ms of work, then 40 ms of rest: four fifths resting; a busy machine can only
    // lengthen the rests (a timed wait never ends early), and stretch the work slices less.
    expect(restedMs() / 400).toBeGreaterThan(0.6);
    expect(restedMs()).toBeLessThanOrEqual(blocked);
  });

  it("never rests at a whole core", () => {
    paceThisThread(100);

    busyFor(100);

    expect(restedMs()).toBe(0);
  });

  it("with a busy flag, rests only while the flag is up", () => {
    const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    paceThisThread(20, flag.buffer as SharedArrayBuffer);

    busyFor(150);
    const restedWhileQuiet = restedMs();
    Atomics.store(flag, 0, 1);
    busyFor(200);

    expect(restedWhileQuiet).toBe(0);
    expect(restedMs() / 200).toBeGreaterThan(0.6);
  });

  it("refuses a share that is not a percentage of one core", () => {
    for (const percent of [0, -5, 101, Number.NaN]) {
      expect(() => paceThisThread(percent)).toThrow(/percent must be in \(0, 100\]/);
    }
  });
});
