import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/** The header CloudFront adds to every origin request with the stage's shared secret. */
export const ORIGIN_VERIFY_HEADER = "x-origin-verify";
/** The header CloudFront's viewer-request function sets to the viewer's own address. */
export const VIEWER_ADDRESS_HEADER = "x-viewer-address";

/** Reads the viewer's address from a request's headers, or undefined to use the peer's. */
export type EdgeViewerAddressOf = (
  headers: Readonly<Record<string, string | undefined>> | undefined,
) => string | undefined;

function sameSecret(given: string, expected: Buffer): boolean {
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

/**
 * Behind CloudFront, API Gateway reports the edge server as the request's source, so every
 * customer on one edge would share one per-address allowance. CloudFront sends the viewer's
 * address in `x-viewer-address` and the stage's secret in `x-origin-verify`; the address is
 * believed only when the secret matches, because a request sent straight to the API's own
 * endpoint could carry any header. Without a secret configured (locally) nothing is believed.
 */
export function createEdgeViewerAddressOf(secret: string | undefined): EdgeViewerAddressOf {
  if (!secret) return () => undefined;
  const expected = Buffer.from(secret);
  return (headers) => {
    const given = headers?.[ORIGIN_VERIFY_HEADER];
    if (!given || !sameSecret(given, expected)) return undefined;
    const address = headers?.[VIEWER_ADDRESS_HEADER]?.trim();
    return address && isIP(address) ? address : undefined;
  };
}
