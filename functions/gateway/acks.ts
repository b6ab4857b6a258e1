import type * as z from "zod";
import type { Ack, AckCallback, AckError } from "../contracts/protocol.ts";
import { describeValidationError } from "../contracts/validation.ts";
import { ChatError, ServiceUnavailableError } from "../domain/chat/errors.ts";
import { IdentityError, IdentityUnavailableError } from "../domain/identity/identity.ts";
import type { Logger } from "../observability/logger.ts";
import type { InFlight } from "./inFlight.ts";

/** Maps a failure to an ack error; only ChatError messages are shown to clients as they are. */
export function toAckError(error: unknown, logger: Logger, event: string): AckError {
  if (error instanceof ChatError) {
    // Storage down after retries: the customer is told; operations must see it too.
    if (error instanceof ServiceUnavailableError) {
      logger.warn("storage unavailable", { event, error: (error.cause ?? error) as Error });
    }
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  // Identity messages are written to be safe: they never carry the token or its claims.
  if (error instanceof IdentityError) {
    logger.info("sign-in refused", { event, code: error.code });
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  if (error instanceof IdentityUnavailableError) {
    logger.warn("identity provider unavailable", { event });
    return { ok: false, error: { code: "SERVICE_UNAVAILABLE", message: error.message } };
  }
  logger.error("socket event failed", { event, error: error as Error });
  return {
    ok: false,
    error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." },
  };
}

/** What every socket event handler shares: where to log, and the shutdown's work tracker. */
export interface EventContext {
  logger: Logger;
  inFlight?: InFlight;
}

/**
 * Wraps a socket event handler: validates the payload with zod, runs the handler and answers
 * the ack exactly once. Never throws, so a bad client cannot take the process down.
 */
export function handleEvent<S extends z.ZodType, R extends object>(
  context: EventContext,
  event: string,
  schema: S,
  run: (payload: z.output<S>, ack: (result: R) => void) => Promise<void>,
): (payload: z.input<S>, ack?: AckCallback<R>) => void {
  const { logger, inFlight } = context;
  return (payload: unknown, ack?: unknown) => {
    let answered = false;
    const reply = (response: Ack<R>) => {
      if (answered || typeof ack !== "function") return;
      answered = true;
      ack(response);
    };
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      reply({
        ok: false,
        error: { code: "VALIDATION_FAILED", message: describeValidationError(parsed.error) },
      });
      return;
    }
    const work = run(parsed.data, (result) => reply({ ok: true, ...result })).catch(
      (error: unknown) => reply(toAckError(error, logger, event)),
    );
    inFlight?.track(work);
  };
}
