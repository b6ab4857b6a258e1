import { describe, expect, it } from "vitest";
import { questionFeatures } from "../../adapters/recogniser/embedded/questionFeatures.ts";
import type { TopicFile } from "../../contracts/content.ts";
import { manualClock } from "../clock.ts";
import { type ContentBundle, withTopic } from "../content/bundle.ts";
import { sampleBundle } from "../content/contentStoreContract.ts";
import { type ContentRules, createContentWorkflow } from "../content/contentWorkflow.ts";
import { createMemoryContentStore } from "../content/memoryContentStore.ts";
import { createMemoryMissStore } from "./memoryMissStore.ts";
import { createMissedQuestions } from "./missedQuestions.ts";
import { sampleMiss } from "./missStoreContract.ts";
import { withDraftStatus } from "./reopening.ts";

const DAY = "2026-12-01";
const owner = { subject: "owner", displayName: "Outi" };
const reviewer = { subject: "reviewer", displayName: "Henrik" };

/** The sample bundle with `sentences` added to tax-card's Finnish training sentences. */
function taxCardWith(...sentences: string[]): ContentBundle {
  const bundle = sampleBundle();
  const topic = bundle.topics.find((t) => t.id === "tax-card") as TopicFile;
  const changed = {
    ...topic,
    fi: { ...topic.fi, utterances: [...topic.fi.utterances, ...sentences] },
  };
  return { ...bundle, topics: bundle.topics.map((t) => (t.id === "tax-card" ? changed : t)) };
}

const taughtToTaxCard = (text: string) =>
  sampleMiss(DAY, {
    text,
    status: "taught",
    taughtTo: { topicId: "tax-card", split: "training" },
  });

describe("a taught or referred question as the draft has it", () => {
  it("stays taught while its text is a sentence of the draft, case and punctuation aside", () => {
    const entry = taughtToTaxCard("Onko tippi veronalaista tuloa?");

    const [listed] = withDraftStatus([entry], taxCardWith("onko tippi veronalaista tuloa"));

    expect(listed).toEqual(entry);
  });

  it("stays taught when the owner moved the sentence to another topic", () => {
    const entry = taughtToTaxCard("tippi ja vero");
    const bundle = sampleBundle();
    const payment = bundle.topics.find((t) => t.id === "payment") as TopicFile;
    const moved = withTopic(
      bundle,
      "payment",
      {
        ...payment,
        fi: { ...payment.fi, utterances: [...payment.fi.utterances, "tippi ja vero"] },
      },
      undefined,
    );

    expect(withDraftStatus([entry], moved)[0]?.status).toBe("taught");
  });

  it("is open again, naming where it was taught, once its sentence has left the topic", () => {
    const entry = taughtToTaxCard("tippi ja vero");

    const [listed] = withDraftStatus([entry], sampleBundle());

    expect(listed).toEqual({
      ...entry,
      status: "open",
      reopened: { was: "taught", topicId: "tax-card", split: "training", gone: false },
    });
  });

  it("says the topic is gone when the draft retired the topic it was taught to", () => {
    const entry = sampleMiss(DAY, {
      text: "tippi ja vero",
      status: "taught",
      taughtTo: { topicId: "tips", split: "tests" },
    });

    expect(withDraftStatus([entry], sampleBundle())[0]?.reopened).toEqual({
      was: "taught",
      topicId: "tips",
      split: "tests",
      gone: true,
    });
  });

  it("finds a text taught without its masking placeholders", () => {
    const entry = taughtToTaxCard("verokortti hetulla [ID-CODE] kiitos");

    const [listed] = withDraftStatus([entry], taxCardWith("verokortti hetulla kiitos"));

    expect(listed?.status).toBe("taught");
  });

  it("opens a question taught before the inbox kept where, naming no topic", () => {
    const entry = sampleMiss(DAY, { text: "tippi ja vero", status: "taught" });

    expect(withDraftStatus([entry], sampleBundle())[0]?.reopened).toEqual({
      was: "taught",
      gone: false,
    });
  });

  it("opens a referred question whose sentence left the group, and leaves the rest alone", () => {
    const referred = sampleMiss(DAY, {
      text: "kelan asia 9",
      status: "referred",
      referredTo: "kela",
    });
    const stillReferred = sampleMiss(DAY, {
      text: "kela asia 1",
      status: "referred",
      referredTo: "kela",
    });
    const dismissed = sampleMiss(DAY, { text: "tippi", status: "dismissed" });
    const open = sampleMiss(DAY, { text: "tippi" });

    const listed = withDraftStatus([referred, stillReferred, dismissed, open], sampleBundle());

    expect(listed.map((e) => [e.status, e.reopened])).toEqual([
      ["open", { was: "referred", referral: "kela", gone: false }],
      ["referred", undefined],
      ["dismissed", undefined],
      ["open", undefined],
    ]);
  });
});

