import { StringTable, type StringTableParts } from "./stringTable.ts";

/** A sparse, L2-normalised feature vector. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * A fitted vectorizer as plain data: its table of feature names (index order) and their IDF.
 * The table travels as built, so the chats' thread restores 22,000 names a language without
 * parsing or hashing one, and without an object per name for the collector.
 */
export interface VectorizerSnapshot {
  features: StringTableParts;
  idf: Float64Array;
}

/** Maps named features to TF-IDF vectors over a vocabulary fixed at training time. */
export class Vectorizer {
  /** Feature names by vocabulary index; fixed once fitted or restored. */
  private index = StringTable.of([]);
  private idf: Float64Array = new Float64Array(0);

  /**
   * The vectorizer `toSnapshot` described; it keeps the snapshot's arrays as its own. Takes
   * well under a millisecond, so a restore between chats needs no turns for it.
   */
  static fromSnapshot(snapshot: VectorizerSnapshot): Vectorizer {
    const index = StringTable.fromParts(snapshot.features, "vectorizer snapshot features");
    if (index.size !== snapshot.idf.length) {
      throw new Error("vectorizer snapshot: features and idf differ in length");
    }
    const vectorizer = new Vectorizer();
    vectorizer.index = index;
    vectorizer.idf = snapshot.idf;
    return vectorizer;
  }

  /** The fitted vocabulary and IDF, copied so the snapshot can be transferred. */
  toSnapshot(): VectorizerSnapshot {
    return { features: this.index.toParts(), idf: this.idf.slice() };
  }

  /** Builds the vocabulary and IDF from training documents (features seen at least once). */
  fit(docs: readonly Map<string, number>[]): this {
    // A Map while the vocabulary grows; indices are handed out in first-seen order.
    const places = new Map<string, number>();
    const df: number[] = [];
    for (const doc of docs) {
      for (const name of doc.keys()) {
        let i = places.get(name);
        if (i === undefined) {
          i = places.size;
          places.set(name, i);
          df.push(0);
        }
        df[i] = (df[i] ?? 0) + 1;
      }
    }
    this.index = StringTable.of([...places.keys()]);
    const n = docs.length;
    this.idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
    return this;
  }

  get size(): number {
    return this.index.size;
  }

  /** Vocabulary index of a feature, or -1 outside the vocabulary. */
  indexOf(name: string): number {
    return this.index.indexOf(name);
  }

  /** The document as a unit-length vector; features outside the vocabulary are dropped. */
  transform(doc: Map<string, number>): SparseVector {
    const byIndex = new Map<number, number>();
    for (const [name, weight] of doc) {
      const i = this.index.indexOf(name);
      if (i >= 0) byIndex.set(i, weight);
    }
    return this.fromIndexed(byIndex);
  }

  /** As `transform`, for raw weights already summed by vocabulary index. */
  fromIndexed(weights: Map<number, number>): SparseVector {
    const indices = new Int32Array(weights.size);
    const values = new Float64Array(weights.size);
    let norm = 0;
    let k = 0;
    for (const [i, weight] of weights) {
      const v = Math.log1p(weight) * (this.idf[i] ?? 1);
      indices[k] = i;
      values[k] = v;
      norm += v * v;
      k++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < k; j++) values[j] = (values[j] as number) * scale;
    return { indices, values };
  }
}
