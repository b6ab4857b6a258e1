/**
 * Who is on the other end of a chat or a console session, as proven by an identity token.
 *
 * The identity is bound to a chat on the server after the token has been verified; nothing a
 * client sends afterwards (message text, Lex or session attributes, socket payloads) can
 * create or change it. The subject is the identity provider's opaque `sub`: this service
 * never needs, stores or logs a personal identity code.
 */
import type { Lang } from "../../contracts/lang.ts";

/** Levels of assurance of a sign-in, in eIDAS terms, weakest first. */
export const ASSURANCE_LEVELS = ["low", "substantial", "high"] as const;
/** Level of assurance of the sign-in, in eIDAS terms. */
export type Assurance = (typeof ASSURANCE_LEVELS)[number];

/** A customer whose ID token has been verified. */
export interface CustomerIdentity {
  /** The identity provider's opaque, stable subject identifier (`sub`). */
  subject: string;
  /** Display name, possibly empty when the provider sends none. */
  name: string;
  assurance: Assurance;
  /** When the ID token expires (its `exp`): personal data only until then. */
  expiresAt: Date;
}

/**
 * advisor and supervisor work in the console; content-owner edits and publishes bot content
 * in the studio, content-reviewer also approves what others published.
 */
export const STAFF_ROLES = ["advisor", "supervisor", "content-owner", "content-reviewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** An advisor or supervisor whose console token has been verified. */
export interface StaffIdentity {
  subject: string;
  displayName: string;
  /** Never empty: a token without a staff role is refused with NOT_STAFF. */
  roles: StaffRole[];
  /** Languages the person serves customers in. */
  languages: Lang[];
}

/** Verifies identity tokens. Adapter: jose against the configured issuers' JWKS. */
export interface IdentityVerifier {
  /**
   * Resolves the customer behind an OpenID Connect ID token, or rejects with IdentityError.
   * A low-assurance sign-in still resolves: check `canSeePersonalData` before personal data.
   */
  verifyCustomer(idToken: string): Promise<CustomerIdentity>;
  /** Resolves the staff member behind a console token, or rejects with IdentityError. */
  verifyStaff(token: string): Promise<StaffIdentity>;
}

export type IdentityErrorCode =
  | "TOKEN_INVALID"
  | "TOKEN_EXPIRED"
  | "ASSURANCE_TOO_LOW"
  | "NOT_STAFF";

/**
 * A token was refused. The code is stable and the message safe to show and log: neither
 * ever contains the token, its claims or an identity code.
 */
export class IdentityError extends Error {
  override name = "IdentityError";
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The identity provider or its key set could not be reached; the token may well be valid.
 * Kept apart from IdentityError so that an outage is not reported as a bad sign-in.
 */
export class IdentityUnavailableError extends Error {
  override name = "IdentityUnavailableError";
  constructor() {
    super("Identity verification is temporarily unavailable; try signing in again shortly.");
  }
}

/** True when the sign-in is strong enough for the customer's own tax data (substantial or high). */
export function canSeePersonalData(identity: Pick<CustomerIdentity, "assurance">): boolean {
  return identity.assurance === "substantial" || identity.assurance === "high";
}

/** The refusal to use when a low-assurance customer asks for personal data. */
export function assuranceTooLowError(): IdentityError {
  return new IdentityError(
    "ASSURANCE_TOO_LOW",
    "Personal data needs strong identification (level substantial or high).",
  );
}
