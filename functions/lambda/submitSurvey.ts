import { createSubmitSurveyHandler } from "../http/handlers/submitSurvey.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(createSubmitSurveyHandler(lambdaServices()));
