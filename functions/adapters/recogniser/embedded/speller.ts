import { inTurns, type Turn } from "./inTurns.ts";
import { StringTable } from "./stringTable.ts";

/**
 * Corrects a word to a known training word at edit distance one (insertion, deletion,
 * substitution, most transpositions), using a symmetric-delete index so a lookup costs
 * a handful of map reads instead of a scan of the vocabulary.
 */
export class Speller {
  private readonly known: Set<string>;
  /** Every training word and its deletions; kept as a table, not ~15,000 strings a language. */
  private variants = StringTable.of([]);
  /** For each variant's place, the place in `ranked` of the first word that made it. */
  private ownerOf = new Int32Array(0);
  private ranked: string[] = [];

  /** `words` with their frequencies; more frequent words win ties. */
  constructor(
    words: Map<string, number>,
    private readonly minLength = 5,
    /** Leaves the index empty, for `Speller.yielding` to build a slice at a time. */
    empty = false,
  ) {
    this.known = new Set(words.keys());
    if (empty) return;
    const owners = new Map<string, number>();
    const ranked = this.rank(words);
    for (const [i, word] of ranked.entries()) addVariants(owners, word, i);
    this.freeze(ranked, owners);
  }

  /** The same speller, its index built a slice of words per `turn`. */
  static async yielding(words: Map<string, number>, turn: Turn, minLength = 5): Promise<Speller> {
    const speller = new Speller(words, minLength, true);
    const owners = new Map<string, number>();
    const ranked = speller.rank(words);
    // A word adds itself and ~9 deletions: 200 words a turn is about 2,000 entries.
    await inTurns(ranked, (word, i) => addVariants(owners, word, i), turn, 200);
    await turn();
    speller.freeze(ranked, owners);
    return speller;
  }

  private rank(words: Map<string, number>): string[] {
    return [...words]
      .filter(([w]) => w.length >= this.minLength)
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w);
  }

  private freeze(ranked: string[], owners: Map<string, number>): void {
    this.ranked = ranked;
    this.variants = StringTable.of([...owners.keys()]);
    this.ownerOf = Int32Array.from(owners.values());
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
    return place < 0 ? undefined : this.ranked[this.ownerOf[place] as number];
  }
}

/** Adds `word` and its deletions, each kept by the first (most frequent) word that makes it. */
function addVariants(owners: Map<string, number>, word: string, place: number): void {
  for (const variant of [word, ...deletions(word)]) {
    if (!owners.has(variant)) owners.set(variant, place);
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
