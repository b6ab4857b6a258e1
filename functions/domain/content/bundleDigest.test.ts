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

  it("does not change with the held-out messages in the files' order rather than the topics', but does when one changes topic", () => {
    const bundle = sampleBundle();
    const reversed = {
      ...bundle,
      tests: { fi: [...bundle.tests.fi].reverse(), sv: bundle.tests.sv },
    };
    expect(bundleDigest(reversed)).toBe(bundleDigest(bundle));
    const [first, ...rest] = bundle.tests.fi;
    if (!first) throw new Error("the sample has test messages");
    const moved = {
      ...bundle,
      tests: { ...bundle.tests, fi: [{ ...first, intent: "none" }, ...rest] },
    };
    expect(bundleDigest(moved)).not.toBe(bundleDigest(bundle));
  });
});
