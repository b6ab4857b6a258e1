import { createSubmitSurveyHandler } from "../http/handlers/submitSurvey.ts";
import { lambdaServices } from "./root.ts";

export const handler = createSubmitSurveyHandler(lambdaServices());
