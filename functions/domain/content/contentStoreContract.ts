import { describe, expect, it } from "vitest";
import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { LANGS } from "../../contracts/lang.ts";
import type { ContentBundle } from "./bundle.ts";
import type {
  AuditQuery,
  ContentStore,
  ContentStoreOptions,
  Draft,
  DraftTopicMeta,
} from "./contentStore.ts";
import type { AuditEntry, VersionMeta } from "./versions.ts";

function topic(id: string, title: string = id): TopicFile {
  const locale = { title, utterances: [`${id} one`, `${id} two`], answer: `About ${id}.` };
  return { id: id as TopicFile["id"], fi: locale, sv: { ...locale, answer: `Om ${id}.` } };
}

export function sampleReferral(id = "kela", title = "Kela"): ReferralGroup {
  const link = { label: "kela.fi", url: "https://www.kela.fi/" };
  const side = (word: string) => ({
    title,
    answer: `${word} ${id}.`,
    link,
    sentences: [1, 2, 3, 4, 5].map((n) => `${id} ${word} ${n}`),
  });
  return { id, fi: side("asia"), sv: side("sak") };
}

export function sampleBundle(ids: string[] = ["tax-card", "payment"]): ContentBundle {
  return {
    topics: ids.map((id) => topic(id)),
    outOfScope: { fi: ["kela asia"], sv: ["fpa sak"] },
    referrals: [sampleReferral()],
    tests: {
      fi: ids
        .flatMap((id) => [{ text: `mikä on ${id}`, intent: id }])
        .concat({ text: "poliisi", intent: "none" }),
      sv: ids.map((id) => ({ text: `vad är ${id}`, intent: id })),
    },
    dev: { fi: [{ text: `dev ${ids[0]}`, intent: ids[0] ?? "none" }], sv: [] },
  };
}

const meta = (version: number, over: Partial<VersionMeta> = {}): VersionMeta => ({
  version,
  state: "pending-review",
  author: "a",
  authorName: "A",
  createdAt: "2026-12-01T10:00:00.000Z",
  comment: `v${version}`,
  ...over,
});

const who: DraftTopicMeta & { revision: string } = {
  updatedBy: "u",
  updatedByName: "U",
  updatedAt: "2026-12-01T10:00:00.000Z",
  retired: false,
  revision: "r0",
};

/** An audit entry at `at`, told apart by `detail`. */
const entry = (at: string, detail: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  actor: "a",
  actorName: "A",
  action: "draft-save",
  detail,
  ...over,
});

/** Every page of the trail from the newest on, as `detail`s per page, and whether each had `next`. */
async function allPages(store: ContentStore, query: Omit<AuditQuery, "before">) {
  const pages: { details: (string | undefined)[]; next: boolean }[] = [];
  let before: string | undefined;
  do {
    const page = await store.auditTrail({ ...query, ...(before ? { before } : {}) });
    pages.push({ details: page.entries.map((e) => e.detail), next: page.next !== undefined });
    before = page.next;
  } while (before !== undefined && pages.length < 20);
  return pages;
}

