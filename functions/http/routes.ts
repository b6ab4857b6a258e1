/**
 * The HTTP API's routes: one Lambda handler each. The CDK stack deploys exactly these and the
 * local server dispatches to the same handlers; nothing else declares a route.
 */
export interface HttpRoute {
  /** Also the Lambda entry file name: functions/lambda/<id>.ts */
  id: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** API Gateway v2 path, with {name} path parameters. */
  path: string;
  /** Tables the handler reads or writes: the CDK grants exactly these. */
  tables: { read?: readonly string[]; write?: readonly string[] };
}

export const HTTP_ROUTES = [
  {
    id: "submitSurvey",
    method: "POST",
    path: "/api/surveys",
    tables: { read: ["chats"], write: ["surveys"] },
  },
  {
    id: "requestCallback",
    method: "POST",
    path: "/api/callbacks",
    tables: { write: ["callbacks"] },
  },
  {
    id: "listAppointmentSlots",
    method: "GET",
    path: "/api/appointments/slots",
    tables: { read: ["appointmentSlots"] },
  },
  {
    id: "bookAppointment",
    method: "POST",
    path: "/api/appointments",
    // Reads its own appointment back when a write's outcome is unknown.
    tables: { read: ["appointments"], write: ["appointmentSlots", "appointments"] },
  },
  {
    id: "cancelAppointment",
    method: "DELETE",
    path: "/api/appointments/{reference}",
    tables: { read: ["appointments"], write: ["appointmentSlots", "appointments"] },
  },
  {
    id: "reportSummary",
    method: "GET",
    path: "/api/reports/summary",
    tables: { read: ["reportCounters"] },
  },
] as const satisfies readonly HttpRoute[];

export type HttpRouteId = (typeof HTTP_ROUTES)[number]["id"];
