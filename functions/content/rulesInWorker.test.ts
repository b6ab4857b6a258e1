import { afterEach, describe, expect, it } from "vitest";
import { readBundle } from "./checkContent.ts";
import { contentRules } from "./contentRules.ts";
import { createWorkerContentRules } from "./rulesInWorker.ts";

const bundle = () => readBundle("bot-content").bundle;
const today = { today: "2026-12-05" };

describe("content rules in a worker thread", () => {
  let rules: ReturnType<typeof createWorkerContentRules> | undefined;
  afterEach(async () => {
    await rules?.close();
    rules = undefined;
  });

  it("stops its worker when idle and starts a new one for the next check", async () => {
    rules = createWorkerContentRules(undefined, { idleMs: 200 });
    const content = bundle();

    const first = await rules.checkBundle(content, today);
    expect(first.filter((p) => p.severity === "error")).toEqual([]);
    expect(rules.running()).toBe(true);

    await expect.poll(() => rules?.running(), { timeout: 5_000 }).toBe(false);

    // The next check is answered as before, by a new worker.
    const again = await rules.checkBundle(content, today);
    expect(again).toEqual(first);
    expect(rules.running()).toBe(true);
    expect(rules.starts()).toBe(2);
  }, 60_000);

  it("keeps one worker while checks keep coming closer together than the idle time", async () => {
    rules = createWorkerContentRules(undefined, { idleMs: 300 });
    const topic = { id: "vat" };
    const content = bundle();
    for (let i = 0; i < 8; i++) {
      await rules.checkTopic(topic, content, today);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    expect(rules.starts()).toBe(1);
    expect(rules.running()).toBe(true);
  }, 60_000);

  it("answers the out-of-scope lists' check as the rules on this thread do", async () => {
    rules = createWorkerContentRules();
    const content = bundle();
    const topicSentence = content.topics[0]?.fi.utterances[0] as string;
    const lists = { fi: [...content.outOfScope.fi, topicSentence], sv: content.outOfScope.sv };

    const checked = await rules.checkOutOfScope(lists, content);

    expect(checked).toEqual(contentRules.checkOutOfScope(lists, content));
    expect(checked.issues.map((i) => i.path)).toEqual([`fi[${content.outOfScope.fi.length}]`]);
  }, 60_000);

  it("hands the worker the day a topic's review date is compared with", async () => {
    rules = createWorkerContentRules();
    const content = bundle();
    const vat = content.topics.find((t) => t.id === "vat");
    const draft = { ...vat, reviewBy: "2026-11-30" };

    const [before, after] = [
      await rules.checkTopic(draft, content, { today: "2026-11-30" }),
      await rules.checkTopic(draft, content, { today: "2026-12-01" }),
    ];

    expect(before.issues.filter((i) => i.path === "reviewBy")).toEqual([]);
    expect(after.issues.filter((i) => i.path === "reviewBy")).toEqual([
      expect.objectContaining({
        severity: "warning",
        finding: expect.objectContaining({ code: "reviewOverdue" }),
      }),
    ]);
    expect(after).toEqual(contentRules.checkTopic(draft, content, { today: "2026-12-01" }));
  }, 60_000);

  it("fails a check still waiting when it is closed, instead of leaving it unanswered", async () => {
    rules = createWorkerContentRules();
    const waiting = expect(rules.checkBundle(bundle(), today)).rejects.toThrow(/stopped/);

    await rules.close();

    await waiting;
    // Nor does a check after closing start a worker again (a late request at shutdown).
    await expect(rules.checkBundle(bundle(), today)).rejects.toThrow(/stopped/);
    expect(rules.running()).toBe(false);
  }, 60_000);
});
