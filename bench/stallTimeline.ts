// Where a process's time went, tenth of a second by tenth of a second: how late its event loop
// ran a 10 ms timer, and how long garbage collection paused it. The bench's processes (driver,
// server, dynalite) share the machine's clock, so their timelines line up with the replies'
// arrival times and tell which of them a burst of slow replies waited for.
import { PerformanceObserver, constants as perf } from "node:perf_hooks";

/** One tenth of a second of one process, keyed by its start in epoch milliseconds / 100. */
export interface StallSlot {
  /** The most a 10 ms timer ran late in this slot. */
  loopLateMs: number;
  /** Time paused in garbage collection, of which major (mark-compact) collections. */
  gcMs: number;
  gcMajorMs: number;
}

export type StallTimeline = Record<number, StallSlot>;

const TICK_MS = 10;
export const SLOT_MS = 100;

export function startStallTimeline() {
  let slots: StallTimeline = {};
  const slotAt = (epochMs: number): StallSlot => {
    const key = Math.floor(epochMs / SLOT_MS);
    let slot = slots[key];
    if (!slot) {
      slot = { loopLateMs: 0, gcMs: 0, gcMajorMs: 0 };
      slots[key] = slot;
    }
    return slot;
  };
  let expected = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    expected = now + TICK_MS;
    const slot = slotAt(performance.timeOrigin + now);
    if (late > slot.loopLateMs) slot.loopLateMs = late;
  }, TICK_MS);
  timer.unref();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const slot = slotAt(performance.timeOrigin + entry.startTime);
      slot.gcMs += entry.duration;
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === perf.NODE_PERFORMANCE_GC_MAJOR) slot.gcMajorMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    read: (): StallTimeline => slots,
    reset() {
      slots = {};
    },
    stop() {
      clearInterval(timer);
      observer.disconnect();
    },
  };
}

/** The worst of a timeline over [fromMs, toMs) of epoch time. */
export function worstBetween(timeline: StallTimeline, fromMs: number, toMs: number): StallSlot {
  const worst: StallSlot = { loopLateMs: 0, gcMs: 0, gcMajorMs: 0 };
  for (let key = Math.floor(fromMs / SLOT_MS); key * SLOT_MS < toMs; key++) {
    const slot = timeline[key];
    if (!slot) continue;
    worst.loopLateMs = Math.max(worst.loopLateMs, slot.loopLateMs);
    worst.gcMs += slot.gcMs;
    worst.gcMajorMs += slot.gcMajorMs;
  }
  return worst;
}
