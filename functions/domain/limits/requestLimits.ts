import type { Lang } from "../../contracts/lang.ts";
import { ChatError } from "../chat/errors.ts";

/**
 * Limits on what one client address, and everyone together, may ask of the service in a
 * window: new chats, requests for a person, bookings, callbacks and surveys. The per-connection
 * event rate cannot stop a client that opens many connections; these can. Counts live in this
 * process (a gateway task, a function instance): the WAF's rate rules in front are the shared
 * first line, these hold behind them.
 */

export const LIMITED_ACTIONS = ["chatStart", "handoff", "booking", "callback", "survey"] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

/** How many of an action one address, and all addresses together, may take per window. */
export interface Allowance {
  perAddress: number;
  overall: number;
}

export interface RequestLimitSettings {
  windowMs: number;
  allowances: Record<LimitedAction, Allowance>;
}

/** Which limit refused a request: the client's own, or the service's as a whole. */
export type LimitScope = "address" | "overall";

const PHRASES: Record<Lang, string> = {
  fi: "Pahoittelemme, emme voi ottaa pyyntöäsi vastaan juuri nyt, koska pyyntöjä on tullut poikkeuksellisen paljon. Yritä hetken kuluttua uudelleen.",
  sv: "Tyvärr kan vi inte ta emot din begäran just nu, eftersom vi har fått ovanligt många begäranden. Försök igen om en stund.",
};

/** The polite refusal, in the customer's language or, when that is not known, in both. */
export function rateLimitedMessage(lang?: Lang): string {
  return lang ? PHRASES[lang] : `${PHRASES.fi} / ${PHRASES.sv}`;
}

export class RateLimitedError extends ChatError {
  override name = "RateLimitedError";
  constructor(
    readonly action: LimitedAction,
    readonly scope: LimitScope,
    /** The language of the refusal (the message). */
    readonly lang?: Lang,
  ) {
    super("RATE_LIMITED", rateLimitedMessage(lang), 429);
  }
}

export interface RequestLimiter {
  /**
   * Takes one `action` for `address`, or throws RateLimitedError (in `lang`) when the
   * address or the service as a whole has used its allowance for the window.
   */
  take(action: LimitedAction, address: string, lang?: Lang): void;
  /** How many counters are held now (memory stays bounded: idle ones are dropped). */
  trackedKeys(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets swept for idle (full again) ones every this many takes, so memory stays bounded. */
const SWEEP_EVERY = 1024;

/**
 * Token buckets: each address may take `perAddress` at once and gets them back evenly over
 * the window, so a person who starts a few chats is never refused while a script soon is.
 * `onRefused` hears every refusal (logged and counted for the alarms).
 */
export function createRequestLimiter(
  settings: RequestLimitSettings,
  opts: {
    now?: () => number;
    onRefused?: (refusal: { action: LimitedAction; scope: LimitScope }) => void;
  } = {},
): RequestLimiter {
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let takes = 0;

  function refilled(key: string, capacity: number, at: number): Bucket {
    const bucket = buckets.get(key) ?? { tokens: capacity, at };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((at - bucket.at) / settings.windowMs) * capacity,
    );
    bucket.at = at;
    buckets.set(key, bucket);
    return bucket;
  }

  function sweep(at: number): void {
    for (const [key, bucket] of buckets) {
      const action = key.slice(0, key.indexOf(" ")) as LimitedAction;
      const { perAddress, overall } = settings.allowances[action];
      const capacity = key.endsWith(" *") ? overall : perAddress;
      if (bucket.tokens + ((at - bucket.at) / settings.windowMs) * capacity >= capacity) {
        buckets.delete(key);
      }
    }
  }

  return {
    take(action, address, lang) {
      const at = now();
      if (++takes % SWEEP_EVERY === 0) sweep(at);
      const { perAddress, overall } = settings.allowances[action];
      // Addresses never contain a space, so "<action> *" cannot collide with one.
      const own = refilled(`${action} ${address}`, perAddress, at);
      const all = refilled(`${action} *`, overall, at);
      const scope: LimitScope | undefined =
        own.tokens < 1 ? "address" : all.tokens < 1 ? "overall" : undefined;
      if (scope) {
        opts.onRefused?.({ action, scope });
        throw new RateLimitedError(action, scope, lang);
      }
      own.tokens -= 1;
      all.tokens -= 1;
    },
    trackedKeys: () => buckets.size,
  };
}
