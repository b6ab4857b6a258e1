import { describe, expect, it } from "vitest";
import { epochOrder, exampleKey } from "./softmaxRegression.ts";

const keysOf = (texts: string[]) => texts.map((t) => exampleKey(t, "tax-card"));
const texts = Array.from({ length: 200 }, (_, i) => `lause ${i}`);

describe("epochOrder", () => {
  it("keeps the other examples in the same order when one is added or removed", () => {
    const all = epochOrder(keysOf(texts), 7, 3).map((i) => texts[i]);
    const fewer = texts.filter((t) => t !== "lause 42");
    const withoutOne = epochOrder(keysOf(fewer), 7, 3).map((i) => fewer[i]);

    expect(withoutOne).toEqual(all.filter((t) => t !== "lause 42"));
  });

  it("visits the examples in another order in each epoch and for each seed", () => {
    const keys = keysOf(texts);
    const first = epochOrder(keys, 7, 0);

    expect(epochOrder(keys, 7, 1)).not.toEqual(first);
    expect(epochOrder(keys, 1, 0)).not.toEqual(first);
    expect([...first].sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
  });

  it("keeps a sentence listed twice in its listed order", () => {
    const keys = keysOf(["a", "b", "a", "c"]);
    const order = epochOrder(keys, 7, 0);

    expect(order.indexOf(0)).toBeLessThan(order.indexOf(2));
  });
});

describe("exampleKey", () => {
  it("tells the same sentence in two classes apart", () => {
    expect(exampleKey("verokortti", "tax-card")).not.toBe(exampleKey("verokortti", "none"));
  });
});
