/**
 * Referral groups are content: another agency's matters (Kela, Traficom, the police...) and
 * small talk, each answered with a short pointer to where the customer should go. The
 * recogniser learns each group as a class of its own, named so that it can never be taken
 * for a topic: topic ids are lower-case, this name starts with a capital. The same name is
 * the group's Lex intent (Lex names allow letters, digits, "_" and "-").
 */

/** Prefix of a referral group's class in the recognisers and its intent in the Lex bot. */
export const REFERRAL_INTENT_PREFIX = "Referral_";

/** The recogniser's class (and Lex intent name) for referral group `id`. */
export function referralIntentName(id: string): string {
  return `${REFERRAL_INTENT_PREFIX}${id}`;
}

/** The referral group a recogniser class or Lex intent stands for; undefined for any other. */
export function referralOfIntent(name: string | undefined): string | undefined {
  return name?.startsWith(REFERRAL_INTENT_PREFIX)
    ? name.slice(REFERRAL_INTENT_PREFIX.length) || undefined
    : undefined;
}
