import { describe, expect, it } from "vitest";
import type { TopicFile } from "../../content/schema.ts";
import { manualClock } from "../clock.ts";
import { sampleBundle } from "./contentStoreContract.ts";
import {
  type ContentDeployer,
  type ContentIssue,
  type ContentRules,
  createContentWorkflow,
} from "./contentWorkflow.ts";
import { ContentConflictError, ContentInvalidError, SelfApprovalError } from "./errors.ts";
import { createMemoryContentStore } from "./memoryContentStore.ts";

const owner = { subject: "owner", displayName: "Outi" };
const reviewer = { subject: "reviewer", displayName: "Henrik" };

// The rules: a topic needs a title in Finnish; whole bundles are accepted.
const rules: ContentRules = {
  checkTopic(json) {
    const topic = json as TopicFile & { tests?: { fi: string[]; sv: string[] } };
    if (!topic.fi?.title) {
      return {
        issues: [
          { severity: "error", path: "fi.title", message: "fi.title is missing", fix: "Add it." },
        ],
      };
    }
    const { tests, ...rest } = topic;
    return { issues: [], topic: rest, ...(tests ? { tests } : {}) };
  },
  checkBundle: () => [],
};

function deployer(over: Partial<ContentDeployer> = {}) {
  const served: number[] = [];
  const d: ContentDeployer = {
    gate: async () => [],
    prepare: async () => {},
    serve: async (version) => {
      served.push(version);
    },
    ...over,
  };
  return { d, served };
}

async function setUp(opts: { requireReview?: boolean; deployer?: Partial<ContentDeployer> } = {}) {
  const store = createMemoryContentStore();
  const { d, served } = deployer(opts.deployer);
  const workflow = createContentWorkflow({
    store,
    rules,
    deployer: d,
    clock: manualClock(new Date("2026-12-02T10:00:00Z")),
    settings: { requireReview: opts.requireReview ?? true },
  });
  await workflow.seed(sampleBundle(), "from the repository");
  return { store, workflow, served };
}

const vat = (title = "ALV"): TopicFile => ({
  id: "vat",
  fi: { title, utterances: ["alv"], answer: "ALV on arvonlisävero." },
  sv: { title: "Moms", utterances: ["moms"], answer: "Moms är mervärdesskatt." },
});

