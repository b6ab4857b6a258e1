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
    const speller = new Speller(WORDS);

    expect(
      ["verokorti", "verokorttii", "verokortta", "veorkortti", "veroilmoitsu"].map((w) =>
        speller.correct(w),
      ),
    ).toEqual(["verokortti", "verokortti", "verokortti", "verokortti", "veroilmoitus"]);
  });

  it("leaves known, short and far-off words alone", () => {
    const speller = new Speller(WORDS);

    expect(["verokortti", "alw", "kissantassu"].map((w) => speller.correct(w))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives a tie to the more frequent word", () => {
    // "kirtti" is one substitution from both: their shared deletion "krtti" decides.
    const often = new Speller(
      new Map([
        ["kortti", 40],
        ["kartti", 5],
      ]),
    );
    const seldom = new Speller(
      new Map([
        ["kortti", 5],
        ["kartti", 40],
      ]),
    );

    expect([often.correct("kirtti"), seldom.correct("kirtti")]).toEqual(["kortti", "kartti"]);
  });

  it("built a slice at a time, corrects exactly as built at once", async () => {
    let turns = 0;
    const words = new Map(Array.from({ length: 1_000 }, (_, i) => [`sana${i}x`, i] as const));
    const asked = [...words.keys()].flatMap((w) => [w.slice(1), `${w}y`, w.replace("a", "e")]);

    const sliced = await Speller.yielding(words, async () => {
      turns++;
    });
    const whole = new Speller(words);

    expect(turns).toBeGreaterThanOrEqual(5);
    expect(asked.map((w) => sliced.correct(w))).toEqual(asked.map((w) => whole.correct(w)));
  });
});
