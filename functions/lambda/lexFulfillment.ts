/**
 * Lambda entry of the Lex V2 fulfillment code hook. It answers from the live content version
 * in the content table (the studio moves it), looked up at most every 15 s, with one
 * fulfillment handler built per version. Until a version can be read it answers from the
 * snapshot the deployment ships beside the bundle (BOT_CONTENT_FILE, written at synth by
 * infra/stacks/botStack.ts), so a cold start parses JSON and the bundle carries no YAML
 * parser. The local server reads bot-content/ itself.
 */
import { readFileSync } from "node:fs";
import type { Context } from "aws-lambda";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../adapters/dynamodb/dynamoContentStore.ts";
import { createDynamoCustomerData } from "../adapters/dynamodb/dynamoCustomerData.ts";
import { tableNames } from "../adapters/dynamodb/tables.ts";
import { createFulfillmentHandler } from "../adapters/lex/fulfillmentHandler.ts";
import { dialogueSettings, loadConfig } from "../config.ts";
import { botContentFromJson } from "../content/contentSnapshot.ts";
import { createLiveContentReader } from "../content/liveContentReader.ts";
import { systemClock } from "../domain/clock.ts";
import { createDialogue } from "../domain/dialogue/dialogue.ts";
import { createTopicLibrary } from "../domain/dialogue/topicLibrary.ts";
import type { OpeningHours } from "../domain/openingHours/config.ts";
import { formatNextOpeningIfClosed } from "../domain/openingHours/format.ts";
import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import type { AdvisorHours } from "../domain/ports.ts";
import { createLambdaLogging } from "../observability/lambdaLogger.ts";

/**
 * How stale the answers may be. Lex moves to a new version before the live pointer does, so
 * for up to this long a new topic is recognised but answered as a miss.
 */
const CONTENT_MAX_AGE_MS = 15_000;

const config = loadConfig();
const snapshot = process.env.BOT_CONTENT_FILE;
if (!snapshot) throw new Error("BOT_CONTENT_FILE is not set: the bot content snapshot is missing");
const { doc } = createDynamoClients({
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
});
const tables = tableNames(config.TABLE_PREFIX);
const logging = createLambdaLogging(config.LOG_LEVEL);
const customerData = createDynamoCustomerData(doc, tables.customers);
const contentStore = createDynamoContentStore(doc, tables.content);
// The bundle's opening-hours snapshot, read on the first reply that would offer a person (a
// miss), not at cold start: most questions never ask.
let openingHours: OpeningHours | undefined;
const advisorHours: AdvisorHours = (queue, at, lang) => {
  openingHours ??= loadOpeningHoursSnapshot();
  return formatNextOpeningIfClosed(openingHours, queue, at, lang);
};

const fulfillment = createLiveContentReader({
  live: () => contentStore.live(),
  bundle: (version) => contentStore.versionBundle(version),
  build: (content, version) =>
    createFulfillmentHandler({
      dialogue: createDialogue({
        library: createTopicLibrary(content),
        customerData,
        clock: systemClock,
        settings: dialogueSettings(config, "lex"),
      }),
      ...(version ? { contentVersion: version } : {}),
      advisorHours,
      clock: systemClock,
      logger: logging.logger,
    }),
  fallback: botContentFromJson(readFileSync(snapshot, "utf8")),
  maxAgeMs: CONTENT_MAX_AGE_MS,
  logger: logging.logger,
});

export const handler = logging.withLogContext(async (event: unknown, context: Context) => {
  const fulfill = await fulfillment.current();
  return fulfill(event, context);
});
