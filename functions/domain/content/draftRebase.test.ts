import { describe, expect, it } from "vitest";
import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { type ContentBundle, heldOutFor, withReferral, withScope, withTopic } from "./bundle.ts";
import type { Draft, DraftTopicMeta } from "./contentStore.ts";
import { sampleBundle, sampleReferral } from "./contentStoreContract.ts";
import { planDraftRebase } from "./draftRebase.ts";

const by = (who: string, revision: string): DraftTopicMeta => ({
  updatedBy: who,
  updatedByName: who,
  updatedAt: "2026-12-01T10:00:00.000Z",
  retired: false,
  revision,
});

/**
 * `bundle` as a stored draft: every item at revision `r-<id>` (the scope at `r-scope`),
 * topics in `retired` retired with the content they had.
 */
function draftOf(bundle: ContentBundle, retired: TopicFile[] = []): Draft {
  return {
    bundle,
    retired,
    meta: new Map(
      [...bundle.topics, ...retired].map((t) => [
        t.id,
        { ...by("owner", `r-${t.id}`), retired: retired.includes(t) },
      ]),
    ),
    referralMeta: new Map(bundle.referrals.map((r) => [r.id, by("owner", `r-${r.id}`)])),
    scopeMeta: {
      updatedBy: "u",
      updatedByName: "U",
      updatedAt: "t",
      retired: false,
      revision: "r-scope",
    },
  };
}

const topicOf = (bundle: ContentBundle, id: string) =>
  bundle.topics.find((t) => t.id === id) as TopicFile;

/** `bundle` with topic `id`'s Finnish answer replaced. */
function answered(bundle: ContentBundle, id: string, answer: string): ContentBundle {
  const topic = topicOf(bundle, id);
  return withTopic(bundle, id, { ...topic, fi: { ...topic.fi, answer } }, heldOutFor(bundle, id));
}

const vat: TopicFile = {
  id: "vat",
  fi: { title: "ALV", utterances: ["alv", "arvonlisävero"], answer: "ALV on arvonlisävero." },
  sv: { title: "Moms", utterances: ["moms", "mervärdesskatt"], answer: "Moms är skatt." },
};
const noHeldOut = { tests: { fi: [], sv: [] }, dev: { fi: [], sv: [] } };

