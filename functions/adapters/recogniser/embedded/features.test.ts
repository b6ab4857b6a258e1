import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURE_OPTIONS, FeatureExtractor } from "./features.ts";

describe("FeatureExtractor", () => {
  it("sums each token's word features and the bigram it closes", () => {
    const extractor = new FeatureExtractor("fi", DEFAULT_FEATURE_OPTIONS);
    const text = "Verokortti ja verokortti uudelleen";

    const summed = new Map<string, number>();
    for (const { written, bigram } of extractor.forms(text)) {
      for (const [name, weight] of extractor.wordFeatures(written)) {
        summed.set(name, (summed.get(name) ?? 0) + weight);
      }
      if (bigram) summed.set(bigram, (summed.get(bigram) ?? 0) + extractor.bigramWeight);
    }

    expect(extractor.forms(text).map((f) => f.bigram)).toEqual([
      undefined,
      "b:verokortti_ja",
      "b:ja_verokortti",
      "b:verokortti_uudelleen",
    ]);
    expect(extractor.extract(text)).toEqual(summed);
    expect(summed.get("w:verokortti")).toBe(2);
  });

  it("keeps a word's features until told to forget, then works them out alike each time", () => {
    const extractor = new FeatureExtractor("fi", DEFAULT_FEATURE_OPTIONS);
    const cached = extractor.wordFeatures("verokortti");
    expect(extractor.wordFeatures("verokortti")).toBe(cached);

    extractor.forgetWords();
    const again = extractor.wordFeatures("verokortti");

    expect(again).not.toBe(cached);
    expect(again).toEqual(cached);
    expect(extractor.wordFeatures("verokortti")).not.toBe(again);
  });
});
