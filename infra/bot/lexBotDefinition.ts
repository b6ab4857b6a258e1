/**
 * The Lex V2 bot's locales, generated from bot-content/: one intent per topic with the
 * topic's utterances, plus FallbackIntent. Every intent is fulfilled by the code hook, so
 * answers stay in the content files and Lex only classifies. Pure: no CDK, no AWS.
 */
import { createHash } from "node:crypto";
import {
  LEX_LIMITS,
  lexSampleUtterances,
  quotaLevel,
} from "../../functions/adapters/lex/lexLocale.ts";
import { FALLBACK_INTENT, lexIntentName } from "../../functions/adapters/lex/lexV2.ts";
import { LEX_LOCALES } from "../../functions/adapters/recognizer/lexRecognizer.ts";
import type { BotContent } from "../../functions/content/loadContent.ts";
import { LANGS, type Lang } from "../../functions/contracts/lang.ts";

/** Content that cannot become a Lex bot; the message says which limit and locale. */
export class LexLimitError extends Error {
  override name = "LexLimitError";
}

export interface LexIntent {
  name: string;
  description?: string;
  parentIntentSignature?: string;
  sampleUtterances?: { utterance: string }[];
  fulfillmentCodeHook: { enabled: true };
}

export interface LexLocale {
  localeId: string;
  description: string;
  nluConfidenceThreshold: number;
  intents: LexIntent[];
}

export interface LexBotDefinition {
  locales: LexLocale[];
  /** Changes whenever the locales change: names the bot version so a new one is cut. */
  fingerprint: string;
  /** Usage against LEX_LIMITS per language, and warnings from LEX_WARN_SHARE of a limit. */
  usage: Record<Lang, { intents: number; utteranceChars: number }>;
  warnings: string[];
}

/** The fi_FI and sv_SE locales of the bot; throws LexLimitError when a quota is exceeded. */
export function lexBotDefinition(
  content: BotContent,
  options: { confidenceThreshold: number },
): LexBotDefinition {
  const warnings: string[] = [];
  const usage = {} as LexBotDefinition["usage"];
  const locales = LANGS.map((lang): LexLocale => {
    const intents: LexIntent[] = lexSampleUtterances(content.topics.values(), lang).map(
      ({ topic, utterances }) => ({
        name: lexIntentName(topic.id),
        description: topic[lang].title,
        sampleUtterances: utterances.map((utterance) => ({ utterance })),
        fulfillmentCodeHook: { enabled: true },
      }),
    );
    intents.push({
      name: FALLBACK_INTENT,
      description: "No topic is likely enough: the fulfillment hook offers other channels.",
      parentIntentSignature: "AMAZON.FallbackIntent",
      fulfillmentCodeHook: { enabled: true },
    });
    const utteranceChars = intents
      .flatMap((i) => i.sampleUtterances ?? [])
      .reduce((sum, u) => sum + u.utterance.length, 0);
    usage[lang] = { intents: intents.length, utteranceChars };
    checkLimit(warnings, LEX_LOCALES[lang], "intents", intents.length, LEX_LIMITS.intentsPerLocale);
    checkLimit(
      warnings,
      LEX_LOCALES[lang],
      "utterance characters",
      utteranceChars,
      LEX_LIMITS.utteranceCharsPerLocale,
    );
    return {
      localeId: LEX_LOCALES[lang],
      description: lang === "fi" ? "Suomi" : "Svenska",
      nluConfidenceThreshold: options.confidenceThreshold,
      intents,
    };
  });
  const fingerprint = createHash("sha256").update(JSON.stringify(locales)).digest("hex");
  return { locales, fingerprint: fingerprint.slice(0, 12), usage, warnings };
}

function checkLimit(
  warnings: string[],
  localeId: string,
  what: string,
  used: number,
  limit: number,
): void {
  const level = quotaLevel(used, limit);
  if (level === "over") {
    throw new LexLimitError(
      `Lex locale ${localeId} has ${used} ${what}; the Lex V2 limit is ${limit}. Split or trim topics before deploying.`,
    );
  }
  if (level === "near") {
    warnings.push(
      `Lex locale ${localeId} uses ${used} of ${limit} ${what} (${Math.round((100 * used) / limit)} %); plan to trim before the limit.`,
    );
  }
}
