import type middy from "@middy/core";
import { createError } from "@middy/util";

// RFC 9110: media types are case-insensitive; `+json` suffixes (problem+json...) are JSON too.
const jsonMediaType = /^application\/([^;\s]+\+)?json\s*(;|$)/i;

/**
 * Refuses a body that is not declared JSON with 415 naming the header. Checked here rather
 * than by middy's JSON parser so that every parser failure means the same thing (the body is
 * not JSON) and jsonErrors can tell the two apart by status and cause alone. The header is
 * passed on in lower case: the parser's own check is case-sensitive, and would otherwise
 * refuse `Application/JSON` with the 415 that jsonErrors reads as broken JSON.
 */
export function jsonContentType(): middy.MiddlewareObj<{
  headers?: Record<string, string | undefined>;
}> {
  return {
    before: async (request) => {
      const headers = request.event.headers ?? {};
      const contentType = headers["content-type"] ?? headers["Content-Type"] ?? "";
      if (!jsonMediaType.test(contentType)) {
        throw createError(415, "content-type: must be application/json", {
          expose: true,
          cause: { code: "VALIDATION_FAILED" },
        });
      }
      request.event.headers = { ...headers, "content-type": contentType.toLowerCase() };
      delete request.event.headers["Content-Type"];
    },
  };
}
