import type { BotContent } from "../../contracts/content.ts";
import type { CustomerData } from "../../domain/customerData/customerData.ts";
import type { DialogueSettings } from "../../domain/dialogue/answerTurn.ts";
import type { Bot } from "../../domain/dialogue/bot.ts";
import { createDialogue } from "../../domain/dialogue/dialogue.ts";
import { createRecognisingBot } from "../../domain/dialogue/recognisingBot.ts";
import { createTopicLibrary } from "../../domain/dialogue/topicLibrary.ts";
import type { Clock, Recogniser } from "../../domain/ports.ts";
import type { Logger } from "../../observability/logger.ts";

/**
 * The embedded bot for one content version, composed the same way wherever it runs (the
 * local server, a gateway task without Lex, the content API's try-it): its recogniser, the
 * dialogue on that version's topics, and this deployment's dialogue settings.
 */
export function embeddedBotMaker(deps: {
  logger: Logger;
  clock?: Clock;
  customerData?: CustomerData;
  settings?: DialogueSettings;
}): (recogniser: Recogniser, content: BotContent) => Bot {
  return (recogniser, content) =>
    createRecognisingBot({
      recogniser,
      dialogue: createDialogue({
        library: createTopicLibrary(content),
        ...(deps.customerData ? { customerData: deps.customerData } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
        ...(deps.settings ? { settings: deps.settings } : {}),
      }),
      recogniserFailed: (error, chatId) =>
        deps.logger.error("recogniser failed", { error: error as Error, chatId }),
    });
}
