import { describe, expect, it } from "vitest";
import { contentRules } from "../../content/contentRules.ts";
import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { finding } from "../../contracts/contentFindings.ts";
import { manualClock } from "../clock.ts";
import type { ContentBundle } from "./bundle.ts";
import { bundleDigest } from "./bundleDigest.ts";
import { sampleBundle, sampleReferral } from "./contentStoreContract.ts";
import {
  ABANDONED_BUILD_MS,
  type ContentDeployer,
  type ContentIssue,
  type ContentRules,
  type ContentWorkflow,
  createContentWorkflow,
  MAX_IN_PROGRESS_BYTES,
} from "./contentWorkflow.ts";
import { ContentConflictError, ContentInvalidError, SelfApprovalError } from "./errors.ts";
import { createMemoryContentStore } from "./memoryContentStore.ts";

const owner = { subject: "owner", displayName: "Outi" };
const other = { subject: "other", displayName: "Sanna" };
const taught = finding("inboxTaught", { count: 1, into: "tests" });
const reviewer = { subject: "reviewer", displayName: "Henrik" };

// The rules: a topic needs a title in Finnish and follow-ups the draft has; whole bundles are
// accepted.
const rules: ContentRules = {
  checkTopic(json, draft) {
    const topic = json as TopicFile & { tests?: { fi: string[]; sv: string[] } };
    const unknown = (topic.followUps ?? []).flatMap((id, i): ContentIssue[] =>
      draft.topics.some((t) => t.id === id)
        ? []
        : [
            {
              severity: "error",
              path: `followUps[${i}]`,
              ...finding("followUpUnknown", { field: ["followUps", i], id }),
            },
          ],
    );
    if (!topic.fi?.title || unknown.length > 0) {
      return {
        issues: [
          ...(topic.fi?.title
            ? []
            : [
                {
                  severity: "error" as const,
                  path: "fi.title",
                  message: "fi.title is missing",
                  fix: "Add it.",
                },
              ]),
          ...unknown,
        ],
      };
    }
    const { tests, ...rest } = topic;
    return { issues: [], topic: rest, ...(tests ? { tests } : {}) };
  },
  // Referral groups, the out-of-scope lists and the uncovered questions get the real rules: the one validator the
  // studio and content:check use.
  checkReferral: (json, draft) => contentRules.checkReferral(json, draft),
  checkOutOfScope: (json, draft) => contentRules.checkOutOfScope(json, draft),
  checkUncovered: (json, draft) => contentRules.checkUncovered(json, draft),
  checkBundle: () => [],
};

function deployer(over: Partial<ContentDeployer> = {}) {
  const served: number[] = [];
  const d: ContentDeployer = {
    gate: async () => ({ issues: [] }),
    prepare: async () => {},
    serve: async (version) => {
      served.push(version);
    },
    ...over,
  };
  return { d, served };
}

async function setUp(
  opts: {
    requireReview?: boolean;
    deployer?: Partial<ContentDeployer>;
    deferGoLive?: (version: number) => Promise<void>;
  } = {},
) {
  const store = createMemoryContentStore();
  const { d, served } = deployer(opts.deployer);
  const clock = manualClock(new Date("2026-12-02T10:00:00Z"));
  const workflow = createContentWorkflow({
    store,
    rules,
    deployer: d,
    clock,
    settings: {
      requireReview: opts.requireReview ?? true,
      ...(opts.deferGoLive ? { deferGoLive: opts.deferGoLive } : {}),
    },
  });
  await workflow.seed(sampleBundle(), "repository");
  return { store, workflow, served, clock };
}

/** A workflow whose go-lives are handed over, as the content API does in AWS. */
async function setUpDeferred(
  opts: { requireReview?: boolean; deployer?: Partial<ContentDeployer> } = {},
) {
  const handedOver: number[] = [];
  const setup = await setUp({
    ...opts,
    deferGoLive: async (version) => {
      handedOver.push(version);
    },
  });
  return { ...setup, handedOver };
}

/** Saves a changed topic and publishes it for review: the next version number. */
async function publishChange(workflow: ContentWorkflow, title: string): Promise<number> {
  await workflow.saveTopic(owner, "vat", vat(title));
  return (await workflow.publish(owner, title)).version;
}

const vat = (title = "ALV"): TopicFile => ({
  id: "vat",
  fi: { title, utterances: ["alv"], answer: "ALV on arvonlisävero." },
  sv: { title: "Moms", utterances: ["moms"], answer: "Moms är mervärdesskatt." },
});

