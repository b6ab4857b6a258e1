import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../../../content/loadContent.ts";
import { loadTestCases, SPLITS } from "../../../content/testSet.ts";
import { LANGS, type Lang } from "../../../contracts/lang.ts";
import type { Recognition } from "../../../domain/ports.ts";
import {
  EmbeddedRecogniser,
  type RecogniserSnapshot,
  RecogniserSnapshotError,
  recogniserSnapshotTransferList,
} from "./embeddedRecogniser.ts";
import { IntentClassifier } from "./intentClassifier.ts";
import { RecentParts, trainParts } from "./trainedParts.ts";

interface Asked {
  text: string;
  chatLang: Lang;
}

/**
 * Every held-out message (tests and dev, both languages) as customers send it, in the other
 * language's chat (the language detector decides) and with a typo (the speller decides).
 */
function heldOutQuestions(): Asked[] {
  const asked: Asked[] = [];
  for (const split of SPLITS) {
    for (const lang of LANGS) {
      for (const { text } of loadTestCases(DEFAULT_CONTENT_DIR, lang, split)) {
        const other: Lang = lang === "fi" ? "sv" : "fi";
        asked.push({ text, chatLang: lang }, { text, chatLang: other });
        asked.push({ text: withTypo(text), chatLang: lang });
      }
    }
  }
  return asked;
}

/** Drops the third letter of the longest word: "veronpalautus" → "veonpalautus". */
function withTypo(text: string): string {
  const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
  if (longest.length < 6) return text;
  return text.replace(longest, longest.slice(0, 2) + longest.slice(3));
}

function answers(recogniser: EmbeddedRecogniser, asked: readonly Asked[]) {
  return asked.map(({ text, chatLang }) => ({
    text,
    chatLang,
    ...(recogniser.classify(text, chatLang) satisfies Recognition),
  }));
}

let original: EmbeddedRecogniser;
let snapshot: RecogniserSnapshot;

beforeAll(() => {
  original = new EmbeddedRecogniser(loadBotContent());
  snapshot = original.toSnapshot();
});

