import { describe, expect, it } from "vitest";
import type { TopicFile } from "../../contracts/content.ts";
import type { ContentBundle } from "./bundle.ts";
import { changedItems, diffBundles } from "./bundleDiff.ts";
import { sampleBundle, sampleReferral } from "./contentStoreContract.ts";

/** The sample bundle with its tax-card topic changed by `edit`. */
function withTaxCard(edit: (topic: TopicFile) => TopicFile): ContentBundle {
  const bundle = sampleBundle();
  return { ...bundle, topics: bundle.topics.map((t) => (t.id === "tax-card" ? edit(t) : t)) };
}

describe("a version's diff as a reviewer reads it", () => {
  it("shows a changed answer before and after, and the sentences gained and lost", () => {
    const after = withTaxCard((t) => ({
      ...t,
      fi: {
        ...t.fi,
        answer: "Verokortin saat OmaVerosta.",
        utterances: ["tax-card one", "mistä verokortti"],
      },
    }));

    const [change] = diffBundles(sampleBundle(), after, { details: true });

    expect(change).toEqual({
      id: "tax-card",
      change: "changed",
      fields: ["fi.utterances", "fi.answer"],
      details: [
        { field: "fi.utterances", added: ["mistä verokortti"], removed: ["tax-card two"] },
        { field: "fi.answer", before: "About tax-card.", after: "Verokortin saat OmaVerosta." },
      ],
    });
  });

  it("names only the changed parts without details, as the publish check and import need", () => {
    const after = withTaxCard((t) => ({ ...t, sv: { ...t.sv, title: "Skattekort" } }));

    expect(diffBundles(sampleBundle(), after)).toEqual([
      { id: "tax-card", change: "changed", fields: ["sv.title"] },
    ]);
    expect(diffBundles(sampleBundle(), sampleBundle())).toEqual([]);
  });

  it("names a review date set, moved or removed under reviewBy, with the dates before and after", () => {
    const set = withTaxCard((t) => ({ ...t, reviewBy: "2027-01-31" }));
    const moved = withTaxCard((t) => ({ ...t, reviewBy: "2028-01-31" }));

    expect(diffBundles(sampleBundle(), set, { details: true })).toEqual([
      {
        id: "tax-card",
        change: "changed",
        fields: ["reviewBy"],
        details: [{ field: "reviewBy", before: "", after: "2027-01-31" }],
      },
    ]);
    expect(diffBundles(set, moved, { details: true })[0]?.details).toEqual([
      { field: "reviewBy", before: "2027-01-31", after: "2028-01-31" },
    ]);
    expect(diffBundles(moved, sampleBundle())).toEqual([
      { id: "tax-card", change: "changed", fields: ["reviewBy"] },
    ]);
  });

  it("sees no change in a text whose only difference is a YAML block's final newline", () => {
    const seeded = withTaxCard((t) => ({ ...t, fi: { ...t.fi, answer: `${t.fi.answer}\n` } }));

    expect(diffBundles(seeded, sampleBundle(), { details: true })).toEqual([]);
  });

  it("tells a personalised variant, a link and a follow-up apart, each under its field", () => {
    const after = withTaxCard((t) => ({
      ...t,
      followUps: ["payment"],
      fi: {
        ...t.fi,
        links: [{ label: "Verokortti", url: "https://www.vero.fi/verokortti" }],
        personal: { due: "Verokorttisi on voimassa {validUntil} asti." },
      },
    }));

    const [change] = diffBundles(sampleBundle(), after, { details: true });

    expect(change?.fields).toEqual(["followUps", "fi.links", "fi.personal"]);
    expect(change?.details).toEqual([
      { field: "followUps", added: ["payment"], removed: [] },
      { field: "fi.links", added: ["Verokortti <https://www.vero.fi/verokortti>"], removed: [] },
      {
        field: "fi.personal.due",
        before: "",
        after: "Verokorttisi on voimassa {validUntil} asti.",
      },
    ]);
  });

  it("lists a removed variant in its place, before a later field, as the fields always were", () => {
    const before = withTaxCard((t) => ({
      ...t,
      fi: { ...t.fi, personal: { due: "Eräpäivä {dueDate}." } },
    }));
    const after = withTaxCard((t) => ({ ...t, sv: { ...t.sv, answer: "Nytt svar." } }));

    const [change] = diffBundles(before, after, { details: true });

    expect(change?.fields).toEqual(["fi.personal", "sv.answer"]);
    expect(change?.details?.map((d) => d.field)).toEqual(["fi.personal.due", "sv.answer"]);
    expect(change?.details?.[0]).toEqual({
      field: "fi.personal.due",
      before: "Eräpäivä {dueDate}.",
      after: "",
    });
  });

  it("compares a variant only one side has, whatever it is called", () => {
    const after = withTaxCard((t) => ({
      ...t,
      fi: { ...t.fi, personal: { toString: "Teksti." } },
    }));

    expect(diffBundles(sampleBundle(), after, { details: true })[0]?.details).toEqual([
      { field: "fi.personal.toString", before: "", after: "Teksti." },
    ]);
  });

  it("lists sentences that only moved as changed, with nothing gained or lost", () => {
    const after = withTaxCard((t) => ({
      ...t,
      fi: { ...t.fi, utterances: [...t.fi.utterances].reverse() },
    }));

    expect(diffBundles(sampleBundle(), after, { details: true })).toEqual([
      {
        id: "tax-card",
        change: "changed",
        fields: ["fi.utterances"],
        details: [{ field: "fi.utterances", added: [], removed: [] }],
      },
    ]);
  });

  it("shows an added topic's whole content, its held-out messages and a group's link", () => {
    const before = sampleBundle(["payment"]);
    const kela = sampleReferral();
    const after: ContentBundle = {
      ...sampleBundle(),
      referrals: [
        { ...kela, sv: { ...kela.sv, link: { label: "fpa.fi", url: "https://www.kela.fi/sv" } } },
      ],
    };

    const changes = diffBundles(before, after, { details: true });

    const added = changes.find((c) => c.id === "tax-card");
    expect(added).toMatchObject({ change: "added", fields: [] });
    expect(added?.details).toEqual(
      expect.arrayContaining([
        { field: "fi.title", before: "", after: "tax-card" },
        { field: "fi.utterances", added: ["tax-card one", "tax-card two"], removed: [] },
        { field: "tests.fi", added: ["mikä on tax-card"], removed: [] },
        { field: "dev.fi", added: ["dev tax-card"], removed: [] },
      ]),
    );
    // A topic's empty parts are left out: it has no links, follow-ups or action.
    expect(added?.details?.map((d) => d.field)).not.toContain("fi.links");
    expect(changes.find((c) => c.id === "kela")).toEqual({
      id: "kela",
      kind: "referral",
      change: "changed",
      fields: ["sv.link"],
      details: [
        {
          field: "sv.link",
          before: "kela.fi <https://www.kela.fi/>",
          after: "fpa.fi <https://www.kela.fi/sv>",
        },
      ],
    });
  });

  it("puts out-of-scope examples and `none` test messages under out-of-scope", () => {
    const before = sampleBundle();
    const after: ContentBundle = {
      ...before,
      outOfScope: { ...before.outOfScope, sv: ["fpa sak", "polisen"] },
      tests: { ...before.tests, fi: before.tests.fi.filter((c) => c.intent !== "none") },
    };

    expect(diffBundles(before, after, { details: true })).toEqual([
      {
        id: "out-of-scope",
        change: "changed",
        fields: ["outOfScope.sv", "tests.fi"],
        details: [
          { field: "outOfScope.sv", added: ["polisen"], removed: [] },
          { field: "tests.fi", added: [], removed: ["poliisi"] },
        ],
      },
    ]);
  });
});

