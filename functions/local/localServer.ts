import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Server as SocketServer } from "socket.io";
import { embeddedBotMaker } from "../adapters/bot/embeddedBot.ts";
import { followLiveVersion } from "../adapters/bot/liveContent.ts";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { backfillBookedByStart } from "../adapters/dynamodb/dynamoContactStore.ts";
import {
  createDynamoCustomerData,
  seedDemoCustomers,
} from "../adapters/dynamodb/dynamoCustomerData.ts";
import { ensureTables, missingIndexes, rebuildTable } from "../adapters/dynamodb/ensureTables.ts";
import { type TableId, tableNames } from "../adapters/dynamodb/tables.ts";
import { createConfiguredVerifier } from "../adapters/identity/configuredVerifier.ts";
import { DEFAULT_CLASSIFIER_OPTIONS } from "../adapters/recogniser/embedded/intentClassifier.ts";
import { trainBesideChats } from "../adapters/recogniser/embedded/trainInWorker.ts";
import { type Config, dialogueSettings } from "../config.ts";
import { DEFAULT_CONTENT_DIR, loadContentBundle } from "../content/loadContent.ts";
import { createWorkerContentRules } from "../content/rulesInWorker.ts";
import { runningClockFrom, systemClock } from "../domain/clock.ts";
import { diffBundles } from "../domain/content/bundleDiff.ts";
import type { IdentityVerifier } from "../domain/identity/identity.ts";
import { loadOpeningHours } from "../domain/openingHours/load.ts";
import { warmSchedule } from "../domain/openingHours/schedule.ts";
import type { Clock, Recogniser } from "../domain/ports.ts";
import { createInFlight } from "../gateway/inFlight.ts";
import { connectSrc, createOriginPolicy } from "../gateway/origins.ts";
import { registerGateway } from "../gateway/registerGateway.ts";
import { socketServerOptions } from "../gateway/socketOptions.ts";
import { HTTP_HANDLERS } from "../http/handlers/index.ts";
import { HTTP_ROUTES } from "../http/routes.ts";
import { createLogger, type Logger } from "../observability/logger.ts";
import { answerReadiness } from "../observability/readiness.ts";
import { buildContentServices, buildLearningInbox, buildServices } from "../services.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "./embeddedDynamo.ts";
import {
  createIdentityProviderRoutes,
  createIdpKeyStore,
  createLocalIdentityVerifier,
} from "./identityProvider.ts";
import { bindRoute, dispatchToLambda } from "./lambdaHttpAdapter.ts";
import { demoCustomerData } from "./personas.ts";
import { loadStaticAssets, sendAsset } from "./staticAssets.ts";
import { sweepExpiredItems } from "./ttlSweeper.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** DATA_DIR value that keeps the embedded DynamoDB in memory (tests). */
export const IN_MEMORY = ":memory:";

export interface LocalServer {
  url: string;
  port: number;
  dynamoEndpoint: string;
  clock: Clock;
  /** The content version served at start, and how many topics bot-content/ differs in. */
  content: { version: number; repoChanges: number };
  http: HttpServer;
  io: SocketServer;
  close(): Promise<void>;
}

/**
 * The whole service in one process: embedded DynamoDB, the HTTP API's Lambda handlers, the
 * socket.io gateway and the browser pages. The local composition root.
 */
