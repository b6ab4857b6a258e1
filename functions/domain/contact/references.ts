import { REFERENCE_PATTERN } from "../../contracts/contactRequests.ts";

/**
 * Human-friendly references a customer can read out on the phone: a prefix and Crockford
 * base32, which has no I, L, O or U to confuse with 1, 0 or V.
 *
 * Callbacks get 6 characters (30 bits): the reference only identifies the request to an
 * advisor. Appointments get 8 (40 bits) because the reference alone cancels the booking,
 * so it must not be guessable by walking through neighbouring values.
 */

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export type ReferenceKind = "callback" | "appointment";

/** Makes a fresh random reference of a kind; tests substitute a predictable one. */
export type ReferenceSource = (kind: ReferenceKind) => string;

const FORMAT: Record<ReferenceKind, { prefix: string; length: number }> = {
  callback: { prefix: "SP", length: 6 }, // soittopyyntö
  appointment: { prefix: "AV", length: 8 }, // ajanvaraus
};

/** A new random reference from the platform's cryptographic random source. */
export const randomReference: ReferenceSource = (kind) => {
  const { prefix, length } = FORMAT[kind];
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 is a multiple of 32, so taking the low five bits keeps every character equally likely.
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join("");
  return `${prefix}-${chars}`;
};

/**
 * The canonical form of a reference as a customer may type it (any case, spaces, O for 0,
 * I or L for 1), or null when it cannot be one of ours.
 */
export function normaliseReference(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, "");
  const m = /^([A-Z]{2})-?([0-9A-Z]+)$/.exec(compact);
  if (!m) return null;
  const body = (m[2] ?? "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const reference = `${m[1]}-${body}`;
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}

/** How many times a colliding reference is redrawn before giving up (a collision is rare). */
export const REFERENCE_ATTEMPTS = 5;
