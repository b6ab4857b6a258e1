import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { Config } from "../../config.ts";
import type { IdentityVerifier } from "../../domain/identity/identity.ts";
import type { Clock } from "../../domain/ports.ts";
import { createJoseVerifier } from "./joseVerifier.ts";

/**
 * The verifier for the issuers named in configuration (Suomi.fi broker or Cognito), or
 * undefined when none is configured and the local identity provider should be used.
 */
export function createConfiguredVerifier(
  config: Pick<
    Config,
    | "OIDC_ISSUER"
    | "OIDC_AUDIENCE"
    | "OIDC_JWKS_URL"
    | "STAFF_ISSUER"
    | "STAFF_AUDIENCE"
    | "STAFF_JWKS_URL"
  > &
    Partial<Pick<Config, "TOKEN_MAX_LIFETIME_SECONDS">>,
  clock: Clock,
): IdentityVerifier | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_JWKS_URL) return undefined;
  const jwks = remoteKeySet(new URL(config.OIDC_JWKS_URL));
  return createJoseVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwks,
    clock,
    ...(config.TOKEN_MAX_LIFETIME_SECONDS
      ? { maxLifetimeSeconds: config.TOKEN_MAX_LIFETIME_SECONDS }
      : {}),
    staff: {
      audience: config.STAFF_AUDIENCE,
      issuer: config.STAFF_ISSUER,
      jwks: config.STAFF_JWKS_URL ? remoteKeySet(new URL(config.STAFF_JWKS_URL)) : undefined,
    },
  });
}

/**
 * The issuer's key set, created on the first token to verify. Creating it loads Node's fetch
 * implementation (undici, 10-20 ms), which a Lambda cold start of a function that never
 * verifies a token should not pay. jose caches the keys and refetches them (rate-limited)
 * when a token names an unknown kid.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey | undefined;
  return (header, token) => {
    keys ??= createRemoteJWKSet(url);
    return keys(header, token);
  };
}
