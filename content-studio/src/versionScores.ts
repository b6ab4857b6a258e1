/**
 * A version's test-gate numbers as the version list shows them, beside the live version's so
 * a reviewer sees whether the change makes the bot answer better or worse.
 */
import { LANGS, type VersionScores } from "./api.ts";
import { formatPercent, type UiText } from "./i18n.ts";

/** One line per language: "suomi: osuvuus 95,5 % (käytössä oleva versio 95,2 %), …". */
export function scoreLines(
  scores: VersionScores,
  live: VersionScores | undefined,
  t: UiText,
): string[] {
  return LANGS.map((lang) => {
    const own = scores[lang];
    const theirs = live?.[lang];
    const shown = (value: number, against: number | undefined) =>
      against === undefined
        ? formatPercent(value, t)
        : `${formatPercent(value, t)} ${t.scoreAgainstLive(formatPercent(against, t))}`;
    return t.scoreLine(
      t.langName[lang],
      shown(own.accuracy, theirs?.accuracy),
      shown(own.noneRecall, theirs?.noneRecall),
    );
  });
}
