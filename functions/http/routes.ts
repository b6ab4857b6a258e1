/**
 * The HTTP API's routes: one Lambda handler each. The CDK stack deploys exactly these and the
 * local server dispatches to the same handlers; nothing else declares a route.
 */
export interface HttpRoute {
  /** Also the Lambda entry file name: functions/lambda/<id>.ts */
  id: string;
  /** ANY: the handler routes by method itself (the content API, one Lambda). */
  method: "GET" | "POST" | "PUT" | "DELETE" | "ANY";
  /** API Gateway v2 path, with {name} path parameters; a last {name+} takes the rest of the path. */
  path: string;
  /**
   * Who may call it: "public" (customers, anonymous) or "staff" (a signed-in advisor or
   * supervisor: the stack puts the JWT authorizer in front, and the handler checks the role).
   */
  auth: "public" | "staff";
  /**
   * Tables the handler reads or writes: the CDK grants exactly these. A handler whose domain
   * call records report events (surveys, callbacks, bookings, cancellations) writes
   * reportCounters: without the grant the safe recorder swallows the failure and the
   * reports quietly undercount in AWS.
   */
  tables: { read?: readonly string[]; write?: readonly string[] };
}

export const HTTP_ROUTES = [
  {
    id: "submitSurvey",
    method: "POST",
    path: "/api/surveys",
    auth: "public",
    // The transcript tells whether the customer wrote anything (only then does a survey count).
    tables: { read: ["chats", "messages"], write: ["surveys", "reportCounters"] },
  },
  {
    id: "requestCallback",
    method: "POST",
    path: "/api/callbacks",
    auth: "public",
    // The chat tells whether the customer is signed in; the guards keep one request open per
    // phone number and person, and a guard's holder is read back from callbacks.
    tables: {
      read: ["chats", "callbacks", "contactGuards"],
      write: ["callbacks", "contactGuards", "reportCounters"],
    },
  },
  {
    id: "listAppointmentSlots",
    method: "GET",
    path: "/api/appointments/slots",
    auth: "public",
    tables: { read: ["appointmentSlots"] },
  },
  {
    id: "bookAppointment",
    method: "POST",
    path: "/api/appointments",
    auth: "public",
    // Reads its own appointment back when a write's outcome is unknown, and a guard's holder.
    tables: {
      read: ["chats", "appointments", "contactGuards"],
      write: ["appointmentSlots", "appointments", "contactGuards", "reportCounters"],
    },
  },
  {
    id: "cancelAppointment",
    method: "DELETE",
    path: "/api/appointments/{reference}",
    auth: "public",
    // A cancel releases the booking's guards, so the customer may book again.
    tables: {
      read: ["appointments"],
      write: ["appointmentSlots", "appointments", "contactGuards", "reportCounters"],
    },
  },
  {
    id: "reportSummary",
    method: "GET",
    path: "/api/reports/summary",
    auth: "staff",
    tables: { read: ["reportCounters"] },
  },
  {
    // The content studio's API: a dozen small admin calls with one set of dependencies
    // (the workflow, the trained recognisers), so one function routes them all.
    id: "contentApi",
    method: "ANY",
    path: "/api/content/{proxy+}",
    auth: "staff",
    // The missed-question inbox and its feedback view read the report counters too.
    tables: { read: ["content", "misses", "reportCounters"], write: ["content", "misses"] },
  },
] as const satisfies readonly HttpRoute[];

export type HttpRouteId = (typeof HTTP_ROUTES)[number]["id"];
