import type { Context } from "aws-lambda";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createConfiguredVerifier } from "../adapters/identity/configuredVerifier.ts";
import { loadConfig } from "../config.ts";
import { systemClock } from "../domain/clock.ts";
import type { OpeningHours } from "../domain/openingHours/index.ts";
import { createLambdaLogging, type LambdaLogging } from "../observability/lambdaLogger.ts";
import { buildServices, type Services } from "../services.ts";

let root: { services: Services; logging: LambdaLogging } | undefined;
let scheduleReader: (() => OpeningHours) | undefined;

// Read on first use (services.ts), so it only matters that the entry passed a reader before.
function readSchedule(): OpeningHours {
  // A function composed without the schedule that reads it anyway is a wiring mistake.
  if (!scheduleReader) throw new Error("this function was composed without the opening hours");
  return scheduleReader();
}

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
      loadOpeningHours: readSchedule,
    });
    root = { services, logging };
  }
  return root;
}

/**
 * Lambda composition root: config read and clients built once per cold start. A function
 * that answers schedule questions passes `readSchedule` (loadOpeningHoursSnapshot: the JSON
 * written at synth, $OPENING_HOURS_FILE); the others pass nothing and so bundle no
 * opening-hours code at all.
 */
export function lambdaServices(readSchedule?: () => OpeningHours): Services {
  scheduleReader ??= readSchedule;
  return lambdaRoot().services;
}

/** `handler` as the function's export: each invocation's logs carry its Lambda context. */
export function lambdaHandler<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return lambdaRoot().logging.withLogContext(handler);
}
