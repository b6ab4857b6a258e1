/**
 * How the callback list writes times for advisors: when a request was left and the earliest
 * call time in Helsinki time (the service's day, wherever the advisor's computer is), and how
 * long it has waited in the coarsest units that still tell whom to call first. Pure.
 */
import type { Lang } from "../../functions/contracts/lang.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: Record<Lang, { under: string; day: string }> = {
  fi: { under: "alle 1 min", day: "pv" },
  sv: { under: "under 1 min", day: "d" },
};

/** "alle 1 min", "25 min", "3 h 05 min", "2 pv 4 h": a wait of `ms` milliseconds. */
export function waitedFor(ms: number, lang: Lang): string {
  const units = UNITS[lang];
  if (!(ms >= MINUTE)) return units.under;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return `${Math.floor(ms / HOUR)} h ${String(minutes).padStart(2, "0")} min`;
  }
  return `${Math.floor(ms / DAY)} ${units.day} ${Math.floor((ms % DAY) / HOUR)} h`;
}

const dayAndTime: Record<Lang, Intl.DateTimeFormat> = {
  fi: formatIn("fi-FI"),
  sv: formatIn("sv-FI"),
};

function formatIn(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Europe/Helsinki",
  });
}

/**
 * "ti 24.11. klo 10.05" / "tis 24.11 kl. 10.05": an ISO instant as a weekday, date and time
 * in Helsinki, written as Finnish and Finland-Swedish write them.
 */
export function dayTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Assembled from the locale's parts rather than taken whole: ICU writes "lör 5.12 23.52"
  // for sv-FI, without the "kl." Finland-Swedish puts before a time, and browsers' ICU
  // versions differ in such details.
  const p: Partial<Record<string, string>> = {};
  for (const part of dayAndTime[lang].formatToParts(date)) p[part.type] = part.value;
  const at = lang === "fi" ? ". klo" : " kl.";
  return `${p.weekday} ${p.day}.${p.month}${at} ${p.hour}.${p.minute}`;
}
