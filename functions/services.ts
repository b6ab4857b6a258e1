import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createLiveContent } from "./adapters/bot/liveContent.ts";
import { createDynamoChatStore } from "./adapters/dynamodb/dynamoChatStore.ts";
import { createDynamoContactGuardStore } from "./adapters/dynamodb/dynamoContactGuardStore.ts";
import {
  createDynamoAppointmentStore,
  createDynamoCallbackStore,
} from "./adapters/dynamodb/dynamoContactStore.ts";
import { createDynamoContentStore } from "./adapters/dynamodb/dynamoContentStore.ts";
import { createDynamoMissStore } from "./adapters/dynamodb/dynamoMissStore.ts";
import { createDynamoReportCounters } from "./adapters/dynamodb/dynamoReportCounters.ts";
import { createStorageProbe } from "./adapters/dynamodb/storageProbe.ts";
import { tableNames } from "./adapters/dynamodb/tables.ts";
import { type ClientAddressOf, createClientAddressOf } from "./adapters/network/clientAddress.ts";
import {
  createEdgeViewerAddressOf,
  type EdgeViewerAddressOf,
} from "./adapters/network/edgeViewerAddress.ts";
import { type Config, dialogueSettings } from "./config.ts";
import { contentRules } from "./content/contentRules.ts";
import { type ChatServiceDeps, createChatService } from "./domain/chat/chatService.ts";
import type { ChatStore } from "./domain/chat/chatStore.ts";
import { createIdGenerator } from "./domain/chat/ids.ts";
import type { ChatNotifier } from "./domain/chat/notifier.ts";
import { type ContactChanges, createContactChanges } from "./domain/contact/contactChanges.ts";
import type {
  AppointmentStore,
  CallbackStore,
  ContactGuardStore,
} from "./domain/contact/contactStore.ts";
import type { ContentStore } from "./domain/content/contentStore.ts";
import {
  type ContentRules,
  createContentWorkflow,
  type WorkflowSettings,
} from "./domain/content/contentWorkflow.ts";
import type { Bot } from "./domain/dialogue/bot.ts";
import type { IdentityVerifier } from "./domain/identity/identity.ts";
import type { LearningEvents } from "./domain/inbox/learningEvents.ts";
import { createLearningInbox } from "./domain/inbox/learningInbox.ts";
import type { MissStore } from "./domain/inbox/missStore.ts";
import { createRequestLimiter, type RequestLimiter } from "./domain/limits/requestLimits.ts";
import type { OpeningHours } from "./domain/openingHours/index.ts";
import type { Clock, Recogniser } from "./domain/ports.ts";
import { createBufferedRecorder } from "./domain/reports/bufferedRecorder.ts";
import {
  type ReportReader,
  type ReportRecorder,
  safeRecorder,
} from "./domain/reports/reportEvents.ts";
import type { ContentServices } from "./http/handlers/contentApi.ts";
import type { Logger } from "./observability/logger.ts";

/** Everything the handlers need, built once per runtime by its composition root. */
export interface Services {
  store: ChatStore;
  callbacks: CallbackStore;
  appointments: AppointmentStore;
  /** At most one open booking and one open callback per phone number and person. */
  guards: ContactGuardStore;
  /**
   * Daily counters behind supervisors' reports; recording never throws (failures are
   * logged). Where buffered, `flush` writes what is pending (shutdown).
   */
  reports: ReportRecorder & ReportReader & { flush?: () => Promise<void> };
  /** Verifies customer and console tokens; absent where no issuer is configured. */
  identity?: IdentityVerifier;
  /** The opening-hours schedule, read on first use. */
  readonly openingHours: OpeningHours;
  clock: Clock;
  logger: Logger;
  /** The content studio's workflow and live content; only where a runtime hosts the studio. */
  content?: ContentServices;
  /** Per client address and overall: new chats, requests for a person, bookings, callbacks, surveys. */
  limits: RequestLimiter;
  /** The client's address behind the configured trusted proxies, for `limits`. */
  clientAddressOf: ClientAddressOf;
  /** The viewer's address CloudFront vouches for (HTTP API behind the edge), if any. */
  edgeViewerAddressOf: EdgeViewerAddressOf;
  /** Kept questions of the missed-question inbox (content owners read them). */
  misses: MissStore;
  /** INBOX_CONFIDENCE_BELOW, for the inbox's "the bot now answers this" hints. */
  inboxConfidenceBelow?: number;
  /**
   * The inbox's ear on live chats; only where a runtime holds them (gateway, local server).
   * `settled` waits for its pending writes (shutdown).
   */
  learning?: LearningEvents & { settled(): Promise<void> };
  /** True when storage answers within its deadline (readiness check, advisor sign-in). */
  storageReady?: () => Promise<boolean>;
  /**
   * Callback requests and bookings made, closed, cancelled or handled in this process; the
   * gateway tells the consoles (a Lambda has nobody to tell).
   */
  contactChanges: ContactChanges;
}

