import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createBookAppointmentHandler } from "../http/handlers/bookAppointment.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(
  createBookAppointmentHandler(lambdaServices(loadOpeningHoursSnapshot)),
);
