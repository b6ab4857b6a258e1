import type { Handler } from "aws-lambda";
import type { Services } from "../../services.ts";
import type { HttpRouteId } from "../routes.ts";
import { createSubmitSurveyHandler } from "./submitSurvey.ts";

/** Builds each route's handler from services; the local server and Lambda entries use these. */
export const HTTP_HANDLERS: Record<HttpRouteId, (services: Services) => Handler> = {
  submitSurvey: (s) => createSubmitSurveyHandler(s),
};
