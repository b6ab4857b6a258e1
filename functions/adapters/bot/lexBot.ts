import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { isWellFormedTopicId } from "../../contracts/topics.ts";
import { recogniserDownTurn } from "../../domain/dialogue/answerTurn.ts";
import { type Bot, type BotTurn, dialogueContextOf } from "../../domain/dialogue/bot.ts";
import { welcomeMessages } from "../../domain/dialogue/welcome.ts";
import type { Logger } from "../../observability/logger.ts";
import { fromLexMessages, sessionAttributesOf } from "../lex/lexV2.ts";
import { LEX_LOCALES, toScores } from "../recogniser/lexRecogniser.ts";

export interface LexBotConfig {
  botId: string;
  botAliasId: string;
  logger: Logger;
  /** Injected in tests; defaults to a client for the task's own region. */
  client?: LexRuntimeV2Client;
}

/**
 * The bot in AWS: Amazon Lex V2 recognises the topic and calls the fulfillment Lambda, whose
 * code hook answers through the same dialogue as the embedded bot; this adapter passes the
 * chat's dialogue context as session attributes and maps Lex's messages back. The chat id is
 * the Lex session id.
 */
export function createLexBot(config: LexBotConfig): Bot {
  const client = config.client ?? new LexRuntimeV2Client({});
  return {
    welcome: welcomeMessages,
    // `advisorsAway` serves only the outage reply: Lex's code hook asks the opening hours itself.
    async reply(chat, text, choiceQuestion, advisorsAway): Promise<BotTurn> {
      try {
        const response = await client.send(
          new RecognizeTextCommand({
            botId: config.botId,
            botAliasId: config.botAliasId,
            localeId: LEX_LOCALES[chat.lang],
            sessionId: chat.chatId,
            text,
            sessionState: {
              sessionAttributes: sessionAttributesOf(
                dialogueContextOf(chat, undefined, choiceQuestion),
              ),
            },
          }),
        );
        const messages = fromLexMessages(response.messages ?? []);
        const topic = messages.find((m) => m.topic)?.topic;
        const attributes = response.sessionState?.sessionAttributes ?? {};
        const misses = Number(attributes.missesInRow ?? "0");
        const contentVersion = Number(attributes.contentVersion);
        const referral = attributes.lastReferral;
        const clarified = clarifiedOf(attributes.clarified);
        return {
          messages,
          ...(topic && isWellFormedTopicId(topic) ? { topic } : {}),
          ...(referral ? { referral } : {}),
          // A code hook deployed before the attribute told it by the answer's person button.
          ...(attributes.handsOver === "true" || (topic && offersPerson(messages))
            ? { handsOver: true }
            : {}),
          ...(attributes.advisorsAwaySaid === "true" ? { saidAdvisorsAway: true } : {}),
          ...(clarified ? { clarified } : {}),
          missed: misses > 0,
          recognition: toScores(response.interpretations ?? []).slice(0, 3),
          ...(Number.isInteger(contentVersion) && contentVersion > 0 ? { contentVersion } : {}),
        };
      } catch (error) {
        // Never the message text: it may hold personal data.
        config.logger.error("lex failed", { error: error as Error, chatId: chat.chatId });
        return { messages: recogniserDownTurn(chat.lang, advisorsAway).messages, missed: true };
      }
    },
  };
}

/** The which-one's two topics from the code hook's attribute; none from one without it. */
function clarifiedOf(attribute: string | undefined): [string, string] | undefined {
  const topics = attribute?.split(" ").filter(isWellFormedTopicId) ?? [];
  return topics.length === 2 ? [topics[0] as string, topics[1] as string] : undefined;
}

function offersPerson(messages: BotTurn["messages"]): boolean {
  return messages.some((m) => m.actions?.some((a) => a.type === "handoff"));
}