describe("EmbeddedRecogniser snapshot", () => {
  it("restores a recogniser that answers every test and dev message exactly as the original", () => {
    // Prepare: cross a structured clone the way a worker's message does, buffers transferred.
    const sent = original.toSnapshot();
    const received = structuredClone(sent, { transfer: recogniserSnapshotTransferList(sent) });
    const asked = heldOutQuestions();

    // Act
    const restored = EmbeddedRecogniser.fromSnapshot(received);

    // Assess: intent, confidence, alternatives and detected language, message by message.
    expect(asked.length).toBeGreaterThan(2000);
    expect(answers(restored, asked)).toEqual(answers(original, asked));
  });

  it("answers a message whose words it has cached exactly as when they were new", () => {
    // Prepare: a fresh recogniser, so that every word of the first round is new to it.
    const fresh = EmbeddedRecogniser.fromSnapshot(original.toSnapshot());
    const asked = heldOutQuestions();

    // Act
    const first = answers(fresh, asked);
    const cached = answers(fresh, asked);

    // Assess
    expect(cached).toEqual(first);
    expect(first).toEqual(answers(original, asked));
  });

  it("restores in slices between other work, answering exactly as the original", async () => {
    // Prepare: a turn that counts, and how many words the speller indexes.
    const sent = original.toSnapshot();
    const received = structuredClone(sent, { transfer: recogniserSnapshotTransferList(sent) });
    const fi = received.classifiers.fi;
    // The speller indexes the words of five letters or more.
    const words = (JSON.parse(fi.words) as string[]).filter((w) => w.length >= 5);
    let turns = 0;
    const countingTurn = async () => {
      turns++;
    };

    // Act
    const classifier = await IntentClassifier.restoreYielding(fi, countingTurn);
    const restored = await EmbeddedRecogniser.restoreYielding(
      structuredClone(original.toSnapshot()),
    );

    // Assess: a turn before and after the feature index (one pass, ~1.5 ms for 22,000
    // names), the speller's index in slices of 200 words, and nothing answers differently.
    expect(words.length).toBeGreaterThan(1_000);
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(words.length / 200) + 2);
    const asked = heldOutQuestions().filter((q) => q.chatLang === "fi");
    const direct = IntentClassifier.fromSnapshot(original.toSnapshot().classifiers.fi);
    expect(asked.map((q) => classifier.classify(q.text))).toEqual(
      asked.map((q) => direct.classify(q.text)),
    );
    expect(answers(restored, heldOutQuestions())).toEqual(answers(original, heldOutQuestions()));
  });

  it("takes the parts this thread already holds rather than restoring them again", async () => {
    const { keys } = trainParts(loadBotContent());
    const held = new RecentParts();
    const first = await EmbeddedRecogniser.restoreYielding(original.toSnapshot(), {
      parts: held,
      keys,
    });
    // The same keys with the Finnish classifier and the detector left out of the snapshot:
    // only a part taken from `held` can stand in for them.
    const hollow = {
      ...original.toSnapshot(),
      detector: undefined,
      classifiers: { ...original.toSnapshot().classifiers, fi: undefined },
    } as unknown as RecogniserSnapshot;

    const second = await EmbeddedRecogniser.restoreYielding(hollow, { parts: held, keys });

    expect(held.classifiers.fi.size).toBe(1);
    expect(answers(second, heldOutQuestions())).toEqual(answers(original, heldOutQuestions()));
    expect(answers(first, heldOutQuestions())).toEqual(answers(original, heldOutQuestions()));
    // Keys the thread does not hold restore from the snapshot, which must then be whole.
    const otherKeys = { ...keys, fi: "another version's Finnish classifier" };
    await expect(
      EmbeddedRecogniser.restoreYielding(hollow, { parts: held, keys: otherKeys }),
    ).rejects.toThrow(RecogniserSnapshotError);
  });

  it("carries its long lists of strings as one string each, not as thousands of strings", () => {
    const { fi } = snapshot.classifiers;

    const lists = [
      fi.words,
      fi.stems,
      fi.grams,
      fi.vectorizer.features.joined,
      snapshot.detector.fi.grams,
    ];

    for (const list of lists) expect(typeof list).toBe("string");
    expect(JSON.parse(fi.words)).toHaveLength(fi.wordCounts.length);
    // The vectorizer's table travels built: its places and slots as transferable arrays.
    const buffers = recogniserSnapshotTransferList(snapshot);
    expect(buffers).toContain(fi.vectorizer.features.starts.buffer);
    expect(buffers).toContain(fi.vectorizer.features.slots.buffer);
  });

  it("refuses a vectorizer table whose parts do not fit together", () => {
    const damaged = original.toSnapshot();
    const { features } = damaged.classifiers.fi.vectorizer;
    features.starts[features.starts.length - 1] = features.joined.length + 1;

    expect(() => EmbeddedRecogniser.fromSnapshot(damaged)).toThrow(/vectorizer snapshot features/);
  });

  it("leaves the original intact when the snapshot's buffers are transferred away", () => {
    const own = original.toSnapshot();
    const before = original.classify("milloin tulee veronpalautus", "fi");

    structuredClone(own, { transfer: recogniserSnapshotTransferList(own) });

    expect(own.classifiers.fi.model.weights.length).toBe(0); // detached: it really moved
    expect(original.classify("milloin tulee veronpalautus", "fi")).toEqual(before);
  });

  it("holds only plain data and typed arrays, the model as transferable buffers", () => {
    const buffers = recogniserSnapshotTransferList(snapshot);
    const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);

    expect(buffers).toHaveLength(14);
    expect(bytes).toBeGreaterThan(500_000);
    expect(containsMapOrSet(snapshot)).toBe(false);
  });

  it("refuses a snapshot of another format", () => {
    const foreign = {
      ...snapshot,
      format: "embedded-recogniser/0",
    } as unknown as RecogniserSnapshot;

    expect(() => EmbeddedRecogniser.fromSnapshot(foreign)).toThrow(RecogniserSnapshotError);
  });

  it("refuses a snapshot whose model does not fit its vocabulary", () => {
    const fi = snapshot.classifiers.fi;
    const broken: RecogniserSnapshot = {
      ...snapshot,
      classifiers: {
        ...snapshot.classifiers,
        fi: { ...fi, model: { ...fi.model, weights: fi.model.weights.subarray(fi.labels.length) } },
      },
    };

    expect(() => EmbeddedRecogniser.fromSnapshot(broken)).toThrow(/fi.*does not fit/);
  });
});

function containsMapOrSet(value: unknown): boolean {
  if (value instanceof Map || value instanceof Set) return true;
  if (ArrayBuffer.isView(value) || typeof value !== "object" || value === null) return false;
  return Object.values(value).some(containsMapOrSet);
}
