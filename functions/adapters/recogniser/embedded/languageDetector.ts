import { LANGS, type Lang } from "../../../contracts/lang.ts";
import { pace } from "../../threads/pacing.ts";
import { looksEnglish } from "./english.ts";
import { tokenize } from "./normalize.ts";
import { StringTable, type StringTableParts } from "./stringTable.ts";

/** How much more likely (in nats) the other language must be before the chat language is overridden. */
const SWITCH_MARGIN = 2.5;

/**
 * One language's model: character n-grams, their log probabilities (same order), and the
 * log probability of an n-gram never seen in that language.
 */
export interface LanguageModelSnapshot {
  grams: StringTableParts;
  logProb: Float64Array;
  unseen: number;
}

/**
 * One language's model as the detector holds it: a table rather than a Map, so that a
 * restored detector arrives built (a few thousand n-grams a language, on the chats' thread).
 */
interface LanguageModel {
  grams: StringTable;
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
  private readonly models: Record<Lang, LanguageModel>;
  private readonly wordCache = new Map<string, number>();

  /** Trains on sample sentences in each language. */
  constructor(samples: Record<Lang, readonly string[]>);
  /** Restores a trained detector; `LanguageDetector.fromSnapshot` says the same more plainly. */
  constructor(snapshot: LanguageDetectorSnapshot);
  constructor(source: Record<Lang, readonly string[]> | LanguageDetectorSnapshot) {
    if (isSnapshot(source)) {
      const restored = (lang: Lang): LanguageModel => {
        const { logProb, unseen } = source[lang];
        const grams = StringTable.fromParts(
          source[lang].grams,
          `language detector snapshot (${lang}) grams`,
        );
        if (!(logProb instanceof Float64Array) || grams.size !== logProb.length) {
          throw new Error(`language detector snapshot: ${lang} grams and logProb differ in length`);
        }
        return { grams, logProb, unseen };
      };
      this.models = { fi: restored("fi"), sv: restored("sv") };
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
    const trained = (lang: Lang): LanguageModel => {
      let total = 0;
      for (const c of counts[lang].values()) total += c;
      const denominator = Math.log(total + 0.5 * vocabulary);
      return {
        grams: StringTable.of([...counts[lang].keys()]),
        logProb: Float64Array.from(counts[lang].values(), (c) => Math.log(c + 0.5) - denominator),
        unseen: Math.log(0.5) - denominator,
      };
    };
    this.models = { fi: trained("fi"), sv: trained("sv") };
  }

  /** The detector `toSnapshot` described; it detects exactly as the one that was snapshotted. */
  static fromSnapshot(snapshot: LanguageDetectorSnapshot): LanguageDetector {
    return new LanguageDetector(snapshot);
  }

  /** The trained model as plain data and typed arrays (copies; safe to transfer). */
  toSnapshot(): LanguageDetectorSnapshot {
    const language = (lang: Lang): LanguageModelSnapshot => ({
      grams: this.models[lang].grams.toParts(),
      logProb: this.models[lang].logProb.slice(),
      unseen: this.models[lang].unseen,
    });
    return { fi: language("fi"), sv: language("sv") };
  }

  /** The language `text` is written in; `chatLang` unless the other language is clearly likelier. */
  detect(text: string, chatLang: Lang): Lang {
    return this.read(text, chatLang).lang;
  }

  /**
   * As `detect`, and whether the message is English (`looksEnglish`). English keeps the
   * chat's language: to a Finnish/Swedish model it looks like the nearer of the two, mostly
   * Swedish, and a customer writing English has chosen neither.
   */
  read(text: string, chatLang: Lang): { lang: Lang; english: boolean } {
    const words = tokenize(text);
    if (looksEnglish(words)) return { lang: chatLang, english: true };
    const other: Lang = chatLang === "fi" ? "sv" : "fi";
    const fiOverSv = this.fiOverSv(words);
    const otherOverChat = other === "fi" ? fiOverSv : -fiOverSv;
    return { lang: otherOverChat > SWITCH_MARGIN ? other : chatLang, english: false };
  }

  /** log P(text | a) - log P(text | b). */
  logOdds(text: string, a: Lang, b: Lang): number {
    if (a === b) return 0;
    const fiOverSv = this.fiOverSv(tokenize(text));
    return a === "fi" ? fiOverSv : -fiOverSv;
  }

  private fiOverSv(words: readonly string[]): number {
    let sum = 0;
    for (const word of words) sum += this.wordLogOdds(word);
    return sum;
  }

  /**
   * log P(word | fi) - log P(word | sv), remembered: the sum over a message is a sum over its
   * words, and chat vocabulary repeats (this was a fifth of the recogniser's time).
   */
  private wordLogOdds(word: string): number {
    const cached = this.wordCache.get(word);
    if (cached !== undefined) return cached;
    let score = 0;
    for (const g of wordGrams(word))
      score += logProbOf(this.models.fi, g) - logProbOf(this.models.sv, g);
    if (this.wordCache.size >= WORD_CACHE_LIMIT) this.wordCache.clear();
    this.wordCache.set(word, score);
    return score;
  }
}

const WORD_CACHE_LIMIT = 50_000;

function logProbOf(model: LanguageModel, gram: string): number {
  const place = model.grams.indexOf(gram);
  return place < 0 ? model.unseen : (model.logProb[place] as number);
}

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