describe("the content workflow", () => {
  it("seeds version 1 once, live, with the draft a copy of it", async () => {
    const { workflow, store } = await setUp();
    expect(await workflow.seed(sampleBundle(["other"]), "again")).toBe(false);
    expect(await store.live()).toMatchObject({ version: 1 });
    const { draft, changed } = await workflow.draft();
    expect(draft.bundle.topics.map((t) => t.id)).toEqual(["tax-card", "payment"]);
    expect(changed).toEqual([]);
  });

  it("refuses a topic that breaks a rule, naming the field, and writes nothing", async () => {
    const { workflow, store } = await setUp();
    const invalid = { ...vat(), fi: { ...vat().fi, title: "" } };
    await expect(workflow.saveTopic(owner, "vat", invalid)).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [expect.objectContaining({ path: "fi.title" })],
    });
    expect((await store.auditTrail(10)).map((e) => e.action)).toEqual(["seed"]);
  });

  it("refuses a body whose id names another topic than the address", async () => {
    const { workflow } = await setUp();
    await expect(workflow.saveTopic(owner, "payment", vat())).rejects.toBeInstanceOf(
      ContentInvalidError,
    );
  });

  it("publishes a changed draft for review; only another person can approve it", async () => {
    const { workflow, served, store } = await setUp();
    await workflow.saveTopic(owner, "vat", {
      ...vat(),
      tests: { fi: ["mikä alv"], sv: ["vad är moms"] },
    });
    expect((await workflow.draft()).changed).toEqual([{ id: "vat", change: "added", fields: [] }]);
    const published = await workflow.publish(owner, "VAT topic");
    expect(published).toEqual({ version: 2, state: "pending-review" });
    await expect(workflow.approve(owner, 2)).rejects.toBeInstanceOf(SelfApprovalError);
    expect(served).toEqual([]);
    expect(await workflow.approve(reviewer, 2)).toEqual({ version: 2, state: "live" });
    expect(served).toEqual([2]);
    expect(await store.versionMeta(1)).toMatchObject({ state: "superseded" });
    expect(await store.versionMeta(2)).toMatchObject({ state: "live", approvedBy: "reviewer" });
    // The topic's test messages went into the version's held-out split.
    expect((await store.versionBundle(2))?.tests.sv).toContainEqual({
      text: "vad är moms",
      intent: "vat",
    });
    await expect(workflow.approve(reviewer, 2)).rejects.toBeInstanceOf(ContentConflictError);
  });

  it("goes live at once when review is turned off", async () => {
    const { workflow, served } = await setUp({ requireReview: false });
    await workflow.saveTopic(owner, "vat", vat());
    expect(await workflow.publish(owner, "")).toEqual({ version: 2, state: "live" });
    expect(served).toEqual([2]);
  });

  it("refuses to publish what fails the test gate, and stores no version", async () => {
    const gateFailure: ContentIssue = {
      severity: "error",
      path: "tests",
      message: "fi: 80.0 % answered right",
      fix: "Add sentences.",
    };
    const { workflow, store } = await setUp({ deployer: { gate: async () => [gateFailure] } });
    await workflow.saveTopic(owner, "vat", vat());
    await expect(workflow.publish(owner, "")).rejects.toMatchObject({ problems: [gateFailure] });
    expect((await store.listVersions()).map((v) => v.version)).toEqual([1]);
  });

  it("leaves the old version live and says why when a version cannot be readied", async () => {
    const { workflow, store, served } = await setUp({
      deployer: {
        prepare: async () => {
          throw new Error("Lex build failed for fi_FI: intent vat has no utterances");
        },
      },
    });
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "");
    await expect(workflow.approve(reviewer, 2)).rejects.toThrow(/Lex build failed for fi_FI/);
    expect(await store.live()).toMatchObject({ version: 1 });
    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/fi_FI/),
    });
    expect(served).toEqual([]);
  });

  it("rolls back as a new reviewed version, and the draft follows it", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "");
    await workflow.approve(reviewer, 2);
    expect(await workflow.rollback(owner, 1)).toEqual({ version: 3, state: "pending-review" });
    expect(await store.live()).toMatchObject({ version: 2 });
    await workflow.approve(reviewer, 3);
    expect(await store.versionMeta(3)).toMatchObject({ rollbackOf: 1, state: "live" });
    expect((await workflow.draft()).draft.bundle.topics.map((t) => t.id)).not.toContain("vat");
    expect((await workflow.diff(3)).topics).toEqual([{ id: "vat", change: "removed", fields: [] }]);
  });

  it("does not publish a draft that equals the live version", async () => {
    const { workflow } = await setUp();
    await expect(workflow.publish(owner, "")).rejects.toBeInstanceOf(ContentConflictError);
  });

  it("never retires a system topic, and warns about follow-ups to a retired one", async () => {
    const { workflow } = await setUp();
    await expect(workflow.retireTopic(owner, "tax-card")).rejects.toBeInstanceOf(
      ContentInvalidError,
    );
    await workflow.saveTopic(owner, "vat", vat());
    const withFollowUp = { ...sampleBundle().topics[1], followUps: ["vat"] } as TopicFile;
    await workflow.saveTopic(owner, "payment", withFollowUp);
    const { warnings } = await workflow.retireTopic(owner, "vat");
    expect(warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining("payment") }),
    ]);
    const view = await workflow.draftTopic("vat");
    expect(view.retired).toBe(true);
  });

  it("keeps every step in the audit trail with who did it", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "c");
    await workflow.reject(reviewer, 2, "needs Swedish review");
    const trail = await workflow.auditTrail(10);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ["reject", "reviewer"],
      ["publish", "owner"],
      ["draft-save", "owner"],
      ["seed", "system"],
    ]);
  });
});
