/**
 * Entry of the gateway container on Fargate (functions/gateway/server/Dockerfile): reads the
 * configuration, starts the gateway with the Lex-backed bot (or, with RECOGNISER=embedded,
 * the embedded recogniser in this task), and drains on SIGTERM, which ECS sends before
 * stopping a task.
 */
import { createLexBot } from "../../adapters/bot/lexBot.ts";
import { createLogger } from "../../observability/logger.ts";
import { createEmbeddedGatewayBot } from "./embeddedGatewayBot.ts";
import { loadGatewayConfig } from "./gatewayConfig.ts";
import { startGateway } from "./gatewayServer.ts";

const config = loadGatewayConfig();
const logger = createLogger(config.LOG_LEVEL);
const gateway = await startGateway({
  config,
  logger,
  bot:
    config.RECOGNISER === "lex"
      ? createLexBot({ botId: config.LEX_BOT_ID, botAliasId: config.LEX_BOT_ALIAS_ID, logger })
      : ({ doc, clock }) =>
          createEmbeddedGatewayBot({
            doc,
            clock,
            logger,
            config,
            ...(config.BOT_CONTENT_DIR ? { seedDir: config.BOT_CONTENT_DIR } : {}),
          }),
});
logger.info("gateway listening", { port: gateway.port });

process.once("SIGTERM", () => {
  logger.info("draining");
  gateway.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error("drain failed", { error: error as Error });
      process.exit(1);
    },
  );
});
