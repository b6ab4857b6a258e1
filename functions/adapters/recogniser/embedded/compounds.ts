import type { Lang } from "../../../contracts/lang.ts";

/** Shortest part a compound is split into: shorter heads match too much by chance. */
const MIN_PART = 3;

// Linking sounds between compound parts: "fastighet|s|skatt", "vero|n|palautus" is already a
// known genitive, but "perintö|veron" has none; the linker is dropped before the lookup.
const LINKERS: Record<Lang, readonly string[]> = { fi: ["n"], sv: ["s", "e", "a"] };

/**
 * Splits a word the bot has not seen into parts it has seen: Finnish and Swedish write
 * compounds as one word, and customers coin new ones ("penninggåva", "mökkiremontti",
 * "hejhej"). Character n-grams catch some of this; whole known parts are stronger evidence.
 */
export class CompoundSplitter {
  private readonly cache = new Map<string, readonly string[]>();

  /** `isKnown` says whether a folded word (or an inflected form of it) occurs in training. */
  constructor(
    private readonly lang: Lang,
    private readonly isKnown: (part: string) => boolean,
  ) {}

  /** Known parts of an unknown folded word, head first; empty when no split explains it. */
  split(word: string): readonly string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const parts = this.isKnown(word) ? [] : this.splitUnknown(word, 2);
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(word, parts);
    return parts;
  }

  private splitUnknown(word: string, depth: number): string[] {
    if (word.length < 2 * MIN_PART) return [];
    // Longest head first: "kotitalous|vahennysta" rather than "koti|talousvahennysta".
    for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
      const head = this.knownHead(word.slice(0, i));
      if (!head) continue;
      const tail = word.slice(i);
      if (this.isKnown(tail)) return [head, tail];
      if (depth > 1) {
        const rest = this.splitUnknown(tail, depth - 1);
        if (rest.length > 0) return [head, ...rest];
      }
    }
    return [];
  }

  private knownHead(head: string): string | undefined {
    if (this.isKnown(head)) return head;
    for (const linker of LINKERS[this.lang]) {
      const bare = head.slice(0, -linker.length);
      if (head.endsWith(linker) && bare.length >= MIN_PART && this.isKnown(bare)) return bare;
    }
    return undefined;
  }
}
