/**
 * The Amazon Lex V2 code hook contract as this service uses it: the event Lex sends to the
 * fulfillment Lambda, the response it expects, and the mapping to and from our own types
 * (session attributes both ways, messages both ways). Only the AWS runtime speaks it: locally
 * the embedded recogniser's result goes straight to the dialogue.
 */
import * as z from "zod";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { MessageAction, QuickReply } from "../../contracts/protocol.ts";
import { referralOfIntent } from "../../contracts/referrals.ts";
import { type IntentId, NO_INTENT } from "../../contracts/topics.ts";
import type { OutgoingMessage } from "../../domain/chat/model.ts";
import type { DialogueContext } from "../../domain/dialogue/answerTurn.ts";
import { ASSURANCE_LEVELS } from "../../domain/identity/identity.ts";
import type { Recognition } from "../../domain/ports.ts";
import { FALLBACK_INTENT, intentIdOf, LEX_LOCALES, scoresOf } from "../recogniser/lexRecogniser.ts";

/** Lex intent name of a topic; topic ids are valid Lex names as they are. */
export function lexIntentName(intent: IntentId): string {
  return intent === NO_INTENT ? FALLBACK_INTENT : intent;
}

export function langOfLocale(localeId: string): Lang {
  const lang = LANGS.find((l) => LEX_LOCALES[l] === localeId);
  if (!lang)
    throw new Error(
      `bot.localeId ${localeId} is not one of ${Object.values(LEX_LOCALES).join(", ")}`,
    );
  return lang;
}

const intentSchema = z.looseObject({
  name: z.string().min(1),
  state: z.string().optional(),
  confirmationState: z.string().optional(),
  slots: z.record(z.string(), z.unknown()).nullish(),
});

/** Session attributes the gateway sets; Lex carries them as strings. */
export const sessionAttributesSchema = z.looseObject({
  chatLang: z.enum(LANGS),
  missesInRow: z.string().regex(/^\d+$/).default("0"),
  authenticated: z.enum(["true", "false"]).default("false"),
  /** The identity provider's subject, set by the gateway from the chat's bound identity. */
  subject: z.string().optional(),
  assurance: z.enum(ASSURANCE_LEVELS).optional(),
  /** When the bound sign-in ends (ISO instant); no personal answer after it, or without it. */
  signInExpiresAt: z.iso.datetime({ offset: true }).optional(),
  /** "true" after a refused weak sign-in in the chat (DialogueContext.signInTooWeak). */
  signInTooWeak: z.enum(["true", "false"]).default("false"),
  /** "true" once the bot has answered in the chat (DialogueContext.answeredBefore). */
  answeredBefore: z.enum(["true", "false"]).default("false"),
  /** DialogueContext.choiceQuestion: set only on "something else" to the bot's which-one. */
  choiceQuestion: z.string().optional(),
});

export const lexCodeHookEventSchema = z.looseObject({
  messageVersion: z.literal("1.0"),
  invocationSource: z.enum(["DialogCodeHook", "FulfillmentCodeHook"]),
  inputMode: z.string().optional(),
  sessionId: z.string().min(1),
  inputTranscript: z.string(),
  bot: z.looseObject({
    localeId: z.string(),
    name: z.string().optional(),
    id: z.string().optional(),
  }),
  interpretations: z.array(
    z.looseObject({
      intent: intentSchema,
      nluConfidence: z.number().min(0).max(1).optional(),
    }),
  ),
  sessionState: z.looseObject({
    intent: intentSchema.optional(),
    sessionAttributes: sessionAttributesSchema,
  }),
});
export type LexCodeHookEvent = z.infer<typeof lexCodeHookEventSchema>;

export type LexMessage =
  | { contentType: "PlainText"; content: string }
  | { contentType: "CustomPayload"; content: string };

export interface LexCodeHookResponse {
  sessionState: {
    sessionAttributes: Record<string, string>;
    dialogAction: { type: "Close" };
    intent: { name: string; state: "Fulfilled" | "Failed" };
  };
  messages: LexMessage[];
}

/** Our extra message fields, carried in a CustomPayload right after the text they belong to. */
interface MessageMeta {
  kind: "asiointi.message/v1";
  topic?: string;
  referral?: string;
  confidence?: number;
  quickReplies?: QuickReply[];
  actions?: MessageAction[];
  personal?: true;
}

