/**
 * Lambda entry of the content publisher: invoked asynchronously by the content API with
 * `{ version }` once a version is approved, it builds the Lex bot version from it
 * (publishLexVersion: sync, build, version, move the live alias) and then moves the live
 * pointer, or records the version as failed (docs/deploy.md, "How content reaches
 * production"). Runs for up to 15 minutes; the Lex publish allows itself 10.
 */
import { LexModelsV2Client } from "@aws-sdk/client-lex-models-v2";
import * as z from "zod";
import { publishLexVersion } from "../adapters/lex/lexPublisher.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { createContentPublisherHandler } from "../content/contentPublisherHandler.ts";
import { PARSE_ONCE } from "../contracts/validation.ts";
import { systemClock } from "../domain/clock.ts";
import { createLambdaLogging } from "../observability/lambdaLogger.ts";
import { lambdaContentServices } from "./lambdaContent.ts";

// Set by grantLexPublishing (infra/constructs/lexPublishing.ts).
const lexEnv = z
  .object({
    LEX_BOT_ID: z.string().regex(/^[0-9A-Z]{10}$/, "a 10-character Lex bot id"),
    LEX_BOT_ALIAS_ID: z.string().regex(/^[0-9A-Z]{10}$/, "a 10-character Lex bot alias id"),
  })
  .safeParse(process.env, PARSE_ONCE);
if (!lexEnv.success) {
  const lines = lexEnv.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
}
const { LEX_BOT_ID, LEX_BOT_ALIAS_ID } = lexEnv.data;

const config = loadConfig();
const logging = createLambdaLogging(config.LOG_LEVEL);
const lex = new LexModelsV2Client({ region: config.AWS_REGION });

const { workflow } = lambdaContentServices({
  config,
  clock: systemClock,
  logger: logging.logger,
  prepareElsewhere: async (version, content) => {
    const published = await publishLexVersion(
      { client: lex, botId: LEX_BOT_ID, aliasId: LEX_BOT_ALIAS_ID, logger: logging.logger },
      content,
      { contentVersion: version },
    );
    logging.logger.info("Lex bot version published", {
      version,
      botVersion: published.botVersion,
      previousBotVersion: published.previousBotVersion,
    });
  },
});

export const handler = logging.withLogContext(
  createContentPublisherHandler({ workflow, logger: logging.logger }),
);
