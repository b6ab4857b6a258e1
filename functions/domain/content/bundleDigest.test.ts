import { describe, expect, it } from "vitest";
import { bundleDigest } from "./bundleDigest.ts";
import { sampleBundle } from "./contentStoreContract.ts";

describe("a content bundle's digest", () => {
  it("is the same for the same content and changes with any edit, an answer's included", () => {
    const bundle = sampleBundle();
    expect(bundleDigest(sampleBundle())).toBe(bundleDigest(bundle));
    const [first, ...rest] = bundle.topics;
    if (!first) throw new Error("the sample has topics");
    const edited = {
      ...bundle,
      topics: [{ ...first, fi: { ...first.fi, answer: `${first.fi.answer}!` } }, ...rest],
    };
    expect(bundleDigest(edited)).not.toBe(bundleDigest(bundle));
  });

  it("does not change when a topic comes back with its fields in another order", () => {
    const bundle = sampleBundle();
    const reordered = {
      ...bundle,
      topics: bundle.topics.map((t) => Object.fromEntries(Object.entries(t).reverse())),
    } as typeof bundle;
    expect(bundleDigest(reordered)).toBe(bundleDigest(bundle));
  });
});
