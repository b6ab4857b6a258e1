/**
 * One way of writing a range (issue 22): Finnish and Swedish typography join times and
 * numbers with an en dash ("9.00–16.00", "1–5"), and the service once wrote the same hours
 * both ways. Tests run what customers and staff read through this.
 */

// A hyphen, non-breaking hyphen, figure dash or minus between two hour-like numbers (with
// optional minutes). Not part of a longer number or word, so ISO dates ("2026-11-24"),
// business ids ("1234567-8"), references ("AV-7KQ2M9XY") and "A-Za-z0-9" are left alone.
const HYPHEN_RANGE =
  /(?<![\p{L}\d.,:-])\d{1,2}(?:[.:]\d{2})?\s?[-\u2010\u2011\u2012\u2212]\s?\d{1,2}(?:[.:]\d{2})?(?![\d-]|[.,:]\d)/gu;

/** The ranges in `text` written with a hyphen instead of an en dash. */
export function hyphenRanges(text: string): string[] {
  return [...text.matchAll(HYPHEN_RANGE)].map((m) => m[0]);
}
