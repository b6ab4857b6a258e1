import * as z from "zod";
import type { SchemaFinding } from "./contentFindings.ts";
import { langSchema } from "./lang.ts";
import {
  NO_INTENT,
  RESERVED_TOPIC_IDS,
  type SystemTopicId,
  TOPIC_ID_MAX_LENGTH,
  TOPIC_ID_PATTERN,
  TOPIC_ID_RULE,
  type TopicId,
} from "./topics.ts";

/** Fewer examples than this per language and the recogniser cannot learn a topic reliably. */
export const MIN_UTTERANCES_PER_LANG = 20;
/** Answers must fit a chat bubble on a phone; longer answers belong behind a link. */
export const MAX_ANSWER_CHARS = 700;
/** Quick-reply buttons truncate beyond this. */
export const MAX_TITLE_CHARS = 40;
/** Links may only lead to public-sector sites the agency trusts (and their subdomains). */
export const LINK_HOST_ALLOW_LIST = [
  "vero.fi",
  "suomi.fi",
  "dvv.fi",
  "kela.fi",
  "traficom.fi",
  "poliisi.fi",
  "migri.fi",
  "infofinland.fi",
  "tyomarkkinatori.fi",
] as const;
/** What the answer offers to do next; each is a button in the chat (a protocol action type). */
export const ACTIONS = [
  "handoff",
  "callback",
  "appointment",
  "change-appointment",
  "end-chat",
] as const;

/**
 * Placeholders each personalised template may use, filled from the customer's own data.
 * `taxYear` is the year the decisions concern (2025 for decisions made in 2026), so an answer
 * names it rather than saying "this year".
 */
export const PERSONAL_PLACEHOLDERS = {
  "tax-card": { default: ["withholdingRate", "additionalRate", "incomeLimit", "validFrom"] },
  "tax-refund": {
    due: ["refundAmount", "refundDate", "taxYear"],
    /** The payment date has passed: "was paid", not "will be paid". */
    paid: ["refundAmount", "refundDate", "taxYear"],
    none: ["taxYear"],
  },
  "residual-tax": {
    due: ["residualAmount", "dueDate", "referenceNumber", "taxYear"],
    /** Every due date has passed: `dueDate` is the last one, not a "next" one. */
    past: ["residualAmount", "dueDate", "referenceNumber", "taxYear"],
    none: ["taxYear"],
  },
} as const satisfies Partial<Record<SystemTopicId, Record<string, readonly string[]>>>;

export type PersonalTopicId = keyof typeof PERSONAL_PLACEHOLDERS;

/** True when the link's host is on the allow-list or a subdomain of an allowed host. */
export function isAllowedLinkHost(host: string): boolean {
  const h = host.toLowerCase();
  return LINK_HOST_ALLOW_LIST.some((allowed) => h === allowed || h.endsWith(`.${allowed}`));
}

const nonBlank = z.string().trim().min(1, "must not be empty");

/**
 * One rule for every web address the content gives customers (a link, or an address written
 * into an answer): https only, on an allowed host. `said` names the address in the messages.
 */
function checkAddress(url: URL, ctx: z.RefinementCtx, said: { https: string; host: string }) {
  if (url.protocol !== "https:") {
    ctx.addIssue({
      code: "custom",
      message: `${said.https} must start with https:// (got ${url.protocol}//)`,
      params: { finding: "notHttps", protocol: url.protocol } satisfies SchemaFinding,
    });
  } else if (!isAllowedLinkHost(url.hostname)) {
    ctx.addIssue({
      code: "custom",
      message: `${said.host} ${url.hostname} is not allowed; use one of ${LINK_HOST_ALLOW_LIST.join(", ")}`,
      params: {
        finding: "hostNotAllowed",
        host: url.hostname,
        allowed: LINK_HOST_ALLOW_LIST,
      } satisfies SchemaFinding,
    });
  }
}

export const linkSchema = z.strictObject({
  label: nonBlank.max(MAX_TITLE_CHARS * 2),
  url: z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a valid web address`,
        params: { finding: "notAnAddress", url: value } satisfies SchemaFinding,
      });
      return;
    }
    checkAddress(url, ctx, { https: "link", host: "link host" });
  }),
});

/**
 * Web addresses written into an answer's text. The widget shows them as text, not links, but
 * a customer may still copy one: the same hosts as the links are allowed, and the Links field
 * is where an address belongs. Only what reads as an address (a scheme or www.) is checked;
 * "vero.fi" named in a sentence is the agency's name as much as an address.
 */
const ADDRESS_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi;

function answerText(max: number) {
  return nonBlank.max(max).superRefine((value, ctx) => {
    for (const [written] of value.matchAll(ADDRESS_IN_TEXT)) {
      let url: URL;
      try {
        url = new URL(/^www\./i.test(written) ? `https://${written}` : written);
      } catch {
        continue;
      }
      checkAddress(url, ctx, { https: `${written}: an address`, host: "address host" });
    }
  });
}

const personalSchema = z.record(z.string(), nonBlank);

export const topicLocaleSchema = z.strictObject({
  title: nonBlank.max(MAX_TITLE_CHARS),
  utterances: z.array(nonBlank).min(MIN_UTTERANCES_PER_LANG),
  answer: answerText(MAX_ANSWER_CHARS),
  links: z.array(linkSchema).optional(),
  personal: personalSchema.optional(),
});

/** The form of a topic id; whether the topic exists is checked against the content. */
export const topicIdSchema = z
  .string()
  .max(TOPIC_ID_MAX_LENGTH, `a topic id is at most ${TOPIC_ID_MAX_LENGTH} characters`)
  .regex(TOPIC_ID_PATTERN, `a topic id uses ${TOPIC_ID_RULE}`);

