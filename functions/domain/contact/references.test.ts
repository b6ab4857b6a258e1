import { describe, expect, it } from "vitest";
import { normaliseReference, randomReference } from "./references.ts";

describe("randomReference", () => {
  it("makes callback and appointment references in Crockford base32", () => {
    expect(randomReference("callback")).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(randomReference("appointment")).toMatch(/^AV-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("does not repeat itself in ten thousand draws", () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => randomReference("appointment")));
    expect(seen.size).toBe(10_000);
  });
});

describe("normaliseReference", () => {
  it.each([
    ["SP-7KQ2M9", "SP-7KQ2M9"],
    ["sp-7kq2m9", "SP-7KQ2M9"],
    [" SP 7KQ 2M9 ", "SP-7KQ2M9"],
    ["SP7KQ2M9", "SP-7KQ2M9"],
    ["SP-OIL2M9", "SP-0112M9"],
    ["av-abcd efgh", "AV-ABCDEFGH"],
  ])("reads %j as %s", (input, reference) => {
    expect(normaliseReference(input)).toBe(reference);
  });

  it.each([["SP-7KQ2M"], ["SP-7KQ2M9X"], ["AV-ABCDEFG"], ["XX-7KQ2M9"], ["SP-7KQ2MU"], [""]])(
    "refuses %j",
    (input) => {
      expect(normaliseReference(input)).toBeNull();
    },
  );
});
