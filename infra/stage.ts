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
}

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
  },
};

/** The configuration of a stage named by the `stage` context value (default "dev"). */
export function stageConfig(value: unknown): StageConfig {
  const name = value ?? "dev";
  if (typeof name !== "string" || !(STAGE_NAMES as readonly string[]).includes(name)) {
    throw new InfraConfigError(
      `Context value "stage" is ${JSON.stringify(value)}; expected one of ${STAGE_NAMES.join(", ")} (e.g. -c stage=dev)`,
    );
  }
  return STAGES[name as StageName];
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
