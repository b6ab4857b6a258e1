/**
 * Lambda entry of the Lex V2 fulfillment code hook. The deployment ships the validated bot
 * content as a JSON snapshot beside the bundle (BOT_CONTENT_FILE, written at synth by
 * infra/stacks/botStack.ts), so a cold start parses JSON and the bundle carries no YAML
 * parser. The local server reads bot-content/ itself.
 */
import { readFileSync } from "node:fs";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createDynamoCustomerData } from "../adapters/dynamodb/dynamoCustomerData.ts";
import { tableNames } from "../adapters/dynamodb/tables.ts";
import { loadConfig } from "../config.ts";
import { botContentFromJson } from "../content/contentSnapshot.ts";
import { createTopicLibrary } from "../content/topicLibrary.ts";
import { systemClock } from "../domain/clock.ts";
import { createFulfillmentHandler } from "../lex/fulfillmentHandler.ts";
import { createLambdaLogging } from "../observability/lambdaLogger.ts";

const config = loadConfig();
const snapshot = process.env.BOT_CONTENT_FILE;
if (!snapshot) throw new Error("BOT_CONTENT_FILE is not set: the bot content snapshot is missing");
const content = botContentFromJson(readFileSync(snapshot, "utf8"));
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
