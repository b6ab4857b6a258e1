import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ServiceUnavailableError } from "../../domain/chat/errors.ts";

export interface DynamoClientOptions {
  region: string;
  /** Set for dynalite or DynamoDB Local; absent in AWS. */
  endpoint?: string;
  /** Attempts per call, first included (the SDK's standard mode: jittered exponential backoff). */
  maxAttempts?: number;
  /** Give up on one attempt after this long, so a hung connection is retried, not waited on. */
  requestTimeoutMs?: number;
}

export interface DynamoClients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /**
   * From now on, an attempt storage leaves unanswered for `ms` fails the call at once with
   * ServiceUnavailableError, without retrying: storage that hangs stays hung, and a customer
   * hears SERVICE_UNAVAILABLE in seconds instead of after every attempt has waited it out.
   * Throttling and 5xx answers are still retried. Called once a server is up: start-up work
   * (tables, content) may take longer, and in one process with dynalite a busy start-up
   * delays dynalite's answers too.
   */
  failFastAfter(ms: number): void;
}

/** Error names DynamoDB answers with when it sheds load; retried, then reported as down. */
const THROTTLING = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);

/** Socket-level failures: DynamoDB unreachable rather than refusing the request. */
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/**
 * True for failures that say "DynamoDB is unavailable" (throttled, 5xx, unreachable, timed
 * out) rather than "this request is wrong" (conditions, validation), which callers handle.
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { $fault?: string; code?: string };
  return (
    e.$fault === "server" ||
    THROTTLING.has(e.name) ||
    e.name === "TimeoutError" ||
    e.name === "RequestTimeout" ||
    NETWORK.has(e.code ?? "")
  );
}

const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
/** Before the fail-fast deadline is set (start-up), a slow connect is retried after this. */
const CONNECTION_TIMEOUT_MS = 1_000;

/**
 * Clients for real DynamoDB or a local endpoint, with the service's retry policy: the SDK
 * retries throttling, 5xx and network failures with jittered exponential backoff (throttling
 * from a 500 ms base); when DynamoDB is still unavailable after the last attempt, the call
 * fails with ServiceUnavailableError, which customers see as SERVICE_UNAVAILABLE.
 */
export function createDynamoClients(options: DynamoClientOptions): DynamoClients {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 4,
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      // The default pool (50) queues requests under a full gateway's load.
      httpAgent: { keepAlive: true, maxSockets: 256 },
      httpsAgent: { keepAlive: true, maxSockets: 256 },
    },
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // A local endpoint checks no signature, but the SDK insists on signing.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
  });
  // The SDK's logger middleware copies every input and output through a sensitive-data
  // filter for a logger we never give it (about 5 % of the gateway's CPU under load); the
  // service logs storage failures itself.
  client.middlewareStack.remove("loggerMiddleware");
  let failFastMs: number | undefined;
  // Below the retry middleware, per attempt: an attempt left unanswered becomes an error the
  // retry strategy does not retry (no $metadata, no cause, not a transient error's name).
  // The SDK's own errors pass untouched: its handler also names ECONNRESET and EPIPE
  // "TimeoutError" (a keep-alive connection the other end had just closed), and those must
  // be retried. Its request and connection timeouts are no shorter than this deadline
  // (`failFastAfter`) and start later, so this one ends a hung attempt first.
  client.middlewareStack.add(
    (next) => async (args) => {
      const ms = failFastMs;
      if (ms === undefined) return next(args);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unanswered = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ServiceUnavailableError()), ms);
      });
      try {
        return await Promise.race([next(args), unanswered]);
      } finally {
        clearTimeout(timer);
      }
    },
    { step: "deserialize", name: "failFastWhenHungMiddleware", priority: "low" },
  );
  // Outermost step, so it sees the error only after the retry middleware has given up.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isStorageUnavailable(error)) {
          throw Object.assign(new ServiceUnavailableError(), { cause: error });
        }
        throw error;
      }
    },
    { step: "initialize", name: "storageUnavailableMiddleware", priority: "high" },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    doc,
    failFastAfter(ms) {
      failFastMs = ms;
      // The SDK's own timeouts must not cut in first: a longer deadline set for a slow machine
      // (the tests' 15 s) would otherwise still end at its 5 s request timeout, or at its 1 s
      // connection timeout when the event loop stalls while a new connection opens.
      const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, ms);
      const connectionTimeout = Math.max(CONNECTION_TIMEOUT_MS, ms);
      const handler = client.config.requestHandler as {
        updateHttpClientConfig?: (
          key: "requestTimeout" | "connectionTimeout",
          value: number,
        ) => void;
      };
      handler.updateHttpClientConfig?.("requestTimeout", requestTimeout);
      handler.updateHttpClientConfig?.("connectionTimeout", connectionTimeout);
    },
  };
}
