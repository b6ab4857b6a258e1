/**
 * Lambda entry of the Lex V2 fulfillment code hook. The deployment ships the validated bot
 * content as a JSON snapshot beside the bundle (BOT_CONTENT_FILE, written at synth by
 * infra/stacks/botStack.ts), so a cold start parses JSON instead of YAML; without it (tests,
 * tsx) the content is read from bot-content/.
 */
import { readFileSync } from "node:fs";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createDynamoCustomerData } from "../adapters/dynamodb/dynamoCustomerData.ts";
import { tableNames } from "../adapters/dynamodb/tables.ts";
import { loadConfig } from "../config.ts";
import { botContentFromJson, loadBotContent } from "../content/loadContent.ts";
import { createTopicLibrary } from "../content/topicLibrary.ts";
import { systemClock } from "../domain/clock.ts";
import { createFulfillmentHandler } from "../lex/fulfillmentHandler.ts";
import { createLambdaLogging } from "../observability/lambdaLogger.ts";

const config = loadConfig();
const snapshot = process.env.BOT_CONTENT_FILE;
const content = snapshot ? botContentFromJson(readFileSync(snapshot, "utf8")) : loadBotContent();
const { doc } = createDynamoClients({
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
});

const logging = createLambdaLogging(config.LOG_LEVEL);

export const handler = logging.withLogContext(
  createFulfillmentHandler({
    library: createTopicLibrary(content),
    logger: logging.logger,
    customerData: createDynamoCustomerData(doc, tableNames(config.TABLE_PREFIX).customers),
    clock: systemClock,
  }),
);
