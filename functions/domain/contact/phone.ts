import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Customer phone numbers: Finnish national formats ("040 123 4567", "(09) 123 4567") and
 * international ones ("+46 70 123 45 67", "00358 40 123 4567"), normalised to E.164.
 *
 * The "max" metadata checks each country's real number ranges, not only lengths, so a
 * digit too few or an unallocated range is caught while the customer is still there.
 */

/** Why a phone number was refused. */
export type PhoneRejection = "NOT_A_PHONE_NUMBER" | "PREMIUM_RATE";

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneRejection };

// Only digits, one leading "+", and the separators people type; libphonenumber would
// otherwise dig a number out of free text ("call me at 040...").
const PHONE_CHARACTERS = /^\+?[0-9 ()./-]+$/;

/** Parses `input` as a callable phone number (Finland as the default country) into E.164. */
export function normalisePhone(input: string): PhoneResult {
  const text = input.trim();
  if (!PHONE_CHARACTERS.test(text)) return { ok: false, reason: "NOT_A_PHONE_NUMBER" };
  const parsed = parsePhoneNumberFromString(text, "FI");
  if (!parsed?.isValid()) return { ok: false, reason: "NOT_A_PHONE_NUMBER" };
  // A premium-rate number is never a customer's own line, and calling one would bill the
  // agency; toll-free and service numbers (0800, 010, 020) are a company's own and allowed.
  if (parsed.getType() === "PREMIUM_RATE") return { ok: false, reason: "PREMIUM_RATE" };
  return { ok: true, e164: parsed.number };
}

/** The last `count` digits of a number, for confirmations that must not repeat it whole. */
export function phoneEnding(e164: string, count = 4): string {
  return e164.replace(/\D/g, "").slice(-count);
}

/** An E.164 number in international display form, e.g. "+358 40 1234567", for advisors. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
