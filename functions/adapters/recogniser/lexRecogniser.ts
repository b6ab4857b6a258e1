import {
  type Interpretation,
  LexRuntimeV2Client,
  RecognizeTextCommand,
} from "@aws-sdk/client-lex-runtime-v2";
import type { Lang } from "../../contracts/lang.ts";
import { referralOfIntent } from "../../contracts/referrals.ts";
import { type IntentId, isWellFormedTopicId, NO_INTENT } from "../../contracts/topics.ts";
import type { IntentScore, Recogniser, Recognition } from "../../domain/ports.ts";

/** Lex V2 locale of each chat language. */
export const LEX_LOCALES: Record<Lang, string> = { fi: "fi_FI", sv: "sv_SE" };

/** Lex's built-in intent for "no intent is likely enough"; it takes no sample utterances. */
export const FALLBACK_INTENT = "FallbackIntent";
/**
 * The intent taught with bot-content/out-of-scope.yaml. FallbackIntent cannot learn from
 * examples, so what is not ours is an ordinary intent that reads as `none`.
 */
export const OUT_OF_SCOPE_INTENT = "OutOfScope";

export interface LexRecogniserConfig {
  botId: string;
  botAliasId: string;
  /** Injected in tests; defaults to a client for the Lambda's own region. */
  client?: LexRuntimeV2Client;
  /** Lex keeps dialogue state per session; classification only needs a throwaway one. */
  sessionId?: () => string;
}

/** Recognises messages with an Amazon Lex V2 bot built from the same content. */
export class LexRecogniser implements Recogniser {
  private readonly client: LexRuntimeV2Client;
  private readonly sessionId: () => string;

  constructor(private readonly config: LexRecogniserConfig) {
    this.client = config.client ?? new LexRuntimeV2Client({});
    this.sessionId = config.sessionId ?? (() => crypto.randomUUID());
  }

  /** Asks Lex for the intent; Lex cannot tell languages apart, so `detectedLang` is the chat's. */
  async recognise(text: string, lang: Lang): Promise<Recognition> {
    const response = await this.client.send(
      new RecognizeTextCommand({
        botId: this.config.botId,
        botAliasId: this.config.botAliasId,
        localeId: LEX_LOCALES[lang],
        sessionId: this.sessionId(),
        text,
      }),
    );
    const interpretations = response.interpretations ?? [];
    const scores = toScores(interpretations);
    const winner = scores[0] ?? { intent: NO_INTENT, confidence: 1 };
    const referral = referralOfIntent(interpretations[0]?.intent?.name);
    return {
      ...winner,
      detectedLang: lang,
      alternatives: scores.slice(0, 3),
      ...(referral ? { referral } : {}),
    };
  }
}

/**
 * Lex intent name to topic id; the bot may name intents tax-card, tax_card or TaxCard. The
 * bot is built from the same content, so any well-formed name is one of its topics.
 */
export function intentIdOf(lexName: string | undefined): IntentId {
  // A referral group's intent is out of scope: `none`, with the group named apart.
  if (
    !lexName ||
    lexName === FALLBACK_INTENT ||
    lexName === OUT_OF_SCOPE_INTENT ||
    referralOfIntent(lexName)
  ) {
    return NO_INTENT;
  }
  const kebab = lexName
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
  return kebab !== NO_INTENT && isWellFormedTopicId(kebab) ? kebab : NO_INTENT;
}

/** Lex's interpretations (RecognizeText's) as scores, its chosen one first. */
export function toScores(interpretations: readonly Interpretation[]): IntentScore[] {
  return scoresOf(
    interpretations.map((i) => ({ name: i.intent?.name, confidence: i.nluConfidence?.score })),
  );
}

/**
 * Lex's interpretations, from RecognizeText or a code hook event, as scores: chosen one
 * first, the rest by confidence. FallbackIntent, OutOfScope and the referral groups are all
 * `none` and count once, at their best, so they never crowd the topics out of the few
 * alternatives the dialogue weighs ("did you mean", two topics too close to call).
 */
export function scoresOf(
  interpretations: readonly { name?: string | undefined; confidence?: number | undefined }[],
): IntentScore[] {
  const best = Math.max(0, ...interpretations.map((i) => i.confidence ?? 0));
  const scores = new Map<IntentId, number>();
  for (const interpretation of interpretations) {
    const intent = intentIdOf(interpretation.name);
    // Lex gives FallbackIntent no score; it wins when no topic is likely enough.
    const confidence = interpretation.confidence ?? (intent === NO_INTENT ? 1 - best : 0);
    if (confidence > (scores.get(intent) ?? -1)) scores.set(intent, confidence);
  }
  const ordered = [...scores].map(([intent, confidence]) => ({ intent, confidence }));
  // Lex lists its chosen interpretation first; keep it first, order the rest by score.
  const [first, ...rest] = ordered;
  return first ? [first, ...rest.sort((a, b) => b.confidence - a.confidence)] : [];
}