/** What every ContentStore promises; run against each adapter with a fresh store per test. */
export function describeContentStoreContract(
  name: string,
  fresh: (options?: ContentStoreOptions) => Promise<ContentStore>,
) {
  describe(`${name} content store`, () => {
    it("hands out increasing version numbers", async () => {
      const store = await fresh();
      const a = await store.nextVersionNumber();
      const b = await store.nextVersionNumber();
      expect(b).toBe(a + 1);
    });

    it("gives a version back as it was stored, held-out messages with their topics", async () => {
      const store = await fresh();
      const bundle = sampleBundle();
      await store.putVersion(meta(1), bundle);
      const back = (await store.versionBundle(1)) as ContentBundle;
      expect(back.topics.map((t) => t.id).sort()).toEqual(["payment", "tax-card"]);
      expect(back.topics.find((t) => t.id === "tax-card")).toEqual(bundle.topics[0]);
      expect(back.outOfScope).toEqual(bundle.outOfScope);
      expect(back.referrals).toEqual(bundle.referrals);
      expect(new Set(back.tests.fi.map((c) => `${c.intent}|${c.text}`))).toEqual(
        new Set(bundle.tests.fi.map((c) => `${c.intent}|${c.text}`)),
      );
      expect(back.dev.fi).toEqual(bundle.dev.fi);
      expect(await store.versionBundle(2)).toBeUndefined();
    });

    it("keeps a version's gate numbers, the honesty figure and the counts against live among them, and the service's comment as a finding", async () => {
      const store = await fresh();
      const kept = meta(1, {
        comment: "Rollback to version 3",
        commentFinding: { code: "rolledBack", params: { version: 3 } },
        rollbackOf: 3,
        scores: {
          fi: {
            total: 402,
            accuracy: 0.9552,
            noneRecall: 0.94,
            uncoveredAnswered: 2 / 72,
            uncoveredCases: 72,
            againstLive: { version: 3, newMistakes: 12, fixed: 19 },
          },
          sv: {
            total: 399,
            accuracy: 0.97,
            noneRecall: 0.948,
            uncoveredAnswered: 0,
            uncoveredCases: 0,
            againstLive: { version: 3, newMistakes: 0, fixed: 0 },
          },
        },
      });
      await store.putVersion(kept, sampleBundle());
      expect(await store.versionMeta(1)).toEqual(kept);
      expect(await store.listVersions()).toEqual([kept]);
    });

    it("adds the numbers to a version that had none, or none of the honesty figure, keeping its state", async () => {
      const store = await fresh();
      const older = { total: 402, accuracy: 0.9552, noneRecall: 0.94 };
      await store.putVersion(meta(1, { scores: { fi: older, sv: older } }), sampleBundle());
      const scores = {
        fi: { ...older, uncoveredAnswered: 1 / 72, uncoveredCases: 72 },
        sv: { ...older, uncoveredAnswered: 0, uncoveredCases: 70 },
      };
      expect(await store.transition(1, "pending-review", { state: "pending-review", scores })).toBe(
        true,
      );
      expect(await store.versionMeta(1)).toMatchObject({ state: "pending-review", scores });
      expect((await store.listVersions())[0]?.scores).toEqual(scores);
    });

    it("moves a version's state only from the state it is in", async () => {
      const store = await fresh();
      await store.putVersion(meta(1), sampleBundle());
      expect(await store.transition(1, "pending-review", { state: "live", approvedBy: "b" })).toBe(
        true,
      );
      expect(await store.transition(1, "pending-review", { state: "rejected" })).toBe(false);
      expect(await store.versionMeta(1)).toMatchObject({
        state: "live",
        approvedBy: "b",
        comment: "v1",
      });
      expect(await store.transition(9, "pending-review", { state: "live" })).toBe(false);
    });

    it("lists versions newest first", async () => {
      const store = await fresh();
      for (const v of [1, 2, 3]) await store.putVersion(meta(v), sampleBundle());
      expect((await store.listVersions()).map((m) => m.version)).toEqual([3, 2, 1]);
    });

    it("lists the history a page at a time, older than a version", async () => {
      const store = await fresh();
      for (const v of [1, 2, 3, 4, 5]) await store.putVersion(meta(v), sampleBundle());
      const versions = async (page: Parameters<ContentStore["listVersions"]>[0]) =>
        (await store.listVersions(page)).map((m) => m.version);
      expect(await versions({ limit: 2 })).toEqual([5, 4]);
      expect(await versions({ before: 4, limit: 2 })).toEqual([3, 2]);
      expect(await versions({ before: 2, limit: 2 })).toEqual([1]);
      expect(await versions({ before: 1 })).toEqual([]);
      expect(await versions({ before: 4 })).toEqual([3, 2, 1]);
    });

    it("finds the versions in a state without the rest of the history", async () => {
      const store = await fresh();
      for (const v of [1, 2, 3, 4]) await store.putVersion(meta(v), sampleBundle());
      await store.transition(2, "pending-review", { state: "building" });
      await store.transition(4, "pending-review", { state: "building" });
      await store.transition(3, "pending-review", { state: "rejected" });
      expect((await store.versionsIn("building")).map((m) => m.version)).toEqual([4, 2]);
      expect((await store.versionsIn("pending-review")).map((m) => m.version)).toEqual([1]);
      expect(await store.versionsIn("live")).toEqual([]);
    });

    it("moves the live pointer only from the version the caller saw", async () => {
      const store = await fresh();
      expect(await store.live()).toBeUndefined();
      expect(await store.setLive({ version: 1, since: "t1" }, undefined)).toBe(true);
      expect(await store.setLive({ version: 2, since: "t2" }, undefined)).toBe(false);
      expect(await store.setLive({ version: 3, since: "t3" }, 2)).toBe(false);
      expect(await store.setLive({ version: 2, since: "t2" }, 1)).toBe(true);
      expect(await store.live()).toEqual({ version: 2, since: "t2" });
    });

    it("keeps the draft per topic, with retired topics out of the bundle", async () => {
      const store = await fresh();
      expect(await store.draft()).toBeUndefined();
      await store.replaceDraft(sampleBundle(["tax-card", "payment", "vat"]), who);
      await store.putDraftTopic({
        topic: topic("vat", "ALV"),
        tests: { fi: ["alv kysymys"], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, updatedBy: "editor" },
      });
      await store.putDraftTopic({
        topic: topic("payment"),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, retired: true },
      });
      const draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id).sort()).toEqual(["tax-card", "vat"]);
      expect(draft?.bundle.topics.find((t) => t.id === "vat")?.fi.title).toBe("ALV");
      expect(draft?.bundle.tests.fi).toContainEqual({ text: "alv kysymys", intent: "vat" });
      expect(draft?.bundle.tests.fi.some((c) => c.intent === "payment")).toBe(false);
      expect(draft?.retired.map((t) => t.id)).toEqual(["payment"]);
      expect(draft?.meta.get("vat")?.updatedBy).toBe("editor");
    });

    it("hands out the draft and a version frozen: a change fails and the next read is as stored", async () => {
      const store = await fresh();
      const bundle = sampleBundle(["tax-card", "payment"]);
      await store.putVersion(meta(1), bundle);
      await store.replaceDraft(bundle, who);
      // What the caller gave is its own: storing it froze a copy, not the caller's object.
      bundle.topics.splice(1);
      const version = (await store.versionBundle(1)) as ContentBundle;
      const draft = (await store.draft()) as Draft;

      expect(() => version.topics.splice(0)).toThrow(TypeError);
      expect(() => {
        (draft.bundle.topics[0] as TopicFile).fi.title = "changed";
      }).toThrow(TypeError);
      expect(() => draft.bundle.tests.fi.push({ text: "x", intent: "vat" })).toThrow(TypeError);
      expect((await store.versionBundle(1))?.topics).toHaveLength(2);
      expect((await store.draft())?.bundle.topics.map((t) => t.fi.title)).not.toContain("changed");
      expect((await store.draft())?.bundle.topics).toHaveLength(2);
    });

    it("gives a version stored without referral groups back with none", async () => {
      const store = await fresh();
      await store.putVersion(meta(1), { ...sampleBundle(), referrals: [] });
      expect((await store.versionBundle(1))?.referrals).toEqual([]);
    });

    it("keeps the uncovered questions with a version and the draft, through a topic's save", async () => {
      const store = await fresh();
      const uncovered = {
        fi: [{ text: "koiravero helsinki", matter: "dog-tax" }],
        sv: [{ text: "hundskatt", matter: "dog-tax" }],
      };
      await store.putVersion(meta(1), { ...sampleBundle(), uncovered });
      await store.putVersion(meta(2), sampleBundle());
      await store.replaceDraft({ ...sampleBundle(["tax-card", "vat"]), uncovered }, who);
      await store.putDraftTopic({
        topic: topic("vat", "ALV"),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: who,
      });

      expect((await store.versionBundle(1))?.uncovered).toEqual(uncovered);
      // Stored before the set was kept: read back without one, not failed.
      expect((await store.versionBundle(2))?.uncovered).toBeUndefined();
      expect((await store.draft())?.bundle.uncovered).toEqual(uncovered);
      // An import without the set leaves the draft with none, not the one before.
      await store.replaceDraft(sampleBundle(["tax-card"]), { ...who, revision: "r9" });
      expect((await store.draft())?.bundle.uncovered).toBeUndefined();
    });

    it("writes the draft's uncovered questions, both languages at once, only as their writer expects", async () => {
      const store = await fresh();
      // Imported without a set: there is no item of it to expect a revision of.
      await store.replaceDraft(sampleBundle(), who);
      expect((await store.draft())?.uncoveredMeta).toBeUndefined();
      const set = (text: string) => ({
        fi: [{ text, matter: "dog-tax" }],
        sv: [{ text: `${text} sv`, matter: "dog-tax" }],
      });
      const write = (text: string, revision: string) => ({
        uncovered: set(text),
        meta: { ...who, revision },
      });

      expect(await store.putDraftUncovered(write("a", "r1"), { revision: "r0" })).toBe(false);
      expect(await store.putDraftUncovered(write("a", "r1"), { absent: true })).toBe(true);
      expect(await store.putDraftUncovered(write("b", "r2"), { absent: true })).toBe(false);
      expect(await store.putDraftUncovered(write("b", "r2"), { revision: "r0" })).toBe(false);
      // Sent again after it was made (a retried request): made, not a conflict with itself.
      expect(await store.putDraftUncovered(write("a", "r1"), { absent: true })).toBe(true);
      expect(await store.putDraftUncovered(write("b", "r2"), { revision: "r1" })).toBe(true);

      const draft = await store.draft();
      expect(draft?.bundle.uncovered).toEqual(set("b"));
      expect(draft?.uncoveredMeta).toEqual({ ...who, revision: "r2" });
      expect(draft?.bundle.outOfScope).toEqual(sampleBundle().outOfScope);
      // An import that has the set stores it under the import's revision.
      await store.replaceDraft(
        { ...sampleBundle(), uncovered: set("c") },
        { ...who, revision: "r9" },
      );
      expect((await store.draft())?.uncoveredMeta?.revision).toBe("r9");
      expect((await store.draft())?.bundle.uncovered).toEqual(set("c"));
    });

    it("keeps the draft's referral groups one by one, and removes one", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(), who);
      await store.putDraftReferral({
        id: "traficom",
        group: sampleReferral("traficom", "Traficom"),
        meta: { ...who, updatedBy: "editor" },
      });
      await store.putDraftReferral({ id: "kela", meta: who });
      const draft = await store.draft();
      expect(draft?.bundle.referrals.map((r) => r.id)).toEqual(["traficom"]);
      expect(draft?.referralMeta.get("traficom")?.updatedBy).toBe("editor");
      expect(draft?.bundle.topics.map((t) => t.id).sort()).toEqual(["payment", "tax-card"]);
    });

    it("writes a draft topic over only the revision its writer read", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["tax-card", "vat"]), { ...who, revision: "r1" });
      const write = (title: string, revision: string) => ({
        topic: topic("vat", title),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, revision },
      });

      expect(await store.putDraftTopic(write("ALV", "r2"), { revision: "r1" })).toBe(true);
      // The second writer read r1 too: refused, and the first one's save stands.
      expect(await store.putDraftTopic(write("Arvonlisävero", "r3"), { revision: "r1" })).toBe(
        false,
      );
      const draft = await store.draft();
      expect(draft?.bundle.topics.find((t) => t.id === "vat")?.fi.title).toBe("ALV");
      expect(draft?.meta.get("vat")?.revision).toBe("r2");
      // A new topic is written only while no topic has its id, retired ones included.
      expect(await store.putDraftTopic(write("Uusi", "r4"), { absent: true })).toBe(false);
      const created = { ...write("Pääomatulo", "r5"), topic: topic("capital-gains", "Pääomatulo") };
      expect(await store.putDraftTopic(created, { absent: true })).toBe(true);
      const second = { ...created, meta: { ...who, revision: "r6" } };
      expect(await store.putDraftTopic(second, { absent: true })).toBe(false);
      expect((await store.draft())?.meta.get("capital-gains")?.revision).toBe("r5");
    });

    it("counts a write sent again after it was made (a retried request) as made", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["vat"]), { ...who, revision: "r1" });
      const write = {
        topic: topic("vat", "ALV"),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, revision: "r2" },
      };
      expect(await store.putDraftTopic(write, { revision: "r1" })).toBe(true);
      // Its condition no longer holds, but the item is this very write: nobody else's.
      expect(await store.putDraftTopic(write, { revision: "r1" })).toBe(true);
      const created = { ...write, topic: topic("capital-gains", "Pääomatulo") };
      expect(await store.putDraftTopic(created, { absent: true })).toBe(true);
      expect(await store.putDraftTopic(created, { absent: true })).toBe(true);
      const group = { id: "vero", group: sampleReferral("vero", "Vero"), meta: write.meta };
      expect(await store.putDraftReferral(group, { absent: true })).toBe(true);
      expect(await store.putDraftReferral(group, { absent: true })).toBe(true);
      const draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => [t.id, t.fi.title]).sort()).toEqual([
        ["capital-gains", "Pääomatulo"],
        ["vat", "ALV"],
      ]);
      expect(draft?.meta.get("vat")?.revision).toBe("r2");
    });

    it("tells an item written before revisions from a changed one", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["payment"]), who);
      const { revision: _none, ...unrevised } = who;
      const write = {
        topic: topic("tax-card", "Verokortti"),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, revision: "r1" },
      };
      await store.putDraftTopic({ ...write, meta: unrevised });
      expect((await store.draft())?.meta.get("tax-card")?.revision).toBeUndefined();
      expect(await store.putDraftTopic(write, { revision: "r0" })).toBe(false);
      expect(await store.putDraftTopic(write, { revision: undefined })).toBe(true);
      const next = { ...write, meta: { ...who, revision: "r2" } };
      expect(await store.putDraftTopic(next, { revision: undefined })).toBe(false);
    });

    it("writes and removes a referral group only as its writer expects", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(), { ...who, revision: "r1" });
      const traficom = {
        id: "traficom",
        group: sampleReferral("traficom", "Traficom"),
        meta: { ...who, revision: "r2" },
      };
      expect(await store.putDraftReferral(traficom, { absent: true })).toBe(true);
      const again = { ...traficom, meta: { ...who, revision: "r3" } };
      expect(await store.putDraftReferral(again, { absent: true })).toBe(false);
      expect(await store.putDraftReferral({ id: "kela", meta: who }, { revision: "r0" })).toBe(
        false,
      );
      expect((await store.draft())?.bundle.referrals.map((r) => r.id).sort()).toEqual([
        "kela",
        "traficom",
      ]);
      expect(await store.putDraftReferral({ id: "kela", meta: who }, { revision: "r1" })).toBe(
        true,
      );
      const draft = await store.draft();
      expect(draft?.bundle.referrals.map((r) => r.id)).toEqual(["traficom"]);
      expect(draft?.referralMeta.get("traficom")?.revision).toBe("r2");
    });

    it("writes the draft's out-of-scope item only as its writer expects", async () => {
      const store = await fresh();
      expect(
        await store.putDraftScope(
          {
            outOfScope: { fi: ["pizza"], sv: [] },
            tests: { fi: [], sv: [] },
            dev: { fi: [], sv: [] },
            meta: { ...who, revision: "r9" },
          },
          { absent: true },
        ),
      ).toBe(true);
      await store.replaceDraft(sampleBundle(["tax-card"]), { ...who, revision: "r1" });
      // replaceDraft gives the item its revision too.
      expect((await store.draft())?.scopeMeta?.revision).toBe("r1");
      const scope = (revision: string) => ({
        outOfScope: { fi: ["kela asia", "pizzeria"], sv: ["pizzeria"] },
        tests: { fi: ["poliisi", "ravintola"], sv: ["polis"] },
        dev: { fi: ["kauppa"], sv: [] },
        meta: { ...who, revision },
      });

      expect(await store.putDraftScope(scope("r2"), { absent: true })).toBe(false);
      expect(await store.putDraftScope(scope("r3"), { revision: "r0" })).toBe(false);
      expect(await store.putDraftScope(scope("r2"), { revision: "r1" })).toBe(true);
      // Sent again after it was made: made.
      expect(await store.putDraftScope(scope("r2"), { revision: "r1" })).toBe(true);

      const draft = (await store.draft()) as Draft;
      expect(draft.scopeMeta?.revision).toBe("r2");
      expect(draft.bundle.outOfScope).toEqual({ fi: ["kela asia", "pizzeria"], sv: ["pizzeria"] });
      const none = (split: "tests" | "dev", lang: "fi" | "sv") =>
        draft.bundle[split][lang].filter((c) => c.intent === "none").map((c) => c.text);
      expect([none("tests", "fi"), none("tests", "sv"), none("dev", "fi")]).toEqual([
        ["poliisi", "ravintola"],
        ["polis"],
        ["kauppa"],
      ]);
      // The topics' own messages stay theirs.
      expect(draft.bundle.tests.fi).toContainEqual({
        text: "mikä on tax-card",
        intent: "tax-card",
      });
      expect(draft.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
    });

    it("writes the out-of-scope lists over only the revision read, leaving the none messages", async () => {
      const store = await fresh();
      const bundle = sampleBundle();
      await store.replaceDraft(bundle, { ...who, revision: "r1" });
      expect((await store.draft())?.scopeMeta?.revision).toBe("r1");
      const write = (fi: string[], revision: string) => ({
        outOfScope: { fi, sv: ["fpa sak"] },
        meta: { ...who, updatedBy: "editor", revision },
      });

      expect(await store.putDraftOutOfScope(write(["kauppa"], "r2"), { revision: "r1" })).toBe(
        true,
      );
      // The second writer read r1 too: refused, and the first one's lists stand.
      expect(await store.putDraftOutOfScope(write(["pankki"], "r3"), { revision: "r1" })).toBe(
        false,
      );
      // The first one's request sent again (its answer lost) finds its own write: made.
      expect(await store.putDraftOutOfScope(write(["kauppa"], "r2"), { revision: "r1" })).toBe(
        true,
      );
      // The lists always exist: there is nothing to create.
      expect(await store.putDraftOutOfScope(write(["pankki"], "r4"), { absent: true })).toBe(false);
      const draft = await store.draft();
      expect(draft?.bundle.outOfScope).toEqual({ fi: ["kauppa"], sv: ["fpa sak"] });
      expect(draft?.scopeMeta).toMatchObject({ updatedBy: "editor", revision: "r2" });
      // The held-out "none" messages kept with them, and everything else, are as they were.
      const cases = (split: "tests" | "dev", from?: ContentBundle) =>
        new Set(
          LANGS.flatMap((l) => (from?.[split][l] ?? []).map((c) => `${l}|${c.intent}|${c.text}`)),
        );
      expect(cases("tests", draft?.bundle)).toEqual(cases("tests", bundle));
      expect(cases("dev", draft?.bundle)).toEqual(cases("dev", bundle));
      expect(draft?.bundle.topics.map((t) => t.id).sort()).toEqual(["payment", "tax-card"]);
      expect(draft?.meta.get("tax-card")?.revision).toBe("r1");
    });

    it("tells out-of-scope lists written before revisions from changed ones", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(), who);
      const { revision: _none, ...unrevised } = who;
      const lists = { fi: ["kauppa"], sv: [] };
      expect(await store.putDraftOutOfScope({ outOfScope: lists, meta: unrevised })).toBe(true);
      expect((await store.draft())?.scopeMeta?.revision).toBeUndefined();

      const write = { outOfScope: lists, meta: { ...who, revision: "r1" } };
      expect(await store.putDraftOutOfScope(write, { revision: "r0" })).toBe(false);
      expect(await store.putDraftOutOfScope(write, { revision: undefined })).toBe(true);
      const next = { outOfScope: lists, meta: { ...who, revision: "r2" } };
      expect(await store.putDraftOutOfScope(next, { revision: undefined })).toBe(false);
      expect((await store.draft())?.scopeMeta?.revision).toBe("r1");
    });

    it("replaces the whole draft, dropping topics the new content does not have", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["tax-card", "payment"]), who);
      await store.replaceDraft(sampleBundle(["tax-card"]), who);
      const draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
      expect(draft?.retired).toEqual([]);
    });

    it("keeps a topic in progress out of the bundle, its body as sent, only as its writer expects", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["tax-card"]), { ...who, revision: "r1" });
      // Unfinished: no Swedish yet, a field the rules do not know, deeper than a topic.
      const body = { id: "crypto", fi: { title: "Kryptovarat", utterances: [] }, notes: [[["x"]]] };
      const work = (revision: string, problems = 3) => ({
        id: "crypto",
        inProgress: { body, problems },
        meta: { ...who, revision },
      });
      expect(await store.putDraftInProgress(work("r2"), { absent: true })).toBe(true);
      // A second writer who also found no such topic is refused; a retry of the first is made.
      expect(await store.putDraftInProgress(work("r3"), { absent: true })).toBe(false);
      expect(await store.putDraftInProgress(work("r2"), { absent: true })).toBe(true);
      let draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
      expect(draft?.retired).toEqual([]);
      expect(draft?.inProgress?.get("crypto")).toEqual({ body, problems: 3 });
      expect(draft?.meta.get("crypto")?.revision).toBe("r2");

      // Finished: the same item, now in use, without the unfinished work.
      const finished = {
        topic: topic("crypto", "Kryptovarat"),
        tests: { fi: ["krypto?"], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, revision: "r4" },
      };
      expect(await store.putDraftTopic(finished, { revision: "r3" })).toBe(false);
      expect(await store.putDraftTopic(finished, { revision: "r2" })).toBe(true);
      draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id).sort()).toEqual(["crypto", "tax-card"]);
      expect(draft?.inProgress?.has("crypto") ?? false).toBe(false);
      expect(draft?.bundle.tests.fi).toContainEqual({ text: "krypto?", intent: "crypto" });

      // In progress again, then discarded: the item goes.
      expect(await store.putDraftInProgress(work("r5", 1), { revision: "r4" })).toBe(true);
      draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
      expect(draft?.bundle.tests.fi.some((c) => c.intent === "crypto")).toBe(false);
      expect(draft?.inProgress?.get("crypto")?.problems).toBe(1);
      expect(await store.putDraftInProgress({ id: "crypto", meta: who }, { revision: "r4" })).toBe(
        false,
      );
      expect(await store.putDraftInProgress({ id: "crypto", meta: who }, { revision: "r5" })).toBe(
        true,
      );
      draft = await store.draft();
      expect(draft?.inProgress?.has("crypto") ?? false).toBe(false);
      expect(draft?.meta.has("crypto")).toBe(false);
    });

    it("keeps unfinished work beside a topic in use, and through a replace of the whole draft", async () => {
      const store = await fresh();
      await store.replaceDraft(sampleBundle(["tax-card"]), { ...who, revision: "r1" });
      const body = { id: "crypto", fi: { title: "Kryptovarat (kesken)" } };
      const work = { body, problems: 2 };
      await store.putDraftInProgress({
        id: "crypto",
        inProgress: work,
        meta: { ...who, revision: "r2" },
      });
      await store.putDraftInProgress({
        id: "vat",
        inProgress: { body: { id: "vat" }, problems: 5 },
        meta: { ...who, revision: "r3" },
      });
      // An import brings a finished crypto topic in: the owner's work stays beside it.
      await store.replaceDraft(sampleBundle(["tax-card", "crypto"]), { ...who, revision: "r4" });
      let draft = await store.draft();
      expect(draft?.bundle.topics.map((t) => t.id).sort()).toEqual(["crypto", "tax-card"]);
      expect(draft?.inProgress?.get("crypto")).toEqual(work);
      expect(draft?.inProgress?.get("vat")?.problems).toBe(5);
      expect(draft?.meta.get("vat")?.revision).toBe("r3");
      // A write of the topic in use that carries the work keeps it; one without drops it.
      const inUse = {
        topic: topic("crypto", "Krypto"),
        tests: { fi: [], sv: [] },
        dev: { fi: [], sv: [] },
        meta: { ...who, revision: "r5" },
      };
      expect(await store.putDraftTopic({ ...inUse, inProgress: work }, { revision: "r4" })).toBe(
        true,
      );
      draft = await store.draft();
      expect(draft?.bundle.topics.find((t) => t.id === "crypto")?.fi.title).toBe("Krypto");
      expect(draft?.inProgress?.get("crypto")).toEqual(work);
      await store.putDraftTopic({ ...inUse, meta: { ...who, revision: "r6" } });
      draft = await store.draft();
      expect(draft?.inProgress?.has("crypto")).toBe(false);
      expect(draft?.inProgress?.has("vat")).toBe(true);
    });

    it("keeps an audit entry's referral group and the service's note as a finding", async () => {
      const store = await fresh();
      const referred = {
        at: "2026-12-01T09:00:00.000Z",
        actor: "a",
        actorName: "A",
        action: "inbox-refer" as const,
        referral: "traficom",
        detail: "2 questions referred to traficom",
        detailFinding: {
          code: "inboxReferred" as const,
          params: { count: 2, referral: "traficom" },
        },
      };
      await store.audit(referred);
      expect((await store.auditTrail({ limit: 10 })).entries).toContainEqual(referred);
    });

    it("gives the audit trail back newest first, as many as asked", async () => {
      const store = await fresh();
      for (const [i, action] of (["publish", "approve", "live"] as const).entries()) {
        await store.audit({
          at: `2026-12-01T10:00:0${i}.000Z`,
          actor: "a",
          actorName: "A",
          action,
          version: 1,
        });
      }
      // Written late (another task's clock, a slow request): still in its place by time.
      await store.audit({
        at: "2026-12-01T09:59:59.000Z",
        actor: "a",
        actorName: "A",
        action: "draft-save",
      });
      const trail = (await store.auditTrail({ limit: 2 })).entries;
      expect(trail.map((e) => e.action)).toEqual(["live", "approve"]);
      expect((await store.auditTrail({ limit: 10 })).entries.map((e) => e.action)).toEqual([
        "live",
        "approve",
        "publish",
        "draft-save",
      ]);
      expect(trail[0]).toEqual({
        at: "2026-12-01T10:00:02.000Z",
        actor: "a",
        actorName: "A",
        action: "live",
        version: 1,
      });
    });

    it("pages the audit trail without gaps or repeats, entries of the same time included", async () => {
      const store = await fresh();
      const times = ["00", "01", "01", "01", "02", "02", "03"];
      for (const [i, second] of times.entries()) {
        await store.audit(entry(`2026-12-01T10:00:${second}.000Z`, `e${i + 1}`));
      }
      const newestFirst = ["e7", "e6", "e5", "e4", "e3", "e2", "e1"];

      const first = await store.auditTrail({ limit: 3 });
      expect(first.entries.map((e) => e.detail)).toEqual(["e7", "e6", "e5"]);
      // Written while the reader pages: newer than every page after the first, so in none.
      await store.audit(entry("2026-12-01T10:00:04.000Z", "e8"));
      const second = await store.auditTrail({ limit: 3, before: first.next as string });
      expect(second.entries.map((e) => e.detail)).toEqual(["e4", "e3", "e2"]);
      const third = await store.auditTrail({ limit: 3, before: second.next as string });
      expect(third.entries.map((e) => e.detail)).toEqual(["e1"]);
      expect(third.next).toBeUndefined();

      expect(await allPages(store, { limit: 2 })).toEqual([
        { details: ["e8", "e7"], next: true },
        { details: ["e6", "e5"], next: true },
        { details: ["e4", "e3"], next: true },
        { details: ["e2", "e1"], next: false },
      ]);
      // A page that ends exactly at the oldest entry says so: no `next` to an empty page.
      expect((await store.auditTrail({ limit: 8 })).next).toBeUndefined();
      expect((await store.auditTrail({ limit: 7 })).entries.map((e) => e.detail)).toEqual([
        "e8",
        ...newestFirst.slice(0, 6),
      ]);
    });

    it("gives one topic's, referral group's, the out-of-scope lists' or the uncovered questions' audit entries, paged", async () => {
      const store = await fresh();
      const written: [string, Partial<AuditEntry>][] = [
        ["vat saved", { topic: "vat" }],
        ["kela group saved", { referral: "kela" }],
        ["tax-card saved", { topic: "tax-card" }],
        ["vat taught", { topic: "vat", action: "inbox-teach" }],
        // A topic may share an id with a referral group: the two histories stay apart.
        ["kela topic saved", { topic: "kela" }],
        ["published", { action: "publish", version: 2 }],
        ["kela group retired", { referral: "kela", action: "draft-retire" }],
        ["vat retired", { topic: "vat", action: "draft-retire" }],
        ["lists saved", { outOfScope: true }],
        ["questions saved", { uncovered: true }],
      ];
      for (const [i, [detail, over]] of written.entries()) {
        await store.audit(entry(`2026-12-01T11:00:0${i}.000Z`, detail, over));
      }

      expect(await allPages(store, { limit: 2, topic: "vat" })).toEqual([
        { details: ["vat retired", "vat taught"], next: true },
        { details: ["vat saved"], next: false },
      ]);
      expect(await allPages(store, { limit: 5, referral: "kela" })).toEqual([
        { details: ["kela group retired", "kela group saved"], next: false },
      ]);
      expect(await allPages(store, { limit: 5, topic: "kela" })).toEqual([
        { details: ["kela topic saved"], next: false },
      ]);
      expect(await allPages(store, { limit: 5, topic: "no-such-topic" })).toEqual([
        { details: [], next: false },
      ]);
      expect(await allPages(store, { limit: 5, outOfScope: true })).toEqual([
        { details: ["lists saved"], next: false },
      ]);
      expect(await allPages(store, { limit: 5, uncovered: true })).toEqual([
        { details: ["questions saved"], next: false },
      ]);
      const [retired] = (await store.auditTrail({ limit: 1, referral: "kela" })).entries;
      expect(retired).toEqual(
        entry("2026-12-01T11:00:06.000Z", "kela group retired", {
          referral: "kela",
          action: "draft-retire",
        }),
      );
    });

    it("examines at most its bound of audit entries per read, and says where to go on", async () => {
      const store = await fresh({ auditExaminedPerRead: 4 });
      for (let i = 1; i <= 10; i++) {
        const topic = i === 2 || i === 9 ? "vat" : "payment";
        await store.audit(
          entry(`2026-12-01T12:00:${String(i).padStart(2, "0")}.000Z`, `e${i}`, { topic }),
        );
      }

      // e10..e7, then e6..e3 (none of vat's: an empty page, and still `next`), then e2, e1.
      expect(await allPages(store, { limit: 5, topic: "vat" })).toEqual([
        { details: ["e9"], next: true },
        { details: [], next: true },
        { details: ["e2"], next: false },
      ]);
      // Unfiltered, a read gives no more than it may examine either.
      expect(await allPages(store, { limit: 10 })).toEqual([
        { details: ["e10", "e9", "e8", "e7"], next: true },
        { details: ["e6", "e5", "e4", "e3"], next: true },
        { details: ["e2", "e1"], next: false },
      ]);
    });
  });
}
