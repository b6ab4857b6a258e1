import { LANGS, type Lang } from "../../../contracts/lang.ts";
import { tokenize } from "./normalize.ts";

/** How much more likely (in nats) the other language must be before the chat language is overridden. */
const SWITCH_MARGIN = 2.5;

/**
 * Tells Finnish from Swedish with a character n-gram naive Bayes model trained on the
 * bot's own utterances: the two languages share almost no trigrams, so a few words suffice.
 */
export class LanguageDetector {
  private readonly logProb: Record<Lang, Map<string, number>>;
  private readonly unseen: Record<Lang, number>;

  constructor(samples: Record<Lang, readonly string[]>) {
    const counts = { fi: new Map<string, number>(), sv: new Map<string, number>() };
    for (const lang of LANGS) {
      for (const text of samples[lang]) {
        for (const g of grams(text)) counts[lang].set(g, (counts[lang].get(g) ?? 0) + 1);
      }
    }
    const vocabulary = new Set([...counts.fi.keys(), ...counts.sv.keys()]).size;
    this.logProb = { fi: new Map(), sv: new Map() };
    this.unseen = { fi: 0, sv: 0 };
    for (const lang of LANGS) {
      let total = 0;
      for (const c of counts[lang].values()) total += c;
      const denominator = Math.log(total + 0.5 * vocabulary);
      for (const [g, c] of counts[lang]) this.logProb[lang].set(g, Math.log(c + 0.5) - denominator);
      this.unseen[lang] = Math.log(0.5) - denominator;
    }
  }

  /** The language `text` is written in; `chatLang` unless the other language is clearly likelier. */
  detect(text: string, chatLang: Lang): Lang {
    const other: Lang = chatLang === "fi" ? "sv" : "fi";
    return this.logOdds(text, other, chatLang) > SWITCH_MARGIN ? other : chatLang;
  }

  /** log P(text | a) - log P(text | b). */
  logOdds(text: string, a: Lang, b: Lang): number {
    let score = 0;
    for (const g of grams(text)) {
      score +=
        (this.logProb[a].get(g) ?? this.unseen[a]) - (this.logProb[b].get(g) ?? this.unseen[b]);
    }
    return score;
  }
}

function grams(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    if (/^\d+$/.test(word)) continue;
    const padded = ` ${word} `;
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}
