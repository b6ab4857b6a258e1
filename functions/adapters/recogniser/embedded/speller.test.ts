import { describe, expect, it } from "vitest";
import { Speller } from "./speller.ts";

const WORDS = new Map([
  ["verokortti", 40],
  ["veroilmoitus", 30],
  ["palautus", 20],
  ["palautin", 5],
  ["alv", 50],
]);

describe("Speller", () => {
  it("corrects one deletion, insertion, substitution or transposition to a known word", () => {
    const speller = Speller.of(WORDS);

    expect(
      ["verokorti", "verokorttii", "verokortta", "veorkortti", "veroilmoitsu"].map((w) =>
        speller.correct(w),
      ),
    ).toEqual(["verokortti", "verokortti", "verokortti", "verokortti", "veroilmoitus"]);
  });

  it("leaves known, short and far-off words alone", () => {
    const speller = Speller.of(WORDS);

    expect(["verokortti", "alw", "kissantassu"].map((w) => speller.correct(w))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives a tie to the more frequent word", () => {
    // "kirtti" is one substitution from both: their shared deletion "krtti" decides.
    const often = Speller.of(
      new Map([
        ["kortti", 40],
        ["kartti", 5],
      ]),
    );
    const seldom = Speller.of(
      new Map([
        ["kortti", 5],
        ["kartti", 40],
      ]),
    );

    expect([often.correct("kirtti"), seldom.correct("kirtti")]).toEqual(["kortti", "kartti"]);
  });

  it("travels as parts and comes back correcting exactly as before", () => {
    const words = new Map(Array.from({ length: 1_000 }, (_, i) => [`sana${i}x`, i] as const));
    const asked = [...words.keys()].flatMap((w) => [w.slice(1), `${w}y`, w.replace("a", "e")]);
    const whole = Speller.of(words);

    const restored = Speller.fromParts(words, structuredClone(whole.toParts()));

    expect(asked.map((w) => restored.correct(w))).toEqual(asked.map((w) => whole.correct(w)));
    expect(asked.filter((w) => restored.correct(w) !== undefined).length).toBeGreaterThan(2_000);
  });

  it("refuses parts that do not fit together", () => {
    const good = Speller.of(WORDS).toParts();
    const broken = [
      { ...good, ownerOf: good.ownerOf.slice(1) },
      { ...good, ownerOf: good.ownerOf.map(() => 99) },
      { ...good, minLength: 0 },
    ];

    for (const parts of broken) {
      expect(() => Speller.fromParts(WORDS, parts)).toThrow("speller parts do not fit together");
    }
  });
});
