import middy from "@middy/core";
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createLogger } from "../../observability/logger.ts";
import { jsonBody } from "./jsonBody.ts";
import { jsonErrors } from "./jsonErrors.ts";

// API Gateway passes a body it cannot hand over as text base64-encoded; the handler must
// read valid UTF-8 from it and refuse anything else before parsing.

const schema = z.strictObject({ comment: z.string() });

function handler() {
  return middy<{ body?: unknown; isBase64Encoded?: boolean }, APIGatewayProxyResultV2>()
    .use(jsonErrors(createLogger("silent")))
    .use(jsonBody(schema))
    .handler(async (event) => ({ statusCode: 200, body: JSON.stringify(event.body) }));
}

const call = (
  body: string | undefined,
  isBase64Encoded: boolean,
  contentType: string | null = "application/json",
) =>
  handler()(
    { headers: contentType ? { "content-type": contentType } : {}, body, isBase64Encoded } as never,
    {} as never,
  ) as Promise<{ statusCode: number; body: string }>;

describe("jsonBody", () => {
  it("reads a base64-encoded body that is UTF-8 text", async () => {
    const body = Buffer.from('{"comment":"hyvää palvelua"}').toString("base64");

    const res = await call(body, true);

    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ comment: "hyvää palvelua" });
  });

  it("refuses a base64-encoded body with bytes that are not UTF-8, naming the body", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"comment":"hyv'),
      Buffer.from([0xe4]),
      Buffer.from(' palvelua"}'),
    ]);

    const res = await call(bytes.toString("base64"), true);

    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error).toEqual({
      code: "VALIDATION_FAILED",
      message: "body: must be UTF-8 text (it has bytes that are not UTF-8)",
    });
  });

  it("passes a text body through to validation", async () => {
    const res = await call('{"comment":1}', false);

    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/^comment:/);
  });

  it("accepts a JSON media type in any case and with parameters", async () => {
    for (const type of ["Application/JSON", "application/json; charset=UTF-8"]) {
      const res = await call('{"comment":"ok"}', false, type);

      expect(res.statusCode, type).toBe(200);
    }
  });

  it("answers 415 naming the content type when the body is not declared JSON", async () => {
    for (const type of ["text/plain", "application/jsonp", null]) {
      const res = await call('{"comment":"ok"}', false, type);

      expect(res.statusCode, String(type)).toBe(415);
      expect(JSON.parse(res.body).error).toEqual({
        code: "VALIDATION_FAILED",
        message: "content-type: must be application/json",
      });
    }
  });

  it("answers 400 naming the body for broken or missing JSON", async () => {
    for (const body of ["{not json", undefined]) {
      const res = await call(body, false);

      expect(res.statusCode, String(body)).toBe(400);
      expect(JSON.parse(res.body).error).toEqual({
        code: "VALIDATION_FAILED",
        message: "body: must be valid JSON",
      });
    }
  });
});