describe("bringing the draft along to a rollback", () => {
  // The old live version had vat; the rollback goes back to a version without it, whose
  // payment answer differs.
  const base = withTopic(sampleBundle(), "vat", vat, noHeldOut);
  const target = answered(sampleBundle(), "payment", "Maksa OmaVerossa.");

  it("gives an item the draft had not changed the new live content, over the revision read", () => {
    const plan = planDraftRebase(base, target, draftOf(base));

    expect(plan.kept).toEqual([]);
    expect(plan.writes).toEqual([
      {
        kind: "topic",
        id: "payment",
        expected: { revision: "r-payment" },
        topic: topicOf(target, "payment"),
        heldOut: heldOutFor(target, "payment"),
        retired: false,
      },
      // Gone from the new live version: retired with the content it had, as Retire keeps it.
      {
        kind: "topic",
        id: "vat",
        expected: { revision: "r-vat" },
        topic: vat,
        heldOut: noHeldOut,
        retired: true,
      },
    ]);
  });

  it("keeps an item the draft had changed, even where the rollback changes it too", () => {
    const edited = answered(base, "payment", "Maksa verkkopankissa.");

    const plan = planDraftRebase(base, target, draftOf(edited));

    expect(plan.kept).toEqual([{ kind: "topic", id: "payment" }]);
    expect(plan.writes.map((w) => ("id" in w ? w.id : w.kind))).toEqual(["vat"]);
  });

  it("counts a topic's test and dev messages as its content", () => {
    const tested = withTopic(base, "payment", topicOf(base, "payment"), {
      ...heldOutFor(base, "payment"),
      dev: { fi: ["miten maksan"], sv: [] },
    });

    const plan = planDraftRebase(base, target, draftOf(tested));

    expect(plan.kept).toEqual([{ kind: "topic", id: "payment" }]);
    expect(plan.writes.some((w) => w.kind === "topic" && w.id === "payment")).toBe(false);
  });

  it("keeps a topic added in the draft, and one the draft retired, as changes of its own", () => {
    const capital = { ...vat, id: "capital-gains" };
    const added = withTopic(base, "capital-gains", capital, noHeldOut);
    const withoutVat = withTopic(added, "vat", undefined, undefined);
    // vat retired in the draft: the old live version had it, so retiring it was a change.
    const plan = planDraftRebase(base, target, draftOf(withoutVat, [vat]));

    expect(plan.kept).toEqual([
      { kind: "topic", id: "capital-gains" },
      { kind: "topic", id: "vat" },
    ]);
    expect(plan.writes.map((w) => ("id" in w ? w.id : w.kind))).toEqual(["payment"]);
  });

  it("brings back a topic the draft retired as the old live version did not have it", () => {
    // The old live version lacked vat; the rollback's version has it. The draft kept it
    // retired, as the old live version had it: no change of its own.
    const draft = draftOf(sampleBundle(), [vat]);
    const rolledBackTo = withTopic(sampleBundle(), "vat", vat, {
      ...noHeldOut,
      tests: { fi: ["mikä alv"], sv: [] },
    });

    const plan = planDraftRebase(sampleBundle(), rolledBackTo, draft);

    expect(plan.writes).toEqual([
      expect.objectContaining({
        kind: "topic",
        id: "vat",
        expected: { revision: "r-vat" },
        retired: false,
        heldOut: expect.objectContaining({ tests: { fi: ["mikä alv"], sv: [] } }),
      }),
    ]);
  });

  it("adds a topic the draft never had only while nobody has added it", () => {
    const plan = planDraftRebase(sampleBundle(), base, draftOf(sampleBundle()));

    expect(plan.writes).toEqual([
      expect.objectContaining({ id: "vat", expected: { absent: true } }),
    ]);
  });

  it("tells a topic written before revisions by its missing revision", () => {
    const draft = draftOf(base);
    const { revision: _none, ...unrevised } = by("owner", "x");
    const old = { ...draft, meta: new Map(draft.meta).set("payment", unrevised) };

    const plan = planDraftRebase(base, target, old);

    expect(plan.writes[0]).toMatchObject({ id: "payment", expected: { revision: undefined } });
  });

  it("sees no change where only a block's final newline differs", () => {
    const seeded = answered(base, "payment", `${topicOf(base, "payment").fi.answer}\n`);

    const plan = planDraftRebase(seeded, target, draftOf(base));

    expect(plan.kept).toEqual([]);
    expect(plan.writes.map((w) => ("id" in w ? w.id : w.kind))).toEqual(["payment", "vat"]);
  });

  it("writes nothing where neither the draft nor the rollback changed anything", () => {
    expect(planDraftRebase(base, base, draftOf(base))).toEqual({ writes: [], kept: [] });
  });

  it("adds, changes and removes referral groups as the rollback has them, keeping the draft's", () => {
    const traficom = sampleReferral("traficom", "Traficom");
    const dvv = sampleReferral("dvv", "DVV");
    const kela = sampleReferral();
    const changedKela: ReferralGroup = { ...kela, fi: { ...kela.fi, answer: "Kelan asia." } };
    // Old live: kela and traficom. Rollback's: kela changed, dvv; no traficom.
    const old = withReferral(sampleBundle(), "traficom", traficom);
    const rolledBackTo = withReferral(
      withReferral(sampleBundle(), "kela", changedKela),
      "dvv",
      dvv,
    );

    const plan = planDraftRebase(old, rolledBackTo, draftOf(old));

    expect(plan.writes).toEqual([
      { kind: "referral", id: "kela", expected: { revision: "r-kela" }, group: changedKela },
      { kind: "referral", id: "dvv", expected: { absent: true }, group: dvv },
      { kind: "referral", id: "traficom", expected: { revision: "r-traficom" } },
    ]);

    // The draft had changed traficom: it stays, even though the rollback removes it.
    const renamed = withReferral(old, "traficom", {
      ...traficom,
      sv: { ...traficom.sv, title: "Transport" },
    });
    const kept = planDraftRebase(old, rolledBackTo, draftOf(renamed));
    expect(kept.kept).toEqual([{ kind: "referral", id: "traficom" }]);
    expect(kept.writes.map((w) => ("id" in w ? w.id : w.kind))).toEqual(["kela", "dvv"]);
  });

  it("gives the out-of-scope item the rollback's content unless the draft changed it", () => {
    const scope = {
      outOfScope: { fi: ["kela asia", "kauppa"], sv: ["fpa sak"] },
      tests: { fi: ["poliisi", "pizza"], sv: [] },
      dev: { fi: [], sv: [] },
    };
    const rolledBackTo = withScope(sampleBundle(), scope);

    const plan = planDraftRebase(sampleBundle(), rolledBackTo, draftOf(sampleBundle()));
    expect(plan.writes).toEqual([{ kind: "scope", expected: { revision: "r-scope" }, scope }]);

    const unrevised = { ...draftOf(sampleBundle()), scopeMeta: undefined };
    expect(planDraftRebase(sampleBundle(), rolledBackTo, unrevised).writes).toEqual([
      { kind: "scope", expected: { revision: undefined }, scope },
    ]);

    const edited = withScope(sampleBundle(), { ...scope, outOfScope: { fi: ["ruoka"], sv: [] } });
    const kept = planDraftRebase(sampleBundle(), rolledBackTo, draftOf(edited));
    expect(kept).toEqual({ writes: [], kept: [{ kind: "scope" }] });
  });

  it("gives the uncovered questions the rollback's set unless the draft changed them", () => {
    const set = (text: string) => ({ fi: [{ text, matter: "dog-tax" }], sv: [] });
    const base = { ...sampleBundle(), uncovered: set("koiravero") };
    const rolledBackTo = { ...sampleBundle(), uncovered: set("hundskatt") };
    const stored = { ...draftOf(base), uncoveredMeta: by("owner", "r-uncovered") };

    expect(planDraftRebase(base, rolledBackTo, stored).writes).toEqual([
      { kind: "uncovered", expected: { revision: "r-uncovered" }, uncovered: set("hundskatt") },
    ]);
    // A draft with no set of its own yet (stored before it was edited): created.
    expect(planDraftRebase(base, rolledBackTo, draftOf(base)).writes).toEqual([
      { kind: "uncovered", expected: { absent: true }, uncovered: set("hundskatt") },
    ]);
    // Rolled back to a version stored without the set: the draft's goes empty, as live's reads.
    expect(planDraftRebase(base, sampleBundle(), stored).writes).toEqual([
      { kind: "uncovered", expected: { revision: "r-uncovered" }, uncovered: { fi: [], sv: [] } },
    ]);

    const edited = { ...stored, bundle: { ...base, uncovered: set("lahjavero") } };
    expect(planDraftRebase(base, rolledBackTo, edited)).toEqual({
      writes: [],
      kept: [{ kind: "uncovered" }],
    });
  });
});

