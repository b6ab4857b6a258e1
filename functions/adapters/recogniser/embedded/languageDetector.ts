import { LANGS, type Lang } from "../../../contracts/lang.ts";
import { pace } from "../../threads/pacing.ts";
import { tokenize } from "./normalize.ts";
import { type PackedStrings, packStrings, unpackStrings } from "./packedStrings.ts";

/** How much more likely (in nats) the other language must be before the chat language is overridden. */
const SWITCH_MARGIN = 2.5;

/**
 * One language's model: character n-grams, their log probabilities (same order), and the
 * log probability of an n-gram never seen in that language.
 */
export interface LanguageModelSnapshot {
  grams: PackedStrings;
  logProb: Float64Array;
  unseen: number;
}

/** A trained detector as plain data. */
export type LanguageDetectorSnapshot = Record<Lang, LanguageModelSnapshot>;

/**
 * Tells Finnish from Swedish with a character n-gram naive Bayes model trained on the
 * bot's own utterances: the two languages share almost no trigrams, so a few words suffice.
 */
export class LanguageDetector {
  private readonly logProb: Record<Lang, Map<string, number>>;
  private readonly unseen: Record<Lang, number>;
  private readonly wordCache = new Map<string, number>();

  /** Trains on sample sentences in each language. */
  constructor(samples: Record<Lang, readonly string[]>);
  /** Restores a trained detector; `LanguageDetector.fromSnapshot` says the same more plainly. */
  constructor(snapshot: LanguageDetectorSnapshot);
  constructor(source: Record<Lang, readonly string[]> | LanguageDetectorSnapshot) {
    this.logProb = { fi: new Map(), sv: new Map() };
    this.unseen = { fi: 0, sv: 0 };
    if (isSnapshot(source)) {
      for (const lang of LANGS) {
        const { logProb, unseen } = source[lang];
        const grams = unpackStrings(
          source[lang].grams,
          `language detector snapshot (${lang}) grams`,
        );
        if (grams.length !== logProb.length) {
          throw new Error(`language detector snapshot: ${lang} grams and logProb differ in length`);
        }
        for (const [i, g] of grams.entries()) this.logProb[lang].set(g, logProb[i] as number);
        this.unseen[lang] = unseen;
      }
      return;
    }
    const counts = { fi: new Map<string, number>(), sv: new Map<string, number>() };
    for (const lang of LANGS) {
      for (const text of source[lang]) {
        pace();
        for (const g of grams(text)) counts[lang].set(g, (counts[lang].get(g) ?? 0) + 1);
      }
    }
    const vocabulary = new Set([...counts.fi.keys(), ...counts.sv.keys()]).size;
    for (const lang of LANGS) {
      let total = 0;
      for (const c of counts[lang].values()) total += c;
      const denominator = Math.log(total + 0.5 * vocabulary);
      for (const [g, c] of counts[lang]) this.logProb[lang].set(g, Math.log(c + 0.5) - denominator);
      this.unseen[lang] = Math.log(0.5) - denominator;
    }
  }

  /** The detector `toSnapshot` described; it detects exactly as the one that was snapshotted. */
  static fromSnapshot(snapshot: LanguageDetectorSnapshot): LanguageDetector {
    return new LanguageDetector(snapshot);
  }

  /** The trained model as plain data and typed arrays (copies; safe to transfer). */
  toSnapshot(): LanguageDetectorSnapshot {
    const language = (lang: Lang): LanguageModelSnapshot => ({
      grams: packStrings(this.logProb[lang].keys()),
      logProb: Float64Array.from(this.logProb[lang].values()),
      unseen: this.unseen[lang],
    });
    return { fi: language("fi"), sv: language("sv") };
  }

  /** The language `text` is written in; `chatLang` unless the other language is clearly likelier. */
  detect(text: string, chatLang: Lang): Lang {
    const other: Lang = chatLang === "fi" ? "sv" : "fi";
    return this.logOdds(text, other, chatLang) > SWITCH_MARGIN ? other : chatLang;
  }

  /** log P(text | a) - log P(text | b). */
  logOdds(text: string, a: Lang, b: Lang): number {
    if (a === b) return 0;
    let fiOverSv = 0;
    for (const word of tokenize(text)) fiOverSv += this.wordLogOdds(word);
    return a === "fi" ? fiOverSv : -fiOverSv;
  }

  /**
   * log P(word | fi) - log P(word | sv), remembered: the sum over a message is a sum over its
   * words, and chat vocabulary repeats (this was a fifth of the recogniser's time).
   */
  private wordLogOdds(word: string): number {
    const cached = this.wordCache.get(word);
    if (cached !== undefined) return cached;
    let score = 0;
    for (const g of wordGrams(word)) {
      score +=
        (this.logProb.fi.get(g) ?? this.unseen.fi) - (this.logProb.sv.get(g) ?? this.unseen.sv);
    }
    if (this.wordCache.size >= WORD_CACHE_LIMIT) this.wordCache.clear();
    this.wordCache.set(word, score);
    return score;
  }
}

const WORD_CACHE_LIMIT = 50_000;

function isSnapshot(
  source: Record<Lang, readonly string[]> | LanguageDetectorSnapshot,
): source is LanguageDetectorSnapshot {
  return !Array.isArray(source.fi);
}

function grams(text: string): string[] {
  return tokenize(text).flatMap(wordGrams);
}

/** Character 1- to 3-grams of a word padded with spaces; none for a number. */
function wordGrams(word: string): string[] {
  if (/^\d+$/.test(word)) return [];
  const out: string[] = [];
  const padded = ` ${word} `;
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
}
