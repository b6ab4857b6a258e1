import type middy from "@middy/core";
import { createError } from "@middy/util";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

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
      let text: string;
      try {
        text = strictUtf8.decode(Buffer.from(event.body, "base64"));
      } catch {
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
