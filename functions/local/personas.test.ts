import { describe, expect, it } from "vitest";
import { shippedBotContent } from "../../tests/support/shippedContent.ts";
import { personalAnswer } from "../domain/dialogue/personalAnswer.ts";
import { CUSTOMER_PERSONAS, demoCustomerData } from "./personas.ts";

describe("the local personas on the service clock", () => {
  it("have refund and due dates around today, whatever FAKE_TIME says", () => {
    for (const today of [new Date("2026-11-24T10:00:00Z"), new Date("2031-03-02T10:00:00Z")]) {
      const todayIso = today.toISOString().slice(0, 10);
      const byName = new Map(CUSTOMER_PERSONAS.map((p, i) => [p.id, demoCustomerData(today)[i]]));
      expect(byName.get("customer-refund")?.refund?.paymentDate ?? "").toMatch(/^\d/);
      expect((byName.get("customer-refund")?.refund?.paymentDate ?? "") > todayIso).toBe(true);
      expect((byName.get("customer-sv")?.refund?.paymentDate ?? "9") < todayIso).toBe(true);
      const due = byName.get("customer-residual")?.residualTax?.dueDates ?? [];
      expect(due.length).toBeGreaterThan(0);
      expect(due.every((d) => d > todayIso)).toBe(true);
      expect(byName.get("customer-refund")?.taxYear).toBe(today.getUTCFullYear() - 1);

      const templates = shippedBotContent().topics.get("residual-tax")?.fi.personal ?? {};
      const text = personalAnswer(
        "residual-tax",
        "fi",
        byName.get("customer-residual"),
        templates,
        { today },
      );
      const [day, month, year] = (text?.match(/eräpäivä on (\d+)\.(\d+)\.(\d+)/) ?? []).slice(1);
      const said = `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
      expect(said > todayIso).toBe(true);
    }
  });
});
