/**
 * The Lex V2 bot's locales, generated from bot content: one intent per topic with the
 * topic's utterances, one per referral group (Referral_<id>) with its sentences, OutOfScope
 * with the out-of-scope examples, plus FallbackIntent. Every intent is fulfilled by the code hook, so
 * answers stay in the content and Lex only classifies. The one definition of how content
 * becomes Lex intents: the CDK bot stack deploys it, and publishing from the content studio
 * (lexPublisher.ts) syncs the running bot's draft to it. Pure: no CDK, no AWS.
 */
import { createHash } from "node:crypto";
import type { BotContent } from "../../content/loadContent.ts";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import { referralIntentName } from "../../contracts/referrals.ts";
import { FALLBACK_INTENT, LEX_LOCALES, OUT_OF_SCOPE_INTENT } from "../recogniser/lexRecogniser.ts";
import { LEX_LIMITS, lexSampleUtterances, quotaLevel } from "./lexLocale.ts";
import { lexIntentName } from "./lexV2.ts";

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

/** Each language's intents, with their usage of the Lex quotas and warnings near a quota. */
export interface LexIntents {
  intents: Record<Lang, LexIntent[]>;
  usage: LexBotDefinition["usage"];
  warnings: string[];
}

/**
 * The intents of the fi_FI and sv_SE locales: one per topic, in topic order, one per
 * referral group, OutOfScope, plus FallbackIntent. Throws LexLimitError when a locale would exceed a Lex quota.
 */
export function lexIntents(content: BotContent): LexIntents {
  const warnings: string[] = [];
  const usage = {} as LexIntents["usage"];
  const intents = {} as LexIntents["intents"];
  for (const lang of LANGS) {
    // Referral groups become intents like topics, under a name no topic id can take; the
    // fulfillment hook reads the group from it and answers with the group's pointer.
    const sources = [
      ...[...content.topics.values()].map((topic) => ({
        name: lexIntentName(topic.id),
        fi: { utterances: topic.fi.utterances, title: topic.fi.title },
        sv: { utterances: topic.sv.utterances, title: topic.sv.title },
      })),
      ...(content.referrals ?? []).map((group) => ({
        name: referralIntentName(group.id),
        fi: { utterances: group.fi.sentences, title: group.fi.title },
        sv: { utterances: group.sv.sentences, title: group.sv.title },
      })),
      // Last, so a sentence a topic shares keeps teaching the topic. Without it Lex knows
      // only topics, and a question about something else lands on the nearest one.
      {
        name: OUT_OF_SCOPE_INTENT,
        fi: { utterances: content.outOfScope.fi, title: "Ei meidän asiamme" },
        sv: { utterances: content.outOfScope.sv, title: "Inte vår fråga" },
      },
    ];
    const locale: LexIntent[] = lexSampleUtterances(sources, lang).map(({ topic, utterances }) => ({
      name: topic.name,
      description: topic[lang].title,
      sampleUtterances: utterances.map((utterance) => ({ utterance })),
      fulfillmentCodeHook: { enabled: true },
    }));
    locale.push({
      name: FALLBACK_INTENT,
      description: "No topic is likely enough: the fulfillment hook offers other channels.",
      parentIntentSignature: "AMAZON.FallbackIntent",
      fulfillmentCodeHook: { enabled: true },
    });
    const utteranceChars = locale
      .flatMap((i) => i.sampleUtterances ?? [])
      .reduce((sum, u) => sum + u.utterance.length, 0);
    usage[lang] = { intents: locale.length, utteranceChars };
    checkLimit(warnings, LEX_LOCALES[lang], "intents", locale.length, LEX_LIMITS.intentsPerLocale);
    checkLimit(
      warnings,
      LEX_LOCALES[lang],
      "utterance characters",
      utteranceChars,
      LEX_LIMITS.utteranceCharsPerLocale,
    );
    intents[lang] = locale;
  }
  return { intents, usage, warnings };
}

/** The fi_FI and sv_SE locales of the bot; throws LexLimitError when a quota is exceeded. */
export function lexBotDefinition(
  content: BotContent,
  options: { confidenceThreshold: number },
): LexBotDefinition {
  const { intents, usage, warnings } = lexIntents(content);
  const locales = LANGS.map(
    (lang): LexLocale => ({
      localeId: LEX_LOCALES[lang],
      description: lang === "fi" ? "Suomi" : "Svenska",
      nluConfidenceThreshold: options.confidenceThreshold,
      intents: intents[lang],
    }),
  );
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
