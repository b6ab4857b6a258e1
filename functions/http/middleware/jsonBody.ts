import type middy from "@middy/core";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import type * as z from "zod";
import { jsonContentType } from "./jsonContentType.ts";
import { utf8Body } from "./utf8Body.ts";
import { validateBody } from "./validateBody.ts";

/**
 * The request body as the handler gets it: declared JSON, UTF-8 text, parsed as JSON, then
 * replaced by its zod-validated value. Each step answers 4xx naming what is wrong (see
 * jsonErrors).
 */
export function jsonBody<S extends z.ZodType>(schema: S): middy.MiddlewareObj[] {
  return [
    jsonContentType() as middy.MiddlewareObj,
    utf8Body() as middy.MiddlewareObj,
    httpJsonBodyParser() as middy.MiddlewareObj,
    validateBody(schema) as middy.MiddlewareObj,
  ];
}
