import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import {
  type AppointmentSlotsQuery,
  appointmentSlotsQuerySchema,
} from "../../contracts/contactRequests.ts";
import { type AppointmentDeps, listSlots } from "../../domain/contact/appointments.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { validateQuery } from "../middleware/validateBody.ts";
import { json } from "./contactResponses.ts";

type Event = Omit<APIGatewayProxyEventV2, "queryStringParameters"> & {
  queryStringParameters: AppointmentSlotsQuery;
};

/** GET /api/appointments/slots?lang&from&to: free phone-appointment times. */
export function createListAppointmentSlotsHandler(deps: AppointmentDeps & { logger: Logger }) {
  void deps.openingHours; // fail the cold start, not the first customer, on a bad config
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(validateQuery(appointmentSlotsQuerySchema))
    .handler(async (event) => {
      const slots = await listSlots(deps, event.queryStringParameters);
      return json(200, { slots });
    });
}
