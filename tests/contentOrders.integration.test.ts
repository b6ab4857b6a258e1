/**
 * Test all over several training orders (POST /api/content/test-all/orders) against the real
 * local stack: the draft trained in the training worker under each seed and scored as
 * content:test --seeds scores it, its shipped order being the one Test all reports.
 */
import { describe, expect, it } from "vitest";
import { loadContentBundle } from "../functions/content/loadContent.ts";
import {
  figuresUnderSeed,
  type LangSpread,
  SPREAD_FIGURES,
  type SpreadFigure,
} from "../functions/content/seedSpread.ts";
import { contentOf, uncoveredOf } from "../functions/domain/content/bundle.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../functions/domain/dialogue/answerTurn.ts";
import { contentApiAt } from "./support/contentApi.ts";
import { type ContentStack, useContentStack } from "./support/contentStack.ts";

const people = {} as ContentStack;
useContentStack((started) => Object.assign(people, started));
const api = contentApiAt(() => people.stack.url);
const LANGS = ["fi", "sv"] as const;
type Splits = Record<"tests" | "dev", Record<"fi" | "sv", LangSpread>>;

describe("Test all over several training orders", () => {
  it("is for content editors: 401 without a token, 403 for an advisor", async () => {
    expect((await api("POST", "test-all/orders", undefined, { seeds: 2 })).status).toBe(401);
    const forbidden = await api("POST", "test-all/orders", people.advisor, { seeds: 2 });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
  });

  it("refuses a count of orders it does not take, naming seeds and what it expects", async () => {
    for (const seeds of [1, 9, 2.5, "3", null]) {
      const refused = await api("POST", "test-all/orders", people.owner, { seeds });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toEqual({
        code: "VALIDATION_FAILED",
        message: "body: seeds: must be a whole number from 2 to 8 (how many training orders)",
      });
    }
    const extra = await api("POST", "test-all/orders", people.owner, { seeds: 2, lang: "fi" });
    expect(extra.status).toBe(400);
    expect((extra.body.error as { message: string }).message).toMatch(/lang/);
  });

  it("scores the draft in each order listed, the shipped one as Test all does", async () => {
    const testAll = await api("POST", "test-all", people.owner, {});
    expect(testAll.status).toBe(200);

    const spread = await api("POST", "test-all/orders", people.reviewer, { seeds: 2 });

    expect(spread.status).toBe(200);
    expect(spread.body.seeds).toEqual([7, 1]);
    const splits = spread.body.splits as Splits;
    // The other order, trained on this thread as content:test --seeds trains it.
    const bundle = loadContentBundle();
    const other = figuresUnderSeed(
      {
        content: contentOf(bundle),
        cases: bundle.tests,
        uncovered: uncoveredOf(bundle),
        settings: DEFAULT_DIALOGUE_SETTINGS,
      },
      1,
    );
    const report = testAll.body as {
      splits: Record<"tests", Record<"fi" | "sv", { accuracy: number; noneRecall: number }>>;
      uncovered: Record<"fi" | "sv", { answered: number }>;
    };
    for (const lang of LANGS) {
      const shipped: Partial<Record<SpreadFigure, number>> = {
        accuracy: report.splits.tests[lang].accuracy,
        noneRecall: report.splits.tests[lang].noneRecall,
        uncoveredAnswered: report.uncovered[lang].answered,
      };
      for (const [key, value] of Object.entries(shipped) as [SpreadFigure, number][]) {
        const { min, max } = splits.tests[lang][key];
        // Two orders: the range's ends are the shipped order's figure and the other's.
        expect([min, max].sort()).toEqual([value, other[lang][key]].sort());
      }
      for (const split of ["tests", "dev"] as const) {
        for (const [, key] of SPREAD_FIGURES) {
          const { mean, min, max } = splits[split][lang][key];
          expect(min).toBeLessThanOrEqual(mean);
          expect(mean).toBeLessThanOrEqual(max);
        }
        expect(splits[split][lang].accuracy.gate).toEqual({ min: 0.93 });
        expect(splits[split][lang].right.gate).toBeUndefined();
        for (const t of splits[split][lang].topicsUnder) {
          expect(t.orders).toBeGreaterThanOrEqual(t.ordersUnderGate);
          expect(t.orders).toBeLessThanOrEqual(2);
        }
      }
    }
    // The shipped content passes the gate in its own order.
    expect(spread.body.gateFailsOn).toBeGreaterThanOrEqual(0);
    expect(spread.body.gateFailsOn).toBeLessThanOrEqual(1);
  }, 120_000);

  it("names the draft each result was made on, so a studio can tell one an edit made stale", async () => {
    const digest = async () => (await api("GET", "draft", people.owner)).body.digest as string;
    const before = await digest();
    const testAll = await api("POST", "test-all", people.owner, {});
    const spread = await api("POST", "test-all/orders", people.owner, { seeds: 2 });
    expect(testAll.body.draftDigest).toBe(before);
    expect(spread.status, JSON.stringify(spread.body)).toBe(200);
    expect(spread.body.draftDigest).toBe(before);

    // An answer edited: nothing the recogniser learns, but the results describe another draft.
    const { topic } = (await api("GET", "draft/topics/vat", people.owner)).body as {
      topic: { fi: { answer: string } };
    };
    const withAnswer = (answer: string) => ({ ...topic, fi: { ...topic.fi, answer } });
    const save = async (answer: string) =>
      expect((await api("PUT", "draft/topics/vat", people.owner, withAnswer(answer))).status).toBe(
        200,
      );
    await save(`${topic.fi.answer.trim()} Tarkistettu.`);
    const edited = await digest();
    expect(edited).not.toBe(before);
    await save(`${topic.fi.answer.trim()} Tarkistettu uudelleen.`);
    expect(await digest()).not.toBe(edited);

    // Undone, the draft is what a result made on the first edit was made on again.
    await save(`${topic.fi.answer.trim()} Tarkistettu.`);
    expect(await digest()).toBe(edited);
  }, 120_000);

  it("runs one at a time: a second request meanwhile is told so, a bad one is refused first", async () => {
    // A third order, not trained before: seconds of training in the worker.
    const first = api("POST", "test-all/orders", people.owner, { seeds: 3 });
    // The first holds the run from its first step, before it trains anything.
    await new Promise((r) => setTimeout(r, 300));
    const bad = await api("POST", "test-all/orders", people.owner, { seeds: 0 });
    const second = await api("POST", "test-all/orders", people.owner, { seeds: 2 });

    expect(bad.status).toBe(400);
    expect(second.status).toBe(409);
    expect((second.body.error as { code: string }).code).toBe("CONFLICT");
    expect((await first).status).toBe(200);
    // Released once done.
    expect((await api("POST", "test-all/orders", people.owner, { seeds: 2 })).status).toBe(200);
  }, 120_000);
});