describe("a question kept as uncovered as the draft has it", () => {
  const keptAsUncovered = (text: string) =>
    sampleMiss(DAY, { text, status: "uncovered", uncoveredMatter: "dog-tax" });
  const withUncovered = (...texts: string[]): ContentBundle => ({
    ...sampleBundle(),
    uncovered: { fi: texts.map((text) => ({ text, matter: "dog-tax" })), sv: [] },
  });

  it("stays kept while the draft's uncovered questions have its text, case and punctuation aside", () => {
    const entry = keptAsUncovered("Paljonko koiravero on?");

    const [listed] = withDraftStatus([entry], withUncovered("paljonko koiravero on"));

    expect(listed).toEqual(entry);
  });

  it("is open again with its matter once the text has left the set", () => {
    const entry = keptAsUncovered("paljonko koiravero on");

    const [listed] = withDraftStatus([entry], withUncovered("eri kysymys"));

    expect(listed).toEqual({
      ...entry,
      status: "open",
      reopened: { was: "uncovered", matter: "dog-tax", gone: false },
    });
  });

  it("stays kept when the owner moved it into a topic's test messages once a topic covered it", () => {
    const entry = keptAsUncovered("paljonko koiravero on");
    const bundle = sampleBundle();
    const moved = {
      ...bundle,
      tests: {
        ...bundle.tests,
        fi: [...bundle.tests.fi, { text: "paljonko koiravero on", intent: "payment" }],
      },
    };

    expect(withDraftStatus([entry], moved)[0]?.status).toBe("uncovered");
  });
});

// The simplest rules: any topic with a Finnish title saves; whole bundles are accepted.
const rules: ContentRules = {
  checkTopic(json) {
    const { tests, ...topic } = json as TopicFile & { tests?: { fi: string[]; sv: string[] } };
    return { issues: [], topic, ...(tests ? { tests } : {}) };
  },
  checkReferral: (json) => ({ issues: [], referral: json as never }),
  checkOutOfScope: (json) => ({ issues: [], outOfScope: json as never }),
  checkUncovered: (json) => ({ issues: [], uncovered: json as never }),
  checkBundle: () => [],
};

async function setUp() {
  const workflow = createContentWorkflow({
    store: createMemoryContentStore(),
    rules,
    deployer: {
      gate: async () => ({ issues: [] }),
      prepare: async () => {},
      serve: async () => {},
    },
    clock: manualClock(new Date("2026-12-02T10:00:00Z")),
    settings: { requireReview: true },
  });
  await workflow.seed(sampleBundle(), "repository");
  const store = createMemoryMissStore();
  const inbox = createMissedQuestions({ store, workflow, features: questionFeatures });
  const period = { from: DAY, to: DAY };
  const openTexts = async () =>
    (await inbox.groups(period)).groups.flatMap((g) => g.samples.map((s) => s.text)).sort();
  return { workflow, store, inbox, period, openTexts };
}

