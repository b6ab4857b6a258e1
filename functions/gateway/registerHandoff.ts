import type { Server } from "socket.io";
import type { Config } from "../config.ts";
import { ADVISOR_NAMESPACE, CHAT_NAMESPACE } from "../contracts/protocol.ts";
import type { ChatService } from "../domain/chat/chatService.ts";
import { createInactivityWatch, type InactivityWatch } from "../domain/chat/inactivity.ts";
import { createHandoffService, type HandoffService } from "../domain/handoff/handoffService.ts";
import { createMemoryPresence, type PresenceRegistry } from "../domain/handoff/presence.ts";
import { realSchedule } from "../domain/handoff/schedule.ts";
import type { IdentityVerifier } from "../domain/identity/identity.ts";
import {
  type Recovered,
  recoverOpenChatsPersistently,
} from "../domain/recovery/recoverOpenChats.ts";
import type { Logger } from "../observability/logger.ts";
import type { Services } from "../services.ts";
import { type AdvisorNamespace, registerAdvisorNamespace } from "./advisorNamespace.ts";
import type { ChatNamespace } from "./chatNamespace.ts";
import type { InFlight } from "./inFlight.ts";
import { createQueueDepartures, type QueueDepartures } from "./queueDepartures.ts";
import { chatRoom } from "./rooms.ts";
import { createSocketHandoffNotifier, createSocketNotifier } from "./socketNotifier.ts";

/**
 * Builds the handoff service for a gateway process (socket.io notifiers; presence shared
 * through Redis on Fargate, in this process by default), the idle-chat watch and the
 * customers' departures, and registers the /advisor namespace. Shared by the local server and
 * the Fargate gateway; the returned services go to the /chat namespace too. The departures are
 * built here, not with /chat, because the takeover of open chats gives them back their timers.
 */
export function registerHandoff(
  io: Server,
  ctx: {
    services: Services;
    chats: ChatService;
    config: Pick<
      Config,
      | "HANDOFF_QUEUE_LIMIT"
      | "HANDOFF_AVERAGE_HANDLING_SECONDS"
      | "ADVISOR_MAX_CHATS"
      | "ADVISOR_GRACE_SECONDS"
      | "CHAT_IDLE_WARNING_SECONDS"
      | "CHAT_IDLE_END_SECONDS"
      | "QUEUE_CUSTOMER_GRACE_SECONDS"
    >;
    identity: IdentityVerifier;
    logger: Logger;
    inFlight: InFlight;
    /** Who is online; defaults to this process's own registry (one node). */
    presence?: PresenceRegistry;
    /** Whether the loaded content has a topic (wrap-up reasons); see HandoffDeps. */
    isKnownTopic?: (topic: string) => boolean;
  },
): {
  handoff: HandoffService;
  inactivity: InactivityWatch;
  /** Customers gone from their chats: the /chat namespace tells it of connections. */
  departures: QueueDepartures;
  /** Takes over open chats from storage (at start, and when another task is lost). */
  recover: () => Promise<Recovered>;
} {
  const { services, config, logger, inFlight } = ctx;
  const background = (work: Promise<unknown>) => {
    inFlight.track(work).catch((error: unknown) => {
      logger.error("handoff background work failed", { error: error as Error });
    });
  };
  const presence =
    ctx.presence ?? createMemoryPresence({ defaultMaxChats: config.ADVISOR_MAX_CHATS });
  const handoff = createHandoffService({
    store: services.store,
    chats: ctx.chats,
    notifier: createSocketNotifier(io),
    handoffNotifier: createSocketHandoffNotifier(io),
    presence,
    clock: services.clock,
    openingHours: () => services.openingHours,
    settings: {
      queueLimit: config.HANDOFF_QUEUE_LIMIT,
      averageHandlingSeconds: config.HANDOFF_AVERAGE_HANDLING_SECONDS,
      graceMs: config.ADVISOR_GRACE_SECONDS * 1000,
    },
    background,
    reports: services.reports,
    ...(services.learning ? { learning: services.learning } : {}),
    ...(ctx.isKnownTopic ? { isKnownTopic: ctx.isKnownTopic } : {}),
  });
  const inactivity = createInactivityWatch({
    chats: ctx.chats,
    settings: {
      warnAfterMs: config.CHAT_IDLE_WARNING_SECONDS * 1000,
      endAfterMs: config.CHAT_IDLE_END_SECONDS * 1000,
    },
    schedule: realSchedule,
    background,
    // Timers are per task; the transcript shows activity that went through other tasks.
    transcript: { store: services.store, clock: services.clock },
  });
  const departures = createCustomerDepartures(io, {
    handoff,
    chats: ctx.chats,
    logger,
    inFlight,
    graceMs: config.QUEUE_CUSTOMER_GRACE_SECONDS * 1000,
  });
  registerAdvisorNamespace(io, {
    handoff,
    inactivity,
    contact: {
      callbacks: services.callbacks,
      appointments: services.appointments,
      guards: services.guards,
      clock: services.clock,
      contactChanges: services.contactChanges,
      // Read on the first appointments:list, not at start: a gateway without one still runs.
      get openingHours() {
        return services.openingHours;
      },
    },
    identity: ctx.identity,
    logger,
    inFlight,
    ...(services.storageReady ? { storageReady: services.storageReady } : {}),
  });
  const recover = async () => {
    const recovered = await recoverOpenChatsPersistently(
      { store: services.store, inactivity, handoff, departures },
      {
        onRetry: (error, attempt) =>
          logger.warn("taking over open chats failed; trying again", {
            error: error as Error,
            attempt,
          }),
      },
    );
    if (recovered.chats > 0) logger.info("open chats taken over", { ...recovered });
    return recovered;
  };
  // The one task that claims a lost task takes over its chats' idle deadlines (and any
  // advisor whose grace period ran there); see docs/deploy.md, "Several gateway tasks".
  presence.onTaskLost?.(() => background(recover()));
  return { handoff, inactivity, departures, recover };
}

/**
 * Departures of customers from waiting chats and advisors' chats, over this server's
 * sockets: whether a customer is connected is asked of every task (the adapter's
 * fetchSockets), so a customer connected to another task is never taken as gone.
 */
function createCustomerDepartures(
  io: Server,
  deps: {
    handoff: HandoffService;
    chats: ChatService;
    logger: Logger;
    inFlight: InFlight;
    graceMs: number;
  },
): QueueDepartures {
  const customers: ChatNamespace = io.of(CHAT_NAMESPACE);
  const advisors: AdvisorNamespace = io.of(ADVISOR_NAMESPACE);
  return createQueueDepartures({
    graceMs: deps.graceMs,
    customerConnected: async (chatId) =>
      (await customers.in(chatRoom(chatId)).fetchSockets()).length > 0,
    customerGone: async (chatId) => {
      const chat = await deps.chats.requireChat(chatId);
      // The chat stays the advisor's to end (the customer may still come back), but the
      // advisor should not go on writing to nobody.
      if (chat.state === "advisor") {
        await deps.handoff.customerGone(chatId, true);
        advisors.to(chatRoom(chatId)).emit("chat:customer", { chatId, connected: false });
        return;
      }
      if (chat.state !== "queued") return;
      await deps.handoff.leaveQueue(chatId);
      deps.logger.info("queued chat left: customer gone", { chatId });
    },
    background: (work) => {
      const logged = work.catch((error: unknown) =>
        deps.logger.warn("taking a departed customer's chat out of the queue failed", {
          error: error as Error,
        }),
      );
      deps.inFlight.track(logged);
    },
  });
}
