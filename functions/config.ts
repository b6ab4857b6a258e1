import * as z from "zod";
import { numberFrom, PARSE_ONCE, wholeNumber } from "./contracts/validation.ts";
import {
  DEFAULT_DIALOGUE_SETTINGS,
  type DialogueSettings,
  dialogueSettingsFor,
} from "./domain/dialogue/answerTurn.ts";

/** Raised at start-up when the environment is unusable; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const port = wholeNumber(0, 65_535);

/**
 * The LIMIT_* defaults (per address / overall, per window, per process). The CDK stack
 * divides the overall ones among the gateway's tasks from these (infra/stacks/gatewayStack.ts).
 */
export const LIMIT_DEFAULTS = {
  LIMIT_CHAT_STARTS: { perAddress: 20, overall: 2000 },
  LIMIT_HANDOFFS: { perAddress: 6, overall: 600 },
  LIMIT_BOOKINGS: { perAddress: 3, overall: 300 },
  LIMIT_CALLBACKS: { perAddress: 3, overall: 300 },
  LIMIT_SURVEYS: { perAddress: 10, overall: 2000 },
} as const;
export type LimitVariable = keyof typeof LIMIT_DEFAULTS;

/** "<per address>/<overall>", e.g. "3/300": how many one client address and all may take. */
const allowance = ({ perAddress, overall }: { perAddress: number; overall: number }) =>
  z
    .string()
    .regex(/^\d{1,7}\/\d{1,9}$/, "must be <per address>/<overall>, e.g. 3/300")
    .default(`${perAddress}/${overall}`)
    .transform((v) => {
      const [own = 0, all = 0] = v.split("/").map(Number);
      return { perAddress: own, overall: all };
    });

/** Comma-separated addresses or CIDR blocks; checked where the resolver is built. */
const addressList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every((entry) => /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry)), {
    message: "each entry must be an IP address or a CIDR block",
  });
