import { describe, expect, it } from "vitest";
import { loadBotContent } from "../../content/loadContent.ts";
import { PERSONAL_PLACEHOLDERS, type PersonalTopicId } from "../../contracts/content.ts";
import { LANGS } from "../../contracts/lang.ts";
import type { CustomerTaxData } from "../customerData/customerData.ts";
import { personalAnswer } from "./personalAnswer.ts";

// Intl separates thousands with a no-break space in both fi-FI and sv-FI.
const NBSP = "\u00a0";

const TAX_CARD = { default: "{withholdingRate} | {additionalRate} | {incomeLimit} | {validFrom}" };
const REFUND = { due: "{refundAmount} | {refundDate}", none: "no refund" };
const RESIDUAL = {
  due: "{residualAmount} | {dueDate} | {referenceNumber}",
  past: "past {residualAmount} | {dueDate} | {referenceNumber}",
  none: "no residual",
};

function data(overrides: Partial<CustomerTaxData> = {}): CustomerTaxData {
  return {
    subject: "subject-1",
    taxYear: 2025,
    taxCard: {
      withholdingRate: 23.5,
      additionalRate: 40,
      incomeLimitCents: 4_000_000,
      validFrom: "2026-02-01",
    },
    refund: { amountCents: 123_456, paymentDate: "2026-07-31" },
    residualTax: {
      amountCents: 248_000,
      dueDates: ["2026-09-01", "2026-11-02"],
      referenceNumber: "110 00234 59870",
    },
    ...overrides,
  };
}

