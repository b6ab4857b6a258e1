import { BlockList, isIP } from "node:net";

/**
 * The address a request came from, for per-client limits. X-Forwarded-For is written by
 * whoever sends the request, so it is believed only hop by hop from the connection's own
 * peer backwards while each hop is a configured trusted proxy (the load balancer's subnet in
 * AWS); without trusted proxies the header is ignored altogether.
 */
export type ClientAddressOf = (peer: string | undefined, forwardedFor?: string) => string;

/** Thrown at start-up for an entry of TRUSTED_PROXIES that is not an address or a CIDR block. */
export class InvalidProxyError extends Error {
  override name = "InvalidProxyError";
}

/** `::ffff:10.0.0.1` is the IPv4 peer 10.0.0.1 on a dual-stack socket. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

function family(address: string): "ipv4" | "ipv6" | undefined {
  const kind = isIP(address);
  return kind === 4 ? "ipv4" : kind === 6 ? "ipv6" : undefined;
}

/** Parses TRUSTED_PROXIES entries (addresses or CIDR blocks) into a resolver. */
export function createClientAddressOf(trustedProxies: readonly string[]): ClientAddressOf {
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address = "", bits] = entry.split("/");
    const kind = family(normalise(address));
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = kind === "ipv4" ? 32 : 128;
    if (
      !kind ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    ) {
      throw new InvalidProxyError(`${entry} is not an IP address or a CIDR block`);
    }
    if (prefix === undefined) trusted.addAddress(normalise(address), kind);
    else trusted.addSubnet(normalise(address), prefix, kind);
  }
  const isTrusted = (address: string) => {
    const kind = family(address);
    return kind !== undefined && trusted.check(address, kind);
  };

  return (peer, forwardedFor) => {
    let client = normalise(peer ?? "") || "unknown";
    if (!forwardedFor || trustedProxies.length === 0) return client;
    const hops = forwardedFor.split(",").map(normalise).reverse();
    for (const hop of hops) {
      if (!isTrusted(client)) break;
      // A hop that is not an address: the proxy before it is as far back as can be known.
      if (!family(hop)) break;
      client = hop;
    }
    return client;
  };
}
