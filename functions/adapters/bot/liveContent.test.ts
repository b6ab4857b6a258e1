import { beforeAll, describe, expect, it } from "vitest";
import { loadContentBundle } from "../../content/loadContent.ts";
import type { BotContent } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { Chat } from "../../domain/chat/model.ts";
import type { ContentBundle } from "../../domain/content/bundle.ts";
import { deepFreeze } from "../../domain/content/frozen.ts";
import type { Recogniser } from "../../domain/ports.ts";
import { createLogger } from "../../observability/logger.ts";
import { createLiveContent, type TrainedRecogniser } from "./liveContent.ts";

let bundle: ContentBundle;

beforeAll(() => {
  bundle = loadContentBundle();
});

/** A live content whose trainings are counted; every recogniser says "vat". */
function liveContent() {
  const trainings: BotContent[] = [];
  const classified: string[] = [];
  const live = createLiveContent({
    train: async (content) => {
      trainings.push(content);
      const recogniser: TrainedRecogniser = {
        classify(text: string, lang: Lang) {
          classified.push(text);
          return { intent: "vat", confidence: 0.9, alternatives: [], detectedLang: lang };
        },
        recognise: async (text, lang) => recogniser.classify(text, lang),
      };
      return recogniser;
    },
    // Answers every message with the vat topic's Finnish answer in the content it was made for.
    makeBot: (_recogniser: Recogniser, content: BotContent) => ({
      welcome: () => [],
      reply: async () => ({
        messages: [{ from: "bot", text: content.topics.get("vat")?.fi.answer ?? "" }],
        topic: "vat",
        missed: false,
      }),
    }),
    logger: createLogger("silent"),
  });
  return { live, trainings, classified };
}

/** The bundle with the vat topic changed by `edit`. */
function withVat(
  from: ContentBundle,
  edit: (vat: ContentBundle["topics"][number]) => ContentBundle["topics"][number],
): ContentBundle {
  return { ...from, topics: from.topics.map((t) => (t.id === "vat" ? edit(t) : t)) };
}

const chat = { chatId: "c", lang: "fi", topics: [], missesInRow: 0 } as unknown as Chat;

describe("createLiveContent's trained recognisers", () => {
  it("trains once for versions that differ only in answers, and answers with each one's own", async () => {
    const { live, trainings } = liveContent();
    const reworded = withVat(bundle, (vat) => ({
      ...vat,
      fi: { ...vat.fi, answer: "Arvonlisäverosta kerrotaan nyt toisin." },
    }));

    await live.serve(1, bundle);
    const draft = await live.trained(reworded);
    await live.serve(2, reworded);

    expect(trainings).toHaveLength(1);
    expect(draft).toBe(live.current().recogniser);
    const turn = await live.bot.reply(chat, "miten alv toimii");
    expect(turn.messages[0]?.text).toBe("Arvonlisäverosta kerrotaan nyt toisin.");
    expect(turn.contentVersion).toBe(2);
  });

  it("trains again when a topic's sentences change, in either language", async () => {
    const { live, trainings } = liveContent();
    const fiEdit = withVat(bundle, (vat) => ({
      ...vat,
      fi: { ...vat.fi, utterances: [...vat.fi.utterances, "alv ulkomaanmyynnissä"] },
    }));
    const svEdit = withVat(bundle, (vat) => ({
      ...vat,
      sv: { ...vat.sv, utterances: [...vat.sv.utterances, "moms vid export"] },
    }));
    const outOfScopeEdit = {
      ...bundle,
      outOfScope: { ...bundle.outOfScope, fi: [...bundle.outOfScope.fi, "pizzan tilaus"] },
    };

    for (const version of [bundle, fiEdit, svEdit, outOfScopeEdit]) await live.trained(version);

    expect(trainings).toHaveLength(4);
    expect(trainings[1]?.topics.get("vat")?.fi.utterances).toContain("alv ulkomaanmyynnissä");
  });

  it("remembers a frozen bundle's inputs, but reads a bundle that can change each time", async () => {
    const { live, trainings } = liveContent();
    const frozen = deepFreeze(structuredClone(bundle));
    const open = structuredClone(bundle);

    await live.trained(frozen);
    await live.trained(frozen);
    await live.trained(open);
    // Changed in place after its training: not the recogniser it was trained for.
    open.outOfScope.fi.push("pizzan tilaus");
    await live.trained(open);

    expect(trainings).toHaveLength(2);
    expect(trainings[1]?.outOfScope.fi).toContain("pizzan tilaus");
  });

  it("gates a version whose held-out messages changed on those messages, without training", async () => {
    const { live, trainings, classified } = liveContent();
    const moreTests = {
      ...bundle,
      tests: { ...bundle.tests, fi: [...bundle.tests.fi, { text: "alv-kysymys", intent: "vat" }] },
    };

    await live.deployer.gate(bundle);
    await live.deployer.gate(moreTests);

    expect(trainings).toHaveLength(1);
    expect(classified).toContain("alv-kysymys");
  });
});