describe("the content workflow", () => {
  it("seeds version 1 once, live, with the draft a copy of it", async () => {
    const { workflow, store } = await setUp();
    expect(await workflow.seed(sampleBundle(["other"]), "image")).toBe(false);
    expect(await store.live()).toMatchObject({ version: 1 });
    const { draft, changed } = await workflow.draft();
    expect(draft.bundle.topics.map((t) => t.id)).toEqual(["tax-card", "payment"]);
    expect(changed).toEqual([]);
    // Noted in English and as a finding, so the studio can tell where it came from in its language.
    const seeded = { code: "seeded", params: { from: "repository" } };
    expect(await store.versionMeta(1)).toMatchObject({
      comment: "bot-content/ from the repository",
      commentFinding: seeded,
    });
    expect((await store.auditTrail({ limit: 10 })).entries).toEqual([
      expect.objectContaining({ action: "seed", version: 1, detailFinding: seeded }),
    ]);
  });

  it("marks the seed of a task that lost the race to seed as never live, and refuses it as a rollback target", async () => {
    // Prepare: two tasks start on an empty table at the same moment.
    const store = createMemoryContentStore();
    const { d } = deployer();
    const clock = manualClock(new Date("2026-12-02T10:00:00Z"));
    const task = () =>
      createContentWorkflow({
        store,
        rules,
        deployer: d,
        clock,
        settings: { requireReview: true },
      });
    // Act
    const seeded = await Promise.all([
      task().seed(sampleBundle(), "image"),
      task().seed(sampleBundle(), "image"),
    ]);
    // Assess: one version is live, the other says why it never was.
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const winner = (await store.live())?.version;
    const loser = winner === 1 ? 2 : 1;
    expect(await store.versionMeta(loser)).toMatchObject({
      state: "superseded",
      supersededByVersion: winner,
      errorFinding: { code: "seedLost", params: { live: winner } },
    });
    await expect(task().rollback(owner, loser)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(new RegExp(`^Version ${loser} was never live`)),
    });
  });

  it("refuses a topic that breaks a rule, naming the field, and writes nothing", async () => {
    const { workflow, store } = await setUp();
    const invalid = { ...vat(), fi: { ...vat().fi, title: "" } };
    await expect(workflow.saveTopic(owner, "vat", invalid)).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [expect.objectContaining({ path: "fi.title" })],
    });
    expect((await store.auditTrail({ limit: 10 })).entries.map((e) => e.action)).toEqual(["seed"]);
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
    // Before publishing, the owner can read what it will change, as the reviewer will.
    const before = await workflow.draftDiff();
    expect(before).toMatchObject({ against: 1, topics: [{ id: "vat", change: "added" }] });
    expect(before.topics[0]?.details).toContainEqual({
      field: "tests.fi",
      added: ["mikä alv"],
      removed: [],
    });
    const published = await workflow.publish(owner, "VAT topic");
    expect(published).toEqual({ version: 2, state: "pending-review" });
    // The draft tells every page that a version waits for a reviewer.
    expect((await workflow.draft()).pendingReview).toEqual([2]);
    await expect(workflow.approve(owner, 2)).rejects.toBeInstanceOf(SelfApprovalError);
    expect(served).toEqual([]);
    expect(await workflow.approve(reviewer, 2)).toEqual({ version: 2, state: "live" });
    expect(served).toEqual([2]);
    expect(await store.versionMeta(1)).toMatchObject({ state: "superseded" });
    expect(await store.versionMeta(2)).toMatchObject({ state: "live", approvedBy: "reviewer" });
    expect((await workflow.draft()).pendingReview).toEqual([]);
    // The topic's test messages went into the version's held-out split.
    expect((await store.versionBundle(2))?.tests.sv).toContainEqual({
      text: "vad är moms",
      intent: "vat",
    });
    await expect(workflow.approve(reviewer, 2)).rejects.toBeInstanceOf(ContentConflictError);
  });

  it("refuses approval by a reviewer who wrote part of the version, even saved over since", async () => {
    const { workflow, store, clock } = await setUp();
    await workflow.saveTopic(reviewer, "vat", vat("ALV 1"));
    clock.advance(1_000);
    await workflow.saveTopic(owner, "vat", vat("ALV 2"));
    const { version } = await workflow.publish(owner, "ALV");
    expect((await store.versionMeta(version))?.editors).toEqual([
      { subject: "reviewer", name: "Henrik" },
    ]);
    await expect(workflow.approve(reviewer, version)).rejects.toMatchObject({
      code: "SELF_APPROVAL",
      finding: { code: "ownChangesApproval" },
    });
    expect(await workflow.approve(other, version)).toEqual({ version, state: "live" });
  });

  it("does not hold a reviewer to what they wrote in a round that already went live", async () => {
    const { workflow, store, clock } = await setUp();
    await workflow.saveTopic(reviewer, "vat", vat("ALV 1"));
    clock.advance(1_000);
    const first = await workflow.publish(owner, "ALV 1");
    expect(await workflow.approve(other, first.version)).toMatchObject({ state: "live" });
    clock.advance(60_000);
    await workflow.saveTopic(owner, "vat", vat("ALV 2"));
    const { version } = await workflow.publish(owner, "ALV 2");
    expect((await store.versionMeta(version))?.editors).toBeUndefined();
    expect(await workflow.approve(reviewer, version)).toEqual({ version, state: "live" });
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
    const { workflow, store } = await setUp({
      deployer: { gate: async () => ({ issues: [gateFailure] }) },
    });
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
    const refused = workflow.approve(reviewer, 2);
    await expect(refused).rejects.toThrow(/Lex build failed for fi_FI/);
    // The refusal and the stored reason can both be told in the studio's language.
    const detail = "Lex build failed for fi_FI: intent vat has no utterances";
    await expect(refused).rejects.toMatchObject({
      finding: {
        code: "goLiveFailed",
        params: { version: 2, reason: { code: "buildFailed", params: { detail } } },
      },
    });
    expect(await store.live()).toMatchObject({ version: 1 });
    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      error: detail,
      errorFinding: { code: "buildFailed", params: { detail } },
    });
    expect(served).toEqual([]);
  });

  it("keeps the gate's numbers with the version, for the reviewer to compare", async () => {
    const scores = {
      fi: {
        total: 400,
        accuracy: 0.955,
        noneRecall: 0.94,
        uncoveredAnswered: 0.03,
        uncoveredCases: 72,
      },
      sv: {
        total: 398,
        accuracy: 0.97,
        noneRecall: 0.948,
        uncoveredAnswered: 0,
        uncoveredCases: 70,
      },
    };
    const { workflow, store } = await setUp({
      deployer: { gate: async () => ({ issues: [], scores }) },
    });
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "");
    expect((await store.versionMeta(2))?.scores).toEqual(scores);
  });

  it("gates a version against the live version it would replace, and scores live against nothing", async () => {
    // Prepare: a gate that says what it was asked to compare with.
    const hasVat = (bundle: ContentBundle) => bundle.topics.some((t) => t.id === "vat");
    const asked: unknown[] = [];
    const { workflow } = await setUp({
      deployer: {
        gate: async (bundle, against) => {
          asked.push({
            vat: hasVat(bundle),
            against: against && { version: against.version, vat: hasVat(against.bundle) },
          });
          return { issues: [] };
        },
      },
    });

    // Act: version 2 (vat added) published against the seed; the seed's own numbers worked out.
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "");
    await workflow.liveScores();

    // Assess
    expect(asked).toEqual([
      { vat: true, against: { version: 1, vat: false } },
      { vat: false, against: undefined },
    ]);
  });

  it("scores the live seed once when its numbers are first asked for, so a reviewer can compare", async () => {
    // Prepare: version 1 went live without the gate (the seed, or stored before numbers were kept).
    const seedScores = {
      fi: {
        total: 609,
        accuracy: 0.952,
        noneRecall: 0.939,
        uncoveredAnswered: 0,
        uncoveredCases: 72,
      },
      sv: {
        total: 606,
        accuracy: 0.967,
        noneRecall: 0.959,
        uncoveredAnswered: 0,
        uncoveredCases: 70,
      },
    };
    const gated: string[][] = [];
    const { workflow, store } = await setUp({
      deployer: {
        gate: async (bundle) => {
          gated.push(bundle.topics.map((t) => t.id));
          return { issues: [], scores: seedScores };
        },
      },
    });
    expect((await store.versionMeta(1))?.scores).toBeUndefined();
    // Act: two readers at once (the start's own scoring and a reviewer's list).
    const [listed] = await Promise.all([workflow.versions(), workflow.liveScores()]);
    // Assess: scored once, on the seed's own content, shown and kept.
    expect(gated).toEqual([["tax-card", "payment"]]);
    expect(listed.versions.find((v) => v.version === 1)?.scores).toEqual(seedScores);
    expect(await store.versionMeta(1)).toMatchObject({ state: "live", scores: seedScores });
    await workflow.versions();
    expect(gated).toHaveLength(1);
  });

  it("scores the live version once more when its kept numbers lack the honesty figure", async () => {
    // Prepare: version 2 live, its numbers kept before the uncovered share was.
    const before = {
      fi: { total: 400, accuracy: 0.955, noneRecall: 0.94 },
      sv: { total: 398, accuracy: 0.97, noneRecall: 0.948 },
    };
    const now = {
      fi: { ...before.fi, uncoveredAnswered: 1 / 72, uncoveredCases: 72 },
      sv: { ...before.sv, uncoveredAnswered: 0, uncoveredCases: 70 },
    };
    let answer: typeof before | typeof now = before;
    const gated: number[] = [];
    const { workflow, store } = await setUp({
      deployer: {
        gate: async (bundle) => {
          gated.push(bundle.topics.length);
          return { issues: [], scores: answer };
        },
      },
    });
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    expect((await store.versionMeta(2))?.scores).toEqual(before);
    gated.length = 0;
    answer = now;

    // Act
    const listed = await workflow.versions();
    await workflow.versions();

    // Assess: scored once, the figure shown and kept; the other numbers are the gate's again.
    expect(gated).toHaveLength(1);
    expect(listed.versions.find((v) => v.version === 2)?.scores).toEqual(now);
    expect(await store.versionMeta(2)).toMatchObject({ state: "live", scores: now });
  });

  it("asks a gate that gives no honesty figure once, not at every read of the list", async () => {
    const old = {
      fi: { total: 400, accuracy: 0.955, noneRecall: 0.94 },
      sv: { total: 398, accuracy: 0.97, noneRecall: 0.948 },
    };
    let gated = 0;
    const { workflow } = await setUp({
      deployer: {
        gate: async () => {
          gated++;
          return { issues: [], scores: old };
        },
      },
    });
    await workflow.versions();
    const listed = await workflow.versions();
    expect(gated).toBe(1);
    expect(listed.versions.find((v) => v.version === 1)?.scores).toEqual(old);
  });

  it("keeps why a rollback was asked for, masked, in its comment and the audit trail", async () => {
    // Prepare: version 2 (vat) live.
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);

    // Act
    await workflow.rollback(owner, 1, "  Väärä verokanta, asiakas 131052-308T huomasi.  ");

    // Assess: the service's sentence stays a finding to tell in the reader's language, with
    // the person's reason in it as written, and no identity code anywhere.
    const reason = "Väärä verokanta, asiakas [ID-CODE] huomasi.";
    const said = { code: "rolledBack", params: { version: 1, reason } };
    expect(await store.versionMeta(3)).toMatchObject({
      rollbackOf: 1,
      comment: `Rollback to version 1: ${reason}`,
      commentFinding: said,
    });
    const [entry] = (await workflow.auditTrail({ limit: 1 })).entries;
    expect(entry).toMatchObject({
      action: "rollback",
      version: 3,
      detail: `Rollback to version 1: ${reason}`,
      detailFinding: said,
    });
    expect(JSON.stringify(await store.listVersions())).not.toContain("131052");
  });

  it("names each topic and group a diff lists by its titles, a retired one's as live had it", async () => {
    // Prepare: vat live in version 2; then the draft retires it, adds pension, renames
    // payment, removes the kela group and adds migri.
    const { workflow } = await setUp();
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    await workflow.retireTopic(owner, "vat");
    await workflow.saveTopic(owner, "pension", {
      id: "pension",
      fi: { title: "Eläke", utterances: ["eläke"], answer: "Eläke on tuloa." },
      sv: { title: "Pension", utterances: ["pension"], answer: "Pension är inkomst." },
    });
    const payment = sampleBundle().topics.find((t) => t.id === "payment");
    await workflow.saveTopic(owner, "payment", {
      ...payment,
      fi: { ...payment?.fi, title: "Veron maksaminen" },
      sv: { ...payment?.sv, title: "Betalning av skatt" },
    });
    await workflow.retireReferral(owner, "kela");
    await workflow.saveReferral(owner, "migri", sampleReferral("migri", "Maahanmuuttovirasto"));

    // Act
    const names = (await workflow.draftDiff()).topics.map(({ id, kind, change, title }) => ({
      id,
      kind,
      change,
      title,
    }));
    const published = await workflow.publish(owner, "nimet");

    // Assess: the reviewer reads names, not ids; the out-of-scope lists are no item with one.
    expect(names).toEqual([
      {
        id: "payment",
        change: "changed",
        title: { fi: "Veron maksaminen", sv: "Betalning av skatt" },
      },
      { id: "pension", change: "added", title: { fi: "Eläke", sv: "Pension" } },
      { id: "vat", change: "removed", title: { fi: "ALV", sv: "Moms" } },
      {
        id: "migri",
        kind: "referral",
        change: "added",
        title: { fi: "Maahanmuuttovirasto", sv: "Maahanmuuttovirasto" },
      },
      { id: "kela", kind: "referral", change: "removed", title: { fi: "Kela", sv: "Kela" } },
    ]);
    // A version's diff names them the same way.
    expect((await workflow.diff(published.version)).topics.map((c) => [c.id, c.title?.fi])).toEqual(
      names.map((c) => [c.id, c.title?.fi]),
    );
    // The draft's summary of changes stays as it was: ids and fields only.
    expect((await workflow.draft()).changed.every((c) => !("title" in c))).toBe(true);
  });

  it("lists the versions without the live one's numbers when scoring it fails", async () => {
    const { workflow, store } = await setUp({
      deployer: {
        gate: async () => {
          throw new Error("training failed");
        },
      },
    });
    const listed = await workflow.versions();
    expect(listed.versions.map((v) => [v.version, v.scores])).toEqual([[1, undefined]]);
    expect((await store.versionMeta(1))?.scores).toBeUndefined();
  });

  it("rolls back only to a version that was live before: not to the live one, a rejected one or one superseded unreviewed", async () => {
    // Prepare: 2 rejected; 3 and 4 published against 1, 4 approved, so 3 was never live.
    const { workflow } = await setUp();
    await publishChange(workflow, "ALV");
    await workflow.reject(reviewer, 2, "ei vielä");
    await publishChange(workflow, "Arvonlisävero");
    await publishChange(workflow, "Arvonlisävero ALV");
    await workflow.approve(reviewer, 4);
    const refused = (version: number) =>
      workflow.rollback(owner, version).then(
        () => "rolled back",
        (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
      );
    // Act & Assess
    expect(await refused(2)).toBe(
      "CONFLICT: Version 2 was never live (it is rejected); only a version that was live before can be rolled back to.",
    );
    expect(await refused(3)).toMatch(/^CONFLICT: Version 3 was never live \(it is superseded\)/);
    expect(await refused(4)).toBe(
      "CONFLICT: Version 4 is the live version already; there is nothing to roll back.",
    );
    // Nothing was written for the refusals: the next version is still number 5.
    expect(await workflow.rollback(owner, 1)).toEqual({ version: 5, state: "pending-review" });
  });

  it("rolls back as a new reviewed version, and the draft follows it", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "");
    await workflow.approve(reviewer, 2);
    expect(await workflow.rollback(owner, 1)).toEqual({ version: 3, state: "pending-review" });
    expect(await store.live()).toMatchObject({ version: 2 });
    await workflow.approve(reviewer, 3);
    expect(await store.versionMeta(3)).toMatchObject({
      rollbackOf: 1,
      state: "live",
      // The service wrote the comment: kept as a finding to tell it in the studio's language.
      comment: "Rollback to version 1",
      commentFinding: { code: "rolledBack", params: { version: 1 } },
    });
    expect((await workflow.draft()).draft.bundle.topics.map((t) => t.id)).not.toContain("vat");
    expect((await workflow.diff(3)).topics).toEqual([
      {
        id: "vat",
        change: "removed",
        fields: [],
        details: [],
        // Gone from the rollback's content: named as the version before had it.
        title: { fi: "ALV", sv: "Moms" },
      },
    ]);
    // The version that added it shows the reviewer what it said.
    expect((await workflow.diff(2)).topics).toEqual([
      expect.objectContaining({
        id: "vat",
        change: "added",
        details: expect.arrayContaining([
          { field: "fi.answer", before: "", after: "ALV on arvonlisävero." },
          { field: "sv.utterances", added: ["moms"], removed: [] },
        ]),
      }),
    ]);
    // And the answer as customers get it, for the reviewer to read as they will.
    expect((await workflow.diff(2)).topics[0]?.preview?.after.fi).toEqual({
      from: "bot",
      text: "ALV on arvonlisävero.",
    });
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
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.publish(owner, "c");
    await workflow.reject(reviewer, 2, "needs Swedish review");
    // A reviewer's own words are the reason as written: nothing to tell in another language.
    const rejected = await store.versionMeta(2);
    expect(rejected).toMatchObject({ state: "rejected", error: "needs Swedish review" });
    expect(rejected?.errorFinding).toBeUndefined();
    const trail = (await workflow.auditTrail({ limit: 10 })).entries;
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ["reject", "reviewer"],
      ["publish", "owner"],
      ["draft-save", "owner"],
      ["seed", "system"],
    ]);
  });
  it("keeps staff comments masked in versions and the audit trail", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());

    await workflow.publish(owner, "Asiakas 131052-308T kysyi tätä, puh. 040 123 4567");
    await workflow.reject(reviewer, 2, "Kysy lisää: matti@example.fi");

    const kept = JSON.stringify([
      await store.listVersions(),
      (await workflow.auditTrail({ limit: 10 })).entries,
    ]);
    expect(kept).toContain("Asiakas [ID-CODE] kysyi tätä, puh. [PHONE]");
    expect(kept).toContain("Kysy lisää: [EMAIL]");
    expect(kept).not.toMatch(/131052|4567|matti@/);
  });
});

