/**
 * Which browser pages may talk to the service. A browser names the page's origin in every
 * socket.io handshake and API call; one not on the list is refused, so another site cannot
 * drive a customer's or an advisor's session from their browser. A request without an Origin
 * is no browser's cross-site request (scripts, the bench, server-to-server) and passes.
 */
export interface OriginPolicy {
  allows(origin: string | undefined): boolean;
  /** The allowed origins, for the pages' CSP `connect-src`. */
  origins(): readonly string[];
}

/** A policy over the configured origins plus `own()`, the service's own (known once listening). */
export function createOriginPolicy(
  configured: readonly string[],
  own: () => readonly string[] = () => [],
): OriginPolicy {
  const origins = () => [...new Set([...own(), ...configured])];
  return {
    allows: (origin) => origin === undefined || origins().includes(origin),
    origins,
  };
}

/** CSP `connect-src` for the pages: themselves and the allowed origins, over HTTP and WebSocket. */
export function connectSrc(policy: OriginPolicy): string {
  const sources = policy.origins().flatMap((o) => [o, o.replace(/^http/, "ws")]);
  return ["'self'", ...sources].join(" ");
}
