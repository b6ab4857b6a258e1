import { DateTime } from "luxon";
import type { Lang } from "../../contracts/lang.ts";
import type { OpeningHours } from "./config.ts";
import { nextOpening } from "./schedule.ts";

/**
 * Customer-facing wording of an opening time, following each language's own conventions:
 * fi "maanantaina 24.11. klo 9.00" (essive weekday, ordinal dots), sv "måndag 24.11 kl. 9.00".
 */

const WORDS: Record<Lang, { today: string; tomorrow: string; at: string }> = {
  fi: { today: "tänään", tomorrow: "huomenna", at: "klo" },
  sv: { today: "i dag", tomorrow: "i morgon", at: "kl." },
};

/** The date as each language writes it: fi "8.12." (ordinal dots), sv "8.12"; the year when asked. */
function datePart(local: DateTime, lang: Lang, withYear: boolean): string {
  if (lang === "fi") return local.toFormat(withYear ? "d.M.yyyy" : "d.M.");
  return local.toFormat(withYear ? "d.M.yyyy" : "d.M");
}

/** "today" or "tomorrow" when `local` is one of them. */
function nearDay(local: DateTime, lang: Lang, now: DateTime | undefined): string | undefined {
  if (!now) return undefined;
  const days = local.startOf("day").diff(now.startOf("day"), "days").days;
  return days === 0 ? WORDS[lang].today : days === 1 ? WORDS[lang].tomorrow : undefined;
}

// Add the year only when it is not the current one, as people write dates.
const otherYear = (local: DateTime, now: DateTime | undefined) =>
  now !== undefined && local.year !== now.year;

function dayPart(local: DateTime, lang: Lang, now: DateTime | undefined): string {
  const near = nearDay(local, lang, now);
  if (near) return near;
  const date = datePart(local, lang, otherYear(local, now));
  // Luxon gives the nominative ("maanantai"); "on Monday" is the essive, which is the
  // nominative + "na" for every Finnish weekday name.
  return lang === "fi"
    ? `${local.toFormat("cccc")}na ${date}`
    : `${local.toFormat("cccc")} ${date}`;
}

const local = (at: Date, lang: Lang, timeZone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone }).setLocale(lang);

/**
 * Formats `at` as a day and time in `lang` in the given zone. With `now`, says "today" /
 * "tomorrow" where it fits and adds the year when it differs from now's.
 */
export function formatOpeningTime(at: Date, lang: Lang, timeZone: string, now?: Date): string {
  const localNow = now ? DateTime.fromJSDate(now, { zone: timeZone }) : undefined;
  return `${dayPart(local(at, lang, timeZone), lang, localNow)} ${formatClockTime(at, lang, timeZone)}`;
}

/**
 * The local day of `at` as a heading over that day's times: fi "tiistai 8.12.", sv "tisdag
 * 8.12" (the nominative: it names the day, it does not say "on Tuesday"). With `now`,
 * "tänään, " / "i dag, " or "huomenna, " / "i morgon, " before it, and the year when it
 * differs from now's.
 */
export function formatDay(at: Date, lang: Lang, timeZone: string, now?: Date): string {
  const day = local(at, lang, timeZone);
  const localNow = now ? DateTime.fromJSDate(now, { zone: timeZone }) : undefined;
  const named = `${day.toFormat("cccc")} ${datePart(day, lang, otherYear(day, localNow))}`;
  const near = nearDay(day, lang, localNow);
  return near ? `${near}, ${named}` : named;
}

/** The local time of day of `at`: fi "klo 9.00", sv "kl. 9.00". */
export function formatClockTime(at: Date, lang: Lang, timeZone: string): string {
  return `${WORDS[lang].at} ${local(at, lang, timeZone).toFormat("H.mm")}`;
}

/**
 * The next opening of `queue` after `now` in the customer's language (defaults to the
 * queue's), e.g. "maanantaina 24.11. klo 9.00"; when open now it describes `now` itself.
 */
export function formatNextOpening(
  schedule: OpeningHours,
  queue: Lang,
  now: Date,
  lang: Lang = queue,
): string {
  return formatOpeningTime(nextOpening(schedule, queue, now), lang, schedule.config.timeZone, now);
}

/**
 * While `queue` is closed at `now`: its next opening in words, as formatNextOpening says it;
 * undefined while it is open. Asked for every reply that would offer a person, so it costs
 * what isOpen does (a lookup in the day's periods, cached per schedule) while open.
 */
export function formatNextOpeningIfClosed(
  schedule: OpeningHours,
  queue: Lang,
  now: Date,
  lang: Lang = queue,
): string | undefined {
  const next = nextOpening(schedule, queue, now);
  // nextOpening answers `now` itself while open.
  if (next.getTime() === now.getTime()) return undefined;
  return formatOpeningTime(next, lang, schedule.config.timeZone, now);
}
