import type { AckError } from "../contracts/protocol.ts";
import { rateLimitedMessage } from "../domain/limits/requestLimits.ts";

/** How many events one connection may send: a burst, refilled at a steady rate. */
export interface EventRateLimit {
  burst: number;
  perSecond: number;
}

/** Generous for a person typing, clicking quick replies and reconnecting; not for a script. */
export const DEFAULT_EVENT_RATE_LIMIT: EventRateLimit = { burst: 20, perSecond: 1 };

// The connection's chat (and so its language) is not known here: the polite request in both
// national languages, as for any refusal whose language is unknown.
const RATE_LIMITED: AckError = {
  ok: false,
  error: { code: "RATE_LIMITED", message: rateLimitedMessage() },
};

/** The part of a socket.io socket the limit needs, whatever the socket's event maps are. */
export interface IncomingEvents {
  use(fn: (packet: unknown[], next: (err?: Error) => void) => void): unknown;
}

/**
 * Answers a connection's events over its limit with RATE_LIMITED instead of handling them
 * (a token bucket per connection), so one flooding client cannot crowd out the others.
 */
export function limitEventRate(
  socket: IncomingEvents,
  limit: EventRateLimit = DEFAULT_EVENT_RATE_LIMIT,
  now: () => number = Date.now,
): void {
  let tokens = limit.burst;
  let refilledAt = now();
  socket.use((packet, next) => {
    const at = now();
    tokens = Math.min(limit.burst, tokens + ((at - refilledAt) / 1000) * limit.perSecond);
    refilledAt = at;
    if (tokens >= 1) {
      tokens -= 1;
      next();
      return;
    }
    const ack = packet.at(-1);
    if (typeof ack === "function") ack(RATE_LIMITED);
  });
}
