import type middy from "@middy/core";
import { createError } from "@middy/util";
import type * as z from "zod";
import { describeValidationError } from "../../contracts/validation.ts";

/** Replaces the parsed JSON body with its zod-validated value, or fails with 400 naming fields. */
export function validateBody<S extends z.ZodType>(
  schema: S,
): middy.MiddlewareObj<{ body: unknown }> {
  return {
    before: async (request) => {
      const result = schema.safeParse(request.event.body);
      if (!result.success) {
        throw createError(400, describeValidationError(result.error), {
          expose: true,
          cause: { code: "VALIDATION_FAILED" },
        });
      }
      request.event.body = result.data;
    },
  };
}

/** Validates query string parameters the same way. */
export function validateQuery<S extends z.ZodType>(
  schema: S,
): middy.MiddlewareObj<{ queryStringParameters?: unknown }> {
  return {
    before: async (request) => {
      const result = schema.safeParse(request.event.queryStringParameters ?? {});
      if (!result.success) {
        throw createError(400, describeValidationError(result.error), {
          expose: true,
          cause: { code: "VALIDATION_FAILED" },
        });
      }
      request.event.queryStringParameters = result.data;
    },
  };
}
