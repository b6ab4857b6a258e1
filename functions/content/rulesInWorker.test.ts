import { afterEach, describe, expect, it } from "vitest";
import { readBundle } from "./checkContent.ts";
import { createWorkerContentRules } from "./rulesInWorker.ts";

const bundle = () => readBundle("bot-content").bundle;

describe("content rules in a worker thread", () => {
  let rules: ReturnType<typeof createWorkerContentRules> | undefined;
  afterEach(async () => {
    await rules?.close();
    rules = undefined;
  });

  it("stops its worker when idle and starts a new one for the next check", async () => {
    rules = createWorkerContentRules(undefined, { idleMs: 200 });
    const content = bundle();

    const first = await rules.checkBundle(content);
    expect(first.filter((p) => p.severity === "error")).toEqual([]);
    expect(rules.running()).toBe(true);

    await expect.poll(() => rules?.running(), { timeout: 5_000 }).toBe(false);

    // The next check is answered as before, by a new worker.
    const again = await rules.checkBundle(content);
    expect(again).toEqual(first);
    expect(rules.running()).toBe(true);
  }, 60_000);

  it("keeps the worker while checks keep coming", async () => {
    rules = createWorkerContentRules(undefined, { idleMs: 2_000 });
    const content = bundle();
    await rules.checkBundle(content);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rules.running()).toBe(true);
  }, 60_000);

  it("fails a check still waiting when it is closed, instead of leaving it unanswered", async () => {
    rules = createWorkerContentRules();
    const waiting = expect(rules.checkBundle(bundle())).rejects.toThrow(/stopped/);

    await rules.close();

    await waiting;
  }, 60_000);
});
