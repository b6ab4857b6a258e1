import { z } from "zod";

/** Raised at start-up when the environment is unusable; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const port = z.coerce.number().int().min(0).max(65_535);
const isoInstant = z.iso.datetime({ offset: true });

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
    TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    SURVEY_TOKEN_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(72),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.FAKE_TIME) {
      ctx.addIssue({
        code: "custom",
        path: ["FAKE_TIME"],
        message: "FAKE_TIME is for local mode only and is refused when NODE_ENV=production",
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

const expectedForm: Record<string, string> = {
  PORT: "an integer 0-65535",
  DYNAMODB_PORT: "an integer 0-65535",
  DYNAMODB_ENDPOINT: "a URL such as http://127.0.0.1:8000",
  FAKE_TIME: "an ISO 8601 instant with offset, e.g. 2026-11-23T10:15:00+02:00",
  NODE_ENV: "development, test or production",
  TABLE_PREFIX: "letters, digits, '_', '.' or '-'",
};

/** Parses the environment once; throws ConfigError naming each bad variable and its expected form. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const form = expectedForm[name];
    return `${name}: ${issue.message}${form ? ` (expected ${form})` : ""}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
}
