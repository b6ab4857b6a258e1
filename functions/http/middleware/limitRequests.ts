import type middy from "@middy/core";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { ClientAddressOf } from "../../adapters/network/clientAddress.ts";
import type { EdgeViewerAddressOf } from "../../adapters/network/edgeViewerAddress.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { LimitedAction, RequestLimiter } from "../../domain/limits/requestLimits.ts";

export interface RequestLimitDeps {
  limits: RequestLimiter;
  clientAddressOf: ClientAddressOf;
  edgeViewerAddressOf?: EdgeViewerAddressOf;
}

/**
 * Counts the request against `action`'s per-address and overall limits before the handler
 * runs (after the body is validated: a refused bad request costs the client nothing); over
 * them, a 429 RATE_LIMITED in the customer's language, and nothing is written.
 */
export function limitRequests<E extends Pick<APIGatewayProxyEventV2, "headers" | "requestContext">>(
  deps: RequestLimitDeps,
  action: LimitedAction,
  langOf: (event: E) => Lang | undefined = () => undefined,
): middy.MiddlewareObj<E> {
  return {
    before: (request) => {
      const event = request.event;
      // Behind CloudFront the source is the edge server; CloudFront vouches for the viewer.
      const address =
        deps.edgeViewerAddressOf?.(event.headers) ??
        deps.clientAddressOf(
          event.requestContext?.http?.sourceIp,
          event.headers?.["x-forwarded-for"] ?? event.headers?.["X-Forwarded-For"],
        );
      deps.limits.take(action, address, langOf(event));
    },
  };
}
