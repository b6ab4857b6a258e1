import middy from "@middy/core";
import type { Context } from "aws-lambda";
import type * as z from "zod";
import {
  type LexCodeHookEvent,
  type LexCodeHookResponse,
  lexCodeHookEventSchema,
  recognitionFromLexEvent,
  toLexMessages,
} from "../adapters/lex/lexV2.ts";
import type { TopicId } from "../contracts/topics.ts";
import { describeValidationError } from "../contracts/validation.ts";
import { signInValid } from "../domain/chat/signIn.ts";
import { systemClock } from "../domain/clock.ts";
import type { CustomerData } from "../domain/customerData/customerData.ts";
import {
  answerTurn,
  DEFAULT_DIALOGUE_SETTINGS,
  type DialogueSettings,
  PERSONAL_TOPICS,
  type TopicLibrary,
} from "../domain/dialogue/answerTurn.ts";
import { personalAnswer } from "../domain/dialogue/personalAnswer.ts";
import { canSeePersonalData } from "../domain/identity/identity.ts";
import type { Clock } from "../domain/ports.ts";
import type { Logger } from "../observability/logger.ts";

/** A code hook event that does not have the shape this bot's Lex configuration sends. */
export class InvalidLexEventError extends Error {
  override name = "InvalidLexEventError";
}

export interface FulfillmentDeps {
  library: TopicLibrary;
  logger: Logger;
  /** Source of personalised answers; without it every customer gets the general answer. */
  customerData?: CustomerData;
  clock?: Clock;
  settings?: DialogueSettings;
  /** The content version the library holds; returned to the gateway with each answer. */
  contentVersion?: number;
}

export type FulfillmentHandler = (event: unknown, context: Context) => Promise<LexCodeHookResponse>;

/**
 * The Lex V2 fulfillment code hook: one answer path for Amazon Lex in AWS and for the
 * embedded recogniser locally (which builds the same event).
 */
export function createFulfillmentHandler(deps: FulfillmentDeps): FulfillmentHandler {
  const settings = deps.settings ?? DEFAULT_DIALOGUE_SETTINGS;
  return middy<unknown, LexCodeHookResponse>()
    .before(async (request) => {
      const parsed = lexCodeHookEventSchema.safeParse(request.event);
      if (!parsed.success) {
        deps.logger.error("invalid Lex event", { problems: describeProblems(parsed.error) });
        throw new InvalidLexEventError(describeProblems(parsed.error));
      }
      request.event = parsed.data;
    })
    .handler(async (raw) => {
      const event = raw as LexCodeHookEvent;
      const read = recognitionFromLexEvent(event);
      const { recognition } = read;
      const now = (deps.clock ?? systemClock).now();
      const context = withCurrentSignInContext(read.context, event, now);
      const personalText = await personalTextFor(deps, event, recognition, context, now);
      const turn = answerTurn(deps.library, context, recognition, settings, personalText);
      return {
        sessionState: {
          sessionAttributes: {
            ...stringAttributes(event.sessionState.sessionAttributes),
            missesInRow: String(turn.missed ? context.missesInRow + 1 : 0),
            lastTopic: turn.topic ?? "",
            // The gateway reads it back into the bot turn (Lex messages carry no referral).
            lastReferral: turn.referral ?? "",
            ...(deps.contentVersion ? { contentVersion: String(deps.contentVersion) } : {}),
          },
          dialogAction: { type: "Close" },
          intent: { name: event.sessionState.intent?.name ?? "FallbackIntent", state: "Fulfilled" },
        },
        messages: toLexMessages(turn.messages),
      };
    }) as unknown as FulfillmentHandler;
}

/** The customer's own answer, only for a current, strong identity the gateway bound to the chat. */
async function personalTextFor(
  deps: FulfillmentDeps,
  event: LexCodeHookEvent,
  recognition: ReturnType<typeof recognitionFromLexEvent>["recognition"],
  context: ReturnType<typeof recognitionFromLexEvent>["context"],
  now: Date,
): Promise<string | undefined> {
  const subject = event.sessionState.sessionAttributes.subject;
  const topic = recognition.intent;
  if (
    !deps.customerData ||
    !subject ||
    !context.authenticated ||
    !context.assurance ||
    !canSeePersonalData({ assurance: context.assurance }) ||
    !PERSONAL_TOPICS.has(topic as TopicId) ||
    recognition.confidence < (deps.settings ?? DEFAULT_DIALOGUE_SETTINGS).minConfidence
  ) {
    return undefined;
  }
  const personalTopic = topic as "tax-card" | "tax-refund" | "residual-tax";
  const lang = recognition.detectedLang;
  const templates = deps.library.answer(personalTopic, lang).personal ?? {};
  const data = await deps.customerData.find(subject);
  return personalAnswer(personalTopic, lang, data, templates, {
    today: now,
  });
}

/**
 * The dialogue context with the sign-in as it stands now: Lex keeps session attributes across
 * turns, so an expired (or expiry-less) sign-in is dropped here too, by this function's own
 * clock, and the customer gets the general answer with the offer to sign in.
 */
function withCurrentSignInContext(
  context: ReturnType<typeof recognitionFromLexEvent>["context"],
  event: LexCodeHookEvent,
  now: Date,
): ReturnType<typeof recognitionFromLexEvent>["context"] {
  const { signInExpiresAt } = event.sessionState.sessionAttributes;
  if (signInValid({ authenticated: context.authenticated, signInExpiresAt }, now)) return context;
  const { assurance: _assurance, ...anonymous } = context;
  return { ...anonymous, authenticated: false };
}

function describeProblems(error: z.ZodError): string {
  return describeValidationError(error);
}

function stringAttributes(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
