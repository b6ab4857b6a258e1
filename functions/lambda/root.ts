import type { Context } from "aws-lambda";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createConfiguredVerifier } from "../adapters/identity/configuredVerifier.ts";
import { loadConfig } from "../config.ts";
import { systemClock } from "../domain/clock.ts";
import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createLambdaLogging, type LambdaLogging } from "../observability/lambdaLogger.ts";
import { buildServices, type Services } from "../services.ts";

let root: { services: Services; logging: LambdaLogging } | undefined;

function lambdaRoot() {
  if (!root) {
    const config = loadConfig();
    const logging = createLambdaLogging(config.LOG_LEVEL);
    const services = buildServices({
      doc: createDynamoClients({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT })
        .doc,
      config,
      clock: systemClock,
      logger: logging.logger,
      identity: createConfiguredVerifier(config, systemClock),
      // The JSON snapshot written at synth ($OPENING_HOURS_FILE), not the YAML.
      loadOpeningHours: () => loadOpeningHoursSnapshot(),
    });
    root = { services, logging };
  }
  return root;
}

/** Lambda composition root: config read and clients built once per cold start. */
export function lambdaServices(): Services {
  return lambdaRoot().services;
}

/** `handler` as the function's export: each invocation's logs carry its Lambda context. */
export function lambdaHandler<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return lambdaRoot().logging.withLogContext(handler);
}