describe("the content workflow with a deferred go-live (AWS: the Lex build outlasts a request)", () => {
  it("approving marks the version building with its approval and hands it over", async () => {
    // Prepare
    const { workflow, store, served, handedOver } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    // Act
    const approved = await workflow.approve(reviewer, 2);
    // Assess
    expect(approved).toEqual({ version: 2, state: "building" });
    expect(handedOver).toEqual([2]);
    expect(await store.versionMeta(2)).toMatchObject({
      state: "building",
      approvedBy: "reviewer",
      approvedByName: "Henrik",
      approvedAt: "2026-12-02T10:00:00.000Z",
    });
    expect(await store.live()).toMatchObject({ version: 1 });
    expect(served).toEqual([]);
    expect(
      (await workflow.auditTrail({ limit: 1 })).entries.map((e) => [e.action, e.actor]),
    ).toEqual([["approve", "reviewer"]]);
  });

  it("publishing without review hands the version over the same way", async () => {
    const { workflow, handedOver } = await setUpDeferred({ requireReview: false });
    await workflow.saveTopic(owner, "vat", vat());
    expect(await workflow.publish(owner, "")).toEqual({ version: 2, state: "building" });
    expect(handedOver).toEqual([2]);
  });

  it("completeGoLive readies it, moves the pointer, serves it and marks it live", async () => {
    // Prepare
    const prepared: number[] = [];
    const { workflow, store, served } = await setUpDeferred({
      deployer: {
        prepare: async (version) => {
          prepared.push(version);
        },
      },
    });
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    // Act
    const result = await workflow.completeGoLive(2);
    // Assess
    expect(result).toEqual({ version: 2, state: "live" });
    expect(prepared).toEqual([2]);
    expect(served).toEqual([2]);
    expect(await store.live()).toMatchObject({ version: 2 });
    expect(await store.versionMeta(2)).toMatchObject({ state: "live", approvedBy: "reviewer" });
    expect(await store.versionMeta(1)).toMatchObject({ state: "superseded" });
    // The trail reads as in one process: the approver made it live.
    expect(
      (await workflow.auditTrail({ limit: 2 })).entries.map((e) => [e.action, e.actor]),
    ).toEqual([
      ["live", "reviewer"],
      ["approve", "reviewer"],
    ]);
  });

  it("a failed completeGoLive marks it failed with the plain reason and leaves the old live", async () => {
    // Prepare
    const { workflow, store, served } = await setUpDeferred({
      deployer: {
        prepare: async () => {
          throw new Error("Lex could not build sv_SE: intent vat has no utterances.");
        },
      },
    });
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    // Act
    const completing = workflow.completeGoLive(2);
    // Assess
    await expect(completing).rejects.toBeInstanceOf(ContentConflictError);
    expect(await store.live()).toMatchObject({ version: 1 });
    expect(await store.versionMeta(1)).toMatchObject({ state: "live" });
    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      error: "Lex could not build sv_SE: intent vat has no utterances.",
    });
    expect(served).toEqual([]);
    expect((await workflow.auditTrail({ limit: 1 })).entries).toEqual([
      expect.objectContaining({
        action: "failed",
        version: 2,
        detail: "Lex could not build sv_SE: intent vat has no utterances.",
      }),
    ]);
  });

  it("completeGoLive refuses a version that is not being built, and changes nothing", async () => {
    const { workflow, store, served } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    await expect(workflow.completeGoLive(2)).rejects.toThrow(/pending-review/);
    await expect(workflow.completeGoLive(1)).rejects.toThrow(/Version 1 is live/);
    await expect(workflow.completeGoLive(9)).rejects.toThrow(/does not exist/);
    expect(await store.versionMeta(2)).toMatchObject({ state: "pending-review" });
    expect(await store.live()).toMatchObject({ version: 1 });
    expect(served).toEqual([]);
  });

  it("refuses to approve another version while one is being built", async () => {
    // Prepare
    const { workflow, store, handedOver } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    await publishChange(workflow, "Arvonlisävero");
    await workflow.approve(reviewer, 2);
    // Act
    const approving = workflow.approve(reviewer, 3);
    // Assess
    await expect(approving).rejects.toThrow(/Version 2 is being built/);
    expect(await store.versionMeta(3)).toMatchObject({ state: "pending-review" });
    expect(handedOver).toEqual([2]);
    // Once version 2 is live, version 3 (published against version 1) would undo it: it is
    // superseded, and the draft, published again, is what goes next.
    await workflow.completeGoLive(2);
    expect(await store.versionMeta(3)).toMatchObject({ state: "superseded" });
    const again = await workflow.publish(owner, "Arvonlisävero");
    expect(await workflow.approve(reviewer, again.version)).toEqual({
      version: again.version,
      state: "building",
    });
  });

  it("of two versions approved at the same moment, the later one gives way", async () => {
    // Prepare: both approvals passed the check before either was building.
    const { workflow, store, clock } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    await publishChange(workflow, "Arvonlisävero");
    await workflow.approve(reviewer, 2);
    clock.advance(5);
    await store.transition(3, "pending-review", {
      state: "building",
      approvedBy: "other-reviewer",
      approvedByName: "Rita",
      approvedAt: clock.now().toISOString(),
    });
    // Act
    const later = workflow.completeGoLive(3);
    // Assess
    await expect(later).rejects.toThrow(/Version 2 was being built at the same time/);
    expect(await store.versionMeta(3)).toMatchObject({
      state: "failed",
      errorFinding: { code: "buildConcurrent", params: { other: 2 } },
    });
    expect(await workflow.completeGoLive(2)).toEqual({ version: 2, state: "live" });
  });

  it("marks a build abandoned for 30 minutes failed, so it holds up nothing", async () => {
    const { workflow, store, clock } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    await publishChange(workflow, "Arvonlisävero");
    await workflow.approve(reviewer, 2);
    clock.advance(ABANDONED_BUILD_MS);
    expect(await workflow.approve(reviewer, 3)).toEqual({ version: 3, state: "building" });
    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/did not finish within 30 minutes/),
    });
    await expect(workflow.completeGoLive(2)).rejects.toThrow(/Version 2 is failed/);
  });

  it("marks the version failed when its go-live cannot be handed over", async () => {
    const { workflow, store } = await setUp({
      deferGoLive: async () => {
        throw new Error("Rate exceeded");
      },
    });
    await publishChange(workflow, "ALV");
    await expect(workflow.approve(reviewer, 2)).rejects.toThrow(
      /could not be started: Rate exceeded/,
    );
    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      error: "Its build could not be started: Rate exceeded",
    });
    expect(await store.live()).toMatchObject({ version: 1 });
  });
});

describe("the day the rules compare review dates with", () => {
  it("is the Helsinki day of the workflow's clock, in every check of a topic and of a version", async () => {
    const days: string[] = [];
    const store = createMemoryContentStore();
    // 22:30 UTC on 30 November is already 1 December in Helsinki.
    const clock = manualClock(new Date("2026-11-30T22:30:00Z"));
    const workflow = createContentWorkflow({
      store,
      rules: {
        ...rules,
        checkTopic: (json, draft, context) => {
          days.push(context.today);
          return rules.checkTopic(json, draft, context);
        },
        checkBundle: (_bundle, context) => {
          days.push(context.today);
          return [];
        },
      },
      deployer: deployer().d,
      clock,
      settings: { requireReview: false },
    });
    await workflow.seed(sampleBundle(), "repository");

    await workflow.checkTopic("vat", vat());
    await workflow.saveTopic(owner, "vat", vat());
    clock.advance(24 * 3_600_000);
    await workflow.publish(owner, "VAT");

    expect(days).toEqual(["2026-12-01", "2026-12-01", "2026-12-02"]);
  });
});

describe("discarding the draft's changes to one topic or group", () => {
  it("gives a changed topic its live content and test messages back, leaving other changes", async () => {
    const { workflow, store } = await setUp();
    const live = await workflow.draftTopic("tax-card");
    await workflow.saveTopic(owner, "tax-card", {
      ...live.topic,
      fi: { ...live.topic.fi, answer: "Väärä vastaus." },
      tests: { fi: ["uusi testi"], sv: live.tests.sv },
    });
    await workflow.saveTopic(owner, "vat", vat());

    expect(await workflow.revertTopic(owner, "tax-card")).toEqual({
      result: "reverted",
      warnings: [],
      revision: expect.any(String),
    });

    const back = await workflow.draftTopic("tax-card");
    expect(back.topic).toEqual(live.topic);
    expect(back.tests).toEqual(live.tests);
    // Only that topic: the draft still adds vat.
    expect((await workflow.draft()).changed.map((c) => c.id)).toEqual(["vat"]);
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-revert",
      topic: "tax-card",
      version: 1,
    });
    // Nothing left to discard: nothing is written.
    expect(await workflow.revertTopic(owner, "tax-card")).toEqual({
      result: "unchanged",
      warnings: [],
    });
    expect((await store.auditTrail({ limit: 1 })).entries[0]?.action).toBe("draft-revert");
    expect((await store.auditTrail({ limit: 2 })).entries[1]?.action).toBe("draft-save");
  });

  it("un-retires a live topic the draft retired, and retires one live never had", async () => {
    const { workflow } = await setUp();
    await workflow.retireTopic(owner, "payment");
    await workflow.saveTopic(owner, "vat", vat());

    expect((await workflow.revertTopic(owner, "payment")).result).toBe("reverted");
    expect((await workflow.draftTopic("payment")).retired).toBe(false);
    expect((await workflow.revertTopic(owner, "vat")).result).toBe("retired");
    expect((await workflow.draft()).changed).toEqual([]);
    await expect(workflow.revertTopic(owner, "nothing-here")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("brings back a live topic an import left out of the draft", async () => {
    const { workflow } = await setUp();
    await workflow.importDraft(owner, sampleBundle(["payment"]), "elsewhere/");
    expect((await workflow.draft()).changed).toContainEqual({
      id: "tax-card",
      change: "removed",
      fields: [],
    });

    expect((await workflow.revertTopic(owner, "tax-card")).result).toBe("reverted");

    expect((await workflow.draft()).changed.map((c) => c.id)).not.toContain("tax-card");
    expect((await workflow.draftTopic("tax-card")).retired).toBe(false);
  });

  it("gives a changed group its live content back, and removes one live never had", async () => {
    const { workflow } = await setUp();
    const kela = sampleReferral();
    await workflow.saveReferral(owner, "kela", {
      ...kela,
      fi: { ...kela.fi, title: "Kelan asiat" },
    });
    await workflow.saveReferral(owner, "migri", sampleReferral("migri", "Migri"));

    expect((await workflow.revertReferral(owner, "kela")).result).toBe("reverted");
    expect((await workflow.revertReferral(owner, "migri")).result).toBe("retired");
    expect((await workflow.revertReferral(owner, "kela")).result).toBe("unchanged");
    expect((await workflow.draft()).changed).toEqual([]);
  });

  it("brings back a group the draft removed, in the audit trail", async () => {
    const { workflow, store } = await setUp();
    await workflow.retireReferral(owner, "kela");
    await expect(workflow.draftReferral("kela")).rejects.toThrow(/not in the draft/);

    expect((await workflow.revertReferral(owner, "kela")).result).toBe("reverted");

    expect((await workflow.draftReferral("kela")).referral).toEqual(sampleReferral());
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-revert",
      referral: "kela",
      version: 1,
    });
    await expect(workflow.revertReferral(owner, "nobody")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the content workflow's referral groups", () => {
  const traficom = (): ReferralGroup => ({
    ...sampleReferral("traficom", "Ajoneuvovero ja Traficom"),
    fi: {
      title: "Ajoneuvovero ja Traficom",
      answer: "Ajoneuvovero on Traficomin asia.",
      link: { label: "Traficom", url: "https://www.traficom.fi/fi" },
      sentences: [
        "ajoneuvovero",
        "ajoneuvoveron eräpäivä",
        "auton vero",
        "käyttövoimavero",
        "ajoneuvoveron palautus",
      ],
    },
  });

  it("saves a new group into the draft, in the audit trail and the draft's changes", async () => {
    const { workflow } = await setUp();

    const { warnings } = await workflow.saveReferral(owner, "traficom", traficom());

    expect(warnings).toEqual([]);
    expect((await workflow.draftReferral("traficom")).referral.fi.title).toBe(
      "Ajoneuvovero ja Traficom",
    );
    const { changed } = await workflow.draft();
    expect(changed).toContainEqual({
      id: "traficom",
      kind: "referral",
      change: "added",
      fields: [],
    });
    const [entry] = (await workflow.auditTrail({ limit: 1 })).entries;
    expect(entry).toMatchObject({ action: "draft-save", actor: "owner", referral: "traficom" });
  });

  it("refuses a group whose link leaves the allowed sites, naming the field, and writes nothing", async () => {
    const { workflow } = await setUp();
    const group = traficom();
    group.fi.link.url = "https://example.com/ajoneuvovero";

    const error = await workflow.saveReferral(owner, "traficom", group).catch((e) => e);

    expect(error).toBeInstanceOf(ContentInvalidError);
    expect((error as ContentInvalidError).problems).toContainEqual(
      expect.objectContaining({
        path: "fi.link.url",
        message: expect.stringContaining("example.com"),
      }),
    );
    await expect(workflow.draftReferral("traficom")).rejects.toThrow(/not in the draft/);
  });

  it("adds the inbox's texts to a group, skipping ones it has", async () => {
    const { workflow } = await setUp();

    const result = await workflow.addReferralSentences(owner, "kela", "fi", [
      "kelan asumistuki loppui",
      "KELA asia 1",
      " kelan asumistuki loppui ",
    ]);

    expect(result.added).toBe(1);
    const { referral } = await workflow.draftReferral("kela");
    expect(referral.fi.sentences.at(-1)).toBe("kelan asumistuki loppui");
    expect(referral.sv.sentences).toHaveLength(5);
    const [entry] = (await workflow.auditTrail({ limit: 1 })).entries;
    expect(entry).toMatchObject({
      action: "draft-save",
      referral: "kela",
      detail: "added 1 fi sentence(s)",
    });
  });

  it("refuses a text that already teaches a topic, saying where it is", async () => {
    const { workflow } = await setUp();

    const error = await workflow
      .addReferralSentences(owner, "kela", "fi", ["tax-card one"])
      .catch((e) => e);

    expect(error).toBeInstanceOf(ContentInvalidError);
    expect((error as ContentInvalidError).problems[0]?.message).toMatch(
      /"tax-card one" appears in both .*topic tax-card/,
    );
    expect((await workflow.draftReferral("kela")).referral.fi.sentences).toHaveLength(5);
  });

  it("retires a group from the draft", async () => {
    const { workflow } = await setUp();

    await workflow.retireReferral(owner, "kela");

    expect((await workflow.draft()).draft.bundle.referrals).toEqual([]);
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-retire",
      referral: "kela",
    });
  });
});

