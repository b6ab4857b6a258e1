import type { Lang } from "../../../contracts/lang.ts";
import { DEFAULT_FEATURE_OPTIONS, FeatureExtractor } from "./features.ts";
import { fold, tokenize, writtenForm } from "./normalize.ts";

// Words every question has ("miten", "voinko", "hur"): two questions sharing only these are
// not alike. Folded written forms, as the extractor sees them.
const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  fi: new Set(
    (
      "miten mita mika mitka milloin missa mista mihin miksi kuinka paljonko kuka kenen " +
      "voiko voinko voinko voisinko onko olen olenko on ole ei en et eika ja tai etta kun jos " +
      "minun minulla minulle minua mina sina sinun te teidan me meidan se ne tama tuo nyt " +
      "pitaako pitaisiko pitaa tarvitseeko tarvitsen saako saanko haluan haluaisin kanssa " +
      "hei moi kiitos"
    ).split(" "),
  ),
  sv: new Set(
    (
      "hur vad nar var vart varfor vilken vilket vilka kan jag du vi ni man min mitt mina " +
      "ar har hade ska skulle maste behover far och eller att om nar det den de en ett pa i " +
      "av for till med som inte hej tack"
    ).split(" "),
  ),
};

// Placeholders of masked personal data say nothing about the question.
const PLACEHOLDER = /\[(?:ID-CODE|IBAN|PHONE|EMAIL)\]/g;

const extractors: Record<Lang, FeatureExtractor> = {
  // Words, stems and character n-grams as the recogniser builds them; no bigrams, since the
  // order of words says little about what two questions share.
  fi: new FeatureExtractor("fi", { ...DEFAULT_FEATURE_OPTIONS, bigramWeight: 0 }),
  sv: new FeatureExtractor("sv", { ...DEFAULT_FEATURE_OPTIONS, bigramWeight: 0 }),
};

/**
 * The embedded recogniser's features of a customer question (whole words, stems, character
 * n-grams), without the words every question has: what the missed-question inbox groups
 * similar questions on.
 */
export function questionFeatures(text: string, lang: Lang): Map<string, number> {
  const words = tokenize(text.replace(PLACEHOLDER, " ")).filter(
    (token) => !FUNCTION_WORDS[lang].has(fold(writtenForm(token, lang))),
  );
  return extractors[lang].extract(words.join(" "));
}
