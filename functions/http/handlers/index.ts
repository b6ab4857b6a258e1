import type { Handler } from "aws-lambda";
import type { Services } from "../../services.ts";
import type { HttpRouteId } from "../routes.ts";
import { createBookAppointmentHandler } from "./bookAppointment.ts";
import { createCancelAppointmentHandler } from "./cancelAppointment.ts";
import { createContentApiHandler } from "./contentApi.ts";
import { createListAppointmentSlotsHandler } from "./listAppointmentSlots.ts";
import { createReportSummaryHandler } from "./reportSummary.ts";
import { createRequestCallbackHandler } from "./requestCallback.ts";
import { createSubmitSurveyHandler } from "./submitSurvey.ts";

/** Builds each route's handler from services; the local server and Lambda entries use these. */
export const HTTP_HANDLERS: Record<HttpRouteId, (services: Services) => Handler> = {
  submitSurvey: (s) => createSubmitSurveyHandler(s),
  requestCallback: (s) => createRequestCallbackHandler(s),
  listAppointmentSlots: (s) => createListAppointmentSlotsHandler(s),
  bookAppointment: (s) => createBookAppointmentHandler(s),
  cancelAppointment: (s) => createCancelAppointmentHandler(s),
  reportSummary: (s) => createReportSummaryHandler(s),
  contentApi: (s) => createContentApiHandler(s),
};