describe("teaching inbox questions to a topic", () => {
  it("adds each text to the topic's training sentences in its language, once, in the audit trail", async () => {
    // Prepare
    const { workflow, store } = await setUp();
    // Act
    const result = await workflow.teach(
      owner,
      "tax-card",
      "training",
      [
        { lang: "fi", text: "mistä verokortti " },
        { lang: "sv", text: "var får jag skattekort" },
        { lang: "fi", text: "Mistä verokortti" },
        { lang: "fi", text: "tax-card one" },
      ],
      finding("inboxTaught", { count: 3, into: "training" }),
    );
    // Assess
    expect(result.added).toBe(2);
    const view = await workflow.draftTopic("tax-card");
    expect(view.topic.fi.utterances).toEqual(["tax-card one", "tax-card two", "mistä verokortti"]);
    expect(view.topic.sv.utterances).toContain("var får jag skattekort");
    expect(view.tests.fi).toEqual(["mikä on tax-card"]);
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "inbox-teach",
      topic: "tax-card",
      actor: owner.subject,
      detail: "3 questions from the inbox to the training sentences",
      detailFinding: { code: "inboxTaught", params: { count: 3, into: "training" } },
    });
  });

  it("adds texts to the test split when asked", async () => {
    const { workflow } = await setUp();
    await workflow.teach(
      owner,
      "payment",
      "tests",
      [{ lang: "fi", text: "maksu myöhässä" }],
      taught,
    );
    expect((await workflow.draftTopic("payment")).tests.fi).toContain("maksu myöhässä");
    expect((await workflow.draftTopic("payment")).topic.fi.utterances).not.toContain(
      "maksu myöhässä",
    );
  });

  it("never lets the training and test splits share a sentence, and writes nothing then", async () => {
    const { workflow, store } = await setUp();
    const before = (await store.auditTrail({ limit: 10 })).entries;
    const toTraining = workflow.teach(
      owner,
      "payment",
      "training",
      [
        { lang: "fi", text: "Mikä on tax-card" },
        { lang: "fi", text: "uusi lause" },
      ],
      taught,
    );
    await expect(toTraining).rejects.toThrow(ContentInvalidError);
    await expect(toTraining).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: expect.stringContaining("Mikä on tax-card") })],
    });
    const toTests = workflow.teach(
      owner,
      "tax-card",
      "tests",
      [{ lang: "fi", text: "payment one" }],
      taught,
    );
    await expect(toTests).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [expect.objectContaining({ message: expect.stringContaining("payment one") })],
    });
    expect((await workflow.draftTopic("payment")).topic.fi.utterances).not.toContain("uusi lause");
    expect((await store.auditTrail({ limit: 10 })).entries).toEqual(before);
  });
});

describe("two people editing one topic or group", () => {
  /**
   * A store in which `other` saves vat with `title` just before each of the first `times`
   * conditional writes of vat: the write then finds the topic changed since it was read.
   */
  function savedInBetween(
    store: ReturnType<typeof createMemoryContentStore>,
    title: string,
    times = 1,
  ) {
    const put = store.putDraftTopic.bind(store);
    let left = times;
    store.putDraftTopic = async (write, expected) => {
      if (expected && write.topic.id === "vat" && left-- > 0) {
        const meta = {
          ...write.meta,
          updatedBy: "other",
          updatedByName: "Sanna",
          revision: `s${left}`,
        };
        await put({ ...write, topic: vat(title), meta });
      }
      return put(write, expected);
    };
  }

  it("saves over the revision read, and refuses a save over an older one, naming who changed it", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat("ALV"));
    const read = (await workflow.draftTopic("vat")).meta?.revision;
    const saved = await workflow.saveTopic(other, "vat", vat("Sannan ALV"), { revision: read });
    expect(saved.revision).not.toBe(read);

    const stale = workflow.saveTopic(owner, "vat", vat("Outin ALV"), { revision: read });

    await expect(stale).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
      httpStatus: 412,
      message:
        'Sanna changed topic "vat" after you opened it, so your change was not saved. Open it again to see theirs, or save yours over it.',
      current: { updatedByName: "Sanna", revision: saved.revision },
    });
    expect((await workflow.draftTopic("vat")).topic.fi.title).toBe("Sannan ALV");
    expect(
      (await store.auditTrail({ limit: 10 })).entries.filter((e) => e.action === "draft-save"),
    ).toHaveLength(2);
  });

  it("creates a topic only while no one else has, when asked to", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopic(other, "vat", vat("Sannan ALV"), { absent: true });
    await expect(
      workflow.saveTopic(owner, "vat", vat("Outin ALV"), { absent: true }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT", current: { updatedByName: "Sanna" } });
    expect((await workflow.draftTopic("vat")).topic.fi.title).toBe("Sannan ALV");
  });

  it("refuses to retire or discard a topic someone changed since it was read", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopic(owner, "vat", vat("ALV"));
    const read = (await workflow.draftTopic("vat")).meta?.revision;
    await workflow.saveTopic(other, "vat", vat("Sannan ALV"));

    await expect(workflow.retireTopic(owner, "vat", { revision: read })).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
    });
    await expect(workflow.revertTopic(owner, "vat", { revision: read })).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
    });
    const view = await workflow.draftTopic("vat");
    expect([view.retired, view.topic.fi.title]).toEqual([false, "Sannan ALV"]);
  });

  it("answers each write with the revision the next write from the same form expects", async () => {
    const { workflow } = await setUp();
    const saved = await workflow.saveTopic(owner, "vat", vat("ALV"), { absent: true });
    const retired = await workflow.retireTopic(owner, "vat", { revision: saved.revision });
    const back = await workflow.saveTopic(owner, "vat", vat("ALV 2"), {
      revision: retired.revision,
    });
    // Never live: discarding retires it again.
    const reverted = await workflow.revertTopic(owner, "vat", { revision: back.revision });
    expect(reverted.result).toBe("retired");
    expect((await workflow.draftTopic("vat")).meta?.revision).toBe(reverted.revision);
    expect(new Set([saved, retired, back, reverted].map((r) => r.revision)).size).toBe(4);
  });

  it("writes nothing when teaching adds nothing new, so an open form's revision holds", async () => {
    const { workflow, store } = await setUp();
    const saved = await workflow.saveTopic(owner, "vat", vat("ALV"));

    const result = await workflow.teach(
      owner,
      "vat",
      "training",
      [{ lang: "fi", text: "ALV " }],
      taught,
    );

    expect(result.added).toBe(0);
    expect((await workflow.draftTopic("vat")).meta?.revision).toBe(saved.revision);
    // The questions were still dealt with: in the audit trail.
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "inbox-teach",
      topic: "vat",
    });
  });

  it("writes into a draft not stored yet instead of waiting for an item that is not there", async () => {
    const store = createMemoryContentStore();
    await store.putVersion(
      {
        version: 1,
        state: "live",
        author: "system",
        authorName: "System",
        createdAt: "t",
        comment: "",
      },
      sampleBundle(),
    );
    await store.setLive({ version: 1, since: "t" }, undefined);
    const { d } = deployer();
    const workflow = createContentWorkflow({
      store,
      rules,
      deployer: d,
      clock: manualClock(new Date("2026-12-02T10:00:00Z")),
      settings: { requireReview: true },
    });

    await workflow.saveTopic(owner, "vat", vat("ALV"));

    expect((await workflow.draftTopic("vat")).topic.fi.title).toBe("ALV");
    // The draft started as the whole live version, not as this one topic.
    const { changed } = await workflow.draft();
    expect(changed.map((c) => [c.id, c.change])).toEqual([["vat", "added"]]);
  });

  it("teaches over the revision the person saved, and says the new one", async () => {
    const { workflow } = await setUp();
    const saved = await workflow.saveTopic(owner, "vat", vat("ALV"));
    const texts = [{ lang: "fi" as const, text: "miten alv lasketaan" }];

    const result = await workflow.teach(owner, "vat", "training", texts, taught, {
      revision: saved.revision,
    });

    expect((await workflow.draftTopic("vat")).meta?.revision).toBe(result.revision);
    await workflow.saveTopic(other, "vat", vat("Sannan ALV"));
    await expect(
      workflow.teach(owner, "vat", "training", [{ lang: "fi", text: "alv 2" }], taught, {
        revision: result.revision,
      }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
  });

  it("tells a retire after someone else's retire or removal as a conflict, not as not found", async () => {
    const { workflow } = await setUp();
    const saved = await workflow.saveTopic(owner, "vat", vat("ALV"));
    await workflow.retireTopic(other, "vat");
    const read = (await workflow.draftReferral("kela")).meta?.revision;
    await workflow.retireReferral(other, "kela");

    await expect(
      workflow.retireTopic(owner, "vat", { revision: saved.revision }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT", current: { retired: true } });
    await expect(workflow.retireReferral(owner, "kela", { revision: read })).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
      current: undefined,
    });
    // Without a revision read, as before: not there.
    await expect(workflow.retireReferral(owner, "kela")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("teaches to the topic as it is when written, keeping a save made in between", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat("ALV"));
    savedInBetween(store, "Sannan ALV");

    const result = await workflow.teach(
      owner,
      "vat",
      "training",
      [{ lang: "fi", text: "miten alv lasketaan" }],
      taught,
    );

    expect(result.added).toBe(1);
    const view = await workflow.draftTopic("vat");
    expect(view.topic.fi.title).toBe("Sannan ALV");
    expect(view.topic.fi.utterances).toContain("miten alv lasketaan");
  });

  it("gives up with a conflict when the topic keeps changing, and writes nothing of its own", async () => {
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "vat", vat("ALV"));
    savedInBetween(store, "Sannan ALV", 10);

    const teaching = workflow.teach(
      owner,
      "vat",
      "training",
      [{ lang: "fi", text: "miten alv lasketaan" }],
      taught,
    );

    await expect(teaching).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'Topic "vat" kept changing while this was saved; nothing was saved. Try again.',
    });
    expect((await workflow.draftTopic("vat")).topic.fi.utterances).not.toContain(
      "miten alv lasketaan",
    );
    expect(
      (await store.auditTrail({ limit: 10 })).entries.some((e) => e.action === "inbox-teach"),
    ).toBe(false);
  });

  it("answers a save sent again after its answer was lost as made, not as a conflict with itself", async () => {
    const { workflow, store } = await setUp();
    const read = { absent: true } as const;
    const kela = sampleReferral();
    const group = { ...kela, fi: { ...kela.fi, title: "KELA" } };
    const groupRead = (await workflow.draftReferral("kela")).meta?.revision;
    const scope = { fi: ["kela asia", "pizzeria"], sv: ["fpa sak"] };
    const scopeRead = (await workflow.draftOutOfScope()).meta?.revision;

    const saves = async () => [
      await workflow.saveTopic(owner, "vat", vat("ALV"), read),
      await workflow.saveReferral(owner, "kela", group, { revision: groupRead }),
      await workflow.saveOutOfScope(owner, scope, { revision: scopeRead }),
    ];
    const first = await saves();
    const again = await saves();

    expect(again.map((r) => r.revision)).toEqual(first.map((r) => r.revision));
    expect(
      (await store.auditTrail({ limit: 10 })).entries.filter((e) => e.action === "draft-save"),
    ).toHaveLength(3);
    // Only one's own save of the same content: anything else is still a conflict.
    await expect(workflow.saveTopic(owner, "vat", vat("ALV 2"), read)).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
    });
    await expect(workflow.saveTopic(other, "vat", vat("ALV"), read)).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
    });
    await workflow.retireTopic(owner, "vat");
    await expect(workflow.saveTopic(owner, "vat", vat("ALV"), read)).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
      current: { retired: true },
    });
  });

  it("refuses a group save over an older revision, and adds the inbox's texts to the newest", async () => {
    const { workflow } = await setUp();
    const read = (await workflow.draftReferral("kela")).meta?.revision;
    const kela = sampleReferral();
    await workflow.saveReferral(other, "kela", { ...kela, fi: { ...kela.fi, title: "KELA" } });

    await expect(
      workflow.saveReferral(owner, "kela", kela, { revision: read }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT", current: { updatedByName: "Sanna" } });
    await expect(workflow.retireReferral(owner, "kela", { revision: read })).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
    });
    await workflow.addReferralSentences(owner, "kela", "fi", ["milloin kela maksaa"]);
    const group = (await workflow.draftReferral("kela")).referral;
    expect([group.fi.title, group.fi.sentences.at(-1)]).toEqual(["KELA", "milloin kela maksaa"]);
  });
});

