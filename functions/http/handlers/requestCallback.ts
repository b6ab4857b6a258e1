import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { type CallbackRequest, callbackRequestSchema } from "../../contracts/contactRequests.ts";
import { type CallbackDeps, createCallback } from "../../domain/contact/callbacks.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonBody } from "../middleware/jsonBody.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { limitRequests, type RequestLimitDeps } from "../middleware/limitRequests.ts";
import { json } from "./contactResponses.ts";

type Event = Omit<APIGatewayProxyEventV2, "body"> & { body: CallbackRequest };

/** POST /api/callbacks: a callback request from the web page or the chat. */
export function createRequestCallbackHandler(
  deps: CallbackDeps & RequestLimitDeps & { logger: Logger },
) {
  // Touch the schedule now so a missing or broken opening-hours file fails the cold start.
  void deps.openingHours;
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(jsonBody(callbackRequestSchema))
    .use(limitRequests<Event>(deps, "callback", (e) => e.body.lang))
    .handler(async (event) => {
      const { reference, message } = await createCallback(deps, event.body);
      // The reference and language only: the phone number never reaches the logs.
      deps.logger.info("callback requested", { reference, lang: event.body.lang });
      return json(201, { reference, message });
    });
}
