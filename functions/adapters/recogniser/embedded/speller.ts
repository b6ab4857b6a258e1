import { StringTable, type StringTableParts } from "./stringTable.ts";

/**
 * A speller's index as plain data, for a worker to send: the receiving thread wraps it
 * (`Speller.fromParts`) instead of working out every word's deletions again.
 */
export interface SpellerParts {
  minLength: number;
  variants: StringTableParts;
  ownerOf: Int32Array;
  ranked: StringTableParts;
}

/** The words a speller leaves alone: the training vocabulary (a Map of counts will do). */
export interface KnownWords {
  has(word: string): boolean;
}

/**
 * Corrects a word to a known training word at edit distance one (insertion, deletion,
 * substitution, most transpositions), using a symmetric-delete index so a lookup costs
 * a handful of table reads instead of a scan of the vocabulary.
 */
export class Speller {
  private constructor(
    private readonly known: KnownWords,
    private readonly minLength: number,
    /** Every training word and its deletions; kept as a table, not ~15,000 strings a language. */
    private readonly variants: StringTable,
    /** For each variant's place, the place in `ranked` of the first word that made it. */
    private readonly ownerOf: Int32Array,
    /** The words long enough to correct to, most frequent first. */
    private readonly ranked: StringTable,
  ) {}

  /** The speller of `words` with their frequencies; more frequent words win ties. */
  static of(words: ReadonlyMap<string, number>, minLength = 5): Speller {
    const ranked = [...words]
      .filter(([w]) => w.length >= minLength)
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w);
    const owners = new Map<string, number>();
    for (const [i, word] of ranked.entries()) {
      for (const variant of [word, ...deletions(word)]) {
        if (!owners.has(variant)) owners.set(variant, i);
      }
    }
    return new Speller(
      words,
      minLength,
      StringTable.of([...owners.keys()]),
      Int32Array.from(owners.values()),
      StringTable.of(ranked),
    );
  }

  /**
   * The speller `toParts` gave, correcting exactly as it did, for the vocabulary `known`.
   * Throws when the parts do not fit together.
   */
  static fromParts(known: KnownWords, parts: SpellerParts): Speller {
    const variants = StringTable.fromParts(parts.variants, "speller variants");
    const ranked = StringTable.fromParts(parts.ranked, "speller words");
    const { ownerOf, minLength } = parts;
    const fits =
      Number.isInteger(minLength) &&
      minLength > 0 &&
      ownerOf instanceof Int32Array &&
      ownerOf.length === variants.size &&
      ownerOf.every((place) => place >= 0 && place < ranked.size);
    if (!fits) throw new Error("speller parts do not fit together");
    return new Speller(known, minLength, variants, ownerOf, ranked);
  }

  /** The index as plain data, copied, so that the copy can be transferred. */
  toParts(): SpellerParts {
    return {
      minLength: this.minLength,
      variants: this.variants.toParts(),
      ownerOf: this.ownerOf.slice(),
      ranked: this.ranked.toParts(),
    };
  }

  /** The known spelling closest to `word`, or undefined when it is known or nothing is close. */
  correct(word: string): string | undefined {
    if (word.length < this.minLength || this.known.has(word)) return undefined;
    const direct = this.owner(word);
    if (direct) return direct;
    for (const variant of deletions(word)) {
      const hit = this.owner(variant);
      if (hit) return hit;
    }
    return undefined;
  }

  private owner(variant: string): string | undefined {
    const place = this.variants.indexOf(variant);
    return place < 0 ? undefined : this.ranked.at(this.ownerOf[place] as number);
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
