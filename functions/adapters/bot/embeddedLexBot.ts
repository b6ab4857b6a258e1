import type { Context } from "aws-lambda";
import { createTopicLibrary } from "../../content/topicLibrary.ts";
import type { BotContent } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import { isWellFormedTopicId } from "../../contracts/topics.ts";
import type { Chat, OutgoingMessage } from "../../domain/chat/model.ts";
import type { CustomerData } from "../../domain/customerData/customerData.ts";
import type { DialogueSettings } from "../../domain/dialogue/answerTurn.ts";
import { recognizerDownTurn } from "../../domain/dialogue/answerTurn.ts";
import { type Bot, type BotTurn, botHasAnswered } from "../../domain/dialogue/bot.ts";
import { phrase } from "../../domain/dialogue/phrases.ts";
import type { Clock, Recognizer } from "../../domain/ports.ts";
import { createFulfillmentHandler, type FulfillmentHandler } from "../../lex/fulfillmentHandler.ts";
import type { Logger } from "../../observability/logger.ts";
import { fromLexMessages, lexEventFromRecognition } from "../lex/lexV2.ts";

/** The bot's opening lines: how to ask, and when a person can be reached. */
export function welcomeMessages(lang: Lang): OutgoingMessage[] {
  return [
    { from: "bot", text: phrase("welcome", lang) },
    { from: "bot", text: phrase("advisorHours", lang) },
  ];
}

/**
 * The local bot: the embedded recogniser's result, shaped as the Lex V2 event Lex would
 * send, answered by the same fulfillment handler that Lex calls in AWS.
 */
export function createEmbeddedLexBot(deps: {
  recognizer: Recognizer;
  fulfill: FulfillmentHandler;
  logger: Logger;
}): Bot {
  const context = { functionName: "fulfillment-local" } as Context;
  return {
    welcome: welcomeMessages,
    async reply(chat: Chat, text: string): Promise<BotTurn> {
      let recognition: Awaited<ReturnType<Recognizer["recognize"]>>;
      try {
        recognition = await deps.recognizer.recognize(text, chat.lang);
      } catch (error) {
        deps.logger.error("recogniser failed", { error: error as Error, chatId: chat.chatId });
        const down = recognizerDownTurn(chat.lang);
        return { messages: down.messages, missed: true };
      }
      const event = lexEventFromRecognition({
        sessionId: chat.chatId,
        text,
        recognition,
        context: {
          lang: chat.lang,
          missesInRow: chat.missesInRow,
          authenticated: chat.authenticated,
          answeredBefore: botHasAnswered(chat),
          ...(chat.signInTooWeak ? { signInTooWeak: true } : {}),
          ...(chat.assurance ? { assurance: chat.assurance } : {}),
        },
        ...(chat.subject ? { subject: chat.subject } : {}),
        ...(chat.signInExpiresAt ? { signInExpiresAt: chat.signInExpiresAt } : {}),
      });
      const response = await deps.fulfill(event, context);
      const messages = fromLexMessages(response.messages);
      const topic = messages.find((m) => m.topic)?.topic;
      const referral = response.sessionState.sessionAttributes.lastReferral;
      return {
        messages,
        ...(topic && isWellFormedTopicId(topic) ? { topic } : {}),
        ...(referral ? { referral } : {}),
        missed: Number(response.sessionState.sessionAttributes.missesInRow) > 0,
        recognition: recognition.alternatives.slice(0, 3),
      };
    },
  };
}

/**
 * The embedded bot for one content version, composed the same way wherever it runs (the
 * local server, a gateway task without Lex): its recogniser, the fulfillment handler on that
 * version's topics, and this deployment's dialogue settings.
 */
export function embeddedBotMaker(deps: {
  logger: Logger;
  clock?: Clock;
  customerData?: CustomerData;
  settings?: DialogueSettings;
}): (recognizer: Recognizer, content: BotContent) => Bot {
  return (recognizer, content) =>
    createEmbeddedLexBot({
      recognizer,
      fulfill: createFulfillmentHandler({
        library: createTopicLibrary(content),
        logger: deps.logger,
        ...(deps.customerData ? { customerData: deps.customerData } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
        ...(deps.settings ? { settings: deps.settings } : {}),
      }),
      logger: deps.logger,
    });
}
