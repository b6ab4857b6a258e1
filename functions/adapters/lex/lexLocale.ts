import type { Lang } from "../../contracts/lang.ts";

/**
 * What a Lex V2 locale receives from the bot content, and the locale quotas it must fit
 * (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html). The bot definition
 * (lexBotDefinition.ts: deployed at synth, synced when content is published) and
 * `npm run content:check` both count from here, so the check warns about exactly what Lex
 * would receive.
 */

/** Lex V2 quotas per locale (fi_FI, sv_SE). */
export const LEX_LIMITS = { intentsPerLocale: 250, utteranceCharsPerLocale: 200_000 } as const;
/** Warn content owners at this share of a quota, long before a deploy would fail. */
export const LEX_WARN_SHARE = 0.8;

/**
 * Lex rejects slot braces and is trained on words, so sample utterances keep letters,
 * digits, spaces, apostrophes and hyphens; the rest of the punctuation carries no intent.
 */
export function lexUtterance(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Each topic's sample utterances in `lang` as Lex gets them, in topic order. Lex refuses a
 * locale in which two intents share an utterance, so the first topic keeps it.
 */
export function lexSampleUtterances<T extends Record<Lang, { utterances: readonly string[] }>>(
  topics: Iterable<T>,
  lang: Lang,
): { topic: T; utterances: string[] }[] {
  const seen = new Set<string>();
  return [...topics].map((topic) => {
    const utterances: string[] = [];
    for (const raw of topic[lang].utterances) {
      const utterance = lexUtterance(raw);
      const key = utterance.toLocaleLowerCase(lang);
      if (utterance === "" || seen.has(key)) continue;
      seen.add(key);
      utterances.push(utterance);
    }
    return { topic, utterances };
  });
}

export interface LexLocaleUsage {
  /** One intent per topic plus the fallback intent. */
  intents: number;
  utteranceChars: number;
}

/** What the locale of `lang` uses of LEX_LIMITS for these topics. */
export function lexLocaleUsage(
  topics: Iterable<Record<Lang, { utterances: readonly string[] }>>,
  lang: Lang,
): LexLocaleUsage {
  const perTopic = lexSampleUtterances(topics, lang);
  return {
    intents: perTopic.length + 1,
    utteranceChars: perTopic
      .flatMap((t) => t.utterances)
      .reduce((sum, utterance) => sum + utterance.length, 0),
  };
}

/** "over" past a limit, "near" from LEX_WARN_SHARE of it, else "ok". */
export function quotaLevel(used: number, limit: number): "ok" | "near" | "over" {
  if (used > limit) return "over";
  return used >= limit * LEX_WARN_SHARE ? "near" : "ok";
}
