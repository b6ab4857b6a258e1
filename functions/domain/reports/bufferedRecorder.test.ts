import { describe, expect, it } from "vitest";
import { createBufferedRecorder } from "./bufferedRecorder.ts";
import type { CounterRow } from "./reportEvents.ts";

const at = new Date("2026-11-23T10:00:00Z");

function writer(failFirst = 0) {
  const written: CounterRow[] = [];
  let failures = failFirst;
  return {
    written,
    async addRow(row: CounterRow) {
      if (failures > 0) {
        failures -= 1;
        throw new Error("throttled");
      }
      written.push(row);
    },
  };
}

describe("createBufferedRecorder", () => {
  it("sums events per day, language and topic into one write each", async () => {
    const w = writer();
    const r = createBufferedRecorder(w, { flushIntervalMs: 60_000, onError: () => {} });
    await r.record({ kind: "botAnswer", at, lang: "fi", topic: "vat", missed: false });
    await r.record({ kind: "botAnswer", at, lang: "fi", topic: "vat", missed: true });
    await r.record({ kind: "botAnswer", at, lang: "sv", topic: "vat", missed: false });
    expect(w.written).toEqual([]);
    await r.stop();
    expect(w.written).toEqual([
      { day: "2026-11-23", lang: "fi", topic: "vat", counts: { botAnswers: 2, misses: 1 } },
      { day: "2026-11-23", lang: "sv", topic: "vat", counts: { botAnswers: 1 } },
    ]);
  });

  it("keeps a row whose write failed and writes it with what came since", async () => {
    const w = writer(1);
    const errors: unknown[] = [];
    const r = createBufferedRecorder(w, {
      flushIntervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    await r.record({ kind: "callback", at, lang: "fi" });
    await r.flush();
    expect(errors).toHaveLength(1);
    expect(w.written).toEqual([]);
    await r.record({ kind: "callback", at, lang: "fi" });
    await r.stop();
    expect(w.written).toEqual([
      { day: "2026-11-23", lang: "fi", topic: "callback", counts: { callbacks: 2 } },
    ]);
  });

  it("flushes by itself after the interval", async () => {
    const w = writer();
    const r = createBufferedRecorder(w, { flushIntervalMs: 20, onError: () => {} });
    await r.record({ kind: "booking", at, lang: "sv" });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(w.written).toHaveLength(1);
    await r.stop();
  });
});
