/**
 * What masking puts in place of personal data, and a masked text made back into a sentence
 * to learn from. Apart from the masking itself so that the content studio can bundle it
 * without the phone-number library.
 */
export type PersonalDataKind = "identity-code" | "iban" | "phone" | "email";

export const PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  "identity-code": "[ID-CODE]",
  iban: "[IBAN]",
  phone: "[PHONE]",
  email: "[EMAIL]",
};

const PLACEHOLDER_PATTERN = new RegExp(
  Object.values(PLACEHOLDERS)
    .map((p) => p.replace(/[[\]]/g, "\\$&"))
    .join("|"),
  "g",
);

/**
 * A masked text without its placeholders, as a sentence to learn from: "[ID-CODE]" says
 * nothing about what the customer asked, and a recogniser would learn it as a word.
 */
export function withoutPlaceholders(masked: string): string {
  return masked.replace(PLACEHOLDER_PATTERN, " ").replace(/\s+/g, " ").trim();
}
