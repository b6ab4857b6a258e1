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

function dayPart(local: DateTime, lang: Lang, now: DateTime | undefined): string {
  if (now) {
    const days = local.startOf("day").diff(now.startOf("day"), "days").days;
    if (days === 0) return WORDS[lang].today;
    if (days === 1) return WORDS[lang].tomorrow;
  }
  // Add the year only when it is not the current one, as people write dates.
  const withYear = now !== undefined && local.year !== now.year;
  if (lang === "fi") {
    // Luxon gives the nominative ("maanantai"); "on Monday" is the essive, which is the
    // nominative + "na" for every Finnish weekday name.
    return `${local.toFormat("cccc")}na ${local.toFormat(withYear ? "d.M.yyyy" : "d.M.")}`;
  }
  return `${local.toFormat("cccc")} ${local.toFormat(withYear ? "d.M.yyyy" : "d.M")}`;
}

/**
 * Formats `at` as a day and time in `lang` in the given zone. With `now`, says "today" /
 * "tomorrow" where it fits and adds the year when it differs from now's.
 */
export function formatOpeningTime(at: Date, lang: Lang, timeZone: string, now?: Date): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(lang);
  const localNow = now ? DateTime.fromJSDate(now, { zone: timeZone }) : undefined;
  return `${dayPart(local, lang, localNow)} ${WORDS[lang].at} ${local.toFormat("H.mm")}`;
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
