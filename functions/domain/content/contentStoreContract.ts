import { describe, expect, it } from "vitest";
import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { LANGS } from "../../contracts/lang.ts";
import type { ContentBundle } from "./bundle.ts";
import type { ContentStore, Draft, DraftTopicMeta } from "./contentStore.ts";
import type { VersionMeta } from "./versions.ts";

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

/** What every ContentStore promises; run against each adapter with a fresh store per test. */
export function describeContentStoreContract(name: string, fresh: () => Promise<ContentStore>) {
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

    it("keeps a version's gate numbers and the service's comment as a finding", async () => {
      const store = await fresh();
      const kept = meta(1, {
        comment: "Rollback to version 3",
        commentFinding: { code: "rolledBack", params: { version: 3 } },
        rollbackOf: 3,
        scores: {
          fi: { total: 402, accuracy: 0.9552, noneRecall: 0.94 },
          sv: { total: 399, accuracy: 0.97, noneRecall: 0.948 },
        },
      });
      await store.putVersion(kept, sampleBundle());
      expect(await store.versionMeta(1)).toEqual(kept);
      expect(await store.listVersions()).toEqual([kept]);
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
      expect(await store.auditTrail(10)).toContainEqual(referred);
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
      const trail = await store.auditTrail(2);
      expect(trail.map((e) => e.action)).toEqual(["live", "approve"]);
      expect((await store.auditTrail(10)).map((e) => e.action)).toEqual([
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
  });
}
