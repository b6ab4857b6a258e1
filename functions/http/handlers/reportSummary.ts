import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import * as z from "zod";
import { langSchema } from "../../contracts/lang.ts";
import { TOPIC_ID_MAX_LENGTH, TOPIC_ID_PATTERN } from "../../contracts/topics.ts";
import type { IdentityVerifier } from "../../domain/identity/identity.ts";
import type { Clock } from "../../domain/ports.ts";
import { type ReportReader, reportDay } from "../../domain/reports/reportEvents.ts";
import { summarize } from "../../domain/reports/summary.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { requireStaff } from "../middleware/requireStaff.ts";
import { validateQuery } from "../middleware/validateBody.ts";
import { json } from "./contactResponses.ts";

const DAY_MS = 86_400_000;
/** Longest period one request may cover; two full years fit, with leap days. */
export const MAX_REPORT_DAYS = 731;

const day = z.iso.date({ message: "must be a date YYYY-MM-DD" });

export const reportQuerySchema = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    lang: langSchema.optional(),
    topic: z
      .string()
      .max(TOPIC_ID_MAX_LENGTH, "must be a topic id such as tax-refund")
      .regex(TOPIC_ID_PATTERN, "must be a topic id such as tax-refund")
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "must not be before from",
  })
  .refine(
    (q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * DAY_MS,
    { path: ["to"], message: `the period may be at most ${MAX_REPORT_DAYS} days` },
  );
type ReportQuery = z.infer<typeof reportQuerySchema>;
type Event = Omit<APIGatewayProxyEventV2, "queryStringParameters"> & {
  queryStringParameters: ReportQuery;
};

/** GET /api/reports/summary: supervisors' figures for a period, by day, language and topic. */
export function createReportSummaryHandler(deps: {
  reports: ReportReader;
  identity?: IdentityVerifier;
  clock: Clock;
  logger: Logger;
}) {
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(requireStaff(deps.identity, "supervisor") as middy.MiddlewareObj<Event>)
    .use(validateQuery(reportQuerySchema) as middy.MiddlewareObj<Event>)
    .handler(async (event) => {
      const query = event.queryStringParameters;
      // Default: the last 30 days up to today (Helsinki).
      const to = query.to ?? reportDay(deps.clock.now());
      const from = query.from ?? reportDay(new Date(Date.parse(to) - 29 * DAY_MS));
      const rows = await deps.reports.rows(from, to, query.topic);
      return json(200, summarize(rows, { from, to, lang: query.lang, topic: query.topic }));
    });
}
