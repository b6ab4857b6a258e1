import { describe, expect, it } from "vitest";
import { sampleBundle } from "../domain/content/contentStoreContract.ts";
import { createLogger } from "../observability/logger.ts";
import { createLiveContentReader } from "./liveContentReader.ts";

const logger = createLogger("silent");
const fallback = { topics: new Map(), outOfScope: { fi: [], sv: [] }, referrals: [] };

function setUp() {
  let pointer: { version: number } | undefined;
  let failing = false;
  let reads = 0;
  let clock = 0;
  const bundles = new Map([
    [1, sampleBundle(["tax-card"])],
    [2, sampleBundle(["tax-card", "vat"])],
  ]);
  const reader = createLiveContentReader({
    live: async () => {
      reads++;
      if (failing) throw new Error("DynamoDB unreachable");
      return pointer;
    },
    bundle: async (v) => bundles.get(v),
    build: (content) => [...content.topics.keys()].join(","),
    fallback,
    maxAgeMs: 15_000,
    now: () => clock,
    logger,
  });
  return {
    reader,
    point: (v: number | undefined) => {
      pointer = v === undefined ? undefined : { version: v };
    },
    fail: (f: boolean) => {
      failing = f;
    },
    advance: (ms: number) => {
      clock += ms;
    },
    reads: () => reads,
  };
}

describe("the live content reader (fulfillment Lambda)", () => {
  it("answers from the shipped content until a version is live", async () => {
    const s = setUp();
    expect(await s.reader.current()).toBe("");
    s.point(1);
    s.advance(15_000);
    expect(await s.reader.current()).toBe("tax-card");
  });

  it("looks the pointer up at most once per max age, and follows it when it moves", async () => {
    const s = setUp();
    s.point(1);
    await s.reader.current();
    s.point(2);
    s.advance(14_999);
    expect(await s.reader.current()).toBe("tax-card");
    expect(s.reads()).toBe(1);
    s.advance(1);
    expect(await s.reader.current()).toBe("tax-card,vat");
    expect(s.reader.version()).toBe(2);
  });

  it("keeps the version it has when the look-up fails", async () => {
    const s = setUp();
    s.point(2);
    await s.reader.current();
    s.fail(true);
    s.advance(60_000);
    expect(await s.reader.current()).toBe("tax-card,vat");
  });
});
