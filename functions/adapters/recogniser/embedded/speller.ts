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
  ) {
    this.known = new Set(words.keys());
    const ranked = [...words].filter(([w]) => w.length >= minLength).sort((a, b) => b[1] - a[1]);
    for (const [word] of ranked) {
      for (const variant of [word, ...deletions(word)]) {
        if (!this.byDeletion.has(variant)) this.byDeletion.set(variant, word);
      }
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
