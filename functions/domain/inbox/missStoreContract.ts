import { describe, expect, it } from "vitest";
import type { MissEntry, MissStore } from "./missStore.ts";

let n = 0;

/** A kept question filed on `day`, with a fresh id. */
export function sampleMiss(day: string, over: Partial<MissEntry> = {}): MissEntry {
  n++;
  return {
    id: `${day}.01JE${String(n).padStart(22, "0")}`,
    day,
    at: `${day}T10:00:00.000Z`,
    lang: "fi",
    text: `kysymys ${n}`,
    reasons: ["missed"],
    guesses: [{ intent: "none", confidence: 0.4 }],
    outcome: "unknown",
    status: "open",
    expiresAt: 2_000_000_000,
    ...over,
  };
}

/** What every MissStore promises; run against each adapter with a fresh store per test. */
export function describeMissStoreContract(name: string, fresh: () => Promise<MissStore>) {
  describe(`${name} miss store`, () => {
    it("gives a kept question back as it was stored", async () => {
      const store = await fresh();
      const entry = sampleMiss("2026-12-01", {
        topic: "tax-card",
        contentVersion: 3,
        reasons: ["low-confidence"],
        guesses: [
          { intent: "tax-card", confidence: 0.6 },
          { intent: "tax-refund", confidence: 0.2 },
        ],
      });
      await store.put(entry);
      expect(await store.get([entry.id])).toEqual([entry]);
      expect(await store.listDays("2026-12-01", "2026-12-01")).toEqual([entry]);
    });

    it("stores many questions at once, more than one batch of them", async () => {
      const store = await fresh();
      const entries = Array.from({ length: 30 }, (_, i) =>
        sampleMiss(i % 2 ? "2026-12-01" : "2026-12-02"),
      );
      await store.putAll(entries);
      await store.putAll([]);
      const back = await store.get(entries.map((e) => e.id));
      expect(back.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
      expect(await store.listDays("2026-12-01", "2026-12-02")).toHaveLength(30);
    });

    it("lists exactly the days of the period, both ends included", async () => {
      const store = await fresh();
      const days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"];
      const entries = days.map((day) => sampleMiss(day));
      for (const e of entries) await store.put(e);
      const listed = await store.listDays("2026-12-01", "2026-12-02");
      expect(listed.map((e) => e.id).sort()).toEqual([entries[1]?.id, entries[2]?.id].sort());
    });

    it("updates outcome, reasons, handoff and chosen, and ignores a question that is gone", async () => {
      const store = await fresh();
      const entry = sampleMiss("2026-12-01");
      await store.put(entry);
      await store.update(entry.id, { outcome: "handed-off", reasons: ["missed", "unhelpful"] });
      await store.update(entry.id, { handoff: "closed" });
      await store.update(entry.id, { chosen: "tax-refund" });
      await store.update(sampleMiss("2026-12-01").id, { outcome: "left" });
      expect(await store.get([entry.id])).toEqual([
        {
          ...entry,
          outcome: "handed-off",
          reasons: ["missed", "unhelpful"],
          handoff: "closed",
          chosen: "tax-refund",
        },
      ]);
      expect(await store.listDays("2026-12-01", "2026-12-01")).toHaveLength(1);
    });

    it("sets the status of the questions that exist and returns them", async () => {
      const store = await fresh();
      const a = sampleMiss("2026-12-01");
      const b = sampleMiss("2026-12-02");
      await store.put(a);
      await store.put(b);
      const missing = sampleMiss("2026-12-02").id;
      const updated = await store.setStatus([a.id, b.id, missing, a.id], "dismissed");
      expect(updated.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
      expect(updated.every((e) => e.status === "dismissed")).toBe(true);
      const back = await store.get([a.id, b.id, missing]);
      expect(back.map((e) => e.status)).toEqual(["dismissed", "dismissed"]);
      expect(back.find((e) => e.id === a.id)?.text).toBe(a.text);
    });

    it("keeps a sampled question's reason and topic, and a reviewer's confirmed status", async () => {
      const store = await fresh();
      const sampled = sampleMiss("2026-12-01", {
        reasons: ["sampled"],
        topic: "tax-card",
        guesses: [{ intent: "tax-card", confidence: 0.93 }],
      });
      await store.putAll([sampled]);
      const [confirmed] = await store.setStatus([sampled.id], "confirmed");
      expect(confirmed).toEqual({ ...sampled, status: "confirmed" });
      expect(await store.listDays("2026-12-01", "2026-12-01")).toEqual([
        { ...sampled, status: "confirmed" },
      ]);
    });

    it("keeps where a question was taught or referred with its status, and clears it on another", async () => {
      // Prepare
      const store = await fresh();
      const entry = sampleMiss("2026-12-01");
      await store.put(entry);
      // Act
      const [taught] = await store.setStatus([entry.id], "taught", {
        taughtTo: { topicId: "pension", split: "training" },
      });
      const [referred] = await store.setStatus([entry.id], "referred", { referredTo: "kela" });
      await store.setStatus([entry.id], "dismissed");
      // Assess
      expect(taught).toEqual({
        ...entry,
        status: "taught",
        taughtTo: { topicId: "pension", split: "training" },
      });
      expect(referred).toEqual({ ...entry, status: "referred", referredTo: "kela" });
      expect(await store.get([entry.id])).toEqual([{ ...entry, status: "dismissed" }]);
    });

    it("keeps the matter a question was kept under as uncovered, and clears it on another status", async () => {
      // Prepare
      const store = await fresh();
      const entry = sampleMiss("2026-12-01");
      await store.put(entry);
      // Act
      const [kept] = await store.setStatus([entry.id], "uncovered", { uncoveredMatter: "dog-tax" });
      const [taught] = await store.setStatus([entry.id], "taught", {
        taughtTo: { topicId: "pension", split: "tests" },
      });
      // Assess
      expect(kept).toEqual({ ...entry, status: "uncovered", uncoveredMatter: "dog-tax" });
      expect(taught).toEqual({
        ...entry,
        status: "taught",
        taughtTo: { topicId: "pension", split: "tests" },
      });
    });
  });
}