describe("versions waiting for review when another goes live", () => {
  it("supersedes the others published against the old live version, saying why, in the audit trail", async () => {
    // Prepare: versions 2 and 3 both published against version 1.
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");
    await publishChange(workflow, "Arvonlisävero");
    // Act
    await workflow.approve(reviewer, 3);
    // Assess: approving 2 now would drop what 3 changed.
    const superseded = finding("supersededUnreviewed", { live: 3 });
    expect(await store.versionMeta(2)).toMatchObject({
      state: "superseded",
      error: superseded.message,
      errorFinding: superseded.finding,
    });
    expect(await store.versionMeta(2)).not.toHaveProperty("approvedBy");
    expect(
      (await workflow.auditTrail({ limit: 3 })).entries.map((e) => [e.action, e.actor, e.version]),
    ).toEqual([
      ["live", "reviewer", 3],
      ["supersede", "system", 2],
      ["approve", "reviewer", 3],
    ]);
    await expect(workflow.approve(reviewer, 2)).rejects.toThrow(/Version 2 is superseded/);
    expect((await workflow.draft()).pendingReview).toEqual([]);
  });

  it("supersedes every version published before, and reviews the draft published again against the new live one", async () => {
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    await publishChange(workflow, "Arvonlisävero");
    await workflow.saveTopic(owner, "vat", vat("Arvonlisävero 2"));
    // Version 4 is published against 2 as well: 3 going live supersedes it, not the other way.
    await workflow.publish(owner, "toinen");
    await workflow.approve(reviewer, 3);
    expect(await store.versionMeta(4)).toMatchObject({ state: "superseded" });
    await workflow.saveTopic(owner, "vat", vat("Arvonlisävero 3"));
    expect(await workflow.publish(owner, "kolmas")).toEqual({
      version: 5,
      state: "pending-review",
    });
    expect(await store.versionMeta(5)).toMatchObject({ basedOn: 3 });
    expect(await workflow.approve(reviewer, 5)).toEqual({ version: 5, state: "live" });
  });

  it("refuses to approve a version published against another live version, and supersedes it", async () => {
    // Prepare: version 3 went live without the sweep (another process, or before it existed).
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");
    await store.putVersion(
      {
        version: await store.nextVersionNumber(),
        state: "live",
        author: "someone",
        authorName: "Someone",
        createdAt: "2026-12-02T09:00:00.000Z",
        comment: "elsewhere",
        basedOn: 1,
      },
      sampleBundle(["tax-card", "payment", "other"]),
    );
    await store.setLive({ version: 3, since: "2026-12-02T09:00:00.000Z" }, 1);
    // Act
    const approving = workflow.approve(reviewer, 2);
    // Assess
    await expect(approving).rejects.toMatchObject({
      code: "VERSION_STALE",
      httpStatus: 409,
      message:
        "Version 2 was published when version 1 was live, but version 3 is live now: approving it would undo the changes of version 3. Publish the draft again and review the new version.",
      finding: { code: "versionStale", params: { version: 2, basedOn: 1, live: 3 } },
    });
    expect(await store.versionMeta(2)).toMatchObject({ state: "superseded" });
    expect(await store.live()).toMatchObject({ version: 3 });
  });

  it("takes a version stored before its base was kept as stale only when older than live", async () => {
    const { workflow, store } = await setUp();
    const older = (version: number) => ({
      version,
      state: "pending-review" as const,
      author: "owner",
      authorName: "Outi",
      createdAt: "2026-12-01T10:00:00.000Z",
      comment: `v${version}`,
    });
    await store.putVersion(older(await store.nextVersionNumber()), sampleBundle(["tax-card"]));
    await store.putVersion(older(await store.nextVersionNumber()), sampleBundle(["payment"]));
    // Version 2 is newer than live version 1: it may be approved.
    expect(await workflow.approve(reviewer, 2)).toEqual({ version: 2, state: "live" });
    // Version 3 is newer than live version 2 as well: it stays.
    expect(await store.versionMeta(3)).toMatchObject({ state: "pending-review" });
    await publishChange(workflow, "ALV");
    expect(await workflow.approve(reviewer, 4)).toEqual({ version: 4, state: "live" });
    // Now older than the live version 4: superseded.
    expect(await store.versionMeta(3)).toMatchObject({ state: "superseded" });
  });

  it("fails a version being built when another went live meanwhile, leaving that one live", async () => {
    const { workflow, store, served } = await setUpDeferred();
    await publishChange(workflow, "ALV");
    await workflow.approve(reviewer, 2);
    await store.putVersion(
      {
        version: await store.nextVersionNumber(),
        state: "live",
        author: "someone",
        authorName: "Someone",
        createdAt: "2026-12-02T10:00:00.000Z",
        comment: "elsewhere",
        basedOn: 1,
      },
      sampleBundle(["tax-card", "payment", "other"]),
    );
    await store.setLive({ version: 3, since: "2026-12-02T10:00:00.000Z" }, 1);

    await expect(workflow.completeGoLive(2)).rejects.toThrow(/version 3 is live now/);

    expect(await store.versionMeta(2)).toMatchObject({
      state: "failed",
      errorFinding: { code: "versionStale", params: { version: 2, basedOn: 1, live: 3 } },
    });
    expect(await store.live()).toMatchObject({ version: 3 });
    expect(served).toEqual([]);
  });

  it("refuses to publish what a version waiting for review has already, naming it", async () => {
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");

    const again = workflow.publish(owner, "uudestaan");

    await expect(again).rejects.toMatchObject({
      code: "ALREADY_PENDING",
      httpStatus: 409,
      finding: { code: "alreadyPending", params: { version: 2 } },
    });
    expect((await store.listVersions()).map((v) => v.version)).toEqual([2, 1]);
    // A rollback to the same content is the same second review.
    await workflow.approve(reviewer, 2);
    await workflow.rollback(owner, 1);
    await expect(workflow.rollback(other, 1)).rejects.toMatchObject({ code: "ALREADY_PENDING" });
    // Once it is decided, the same content can be published again.
    await workflow.reject(reviewer, 3, "ei vielä");
    expect(await workflow.rollback(owner, 1)).toEqual({ version: 4, state: "pending-review" });
  });

  it("names in the draft's diff the version waiting for review that has the draft's content", async () => {
    const { workflow } = await setUp();
    await publishChange(workflow, "ALV");

    expect(await workflow.draftDiff()).toMatchObject({ against: 1, pendingWithDraft: 2 });
    // One more change makes the draft new again against what waits.
    await workflow.saveTopic(owner, "vat", vat("ALV 2"));
    expect(await workflow.draftDiff()).not.toHaveProperty("pendingWithDraft");
    await workflow.saveTopic(owner, "vat", vat("ALV"));
    expect((await workflow.draftDiff()).pendingWithDraft).toBe(2);
    // Once it is live, the draft has nothing new and no version waits with it.
    await workflow.approve(reviewer, 2);
    const after = await workflow.draftDiff();
    expect(after.topics).toEqual([]);
    expect(after).not.toHaveProperty("pendingWithDraft");
  });

  it("lets the author withdraw a version waiting for review, and nobody else", async () => {
    const { workflow, store } = await setUp();
    await publishChange(workflow, "ALV");

    await expect(workflow.withdraw(reviewer, 2)).rejects.toMatchObject({
      code: "NOT_AUTHOR",
      httpStatus: 403,
    });
    expect(await workflow.withdraw(owner, 2)).toEqual({ version: 2, state: "rejected" });

    const withdrawn = finding("withdrawnByAuthor", {});
    expect(await store.versionMeta(2)).toMatchObject({
      state: "rejected",
      error: withdrawn.message,
      errorFinding: withdrawn.finding,
    });
    expect(
      (await workflow.auditTrail({ limit: 1 })).entries.map((e) => [e.action, e.actor, e.version]),
    ).toEqual([["withdraw", "owner", 2]]);
    await expect(workflow.withdraw(owner, 2)).rejects.toThrow(
      "Version 2 is rejected; only a version pending review can be withdrawn.",
    );
    await expect(workflow.approve(reviewer, 2)).rejects.toBeInstanceOf(ContentConflictError);
    // The draft is as it was: published again, it is a new version.
    expect(await workflow.publish(owner, "uudestaan")).toEqual({
      version: 3,
      state: "pending-review",
    });
  });

  it("tells the studio whether a publish waits for a reviewer", async () => {
    expect((await (await setUp()).workflow.versions()).reviewRequired).toBe(true);
    const unreviewed = await setUp({ requireReview: false });
    expect((await unreviewed.workflow.versions()).reviewRequired).toBe(false);
  });
});