const tips = (title = "Juomarahat"): TopicFile => ({
  id: "tips",
  fi: { title, utterances: ["juomaraha"], answer: "Juomaraha on veronalaista tuloa." },
  sv: { title: "Dricks", utterances: ["dricks"], answer: "Dricks är skattepliktig inkomst." },
});

describe("the inbox after a rollback or a discarded draft change", () => {
  it("lists questions taught into a version that was rolled back as open again, with why", async () => {
    // Prepare: one question taught into a new topic, one into an existing one; live; approved.
    const { workflow, store, inbox, period, openTexts } = await setUp();
    const intoNew = sampleMiss(DAY, { text: "Onko tippi veronalaista tuloa?" });
    const intoOld = sampleMiss(DAY, { text: "verokortti kesätöihin" });
    await store.putAll([intoNew, intoOld]);
    await workflow.saveTopic(owner, "tips", tips());
    await inbox.act(owner, {
      action: "teach",
      ids: [intoNew.id],
      topicId: "tips",
      split: "training",
    });
    await inbox.act(owner, {
      action: "teach",
      ids: [intoOld.id],
      topicId: "tax-card",
      split: "tests",
    });
    const { version } = await workflow.publish(owner, "tips");
    await workflow.approve(reviewer, version);
    expect(await openTexts()).toEqual([]);

    // Act: roll back to version 1, approved; the draft follows it.
    const rollback = await workflow.rollback(owner, 1);
    await workflow.approve(reviewer, rollback.version);

    // Assess: both are open again, and the list of every status agrees.
    expect(await openTexts()).toEqual(["Onko tippi veronalaista tuloa?", "verokortti kesätöihin"]);
    const all = (await inbox.groups({ ...period, status: "all" })).groups.flatMap((g) => g.samples);
    expect(all.map((s) => [s.text, s.status, s.reopened]).sort()).toEqual([
      [
        "Onko tippi veronalaista tuloa?",
        "open",
        { was: "taught", topicId: "tips", split: "training", gone: true },
      ],
      [
        "verokortti kesätöihin",
        "open",
        { was: "taught", topicId: "tax-card", split: "tests", gone: false },
      ],
    ]);
    expect((await inbox.rows(period)).map((r) => r.entry.status)).toEqual(["open", "open"]);
  });

  it("lists a question kept as uncovered open again when the set's draft change is discarded", async () => {
    // Prepare
    const { workflow, store, inbox, openTexts } = await setUp();
    const entry = sampleMiss(DAY, { text: "paljonko koiravero on" });
    await store.put(entry);
    await inbox.act(owner, { action: "uncovered", ids: [entry.id], matter: "dog-tax" });
    expect(await openTexts()).toEqual([]);

    // Act
    await workflow.revertUncovered(owner);

    // Assess
    expect(await openTexts()).toEqual(["paljonko koiravero on"]);
    expect((await inbox.rows({ from: DAY, to: DAY }))[0]?.entry.reopened).toEqual({
      was: "uncovered",
      matter: "dog-tax",
      gone: false,
    });
  });

  it("lists a question open again when its topic's draft change is discarded", async () => {
    // Prepare
    const { workflow, store, inbox, openTexts } = await setUp();
    const entry = sampleMiss(DAY, { text: "verokortti kesätöihin" });
    await store.put(entry);
    await inbox.act(owner, {
      action: "teach",
      ids: [entry.id],
      topicId: "tax-card",
      split: "training",
    });
    expect(await openTexts()).toEqual([]);

    // Act
    await workflow.revertTopic(owner, "tax-card");

    // Assess: open again; taught once more, it leaves the open list.
    expect(await openTexts()).toEqual(["verokortti kesätöihin"]);
    await inbox.act(owner, {
      action: "teach",
      ids: [entry.id],
      topicId: "tax-card",
      split: "training",
    });
    expect(await openTexts()).toEqual([]);
  });
});
