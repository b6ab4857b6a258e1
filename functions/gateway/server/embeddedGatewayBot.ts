import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { embeddedBotMaker } from "../../adapters/bot/embeddedBot.ts";
import { followLiveVersion } from "../../adapters/bot/liveContent.ts";
import { createDynamoCustomerData } from "../../adapters/dynamodb/dynamoCustomerData.ts";
import { tableNames } from "../../adapters/dynamodb/tables.ts";
import { trainBesideChats } from "../../adapters/recogniser/embedded/trainInWorker.ts";
import { type Config, dialogueSettings } from "../../config.ts";
import { loadContentBundle } from "../../content/loadContent.ts";
import type { Bot } from "../../domain/dialogue/bot.ts";
import type { Clock } from "../../domain/ports.ts";
import type { Logger } from "../../observability/logger.ts";
import { buildContentServices } from "../../services.ts";

/**
 * The bot of a stage deployed without Lex (`-c recogniser=embedded`): the embedded
 * recogniser and the fulfillment handler in the gateway task, exactly as the local server
 * composes them, answering from the live content version in the content table and following
 * it when the studio publishes. `seedDir` (the image's bot-content/) becomes version 1 of a
 * content table that has none yet.
 */
export async function createEmbeddedGatewayBot(deps: {
  doc: DynamoDBDocumentClient;
  config: Pick<
    Config,
    | "TABLE_PREFIX"
    | "CONTENT_REVIEW_REQUIRED"
    | "CONTENT_POLL_SECONDS"
    | "TRAINING_CPU_PERCENT"
    | "SITE_SEARCH_URL_FI"
    | "SITE_SEARCH_URL_SV"
  >;
  clock: Clock;
  logger: Logger;
  seedDir?: string;
}): Promise<{ bot: Bot; stop(): void }> {
  const { doc, config, clock, logger } = deps;
  const customerData = createDynamoCustomerData(doc, tableNames(config.TABLE_PREFIX).customers);
  const training = trainBesideChats(config.TRAINING_CPU_PERCENT);
  const content = buildContentServices({
    doc,
    config,
    clock,
    logger,
    // A version published while chats go on trains off the event loop.
    train: (botContent) => training.train(botContent),
    makeBot: embeddedBotMaker({ logger, customerData, clock, settings: dialogueSettings(config) }),
  });
  if (deps.seedDir) {
    await content.workflow.seed(loadContentBundle(deps.seedDir), "image");
  }
  const live = await content.workflow.liveVersion();
  // Nothing is served yet, so training here is faster than starting a worker; the worker
  // starts from its parts, so the first version published trains only what it changed.
  await content.live.serve(live.version, live.bundle, {
    train: async (botContent) => training.trainHere(botContent),
  });
  const follower = followLiveVersion({
    live: () => content.store.live(),
    bundle: (version) => content.store.versionBundle(version),
    content: content.live,
    intervalMs: config.CONTENT_POLL_SECONDS * 1000,
    logger,
  });
  return {
    bot: content.live.bot,
    stop: () => {
      follower.stop();
      training.stop();
    },
  };
}
