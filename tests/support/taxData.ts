import type { CustomerTaxData } from "../../functions/domain/customerData/customerData.ts";

/**
 * A signed-in customer's tax data for the personal-answer tests: a refund of 1 234,56 € paid
 * on 15.12.2026, so an answer that shows it is recognisable by its amount.
 */
export const REFUND_CUSTOMER: CustomerTaxData = {
  subject: "subject-1",
  taxYear: 2025,
  taxCard: {
    withholdingRate: 20,
    additionalRate: 40,
    incomeLimitCents: 1,
    validFrom: "2026-01-01",
  },
  refund: { amountCents: 123_456, paymentDate: "2026-12-15" },
};
