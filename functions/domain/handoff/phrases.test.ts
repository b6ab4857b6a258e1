import { describe, expect, it } from "vitest";
import { CHANNEL_PHRASES } from "../channelPhrases.ts";
import { PHRASES } from "../dialogue/phrases.ts";
import { HANDOFF_PHRASES, waitInWords } from "./phrases.ts";

describe("handoff phrases", () => {
  it("has every sentence in both national languages with the same placeholders", () => {
    for (const [id, byLang] of Object.entries(HANDOFF_PHRASES)) {
      if (id === "queueName") continue;
      const { fi, sv } = byLang as { fi: string; sv: string };
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(sv), id).toEqual(holes(fi));
    }
  });

  it("uses the agency's wording for the hours, with the en dash the answers use too", () => {
    expect(PHRASES.advisorHours.fi).toBe(
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00.",
    );
  });

  it("offers the other channels in the bot's words, from one definition", () => {
    for (const id of Object.keys(CHANNEL_PHRASES) as (keyof typeof CHANNEL_PHRASES)[]) {
      expect(HANDOFF_PHRASES[id], id).toBe(CHANNEL_PHRASES[id]);
      expect(PHRASES[id], id).toBe(CHANNEL_PHRASES[id]);
    }
  });

  it("says the wait in words", () => {
    expect(waitInWords(0, "fi")).toBe("alle minuutin");
    expect(waitInWords(240, "fi")).toBe("noin 4 minuuttia");
    expect(waitInWords(480, "sv")).toBe("cirka 8 minuter");
  });
});
