import { createEmbeddedLexBot } from "../adapters/bot/embeddedLexBot.ts";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createEmbeddedRecognizer } from "../adapters/recognizer/embedded/embeddedRecognizer.ts";
import { loadConfig } from "../config.ts";
import { createTopicLibrary } from "../content/topicLibrary.ts";
import { createContentApiHandler } from "../http/handlers/contentApi.ts";
import { createFulfillmentHandler } from "../lex/fulfillmentHandler.ts";
import { buildContentServices } from "../services.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

// The studio's API in AWS. A Lambda serves one request at a time, so training inline (for
// try-it, test-all and the publish gate) stalls nobody else; the gateway tasks that answer
// customers follow the live pointer and train off their event loop.
const services = lambdaServices();
const config = loadConfig();
const { doc } = createDynamoClients({
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
});
services.content = buildContentServices({
  doc,
  config,
  clock: services.clock,
  logger: services.logger,
  train: async (content) => createEmbeddedRecognizer(content),
  makeBot: (recognizer, content) =>
    createEmbeddedLexBot({
      recognizer,
      fulfill: createFulfillmentHandler({
        library: createTopicLibrary(content),
        logger: services.logger,
      }),
      logger: services.logger,
    }),
});

export const handler = lambdaHandler(createContentApiHandler(services));
