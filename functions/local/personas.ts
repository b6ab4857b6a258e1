/**
 * Synthetic test persons for the local identity provider. None of them exists: the identity
 * codes carry individual numbers 900-999, which are temporary codes never issued to a real
 * person, and each has a valid check character so that leak tests recognise them.
 *
 * Ids are fixed: scripts, tests and the docs use them.
 */
import type { Lang } from "../contracts/lang.ts";
import type { CustomerTaxData } from "../domain/customerData/customerData.ts";
import type { StaffRole } from "../domain/identity/identity.ts";

interface PersonaBase {
  id: string;
  /** The stable opaque subject (`sub`) the identity provider issues for this person. */
  subject: string;
  name: string;
  description: Record<Lang, string>;
}

export interface CustomerPersona extends PersonaBase {
  kind: "customer";
  givenName: string;
  familyName: string;
  /** The language the person would chat in. */
  lang: Lang;
  acr: string;
  /** Synthetic identity code, sent only in the `hetu` claim so tests can prove it never leaks. */
  hetu: string;
  taxData: CustomerTaxData;
}

export interface StaffPersona extends PersonaBase {
  kind: "staff";
  roles: StaffRole[];
  languages: Lang[];
}

export type Persona = CustomerPersona | StaffPersona;

const SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
const HIGH = "http://eidas.europa.eu/LoA/high";
const LOW = "http://eidas.europa.eu/LoA/low";

function customer(
  p: Omit<CustomerPersona, "kind" | "name" | "taxData"> & {
    taxData: Omit<CustomerTaxData, "subject" | "taxYear">;
  },
): CustomerPersona {
  return {
    ...p,
    kind: "customer",
    name: `${p.givenName} ${p.familyName}`,
    // Decisions for tax year 2025, paid and due in 2026.
    taxData: { subject: p.subject, taxYear: 2025, ...p.taxData },
  };
}

export const PERSONAS: readonly Persona[] = [
  customer({
    id: "customer-refund",
    subject: "d73e9f6f-7c4c-4782-b331-d3d7f7db1473",
    givenName: "Aino",
    familyName: "Virtanen",
    lang: "fi",
    acr: SUBSTANTIAL,
    hetu: "140385-912T",
    description: { fi: "Veronpalautusta tulossa", sv: "Skatteåterbäring på kommande" },
    taxData: {
      taxCard: {
        withholdingRate: 23.5,
        additionalRate: 40,
        incomeLimitCents: 4_000_000,
        validFrom: "2026-02-01",
      },
      refund: { amountCents: 123_456, paymentDate: "2026-07-31" },
    },
  }),
  customer({
    id: "customer-residual",
    subject: "a2be612e-d236-4c46-ad2f-645d5ae144f9",
    givenName: "Mikko",
    familyName: "Korhonen",
    lang: "fi",
    acr: HIGH,
    hetu: "021172-934V",
    description: { fi: "Jäännösveroa maksettavana", sv: "Kvarskatt att betala" },
    taxData: {
      taxCard: {
        withholdingRate: 31,
        additionalRate: 48.5,
        incomeLimitCents: 5_500_000,
        validFrom: "2026-02-01",
      },
      residualTax: {
        amountCents: 248_000,
        dueDates: ["2026-09-01", "2026-11-02"],
        referenceNumber: "110 00234 59870",
      },
    },
  }),
  customer({
    id: "customer-none",
    subject: "e554eef3-2da7-47df-983b-6d535fe5d08d",
    givenName: "Laura",
    familyName: "Mäkinen",
    lang: "fi",
    acr: SUBSTANTIAL,
    hetu: "270690-9515",
    description: {
      fi: "Ei palautusta eikä jäännösveroa",
      sv: "Varken återbäring eller kvarskatt",
    },
    taxData: {
      taxCard: {
        withholdingRate: 18.5,
        additionalRate: 38,
        incomeLimitCents: 3_000_000,
        validFrom: "2026-02-01",
      },
    },
  }),
  customer({
    id: "customer-sv",
    subject: "c5cc89d0-fc0f-46f5-8781-8968bba9946f",
    givenName: "Erik",
    familyName: "Lindqvist",
    lang: "sv",
    acr: SUBSTANTIAL,
    hetu: "090968-9785",
    description: {
      fi: "Ruotsinkielinen, veronpalautusta tulossa",
      sv: "Svenskspråkig, skatteåterbäring på kommande",
    },
    taxData: {
      taxCard: {
        withholdingRate: 27,
        additionalRate: 44,
        incomeLimitCents: 4_650_000,
        validFrom: "2026-02-01",
      },
      refund: { amountCents: 41_280, paymentDate: "2026-08-25" },
    },
  }),
  customer({
    id: "customer-low",
    subject: "80d99327-00f2-4076-8abd-ac7fbcce3185",
    givenName: "Pekka",
    familyName: "Nieminen",
    lang: "fi",
    acr: LOW,
    hetu: "300101A9867",
    description: {
      fi: "Heikko tunnistus (taso low): omia tietoja ei näytetä",
      sv: "Svag identifiering (nivå low): egna uppgifter visas inte",
    },
    // Has data on purpose: tests prove a low-assurance sign-in still cannot read it.
    taxData: {
      taxCard: {
        withholdingRate: 12,
        additionalRate: 32,
        incomeLimitCents: 1_800_000,
        validFrom: "2026-02-01",
      },
      refund: { amountCents: 9_840, paymentDate: "2026-07-31" },
    },
  }),
  {
    id: "advisor-fi",
    kind: "staff",
    subject: "71d0156e-951e-44cf-bfbc-8cb160f78ee6",
    name: "Sanna Heikkinen",
    roles: ["advisor"],
    languages: ["fi"],
    description: { fi: "Asiakasneuvoja, suomi", sv: "Kundrådgivare, finska" },
  },
  {
    id: "advisor-sv",
    kind: "staff",
    subject: "e5bf17e1-91da-4fa6-84b7-21d71c2f97de",
    name: "Johanna Björklund",
    roles: ["advisor"],
    languages: ["sv"],
    description: { fi: "Asiakasneuvoja, ruotsi", sv: "Kundrådgivare, svenska" },
  },
  {
    id: "advisor-both",
    kind: "staff",
    subject: "d19f0cac-b944-4999-8576-8d6bd889c1d8",
    name: "Jari Koskinen",
    roles: ["advisor"],
    languages: ["fi", "sv"],
    description: {
      fi: "Asiakasneuvoja, suomi ja ruotsi",
      sv: "Kundrådgivare, finska och svenska",
    },
  },
  {
    id: "supervisor",
    kind: "staff",
    subject: "0ac5244a-4b17-49f9-95e2-caebc1411ddc",
    name: "Tuula Järvinen",
    roles: ["supervisor"],
    languages: ["fi", "sv"],
    description: { fi: "Esihenkilö, suomi ja ruotsi", sv: "Förman, finska och svenska" },
  },
  {
    id: "content-owner",
    kind: "staff",
    subject: "5b1f7c2e-8d4a-4c61-9e3b-2a7d0f6c9b14",
    name: "Outi Lahtinen",
    roles: ["content-owner"],
    languages: ["fi", "sv"],
    description: {
      fi: "Sisällön omistaja: muokkaa ja julkaisee botin aiheita",
      sv: "Innehållsägare: redigerar och publicerar botens ämnen",
    },
  },
  {
    id: "content-reviewer",
    kind: "staff",
    subject: "c2e94a07-3f6b-4d18-b5a9-7e1c8d2f4a63",
    name: "Henrik Saarinen",
    roles: ["content-owner", "content-reviewer"],
    languages: ["fi", "sv"],
    description: {
      fi: "Sisällön tarkastaja: hyväksyy muiden julkaisemat versiot",
      sv: "Innehållsgranskare: godkänner versioner som andra publicerat",
    },
  },
];

