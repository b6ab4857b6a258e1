/**
 * A customer's own tax data, for personalised answers. Read only after the customer's identity
 * has been verified on the server with substantial or high assurance; keyed by the identity
 * provider's opaque subject, never by a personal identity code.
 */

/** Money is in euro cents so that no amount ever passes through floating point. */
export interface CustomerTaxData {
  subject: string;
  /** The tax year the decisions below concern (e.g. 2025 for decisions made in 2026). */
  taxYear: number;
  taxCard: {
    /** Basic withholding rate in percent, e.g. 23.5. */
    withholdingRate: number;
    /** Additional rate in percent for income above the limit. */
    additionalRate: number;
    /** Yearly income limit in cents. */
    incomeLimitCents: number;
    /** Calendar date (YYYY-MM-DD) from which the tax card applies. */
    validFrom: string;
  };
  /** Absent when no refund is due. */
  refund?: {
    amountCents: number;
    /** Calendar date (YYYY-MM-DD) of payment. */
    paymentDate: string;
  };
  /** Absent when no residual tax is owed. */
  residualTax?: {
    amountCents: number;
    /** Instalment due dates (YYYY-MM-DD), earliest first. */
    dueDates: string[];
    /** Finnish creditor reference, grouped as printed on the decision. */
    referenceNumber: string;
  };
}

/** Looks up customers' tax data. Adapter: DynamoDB `customers` table (demo data locally). */
export interface CustomerData {
  /** The subject's tax data, or undefined when the service holds none for them. */
  find(subject: string): Promise<CustomerTaxData | undefined>;
}
