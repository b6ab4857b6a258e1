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

  it("travels as a snapshot and comes back scoring exactly as before", () => {
    const trained = new LanguageDetector(SAMPLES);
    const texts = ["veronpalautus tulee", "återbäringen kommer", "tack", "xyz", "verokortti ändra"];

    const restored = LanguageDetector.fromSnapshot(structuredClone(trained.toSnapshot()));

    expect(texts.map((t) => restored.logOdds(t, "fi", "sv"))).toEqual(
      texts.map((t) => trained.logOdds(t, "fi", "sv")),
    );
  });

  it("refuses a snapshot whose n-grams and probabilities differ in length", () => {
    const snapshot = new LanguageDetector(SAMPLES).toSnapshot();
    snapshot.sv.logProb = snapshot.sv.logProb.slice(1);

    expect(() => LanguageDetector.fromSnapshot(snapshot)).toThrow(
      "sv grams and logProb differ in length",
    );
  });
});