/**
 * The chat's dialogue context as session attributes for RecognizeText: Lex hands them to the
 * code hook unchanged, where recognitionFromLexEvent reads them back.
 */
export function sessionAttributesOf(context: DialogueContext): Record<string, string> {
  return {
    chatLang: context.lang,
    missesInRow: String(context.missesInRow),
    authenticated: String(context.authenticated),
    answeredBefore: String(context.answeredBefore ?? false),
    signInTooWeak: String(context.signInTooWeak ?? false),
    ...(context.subject ? { subject: context.subject } : {}),
    ...(context.assurance ? { assurance: context.assurance } : {}),
    ...(context.signInExpiresAt ? { signInExpiresAt: context.signInExpiresAt } : {}),
    ...(context.choiceQuestion ? { choiceQuestion: context.choiceQuestion } : {}),
  };
}

/** Reads a Lex code hook event as our recognition and dialogue context. */
export function recognitionFromLexEvent(event: LexCodeHookEvent): {
  recognition: Recognition;
  context: DialogueContext;
} {
  const attributes = event.sessionState.sessionAttributes;
  const winner = event.sessionState.intent?.name ?? event.interpretations[0]?.intent.name;
  // Scored as the gateway scores RecognizeText's answer, so the dialogue's honesty rules see
  // the same alternatives and confidences whichever way Lex's interpretations arrive.
  const alternatives = scoresOf(
    event.interpretations.map((i) => ({ name: i.intent.name, confidence: i.nluConfidence })),
  );
  const intent = intentIdOf(winner);
  const referral = referralOfIntent(winner);
  const confidence =
    alternatives.find((a) => a.intent === intent)?.confidence ?? (intent === NO_INTENT ? 1 : 0);
  return {
    recognition: {
      intent,
      confidence,
      detectedLang: langOfLocale(event.bot.localeId),
      alternatives: alternatives.slice(0, 3),
      ...(referral ? { referral } : {}),
    },
    context: {
      lang: attributes.chatLang,
      missesInRow: Number(attributes.missesInRow),
      authenticated: attributes.authenticated === "true",
      answeredBefore: attributes.answeredBefore === "true",
      ...(attributes.signInTooWeak === "true" ? { signInTooWeak: true } : {}),
      ...(attributes.assurance ? { assurance: attributes.assurance } : {}),
      ...(attributes.subject ? { subject: attributes.subject } : {}),
      ...(attributes.signInExpiresAt ? { signInExpiresAt: attributes.signInExpiresAt } : {}),
      ...(attributes.choiceQuestion ? { choiceQuestion: attributes.choiceQuestion } : {}),
      question: event.inputTranscript,
    },
  };
}

/** Our outgoing bot messages as Lex messages (text plus a custom payload with the rest). */
export function toLexMessages(messages: OutgoingMessage[]): LexMessage[] {
  return messages.flatMap((m): LexMessage[] => {
    const meta: MessageMeta = {
      kind: "asiointi.message/v1",
      ...(m.topic ? { topic: m.topic } : {}),
      ...(m.referral ? { referral: m.referral } : {}),
      ...(m.confidence !== undefined ? { confidence: m.confidence } : {}),
      ...(m.quickReplies ? { quickReplies: m.quickReplies } : {}),
      ...(m.actions ? { actions: m.actions } : {}),
      ...(m.personal ? { personal: true as const } : {}),
    };
    return [
      { contentType: "PlainText", content: m.text },
      { contentType: "CustomPayload", content: JSON.stringify(meta) },
    ];
  });
}

/** Lex messages back to our bot messages; unknown payloads are ignored, text is kept. */
export function fromLexMessages(
  messages: readonly { contentType?: string; content?: string }[],
): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  for (const message of messages) {
    if (message.contentType === "PlainText" && message.content) {
      out.push({ from: "bot", text: message.content });
    } else if (message.contentType === "CustomPayload" && message.content && out.length) {
      const meta = parseMeta(message.content);
      const last = out[out.length - 1];
      if (meta && last) Object.assign(last, withoutKind(meta));
    }
  }
  return out;
}

function parseMeta(content: string): MessageMeta | undefined {
  try {
    const value = JSON.parse(content) as MessageMeta;
    return value?.kind === "asiointi.message/v1" ? value : undefined;
  } catch {
    return undefined;
  }
}

function withoutKind(meta: MessageMeta): Omit<MessageMeta, "kind"> {
  const { kind: _kind, ...rest } = meta;
  return rest;
}
