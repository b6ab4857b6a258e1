import { describe, expect, it } from "vitest";
import { LanguageDetector } from "./languageDetector.ts";

const SAMPLES = {
  fi: ["milloin veronpalautus tulee", "verokortin muutos", "hyvää päivää", "kiitos paljon"],
  sv: ["när kommer återbäringen", "ändra skattekortet", "god dag", "tack så mycket"],
};

describe("LanguageDetector", () => {
  it("overrides the chat language only when the other is clearly likelier", () => {
    const detector = new LanguageDetector(SAMPLES);

    expect(detector.detect("när kommer skattekortet", "fi")).toBe("sv");
    expect(detector.detect("milloin tulee verokortti", "sv")).toBe("fi");
    expect(detector.detect("ok", "sv")).toBe("sv");
  });

  it("scores a message the same whether its words were seen before or not", () => {
    // Word scores are cached; a wrongly keyed cache would make a score depend on history.
    const texts = ["veronpalautus tulee", "verokortti", "vero", "återbäringen kommer", "tack"];
    const fresh = texts.map((t) => new LanguageDetector(SAMPLES).logOdds(t, "fi", "sv"));
    const warmed = new LanguageDetector(SAMPLES);
    for (const t of [...texts].reverse()) warmed.logOdds(t, "sv", "fi");

    texts.forEach((t, i) => {
      expect(warmed.logOdds(t, "fi", "sv")).toBeCloseTo(fresh[i] as number, 9);
      expect(warmed.logOdds(t, "sv", "fi")).toBeCloseTo(-(fresh[i] as number), 9);
    });
  });
});