describe("personalAnswer", () => {
  it("fills the tax card with comma decimals, a grouped whole-euro limit and a d.m.yyyy date", () => {
    for (const lang of LANGS) {
      // Act
      const text = personalAnswer("tax-card", lang, data(), TAX_CARD);

      // Assess
      expect(text, lang).toBe(`23,5 | 40 | 40${NBSP}000 | 1.2.2026`);
    }
  });

  it("keeps cents in an income limit that is not whole euros", () => {
    const card = { ...data().taxCard, incomeLimitCents: 1_234_550 };

    const text = personalAnswer("tax-card", "fi", data({ taxCard: card }), TAX_CARD);

    expect(text).toBe(`23,5 | 40 | 12${NBSP}345,50 | 1.2.2026`);
  });

  it("gives the refund amount with cents and its payment date when a refund is due", () => {
    for (const lang of LANGS) {
      const text = personalAnswer("tax-refund", lang, data(), REFUND);

      expect(text, lang).toBe(`1${NBSP}234,56 | 31.7.2026`);
    }
  });

  it('answers the "none" variant when no refund is due', () => {
    const text = personalAnswer("tax-refund", "sv", data({ refund: undefined }), REFUND);

    expect(text).toBe("no refund");
  });

  it("gives residual tax amount, the first due date and the reference number when owed", () => {
    for (const lang of LANGS) {
      const text = personalAnswer("residual-tax", lang, data(), RESIDUAL);

      expect(text, lang).toBe(`2${NBSP}480,00 | 1.9.2026 | 110 00234 59870`);
    }
  });

  it("names the next due date after the first instalment has passed, in Finnish time", () => {
    // 2026-09-01 21:30 UTC is already 2 September in Helsinki.
    const today = new Date("2026-09-01T21:30:00Z");

    const text = personalAnswer("residual-tax", "fi", data(), RESIDUAL, { today });

    expect(text).toBe(`2${NBSP}480,00 | 2.11.2026 | 110 00234 59870`);
  });

  it("says the last due date has passed rather than naming it as the next one", () => {
    // 2026-11-02 22:30 UTC is already 3 November in Helsinki: both instalments are behind.
    const today = new Date("2026-11-02T22:30:00Z");

    const text = personalAnswer("residual-tax", "fi", data(), RESIDUAL, { today });

    expect(text).toBe(`past 2${NBSP}480,00 | 2.11.2026 | 110 00234 59870`);
  });

  it('answers the "none" variant when no residual tax is owed', () => {
    const text = personalAnswer("residual-tax", "fi", data({ residualTax: undefined }), RESIDUAL);

    expect(text).toBe("no residual");
  });

  it("answers undefined when the customer has no data, so the general answer is given", () => {
    for (const topic of ["tax-card", "tax-refund", "residual-tax"] as const) {
      expect(personalAnswer(topic, "fi", undefined, { ...TAX_CARD, ...REFUND })).toBeUndefined();
    }
  });

  it("answers undefined when the content has no template for the variant", () => {
    const text = personalAnswer("tax-refund", "fi", data(), { none: "no refund" });

    expect(text).toBeUndefined();
  });

  it("fills every placeholder of the real fi and sv templates for every variant", () => {
    // Prepare
    const content = loadBotContent();
    // After every date in data(): the refund "paid" and residual tax "past" variants.
    const late = new Date("2026-12-01T12:00:00Z");
    const cases: [PersonalTopicId, CustomerTaxData, Date?][] = [
      ["tax-card", data()],
      ["tax-refund", data()],
      ["tax-refund", data(), late],
      ["tax-refund", data({ refund: undefined })],
      ["residual-tax", data()],
      ["residual-tax", data(), late],
      ["residual-tax", data({ residualTax: undefined })],
    ];
    for (const [topic, customer, today] of cases) {
      for (const lang of LANGS) {
        const templates = content.topics.get(topic)?.[lang].personal ?? {};

        // Act
        const text = personalAnswer(topic, lang, customer, templates, today ? { today } : {});

        // Assess
        expect(text, `${topic}/${lang}`).toBeDefined();
        expect(text, `${topic}/${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(Object.keys(PERSONAL_PLACEHOLDERS)).toEqual(["tax-card", "tax-refund", "residual-tax"]);
  });

  it("writes the Finnish refund sentence as a customer reads it", () => {
    const templates = loadBotContent().topics.get("tax-refund")?.fi.personal ?? {};

    const text = personalAnswer("tax-refund", "fi", data(), templates);

    expect(text).toContain(`veronpalautusta 1${NBSP}234,56 euroa`);
    expect(text).toContain("tilillesi 31.7.2026");
  });
});

describe("the tax year in personal answers", () => {
  it("names the data's tax year, written as a year, in every refund and residual-tax variant of the real content", () => {
    // Prepare: a tax year other than the personas', so that only the data can have said it.
    const content = loadBotContent();
    const late = new Date("2026-12-01T12:00:00Z");
    const cases: [PersonalTopicId, CustomerTaxData, Date?][] = [
      ["tax-refund", data({ taxYear: 2024 })],
      ["tax-refund", data({ taxYear: 2024 }), late],
      ["tax-refund", data({ taxYear: 2024, refund: undefined })],
      ["residual-tax", data({ taxYear: 2024 })],
      ["residual-tax", data({ taxYear: 2024 }), late],
      ["residual-tax", data({ taxYear: 2024, residualTax: undefined })],
    ];
    for (const [topic, customer, today] of cases) {
      for (const lang of LANGS) {
        const templates = content.topics.get(topic)?.[lang].personal ?? {};

        // Act
        const text = personalAnswer(topic, lang, customer, templates, today ? { today } : {});

        // Assess: "2024", never "2 024", and no "this year" left beside it.
        expect(text, `${topic}/${lang}`).toContain("2024");
        expect(text, `${topic}/${lang}`).not.toMatch(/2[\s\u00a0]024/);
        expect(text, `${topic}/${lang}`).not.toMatch(/tältä vuodelta|det här året/);
      }
    }
  });

  it('says "vuodelta 2025" and "för skatteåret 2025" when there is no refund', () => {
    const content = loadBotContent();
    const none = data({ refund: undefined });

    const fi = personalAnswer(
      "tax-refund",
      "fi",
      none,
      content.topics.get("tax-refund")?.fi.personal ?? {},
    );
    const sv = personalAnswer(
      "tax-refund",
      "sv",
      none,
      content.topics.get("tax-refund")?.sv.personal ?? {},
    );

    expect(fi).toContain("ei tule veronpalautusta vuodelta 2025.");
    expect(sv).toContain("ingen skatteåterbäring för skatteåret 2025.");
  });
});

describe("personal answers on the service's today", () => {
  const templates = () => loadBotContent().topics.get("tax-refund")?.fi.personal ?? {};

  it("says a refund will be paid before its day and was paid from that day on", () => {
    const before = personalAnswer("tax-refund", "fi", data(), templates(), {
      today: new Date("2026-07-30T12:00:00+03:00"),
    });
    const after = personalAnswer("tax-refund", "fi", data(), templates(), {
      today: new Date("2026-11-24T12:00:00+02:00"),
    });
    expect(before).toContain("Palautus maksetaan tilillesi 31.7.2026");
    expect(after).toContain("maksettiin veronpalautusta");
    expect(after).not.toContain("maksetaan");
  });

  it("never calls a passed residual-tax due date the next one, in either language", () => {
    const today = new Date("2026-11-24T12:00:00+02:00");
    for (const lang of LANGS) {
      const real = loadBotContent().topics.get("residual-tax")?.[lang].personal ?? {};

      const text = personalAnswer("residual-tax", lang, data(), real, { today });

      expect(text, lang).toContain("2.11.2026");
      expect(text, lang).not.toMatch(/Seuraava eräpäivä|Nästa förfallodag/);
    }
  });
});
