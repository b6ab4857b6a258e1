/**
 * Deployment stages and the context values that configure them. Everything that differs
 * between dev and prod lives here, so the stacks read one object instead of branching.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { LogLevel } from "../functions/observability/logger.ts";

export const STAGE_NAMES = ["dev", "prod"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** Raised at synth time when a context value is unusable; the message names the value. */
export class InfraConfigError extends Error {
  override name = "InfraConfigError";
}

export interface StageConfig {
  name: StageName;
  /** Prefix of every physical table name; the functions get it as TABLE_PREFIX. */
  tablePrefix: string;
  /** Tables: RETAIN keeps data when a stack is deleted; dev may be torn down freely. */
  tableRemovalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  /** Log groups are evidence in prod and clutter in dev. */
  logRemovalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
  logLevel: Exclude<LogLevel, "silent">;
  functionMemoryMb: number;
  functionTimeout: Duration;
  /** Default route throttling of the HTTP API stage. */
  throttle: { rateLimit: number; burstLimit: number };
  terminationProtection: boolean;
  /** CORS origins used when the `allowedOrigins` context value is not given. */
  defaultAllowedOrigins: readonly string[];
  /** The socket.io gateway on Fargate: task size and how far it scales. */
  gateway: {
    minTasks: number;
    maxTasks: number;
    cpu: number;
    memoryMiB: number;
    /** Scale out when average CPU passes this (percent). */
    targetCpuPercent: number;
    /** Scale out when an ALB target carries more requests per minute than this. */
    targetRequestsPerTask: number;
  };
  /** NAT gateways of the VPC: one is cheap, one per AZ survives an AZ outage. */
  natGateways: number;
  /** ElastiCache (Valkey) for the socket.io adapter. */
  cache: { nodeType: string; replicas: number };
  /** Cognito and other retained identity resources. */
  identityRemovalPolicy: RemovalPolicy;
  /**
   * Lex intent confidence below which FallbackIntent wins (nluIntentConfidenceThreshold);
   * the `lexConfidenceThreshold` context value overrides it. docs/recogniser.md says why.
   */
  lexConfidenceThreshold: number;
}

/**
 * Lex's default is 0.40. With Lex the dialogue answers a topic only from 0.5 on
 * (LEX_DECISION_SETTINGS in answerTurn.ts), so below that Lex's pick was a miss anyway: at
 * 0.5 Lex's own top intent says what the customer gets, and `content:test --recogniser lex`
 * scores exactly that. Measure with `--thresholds` before raising it (docs/recogniser.md).
 */
export const LEX_CONFIDENCE_THRESHOLD = 0.5;

/** The physical table prefix of a stage, shared naming with functions/adapters/dynamodb/tables.ts. */
export function tablePrefixFor(stage: StageName): string {
  return `asiointi-${stage}-`;
}

const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: "dev",
    tablePrefix: tablePrefixFor("dev"),
    tableRemovalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRemovalPolicy: RemovalPolicy.DESTROY,
    logRetention: RetentionDays.TWO_WEEKS,
    logLevel: "debug",
    functionMemoryMb: 512,
    functionTimeout: Duration.seconds(10),
    throttle: { rateLimit: 20, burstLimit: 40 },
    terminationProtection: false,
    defaultAllowedOrigins: ["http://localhost:3000"],
    gateway: {
      minTasks: 2,
      maxTasks: 4,
      cpu: 512,
      memoryMiB: 1024,
      targetCpuPercent: 60,
      targetRequestsPerTask: 3000,
    },
    natGateways: 1,
    cache: { nodeType: "cache.t4g.micro", replicas: 1 },
    identityRemovalPolicy: RemovalPolicy.DESTROY,
    lexConfidenceThreshold: LEX_CONFIDENCE_THRESHOLD,
  },
  prod: {
    name: "prod",
    tablePrefix: tablePrefixFor("prod"),
    tableRemovalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRemovalPolicy: RemovalPolicy.RETAIN,
    logRetention: RetentionDays.ONE_YEAR,
    logLevel: "info",
    functionMemoryMb: 1024,
    functionTimeout: Duration.seconds(10),
    throttle: { rateLimit: 500, burstLimit: 1000 },
    terminationProtection: true,
    // Production must name its origins explicitly: no default.
    defaultAllowedOrigins: [],
    // Three tasks across AZs carry the 2030 forecast's peak (~2.9 M chats a year, busiest
    // January mornings) with headroom; autoscaling covers the rest.
    gateway: {
      minTasks: 3,
      maxTasks: 12,
      cpu: 1024,
      memoryMiB: 2048,
      targetCpuPercent: 50,
      targetRequestsPerTask: 3000,
    },
    natGateways: 2,
    cache: { nodeType: "cache.t4g.small", replicas: 1 },
    identityRemovalPolicy: RemovalPolicy.RETAIN,
    lexConfidenceThreshold: LEX_CONFIDENCE_THRESHOLD,
  },
};

