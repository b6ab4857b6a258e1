import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { type CallbackRequest, callbackRequestSchema } from "../../contracts/contactRequests.ts";
import type { ChatStore } from "../../domain/chat/chatStore.ts";
import { signInValid } from "../../domain/chat/signIn.ts";
import { type CallbackDeps, createCallback } from "../../domain/contact/callbacks.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonBody } from "../middleware/jsonBody.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { limitRequests, type RequestLimitDeps } from "../middleware/limitRequests.ts";
import { json } from "./contactResponses.ts";

type Event = Omit<APIGatewayProxyEventV2, "body"> & { body: CallbackRequest };

/**
 * POST /api/callbacks: a callback request from the web page or the chat; 409 ALREADY_OPEN
 * while the phone number or signed-in person has one open.
 */
export function createRequestCallbackHandler(
  deps: CallbackDeps & RequestLimitDeps & { logger: Logger; store: Pick<ChatStore, "getChat"> },
) {
  // Touch the schedule now so a missing or broken opening-hours file fails the cold start.
  void deps.openingHours;
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(jsonBody(callbackRequestSchema))
    .use(limitRequests<Event>(deps, "callback", (e) => e.body.lang))
    .handler(async (event) => {
      // Asked from a signed-in chat: one open request per person, whatever number they give.
      const chat = event.body.chatId ? await deps.store.getChat(event.body.chatId) : undefined;
      const subject = chat && signInValid(chat, deps.clock.now()) ? chat.subject : undefined;
      const { reference, message } = await createCallback(
        deps,
        event.body,
        subject ? { subject } : {},
      );
      // The reference and language only: the phone number never reaches the logs.
      deps.logger.info("callback requested", { reference, lang: event.body.lang });
      return json(201, { reference, message });
    });
}
