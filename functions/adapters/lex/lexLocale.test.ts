import { describe, expect, it } from "vitest";
import {
  LEX_LIMITS,
  LEX_WARN_SHARE,
  lexLocaleUsage,
  lexSampleUtterances,
  quotaLevel,
} from "./lexLocale.ts";

const topic = (fi: string[], sv: string[] = []) => ({
  fi: { utterances: fi },
  sv: { utterances: sv },
});

describe("Lex locale quotas", () => {
  it("are the Lex V2 limits per locale, warned about from 80 %", () => {
    expect(LEX_LIMITS).toEqual({ intentsPerLocale: 250, utteranceCharsPerLocale: 200_000 });
    expect(LEX_WARN_SHARE).toBe(0.8);
  });

  it("grades usage: ok below 80 %, near from 80 % to the limit, over past it", () => {
    expect(quotaLevel(159_999, 200_000)).toBe("ok");
    expect(quotaLevel(160_000, 200_000)).toBe("near");
    expect(quotaLevel(200_000, 200_000)).toBe("near");
    expect(quotaLevel(200_001, 200_000)).toBe("over");
    expect(quotaLevel(200, LEX_LIMITS.intentsPerLocale)).toBe("near");
  });
});

describe("what a locale sends to Lex", () => {
  it("normalises utterances and gives a sentence to the first topic that has it", () => {
    const first = topic(["Mikä on ALV?", "{slot} hei!"]);
    const second = topic(["mikä on alv", "Verokortti"]);

    const sent = lexSampleUtterances([first, second], "fi");

    expect(sent.map((t) => t.utterances)).toEqual([["Mikä on ALV", "slot hei"], ["Verokortti"]]);
  });

  it("counts one intent per topic plus the fallback, and the characters Lex receives", () => {
    const topics = [topic(["Mikä on ALV?"], ["Vad är moms?"]), topic(["mikä on alv"], [])];

    expect(lexLocaleUsage(topics, "fi")).toEqual({ intents: 3, utteranceChars: 11 });
    expect(lexLocaleUsage(topics, "sv")).toEqual({ intents: 3, utteranceChars: 11 });
  });
});
