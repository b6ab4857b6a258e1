/**
 * Training a recogniser's parts again only when what they learn from changed. A content
 * version mostly changes one language's sentences (or none: answers, links), yet each part
 * learns from its own inputs: each language's classifier from that language's examples,
 * the language detector from both languages' sentences. Training is deterministic (a fixed
 * seed), so a part kept from a recent training on the same inputs answers exactly as one
 * trained again; reusing it saves most of a second of CPU per language.
 */
import { createHash } from "node:crypto";
import type { BotContent } from "../../../contracts/content.ts";
import { LANGS, type Lang } from "../../../contracts/lang.ts";
import { RecentlyUsed } from "../../../domain/recentlyUsed.ts";
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
  trainingExamples,
} from "./intentClassifier.ts";
import { LanguageDetector } from "./languageDetector.ts";

/** The trained parts of a recogniser. */
export interface RecogniserParts {
  classifiers: Record<Lang, IntentClassifier>;
  detector: LanguageDetector;
}

/** A recogniser's part: a language's classifier, or the language detector. */
export type RecogniserPart = Lang | "detector";

/** Parts trained recently, kept to be reused by the next trainings (`trainParts`). */
export class RecentParts {
  readonly classifiers: Record<Lang, RecentlyUsed<string, IntentClassifier>>;
  readonly detectors: RecentlyUsed<string, LanguageDetector>;

  /** `keep` of each part: the draft's and the live version's, by default. */
  constructor(keep = 2) {
    this.classifiers = { fi: new RecentlyUsed(keep), sv: new RecentlyUsed(keep) };
    this.detectors = new RecentlyUsed(keep);
  }

  /** Keeps `parts` under `keys`, as though they had been trained here. */
  keep(parts: RecogniserParts, keys: PartKeys): void {
    for (const lang of LANGS) this.classifiers[lang].set(keys[lang], parts.classifiers[lang]);
    this.detectors.set(keys.detector, parts.detector);
  }
}

/** Each part's key: a digest of what it learned from (its inputs, and for a classifier its options). */
export type PartKeys = Record<RecogniserPart, string>;

/**
 * Trains the parts of a recogniser for `content`, taking from `recent` every part whose
 * inputs are those of one kept there, and keeping the new ones. Without `recent`, every part
 * is trained. `reused` names the parts taken; `keys` says what each part learned from, for
 * another thread to find a copy it already holds (`restoreYielding`).
 */
export function trainParts(
  content: BotContent,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  recent?: RecentParts,
  /** false: reuse what `recent` holds but keep nothing new there (a training order tried once). */
  keepNew = true,
): { parts: RecogniserParts; reused: RecogniserPart[]; keys: PartKeys } {
  const reused: RecogniserPart[] = [];
  const keys = {} as PartKeys;
  const part = <T>(
    kept: RecentlyUsed<string, T> | undefined,
    name: RecogniserPart,
    inputs: unknown,
    train: () => T,
  ): T => {
    const key = createHash("sha256").update(JSON.stringify(inputs)).digest("base64url");
    keys[name] = key;
    const found = kept?.get(key);
    if (found) {
      reused.push(name);
      return found;
    }
    const trained = train();
    if (keepNew) kept?.set(key, trained);
    return trained;
  };
  const examples = { fi: trainingExamples(content, "fi"), sv: trainingExamples(content, "sv") };
  const classifiers = {} as Record<Lang, IntentClassifier>;
  for (const lang of LANGS) {
    classifiers[lang] = part(
      recent?.classifiers[lang],
      lang,
      [options, examples[lang]],
      () => new IntentClassifier(lang, examples[lang], options),
    );
  }
  const samples = { fi: examples.fi.map((e) => e.text), sv: examples.sv.map((e) => e.text) };
  const detector = part(
    recent?.detectors,
    "detector",
    samples,
    () => new LanguageDetector(samples),
  );
  return { parts: { classifiers, detector }, reused, keys };
}