export function buildServices(opts: {
  doc: DynamoDBDocumentClient;
  config: Pick<
    Config,
    | "TABLE_PREFIX"
    | "TRUSTED_PROXIES"
    | "EDGE_ORIGIN_SECRET"
    | "INBOX_CONFIDENCE_BELOW"
    | LimitSetting
  >;
  clock: Clock;
  logger: Logger;
  /**
   * Reads the schedule: the YAML where the repository is at hand, the JSON snapshot in a
   * deployed function. Passed in so neither reader is bundled where the other is used.
   */
  loadOpeningHours: () => OpeningHours;
  identity?: IdentityVerifier;
  /**
   * Long-running processes (gateway, local server) sum report increments for this long
   * before writing them; unset (Lambda) writes each event at once.
   */
  reportFlushMs?: number;
}): Services {
  const tables = tableNames(opts.config.TABLE_PREFIX);
  // Read on first use, so a Lambda that never needs the schedule (surveys) does not depend
  // on its file; once read, it is kept for the runtime.
  let openingHours: OpeningHours | undefined;
  const counters = createDynamoReportCounters(opts.doc, tables.reportCounters);
  return {
    store: createDynamoChatStore(opts.doc, tables),
    callbacks: createDynamoCallbackStore(opts.doc, tables),
    appointments: createDynamoAppointmentStore(opts.doc, tables),
    guards: createDynamoContactGuardStore(opts.doc, tables),
    reports: reportsFor(counters, opts),
    misses: createDynamoMissStore(opts.doc, tables.misses),
    inboxConfidenceBelow: opts.config.INBOX_CONFIDENCE_BELOW,
    limits: limiterFor(opts.config, opts.logger),
    clientAddressOf: createClientAddressOf(opts.config.TRUSTED_PROXIES),
    edgeViewerAddressOf: createEdgeViewerAddressOf(opts.config.EDGE_ORIGIN_SECRET),
    identity: opts.identity,
    get openingHours() {
      openingHours ??= opts.loadOpeningHours();
      return openingHours;
    },
    clock: opts.clock,
    logger: opts.logger,
    storageReady: createStorageProbe(opts.doc, tables.chats),
    contactChanges: createContactChanges(),
  };
}

type LimitSetting =
  | "LIMIT_WINDOW_SECONDS"
  | "LIMIT_CHAT_STARTS"
  | "LIMIT_HANDOFFS"
  | "LIMIT_BOOKINGS"
  | "LIMIT_CALLBACKS"
  | "LIMIT_SURVEYS";

function limiterFor(config: Pick<Config, LimitSetting>, logger: Logger): RequestLimiter {
  return createRequestLimiter(
    {
      windowMs: config.LIMIT_WINDOW_SECONDS * 1000,
      allowances: {
        chatStart: config.LIMIT_CHAT_STARTS,
        handoff: config.LIMIT_HANDOFFS,
        booking: config.LIMIT_BOOKINGS,
        callback: config.LIMIT_CALLBACKS,
        survey: config.LIMIT_SURVEYS,
      },
    },
    {
      // The alarms count these lines (a metric filter on "rate limited"): a steady stream
      // means an attack or limits set too low for real traffic.
      onRefused: ({ action, scope }) => logger.warn("rate limited", { action, scope }),
    },
  );
}

/**
 * The missed-question inbox for a runtime that holds live conversations: it hears every
 * answer, vote, request for a person and ending, and keeps what content owners should see.
 */
export function buildLearningInbox(
  services: Services,
  config: Pick<Config, "INBOX_CONFIDENCE_BELOW" | "INBOX_SAMPLE_RATE">,
): NonNullable<Services["learning"]> {
  const store = services.misses;
  const inbox = createLearningInbox({
    store,
    clock: services.clock,
    reports: services.reports,
    settings: {
      confidenceBelow: config.INBOX_CONFIDENCE_BELOW,
      sampleRate: config.INBOX_SAMPLE_RATE,
    },
    onError: (error) =>
      services.logger.warn("missed-question inbox write failed", { error: error as Error }),
  });
  // The inbox holds kept questions until their outcome is known; a content owner reading
  // the inbox through this process sees them at once, as a report sees its own counts.
  services.misses = {
    ...store,
    get: async (ids) => {
      await inbox.settled();
      return store.get(ids);
    },
    listDays: async (from, to) => {
      await inbox.settled();
      return store.listDays(from, to);
    },
  };
  return inbox;
}

