import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedBotContent } from "../../tests/support/shippedContent.ts";
import { loadUncoveredCases, scoreUncovered, uncoveredOverlaps } from "./uncoveredSet.ts";

describe("the uncovered set", () => {
  it("counts what the chat would answer with a topic, apart from what it asks about", () => {
    const cases = [
      { text: "koiravero", matter: "dog-tax" },
      { text: "veneen vero", matter: "boat" },
      { text: "alkoholivero", matter: "excise" },
      { text: "tupakkavero", matter: "excise" },
    ];
    const score = scoreUncovered(cases, (text) => {
      if (text === "veneen vero")
        return { intent: "vat", decision: { kind: "answer", topic: "vat" } };
      if (text === "alkoholivero")
        return { intent: "vat", decision: { kind: "clarify", topics: ["vat", "tax-card"] } };
      return { intent: "none", decision: { kind: "none" } };
    });
    expect(score).toEqual({
      cases: 4,
      matters: 3,
      answered: 0.25,
      clarified: 0.25,
      recognisedAsTopic: 0.5,
      answeredWith: [{ text: "veneen vero", topic: "vat" }],
    });
  });

  it("finds an uncovered question that is also a training sentence or a held-out message", () => {
    const dir = mkdtempSync(join(tmpdir(), "uncovered-"));
    mkdirSync(join(dir, "uncovered"));
    mkdirSync(join(dir, "dev"));
    writeFileSync(
      join(dir, "uncovered", "fi.yaml"),
      'lang: fi\ncases:\n  - { text: "Koiravero?", matter: dog-tax }\n  - { text: "btc", matter: crypto }\n  - { text: "veneen vero", matter: boat }\n',
    );
    writeFileSync(
      join(dir, "dev", "fi.yaml"),
      'lang: fi\ncases:\n  - { text: "koiravero", intent: none }\n',
    );
    const cases = loadUncoveredCases(dir, "fi");
    // "btc" teaches crypto-assets in bot-content; "koiravero" is in this dev split.
    const overlaps = uncoveredOverlaps(dir, shippedBotContent(), "fi", cases);
    expect(overlaps.map((c) => c.text)).toEqual(["Koiravero?", "btc"]);
  });
});
