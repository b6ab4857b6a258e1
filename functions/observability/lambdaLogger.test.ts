import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLambdaLogging } from "./lambdaLogger.ts";

const context = {
  functionName: "asiointi-dev-requestCallback",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-central-1:123456789012:function:asiointi",
  memoryLimitInMB: "256",
  awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
} as Context;

describe("Lambda logging through Powertools", () => {
  let lines: Record<string, unknown>[];
  let write: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    lines = [];
    // Powertools writes each entry as one JSON line through console.<level>: warnings and
    // errors reach stderr, the rest stdout.
    const capture = (chunk: string | Uint8Array) => {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      return true;
    };
    write = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
  });
  afterEach(() => vi.restoreAllMocks());

  const logging = (level: "debug" | "info" = "info") =>
    createLambdaLogging(level, new PowertoolsLogger({ logLevel: level, serviceName: "asiointi" }));

  it("writes structured JSON with the service name and the caller's fields", () => {
    logging().logger.info("callback requested", { reference: "CB-1234", lang: "fi" });
    expect(lines).toEqual([
      expect.objectContaining({
        level: "INFO",
        message: "callback requested",
        service: "asiointi",
        reference: "CB-1234",
        lang: "fi",
      }),
    ]);
  });

  it("redacts personal data and secrets, and logs errors without their stack", () => {
    logging().logger.error("failed", {
      phone: "+358401234567",
      email: "maija@example.fi",
      iban: "FI2112345600000785",
      authorization: "Bearer eyJ...",
      error: new Error("boom"),
    });
    const [entry] = lines;
    expect(entry).toMatchObject({
      phone: "[redacted]",
      email: "[redacted]",
      iban: "[redacted]",
      authorization: "[redacted]",
      error: { name: "Error", message: "boom" },
    });
    expect(JSON.stringify(entry)).not.toMatch(/358401234567|maija@|FI2112|eyJ|at .*\.ts/);
  });

  it("leaves out entries below the configured level", () => {
    const { logger } = logging("info");
    logger.debug("noise");
    logger.warn("kept");
    expect(lines.map((l) => l.message)).toEqual(["kept"]);
  });

  it("adds the invocation's request id and cold start, never the event", async () => {
    const { logger, withLogContext } = logging();
    const handler = withLogContext(async (event: { phone: string }) => {
      logger.info("handled");
      return event.phone.length;
    });
    await expect(handler({ phone: "+358401234567" }, context)).resolves.toBe(13);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      message: "handled",
      function_request_id: context.awsRequestId,
      function_name: context.functionName,
      cold_start: expect.any(Boolean),
    });
    expect(JSON.stringify(lines)).not.toContain("358401234567");
    expect(write).toHaveBeenCalled();
  });
});
