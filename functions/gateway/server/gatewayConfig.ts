import * as z from "zod";
import { type Config, ConfigError, loadConfig } from "../../config.ts";

const redisUrl = z
  .url()
  .refine((u) => /^rediss?:\/\//.test(u), "must start with redis:// or rediss://");

// Which recogniser answers (-c recogniser at deploy): the Lex bot by default, or the embedded
// one in this task, which needs no bot and follows the live content version in DynamoDB.
const gatewayEnvSchema = z.discriminatedUnion("RECOGNISER", [
  z.object({
    /** ElastiCache (Valkey) for the socket.io adapter; rediss:// in AWS (TLS required). */
    REDIS_URL: redisUrl,
    RECOGNISER: z.literal("lex").default("lex"),
    LEX_BOT_ID: z.string().regex(/^[0-9A-Z]{10}$/, "a 10-character Lex bot id"),
    LEX_BOT_ALIAS_ID: z.string().regex(/^[0-9A-Z]{10}$/, "a 10-character Lex bot alias id"),
  }),
  z.object({
    REDIS_URL: redisUrl,
    RECOGNISER: z.literal("embedded"),
    /** Becomes version 1 of an empty content table (the image's copy of bot-content/). */
    BOT_CONTENT_DIR: z.string().min(1).optional(),
  }),
]);

export type GatewayConfig = Config & z.infer<typeof gatewayEnvSchema>;

/**
 * The Fargate gateway's configuration: the service's own (functions/config.ts) plus where
 * Redis and the Lex bot are. Read once at start; a bad value stops the task with its name.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const base = loadConfig(env);
  const result = gatewayEnvSchema.safeParse({ ...env, RECOGNISER: env.RECOGNISER ?? "lex" });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  if (!base.OIDC_ISSUER) {
    // The local identity provider exists only in local mode; AWS must name a real issuer.
    throw new ConfigError("Invalid configuration:\n  OIDC_ISSUER: required for the gateway");
  }
  return { ...base, ...result.data };
}
