/**
 * How report figures are written for people: Finnish and Swedish number conventions
 * (decimal comma, space as thousands separator, "98,5 %"), and a dash for "no data".
 * Pure; the same strings are used on screen, in chart descriptions and in the CSV files.
 */
import type { Lang } from "../../../functions/contracts/lang.ts";

/** Shown where a rate has no denominator (no chats, no surveys): not zero, just unknown. */
export const NO_DATA = "–";

const LOCALE: Record<Lang, string> = { fi: "fi-FI", sv: "sv-FI" };

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * Intl writes a non-breaking space as the thousands separator and U+2212 as the minus sign in
 * fi/sv. Kept on screen (numbers do not break across lines); plain characters in CSV.
 */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");
}

/** A count: "12 345". */
export function formatCount(value: number, lang: Lang): string {
  return numberFormat(lang, 0).format(value);
}

/** A rate 0..1 as a percentage with one decimal: "98,5 %"; null is "–". */
export function formatRate(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return `${numberFormat(lang, 1).format(value * 100)}\u00a0%`;
}

/** Average satisfaction on the 1-5 scale: "4,2 / 5"; null is "–". */
export function formatScore(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return `${numberFormat(lang, 1).format(value)}\u00a0/\u00a05`;
}

/**
 * A queue wait: "45 s", "2 min 10 s", "≥ 60 min" (the open last range gives its start, an
 * hour, as a lower bound); null is "–".
 */
export function formatWait(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_DATA;
  if (seconds >= 3600) return "≥\u00a060\u00a0min";
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes === 0) return `${rest}\u00a0s`;
  return rest === 0 ? `${minutes}\u00a0min` : `${minutes}\u00a0min ${rest}\u00a0s`;
}

/** A plain decimal for spreadsheets: "98,5" (no unit, no grouping); null is empty. */
export function decimalForCsv(value: number | null, digits: number, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return "";
  return plain(numberFormat(lang, digits).format(value)).replace(/\s/g, "");
}

/** A rate 0..1 as a percentage number for spreadsheets: 0.985 → "98,5". */
export function rateForCsv(value: number | null, lang: Lang): string {
  return decimalForCsv(value === null ? null : value * 100, 1, lang);
}

/** A day YYYY-MM-DD the way people write it in Finland and Sweden-speaking Finland: "23.11.2026". */
export function formatDay(day: string, options: { year?: boolean } = {}): string {
  const [y, m, d] = day.split("-");
  const short = `${Number(d)}.${Number(m)}.`;
  return options.year === false ? short : `${short}${y}`;
}

/** A period for headings and descriptions: "1.–30.11.2026", "28.12.2025–3.1.2026". */
export function formatPeriod(from: string, to: string): string {
  if (from === to) return formatDay(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDay(from)}–${formatDay(to)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}.–${formatDay(to)}`;
  return `${formatDay(from, { year: false })}–${formatDay(to)}`;
}