/** How a review date is written: an ISO calendar date, as in `reviewBy: 2027-01-31`. */
export const REVIEW_DATE_FORMAT = "YYYY-MM-DD";

/**
 * A calendar date written YYYY-MM-DD that exists (2027-02-30 does not). A string, never a
 * Date: the YAML parser reads 2027-01-31 as text, and the day is the agency's, not an instant.
 */
const calendarDate = z.string().superRefine((value, ctx) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = (match ?? []).slice(1).map(Number) as [number, number, number];
  const date = match ? new Date(Date.UTC(year, month - 1, day)) : undefined;
  if (date && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return;
  ctx.addIssue({
    code: "custom",
    message: `"${value}" is not a date written ${REVIEW_DATE_FORMAT}`,
    params: { finding: "notADate", value } satisfies SchemaFinding,
  });
});

/**
 * Whether a topic is past its review date on `today` (both YYYY-MM-DD, the agency's day in
 * Europe/Helsinki): the date is the last day its answer counts as checked.
 */
export function isReviewOverdue(reviewBy: string | undefined, today: string): boolean {
  return reviewBy !== undefined && reviewBy < today;
}

export const topicFileSchema = z.strictObject({
  id: topicIdSchema.refine((id) => !RESERVED_TOPIC_IDS.includes(id), {
    message: `the ids ${RESERVED_TOPIC_IDS.join(" and ")} are reserved`,
    params: { finding: "reservedId", ids: RESERVED_TOPIC_IDS } satisfies SchemaFinding,
  }),
  demo: z.boolean().optional(),
  action: z.enum(ACTIONS).optional(),
  followUps: z.array(topicIdSchema).optional(),
  /**
   * The day by which someone checks that the answer is still right (tax rates, amounts and
   * deadlines change every year); after it content:check and the studio warn.
   */
  reviewBy: calendarDate.optional(),
  fi: topicLocaleSchema,
  sv: topicLocaleSchema,
});

export const outOfScopeFileSchema = z.strictObject({
  fi: z.array(nonBlank),
  sv: z.array(nonBlank),
});

/** A referral's answer must stay a short pointer: where to go, not the other agency's guidance. */
export const MAX_REFERRAL_ANSWER_CHARS = 300;
/** Fewer sentences than this per language and the recogniser hardly learns a referral group. */
export const MIN_REFERRAL_SENTENCES = 5;

export const referralLocaleSchema = z.strictObject({
  title: nonBlank.max(MAX_TITLE_CHARS),
  answer: answerText(MAX_REFERRAL_ANSWER_CHARS),
  link: linkSchema,
  sentences: z.array(nonBlank).min(MIN_REFERRAL_SENTENCES),
});

/**
 * A referral group (bot-content/referrals/<id>.yaml): messages that belong to another agency
 * (or are small talk), answered with a short pointer and one link on that agency's site.
 */
export const referralGroupSchema = z.strictObject({
  id: topicIdSchema,
  fi: referralLocaleSchema,
  sv: referralLocaleSchema,
});

/** One held-out message: its text and the topic it should reach, or "none". */
export const testCaseSchema = z.strictObject({
  text: nonBlank,
  intent: z
    .string()
    .max(TOPIC_ID_MAX_LENGTH, `use "${NO_INTENT}" or a topic id`)
    .regex(TOPIC_ID_PATTERN, `use "${NO_INTENT}" or a topic id (${TOPIC_ID_RULE})`),
});

export const testFileSchema = z.strictObject({
  lang: langSchema,
  cases: z.array(testCaseSchema),
});

/**
 * One question about taxation that no topic covers (bot-content/uncovered/): the bot must say
 * it has no answer rather than give a topic's text. `matter` groups the questions by subject,
 * so that the set is seen to cover many matters, not many wordings of a few.
 */
export const uncoveredCaseSchema = z.strictObject({
  text: nonBlank,
  matter: z
    .string()
    .regex(TOPIC_ID_PATTERN, "use a short id of the matter, such as dog-tax")
    .max(TOPIC_ID_MAX_LENGTH),
});

export const uncoveredFileSchema = z.strictObject({
  lang: langSchema,
  cases: z.array(uncoveredCaseSchema),
});

/** The uncovered questions as the studio edits them: both languages' lists, as in the files. */
export const uncoveredListsSchema = z.strictObject({
  fi: z.array(uncoveredCaseSchema),
  sv: z.array(uncoveredCaseSchema),
});

/** A topic's test messages as the studio sends them beside the topic: its part of tests/. */
export const draftTestsSchema = z.strictObject({
  fi: z.array(z.string()).default([]),
  sv: z.array(z.string()).default([]),
});

export type TopicFile = z.infer<typeof topicFileSchema>;
export type TopicLocale = z.infer<typeof topicLocaleSchema>;
export type TopicLink = z.infer<typeof linkSchema>;
export type TopicAction = (typeof ACTIONS)[number];
export type OutOfScopeFile = z.infer<typeof outOfScopeFileSchema>;
export type ReferralGroup = z.infer<typeof referralGroupSchema>;
export type ReferralLocale = z.infer<typeof referralLocaleSchema>;
export type TestFile = z.infer<typeof testFileSchema>;
export type TestCase = z.infer<typeof testCaseSchema>;
export type UncoveredCase = z.infer<typeof uncoveredCaseSchema>;

/** A validated topic, exactly as its content file describes it. */
export type Topic = TopicFile;

/** Everything the bot knows, validated; the input to both recognisers and to fulfillment. */
export interface BotContent {
  topics: Map<TopicId, Topic>;
  outOfScope: OutOfScopeFile;
  /** Other agencies' matters and small talk, each group answered with its pointer. */
  referrals: ReferralGroup[];
}