describe("telling an author how the review of their version ended", () => {
  it("keeps who rejected, withdrew or superseded a version, and when", async () => {
    const { workflow, store, clock } = await setUp();
    const second = await publishChange(workflow, "ALV");
    clock.advance(60_000);
    await workflow.reject(reviewer, second, "Lähde puuttuu.");
    expect(await store.versionMeta(second)).toMatchObject({
      state: "rejected",
      error: "Lähde puuttuu.",
      rejectedBy: "reviewer",
      rejectedByName: "Henrik",
      rejectedAt: "2026-12-02T10:01:00.000Z",
    });
    const third = await publishChange(workflow, "Arvonlisävero");
    await workflow.withdraw(owner, third);
    expect(await store.versionMeta(third)).toMatchObject({ rejectedBy: "owner" });

    // Prepare: two versions against live version 1; the later one goes live first.
    const unreviewed = await publishChange(workflow, "ALV 2");
    const approved = await publishChange(workflow, "ALV 3");
    clock.advance(60_000);
    await workflow.approve(reviewer, approved);
    // Assess: the one left waiting, and the version live before, name what superseded them.
    const at = "2026-12-02T10:02:00.000Z";
    expect(await store.versionMeta(unreviewed)).toMatchObject({
      state: "superseded",
      supersededByVersion: approved,
      supersededAt: at,
    });
    expect(await store.versionMeta(1)).toMatchObject({
      state: "superseded",
      supersededByVersion: approved,
      supersededAt: at,
    });
  });

  it("lists the reader's own versions someone else decided in the last 30 days, newest first", async () => {
    const { workflow, clock } = await setUp();
    const tooOld = await publishChange(workflow, "Vanha");
    await workflow.reject(reviewer, tooOld, "Liian vanha uutiseksi.");
    clock.advance(31 * 24 * 60 * 60_000);
    const rejected = await publishChange(workflow, "ALV");
    clock.advance(60_000);
    await workflow.reject(reviewer, rejected, "Lähde puuttuu.");
    const withdrawn = await publishChange(workflow, "Arvonlisävero");
    await workflow.withdraw(owner, withdrawn);
    // Someone else's version is no news to this reader.
    await workflow.saveTopic(other, "vat", vat("Sannan ALV"));
    const theirs = (await workflow.publish(other, "Sannan")).version;
    await workflow.reject(reviewer, theirs, "Ei.");
    const unreviewed = await publishChange(workflow, "ALV 2");
    await workflow.saveTopic(other, "vat", vat("Sannan toinen"));
    const live = (await workflow.publish(other, "Sannan toinen")).version;
    clock.advance(60_000);
    await workflow.approve(reviewer, live);
    const approved = await publishChange(workflow, "ALV 3");
    clock.advance(60_000);
    await workflow.approve(reviewer, approved);

    const { decided } = await workflow.draft(owner);

    expect(decided.map((d) => [d.version.version, d.outcome, d.by.displayName, d.at])).toEqual([
      [approved, "approved", "Henrik", "2027-01-02T10:03:00.000Z"],
      [unreviewed, "superseded", "system", "2027-01-02T10:02:00.000Z"],
      [rejected, "rejected", "Henrik", "2027-01-02T10:01:00.000Z"],
    ]);
    expect(decided.find((d) => d.outcome === "rejected")?.version.error).toBe("Lähde puuttuu.");
    // Without a reader, nobody's news.
    expect((await workflow.draft()).decided).toEqual([]);
  });
});

describe("a version published again after a rejection", () => {
  it("shows against the rejected version only what changed since the verdict", async () => {
    // Prepare: a new topic and a changed one, rejected; then one more change, published again.
    const { workflow } = await setUp();
    await workflow.saveTopic(owner, "vat", vat());
    await workflow.saveTopic(owner, "payment", { ...vat("Maksu"), id: "payment" });
    const rejected = (await workflow.publish(owner, "ensimmäinen")).version;
    await workflow.reject(reviewer, rejected, "ALV:n otsikko on väärin.");
    await workflow.saveTopic(owner, "vat", vat("Arvonlisävero"));
    const again = (await workflow.publish(owner, "korjattu")).version;

    // Act
    const sinceRejected = await workflow.diff(again, rejected);

    // Assess: against live it repeats both; since the rejected version, only the fix.
    expect((await workflow.diff(again)).topics.map((c) => c.id)).toEqual(["payment", "vat"]);
    expect(sinceRejected).toMatchObject({ version: again, against: rejected });
    expect(sinceRejected.topics).toEqual([
      expect.objectContaining({
        id: "vat",
        change: "changed",
        fields: ["fi.title"],
        details: [{ field: "fi.title", before: "ALV", after: "Arvonlisävero" }],
      }),
    ]);
    await expect(workflow.diff(again, 99)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a rollback going live brings the draft along", () => {
  const sanna = { subject: "sanna", displayName: "Sanna" };
  const capitalGains = (): TopicFile => ({ ...vat("Pääomatulo"), id: "capital-gains" });

  /** Version 2 (live) adds vat to version 1; version 3 is a rollback to 1, pending. */
  async function rollbackPending() {
    const setup = await setUp();
    await publishChange(setup.workflow, "ALV");
    await setup.workflow.approve(reviewer, 2);
    return setup;
  }

  it("keeps the draft's unpublished changes and gives every other item the rolled-back content", async () => {
    // Prepare: Sanna's changes in the draft, made against live version 2.
    const { workflow, store } = await rollbackPending();
    const payment = { ...(sampleBundle().topics[1] as TopicFile) };
    await workflow.saveTopic(sanna, "payment", {
      ...payment,
      fi: { ...payment.fi, answer: "Maksa OmaVerossa." },
    });
    await workflow.saveTopic(sanna, "capital-gains", capitalGains());
    const before = await workflow.draft();
    const taxCardMeta = before.draft.meta.get("tax-card");
    const paymentMeta = before.draft.meta.get("payment");
    expect((await workflow.rollback(owner, 1)).version).toBe(3);
    // Act
    await workflow.approve(reviewer, 3);
    // Assess: vat, unchanged in the draft, follows the rollback out (as its author's change).
    const { draft, changed } = await workflow.draft();
    expect(draft.bundle.topics.map((t) => t.id).sort()).toEqual([
      "capital-gains",
      "payment",
      "tax-card",
    ]);
    expect(draft.retired.map((t) => t.id)).toEqual(["vat"]);
    expect(draft.meta.get("vat")).toMatchObject({ updatedBy: "owner", retired: true });
    // Sanna's changes are as she left them, and show as changes against the new live version.
    expect(draft.meta.get("payment")).toEqual(paymentMeta);
    expect(draft.bundle.topics.find((t) => t.id === "payment")?.fi.answer).toBe(
      "Maksa OmaVerossa.",
    );
    expect(changed.map((c) => [c.id, c.change])).toEqual([
      ["payment", "changed"],
      ["capital-gains", "added"],
    ]);
    // What neither changed was not written at all.
    expect(draft.meta.get("tax-card")).toEqual(taxCardMeta);
    const live = (await workflow.auditTrail({ limit: 1 })).entries[0];
    expect(live).toMatchObject({
      action: "live",
      version: 3,
      actor: "reviewer",
      detailFinding: { code: "rollbackDraftRebased", params: { version: 1, kept: 2 } },
      detail:
        "The draft took the content of version 1 where it had no changes of its own; 2 unpublished changes were kept.",
    });
    expect(await store.versionMeta(3)).toMatchObject({ state: "live", basedOn: 2 });
  });

  it("keeps a topic someone saved while the rollback went live", async () => {
    const { workflow, store } = await rollbackPending();
    await workflow.rollback(owner, 1);
    // Sanna saves vat just before the rollback's write of it: that write finds it changed.
    const put = store.putDraftTopic.bind(store);
    store.putDraftTopic = async (write, expected) => {
      if (write.topic.id === "vat" && write.meta.updatedBy === "owner") {
        const meta = { ...write.meta, updatedBy: "sanna", retired: false, revision: "sannas" };
        await put({ ...write, topic: vat("Sannan ALV"), meta });
      }
      return put(write, expected);
    };

    await workflow.approve(reviewer, 3);

    const { draft, changed } = await workflow.draft();
    expect(draft.bundle.topics.find((t) => t.id === "vat")?.fi.title).toBe("Sannan ALV");
    expect(draft.meta.get("vat")).toMatchObject({ updatedBy: "sanna", revision: "sannas" });
    expect(changed).toEqual([{ id: "vat", change: "added", fields: [] }]);
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]?.detailFinding).toEqual({
      code: "rollbackDraftRebased",
      params: { version: 1, kept: 1 },
    });
  });

  it("brings back the rolled-back out-of-scope examples and referral groups", async () => {
    // Version 2 came from an import with more out-of-scope examples and no referral groups.
    const { workflow } = await setUp();
    const imported = {
      ...sampleBundle(),
      outOfScope: { fi: ["kela asia", "pizzeria"], sv: ["fpa sak", "pizzeria"] },
      referrals: [],
    };
    await workflow.importDraft(owner, imported, "bot-content/");
    await workflow.publish(owner, "tuotu");
    await workflow.approve(reviewer, 2);
    await workflow.rollback(owner, 1);

    await workflow.approve(reviewer, 3);

    const { draft, changed } = await workflow.draft();
    expect(draft.bundle.outOfScope).toEqual(sampleBundle().outOfScope);
    expect(draft.bundle.referrals).toEqual(sampleBundle().referrals);
    expect(changed).toEqual([]);
  });

  it("goes live even when the draft cannot be brought along, and says so", async () => {
    const { workflow, store, served } = await rollbackPending();
    await workflow.rollback(owner, 1);
    store.putDraftTopic = async () => {
      throw new Error("Throughput exceeds the table's capacity");
    };

    expect(await workflow.approve(reviewer, 3)).toEqual({ version: 3, state: "live" });

    expect(served).toEqual([2, 3]);
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "live",
      detailFinding: {
        code: "rollbackDraftNotRebased",
        params: { version: 1, detail: "Throughput exceeds the table's capacity" },
      },
    });
  });
});

