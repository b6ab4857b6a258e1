import { describe, expect, it } from "vitest";
import { type CounterIncrement, createBufferedRecorder } from "./bufferedRecorder.ts";
import type { CounterRow } from "./reportEvents.ts";

const at = new Date("2026-11-23T10:00:00Z");

/** Each row adds to its day's total over topics and to its own topic, like the real table. */
function writer(failFirst = 0) {
  const written: CounterIncrement[] = [];
  let failures = failFirst;
  return {
    written,
    incrementsOf: (row: CounterRow) => [
      { target: `${row.day}|${row.lang}`, counts: row.counts },
      { target: `${row.day}|${row.lang}|${row.topic}`, counts: row.counts },
    ],
    async add(increment: CounterIncrement) {
      if (failures > 0) {
        failures -= 1;
        throw new Error("throttled");
      }
      written.push(increment);
    },
  };
}

describe("createBufferedRecorder", () => {
  it("sums events into one write per stored item, shared items across topics", async () => {
    const w = writer();
    const r = createBufferedRecorder(w, { flushIntervalMs: 60_000, onError: () => {} });
    await r.record({ kind: "botAnswer", at, lang: "fi", topic: "vat", missed: false });
    await r.record({ kind: "botAnswer", at, lang: "fi", topic: "vat", missed: true });
    await r.record({ kind: "botAnswer", at, lang: "fi", topic: "tax-card", missed: false });
    await r.record({ kind: "botAnswer", at, lang: "sv", topic: "vat", missed: false });
    expect(w.written).toEqual([]);
    await r.stop();
    expect(w.written).toEqual([
      { target: "2026-11-23|fi", counts: { botAnswers: 3, misses: 1 } },
      { target: "2026-11-23|fi|vat", counts: { botAnswers: 2, misses: 1 } },
      { target: "2026-11-23|fi|tax-card", counts: { botAnswers: 1 } },
      { target: "2026-11-23|sv", counts: { botAnswers: 1 } },
      { target: "2026-11-23|sv|vat", counts: { botAnswers: 1 } },
    ]);
  });

  it("keeps an increment whose write failed and writes it with what came since", async () => {
    const w = writer(1);
    const errors: unknown[] = [];
    const r = createBufferedRecorder(w, {
      flushIntervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    await r.record({ kind: "callback", at, lang: "fi" });
    await r.flush();
    expect(errors).toHaveLength(1);
    // The day total failed; the topic's item went out and is not written again.
    expect(w.written).toEqual([{ target: "2026-11-23|fi|callback", counts: { callbacks: 1 } }]);
    await r.record({ kind: "callback", at, lang: "fi" });
    await r.stop();
    expect(w.written.slice(1)).toEqual([
      { target: "2026-11-23|fi", counts: { callbacks: 2 } },
      { target: "2026-11-23|fi|callback", counts: { callbacks: 1 } },
    ]);
  });

  it("flushes by itself after the interval", async () => {
    const w = writer();
    const r = createBufferedRecorder(w, { flushIntervalMs: 20, onError: () => {} });
    await r.record({ kind: "booking", at, lang: "sv" });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(w.written).toHaveLength(2);
    await r.stop();
  });

  it("writes a flush a few items at a time, not all at once", async () => {
    let inFlight = 0;
    let most = 0;
    const w = writer();
    const r = createBufferedRecorder(
      {
        incrementsOf: w.incrementsOf,
        async add(increment) {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inFlight--;
          await w.add(increment);
        },
      },
      { flushIntervalMs: 60_000, onError: () => {}, writesInFlight: 2 },
    );
    for (const topic of ["vat", "tax-card", "tax-refund", "inheritance", "car-tax"]) {
      await r.record({ kind: "botAnswer", at, lang: "fi", topic, missed: false });
    }
    await r.stop();

    expect(most).toBe(2);
    expect(w.written).toHaveLength(6);
  });
});