describe("the uncovered questions in a diff", () => {
  const question = (text: string, matter = "dog-tax") => ({ text, matter });

  it("are one entry of their own, kind uncovered, listing the questions added and removed", () => {
    const before = { ...sampleBundle(), uncovered: { fi: [question("koiravero")], sv: [] } };
    const after = {
      ...sampleBundle(),
      uncovered: { fi: [question("koiraveron määrä")], sv: [question("hundskatt")] },
    };

    const changes = diffBundles(before, after, { details: true, titles: true });

    expect(changes).toEqual([
      {
        id: "uncovered",
        kind: "uncovered",
        change: "changed",
        fields: ["uncovered.fi", "uncovered.sv"],
        details: [
          {
            field: "uncovered.fi",
            added: ["koiraveron määrä (dog-tax)"],
            removed: ["koiravero (dog-tax)"],
          },
          { field: "uncovered.sv", added: ["hundskatt (dog-tax)"], removed: [] },
        ],
      },
    ]);
    // Publishing, the rollback's rebase and the topic list tell it from a topic of that id.
    expect(changedItems(before, after)).toEqual({
      topics: new Set(),
      referrals: new Set(),
      scope: false,
      uncovered: true,
    });
  });

  it("is a change from a version stored without them, and so is a question's new matter", () => {
    const { uncovered: _, ...older } = sampleBundle();
    const withSet = { ...sampleBundle(), uncovered: { fi: [question("koiravero")], sv: [] } };

    expect(diffBundles(older, withSet).map((c) => c.fields)).toEqual([["uncovered.fi"]]);
    expect(diffBundles(withSet, { ...withSet })).toEqual([]);
    const moved = { ...withSet, uncovered: { fi: [question("koiravero", "excise")], sv: [] } };
    expect(diffBundles(withSet, moved).map((c) => c.id)).toEqual(["uncovered"]);
  });
});