export const CUSTOMER_PERSONAS = PERSONAS.filter(
  (p): p is CustomerPersona => p.kind === "customer",
);

/** The persona with this id, if any. */
export function findPersona(id: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === id);
}

/** Tax data of every customer persona as written above (dates of one sample year). */
export const DEMO_CUSTOMER_DATA: readonly CustomerTaxData[] = CUSTOMER_PERSONAS.map(
  (p) => p.taxData,
);

const DAY_MS = 86_400_000;

/** `today` plus `days`, as a calendar date (YYYY-MM-DD). */
function dayFrom(today: Date, days: number): string {
  return new Date(today.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Where each persona stands relative to the service's today, so that a demo on any date
 * (FAKE_TIME included) shows what the persona's description promises: a refund still to
 * come (customer-refund, customer-low), one already paid (customer-sv, to show the "paid"
 * wording), residual tax with instalments ahead.
 */
const RELATIVE_DATES: Record<string, { refundInDays?: number; dueInDays?: number[] }> = {
  "customer-refund": { refundInDays: 12 },
  "customer-residual": { dueInDays: [9, 70] },
  "customer-sv": { refundInDays: -20 },
  "customer-low": { refundInDays: 12 },
};

/**
 * Tax data of every customer persona as of `today` (the service clock), for seeding the local
 * `customers` table: decisions for last year, a tax card valid since February, and payment
 * and due dates placed around today.
 */
export function demoCustomerData(today: Date): CustomerTaxData[] {
  const year = Number(dayFrom(today, 0).slice(0, 4));
  const cardYear = dayFrom(today, 0).slice(5) >= "02-01" ? year : year - 1;
  return CUSTOMER_PERSONAS.map((p) => {
    const relative = RELATIVE_DATES[p.id] ?? {};
    const data = p.taxData;
    return {
      ...data,
      taxYear: cardYear - 1,
      taxCard: { ...data.taxCard, validFrom: `${cardYear}-02-01` },
      ...(data.refund
        ? {
            refund: {
              ...data.refund,
              paymentDate: dayFrom(today, relative.refundInDays ?? 12),
            },
          }
        : {}),
      ...(data.residualTax
        ? {
            residualTax: {
              ...data.residualTax,
              dueDates: (relative.dueInDays ?? [9, 70]).map((d) => dayFrom(today, d)),
            },
          }
        : {}),
    };
  });
}
