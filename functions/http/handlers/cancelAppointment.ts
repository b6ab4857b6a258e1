import middy from "@middy/core";
import { createError } from "@middy/util";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import * as z from "zod";
import { describeValidationError } from "../../contracts/validation.ts";
import { type AppointmentDeps, cancelAppointment } from "../../domain/contact/appointments.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { json } from "./contactResponses.ts";

// The shape of something a customer could have typed as a reference; whether it is one of
// ours is the domain's question (404 when not).
const pathSchema = z.object({
  reference: z
    .string({ error: "must be the booking reference, e.g. AV-7KQ2M9XD" })
    .max(40, "must be the booking reference, e.g. AV-7KQ2M9XD")
    .regex(/^[A-Za-z0-9 -]+$/, "must be the booking reference, e.g. AV-7KQ2M9XD"),
});

/** DELETE /api/appointments/{reference}: cancels the booking and frees its place. */
export function createCancelAppointmentHandler(deps: AppointmentDeps & { logger: Logger }) {
  void deps.openingHours; // fail the cold start, not the first customer, on a bad config
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .handler(async (event) => {
      const path = pathSchema.safeParse(event.pathParameters ?? {});
      if (!path.success) {
        throw createError(400, describeValidationError(path.error), {
          expose: true,
          cause: { code: "VALIDATION_FAILED" },
        });
      }
      const cancelled = await cancelAppointment(deps, path.data.reference);
      deps.logger.info("appointment cancelled", { reference: cancelled.reference });
      return json(200, cancelled);
    });
}
