import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import {
  type AppointmentBooking,
  appointmentBookingSchema,
} from "../../contracts/contactRequests.ts";
import type { ChatStore } from "../../domain/chat/chatStore.ts";
import { signInValid } from "../../domain/chat/signIn.ts";
import { type AppointmentDeps, bookAppointment } from "../../domain/contact/appointments.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonBody } from "../middleware/jsonBody.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { limitRequests, type RequestLimitDeps } from "../middleware/limitRequests.ts";
import { json } from "./contactResponses.ts";

type Event = Omit<APIGatewayProxyEventV2, "body"> & { body: AppointmentBooking };

/**
 * POST /api/appointments: books a phone appointment; 409 SLOT_FULL when no place is left,
 * 409 ALREADY_OPEN while the phone number or signed-in person has a booking ahead.
 */
export function createBookAppointmentHandler(
  deps: AppointmentDeps & RequestLimitDeps & { logger: Logger; store: Pick<ChatStore, "getChat"> },
) {
  void deps.openingHours; // fail the cold start, not the first customer, on a bad config
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(jsonBody(appointmentBookingSchema))
    .use(limitRequests<Event>(deps, "booking", (e) => e.body.lang))
    .handler(async (event) => {
      // Booked from a signed-in chat: the person can find and change it in a later chat. The
      // chat id is unguessable and known only to that chat's tab.
      const chat = event.body.chatId ? await deps.store.getChat(event.body.chatId) : undefined;
      // An expired sign-in books as anonymous, as the chat itself then goes on.
      const subject = chat && signInValid(chat, deps.clock.now()) ? chat.subject : undefined;
      const booked = await bookAppointment(deps, event.body, subject ? { subject } : {});
      deps.logger.info("appointment booked", {
        reference: booked.reference,
        slotId: booked.slot.slotId,
      });
      return json(201, booked);
    });
}
