/**
 * A table as plain data, for a worker to send: one string and two typed arrays, so the
 * receiving thread restores it without parsing or hashing a name (`StringTable.fromParts`).
 */
export interface StringTableParts {
  joined: string;
  starts: Int32Array;
  slots: Int32Array;
}

/**
 * A fixed list of strings and each one's place in it, as three flat parts: the strings
 * joined into one, where each starts, and an open-addressing hash table of places. For a
 * trained vocabulary (20,000+ feature names a language) it replaces a Map: a Map holds a
 * string and an entry per name, which every full garbage collection marks and every new
 * content version allocates again on the chats' thread; this holds five objects whatever
 * its size, and is built in one pass without allocating per name.
 */
export class StringTable {
  private constructor(
    private readonly joined: string,
    /** Where string i starts in `joined`; one more entry, the end. */
    private readonly starts: Int32Array,
    /** Place + 1 of the string hashed to each slot (linear probing); 0 is empty. */
    private readonly slots: Int32Array,
  ) {}

  /** The table of `list`; a string listed twice keeps its last place, as `Map.set` would. */
  static of(list: readonly string[]): StringTable {
    const starts = new Int32Array(list.length + 1);
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      starts[i] = at;
      at += (list[i] as string).length;
    }
    starts[list.length] = at;
    // At most half full, so that a probe ends within a few slots.
    let capacity = 2;
    while (capacity < list.length * 2) capacity *= 2;
    const table = new StringTable(list.join(""), starts, new Int32Array(capacity));
    for (let i = 0; i < list.length; i++) table.add(i);
    return table;
  }

  /**
   * The table `toParts` gave, as it was: nothing is hashed again. Throws when the parts do
   * not fit together (a message from another build of the code, or a damaged one), naming
   * `what` the table is.
   */
  static fromParts(parts: StringTableParts, what?: string): StringTable {
    const { joined, starts, slots } = parts;
    const size = starts.length - 1;
    const fits =
      typeof joined === "string" &&
      starts instanceof Int32Array &&
      slots instanceof Int32Array &&
      size >= 0 &&
      starts[0] === 0 &&
      starts[size] === joined.length &&
      slots.length >= 2 &&
      (slots.length & (slots.length - 1)) === 0 &&
      slots.length >= size * 2 &&
      starts.every((at, i) => i === 0 || at >= (starts[i - 1] as number)) &&
      slots.every((place) => place >= 0 && place <= size);
    if (!fits) {
      throw new Error(`${what ? `${what}: ` : ""}string table parts do not fit together`);
    }
    return new StringTable(joined, starts, slots);
  }

  /** The table as plain data, copied, so that the copy can be transferred. */
  toParts(): StringTableParts {
    return { joined: this.joined, starts: this.starts.slice(), slots: this.slots.slice() };
  }

  /** How many places the table holds, duplicates included. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** The place of `name`, or -1 when it is not in the table. */
  indexOf(name: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(name, 0, name.length) & mask; ; slot = (slot + 1) & mask) {
      const place = this.slots[slot] as number;
      if (place === 0) return -1;
      if (this.matches(place - 1, name)) return place - 1;
    }
  }

  /** Whether `name` is in the table: the table as a set. */
  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  /** The string at `place` (0 to size - 1); undefined outside the table. */
  at(place: number): string | undefined {
    if (!(place >= 0 && place < this.size)) return undefined;
    return this.joined.slice(this.starts[place], this.starts[place + 1]);
  }

  /** The strings in place order. */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) {
      yield this.joined.slice(this.starts[i], this.starts[i + 1]);
    }
  }

  private add(i: number): void {
    const start = this.starts[i] as number;
    const end = this.starts[i + 1] as number;
    const mask = this.slots.length - 1;
    let slot = hash(this.joined, start, end) & mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const other = (this.slots[slot] as number) - 1;
      if (this.matches(other, this.joined.slice(start, end))) break;
    }
    this.slots[slot] = i + 1;
  }

  private matches(i: number, name: string): boolean {
    const start = this.starts[i] as number;
    return (
      (this.starts[i + 1] as number) - start === name.length && this.joined.startsWith(name, start)
    );
  }
}

/** FNV-1a over UTF-16 code units of `text` from `start` to `end`. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
