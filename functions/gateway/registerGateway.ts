import type { Server } from "socket.io";
import type { Config } from "../config.ts";
import type { Bot } from "../domain/dialogue/bot.ts";
import type { PresenceRegistry } from "../domain/handoff/presence.ts";
import type { IdentityVerifier } from "../domain/identity/identity.ts";
import { formatNextOpeningIfClosed } from "../domain/openingHours/index.ts";
import type { Logger } from "../observability/logger.ts";
import { buildChatService, type Services } from "../services.ts";
import { registerChatNamespace } from "./chatNamespace.ts";
import type { InFlight } from "./inFlight.ts";
import { registerHandoff } from "./registerHandoff.ts";
import { createSocketNotifier } from "./socketNotifier.ts";

/**
 * Everything a gateway process serves over socket.io: the chat service with its bot, the
 * customer namespace, handoff and the advisor namespace. The local server and the Fargate
 * gateway differ only in the bot, the adapter and where DynamoDB is.
 */
export function registerGateway(
  io: Server,
  ctx: {
    services: Services;
    bot: Bot;
    config: Config;
    identity: IdentityVerifier;
    logger: Logger;
    inFlight: InFlight;
    /** Shared presence for several nodes; one process keeps its own otherwise. */
    presence?: PresenceRegistry;
    /** Whether the loaded content has a topic, where this process holds the content. */
    isKnownTopic?: (topic: string) => boolean;
  },
) {
  const { services, config, identity, logger, inFlight, presence } = ctx;
  const chats = buildChatService(services, {
    bot: ctx.bot,
    notifier: createSocketNotifier(io),
    config,
    advisorHours: (queue, at, lang) =>
      formatNextOpeningIfClosed(services.openingHours, queue, at, lang),
  });
  const live = registerHandoff(io, {
    services,
    chats,
    config,
    identity,
    logger,
    inFlight,
    presence,
    ...(ctx.isKnownTopic ? { isKnownTopic: ctx.isKnownTopic } : {}),
  });
  registerChatNamespace(io, {
    chats,
    surveys: services,
    appointments: services,
    identity,
    logger,
    inFlight,
    ...live,
    rateLimit: { burst: config.CHAT_RATE_BURST, perSecond: config.CHAT_RATE_PER_SECOND },
    limits: { limiter: services.limits, clientAddressOf: services.clientAddressOf },
  });
  return { chats, ...live };
}
