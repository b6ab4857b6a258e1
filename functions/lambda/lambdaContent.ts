import { readFileSync } from "node:fs";
import { embeddedBotMaker } from "../adapters/bot/embeddedBot.ts";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createEmbeddedRecogniser } from "../adapters/recogniser/embedded/embeddedRecogniser.ts";
import { type Config, dialogueSettings } from "../config.ts";
import type { ContentBundle } from "../domain/content/bundle.ts";
import type { Clock } from "../domain/ports.ts";
import type { Logger } from "../observability/logger.ts";
import { buildContentServices } from "../services.ts";

/**
 * The content services of the functions that run the studio's workflow (the content API and
 * the publisher): versions in the content table, recognisers trained inline with the embedded
 * recogniser. A Lambda serves one request at a time, so training inline stalls nobody else;
 * the gateway tasks that answer customers follow the live pointer and train off their event
 * loop.
 */
/**
 * Makes the content shipped with the function (CONTENT_BUNDLE_FILE, the repository's
 * bot-content/ at synth) version 1 when the content table has no live version yet; a no-op
 * afterwards, one read per cold start.
 */
export async function seedShippedContent(
  services: ReturnType<typeof lambdaContentServices>,
  file: string | undefined,
): Promise<void> {
  if (!file || (await services.store.live())) return;
  const bundle = JSON.parse(readFileSync(file, "utf8")) as ContentBundle;
  await services.workflow.seed(bundle, "deployment");
}

export function lambdaContentServices(opts: {
  config: Config;
  clock: Clock;
  logger: Logger;
  prepareElsewhere?: Parameters<typeof buildContentServices>[0]["prepareElsewhere"];
  deferGoLive?: Parameters<typeof buildContentServices>[0]["deferGoLive"];
}) {
  const { config, logger } = opts;
  const { doc } = createDynamoClients({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  return buildContentServices({
    doc,
    config,
    clock: opts.clock,
    logger,
    train: async (content) => createEmbeddedRecogniser(content),
    makeBot: embeddedBotMaker({ logger, settings: dialogueSettings(config) }),
    ...(opts.prepareElsewhere ? { prepareElsewhere: opts.prepareElsewhere } : {}),
    ...(opts.deferGoLive ? { deferGoLive: opts.deferGoLive } : {}),
  });
}
