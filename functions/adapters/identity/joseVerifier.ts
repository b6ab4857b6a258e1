import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import {
  type Assurance,
  type CustomerIdentity,
  IdentityError,
  IdentityUnavailableError,
  type IdentityVerifier,
  STAFF_ROLES,
  type StaffIdentity,
  type StaffRole,
} from "../../domain/identity/identity.ts";
import type { Clock } from "../../domain/ports.ts";

/** Where staff tokens come from when that differs from the customer issuer. */
export interface StaffTokenOptions {
  audience: string;
  /** Defaults to the customer issuer (one Cognito user pool, two app clients). */
  issuer?: string;
  /** Defaults to the customer key set. */
  jwks?: JWTVerifyGetKey;
}

export interface JoseVerifierOptions {
  issuer: string;
  audience: string;
  /** The issuer's keys: createRemoteJWKSet(jwksUrl) in production, createLocalJWKSet locally. */
  jwks: JWTVerifyGetKey;
  clock: Clock;
  /** Allowed clock skew between us and the issuer for exp, nbf and iat. */
  clockToleranceSeconds?: number;
  /** Longest `exp - iat` accepted; a longer-lived token is refused (default 12 hours). */
  maxLifetimeSeconds?: number;
  /** Asymmetric algorithms only: an HMAC token could be signed with a public key as secret. */
  algorithms?: string[];
  /** Console (staff) tokens; verifyStaff refuses everything when absent. */
  staff?: StaffTokenOptions;
  /** Shorthand for `staff: { audience }`. */
  staffAudience?: string;
}

// Real tokens are a few kilobytes; anything far larger is refused before any parsing.
const MAX_TOKEN_CHARS = 16_384;

/** A working day: longer than any ID token an issuer should hand out for a chat or a shift. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/**
 * Level-of-assurance values we understand: eIDAS URIs (Suomi.fi eIDAS, most brokers), the
 * Finnish Trust Network values Suomi.fi e-Identification sends (loa2 = substantial, loa3 =
 * high), and short forms. Anything else, or no `acr` at all, counts as low: an unknown level
 * must never unlock personal data.
 */
const ACR_LEVELS: Readonly<Record<string, Assurance>> = {
  "http://eidas.europa.eu/LoA/low": "low",
  "http://eidas.europa.eu/LoA/substantial": "substantial",
  "http://eidas.europa.eu/LoA/high": "high",
  "http://ftn.ficora.fi/2017/loa2": "substantial",
  "http://ftn.ficora.fi/2017/loa3": "high",
  low: "low",
  substantial: "substantial",
  high: "high",
};

/** The assurance level an `acr` claim stands for; unknown or missing values are low. */
export function assuranceFromAcr(acr: unknown): Assurance {
  return typeof acr === "string" ? (ACR_LEVELS[acr] ?? "low") : "low";
}

/**
 * IdentityVerifier over jose: signature against the issuer's JWKS, `iss`, `aud`, `exp`/`nbf`
 * with a small tolerance, and an algorithm allow-list. A customer token with a low `acr` is
 * still a valid identity (`assurance: "low"`); whether it may see personal data is decided by
 * `canSeePersonalData`, so a weak sign-in keeps the chat going without unlocking anything.
 */
