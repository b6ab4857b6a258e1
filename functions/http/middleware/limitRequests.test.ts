import middy from "@middy/core";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { createClientAddressOf } from "../../adapters/network/clientAddress.ts";
import { createEdgeViewerAddressOf } from "../../adapters/network/edgeViewerAddress.ts";
import {
  createRequestLimiter,
  LIMITED_ACTIONS,
  type RequestLimitSettings,
} from "../../domain/limits/requestLimits.ts";
import { limitRequests } from "./limitRequests.ts";

const SECRET = "edge-secret-".repeat(4);
/** The CloudFront edge server API Gateway sees as every request's source. */
const EDGE = "130.176.1.1";

type Event = Pick<APIGatewayProxyEventV2, "headers" | "requestContext">;

function handlerWithLimits() {
  const allowances = Object.fromEntries(
    LIMITED_ACTIONS.map((a) => [a, { perAddress: 2, overall: 100 }]),
  ) as RequestLimitSettings["allowances"];
  const limits = createRequestLimiter({ windowMs: 3_600_000, allowances }, { now: () => 0 });
  return middy<Event, string>(async () => "stored").use(
    limitRequests<Event>(
      {
        limits,
        clientAddressOf: createClientAddressOf([]),
        edgeViewerAddressOf: createEdgeViewerAddressOf(SECRET),
      },
      "callback",
    ),
  );
}

function request(headers: Record<string, string>): Event {
  return {
    headers,
    requestContext: { http: { sourceIp: EDGE } },
  } as unknown as Event;
}

async function outcome(handler: ReturnType<typeof handlerWithLimits>, event: Event) {
  try {
    return await handler(event, {} as never);
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe("per-address limits behind CloudFront", () => {
  it("count each viewer CloudFront vouches for, not the edge server they share", async () => {
    const handler = handlerWithLimits();
    const from = (viewer: string) =>
      request({ "x-origin-verify": SECRET, "x-viewer-address": viewer });
    for (let i = 0; i < 2; i++) expect(await outcome(handler, from("198.51.100.1"))).toBe("stored");
    expect(await outcome(handler, from("198.51.100.1"))).toBe("RATE_LIMITED");
    expect(await outcome(handler, from("198.51.100.2"))).toBe("stored");
  });

  it("count a request that names a viewer without the secret against its own source", async () => {
    const handler = handlerWithLimits();
    const forged = (viewer: string) =>
      request({ "x-origin-verify": "guessed", "x-viewer-address": viewer });
    expect(await outcome(handler, forged("198.51.100.3"))).toBe("stored");
    expect(await outcome(handler, forged("198.51.100.4"))).toBe("stored");
    expect(await outcome(handler, forged("198.51.100.5"))).toBe("RATE_LIMITED");
  });
});