describe("bringing a topic in progress along to a rollback", () => {
  const work = { body: { id: "vat", fi: { title: "ALV (kesken)" } }, problems: 2 };
  /** The draft as live version `base` has it, plus vat saved unfinished at revision r-work. */
  function withWork(bundle: ContentBundle): Draft {
    const draft = draftOf(bundle);
    return {
      ...draft,
      inProgress: new Map([["vat", work]]),
      meta: new Map(draft.meta).set("vat", by("owner", "r-work")),
    };
  }

  it("is no change of the draft's, and keeps its work beside the topic the rollback brings in", () => {
    // The live version before had no vat; the rollback goes back to one that had.
    const base = sampleBundle();
    const target = withTopic(sampleBundle(), "vat", vat, noHeldOut);

    const plan = planDraftRebase(base, target, withWork(base));

    expect(plan.kept).toEqual([]);
    expect(plan.writes).toEqual([
      {
        kind: "topic",
        id: "vat",
        // Over the unfinished item as read: a save of it meanwhile is kept.
        expected: { revision: "r-work" },
        topic: vat,
        heldOut: heldOutFor(target, "vat"),
        retired: false,
        inProgress: work,
      },
    ]);
  });

  it("writes nothing of it when the rollback does not touch its id", () => {
    const base = sampleBundle();
    const target = answered(sampleBundle(), "payment", "Maksa OmaVerossa.");

    const plan = planDraftRebase(base, target, withWork(base));

    expect(plan.writes.map((w) => ("id" in w ? w.id : w.kind))).toEqual(["payment"]);
  });
});