describe("the draft's out-of-scope examples", () => {
  const other = { subject: "other", displayName: "Sanna" };

  it("saves both lists over the revision read, keeping the none messages, in the audit trail and diff", async () => {
    const { workflow } = await setUp();
    const read = await workflow.draftOutOfScope();
    expect(read.outOfScope).toEqual({ fi: ["kela asia"], sv: ["fpa sak"] });

    const saved = await workflow.saveOutOfScope(
      owner,
      { fi: ["kela asia", "  kauppa auki sunnuntaina "], sv: [] },
      { revision: read.meta?.revision },
    );

    expect(saved.warnings).toEqual([]);
    const now = await workflow.draftOutOfScope();
    // Stored as the rules compared them: trimmed.
    expect(now.outOfScope).toEqual({ fi: ["kela asia", "kauppa auki sunnuntaina"], sv: [] });
    expect(now.meta).toMatchObject({ updatedByName: "Outi", revision: saved.revision });
    const { draft } = await workflow.draft();
    expect(draft.bundle.tests.fi).toContainEqual({ text: "poliisi", intent: "none" });
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-save",
      actor: "owner",
      outOfScope: true,
      detail: "added: fi 1, sv 0; removed: fi 0, sv 1",
      detailFinding: {
        code: "outOfScopeEdited",
        params: { added: { fi: 1, sv: 0 }, removed: { fi: 0, sv: 1 } },
      },
    });
    // What a reviewer sees before approving: sentences added and removed per language.
    expect((await workflow.draftDiff()).topics).toEqual([
      {
        id: "out-of-scope",
        change: "changed",
        fields: ["outOfScope.fi", "outOfScope.sv"],
        details: [
          { field: "outOfScope.fi", added: ["kauppa auki sunnuntaina"], removed: [] },
          { field: "outOfScope.sv", added: [], removed: ["fpa sak"] },
        ],
      },
    ]);
  });

  it("refuses a sentence a topic teaches, naming the topic, and writes nothing", async () => {
    const { workflow } = await setUp();

    const error = await workflow
      .saveOutOfScope(owner, { fi: ["kela asia", "tax-card one"], sv: ["fpa sak"] })
      .catch((e) => e);

    expect(error).toBeInstanceOf(ContentInvalidError);
    expect((error as ContentInvalidError).problems).toEqual([
      expect.objectContaining({
        path: "fi[1]",
        finding: expect.objectContaining({
          code: "sentenceShared",
          params: expect.objectContaining({ other: { kind: "topic", id: "tax-card", lang: "fi" } }),
        }),
      }),
    ]);
    expect((await workflow.draftOutOfScope()).outOfScope.fi).toEqual(["kela asia"]);
    expect(await workflow.checkOutOfScope({ fi: ["tax-card one"], sv: [] })).toHaveLength(1);
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]?.action).toBe("seed");
  });

  it("refuses a save over a revision someone has saved past, naming them", async () => {
    const { workflow } = await setUp();
    const read = (await workflow.draftOutOfScope()).meta?.revision;
    const theirs = await workflow.saveOutOfScope(
      other,
      { fi: ["kela asia", "pankki"], sv: ["fpa sak"] },
      { revision: read },
    );

    const stale = workflow.saveOutOfScope(
      owner,
      { fi: ["kauppa"], sv: ["fpa sak"] },
      { revision: read },
    );

    await expect(stale).rejects.toMatchObject({
      code: "EDIT_CONFLICT",
      httpStatus: 412,
      message:
        "Sanna changed the out-of-scope examples after you opened them, so your change was not saved. Open them again to see theirs, or save yours over them.",
      current: { updatedByName: "Sanna", revision: theirs.revision },
    });
    expect((await workflow.draftOutOfScope()).outOfScope.fi).toEqual(["kela asia", "pankki"]);
  });

  it("gives back live's lists on discard, refused while a draft topic teaches one of them", async () => {
    const { workflow } = await setUp();
    expect(await workflow.revertOutOfScope(owner)).toEqual({ result: "unchanged", warnings: [] });
    // "kela asia" moves from out-of-scope to a topic: two saves.
    await workflow.saveOutOfScope(owner, { fi: [], sv: ["fpa sak"] });
    const payment = (await workflow.draftTopic("payment")).topic;
    const taught = { ...payment, fi: { ...payment.fi, utterances: ["kela asia"] } };
    await workflow.saveTopic(owner, "payment", taught);

    const refused = await workflow.revertOutOfScope(owner).catch((e) => e);
    expect(refused).toBeInstanceOf(ContentInvalidError);
    expect((refused as ContentInvalidError).problems[0]).toMatchObject({ path: "fi[0]" });
    expect((await workflow.draftOutOfScope()).outOfScope.fi).toEqual([]);

    await workflow.revertTopic(owner, "payment");
    const reverted = await workflow.revertOutOfScope(owner);
    expect(reverted).toMatchObject({ result: "reverted", warnings: [] });
    expect((await workflow.draftOutOfScope()).meta?.revision).toBe(reverted.revision);
    expect((await workflow.draftOutOfScope()).outOfScope).toEqual({
      fi: ["kela asia"],
      sv: ["fpa sak"],
    });
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-revert",
      outOfScope: true,
      version: 1,
    });
    expect((await workflow.draftDiff()).topics).toEqual([]);
  });
});

describe("the uncovered questions of a content version", () => {
  it("go from the seed into the draft, and from the draft into what publishing gates and keeps", async () => {
    const uncovered = {
      fi: [{ text: "koiravero helsinki", matter: "dog-tax" }],
      sv: [{ text: "hundskatt i Esbo", matter: "dog-tax" }],
    };
    const gated: ContentBundle[] = [];
    const store = createMemoryContentStore();
    const workflow = createContentWorkflow({
      store,
      rules,
      deployer: deployer({
        gate: async (bundle) => {
          gated.push(bundle);
          return { issues: [] };
        },
      }).d,
      clock: manualClock(new Date("2026-12-02T10:00:00Z")),
      settings: { requireReview: true },
    });
    await workflow.seed({ ...sampleBundle(), uncovered }, "repository");

    await workflow.saveTopic(owner, "vat", vat());
    const { version } = await workflow.publish(owner, "ALV");

    expect((await workflow.draft()).draft.bundle.uncovered).toEqual(uncovered);
    expect(gated.at(-1)?.uncovered).toEqual(uncovered);
    expect((await store.versionBundle(version))?.uncovered).toEqual(uncovered);
  });
});

describe("the draft's uncovered questions", () => {
  const dogTax = { text: "paljonko koiravero on", matter: "dog-tax" };
  const giftTax = { text: "lahjavero serkulta", matter: "gift-tax" };

  it("are saved over the revision read, trimmed, in the audit trail and the diff, and discarded", async () => {
    const { workflow } = await setUp();
    // Seeded without a set: none to read, and its revision is the one of no item ("0").
    const read = await workflow.draftUncovered();
    expect(read).toEqual({ uncovered: { fi: [], sv: [] } });

    const saved = await workflow.saveUncovered(
      owner,
      { fi: [dogTax, { text: "  lahjavero serkulta ", matter: "gift-tax" }], sv: [] },
      { revision: undefined },
    );

    expect(saved.warnings).toEqual([]);
    const now = await workflow.draftUncovered();
    expect(now.uncovered).toEqual({ fi: [dogTax, giftTax], sv: [] });
    expect(now.meta).toMatchObject({ updatedByName: "Outi", revision: saved.revision });
    expect((await workflow.auditTrail({ limit: 1, uncovered: true })).entries[0]).toMatchObject({
      action: "draft-save",
      actor: "owner",
      uncovered: true,
      detailFinding: {
        code: "outOfScopeEdited",
        params: { added: { fi: 2, sv: 0 }, removed: { fi: 0, sv: 0 } },
      },
    });
    const { changed } = await workflow.draft();
    expect(changed).toEqual([
      { id: "uncovered", kind: "uncovered", change: "changed", fields: ["uncovered.fi"] },
    ]);
    const diff = await workflow.draftDiff();
    expect(diff.topics[0]?.details).toEqual([
      {
        field: "uncovered.fi",
        added: ["paljonko koiravero on (dog-tax)", "lahjavero serkulta (gift-tax)"],
        removed: [],
      },
    ]);

    const reverted = await workflow.revertUncovered(owner, { revision: saved.revision });
    expect(reverted).toMatchObject({ result: "reverted", warnings: [] });
    expect((await workflow.draftUncovered()).uncovered).toEqual({ fi: [], sv: [] });
    expect((await workflow.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-revert",
      uncovered: true,
      version: 1,
      detailFinding: { params: { added: { fi: 0, sv: 0 }, removed: { fi: 2, sv: 0 } } },
    });
    expect((await workflow.draft()).changed).toEqual([]);
    expect(await workflow.revertUncovered(owner)).toMatchObject({ result: "unchanged" });
  });

  it("refuse a save over someone else's, and one the rules refuse, writing nothing", async () => {
    const { workflow } = await setUp();
    const first = await workflow.saveUncovered(other, { fi: [dogTax], sv: [] });

    await expect(
      workflow.saveUncovered(owner, { fi: [giftTax], sv: [] }, { revision: undefined }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT", httpStatus: 412 });
    // A training sentence is no uncovered question: refused at its place, nothing written.
    await expect(
      workflow.saveUncovered(
        owner,
        { fi: [dogTax, { text: "tax-card one", matter: "tax-card" }], sv: [] },
        { revision: first.revision },
      ),
    ).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [expect.objectContaining({ path: "fi[1].text" })],
    });
    expect(await workflow.draftUncovered()).toMatchObject({
      uncovered: { fi: [dogTax], sv: [] },
      meta: { updatedByName: "Sanna", revision: first.revision },
    });
    expect(await workflow.checkUncovered({ fi: [{ text: "", matter: "x" }], sv: [] })).toEqual([
      expect.objectContaining({ path: "fi[0].text", severity: "error" }),
    ]);
  });
  it("gain the inbox's questions in their languages, skipping those the set has, as a save of the set", async () => {
    const { workflow } = await setUp();
    await workflow.saveUncovered(other, { fi: [dogTax], sv: [] });

    const result = await workflow.addUncovered(
      owner,
      [
        // The set has it already: ä/ö and case aside, as the rules tell questions apart.
        { lang: "fi", text: "Paljonko koiravero on?" },
        { lang: "fi", text: "  koiraveron eräpäivä " },
        { lang: "sv", text: "när förfaller hundskatten" },
        { lang: "sv", text: "nar forfaller hundskatten" },
      ],
      "dog-tax",
    );

    expect(result).toMatchObject({
      added: 2,
      keptUnder: ["dog-tax", "dog-tax", "dog-tax", "dog-tax"],
      warnings: [],
    });
    const now = await workflow.draftUncovered();
    expect(now.uncovered).toEqual({
      fi: [dogTax, { text: "koiraveron eräpäivä", matter: "dog-tax" }],
      sv: [{ text: "när förfaller hundskatten", matter: "dog-tax" }],
    });
    expect(now.meta).toMatchObject({ updatedByName: "Outi", revision: result.revision });
    expect((await workflow.auditTrail({ limit: 1, uncovered: true })).entries[0]).toMatchObject({
      action: "draft-save",
      actor: "owner",
      uncovered: true,
      detailFinding: { params: { added: { fi: 1, sv: 1 }, removed: { fi: 0, sv: 0 } } },
    });
    // Nothing new: nothing written, the set's revision still holds.
    const again = await workflow.addUncovered(
      owner,
      [{ lang: "fi", text: dogTax.text }],
      "dog-tax",
    );
    expect(again).toEqual({
      added: 0,
      keptUnder: ["dog-tax"],
      warnings: [],
      revision: result.revision,
    });
  });

  it("say the matter the set already keeps a question under, when asked to keep it under another", async () => {
    const { workflow } = await setUp();
    const saved = await workflow.saveUncovered(other, { fi: [dogTax], sv: [] });

    const result = await workflow.addUncovered(
      owner,
      [
        { lang: "fi", text: "PALJONKO KOIRAVERO ON?" },
        { lang: "fi", text: "lemmikkivero kissalle" },
      ],
      "pet-tax",
    );

    // The kept one stays under its matter: the set says one thing of each question.
    expect(result.keptUnder).toEqual(["dog-tax", "pet-tax"]);
    expect((await workflow.draftUncovered()).uncovered.fi).toEqual([
      dogTax,
      { text: "lemmikkivero kissalle", matter: "pet-tax" },
    ]);
    // Nothing new at all: nothing written, and still told where it is kept.
    const known = await workflow.addUncovered(
      owner,
      [{ lang: "fi", text: dogTax.text }],
      "pet-tax",
    );
    expect(known).toEqual({
      added: 0,
      keptUnder: ["dog-tax"],
      warnings: [],
      revision: result.revision,
    });
    expect(result.revision).not.toBe(saved.revision);
  });

  it("refuse the inbox's whole request when one question is trained on, naming it, and write nothing", async () => {
    const { workflow } = await setUp();

    const adding = workflow.addUncovered(
      owner,
      [
        { lang: "fi", text: "koiraveron eräpäivä" },
        { lang: "fi", text: "tax-card one" },
      ],
      "dog-tax",
    );

    await expect(adding).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [
        expect.objectContaining({
          path: "fi[1].text",
          finding: expect.objectContaining({
            code: "heldOutTrained",
            params: expect.objectContaining({ text: "tax-card one" }),
          }),
        }),
      ],
    });
    expect((await workflow.draftUncovered()).uncovered).toEqual({ fi: [], sv: [] });
  });

  it("keep a save of the set made by someone else meanwhile, adding to it", async () => {
    const base = createMemoryContentStore();
    let interrupted = false;
    const clock = manualClock(new Date("2026-12-02T10:00:00Z"));
    const make = (store: typeof base) =>
      createContentWorkflow({
        store,
        rules,
        deployer: deployer().d,
        clock,
        settings: { requireReview: true },
      });
    const plain = make(base);
    // The owner's first write meets Sanna's save, made between its read and its write.
    const racing = make({
      ...base,
      async putDraftUncovered(item, expected) {
        if (!interrupted) {
          interrupted = true;
          await plain.saveUncovered(other, { fi: [giftTax], sv: [] });
        }
        return base.putDraftUncovered(item, expected);
      },
    });
    await plain.seed(sampleBundle(), "repository");

    await racing.addUncovered(owner, [{ lang: "fi", text: dogTax.text }], "dog-tax");

    expect((await plain.draftUncovered()).uncovered).toEqual({ fi: [giftTax, dogTax], sv: [] });
  });
});

