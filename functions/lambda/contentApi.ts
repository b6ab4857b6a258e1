import { createContentPublisherInvoker } from "../adapters/lambda/contentPublisherInvoker.ts";
import { loadConfig } from "../config.ts";
import { createContentApiHandler } from "../http/handlers/contentApi.ts";
import { lambdaContentServices, seedShippedContent } from "./lambdaContent.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

// The studio's API in AWS. An approved version goes live through a Lex build that outlasts
// API Gateway's 30 s, so the approval is handed to the publisher function
// (functions/lambda/contentPublisher.ts) and answers "building".
const services = lambdaServices();
const config = loadConfig();
const content = lambdaContentServices({
  config,
  clock: services.clock,
  logger: services.logger,
  ...(config.CONTENT_PUBLISHER_FUNCTION
    ? {
        deferGoLive: createContentPublisherInvoker({
          functionName: config.CONTENT_PUBLISHER_FUNCTION,
        }),
      }
    : {}),
});
// A new table gets the repository's content as version 1 before the first request.
await seedShippedContent(content, process.env.CONTENT_BUNDLE_FILE);
services.content = content;

export const handler = lambdaHandler(createContentApiHandler(services));