/** The chat service for a runtime that holds live conversations (gateway, local server). */
export function buildChatService(
  services: Services,
  opts: {
    bot: Bot;
    notifier: ChatNotifier;
    config: Config;
    /**
     * When advisors are next in, while they are not (the opening hours). From the caller: the
     * schedule's date library would otherwise be bundled into every function that builds
     * services (the content API).
     */
    advisorHours?: ChatServiceDeps["advisorHours"];
  },
) {
  return createChatService({
    store: services.store,
    clock: services.clock,
    bot: opts.bot,
    notifier: opts.notifier,
    reports: services.reports,
    ...(services.learning ? { learning: services.learning } : {}),
    ids: createIdGenerator(),
    settings: {
      transcriptRetentionDays: opts.config.TRANSCRIPT_RETENTION_DAYS,
      surveyTokenTtlHours: opts.config.SURVEY_TOKEN_TTL_HOURS,
      siteSearchUrl: dialogueSettings(opts.config).siteSearchUrl,
    },
    ...(opts.advisorHours ? { advisorHours: opts.advisorHours } : {}),
  });
}

function reportsFor(
  counters: ReturnType<typeof createDynamoReportCounters>,
  opts: { logger: Logger; reportFlushMs?: number },
): Services["reports"] {
  const onError = (error: unknown) =>
    opts.logger.warn("report counter update failed", { error: error as Error });
  if (!opts.reportFlushMs) {
    return { rows: counters.rows, record: safeRecorder(counters, onError).record };
  }
  const buffered = createBufferedRecorder(counters, {
    flushIntervalMs: opts.reportFlushMs,
    onError,
  });
  return {
    record: safeRecorder(buffered, onError).record,
    // This process's own pending counts go out first, so its reports are up to date.
    rows: async (from, to, topic) => {
      await buffered.flush();
      return counters.rows(from, to, topic);
    },
    flush: () => buffered.stop(),
  };
}

/**
 * The content studio's services: versions in the content table, the workflow, and the live
 * content this process answers from. `train` builds a recogniser off the event loop;
 * `makeBot` builds the bot customers talk to from a recogniser and its content.
 */
export function buildContentServices(opts: {
  doc: DynamoDBDocumentClient;
  config: Pick<Config, "TABLE_PREFIX" | "CONTENT_REVIEW_REQUIRED">;
  clock: Clock;
  logger: Logger;
  train: Parameters<typeof createLiveContent>[0]["train"];
  makeBot: Parameters<typeof createLiveContent>[0]["makeBot"];
  fixedRecogniser?: Recogniser;
  prepareElsewhere?: Parameters<typeof createLiveContent>[0]["prepareElsewhere"];
  /** Trains other orders than the shipped one off the event loop (Test all over orders). */
  trainInOrder?: Parameters<typeof createLiveContent>[0]["trainInOrder"];
  /** Where content:check's rules run; in this thread unless given (a worker in the service). */
  rules?: ContentRules & { close?(): Promise<void> };
  deferGoLive?: WorkflowSettings["deferGoLive"];
}): ContentServices & { store: ContentStore; rules: ContentRules & { close?(): Promise<void> } } {
  const rules = opts.rules ?? contentRules;
  const store = createDynamoContentStore(opts.doc, tableNames(opts.config.TABLE_PREFIX).content);
  const live = createLiveContent({
    train: opts.train,
    makeBot: opts.makeBot,
    logger: opts.logger,
    ...(opts.fixedRecogniser ? { fixedRecogniser: opts.fixedRecogniser } : {}),
    ...(opts.prepareElsewhere ? { prepareElsewhere: opts.prepareElsewhere } : {}),
    ...(opts.trainInOrder ? { trainInOrder: opts.trainInOrder } : {}),
  });
  const workflow = createContentWorkflow({
    store,
    rules,
    deployer: live.deployer,
    clock: opts.clock,
    settings: {
      requireReview: opts.config.CONTENT_REVIEW_REQUIRED,
      ...(opts.deferGoLive ? { deferGoLive: opts.deferGoLive } : {}),
    },
  });
  return { store, live, workflow, rules };
}
