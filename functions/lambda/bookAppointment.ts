import { createBookAppointmentHandler } from "../http/handlers/bookAppointment.ts";
import { lambdaServices } from "./root.ts";

export const handler = createBookAppointmentHandler(lambdaServices());