const isoInstant = z.iso.datetime({ offset: true });
const siteSearchUrl = z
  .string()
  .refine((url) => /^https:\/\/[^/]+\//.test(url) && url.includes("{query}"), {
    message: 'must be an https URL with "{query}" where the customer\'s words go',
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: port.default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DYNAMODB_PORT: port.default(8000),
    /** When set, the service uses this DynamoDB endpoint instead of starting dynalite. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().min(1).default("eu-north-1"),
    DATA_DIR: z.string().min(1).default(".data"),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/)
      .default("asiointi-local-"),
    FAKE_TIME: isoInstant.optional(),
    TRANSCRIPT_RETENTION_DAYS: wholeNumber(1, 3650).default(90),
    SURVEY_TOKEN_TTL_HOURS: wholeNumber(1, 24 * 30).default(72),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Waiting chats per language queue beyond which customers are offered other channels. */
    HANDOFF_QUEUE_LIMIT: wholeNumber(1, 10_000).default(50),
    /** Average advisor handling time per chat, for the customer's wait estimate. */
    HANDOFF_AVERAGE_HANDLING_SECONDS: wholeNumber(30, 7_200).default(480),
    /** Concurrent chats an advisor takes unless they set their own cap. */
    ADVISOR_MAX_CHATS: wholeNumber(1, 10).default(3),
    /** Customer events one connection may send in a burst, and refilled per second. */
    CHAT_RATE_BURST: wholeNumber(1, 1000).default(20),
    CHAT_RATE_PER_SECOND: numberFrom(0, 100, { above: true }).default(1),
    /**
     * Proxies whose X-Forwarded-For is believed (the load balancer's subnet in AWS); the
     * client address behind them is what the per-address limits count. Empty: the header is
     * ignored and the connection's own peer is the client.
     */
    TRUSTED_PROXIES: addressList,
    /**
     * The secret CloudFront sends in x-origin-verify (infra/stacks/apiEdgeStack.ts): requests
     * carrying it are believed about the viewer's address (x-viewer-address). Unset locally.
     */
    EDGE_ORIGIN_SECRET: z.string().min(32).optional(),
    /** The window the LIMIT_* allowances are per; each comes back evenly over it. */
    LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400).default(3600),
    /** New chats per window: one client address / all together (per process). */
    LIMIT_CHAT_STARTS: allowance(LIMIT_DEFAULTS.LIMIT_CHAT_STARTS),
    /** Requests for a person per window. */
    LIMIT_HANDOFFS: allowance(LIMIT_DEFAULTS.LIMIT_HANDOFFS),
    /** Appointment bookings per window. */
    LIMIT_BOOKINGS: allowance(LIMIT_DEFAULTS.LIMIT_BOOKINGS),
    /** Callback requests per window. */
    LIMIT_CALLBACKS: allowance(LIMIT_DEFAULTS.LIMIT_CALLBACKS),
    /** Survey answers per window. */
    LIMIT_SURVEYS: allowance(LIMIT_DEFAULTS.LIMIT_SURVEYS),
    /** How long a queued chat keeps its place after its customer's last connection went. */
    QUEUE_CUSTOMER_GRACE_SECONDS: numberFrom(0, 3600).default(120),
    /**
     * How often a gateway writes the report counts it has summed; a crash loses at most this
     * much of the counts (never chats or messages). 0 writes each event as it happens. Each
     * write is one update per counter row touched since the last (up to three per topic and
     * language): at 5 s they were about a quarter of the service's DynamoDB requests at 300 customers,
     * and a report flushes its own process's counts before reading anyway.
     */
    REPORT_FLUSH_SECONDS: numberFrom(0, 300).default(15),
    /**
     * Locally, how often expired items are deleted (dynalite has no TTL; in AWS DynamoDB's own
     * TTL does it at no cost to the service). 0 = never: the load bench, whose service must
     * not pay for work that in production is not its own.
     */
    LOCAL_TTL_SWEEP_SECONDS: numberFrom(0, 86_400).default(60),
    /** How long a disconnected advisor keeps their chats before they go back to the queue. */
    ADVISOR_GRACE_SECONDS: numberFrom(0, 600).default(30),
    /** Idle time after which a chat asks whether the customer is still there; 0 = never. */
    CHAT_IDLE_WARNING_SECONDS: numberFrom(0, 86_400).default(600),
    /** Further idle time after that warning before the chat ends with the survey. */
    CHAT_IDLE_END_SECONDS: numberFrom(0, 86_400).default(120),
    /**
     * Four-eyes for bot content: a version goes live only when a second person with the
     * content-reviewer role approves it. "false" lets a publish go live at once.
     */
    CONTENT_REVIEW_REQUIRED: z
      .enum(["true", "false"], { message: 'must be "true" or "false"' })
      .default("true")
      .transform((v) => v === "true"),
    /**
     * The publisher function the content API hands an approved version's go-live to (AWS:
     * the Lex build outlasts a request). Unset, approving makes the version live in-process.
     */
    CONTENT_PUBLISHER_FUNCTION: z.string().min(1).optional(),
    /** How often a process checks which content version is live (another task may move it). */
    CONTENT_POLL_SECONDS: numberFrom(1, 300).default(10),
    /**
     * The share of one core (percent) that training a content version may use while the
     * process is answering customers: the training worker rests between slices of work, so a
     * version takes longer to go live (about twice as long at 50) and customers' replies lose
     * less meanwhile (docs/recogniser.md). While the chats' event loop is quiet it uses the
     * whole core. 100 = no rests.
     */
    TRAINING_CPU_PERCENT: wholeNumber(1, 100).default(50),
    /**
     * Whether this process keeps customers' questions for the missed-question inbox. Off, the
     * inbox stays empty (votes are still counted): for an agency that does not want it, and
     * for the bench's comparison of its cost.
     */
    MISSED_QUESTION_INBOX: z
      .enum(["true", "false"], { message: 'must be "true" or "false"' })
      .default("true")
      .transform((v) => v === "true"),
    /**
     * The missed-question inbox keeps a question the bot answered with a confidence below
     * this (besides misses, unhelpful votes and requests for a person); 0 keeps none for it.
     */
    INBOX_CONFIDENCE_BELOW: numberFrom(0, 1).default(0.65),
    /**
     * The share of surely answered questions the inbox keeps anyway, drawn at random, for an
     * answer review (a confident wrong answer nobody votes on is otherwise never seen); 0
     * keeps none.
     */
    INBOX_SAMPLE_RATE: numberFrom(0, 1).default(0.02),
    /**
     * The agency's site search, offered with the customer's words when the bot has no
     * answer; `{query}` marks where the words go.
     */
    SITE_SEARCH_URL_FI: siteSearchUrl.default(DEFAULT_DIALOGUE_SETTINGS.siteSearchUrl.fi),
    SITE_SEARCH_URL_SV: siteSearchUrl.default(DEFAULT_DIALOGUE_SETTINGS.siteSearchUrl.sv),
    /** Customer ID-token issuer (Suomi.fi broker or Cognito); unset locally = the /dev IdP. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_AUDIENCE: z.string().min(1).default("asiointi-chat"),
    /** The issuer's JWKS; required with OIDC_ISSUER (discovery is not fetched at start-up). */
    OIDC_JWKS_URL: z.url().optional(),
    /** Console token issuer and its keys; default to the customer issuer's. */
    STAFF_ISSUER: z.url().optional(),
    STAFF_AUDIENCE: z.string().min(1).default("asiointi-console"),
    STAFF_JWKS_URL: z.url().optional(),
    /** Longest lifetime (exp - iat) of a customer or console token that is accepted. */
    /**
     * Browser origins allowed to use socket.io and /api (comma-separated, e.g.
     * `https://www.vero.fi,https://asiointi.vero.fi`); locally the service's own is added.
     * Requests without an Origin (scripts, the bench) are not browsers and are unaffected.
     */
    ALLOWED_ORIGINS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .url()
            .refine((o) => new URL(o).origin === o, "must be an origin like https://host[:port]"),
        ),
      ),
    /** A DynamoDB call unanswered this long fails with SERVICE_UNAVAILABLE, not retried. */
    STORAGE_TIMEOUT_MS: wholeNumber(200, 30_000).default(2_500),
    TOKEN_MAX_LIFETIME_SECONDS: wholeNumber(300, 86_400).default(43_200),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.FAKE_TIME) {
      ctx.addIssue({
        code: "custom",
        path: ["FAKE_TIME"],
        message: "FAKE_TIME is for local mode only and is refused when NODE_ENV=production",
      });
    }
    if (env.OIDC_ISSUER && !env.OIDC_JWKS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_JWKS_URL"],
        message: "OIDC_JWKS_URL is required when OIDC_ISSUER is set",
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

const expectedForm: Record<string, string> = {
  DYNAMODB_ENDPOINT: "a URL such as http://127.0.0.1:8000",
  FAKE_TIME: "an ISO 8601 instant with offset, e.g. 2026-11-23T10:15:00+02:00",
  NODE_ENV: "development, test or production",
  TABLE_PREFIX: "letters, digits, '_', '.' or '-'",
  INBOX_CONFIDENCE_BELOW: "a recogniser confidence, e.g. 0.65",
  INBOX_SAMPLE_RATE: "a share between 0 and 1, e.g. 0.02",
  TRAINING_CPU_PERCENT: "a percentage of one core, e.g. 50",
  TRUSTED_PROXIES: "comma-separated addresses or CIDR blocks, e.g. 10.0.0.0/16",
  EDGE_ORIGIN_SECRET: "at least 32 characters, the value CloudFront sends in x-origin-verify",
  LIMIT_CHAT_STARTS: "<per address>/<overall> per LIMIT_WINDOW_SECONDS, e.g. 20/2000",
  LIMIT_HANDOFFS: "<per address>/<overall> per LIMIT_WINDOW_SECONDS, e.g. 6/600",
  LIMIT_BOOKINGS: "<per address>/<overall> per LIMIT_WINDOW_SECONDS, e.g. 3/300",
  LIMIT_CALLBACKS: "<per address>/<overall> per LIMIT_WINDOW_SECONDS, e.g. 3/300",
  LIMIT_SURVEYS: "<per address>/<overall> per LIMIT_WINDOW_SECONDS, e.g. 10/2000",
  OIDC_ISSUER: "the issuer URL exactly as in the tokens' iss claim",
  OIDC_JWKS_URL: "the issuer's JWKS URL, e.g. https://idp.example/.well-known/jwks.json",
};

/** Parses the environment once; throws ConfigError naming each bad variable and its expected form. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env, PARSE_ONCE);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const form = expectedForm[name];
    return `${name}: ${issue.message}${form ? ` (expected ${form})` : ""}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
}

/** The dialogue's settings for `recogniser`'s confidences, with this deployment's site search. */
export function dialogueSettings(
  config: Pick<Config, "SITE_SEARCH_URL_FI" | "SITE_SEARCH_URL_SV">,
  recogniser: "embedded" | "lex" = "embedded",
): DialogueSettings {
  return {
    ...dialogueSettingsFor(recogniser),
    siteSearchUrl: { fi: config.SITE_SEARCH_URL_FI, sv: config.SITE_SEARCH_URL_SV },
  };
}
