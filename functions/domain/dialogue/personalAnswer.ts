/**
 * The personalised answer for tax-card, tax-refund and residual-tax: picks the template
 * variant that fits the customer's data and fills it with numbers and dates written the way
 * a Finnish- or Swedish-speaking reader in Finland expects them.
 *
 * Call only for a customer whose identity the server verified with substantial or high
 * assurance (`canSeePersonalData`); this function does not know who is asking. The dialogue
 * (dialogue.ts) is the one caller that checks it.
 */

import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";
import type { CustomerTaxData } from "../customerData/customerData.ts";
import { PERSONAL_TOPICS } from "./answerTurn.ts";
import { fillTemplate } from "./topicAnswer.ts";

export type PersonalTopic = "tax-card" | "tax-refund" | "residual-tax";

/** Whether the topic's answer can be the customer's own figures. */
export function isPersonalTopic(topic: string): topic is PersonalTopic {
  return PERSONAL_TOPICS.has(topic as TopicId);
}

const LOCALES: Record<Lang, string> = { fi: "fi-FI", sv: "sv-FI" };
const TIME_ZONE = "Europe/Helsinki";

/**
 * The filled personal template, or undefined when there is no data or no template for the
 * variant (the caller then gives the general answer). `today` picks residual tax's next due
 * date (or that all have passed) and whether a refund is still to come or paid; without it
 * the first instalment is named and a refund is still to come.
 */
export function personalAnswer(
  topic: PersonalTopic,
  lang: Lang,
  data: CustomerTaxData | undefined,
  templates: Record<string, string>,
  options: { today?: Date } = {},
): string | undefined {
  if (!data) return undefined;
  const chosen = variant(topic, lang, data, options.today);
  const template = templates[chosen.name];
  return template === undefined ? undefined : fillTemplate(template, chosen.values);
}

interface Variant {
  name: string;
  values: Record<string, string>;
}

function variant(topic: PersonalTopic, lang: Lang, data: CustomerTaxData, today?: Date): Variant {
  const f = formatters(lang);
  // The year as a year ("2025"), never grouped as a number would be ("2 025").
  const taxYear = String(data.taxYear);
  switch (topic) {
    case "tax-card":
      return {
        name: "default",
        values: {
          withholdingRate: f.percent(data.taxCard.withholdingRate),
          additionalRate: f.percent(data.taxCard.additionalRate),
          incomeLimit: f.limit(data.taxCard.incomeLimitCents),
          validFrom: f.date(data.taxCard.validFrom),
        },
      };
    case "tax-refund":
      return data.refund && data.refund.amountCents > 0
        ? {
            // Before the payment day the refund "will be paid"; from then on it "was paid".
            name: today && data.refund.paymentDate <= helsinkiIsoDate(today) ? "paid" : "due",
            values: {
              refundAmount: f.money(data.refund.amountCents),
              refundDate: f.date(data.refund.paymentDate),
              taxYear,
            },
          }
        : { name: "none", values: { taxYear } };
    case "residual-tax": {
      const residual = data.residualTax;
      const due = residual && dueDateFor(residual.dueDates, today);
      return residual && residual.amountCents > 0 && due
        ? {
            // A passed day is never called the "next" due date: the customer may have paid, or
            // owes late-payment interest, and the text says so instead.
            name: due.passed ? "past" : "due",
            values: {
              residualAmount: f.money(residual.amountCents),
              dueDate: f.date(due.date),
              referenceNumber: residual.referenceNumber,
              taxYear,
            },
          }
        : { name: "none", values: { taxYear } };
    }
  }
}

/**
 * The first due date on or after today (Finnish calendar); when all have passed, the last one,
 * marked passed. Without today, the first one.
 */
function dueDateFor(
  dueDates: readonly string[],
  today?: Date,
): { date: string; passed: boolean } | undefined {
  const sorted = [...dueDates].sort();
  const last = sorted.at(-1);
  if (last === undefined) return undefined;
  if (!today) return { date: sorted[0] ?? last, passed: false };
  const todayIso = helsinkiIsoDate(today);
  const next = sorted.find((d) => d >= todayIso);
  return next ? { date: next, passed: false } : { date: last, passed: true };
}

function helsinkiIsoDate(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Number and date formats for one language. Amounts carry no currency sign because the
 * templates already say "euroa" / "euro" after the placeholder.
 */
function formatters(lang: Lang) {
  const locale = LOCALES[lang];
  const cents = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "numeric",
    year: "numeric",
  });
  return {
    /** 123456 → "1 234,56", as amounts appear on a tax decision. */
    money: (amountCents: number) => cents.format(amountCents / 100),
    /** An income limit in whole euros when it is one (4000000 → "40 000"). */
    limit: (amountCents: number) =>
      amountCents % 100 === 0 ? whole.format(amountCents / 100) : cents.format(amountCents / 100),
    percent: (value: number) => percent.format(value),
    // Noon UTC is the same calendar day in Helsinki all year round.
    date: (isoDate: string) => date.format(new Date(`${isoDate}T12:00:00Z`)),
  };
}