describe("a new topic saved unfinished (in progress)", () => {
  /** A Finnish-only start of a topic: the rules want a Finnish title, so it fails them. */
  const crypto = (title = "") => ({
    id: "crypto",
    fi: { title, utterances: ["kryptovarat"], answer: "" },
    tests: { fi: ["miten krypto verotetaan"], sv: [] },
  });
  /** The same topic with what it lacked: it passes the rules. */
  const finished = (title = "Kryptovarat") => ({
    ...crypto(),
    fi: { title, utterances: ["kryptovarat"], answer: "Kryptovarat verotetaan." },
    sv: { title: "Kryptotillgångar", utterances: ["krypto"], answer: "Om krypto." },
  });

  it("keeps the body as sent out of the bundle, naming what still keeps it from use", async () => {
    const { workflow, store } = await setUp();
    const digest = bundleDigest((await workflow.draft()).draft.bundle);

    const saved = await workflow.saveTopicInProgress(owner, "crypto", crypto());

    expect(saved).toEqual({
      inProgress: true,
      warnings: [],
      problems: [expect.objectContaining({ severity: "error", path: "fi.title" })],
      revision: expect.any(String),
    });
    const { draft, changed } = await workflow.draft();
    // Nothing trains on it, tests it or publishes it: the bundle is as before.
    expect(draft.bundle.topics.map((t) => t.id)).not.toContain("crypto");
    expect(draft.bundle.tests.fi.some((c) => c.intent === "crypto")).toBe(false);
    expect(bundleDigest(draft.bundle)).toBe(digest);
    expect(changed).toEqual([]);
    expect(draft.inProgress?.get("crypto")).toEqual({ body: crypto(), problems: 1 });
    expect(await workflow.draftWork("crypto")).toMatchObject({
      inProgress: { body: crypto() },
      meta: { updatedBy: "owner", revision: saved.revision },
    });
    await expect(workflow.draftTopic("crypto")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-save",
      topic: "crypto",
      inProgress: true,
    });
  });

  it("leaves it out of the draft's diff and the publish, naming it as what will not be published", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopicInProgress(owner, "crypto", crypto());
    await workflow.saveTopicInProgress(owner, "estate", {
      sv: { title: "Arv" },
      fi: { title: " " },
    });

    const diff = await workflow.draftDiff();

    expect(diff.topics).toEqual([]);
    expect(diff.inProgress).toEqual([{ id: "crypto" }, { id: "estate", title: "Arv" }]);
    await expect(workflow.publish(owner, "")).rejects.toMatchObject({ code: "CONFLICT" });
    await workflow.saveTopic(owner, "vat", vat());
    expect((await workflow.publish(owner, "")).version).toBe(2);
    expect((await workflow.versionAndLive(2)).bundle.topics.map((t) => t.id)).not.toContain(
      "crypto",
    );
  });

  it("is finished by a save that passes the rules, which puts it in use", async () => {
    const { workflow } = await setUp();
    const { revision } = await workflow.saveTopicInProgress(owner, "crypto", crypto());
    // A save that still fails refuses, and the unfinished work stays as it was.
    await expect(
      workflow.saveTopic(owner, "crypto", crypto(), { revision }),
    ).rejects.toBeInstanceOf(ContentInvalidError);
    expect((await workflow.draft()).draft.inProgress?.get("crypto")?.body).toEqual(crypto());

    await workflow.saveTopic(owner, "crypto", finished(), { revision });

    const { draft, changed } = await workflow.draft();
    expect(draft.inProgress?.has("crypto")).toBe(false);
    expect(draft.bundle.topics.find((t) => t.id === "crypto")?.fi.title).toBe("Kryptovarat");
    expect(draft.bundle.tests.fi).toContainEqual({
      text: "miten krypto verotetaan",
      intent: "crypto",
    });
    expect(changed.map((c) => [c.id, c.change])).toEqual([["crypto", "added"]]);
    expect((await workflow.draftDiff()).inProgress).toBeUndefined();
  });

  it("is only for a topic the live version does not have, and refuses what a save refuses", async () => {
    const { workflow, store } = await setUp();
    const trail = (await store.auditTrail({ limit: 100 })).entries.length;

    await expect(
      workflow.saveTopicInProgress(owner, "payment", { fi: { title: "" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      httpStatus: 400,
      message: expect.stringMatching(/^inProgress: /),
    });
    await expect(
      workflow.saveTopicInProgress(owner, "crypto", { ...crypto(), id: "bitcoin" }),
    ).rejects.toBeInstanceOf(ContentInvalidError);
    // An id no topic may have: it could never be finished.
    await expect(workflow.saveTopicInProgress(owner, "none", { fi: {} })).rejects.toMatchObject({
      code: "CONTENT_INVALID",
      problems: [
        expect.objectContaining({
          path: "id",
          finding: expect.objectContaining({ code: "reservedId" }),
        }),
      ],
    });
    await expect(
      workflow.saveTopicInProgress(owner, "crypto", {
        ...crypto(),
        fi: { title: "", answer: "x".repeat(MAX_IN_PROGRESS_BYTES) },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", finding: { code: "inProgressTooLarge" } });

    expect((await workflow.draft()).draft.inProgress?.size ?? 0).toBe(0);
    expect((await store.auditTrail({ limit: 100 })).entries).toHaveLength(trail);
  });

  it("is saved over only the revision its editor read, as any topic", async () => {
    const { workflow } = await setUp();
    const first = await workflow.saveTopicInProgress(owner, "crypto", crypto(), { absent: true });
    await expect(
      workflow.saveTopicInProgress(other, "crypto", crypto(), { absent: true }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
    // The same save sent again after its answer was lost is answered as made.
    expect(await workflow.saveTopicInProgress(owner, "crypto", crypto(), { absent: true })).toEqual(
      first,
    );
  });

  it("goes from the draft when deleted or discarded, in the audit trail", async () => {
    const { workflow, store } = await setUp();
    const { revision } = await workflow.saveTopicInProgress(owner, "crypto", crypto());
    await workflow.saveTopicInProgress(owner, "estate", { fi: { title: "" } });

    expect(await workflow.retireTopic(owner, "crypto", { revision })).toEqual({ warnings: [] });
    expect(await workflow.revertTopic(owner, "estate")).toEqual({
      result: "retired",
      warnings: [],
    });

    const { draft } = await workflow.draft();
    expect(draft.inProgress?.size).toBe(0);
    expect(draft.meta.has("crypto")).toBe(false);
    expect(draft.retired).toEqual([]);
    expect((await store.auditTrail({ limit: 1 })).entries[0]).toMatchObject({
      action: "draft-retire",
      topic: "estate",
      inProgress: true,
    });
    await expect(workflow.retireTopic(owner, "crypto")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("tells a finished topic that offers it as a follow-up that it is still in progress", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopicInProgress(owner, "crypto", crypto());
    const payment = { ...(sampleBundle().topics[1] as TopicFile), followUps: ["crypto"] };

    const checked = await workflow.checkTopic("payment", payment);
    const refused = await workflow.saveTopic(owner, "payment", payment).catch((e) => e);

    const inProgress = {
      code: "followUpInProgress",
      params: { field: ["followUps", 0], id: "crypto" },
    };
    expect(checked).toEqual([expect.objectContaining({ finding: inProgress })]);
    expect(refused).toBeInstanceOf(ContentInvalidError);
    expect(refused.problems).toEqual([
      expect.objectContaining({
        path: "followUps[0]",
        message: expect.stringContaining('"crypto" is still in progress'),
        finding: inProgress,
      }),
    ]);
  });

  it("warns when a finished topic never published goes back in progress and is still offered", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopic(owner, "crypto", finished());
    await workflow.saveTopic(owner, "payment", {
      ...(sampleBundle().topics[1] as TopicFile),
      followUps: ["crypto"],
    });

    const { warnings } = await workflow.saveTopicInProgress(owner, "crypto", crypto());

    expect(warnings).toEqual([
      expect.objectContaining({
        finding: { code: "stillFollowUp", params: { other: "payment", id: "crypto" } },
      }),
    ]);
    expect((await workflow.draft()).draft.bundle.topics.map((t) => t.id)).not.toContain("crypto");
  });

  it("is kept by an import, and beside a topic of its id the import brings in", async () => {
    const { workflow } = await setUp();
    await workflow.saveTopicInProgress(owner, "crypto", crypto());
    await workflow.saveTopicInProgress(owner, "estate", { fi: { title: "" } });

    await workflow.importDraft(owner, sampleBundle(["tax-card", "payment", "crypto"]), "files/");

    const { draft } = await workflow.draft();
    expect(draft.bundle.topics.map((t) => t.id)).toContain("crypto");
    expect(draft.inProgress?.get("crypto")?.body).toEqual(crypto());
    expect(draft.inProgress?.has("estate")).toBe(true);
    // The editor opens the owner's work; discarding it leaves the imported topic.
    expect((await workflow.draftWork("crypto"))?.inProgress.body).toEqual(crypto());
    await workflow.retireTopic(owner, "crypto");
    expect((await workflow.draft()).draft.inProgress?.has("crypto")).toBe(false);
    expect((await workflow.draftTopic("crypto")).retired).toBe(false);
  });

  it("is kept through a rollback, beside the topic when the rollback brings one of its id live", async () => {
    // Version 2 (live) adds crypto; the draft retires it and starts it again in progress.
    const { workflow, store } = await setUp();
    await workflow.saveTopic(owner, "crypto", finished());
    await workflow.publish(owner, "crypto");
    await workflow.approve(reviewer, 2);
    await workflow.rollback(owner, 1);
    await workflow.approve(reviewer, 3);
    // Live (3) has no crypto now: a new topic again, started over unfinished.
    await workflow.saveTopicInProgress(owner, "crypto", crypto("Uusi krypto"));
    await workflow.saveTopicInProgress(owner, "estate", { fi: { title: "" } });

    // Act: a rollback to version 2 brings crypto live again.
    await workflow.rollback(owner, 2);
    await workflow.approve(reviewer, 4);

    const { draft, changed } = await workflow.draft();
    // Live's crypto is in use, unchanged; the owner's work is still there beside it.
    expect(draft.bundle.topics.find((t) => t.id === "crypto")?.fi.title).toBe("Kryptovarat");
    expect(draft.inProgress?.get("crypto")?.body).toMatchObject({ fi: { title: "Uusi krypto" } });
    expect(draft.inProgress?.has("estate")).toBe(true);
    expect(changed).toEqual([]);
    // Discarding the draft's changes to it drops the work and keeps live's topic.
    expect((await workflow.revertTopic(owner, "crypto")).result).toBe("reverted");
    expect((await store.draft())?.inProgress?.has("crypto")).toBe(false);
  });
});
