import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { describeValidationError } from "../../contracts/validation.ts";
import { systemClock } from "../../domain/clock.ts";
import { advisorsAwayFor, type DialogueTurn } from "../../domain/dialogue/answerTurn.ts";
import type { Dialogue } from "../../domain/dialogue/dialogue.ts";
import type { AdvisorHours, Clock } from "../../domain/ports.ts";
import type { Logger } from "../../observability/logger.ts";
import {
  type LexCodeHookEvent,
  type LexCodeHookResponse,
  lexCodeHookEventSchema,
  recognitionFromLexEvent,
  toLexMessages,
} from "./lexV2.ts";

/** A code hook event that does not have the shape this bot's Lex configuration sends. */
export class InvalidLexEventError extends Error {
  override name = "InvalidLexEventError";
}

export interface FulfillmentDeps {
  /** The dialogue on the content version this handler answers from. */
  dialogue: Dialogue;
  logger: Logger;
  /** The content version the dialogue answers from; returned to the gateway with each answer. */
  contentVersion?: number;
  /**
   * When a person can next join the chat: replies that would offer one offer one only while
   * one can (the gateway cannot tell Lex; this hook asks the schedule it carries). Unset:
   * a person is always offered.
   */
  advisorHours?: AdvisorHours;
  clock?: Clock;
}

export type FulfillmentHandler = (event: unknown, context: Context) => Promise<LexCodeHookResponse>;

/**
 * The Lex V2 fulfillment code hook: reads Lex's recognition and the chat's session attributes,
 * asks the dialogue (domain/dialogue) for the answer, and hands it back to Lex.
 */
export function createFulfillmentHandler(deps: FulfillmentDeps): FulfillmentHandler {
  return middy<unknown, LexCodeHookResponse>()
    .before(async (request) => {
      const parsed = lexCodeHookEventSchema.safeParse(request.event);
      if (!parsed.success) {
        const problems = describeValidationError(parsed.error);
        deps.logger.error("invalid Lex event", { problems });
        throw new InvalidLexEventError(problems);
      }
      request.event = parsed.data;
    })
    .handler(async (raw) => {
      const event = raw as LexCodeHookEvent;
      const { recognition, context } = recognitionFromLexEvent(event);
      const turn = await deps.dialogue.answer(
        context,
        recognition,
        advisorsAwayFor(deps.advisorHours, context.lang, deps.clock ?? systemClock),
      );
      return lexResponse(event, turn, context.missesInRow, deps.contentVersion);
    }) as unknown as FulfillmentHandler;
}

/** The turn as Lex takes it back: the dialogue state in session attributes, the intent closed. */
function lexResponse(
  event: LexCodeHookEvent,
  turn: DialogueTurn,
  missesBefore: number,
  contentVersion: number | undefined,
): LexCodeHookResponse {
  // The customer's words served this turn's site search only; Lex need not keep them.
  const { choiceQuestion: _once, ...attributes } = stringAttributes(
    event.sessionState.sessionAttributes,
  );
  return {
    sessionState: {
      sessionAttributes: {
        ...attributes,
        missesInRow: String(turn.missed ? missesBefore + 1 : 0),
        lastTopic: turn.topic ?? "",
        // The gateway reads it back into the bot turn (the message names it for votes only).
        lastReferral: turn.referral ?? "",
        // Outside the advisors' hours such an answer has no person button to tell it by.
        handsOver: turn.handsOver ? "true" : "",
        // Such an answer outside the hours says the closed outcome itself: routing adds none.
        advisorsAwaySaid: turn.saidAdvisorsAway ? "true" : "",
        // The topics of a which-one, space-separated in the order of its quick replies: the
        // gateway tells a customer's pick from them for the inbox.
        clarified: turn.clarified?.join(" ") ?? "",
        ...(contentVersion ? { contentVersion: String(contentVersion) } : {}),
      },
      dialogAction: { type: "Close" },
      intent: { name: event.sessionState.intent?.name ?? "FallbackIntent", state: "Fulfilled" },
    },
    messages: toLexMessages(turn.messages),
  };
}

function stringAttributes(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
