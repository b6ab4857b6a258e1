import { describe, expect, it } from "vitest";
import { shippedBotContent } from "../../../tests/support/shippedContent.ts";
import { LexLimitError, lexBotDefinition, lexIntents } from "./lexBotDefinition.ts";
import { LEX_LIMITS, lexUtterance } from "./lexLocale.ts";

const content = shippedBotContent();

describe("Lex bot definition from bot content", () => {
  const definition = lexBotDefinition(content, { confidenceThreshold: 0.4 });

  it("has a fi_FI and an sv_SE locale", () => {
    expect(definition.locales.map((l) => l.localeId)).toEqual(["fi_FI", "sv_SE"]);
  });

  it.each(["fi_FI", "sv_SE"])(
    "gives %s one intent per topic and referral group, OutOfScope and FallbackIntent, all fulfilled by the hook",
    (id) => {
      const locale = definition.locales.find((l) => l.localeId === id);
      expect(locale?.intents.map((i) => i.name).sort()).toEqual(
        [
          ...content.topics.keys(),
          ...content.referrals.map((r) => `Referral_${r.id}`),
          "OutOfScope",
          "FallbackIntent",
        ].sort(),
      );
      expect(locale?.intents.every((i) => i.fulfillmentCodeHook.enabled)).toBe(true);
      expect(locale?.intents.find((i) => i.name === "FallbackIntent")).toMatchObject({
        parentIntentSignature: "AMAZON.FallbackIntent",
      });
    },
  );

  it("deploys exactly the intents that publishing syncs (one definition)", () => {
    const { intents } = lexIntents(content);
    expect(definition.locales.map((l) => l.intents)).toEqual([intents.fi, intents.sv]);
  });

  it("ignores a topic's review date: the same intents, utterances and fingerprint", () => {
    const reviewed = {
      ...content,
      topics: new Map(
        [...content.topics].map(([id, topic]) => [id, { ...topic, reviewBy: "2020-01-31" }]),
      ),
    };

    const dated = lexBotDefinition(reviewed, { confidenceThreshold: 0.4 });

    expect(dated).toEqual(definition);
    expect(JSON.stringify(dated)).not.toContain("reviewBy");
  });

  it("carries each topic's utterances in its own language", () => {
    const fi = definition.locales[0]?.intents.find((i) => i.name === "tax-card");
    const sv = definition.locales[1]?.intents.find((i) => i.name === "tax-card");
    expect(fi?.sampleUtterances).toContainEqual({ utterance: "verokortti" });
    expect(sv?.sampleUtterances?.length).toBeGreaterThanOrEqual(20);
    expect(sv?.sampleUtterances).not.toContainEqual({ utterance: "verokortti" });
  });

  it("teaches OutOfScope the out-of-scope examples, since FallbackIntent takes none", () => {
    for (const [index, lang] of (["fi", "sv"] as const).entries()) {
      const intents = definition.locales[index]?.intents ?? [];
      const outOfScope = intents.find((i) => i.name === "OutOfScope");
      const utterances = outOfScope?.sampleUtterances?.map((u) => u.utterance) ?? [];
      expect(outOfScope?.parentIntentSignature).toBeUndefined();
      expect(utterances.length).toBeGreaterThanOrEqual(content.outOfScope[lang].length * 0.9);
      expect(utterances).toContain(lexUtterance(content.outOfScope[lang][0] ?? ""));
      expect(intents.find((i) => i.name === "FallbackIntent")?.sampleUtterances).toBeUndefined();
    }
  });

  it("names referral intents so Lex accepts them and no topic can take them", () => {
    const fi = definition.locales[0]?.intents.find((i) => i.name === "Referral_traficom");
    expect(fi?.description).toBe("Ajoneuvovero ja Traficom");
    expect(fi?.sampleUtterances).toContainEqual({ utterance: "ajoneuvoveron eräpäivä" });
    for (const locale of definition.locales) {
      for (const intent of locale.intents) {
        // Lex V2 intent names: letters and digits, each optionally followed by "_" or "-".
        expect(intent.name).toMatch(/^([0-9a-zA-Z][_-]?){1,100}$/);
      }
    }
  });

  it("never gives two intents of a locale the same utterance", () => {
    for (const locale of definition.locales) {
      const all = locale.intents
        .flatMap((i) => i.sampleUtterances ?? [])
        .map((u) => u.utterance.toLowerCase());
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it("keeps words and drops punctuation Lex has no use for", () => {
    expect(lexUtterance("veroprosentti nousi yllättäen, miksi?")).toBe(
      "veroprosentti nousi yllättäen miksi",
    );
    expect(lexUtterance("{slot} åäö  ")).toBe("slot åäö");
  });

  it("stays well inside the Lex quotas, so there are no warnings today", () => {
    expect(definition.warnings).toEqual([]);
    // Topics, referral groups, OutOfScope and FallbackIntent.
    expect(definition.usage.fi.intents).toBe(content.topics.size + content.referrals.length + 2);
    expect(definition.usage.fi.utteranceChars).toBeLessThan(
      LEX_LIMITS.utteranceCharsPerLocale * 0.8,
    );
  });

  it("changes its fingerprint when an utterance changes", () => {
    const topic = content.topics.get("vat");
    if (!topic) throw new Error("vat topic missing");
    const changed = new Map(content.topics);
    changed.set("vat", {
      ...topic,
      fi: { ...topic.fi, utterances: [...topic.fi.utterances, "alv uusi"] },
    });
    const other = lexBotDefinition({ ...content, topics: changed }, { confidenceThreshold: 0.4 });
    expect(other.fingerprint).not.toBe(definition.fingerprint);
  });

  it("warns at 80 % of a quota and refuses content over it", () => {
    // Prepare: one topic whose Finnish utterances fill the locale's character quota.
    const topic = content.topics.get("vat");
    if (!topic) throw new Error("vat topic missing");
    const filler = (n: number, len: number) =>
      Array.from({ length: n }, (_, i) => `${"a".repeat(len)} ${i}`);
    const withFi = (utterances: string[]) => ({
      ...content,
      topics: new Map([
        ["vat", { ...topic, fi: { ...topic.fi, utterances } }],
      ]) as typeof content.topics,
    });
    // Act / Assess
    const near = lexBotDefinition(withFi(filler(1700, 95)), { confidenceThreshold: 0.4 });
    expect(near.warnings.join("\n")).toMatch(/fi_FI uses \d+ of 200000 utterance characters/);
    expect(() => lexBotDefinition(withFi(filler(2100, 95)), { confidenceThreshold: 0.4 })).toThrow(
      LexLimitError,
    );
  });
});
