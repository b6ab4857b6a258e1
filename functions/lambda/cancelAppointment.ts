import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createCancelAppointmentHandler } from "../http/handlers/cancelAppointment.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(
  createCancelAppointmentHandler(lambdaServices(loadOpeningHoursSnapshot)),
);
