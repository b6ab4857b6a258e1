import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createListAppointmentSlotsHandler } from "../http/handlers/listAppointmentSlots.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(
  createListAppointmentSlotsHandler(lambdaServices(loadOpeningHoursSnapshot)),
);
