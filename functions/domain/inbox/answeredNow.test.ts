import { describe, expect, it } from "vitest";
import { questionFeatures } from "../../adapters/recogniser/embedded/questionFeatures.ts";
import type { Lang } from "../../contracts/lang.ts";
import { sampleBundle } from "../content/contentStoreContract.ts";
import type { IntentScore, Recognition } from "../ports.ts";
import { answeredNow, type VersionAnswerer } from "./answeredNow.ts";
import { createMemoryMissStore } from "./memoryMissStore.ts";
import { createMissedQuestions } from "./missedQuestions.ts";
import { sampleMiss } from "./missStoreContract.ts";

const DAY = "2026-12-01";

/** A version whose recogniser gives each text the scores listed (winner first), else none. */
function version(
  topics: string[],
  scores: Record<string, IntentScore[]>,
): VersionAnswerer & { asked: [string, Lang][] } {
  const asked: [string, Lang][] = [];
  return {
    asked,
    has: (topic) => topics.includes(topic),
    recognise(text, lang): Recognition {
      asked.push([text, lang]);
      const [best, ...rest] = scores[text] ?? [{ intent: "none", confidence: 0.9 }];
      return {
        ...(best as IntentScore),
        detectedLang: lang,
        alternatives: [best as IntentScore, ...rest],
      };
    },
  };
}

const TIP = "Onko tippi veronalaista tuloa?";

describe("what the live version and the draft now answer an open question with", () => {
  it("names the topic each version answers with when the bot would answer it surely", async () => {
    // Prepare: live answers the tip question with tips; the draft with tips and more surely.
    const live = version(["tips"], { [TIP]: [{ intent: "tips", confidence: 0.8 }] });
    const draft = version(["tips"], { [TIP]: [{ intent: "tips", confidence: 0.91234 }] });
    const entry = sampleMiss(DAY, { text: TIP });

    // Act
    const found = await answeredNow([entry], { live, draft });

    // Assess
    expect(found).toEqual([
      {
        id: entry.id,
        live: { topic: "tips", confidence: 0.8 },
        draft: { topic: "tips", confidence: 0.912 },
      },
    ]);
  });

  it("leaves out what the bot would not answer outright, or not surely enough to keep it", async () => {
    const texts = {
      unsure: [{ intent: "tips", confidence: 0.6 }],
      close: [
        { intent: "tips", confidence: 0.8 },
        { intent: "tax-card", confidence: 0.7 },
      ],
      unknownTopic: [{ intent: "gifts", confidence: 0.95 }],
      greeted: [{ intent: "greeting", confidence: 0.95 }],
      sure: [{ intent: "tips", confidence: 0.7 }],
    };
    const both = version(["tips", "tax-card", "greeting"], texts);
    const entries = Object.keys(texts).map((text) => sampleMiss(DAY, { text }));

    const found = await answeredNow(entries, { live: both, draft: both });

    expect(found.map((a) => entries.find((e) => e.id === a.id)?.text)).toEqual(["sure"]);
  });

  it("leaves out the very answer the customer voted down or left for a person, or a sampled question had, not another", async () => {
    const live = version(["tips", "tax-card"], {
      voted: [{ intent: "tips", confidence: 0.9 }],
      handedOff: [{ intent: "tips", confidence: 0.9 }],
      sampled: [{ intent: "tips", confidence: 0.9 }],
      betterNow: [{ intent: "tax-card", confidence: 0.9 }],
      sampledElsewhere: [{ intent: "tax-card", confidence: 0.9 }],
      surerNow: [{ intent: "tips", confidence: 0.9 }],
    });
    const entries = [
      sampleMiss(DAY, { text: "voted", topic: "tips", reasons: ["unhelpful"] }),
      sampleMiss(DAY, { text: "handedOff", topic: "tips", reasons: ["person-requested"] }),
      sampleMiss(DAY, { text: "sampled", topic: "tips", reasons: ["sampled"] }),
      sampleMiss(DAY, { text: "betterNow", topic: "tips", reasons: ["unhelpful"] }),
      sampleMiss(DAY, { text: "sampledElsewhere", topic: "tips", reasons: ["sampled"] }),
      sampleMiss(DAY, { text: "surerNow", topic: "tips", reasons: ["low-confidence"] }),
    ];

    const found = await answeredNow(entries, { live, draft: version([], {}) });

    expect(found.map((a) => [entries.find((e) => e.id === a.id)?.text, a.live?.topic])).toEqual([
      ["betterNow", "tax-card"],
      ["sampledElsewhere", "tax-card"],
      ["surerNow", "tips"],
    ]);
  });
});

describe("the inbox's answers for a page of questions", () => {
  it("recognises only the open ones, in their language and without placeholders, in the order asked", async () => {
    // Prepare: an open question, a dismissed one, one taught whose sentence left the draft.
    const store = createMemoryMissStore();
    const open = sampleMiss(DAY, { text: "tippi [ID-CODE] vero", lang: "sv" });
    const dismissed = sampleMiss(DAY, { text: "tippi vero", status: "dismissed" });
    const reopened = sampleMiss(DAY, {
      text: "tippi tulona",
      status: "taught",
      taughtTo: { topicId: "tips", split: "training" },
    });
    await store.putAll([open, dismissed, reopened]);
    const inbox = createMissedQuestions({
      store,
      features: questionFeatures,
      workflow: {
        teach: async () => ({ added: 0, warnings: [] }),
        recordInboxAction: async () => {},
        addReferralSentences: async () => ({ added: 0, warnings: [] }),
        addUncovered: async () => ({ added: 0, keptUnder: [], warnings: [] }),
        draftBundle: async () => sampleBundle(),
      },
    });
    const sure = [{ intent: "tips", confidence: 0.9 }];
    const live = version(["tips"], { "tippi vero": sure, "tippi tulona": sure });

    // Act
    const found = await inbox.answers([reopened.id, dismissed.id, open.id], {
      live,
      draft: version([], {}),
    });

    // Assess
    expect(live.asked).toEqual([
      ["tippi tulona", "fi"],
      ["tippi vero", "sv"],
    ]);
    expect(found.map((a) => a.id)).toEqual([reopened.id, open.id]);
  });
});
