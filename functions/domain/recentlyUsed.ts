/**
 * The values of the last `keep` keys used, for caches of costly results (trained
 * recognisers): reading or writing a key makes it the most recent, and the least recently
 * used one goes first when there are too many.
 */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly keep: number) {
    if (!Number.isInteger(keep) || keep < 1) {
      throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map keeps insertion order: re-inserted, the key is the newest.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.keep) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
