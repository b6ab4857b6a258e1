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
import type { SpellerParts } from "./speller.ts";
import type { StringTableParts } from "./stringTable.ts";
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

  it("restores one part a turn between other work, answering exactly as the original", async () => {
    // Prepare: other work that counts the event loop's turns while the restore runs.
    const sent = original.toSnapshot();
    const received = structuredClone(sent, { transfer: recogniserSnapshotTransferList(sent) });
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);

    // Act
    const restored = await EmbeddedRecogniser.restoreYielding(received);
    counting = false;

    // Assess: the Finnish and Swedish classifiers and the detector each in a turn of its
    // own (their tables arrive built), and nothing answers differently.
    expect(turns).toBeGreaterThanOrEqual(3);
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

  it("carries its lists of strings as tables built, not as thousands of strings", () => {
    const { fi } = snapshot.classifiers;
    const speller = fi.speller as SpellerParts;
    const tables = [
      fi.words,
      fi.stems,
      fi.grams,
      fi.vectorizer.features,
      speller.variants,
      speller.ranked,
      snapshot.detector.fi.grams,
    ];

    // Each table is one string and two transferable arrays (its places and slots).
    const buffers = recogniserSnapshotTransferList(snapshot);
    for (const table of tables) {
      expect(typeof table.joined).toBe("string");
      expect(buffers).toContain(table.starts.buffer);
      expect(buffers).toContain(table.slots.buffer);
    }
    expect(buffers).toContain(speller.ownerOf.buffer);
  });

  it("refuses a snapshot whose tables do not fit together, naming the part", () => {
    const damage = (table: StringTableParts) => {
      table.starts[table.starts.length - 1] = table.joined.length + 1;
    };
    const cases: [(s: RecogniserSnapshot) => void, RegExp][] = [
      [(s) => damage(s.classifiers.fi.vectorizer.features), /vectorizer snapshot features/],
      [(s) => damage(s.classifiers.fi.words), /classifier snapshot \(fi\) words/],
      [(s) => damage((s.classifiers.sv.speller as SpellerParts).variants), /speller variants/],
      [(s) => damage(s.detector.sv.grams), /language detector snapshot \(sv\) grams/],
      [(s) => delete s.classifiers.sv.speller, /classifier snapshot \(sv\).*has no speller/],
    ];

    for (const [how, message] of cases) {
      const snapshot = original.toSnapshot();
      how(snapshot);
      expect(() => EmbeddedRecogniser.fromSnapshot(snapshot)).toThrow(message);
    }
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

    expect(buffers).toHaveLength(38);
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
