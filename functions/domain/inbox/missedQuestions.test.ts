import { describe, expect, it } from "vitest";
import { questionFeatures } from "../../adapters/recogniser/embedded/questionFeatures.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { ContentBundle } from "../content/bundle.ts";
import { sampleBundle } from "../content/contentStoreContract.ts";
import { ContentInvalidError } from "../content/errors.ts";
import type { ContentActor } from "../content/versions.ts";
import { createMemoryMissStore } from "./memoryMissStore.ts";
import { createMissedQuestions } from "./missedQuestions.ts";
import { sampleMiss } from "./missStoreContract.ts";

const owner: ContentActor = { subject: "owner", displayName: "Outi" };

async function setUp() {
  const store = createMemoryMissStore();
  const audited: string[] = [];
  const taught: unknown[] = [];
  const referred: [string, Lang, readonly string[]][] = [];
  const keptUncovered: { texts: readonly { lang: Lang; text: string }[]; matter: string }[] = [];
  /** What the fake draft holds: the uncovered set grows with each keep unless `refuse` is set. */
  const draft: { bundle: ContentBundle; refuse?: Error } = { bundle: sampleBundle() };
  const missed = createMissedQuestions({
    store,
    features: questionFeatures,
    workflow: {
      teach: async (_actor, id, split, texts, detail) => {
        taught.push({ id, split, texts, detail: detail.finding });
        return { added: texts.length, warnings: [] };
      },
      recordInboxAction: async (_actor, action, detail) => {
        audited.push(`${action}: ${detail.message}`);
      },
      addReferralSentences: async (_actor, id, lang, texts) => {
        referred.push([id, lang, texts]);
        return { added: texts.length, warnings: [] };
      },
      addUncovered: async (_actor, texts, matter) => {
        if (draft.refuse) throw draft.refuse;
        keptUncovered.push({ texts, matter });
        const set = draft.bundle.uncovered ?? { fi: [], sv: [] };
        const next = { fi: [...set.fi], sv: [...set.sv] };
        // As the workflow does: a question the set has already keeps its matter.
        const keptUnder = texts.map(({ lang, text }) => {
          const had = next[lang].find((c) => c.text === text);
          if (!had) next[lang].push({ text, matter });
          return had?.matter ?? matter;
        });
        draft.bundle = { ...draft.bundle, uncovered: next };
        return { added: keptUnder.length, keptUnder, warnings: [] };
      },
      draftBundle: async () => draft.bundle,
    },
  });
  return { store, missed, audited, taught, referred, keptUncovered, draft };
}