export function createJoseVerifier(options: JoseVerifierOptions): IdentityVerifier {
  const tolerance = options.clockToleranceSeconds ?? 60;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const algorithms = options.algorithms ?? ["ES256", "RS256"];
  const staff =
    options.staff ?? (options.staffAudience ? { audience: options.staffAudience } : undefined);

  async function verify(
    token: string,
    issuer: string,
    audience: string,
    jwks: JWTVerifyGetKey,
  ): Promise<JWTPayload> {
    if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_CHARS) {
      throw new IdentityError("TOKEN_INVALID", "The sign-in token is missing or malformed.");
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience,
        algorithms,
        clockTolerance: tolerance,
        currentDate: options.clock.now(),
        requiredClaims: ["sub", "exp", "iat"],
      });
      if (typeof payload.sub !== "string" || payload.sub.trim() === "") {
        throw new IdentityError("TOKEN_INVALID", "The sign-in token names no subject.");
      }
      // jose checks iat only against a maximum age: a token "issued" in the future, or one
      // that lives for days, would otherwise outlast the sign-in it stands for.
      const iat = payload.iat as number;
      const nowSeconds = Math.floor(options.clock.now().getTime() / 1000);
      if (iat > nowSeconds + tolerance) {
        throw new IdentityError("TOKEN_INVALID", "The sign-in token has an unusable issue time.");
      }
      if ((payload.exp as number) - iat > maxLifetime) {
        throw new IdentityError(
          "TOKEN_INVALID",
          "The sign-in token is valid for longer than this service accepts.",
        );
      }
      return payload;
    } catch (error) {
      throw toIdentityError(error);
    }
  }

  return {
    async verifyCustomer(idToken) {
      const claims = await verify(idToken, options.issuer, options.audience, options.jwks);
      return {
        subject: claims.sub as string,
        name: personName(claims),
        assurance: assuranceFromAcr(claims.acr),
        expiresAt: new Date((claims.exp as number) * 1000),
      } satisfies CustomerIdentity;
    },

    async verifyStaff(token) {
      if (!staff) throw new IdentityError("NOT_STAFF", "Staff sign-in is not enabled here.");
      const claims = await verify(
        token,
        staff.issuer ?? options.issuer,
        staff.audience,
        staff.jwks ?? options.jwks,
      );
      const roles = staffRoles(claims);
      if (roles.length === 0) {
        throw new IdentityError("NOT_STAFF", "This account has no staff role.");
      }
      return {
        subject: claims.sub as string,
        displayName: personName(claims),
        roles,
        languages: staffLanguages(claims),
      } satisfies StaffIdentity;
    },
  };
}

/**
 * Maps jose's failures to our codes with fixed messages. jose's own errors are never passed
 * on, not even as `cause`: a claim-validation error carries the whole payload, identity code
 * included, and would leak it into any log that prints the cause.
 */
function toIdentityError(error: unknown): Error {
  if (error instanceof IdentityError) return error;
  if (error instanceof errors.JWTExpired) {
    return new IdentityError("TOKEN_EXPIRED", "The sign-in has expired; sign in again.");
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const message: Record<string, string> = {
      iss: "The sign-in token comes from an issuer this service does not trust.",
      aud: "The sign-in token was issued for another service.",
      nbf: "The sign-in token is not valid yet.",
      iat: "The sign-in token has an unusable issue time.",
      sub: "The sign-in token names no subject.",
    };
    return new IdentityError(
      "TOKEN_INVALID",
      message[error.claim] ?? "The sign-in token lacks a required claim.",
    );
  }
  if (error instanceof errors.JWKSTimeout) return new IdentityUnavailableError();
  if (error instanceof errors.JOSEError) {
    // Bad signature, unknown key, disallowed algorithm (incl. "none"), malformed token.
    return new IdentityError("TOKEN_INVALID", "The sign-in token could not be verified.");
  }
  // Not jose's verdict on the token: the key set could not be fetched (network, DNS, 5xx).
  return new IdentityUnavailableError();
}

function personName(claims: JWTPayload): string {
  if (typeof claims.name === "string" && claims.name.trim()) return claims.name.trim();
  return [claims.given_name, claims.family_name]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .map((part) => part.trim())
    .join(" ");
}

/** Roles from a `roles` claim or Cognito's `cognito:groups`; unknown roles are dropped. */
function staffRoles(claims: JWTPayload): StaffRole[] {
  const raw = listClaim(claims.roles) ?? listClaim(claims["cognito:groups"]) ?? [];
  return STAFF_ROLES.filter((role) => raw.includes(role));
}

/** Languages from a `languages` claim or Cognito's comma-separated `custom:languages`. */
function staffLanguages(claims: JWTPayload): Lang[] {
  const raw = listClaim(claims.languages) ?? listClaim(claims["custom:languages"]) ?? [];
  return LANGS.filter((lang) => raw.includes(lang));
}

function listClaim(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === "string").map((v) => v.trim());
  }
  if (typeof value === "string") return value.split(/[,\s]+/).filter(Boolean);
  return undefined;
}
