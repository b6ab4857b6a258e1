import { createListAppointmentSlotsHandler } from "../http/handlers/listAppointmentSlots.ts";
import { lambdaServices } from "./root.ts";

export const handler = createListAppointmentSlotsHandler(lambdaServices());
