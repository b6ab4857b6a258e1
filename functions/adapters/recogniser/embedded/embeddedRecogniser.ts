import type { BotContent } from "../../../contracts/content.ts";
import { LANGS, type Lang } from "../../../contracts/lang.ts";
import type { Recogniser, Recognition } from "../../../domain/ports.ts";
import type { RecentlyUsed } from "../../../domain/recentlyUsed.ts";
import {
  type ClassifierOptions,
  type ClassifierSnapshot,
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
} from "./intentClassifier.ts";
import { LanguageDetector, type LanguageDetectorSnapshot } from "./languageDetector.ts";
import {
  type PartKeys,
  type RecentParts,
  type RecogniserParts,
  trainParts,
} from "./trainedParts.ts";

/**
 * Names the layout of `RecogniserSnapshot`; a snapshot of another layout is refused. The tag
 * is a value, not a name, and keeps its old spelling: a new tag would mean a new layout.
 */
export const RECOGNISER_SNAPSHOT_FORMAT = "embedded-recognizer/4";

/**
 * A trained recogniser as plain objects, strings and typed arrays: everything `classify`
 * needs, so a worker thread can train and hand the result over by structured clone
 * (`recogniserSnapshotTransferList` lists the buffers to transfer rather than copy).
 */
export interface RecogniserSnapshot {
  format: typeof RECOGNISER_SNAPSHOT_FORMAT;
  classifiers: Record<Lang, ClassifierSnapshot>;
  detector: LanguageDetectorSnapshot;
}

/** A snapshot this code cannot restore (another format, or parts that do not fit). */
export class RecogniserSnapshotError extends Error {
  override readonly name = "RecogniserSnapshotError";
}

/** The next turn of the event loop, after the I/O that is waiting. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function isParts(source: object): source is RecogniserParts {
  return "detector" in source && source.detector instanceof LanguageDetector;
}

/** The in-process recogniser: no network, trained from bot content when constructed. */
export class EmbeddedRecogniser implements Recogniser {
  private readonly classifiers: Record<Lang, IntentClassifier>;
  private readonly detector: LanguageDetector;

  /** Trains on `content`; this takes most of a second of CPU. */
  constructor(content: BotContent, options?: ClassifierOptions);
  /** Restores a trained recogniser; `EmbeddedRecogniser.fromSnapshot` says the same more plainly. */
  constructor(snapshot: RecogniserSnapshot);
  /** Assembles one from parts already trained (`trainParts`) or restored (`restoreYielding`). */
  constructor(parts: RecogniserParts);
  constructor(
    source: BotContent | RecogniserSnapshot | RecogniserParts,
    options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  ) {
    if (isParts(source)) {
      this.classifiers = source.classifiers;
      this.detector = source.detector;
      return;
    }
    if ("format" in source) {
      if (source.format !== RECOGNISER_SNAPSHOT_FORMAT) {
        throw new RecogniserSnapshotError(
          `recogniser snapshot format ${String(source.format)} is not ${RECOGNISER_SNAPSHOT_FORMAT}`,
        );
      }
      try {
        this.classifiers = {
          fi: IntentClassifier.fromSnapshot(source.classifiers.fi),
          sv: IntentClassifier.fromSnapshot(source.classifiers.sv),
        };
        this.detector = LanguageDetector.fromSnapshot(source.detector);
      } catch (error) {
        throw new RecogniserSnapshotError((error as Error).message, { cause: error });
      }
      return;
    }
    const { parts } = trainParts(source, options);
    this.classifiers = parts.classifiers;
    this.detector = parts.detector;
  }

  /**
   * A recogniser that classifies exactly as the one `snapshot` was taken from. It keeps the
   * snapshot's typed arrays as its own; throws RecogniserSnapshotError for a foreign snapshot.
   */
  static fromSnapshot(snapshot: RecogniserSnapshot): EmbeddedRecogniser {
    return new EmbeddedRecogniser(snapshot);
  }