describe("the publish gate against the live version", () => {
  const never = () => false;
  /** `from` with one more topic: a version whose recogniser is not live's. */
  const withNewTopic = (from: ContentBundle): ContentBundle => ({
    ...from,
    topics: [
      ...from.topics,
      { ...(from.topics[0] as ContentBundle["topics"][number]), id: "estate-tax-return" },
    ],
  });

  /**
   * A live content whose recognisers answer each test message with its own topic, except
   * those `wrongWithout` picks while the content lacks the added topic and `wrongWith` once
   * it has it, which get none.
   */
  function comparing(
    wrongWithout: (text: string) => boolean,
    wrongWith: (text: string) => boolean,
  ) {
    const trainings: BotContent[] = [];
    const classified: string[] = [];
    const expected = new Map(
      [...bundle.tests.fi, ...bundle.tests.sv].map((c) => [c.text, c.intent] as const),
    );
    const live = createLiveContent({
      train: async (content) => {
        trainings.push(content);
        const wrong = content.topics.has("estate-tax-return") ? wrongWith : wrongWithout;
        const recogniser: TrainedRecogniser = {
          classify(text: string, lang: Lang) {
            classified.push(text);
            const intent = wrong(text) ? "none" : (expected.get(text) ?? "none");
            return { intent, confidence: 0.9, alternatives: [], detectedLang: lang };
          },
          recognise: async (text, lang) => recogniser.classify(text, lang),
        };
        return recogniser;
      },
      makeBot: () => ({ welcome: () => [], reply: async () => ({ messages: [], missed: false }) }),
      logger: createLogger("silent"),
    });
    return { live, trainings, classified };
  }

  it("counts the version's new mistakes and fixes with the recogniser serving live, training nothing more", async () => {
    // Prepare: live gets one Finnish message wrong; the version with a new topic fixes it and
    // gets another wrong. Both are topic messages.
    const [fixedOne, brokenOne] = bundle.tests.fi.filter((c) => c.intent !== "none");
    const { live, trainings } = comparing(
      (text) => text === fixedOne?.text,
      (text) => text === brokenOne?.text,
    );
    const frozenLive = deepFreeze(structuredClone(bundle));
    await live.serve(4, frozenLive);
    const added = withNewTopic(bundle);

    // Act
    const { scores } = await live.deployer.gate(added, { version: 4, bundle: frozenLive });

    // Assess
    expect(scores?.fi.againstLive).toEqual({ version: 4, newMistakes: 1, fixed: 1 });
    expect(scores?.sv.againstLive).toEqual({ version: 4, newMistakes: 0, fixed: 0 });
    expect(trainings).toHaveLength(2);
  });

  it("finds nothing changed for a version whose recogniser is live's, asking nothing twice", async () => {
    const { live, trainings, classified } = comparing(never, never);
    const frozenLive = deepFreeze(structuredClone(bundle));
    await live.serve(4, frozenLive);
    const answerEdited = withVat(bundle, (t) => ({ ...t, fi: { ...t.fi, answer: "Uusi." } }));

    const { scores } = await live.deployer.gate(answerEdited, { version: 4, bundle: frozenLive });

    expect(scores?.fi.againstLive).toEqual({ version: 4, newMistakes: 0, fixed: 0 });
    expect(trainings).toHaveLength(1);
    // Each test message classified once, for the version only.
    expect(classified.filter((text) => text === bundle.tests.fi[0]?.text)).toHaveLength(1);
  });

  it("keeps no comparison without a live version, or for a version the gate refuses", async () => {
    // Prepare: the version with the new topic gets every Finnish message wrong.
    const finnish = new Set(bundle.tests.fi.map((c) => c.text));
    const { live } = comparing(never, (text) => finnish.has(text));
    const frozenLive = deepFreeze(structuredClone(bundle));
    await live.serve(4, frozenLive);
    const refused = withNewTopic(bundle);

    // Act
    const unpublished = await live.deployer.gate(bundle);
    const wrong = await live.deployer.gate(refused, { version: 4, bundle: frozenLive });

    // Assess
    expect(unpublished.scores?.fi).not.toHaveProperty("againstLive");
    expect(wrong.issues.length).toBeGreaterThan(0);
    expect(wrong.scores?.fi).not.toHaveProperty("againstLive");
  });
});

describe("createLiveContent's recognisers in other training orders", () => {
  it("gives the shipped order's recogniser from the cache and trains other orders each time", async () => {
    const orders: number[] = [];
    const made = createLiveContent({
      train: async () => ({ classify: () => ({ intent: "vat" }) }) as unknown as TrainedRecogniser,
      trainInOrder: async (_content, seed) => {
        orders.push(seed);
        return { classify: () => ({ intent: "pension" }) } as unknown as TrainedRecogniser;
      },
      makeBot: () => ({ welcome: () => [], reply: async () => ({ messages: [], missed: false }) }),
      logger: createLogger("silent"),
    });
    const inOrder = made.trainedInOrder;
    if (!inOrder) throw new Error("trainedInOrder is missing though trainInOrder was given");

    expect(await inOrder(bundle, 7)).toBe(await made.trained(bundle));
    await inOrder(bundle, 1);
    await inOrder(bundle, 1);
    expect(orders).toEqual([1, 1]);
  });

  it("offers no other order when the process cannot train one off its event loop", () => {
    expect(liveContent().live.trainedInOrder).toBeUndefined();
  });
});
