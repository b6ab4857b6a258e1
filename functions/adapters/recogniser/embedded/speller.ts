import { inTurns, type Turn } from "./inTurns.ts";

/**
 * Corrects a word to a known training word at edit distance one (insertion, deletion,
 * substitution, most transpositions), using a symmetric-delete index so a lookup costs
 * a handful of map reads instead of a scan of the vocabulary.
 */
export class Speller {
  private readonly known: Set<string>;
  private readonly byDeletion = new Map<string, string>();

  /** `words` with their frequencies; more frequent words win ties. */
  constructor(
    words: Map<string, number>,
    private readonly minLength = 5,
    /** Leaves the index empty, for `Speller.yielding` to build a slice at a time. */
    empty = false,
  ) {
    this.known = new Set(words.keys());
    if (empty) return;
    for (const word of this.ranked(words)) this.index(word);
  }

  /** The same speller, its index built a slice of words per `turn`. */
  static async yielding(words: Map<string, number>, turn: Turn, minLength = 5): Promise<Speller> {
    const speller = new Speller(words, minLength, true);
    // A word adds itself and ~9 deletions: 200 words a turn is about 2,000 entries.
    await inTurns(speller.ranked(words), (word) => speller.index(word), turn, 200);
    return speller;
  }

  private ranked(words: Map<string, number>): string[] {
    return [...words]
      .filter(([w]) => w.length >= this.minLength)
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w);
  }

  private index(word: string): void {
    for (const variant of [word, ...deletions(word)]) {
      if (!this.byDeletion.has(variant)) this.byDeletion.set(variant, word);
    }
  }

  /** The known spelling closest to `word`, or undefined when it is known or nothing is close. */
  correct(word: string): string | undefined {
    if (word.length < this.minLength || this.known.has(word)) return undefined;
    const direct = this.byDeletion.get(word);
    if (direct) return direct;
    for (const variant of deletions(word)) {
      const hit = this.byDeletion.get(variant);
      if (hit) return hit;
    }
    return undefined;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
