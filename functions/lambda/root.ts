import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { createConfiguredVerifier } from "../adapters/identity/configuredVerifier.ts";
import { loadConfig } from "../config.ts";
import { systemClock } from "../domain/clock.ts";
import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createLogger } from "../observability/logger.ts";
import { buildServices, type Services } from "../services.ts";

let services: Services | undefined;

/** Lambda composition root: config read and clients built once per cold start. */
export function lambdaServices(): Services {
  if (!services) {
    const config = loadConfig();
    services = buildServices({
      doc: createDynamoClients({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT })
        .doc,
      config,
      clock: systemClock,
      logger: createLogger(config.LOG_LEVEL),
      identity: createConfiguredVerifier(config, systemClock),
      // The JSON snapshot written at synth ($OPENING_HOURS_FILE), not the YAML.
      loadOpeningHours: () => loadOpeningHoursSnapshot(),
    });
  }
  return services;
}
