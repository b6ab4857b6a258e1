import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { type Logger, type LogLevel, redactFields } from "./logger.ts";

/**
 * Logging of the Lambda functions through Powertools for AWS Lambda: CloudWatch-friendly JSON
 * with the service name, X-Ray trace id, and (inside a handler wrapped by `withLogContext`)
 * the request id and cold-start flag. Every field goes through the same redaction as the
 * other runtimes' logs.
 */
export interface LambdaLogging {
  logger: Logger;
  /** Wraps a handler so each invocation's logs carry its Lambda context. */
  withLogContext<E, R>(
    handler: (event: E, context: Context) => Promise<R>,
  ): (event: E, context: Context) => Promise<R>;
}

/** Builds the functions' logger at `level`; `powertools` can be given for tests. */
export function createLambdaLogging(
  level: LogLevel,
  powertools: PowertoolsLogger = new PowertoolsLogger({ logLevel: level }),
): LambdaLogging {
  const log =
    (write: (message: string, extra: Record<string, unknown>) => void) =>
    (message: string, fields?: Record<string, unknown>) =>
      write(message, redactFields(fields ?? {}));
  return {
    logger: {
      debug: log((m, f) => powertools.debug(m, f)),
      info: log((m, f) => powertools.info(m, f)),
      warn: log((m, f) => powertools.warn(m, f)),
      error: log((m, f) => powertools.error(m, f)),
    },
    withLogContext: (handler) =>
      // Never the event itself: it holds what the customer typed and their phone number.
      middy(handler).use(injectLambdaContext(powertools, { logEvent: false, resetKeys: true })),
  };
}