export async function startLocalServer(
  config: Config,
  options: {
    logger?: Logger;
    clock?: Clock;
    /** Replaces the embedded recogniser (fault tests); built from bot-content/ otherwise. */
    recogniser?: Recogniser;
  } = {},
): Promise<LocalServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock =
    options.clock ??
    (config.FAKE_TIME ? runningClockFrom(new Date(config.FAKE_TIME)) : systemClock);

  let embedded: EmbeddedDynamo | undefined;
  if (!config.DYNAMODB_ENDPOINT) {
    embedded = await startEmbeddedDynamo({
      port: config.DYNAMODB_PORT,
      dataDir: config.DATA_DIR === IN_MEMORY ? undefined : `${config.DATA_DIR}`,
    });
  }
  const dynamoEndpoint = config.DYNAMODB_ENDPOINT ?? embedded?.endpoint ?? "";
  const storage = createDynamoClients({ region: config.AWS_REGION, endpoint: dynamoEndpoint });
  const { client, doc } = storage;
  const tables = tableNames(config.TABLE_PREFIX);
  const [assets] = await Promise.all([
    loadStaticAssets(REPO_ROOT),
    ensureTables(client, config.TABLE_PREFIX).then(async () => {
      // A DATA_DIR made before a table gained an index: the embedded table is made anew with
      // its items; someone else's DynamoDB (DYNAMODB_ENDPOINT) is only told about.
      const missing = await missingIndexes(client, config.TABLE_PREFIX);
      for (const [id, indexes] of Object.entries(missing) as [TableId, string[]][]) {
        if (!embedded) {
          logger.warn("table lacks indexes; queries on them fail", { table: id, indexes });
          continue;
        }
        const backup =
          config.DATA_DIR === IN_MEMORY ? undefined : join(config.DATA_DIR, `${id}-rebuild.json`);
        const items = await rebuildTable(client, config.TABLE_PREFIX, id, backup);
        logger.info("table made anew for indexes added since DATA_DIR was made", {
          table: id,
          indexes,
          items,
        });
      }
      // Booked before the advisors' list had its index: listed from now on.
      const listed = await backfillBookedByStart(doc, tables.appointments);
      if (listed > 0) logger.info("booked appointments put in the advisors' list", { listed });
      // Dated from the service clock: a restart on a later day (or another FAKE_TIME) moves
      // the personas' payment and due dates along, so they are never in the past by accident.
      await seedDemoCustomers(doc, tables.customers, demoCustomerData(clock.now()));
    }),
  ]);
  const inFlight = createInFlight();

  // The local identity provider signs tokens for synthetic personas; its issuer is this
  // server's URL, known once it listens. A configured issuer (OIDC_ISSUER) replaces it.
  let baseUrl = "";
  const keyStore = createIdpKeyStore(config.DATA_DIR);
  const devRoutes = createIdentityProviderRoutes({
    baseUrl: () => baseUrl,
    keyStore,
    clock,
    production: config.NODE_ENV === "production",
  });
  let localVerifier: Promise<IdentityVerifier> | undefined;
  const identity: IdentityVerifier = createConfiguredVerifier(config, clock) ?? {
    verifyCustomer: async (token) => (await localIdentity()).verifyCustomer(token),
    verifyStaff: async (token) => (await localIdentity()).verifyStaff(token),
  };
  function localIdentity(): Promise<IdentityVerifier> {
    localVerifier ??= createLocalIdentityVerifier({
      baseUrl,
      keyStore,
      clock,
      maxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS,
    });
    return localVerifier;
  }

  const services = buildServices({
    doc,
    config,
    clock,
    logger,
    identity,
    loadOpeningHours: () => loadOpeningHours(),
    reportFlushMs: config.REPORT_FLUSH_SECONDS * 1000,
  });
  if (config.MISSED_QUESTION_INBOX) services.learning = buildLearningInbox(services, config);
  warmSchedule(services.openingHours, clock.now());
  const customerData = createDynamoCustomerData(doc, tables.customers);
  const training = trainBesideChats(config.TRAINING_CPU_PERCENT);
  const content = buildContentServices({
    doc,
    config,
    clock,
    logger,
    // Off the event loop: customers' replies do not wait while a new version trains.
    train: async (botContent, toClassify) =>
      Object.assign(await training.train(botContent, toClassify ? { classify: toClassify } : {}), {
        classifiedTexts: toClassify,
      }),
    // The same worker and pacing: the studio's Test all over several orders.
    trainInOrder: (botContent, seed) =>
      training.train(botContent, {
        classifier: {
          ...DEFAULT_CLASSIFIER_OPTIONS,
          training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, seed },
        },
        // Wanted once: the draft's and live's parts stay kept for the next edit.
        keep: false,
      }),
    rules: createWorkerContentRules(),
    makeBot: embeddedBotMaker({ logger, customerData, clock, settings: dialogueSettings(config) }),
    ...(options.recogniser ? { fixedRecogniser: options.recogniser } : {}),
  });
  // A new data folder starts from the repository's bot-content/ as version 1; after that the
  // content table is the source of truth, changed through the studio or content:import.
  const repoBundle = loadContentBundle(DEFAULT_CONTENT_DIR);
  await content.workflow.seed(repoBundle, "repository");
  const liveVersion = await content.workflow.liveVersion();
  const repoChanges = diffBundles(liveVersion.bundle, repoBundle).length;
  // Trained here rather than in a worker: nothing is served yet, and the warm main thread
  // trains several times faster than a fresh worker starts and trains. The worker starts
  // from its parts, so a content owner's first edit trains only what it changed.
  // The test split is classified here too, as a worker's training does: the first version
  // published after start is compared with live without classifying it beside the chats.
  await content.live.serve(liveVersion.version, liveVersion.bundle, {
    train: async (botContent, toClassify) => training.trainHere(botContent, toClassify),
  });
  services.content = content;
  const follower = followLiveVersion({
    live: () => content.store.live(),
    bundle: (version) => content.store.versionBundle(version),
    content: content.live,
    intervalMs: config.CONTENT_POLL_SECONDS * 1000,
    logger,
  });
  const bot = content.live.bot;
  const routes = HTTP_ROUTES.map((route) => bindRoute(route, HTTP_HANDLERS[route.id](services)));

  // The service's own origin is known once it listens; a page served from it may connect.
  const origins = createOriginPolicy(config.ALLOWED_ORIGINS, () => ownOrigins);
  let ownOrigins: string[] = [];
  const http = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/readyz") {
      void answerReadiness(res, services.storageReady);
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok", time: clock.now().toISOString() }));
      return;
    }
    if (path.startsWith("/api/")) {
      if (!origins.allows(req.headers.origin)) {
        res.writeHead(403, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: { code: "FORBIDDEN", message: "origin: this site may not use the API" },
          }),
        );
        return;
      }
      inFlight
        .track(dispatchToLambda(routes, req, res))
        .then((handled) => {
          if (!handled) notFound(res);
        })
        .catch((error: unknown) => {
          logger.error("http adapter failed", { error: error as Error });
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Internal error" } }));
        });
      return;
    }
    if (devRoutes(req, res)) return;
    const asset = req.method === "GET" ? assets.get(path) : undefined;
    // Staff type "/studio/" as often as "/studio": send them to the page, query and all.
    const page = path.replace(/\/+$/, "");
    if (asset) sendAsset(res, asset, connectSrc(origins));
    else if (req.method === "GET" && page !== path && assets.has(page)) {
      res.writeHead(308, { location: `${page}${req.url?.slice(path.length) ?? ""}` }).end();
    } else notFound(res);
  });

  const io = new SocketServer(http, socketServerOptions(origins));
  const live = registerGateway(io, {
    services,
    bot: bot,
    config,
    identity,
    logger,
    inFlight,
    // A wrap-up names a topic of the version served now (it follows every approval).
    isKnownTopic: (topic) => content.live.current().content.topics.has(topic),
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `PORT ${config.PORT} is already in use; stop what uses it or set PORT to a free port.`,
            )
          : error,
      );
    });
    http.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${["0.0.0.0", "127.0.0.1"].includes(config.HOST) ? "localhost" : config.HOST}:${port}`;
  baseUrl = url;
  storage.failFastAfter(config.STORAGE_TIMEOUT_MS);
  ownOrigins = [url, `http://127.0.0.1:${port}`];

  // Timers of the chats a previous run left open (stopped or killed) died with it.
  inFlight.track(live.recover()).catch((error: unknown) => {
    logger.error("taking over open chats failed", { error: error as Error });
  });

  const sweeper =
    config.LOCAL_TTL_SWEEP_SECONDS > 0
      ? setInterval(() => {
          inFlight.track(
            sweepExpiredItems(doc, config.TABLE_PREFIX, clock).catch((error: unknown) =>
              logger.warn("ttl sweep failed", { error: error as Error }),
            ),
          );
        }, config.LOCAL_TTL_SWEEP_SECONDS * 1000)
      : undefined;
  sweeper?.unref();

  return {
    url,
    port,
    dynamoEndpoint,
    clock,
    content: { version: liveVersion.version, repoChanges },
    http,
    io,
    async close() {
      clearInterval(sweeper);
      training.stop();
      follower.stop();
      live.inactivity.stop();
      live.departures.stop();
      live.handoff.cancelTimers();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // After the HTTP server: a late studio check must not start a worker again.
      await content.rules.close?.();
      // Let acknowledged work finish writing before the database goes away.
      await inFlight.drain();
      await services.learning?.settled();
      await services.reports.flush?.();
      client.destroy();
      await embedded?.close();
    },
  };
}

function notFound(res: import("node:http").ServerResponse): void {
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "No such page or route" } }));
}
