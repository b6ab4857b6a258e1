import { createReportSummaryHandler } from "../http/handlers/reportSummary.ts";
import { lambdaServices } from "./root.ts";

export const handler = createReportSummaryHandler(lambdaServices());
