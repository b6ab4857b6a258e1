import type { Clock } from "./ports.ts";

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs at real speed (FAKE_TIME in local mode). */
export function runningClockFrom(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that only moves when told to; for tests. */
export function manualClock(
  start: Date,
): Clock & { advance(ms: number): void; set(at: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = at.getTime();
    },
  };
}
