import { describe, expect, it } from "vitest";
import { HTTP_ROUTES, type HttpRoute } from "./routes.ts";

describe("HTTP routes' table grants", () => {
  // Each of these handlers' domain calls records a report event (submitSurvey.ts,
  // callbacks.ts, appointments.ts); a missing grant fails silently in AWS only.
  it.each(["submitSurvey", "requestCallback", "bookAppointment", "cancelAppointment"])(
    "lets %s write the report counters its domain call records",
    (id) => {
      const route: HttpRoute | undefined = HTTP_ROUTES.find((r) => r.id === id);
      expect(route?.tables.write).toContain("reportCounters");
    },
  );
});
