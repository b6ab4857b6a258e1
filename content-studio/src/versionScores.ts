/**
 * A version's test-gate numbers as the version list shows them, beside the live version's so
 * a reviewer sees whether the change makes the bot answer better or worse: accuracy, none
 * recall, how often it would answer a question no topic covers with a topic's text, and how
 * many test messages it newly gets wrong and fixes against the live version it replaces.
 */
import { MAX_UNCOVERED_ANSWERED } from "../../functions/contracts/contentTargets.ts";
import { LANGS, type Lang, type VersionScores } from "./api.ts";
import { formatPercent, type UiText } from "./i18n.ts";

/** One language's numbers as shown: the line, and whether its uncovered share is over the gate's limit. */
export interface ScoreLine {
  lang: Lang;
  text: string;
  overUncoveredLimit: boolean;
  /** Its test-split answers against the version live when it was published, when kept. */
  againstLive?: AgainstLiveLine;
}

/**
 * "versioon 3 verrattuna" + "12 uutta virhettä" + "19 korjattua": in parts, so the new
 * mistakes can be marked (`worse`, when there are any).
 */
export interface AgainstLiveLine {
  lead: string;
  newMistakes: string;
  fixed: string;
  worse: boolean;
}

/** The version's new mistakes and fixes against the live version it was published on. */
function againstLiveLine(
  against: NonNullable<VersionScores[Lang]["againstLive"]>,
  t: UiText,
): AgainstLiveLine {
  // Said as a version's test says its counts ("12 uutta virhettä, 19 korjattua").
  return {
    lead: t.againstLiveLead(against.version),
    newMistakes: t.newMistakes(against.newMistakes),
    fixed: t.fixedCount(against.fixed),
    worse: against.newMistakes > 0,
  };
}

/**
 * Where a reviewer sees which messages the against-live counts are: the version's test, told
 * when any message's answer changes (undefined otherwise).
 */
export function againstLiveHint(scores: VersionScores, t: UiText): string | undefined {
  const changes = LANGS.some((lang) => {
    const against = scores[lang].againstLive;
    return against !== undefined && against.newMistakes + against.fixed > 0;
  });
  return changes ? t.againstLiveHint(t.testVersion) : undefined;
}

/** The share of uncovered questions answered with a topic, when the version measured one. */
function uncoveredShare(scores: VersionScores[Lang] | undefined): number | undefined {
  // Numbers kept before the figure have none; a version that kept no questions measured none.
  return scores?.uncoveredCases ? scores.uncoveredAnswered : undefined;
}

/**
 * One line per language: "suomi: osuvuus 95,5 % (käytössä oleva versio 95,8 %), …,
 * kysymyksistä, joihin mikään aihe ei vastaa, vastattu aiheen tekstillä 2,8 % (… 0 %)".
 */
export function scoreLines(
  scores: VersionScores,
  live: VersionScores | undefined,
  t: UiText,
): ScoreLine[] {
  return LANGS.map((lang) => {
    const own = scores[lang];
    const theirs = live?.[lang];
    const shown = (value: number, against: number | undefined) =>
      against === undefined
        ? formatPercent(value, t)
        : `${formatPercent(value, t)} ${t.scoreAgainstLive(formatPercent(against, t))}`;
    const answered = uncoveredShare(own);
    const line = t.scoreLine(
      t.langName[lang],
      shown(own.accuracy, theirs?.accuracy),
      shown(own.noneRecall, theirs?.noneRecall),
    );
    return {
      lang,
      text:
        answered === undefined
          ? line
          : `${line}, ${t.scoreUncovered(shown(answered, uncoveredShare(theirs)))}`,
      overUncoveredLimit: answered !== undefined && answered > MAX_UNCOVERED_ANSWERED,
      ...(own.againstLive ? { againstLive: againstLiveLine(own.againstLive, t) } : {}),
    };
  });
}
