import { describe, expect, it } from "vitest";
import { StringTable } from "./stringTable.ts";

describe("StringTable", () => {
  it("finds every string's place and nothing else, like a Map of the list", () => {
    // Feature names of every shape the vocabulary has, many sharing prefixes and hashes' slots.
    const list = Array.from({ length: 5_000 }, (_, i) =>
      i % 3 === 0 ? `c:${i.toString(36)}` : i % 3 === 1 ? `w:sana${i}ä` : `b:${i}_${i % 7}`,
    );
    const map = new Map(list.map((name, i) => [name, i]));

    const table = StringTable.of(list);

    expect(table.size).toBe(5_000);
    expect(list.map((name) => table.indexOf(name))).toEqual(list.map((name) => map.get(name)));
    for (const absent of ["", "c:", "w:sana1", "w:sana1äx", "b:2_", "c:zzzzz"]) {
      expect(table.indexOf(absent)).toBe(-1);
    }
    expect([...table.keys()]).toEqual(list);
  });

  it("gives a string listed twice its last place, as Map.set does", () => {
    const table = StringTable.of(["a", "b", "a"]);

    expect(table.indexOf("a")).toBe(2);
    expect(table.indexOf("b")).toBe(1);
  });

  it("holds no string at all when built from none", () => {
    const table = StringTable.of([]);

    expect(table.size).toBe(0);
    expect(table.indexOf("c:abc")).toBe(-1);
  });

  it("travels as parts and comes back finding the same places, without hashing again", () => {
    const list = Array.from({ length: 3_000 }, (_, i) => `w:sana${i}ä`);
    const parts = structuredClone(StringTable.of(list).toParts());

    const table = StringTable.fromParts(parts);

    expect(list.map((name) => table.indexOf(name))).toEqual(list.map((_, i) => i));
    expect(table.indexOf("w:sana")).toBe(-1);
    expect([...table.keys()]).toEqual(list);
  });

  it("refuses parts that do not fit together", () => {
    const good = StringTable.of(["a", "bb", "ccc"]).toParts();
    const broken = [
      { ...good, joined: "abbcc" },
      { ...good, starts: Int32Array.from([0, 3, 1, 6]) },
      { ...good, slots: new Int32Array(6) },
      { ...good, slots: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 9]) },
    ];

    for (const parts of broken) {
      expect(() => StringTable.fromParts(parts)).toThrow("string table parts do not fit together");
    }
  });
});
