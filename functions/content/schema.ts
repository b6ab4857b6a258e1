import * as z from "zod";
import { langSchema } from "../contracts/lang.ts";
import { NO_INTENT, TOPIC_IDS, type TopicId } from "../contracts/topics.ts";

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
] as const;
export const ACTIONS = ["handoff", "callback", "appointment"] as const;

/** Placeholders each personalised template may use, filled from the customer's own data. */
export const PERSONAL_PLACEHOLDERS = {
  "tax-card": { default: ["withholdingRate", "additionalRate", "incomeLimit", "validFrom"] },
  "tax-refund": { due: ["refundAmount", "refundDate"], none: [] },
  "residual-tax": { due: ["residualAmount", "dueDate", "referenceNumber"], none: [] },
} as const satisfies Partial<Record<TopicId, Record<string, readonly string[]>>>;

export type PersonalTopicId = keyof typeof PERSONAL_PLACEHOLDERS;

/** True when the link's host is on the allow-list or a subdomain of an allowed host. */
export function isAllowedLinkHost(host: string): boolean {
  const h = host.toLowerCase();
  return LINK_HOST_ALLOW_LIST.some((allowed) => h === allowed || h.endsWith(`.${allowed}`));
}

const nonBlank = z.string().trim().min(1, "must not be empty");

export const linkSchema = z.strictObject({
  label: nonBlank.max(MAX_TITLE_CHARS * 2),
  url: z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a valid web address` });
      return;
    }
    if (url.protocol !== "https:") {
      ctx.addIssue({
        code: "custom",
        message: `link must start with https:// (got ${url.protocol}//)`,
      });
    } else if (!isAllowedLinkHost(url.hostname)) {
      ctx.addIssue({
        code: "custom",
        message: `link host ${url.hostname} is not allowed; use one of ${LINK_HOST_ALLOW_LIST.join(", ")}`,
      });
    }
  }),
});

const personalSchema = z.record(z.string(), nonBlank);

export const topicLocaleSchema = z.strictObject({
  title: nonBlank.max(MAX_TITLE_CHARS),
  utterances: z.array(nonBlank).min(MIN_UTTERANCES_PER_LANG),
  answer: nonBlank.max(MAX_ANSWER_CHARS),
  links: z.array(linkSchema).optional(),
  personal: personalSchema.optional(),
});

const topicIdSchema = z.enum(TOPIC_IDS, {
  error: () => `unknown topic id; known ids are ${TOPIC_IDS.join(", ")}`,
});

export const topicFileSchema = z.strictObject({
  id: topicIdSchema,
  demo: z.boolean().optional(),
  action: z.enum(ACTIONS).optional(),
  followUps: z.array(topicIdSchema).optional(),
  fi: topicLocaleSchema,
  sv: topicLocaleSchema,
});

export const outOfScopeFileSchema = z.strictObject({
  fi: z.array(nonBlank),
  sv: z.array(nonBlank),
});

export const testFileSchema = z.strictObject({
  lang: langSchema,
  cases: z.array(
    z.strictObject({
      text: nonBlank,
      intent: z.enum([...TOPIC_IDS, NO_INTENT], {
        error: () => `unknown intent; use "none" or one of ${TOPIC_IDS.join(", ")}`,
      }),
    }),
  ),
});

export type TopicFile = z.infer<typeof topicFileSchema>;
export type TopicLocale = z.infer<typeof topicLocaleSchema>;
export type TopicLink = z.infer<typeof linkSchema>;
export type TopicAction = (typeof ACTIONS)[number];
export type OutOfScopeFile = z.infer<typeof outOfScopeFileSchema>;
export type TestFile = z.infer<typeof testFileSchema>;

/** A validated topic, exactly as its content file describes it. */
export type Topic = TopicFile;

/** Everything the bot knows, validated; the input to both recognisers and to fulfillment. */
export interface BotContent {
  topics: Map<TopicId, Topic>;
  outOfScope: OutOfScopeFile;
}
