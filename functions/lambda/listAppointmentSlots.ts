import { createListAppointmentSlotsHandler } from "../http/handlers/listAppointmentSlots.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(createListAppointmentSlotsHandler(lambdaServices()));
