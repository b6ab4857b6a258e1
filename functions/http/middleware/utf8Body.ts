import type middy from "@middy/core";
import { createError } from "@middy/util";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text, or undefined when they are not UTF-8 (no U+FFFD substitution). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a body that is not UTF-8 text, before JSON parsing. API Gateway hands a Lambda a
 * body it cannot pass as text base64-encoded (`isBase64Encoded`), and so does the local
 * server for bytes that are not UTF-8; decoding those loosely, as the JSON parser would,
 * turns the bad bytes into U+FFFD and stores them in a comment or a name as if typed.
 */
export function utf8Body(): middy.MiddlewareObj<{ body?: string; isBase64Encoded?: boolean }> {
  return {
    before: async (request) => {
      const event = request.event;
      if (!event.isBase64Encoded || event.body === undefined) return;
      const text = utf8Text(Buffer.from(event.body, "base64"));
      if (text === undefined) {
        throw createError(400, "body: must be UTF-8 text (it has bytes that are not UTF-8)", {
          expose: true,
          cause: { code: "VALIDATION_FAILED" },
        });
      }
      event.body = text;
      event.isBase64Encoded = false;
    },
  };
}