describe("a diff's answers as customers get them", () => {
  /** The sample bundle with its payment topic changed by `edit`. */
  function withPayment(edit: (topic: TopicFile) => TopicFile): ContentBundle {
    const bundle = sampleBundle();
    return { ...bundle, topics: bundle.topics.map((t) => (t.id === "payment" ? edit(t) : t)) };
  }

  it("shows a new topic's answer in both languages as the chat sends it, follow-ups and action included", () => {
    const before = sampleBundle(["tax-card"]);
    const after = sampleBundle(["tax-card", "payment"]);
    after.topics = after.topics.map((t) =>
      t.id === "payment"
        ? {
            ...t,
            action: "callback",
            followUps: ["tax-card"],
            fi: { ...t.fi, links: [{ label: "Maksut", url: "https://www.vero.fi/maksut" }] },
          }
        : t,
    );

    const [change] = diffBundles(before, after, { previews: true });

    expect(change?.preview).toEqual({
      after: {
        fi: {
          from: "bot",
          text: "About payment.",
          quickReplies: [{ label: "tax-card", value: "tax-card" }],
          actions: [
            { type: "link", label: "Maksut", url: "https://www.vero.fi/maksut" },
            { type: "callback", label: "Soittopyyntö" },
          ],
        },
        sv: {
          from: "bot",
          text: "Om payment.",
          quickReplies: [{ label: "tax-card", value: "tax-card" }],
          actions: [{ type: "callback", label: "Bli uppringd" }],
        },
      },
    });
  });

  it("gives a changed topic's earlier answer only when customers saw something else then", () => {
    const newAnswer = withPayment((t) => ({ ...t, sv: { ...t.sv, answer: "Om betalning." } }));
    const newSentences = withPayment((t) => ({
      ...t,
      fi: { ...t.fi, utterances: [...t.fi.utterances, "miten maksan"] },
    }));

    const [answered] = diffBundles(sampleBundle(), newAnswer, { previews: true });
    const [taught] = diffBundles(sampleBundle(), newSentences, { previews: true });

    expect(answered?.preview?.before?.sv.text).toBe("Om payment.");
    expect(answered?.preview?.after.sv.text).toBe("Om betalning.");
    expect(taught?.preview?.after.fi.text).toBe("About payment.");
    expect(taught?.preview).not.toHaveProperty("before");
  });

  it("shows a personal topic with the sign-in prompt a customer who is not signed in gets", () => {
    const after = withTaxCard((t) => ({
      ...t,
      fi: { ...t.fi, answer: "Verokortin saat OmaVerosta." },
    }));

    const [change] = diffBundles(sampleBundle(), after, { previews: true });

    expect(change?.preview?.after.fi.text).toMatch(
      /^Verokortin saat OmaVerosta\.\n\nKirjautumalla/,
    );
    expect(change?.preview?.after.fi.actions?.[0]).toEqual({
      type: "login",
      label: "Kirjaudu sisään",
    });
  });

  it("shows a referral group's pointer, and nothing for removed items, out-of-scope or without asking", () => {
    const before = { ...sampleBundle(), referrals: [sampleReferral("kela")] };
    const after = {
      ...sampleBundle(["tax-card"]),
      outOfScope: { fi: ["kela asia", "poliisi"], sv: ["fpa sak"] },
      referrals: [sampleReferral("kela"), sampleReferral("traficom", "Traficom")],
    };

    const changes = diffBundles(before, after, { previews: true });
    const previewed = changes.filter((c) => c.preview).map((c) => `${c.kind ?? "topic"}:${c.id}`);

    expect(previewed).toEqual(["referral:traficom"]);
    expect(changes.find((c) => c.id === "traficom")?.preview?.after.fi).toEqual({
      from: "bot",
      text: "asia traficom.",
      actions: [{ type: "link", label: "kela.fi", url: "https://www.kela.fi/" }],
    });
    expect(diffBundles(before, after).some((c) => c.preview)).toBe(false);
  });

  it("leaves out the preview of a draft topic whose follow-up is gone, and still lists the change", () => {
    const after = withPayment((t) => ({ ...t, followUps: ["retired-topic"] }));

    const [change] = diffBundles(sampleBundle(), after, { details: true, previews: true });

    expect(change).toMatchObject({ id: "payment", change: "changed", fields: ["followUps"] });
    expect(change).not.toHaveProperty("preview");
  });
});