/**
 * The configuration of a stage named by the `stage` context value (default "dev"), with
 * `lexConfidenceThreshold` from context when given.
 */
export function stageConfig(value: unknown, threshold?: unknown): StageConfig {
  const name = value ?? "dev";
  if (typeof name !== "string" || !(STAGE_NAMES as readonly string[]).includes(name)) {
    throw new InfraConfigError(
      `Context value "stage" is ${JSON.stringify(value)}; expected one of ${STAGE_NAMES.join(", ")} (e.g. -c stage=dev)`,
    );
  }
  const stage = STAGES[name as StageName];
  if (threshold === undefined || threshold === "") return stage;
  return { ...stage, lexConfidenceThreshold: lexConfidenceThreshold(threshold) };
}

/** A confidence threshold from `-c lexConfidenceThreshold=0.6` (a string) or cdk.json (a number). */
function lexConfidenceThreshold(value: unknown): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  // Lex V2 accepts 0.00-1.00 in steps of 0.01.
  if (
    typeof number !== "number" ||
    !(number >= 0 && number <= 1) ||
    Math.round(number * 100) !== number * 100
  ) {
    throw new InfraConfigError(
      `Context value "lexConfidenceThreshold" is ${JSON.stringify(value)}; expected a number from 0 to 1 with at most two decimals (e.g. -c lexConfidenceThreshold=0.6)`,
    );
  }
  return number;
}

/**
 * CORS origins from the `allowedOrigins` context value: a comma-separated string from `-c`
 * or an array from cdk.json. Each must be a bare origin; only dev may use http://localhost.
 */
export function allowedOrigins(value: unknown, stage: StageConfig): string[] {
  const raw =
    value === undefined
      ? [...stage.defaultAllowedOrigins]
      : Array.isArray(value)
        ? value
        : typeof value === "string"
          ? value.split(",")
          : [value];
  const origins = raw.map((o) => (typeof o === "string" ? o.trim() : o)).filter((o) => o !== "");
  if (origins.length === 0) {
    throw new InfraConfigError(
      `Context value "allowedOrigins" is required for stage ${stage.name} (e.g. -c allowedOrigins=https://asiointi.example.fi)`,
    );
  }
  return origins.map((origin) => {
    if (typeof origin !== "string" || !isAllowedOrigin(origin, stage)) {
      throw new InfraConfigError(
        `Context value "allowedOrigins" contains ${JSON.stringify(origin)}; expected origins like https://asiointi.example.fi${stage.name === "dev" ? " or http://localhost:3000" : ""}, comma-separated`,
      );
    }
    return origin;
  });
}

function isAllowedOrigin(origin: string, stage: StageConfig): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false; // a path, query or trailing slash is not an origin
  if (url.protocol === "https:") return true;
  return stage.name === "dev" && url.protocol === "http:" && url.hostname === "localhost";
}

/** Which recogniser answers customers in AWS: Lex V2 (the default) or the embedded one. */
export const RECOGNISERS = ["lex", "embedded"] as const;
export type RecogniserChoice = (typeof RECOGNISERS)[number];

/** The `recogniser` context value: `embedded` deploys no Lex bot (docs/recogniser.md). */
export function recogniserChoice(value: unknown): RecogniserChoice {
  if (value === undefined || value === "") return "lex";
  if (typeof value !== "string" || !(RECOGNISERS as readonly string[]).includes(value)) {
    throw new InfraConfigError(
      `Context value "recogniser" is ${JSON.stringify(value)}; expected one of ${RECOGNISERS.join(", ")} (e.g. -c recogniser=embedded)`,
    );
  }
  return value as RecogniserChoice;
}

/** An optional string context value, checked against its expected form. */
export function optionalContext(value: unknown, name: string, form: RegExp): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !form.test(value)) {
    throw new InfraConfigError(
      `Context value "${name}" is ${JSON.stringify(value)}; it does not look like a valid ${name}`,
    );
  }
  return value;
}

/**
 * The customers' OIDC issuer (the Suomi.fi broker) from context, or undefined to use the
 * Cognito pool. Issuer and JWKS URL go together and must be https.
 */
export function customerIssuer(
  issuer: unknown,
  jwksUrl: unknown,
  audience: unknown,
): { issuer: string; jwksUrl: string; audience: string } | undefined {
  if (issuer === undefined && jwksUrl === undefined) return undefined;
  const https = /^https:\/\/[^\s]+$/;
  const iss = optionalContext(issuer, "customerIssuer", https);
  const jwks = optionalContext(jwksUrl, "customerJwksUrl", https);
  if (!iss || !jwks) {
    throw new InfraConfigError(
      'Context values "customerIssuer" and "customerJwksUrl" go together (https URLs)',
    );
  }
  return {
    issuer: iss,
    jwksUrl: jwks,
    audience: optionalContext(audience, "customerAudience", /^\S+$/) ?? "asiointi-chat",
  };
}
