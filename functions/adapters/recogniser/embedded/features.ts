import { newStemmer, type Stemmer } from "snowball-stemmers";
import type { Lang } from "../../../contracts/lang.ts";
import { fold, tokenize, writtenForm } from "./normalize.ts";

const STEMMERS: Record<Lang, Stemmer> = {
  fi: newStemmer("finnish"),
  sv: newStemmer("swedish"),
};

/** Tunable weights of each feature family; chosen by cross-validation on training utterances. */
export interface FeatureOptions {
  minGram: number;
  maxGram: number;
  wordWeight: number;
  stemWeight: number;
  gramWeight: number;
  bigramWeight: number;
  /** Weight of the known parts of an unseen compound ("penninggåva" → "gåva"); 0 turns splitting off. */
  compoundWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  minGram: 3,
  maxGram: 5,
  wordWeight: 1,
  stemWeight: 1,
  gramWeight: 1,
  bigramWeight: 0.5,
  compoundWeight: 0.4,
};

/** Folded written-form words of a message, the unit every feature is built from. */
export function words(text: string, lang: Lang): string[] {
  return tokenize(text).map((t) => fold(writtenForm(t, lang)));
}

// Stemming dominates feature extraction and chat vocabulary repeats, so stems are memoised.
const STEM_CACHE: Record<Lang, Map<string, string[]>> = { fi: new Map(), sv: new Map() };
const STEM_CACHE_LIMIT = 50_000;

/** Stems of a word; stemmed before and after folding because the stemmer relies on ä/ö. */
export function stems(rawWord: string, lang: Lang): string[] {
  const cache = STEM_CACHE[lang];
  const cached = cache.get(rawWord);
  if (cached) return cached;
  const stemmer = STEMMERS[lang];
  const a = fold(stemmer.stem(rawWord));
  const b = stemmer.stem(fold(rawWord));
  const result = a === b ? [a] : [a, b];
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(rawWord, result);
  return result;
}

/** Named features with raw weights; cached per word until the extractor `forgetWords`. */
export type WeightedFeatures = readonly (readonly [string, number])[];

/** One token of a message by its written form, and the bigram it closes, if any. */
export interface TokenForm {
  written: string;
  bigram?: string;
}

const WORD_CACHE_LIMIT = 50_000;

/**
 * Named features with raw weights for a message. Families: whole words, stems, character
 * n-grams inside word boundaries (compounds and inflections share them) and word bigrams.
 * A word's features are computed once and cached: chat vocabulary repeats heavily.
 */
export class FeatureExtractor {
  private readonly cache = new Map<string, WeightedFeatures>();
  private caching = true;

  constructor(
    readonly lang: Lang,
    private readonly options: FeatureOptions,
    private readonly correct: (word: string) => string | undefined = () => undefined,
    private readonly split: (word: string) => readonly string[] = () => [],
  ) {}

  /** Features of `text` by name, with summed weights. */
  extract(text: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const { written, bigram } of this.forms(text)) {
      for (const [name, weight] of this.wordFeatures(written)) {
        out.set(name, (out.get(name) ?? 0) + weight);
      }
      if (bigram) out.set(bigram, (out.get(bigram) ?? 0) + this.options.bigramWeight);
    }
    return out;
  }

  /**
   * Each token's written form and the bigram it closes, if any, in the order `extract` adds
   * them: a caller that keeps its own per-word cache asks `wordFeatures` only on a miss.
   */
  forms(text: string): TokenForm[] {
    const out: TokenForm[] = [];
    let previous = "";
    for (const token of tokenize(text)) {
      const written = writtenForm(token, this.lang);
      const folded = fold(written);
      const bigram =
        previous && this.options.bigramWeight > 0 ? `b:${previous}_${folded}` : undefined;
      out.push(bigram ? { written, bigram } : { written });
      previous = folded;
    }
    return out;
  }

  /**
   * Empties the word cache and keeps no more words in it. A trained classifier calls this:
   * the cache then holds every training word's features as tuples of strings (~50,000
   * small objects a language), which it no longer needs and every full GC would mark.
   */
  forgetWords(): void {
    this.cache.clear();
    this.caching = false;
  }

  /** Weight of a word bigram feature. */
  get bigramWeight(): number {
    return this.options.bigramWeight;
  }

  /** Named features with raw weights of one written-form word (`forms`). */
  wordFeatures(written: string): WeightedFeatures {
    const cached = this.cache.get(written);
    if (cached) return cached;
    const features: [string, number][] = [];
    const add = (name: string, weight: number) => {
      if (weight > 0) features.push([name, weight]);
    };
    const folded = fold(written);
    addWord(folded, written, this.lang, this.options, add);
    // A misspelt word also contributes the features of its closest known spelling.
    const fixed = this.correct(folded);
    if (fixed && fixed !== folded) addWord(fixed, fixed, this.lang, this.options, add, 0.7);
    // A new compound also contributes the features of its known parts.
    if (this.options.compoundWeight > 0) {
      for (const part of this.split(folded)) {
        addWord(part, part, this.lang, this.options, add, this.options.compoundWeight);
      }
    }
    if (!this.caching) return features;
    if (this.cache.size >= WORD_CACHE_LIMIT) this.cache.clear();
    this.cache.set(written, features);
    return features;
  }
}
function addWord(
  folded: string,
  raw: string,
  lang: Lang,
  options: FeatureOptions,
  add: (name: string, weight: number) => void,
  scale = 1,
): void {
  add(`w:${folded}`, options.wordWeight * scale);
  for (const s of stems(raw, lang)) add(`s:${s}`, options.stemWeight * scale);
  const padded = `<${folded}>`;
  for (let n = options.minGram; n <= options.maxGram; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      add(`c:${padded.slice(i, i + n)}`, options.gramWeight * scale);
    }
  }
}
