import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { Server as SocketServer } from "socket.io";
import { createDynamoClients } from "../../adapters/dynamodb/client.ts";
import { createConfiguredVerifier } from "../../adapters/identity/configuredVerifier.ts";
import { createRedisPresence } from "../../adapters/redis/redisPresence.ts";
import type { Config } from "../../config.ts";
import { systemClock } from "../../domain/clock.ts";
import type { Bot } from "../../domain/dialogue/bot.ts";
import type { IdentityVerifier } from "../../domain/identity/identity.ts";
import { loadOpeningHours } from "../../domain/openingHours/load.ts";
import { warmSchedule } from "../../domain/openingHours/schedule.ts";
import type { Clock } from "../../domain/ports.ts";
import type { Logger } from "../../observability/logger.ts";
import { answerReadiness, startReadinessProbe } from "../../observability/readiness.ts";
import { buildLearningInbox, buildServices } from "../../services.ts";
import { createInFlight } from "../inFlight.ts";
import { createOriginPolicy } from "../origins.ts";
import { registerGateway } from "../registerGateway.ts";
import { socketServerOptions } from "../socketOptions.ts";

/** How often each task checks storage for the StorageNotReady alarm. */
const READINESS_PROBE_MS = 30_000;

/** Builds a bot that needs the gateway's database (the embedded recogniser's live content). */
export type GatewayBotFactory = (parts: {
  doc: DynamoDBDocumentClient;
  clock: Clock;
  logger: Logger;
}) => Promise<{ bot: Bot; stop(): void }>;

export interface GatewayDeps {
  config: Config & { REDIS_URL: string };
  logger: Logger;
  /** The Lex-backed bot, or a factory for the embedded one (`RECOGNISER=embedded`). */
  bot: Bot | GatewayBotFactory;
  clock?: Clock;
  /** Defaults to the configured OIDC verifier (jose against the issuers' JWKS). */
  identity?: IdentityVerifier;
}

export interface Gateway {
  url: string;
  port: number;
  http: HttpServer;
  io: SocketServer;
  /** Stops accepting, lets acknowledged work finish, then disconnects Redis. */
  close(): Promise<void>;
}

/**
 * The socket.io gateway as it runs on Fargate: real DynamoDB, the configured identity
 * verifier, the redis-streams adapter so every task sees every room and a customer can
 * resume on any task (connection-state recovery across nodes), and advisor presence in the
 * same Redis so routing on any task sees advisors on every task. The gateway's composition root.
 */
export async function startGateway(deps: GatewayDeps): Promise<Gateway> {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const identity = deps.identity ?? createConfiguredVerifier(config, clock);
  if (!identity) throw new Error("the gateway needs OIDC_ISSUER and OIDC_JWKS_URL");

  const redis = createClient({ url: config.REDIS_URL });
  redis.on("error", (error: Error) => logger.error("redis error", { error }));
  await redis.connect();

  const storage = createDynamoClients({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  const { client, doc } = storage;
  const inFlight = createInFlight();
  const built = typeof deps.bot === "function" ? await deps.bot({ doc, clock, logger }) : undefined;
  const bot = built?.bot ?? (deps.bot as Bot);
  const services = buildServices({
    doc,
    config,
    clock,
    logger,
    loadOpeningHours: () => loadOpeningHours(),
    reportFlushMs: config.REPORT_FLUSH_SECONDS * 1000,
  });
  if (config.MISSED_QUESTION_INBOX) services.learning = buildLearningInbox(services, config);
  warmSchedule(services.openingHours, clock.now());

  let draining = false;
  const http = createServer((req, res) => {
    if ((req.url ?? "/").split("?")[0] === "/readyz") {
      void answerReadiness(res, services.storageReady);
      return;
    }
    if ((req.url ?? "/").split("?")[0] === "/healthz") {
      // A draining task reports unhealthy so the load balancer stops sending new sessions.
      res.writeHead(draining ? 503 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: draining ? "draining" : "ok" }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "No such page or route" } }));
  });

  const io = new SocketServer(http, {
    ...socketServerOptions(createOriginPolicy(config.ALLOWED_ORIGINS)),
    adapter: createAdapter(redis, { streamName: `${config.TABLE_PREFIX}socket.io` }),
  });
  const presence = createRedisPresence({
    redis,
    nodeId: randomUUID(),
    keyPrefix: config.TABLE_PREFIX,
    defaultMaxChats: config.ADVISOR_MAX_CHATS,
    onError: (error) => logger.warn("presence heartbeat failed", { error: error as Error }),
  });
  // Grace timers and idle-chat timers stay in this task (docs/deploy.md, "Several gateway
  // tasks"); advisors reconnecting to another task get their chats back from the store.
  const live = registerGateway(io, {
    services,
    bot,
    config,
    identity,
    logger,
    inFlight,
    presence,
  });
  // Started once handoff listens: the first heartbeat may already claim tasks that died.
  await presence.start();
  // No other task alive: the whole service was down, and every open chat needs this one.
  if (!(await presence.otherTasksAlive())) {
    inFlight.track(live.recover()).catch((error: unknown) => {
      logger.error("taking over open chats failed", { error: error as Error });
    });
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  storage.failFastAfter(config.STORAGE_TIMEOUT_MS);
  // The StorageNotReady alarm counts this probe's log lines (infra/stacks/gatewayStack.ts).
  const stopProbe = services.storageReady
    ? startReadinessProbe({
        storageReady: services.storageReady,
        logger,
        intervalMs: READINESS_PROBE_MS,
      })
    : () => {};

  return {
    url: `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${port}`,
    port,
    http,
    io,
    async close() {
      draining = true;
      stopProbe();
      // Before the sockets close: this task's advisors are left to a live task, which gives
      // them the grace period, instead of being counted as gone here.
      await presence.close().catch((error: unknown) => {
        logger.warn("presence close failed", { error: error as Error });
      });
      built?.stop();
      live.inactivity.stop();
      live.departures.stop();
      live.handoff.cancelTimers();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await inFlight.drain();
      await services.learning?.settled();
      await services.reports.flush?.();
      client.destroy();
      await redis.quit().catch(() => undefined);
    },
  };
}
