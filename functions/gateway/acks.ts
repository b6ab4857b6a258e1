import type { z } from "zod";
import type { Ack, AckError } from "../contracts/protocol.ts";
import { describeValidationError } from "../contracts/validation.ts";
import { ChatError } from "../domain/chat/errors.ts";
import type { Logger } from "../observability/logger.ts";

/** Maps a failure to an ack error; only ChatError messages are shown to clients as they are. */
export function toAckError(error: unknown, logger: Logger, event: string): AckError {
  if (error instanceof ChatError) {
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  logger.error("socket event failed", { event, error: error as Error });
  return {
    ok: false,
    error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." },
  };
}

/**
 * Wraps a socket event handler: validates the payload with zod, runs the handler and answers
 * the ack exactly once. Never throws, so a bad client cannot take the process down.
 */
export function handleEvent<S extends z.ZodType, R extends object>(
  logger: Logger,
  event: string,
  schema: S,
  run: (payload: z.infer<S>, ack: (result: R) => void) => Promise<void>,
) {
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
    run(parsed.data, (result) => reply({ ok: true, ...result })).catch((error: unknown) =>
      reply(toAckError(error, logger, event)),
    );
  };
}
