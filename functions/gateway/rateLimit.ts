import type { Socket } from "socket.io";
import type { AckError } from "../contracts/protocol.ts";

/** How many events one connection may send: a burst, refilled at a steady rate. */
export interface EventRateLimit {
  burst: number;
  perSecond: number;
}

/** Generous for a person typing, clicking quick replies and reconnecting; not for a script. */
export const DEFAULT_EVENT_RATE_LIMIT: EventRateLimit = { burst: 20, perSecond: 1 };

const RATE_LIMITED: AckError = {
  ok: false,
  error: {
    code: "RATE_LIMITED",
    message: "You are sending messages faster than we can read them. Please wait a moment.",
  },
};

/**
 * Answers a connection's events over its limit with RATE_LIMITED instead of handling them
 * (a token bucket per connection), so one flooding client cannot crowd out the others.
 */
export function limitEventRate(
  socket: Socket,
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
