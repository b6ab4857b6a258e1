import type { BotContent } from "../../../contracts/content.ts";
import { LANGS, type Lang } from "../../../contracts/lang.ts";
import type { Recognition, Recognizer } from "../../../domain/ports.ts";
import {
  type ClassifierOptions,
  type ClassifierSnapshot,
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
  trainingExamples,
} from "./intentClassifier.ts";
import { LanguageDetector, type LanguageDetectorSnapshot } from "./languageDetector.ts";

/** Names the layout of `RecognizerSnapshot`; a snapshot of another layout is refused. */
export const RECOGNIZER_SNAPSHOT_FORMAT = "embedded-recognizer/1";

/**
 * A trained recogniser as plain objects, strings and typed arrays: everything `classify`
 * needs, so a worker thread can train and hand the result over by structured clone
 * (`recognizerSnapshotTransferList` lists the buffers to transfer rather than copy).
 */
export interface RecognizerSnapshot {
  format: typeof RECOGNIZER_SNAPSHOT_FORMAT;
  classifiers: Record<Lang, ClassifierSnapshot>;
  detector: LanguageDetectorSnapshot;
}

/** A snapshot this code cannot restore (another format, or parts that do not fit). */
export class RecognizerSnapshotError extends Error {
  override readonly name = "RecognizerSnapshotError";
}

/** A recogniser's parts, each restored from its snapshot. */
interface RestoredParts {
  classifiers: Record<Lang, IntentClassifier>;
  detector: LanguageDetector;
}

function isRestoredParts(source: object): source is RestoredParts {
  return "detector" in source && source.detector instanceof LanguageDetector;
}

/** The in-process recogniser: no network, trained from bot content when constructed. */
export class EmbeddedRecognizer implements Recognizer {
  private readonly classifiers: Record<Lang, IntentClassifier>;
  private readonly detector: LanguageDetector;

  /** Trains on `content`; this takes most of a second of CPU. */
  constructor(content: BotContent, options?: ClassifierOptions);
  /** Restores a trained recogniser; `EmbeddedRecognizer.fromSnapshot` says the same more plainly. */
  constructor(snapshot: RecognizerSnapshot);
  /** Assembles one from parts already restored (`restoreYielding`). */
  constructor(parts: RestoredParts);
  constructor(
    source: BotContent | RecognizerSnapshot | RestoredParts,
    options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  ) {
    if (isRestoredParts(source)) {
      this.classifiers = source.classifiers;
      this.detector = source.detector;
      return;
    }
    if ("format" in source) {
      if (source.format !== RECOGNIZER_SNAPSHOT_FORMAT) {
        throw new RecognizerSnapshotError(
          `recogniser snapshot format ${String(source.format)} is not ${RECOGNIZER_SNAPSHOT_FORMAT}`,
        );
      }
      try {
        this.classifiers = {
          fi: IntentClassifier.fromSnapshot(source.classifiers.fi),
          sv: IntentClassifier.fromSnapshot(source.classifiers.sv),
        };
        this.detector = LanguageDetector.fromSnapshot(source.detector);
      } catch (error) {
        throw new RecognizerSnapshotError((error as Error).message, { cause: error });
      }
      return;
    }
    const examples = { fi: trainingExamples(source, "fi"), sv: trainingExamples(source, "sv") };
    this.classifiers = {
      fi: new IntentClassifier("fi", examples.fi, options),
      sv: new IntentClassifier("sv", examples.sv, options),
    };
    this.detector = new LanguageDetector({
      fi: examples.fi.map((e) => e.text),
      sv: examples.sv.map((e) => e.text),
    });
  }

  /**
   * A recogniser that classifies exactly as the one `snapshot` was taken from. It keeps the
   * snapshot's typed arrays as its own; throws RecognizerSnapshotError for a foreign snapshot.
   */
  static fromSnapshot(snapshot: RecognizerSnapshot): EmbeddedRecognizer {
    return new EmbeddedRecognizer(snapshot);
  }

  /**
   * The same as `fromSnapshot`, one part per turn of the event loop: a running service
   * restores a new version between chats' messages, in pieces of ~10-20 ms rather than one
   * stall of ~50 ms.
   */
  static async restoreYielding(snapshot: RecognizerSnapshot): Promise<EmbeddedRecognizer> {
    if (snapshot.format !== RECOGNIZER_SNAPSHOT_FORMAT) {
      throw new RecognizerSnapshotError(
        `recogniser snapshot format ${String(snapshot.format)} is not ${RECOGNIZER_SNAPSHOT_FORMAT}`,
      );
    }
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const fi = IntentClassifier.fromSnapshot(snapshot.classifiers.fi);
      await turn();
      const sv = IntentClassifier.fromSnapshot(snapshot.classifiers.sv);
      await turn();
      const detector = LanguageDetector.fromSnapshot(snapshot.detector);
      return new EmbeddedRecognizer({ classifiers: { fi, sv }, detector });
    } catch (error) {
      if (error instanceof RecognizerSnapshotError) throw error;
      throw new RecognizerSnapshotError((error as Error).message, { cause: error });
    }
  }

  /** Everything `classify` needs, copied: transferring the snapshot leaves this recogniser intact. */
  toSnapshot(): RecognizerSnapshot {
    return {
      format: RECOGNIZER_SNAPSHOT_FORMAT,
      classifiers: { fi: this.classifiers.fi.toSnapshot(), sv: this.classifiers.sv.toSnapshot() },
      detector: this.detector.toSnapshot(),
    };
  }

  /** Same as `classify`, behind the asynchronous port. */
  async recognize(text: string, lang: Lang): Promise<Recognition> {
    return this.classify(text, lang);
  }

  /** Recognises synchronously, in the language the message is written in. */
  classify(text: string, lang: Lang): Recognition {
    const detectedLang = this.detector.detect(text, lang);
    const { intent, confidence, alternatives, referral } =
      this.classifiers[detectedLang].classify(text);
    return { intent, confidence, alternatives, detectedLang, ...(referral ? { referral } : {}) };
  }
}

/** Builds the embedded recogniser for `content`; training takes a few hundred milliseconds. */
export function createEmbeddedRecognizer(content: BotContent): EmbeddedRecognizer {
  return new EmbeddedRecognizer(content);
}

/** The snapshot's ArrayBuffers, for `postMessage(snapshot, transferList)`; the sender loses them. */
export function recognizerSnapshotTransferList(snapshot: RecognizerSnapshot): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [];
  for (const lang of LANGS) {
    const c = snapshot.classifiers[lang];
    buffers.push(c.wordCounts.buffer, c.vectorizer.idf.buffer, c.model.weights.buffer);
    buffers.push(c.model.bias.buffer, snapshot.detector[lang].logProb.buffer);
  }
  // A buffer listed twice makes postMessage throw; a shared one cannot be transferred.
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