describe("acting on kept questions", () => {
  it("refers questions to an agency with their texts per language, marks and audits them", async () => {
    // Prepare
    const { store, missed, audited, referred } = await setUp();
    const fi = sampleMiss("2026-12-01", { text: "ajoneuvovero erääntyi" });
    const sv = sampleMiss("2026-12-01", { text: "fordonsskatt förfallen", lang: "sv" });
    await store.put(fi);
    await store.put(sv);
    // Act
    const applied = await missed.act(owner, {
      action: "refer",
      ids: [fi.id, sv.id],
      referral: "traficom",
    });
    // Assess
    expect(applied).toEqual({ applied: 2 });
    expect(referred).toEqual([
      ["traficom", "fi", ["ajoneuvovero erääntyi"]],
      ["traficom", "sv", ["fordonsskatt förfallen"]],
    ]);
    expect((await store.get([fi.id, sv.id])).map((e) => [e.status, e.referredTo])).toEqual([
      ["referred", "traficom"],
      ["referred", "traficom"],
    ]);
    expect(audited).toEqual(["inbox-refer: 2 questions referred to traficom"]);
  });

  it("teaches through the content workflow and marks the questions taught", async () => {
    const { store, missed, taught } = await setUp();
    const entry = sampleMiss("2026-12-01", { text: "verokortti muutos" });
    await store.put(entry);
    await missed.act(owner, {
      action: "teach",
      ids: [entry.id],
      topicId: "tax-card",
      split: "tests",
    });
    expect(taught).toEqual([
      {
        id: "tax-card",
        split: "tests",
        texts: [{ lang: "fi", text: "verokortti muutos" }],
        detail: { code: "inboxTaught", params: { count: 1, into: "tests" } },
      },
    ]);
    expect(await store.get([entry.id])).toEqual([
      { ...entry, status: "taught", taughtTo: { topicId: "tax-card", split: "tests" } },
    ]);
  });

  it("keeps questions as uncovered ones in their languages without placeholders, with the matter, and audits it", async () => {
    // Prepare
    const { store, missed, audited, keptUncovered } = await setUp();
    const fi = sampleMiss("2026-12-01", { text: "paljonko on koiravero [ID-CODE] kunnassa" });
    const sv = sampleMiss("2026-12-01", { text: "hur mycket är hundskatten", lang: "sv" });
    await store.put(fi);
    await store.put(sv);
    // Act
    const applied = await missed.act(owner, {
      action: "uncovered",
      ids: [fi.id, sv.id],
      matter: "dog-tax",
    });
    // Assess
    expect(applied).toEqual({ applied: 2 });
    expect(keptUncovered).toEqual([
      {
        texts: [
          { lang: "fi", text: "paljonko on koiravero kunnassa" },
          { lang: "sv", text: "hur mycket är hundskatten" },
        ],
        matter: "dog-tax",
      },
    ]);
    expect(
      (await store.get([fi.id, sv.id])).map((e) => [e.status, e.uncoveredMatter]).sort(),
    ).toEqual([
      ["uncovered", "dog-tax"],
      ["uncovered", "dog-tax"],
    ]);
    expect(audited).toEqual([
      "inbox-uncovered: 2 questions kept as uncovered questions (matter dog-tax)",
    ]);
  });

  it("marks a question the set already keeps under another matter with that matter, and says so", async () => {
    // Prepare
    const { store, missed, audited, draft } = await setUp();
    draft.bundle = {
      ...draft.bundle,
      uncovered: { fi: [{ text: "paljonko koiravero on", matter: "dog-tax" }], sv: [] },
    };
    const known = sampleMiss("2026-12-01", { text: "paljonko koiravero on" });
    const fresh = sampleMiss("2026-12-01", { text: "koiraveron eräpäivä" });
    await store.putAll([known, fresh]);
    // Act
    const result = await missed.act(owner, {
      action: "uncovered",
      ids: [known.id, fresh.id],
      matter: "pet-tax",
    });
    // Assess
    expect(result).toEqual({ applied: 2, alreadyKept: [{ id: known.id, matter: "dog-tax" }] });
    expect(
      Object.fromEntries(
        (await store.get([known.id, fresh.id])).map((e) => [e.id, e.uncoveredMatter]),
      ),
    ).toEqual({ [known.id]: "dog-tax", [fresh.id]: "pet-tax" });
    expect(audited).toEqual([
      "inbox-uncovered: 1 question kept as uncovered questions (matter pet-tax); 1 question already kept under matter dog-tax",
    ]);
    // Listed as kept, under the matter the set says.
    const all = await missed.groups({ from: "2026-12-01", to: "2026-12-01", status: "all" });
    expect(
      Object.fromEntries(
        all.groups.flatMap((g) => g.samples).map((s) => [s.id, s.uncoveredMatter]),
      ),
    ).toEqual({ [known.id]: "dog-tax", [fresh.id]: "pet-tax" });
  });

  it("marks nothing and audits nothing when the set refuses a question", async () => {
    // Prepare
    const { store, missed, audited, draft } = await setUp();
    const entry = sampleMiss("2026-12-01", { text: "verokortti muutos" });
    await store.put(entry);
    draft.refuse = new ContentInvalidError([
      { severity: "error", path: "fi[0].text", message: "trained", fix: "" },
    ]);
    // Act
    const acting = missed.act(owner, { action: "uncovered", ids: [entry.id], matter: "tax-card" });
    // Assess
    await expect(acting).rejects.toBeInstanceOf(ContentInvalidError);
    expect(await store.get([entry.id])).toEqual([entry]);
    expect(audited).toEqual([]);
  });

  it("leaves a kept question out of the open list while the draft's set has it, and lists it open again once it is gone", async () => {
    // Prepare
    const { store, missed, draft } = await setUp();
    const entry = sampleMiss("2026-12-01", { text: "paljonko koiravero on" });
    await store.put(entry);
    await missed.act(owner, { action: "uncovered", ids: [entry.id], matter: "dog-tax" });
    const period = { from: "2026-12-01", to: "2026-12-01" };
    const kept = await missed.groups(period);
    // Act
    draft.bundle = { ...draft.bundle, uncovered: { fi: [], sv: [] } };
    const reopened = await missed.groups(period);
    // Assess
    expect(kept.groups).toEqual([]);
    expect(reopened.groups.flatMap((g) => g.samples)).toMatchObject([
      {
        id: entry.id,
        status: "open",
        reopened: { was: "uncovered", matter: "dog-tax", gone: false },
      },
    ]);
    // Where it went is said once, as where it had gone: not as if it were still there.
    expect(reopened.groups[0]?.samples[0]?.uncoveredMatter).toBeUndefined();
  });

  it("refuses ids that are all gone", async () => {
    const { missed } = await setUp();
    await expect(
      missed.act(owner, { action: "dismiss", ids: [sampleMiss("2026-12-01").id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists open questions by default, and all with status all", async () => {
    const { store, missed } = await setUp();
    const open = sampleMiss("2026-12-01", { text: "avoin kysymys" });
    const done = sampleMiss("2026-12-01", { text: "hylätty kysymys", status: "dismissed" });
    await store.put(open);
    await store.put(done);
    const period = { from: "2026-12-01", to: "2026-12-01" };
    expect((await missed.groups(period)).groups.flatMap((g) => g.ids)).toEqual([open.id]);
    const all = await missed.groups({ ...period, status: "all" });
    expect(all.groups.flatMap((g) => g.ids).sort()).toEqual([open.id, done.id].sort());
  });
});

describe("helpfulness per topic", () => {
  it("sums the answers and votes from the counters and adds the latest unhelpful questions", async () => {
    const { store, missed } = await setUp();
    for (const [i, text] of ["eka", "toka"].entries()) {
      await store.put(
        sampleMiss("2026-12-02", {
          text,
          at: `2026-12-02T10:0${i}:00.000Z`,
          topic: "tax-card",
          reasons: ["unhelpful"],
        }),
      );
    }
    await store.put(sampleMiss("2026-12-02", { topic: "tax-card", reasons: ["low-confidence"] }));
    const result = await missed.feedback({ from: "2026-12-01", to: "2026-12-02" }, [
      {
        day: "2026-12-01",
        lang: "fi",
        topic: "tax-card",
        counts: { botAnswers: 40, helpful: 3, unhelpful: 1 },
      },
      {
        day: "2026-12-02",
        lang: "fi",
        topic: "tax-card",
        counts: { botAnswers: 12, helpful: 1, unhelpful: 1 },
      },
      { day: "2026-12-02", lang: "sv", topic: "tax-refund", counts: { helpful: 2 } },
      { day: "2026-12-02", lang: "fi", topic: "payment", counts: { chats: 4 } },
      // Answered, nobody voted: listed for how often it answers.
      { day: "2026-12-02", lang: "sv", topic: "vat", counts: { botAnswers: 7 } },
      // Misses are no topic's answers.
      { day: "2026-12-02", lang: "fi", topic: "none", counts: { botAnswers: 9, misses: 9 } },
    ]);
    expect(result.topics).toEqual([
      {
        topicId: "tax-card",
        lang: "fi",
        answers: 52,
        helpful: 4,
        unhelpful: 2,
        latestUnhelpful: [
          { text: "toka", at: "2026-12-02T10:01:00.000Z" },
          { text: "eka", at: "2026-12-02T10:00:00.000Z" },
        ],
      },
      {
        topicId: "tax-refund",
        lang: "sv",
        answers: 0,
        helpful: 2,
        unhelpful: 0,
        latestUnhelpful: [],
      },
      { topicId: "vat", lang: "sv", answers: 7, helpful: 0, unhelpful: 0, latestUnhelpful: [] },
    ]);
  });
});

describe("the answer review's sampled questions", () => {
  const period = { from: "2026-12-01", to: "2026-12-01" };
  const sampled = (text: string, over: Parameters<typeof sampleMiss>[1] = {}) =>
    sampleMiss("2026-12-01", {
      text,
      reasons: ["sampled"],
      topic: "tax-card",
      guesses: [{ intent: "tax-card", confidence: 0.92 }],
      outcome: "answered",
      ...over,
    });

  it("lists misses by default and the sampled questions apart, with the topic each was answered with", async () => {
    // Prepare: a miss, a sampled question, and one sampled then voted down (both kinds).
    const { store, missed } = await setUp();
    const miss = sampleMiss("2026-12-01", { text: "plörö" });
    const sure = sampled("verokortin muutos");
    const votedDown = sampled("veronpalautus milloin", { reasons: ["sampled", "unhelpful"] });
    await store.putAll([miss, sure, votedDown]);
    // Act
    const misses = await missed.groups(period);
    const asMisses = await missed.groups({ ...period, kind: "misses" });
    const samples = await missed.groups({ ...period, kind: "sampled" });
    // Assess
    const ids = (r: typeof misses) => r.groups.flatMap((g) => g.ids).sort();
    expect(ids(misses)).toEqual([miss.id, votedDown.id].sort());
    expect(ids(asMisses)).toEqual(ids(misses));
    expect(misses.review).toBeUndefined();
    expect(ids(samples)).toEqual([sure.id, votedDown.id].sort());
    const shown = samples.groups.flatMap((g) => g.samples).find((s) => s.id === sure.id);
    expect(shown).toMatchObject({ text: "verokortin muutos", topic: "tax-card", status: "open" });
  });

  it("confirms sampled answers as right, marks them confirmed and audits it", async () => {
    const { store, missed, audited } = await setUp();
    const a = sampled("verokortin muutos");
    const b = sampled("verokortti netissä");
    await store.putAll([a, b]);
    const result = await missed.act(owner, { action: "confirm", ids: [a.id, b.id] });
    expect(result).toEqual({ applied: 2 });
    expect((await store.get([a.id, b.id])).map((e) => e.status)).toEqual([
      "confirmed",
      "confirmed",
    ]);
    expect(audited).toEqual(["inbox-confirm: 2 questions answered right (answer review)"]);
    // Confirmed, they leave the open list of samples.
    expect((await missed.groups({ ...period, kind: "sampled" })).groups).toEqual([]);
  });

  it("counts per language the sampled questions reviewed and those confirmed right, not misses, open or dismissed ones", async () => {
    // Prepare
    const { store, missed } = await setUp();
    const confirmedFi = sampled("verokortin muutos", { status: "confirmed" });
    const keptFi = sampled("koiravero kunnassa");
    const taughtFi = sampled("perintövero kuolinpesä");
    const openFi = sampled("veronpalautus tililleni");
    const confirmedSv = sampled("skattekort ändring", { lang: "sv", status: "confirmed" });
    const dismissedSv = sampled("skatteåterbäring", { lang: "sv", status: "dismissed" });
    const miss = sampleMiss("2026-12-01", { text: "plörö", status: "confirmed" });
    await store.putAll([confirmedFi, keptFi, taughtFi, openFi, confirmedSv, dismissedSv, miss]);
    // A correction that holds (the draft's set has it), and one whose teaching is not in the
    // draft (this fake's teach writes nothing there): open again, so not reviewed.
    await missed.act(owner, { action: "uncovered", ids: [keptFi.id], matter: "dog-tax" });
    await missed.act(owner, {
      action: "teach",
      ids: [taughtFi.id],
      topicId: "inheritance-tax",
      split: "tests",
    });
    // Act: the language filter and the open filter do not narrow the figure.
    const { review } = await missed.groups({ ...period, kind: "sampled", lang: "fi" });
    // Assess
    expect(review).toEqual({
      fi: { reviewed: 2, confirmed: 1 },
      sv: { reviewed: 1, confirmed: 1 },
    });
  });
});
