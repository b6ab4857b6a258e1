import { createCancelAppointmentHandler } from "../http/handlers/cancelAppointment.ts";
import { lambdaServices } from "./root.ts";

export const handler = createCancelAppointmentHandler(lambdaServices());