  /**
   * The same as `fromSnapshot`, one part per turn of the event loop: a running service
   * restores a new version between chats' messages, in pieces of a few milliseconds rather
   * than one stall of ~50 ms. With `held`, a part whose key (`trainParts`) is among the parts
   * this thread already holds is taken from there rather than restored again, and a restored
   * part is kept there (unless `keepNew` is false).
   */
  static async restoreYielding(
    snapshot: RecogniserSnapshot,
    held?: { parts: RecentParts; keys: PartKeys; keepNew?: boolean },
  ): Promise<EmbeddedRecogniser> {
    if (snapshot.format !== RECOGNISER_SNAPSHOT_FORMAT) {
      throw new RecogniserSnapshotError(
        `recogniser snapshot format ${String(snapshot.format)} is not ${RECOGNISER_SNAPSHOT_FORMAT}`,
      );
    }
    // A part this thread holds under its key is taken; any other is restored and kept.
    const heldOrRestored = async <T>(
      kept: RecentlyUsed<string, T> | undefined,
      key: string | undefined,
      restore: () => Promise<T> | T,
    ): Promise<T> => {
      const found = key ? kept?.get(key) : undefined;
      if (found) return found;
      // Called from a worker's message (the poll phase), the first turn is the same loop
      // iteration's check phase: without it, the first two parts would run back to back.
      await nextTurn();
      const restored = await restore();
      if (key && held?.keepNew !== false) kept?.set(key, restored);
      return restored;
    };
    try {
      const classifiers = {} as Record<Lang, IntentClassifier>;
      for (const lang of LANGS) {
        classifiers[lang] = await heldOrRestored(
          held?.parts.classifiers[lang],
          held?.keys[lang],
          () => IntentClassifier.fromSnapshot(snapshot.classifiers[lang]),
        );
      }
      const detector = await heldOrRestored(held?.parts.detectors, held?.keys.detector, () =>
        LanguageDetector.fromSnapshot(snapshot.detector),
      );
      return new EmbeddedRecogniser({ classifiers, detector });
    } catch (error) {
      if (error instanceof RecogniserSnapshotError) throw error;
      throw new RecogniserSnapshotError((error as Error).message, { cause: error });
    }
  }

  /** A snapshot's parts, restored at once (a worker keeping them to reuse, `RecentParts`). */
  static partsOf(snapshot: RecogniserSnapshot): RecogniserParts {
    const recogniser = EmbeddedRecogniser.fromSnapshot(snapshot);
    return { classifiers: recogniser.classifiers, detector: recogniser.detector };
  }

  /** Everything `classify` needs, copied: transferring the snapshot leaves this recogniser intact. */
  toSnapshot(): RecogniserSnapshot {
    return {
      format: RECOGNISER_SNAPSHOT_FORMAT,
      classifiers: { fi: this.classifiers.fi.toSnapshot(), sv: this.classifiers.sv.toSnapshot() },
      detector: this.detector.toSnapshot(),
    };
  }

  /** Same as `classify`, behind the asynchronous port. */
  async recognise(text: string, lang: Lang): Promise<Recognition> {
    return this.classify(text, lang);
  }

  /**
   * Recognises synchronously, in the language the message is written in (English in the
   * chat's, marked `foreign`).
   */
  classify(text: string, lang: Lang): Recognition {
    const { lang: detectedLang, english } = this.detector.read(text, lang);
    const { intent, confidence, alternatives, referral } =
      this.classifiers[detectedLang].classify(text);
    return {
      intent,
      confidence,
      alternatives,
      detectedLang,
      ...(referral ? { referral } : {}),
      ...(english ? { foreign: "en" as const } : {}),
    };
  }
}

/** Builds the embedded recogniser for `content`; training takes a few hundred milliseconds. */
export function createEmbeddedRecogniser(content: BotContent): EmbeddedRecogniser {
  return new EmbeddedRecogniser(content);
}

/** The snapshot's ArrayBuffers, for `postMessage(snapshot, transferList)`; the sender loses them. */
export function recogniserSnapshotTransferList(snapshot: RecogniserSnapshot): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [];
  for (const lang of LANGS) {
    const c = snapshot.classifiers[lang];
    buffers.push(c.vectorizer.idf.buffer, c.model.weights.buffer);
    buffers.push(c.vectorizer.features.starts.buffer, c.vectorizer.features.slots.buffer);
    buffers.push(c.model.bias.buffer);
    for (const table of [c.words, c.stems, c.grams])
      buffers.push(table.starts.buffer, table.slots.buffer);
    if (c.speller) {
      buffers.push(c.speller.ownerOf.buffer, c.speller.variants.starts.buffer);
      buffers.push(c.speller.variants.slots.buffer, c.speller.ranked.starts.buffer);
      buffers.push(c.speller.ranked.slots.buffer);
    }
    const d = snapshot.detector[lang];
    buffers.push(d.logProb.buffer, d.grams.starts.buffer, d.grams.slots.buffer);
  }
  // A buffer listed twice makes postMessage throw; a shared one cannot be transferred.
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
