import { createReportSummaryHandler } from "../http/handlers/reportSummary.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(createReportSummaryHandler(lambdaServices()));
