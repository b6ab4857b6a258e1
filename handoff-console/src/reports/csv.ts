/**
 * CSV files of the per-day and per-topic figures for spreadsheets. Written for Excel in a
 * Finnish or Swedish locale: UTF-8 with a byte order mark (so ä and ö survive), semicolons
 * between fields and decimal commas, CRLF line ends, RFC 4180 quoting. Pure.
 */
import { toCsv } from "../../../functions/contracts/csv.ts";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ReportSummary } from "../../../functions/domain/reports/summary.ts";
import { reasonLabel, UI } from "../i18n.ts";
import { decimalForCsv, rateForCsv } from "./format.ts";
import { daysOf } from "./periods.ts";
import { REPORT_TEXT, reportTopicName } from "./text.ts";

// The conventions are shared with the missed-question inbox's export (functions/contracts/csv.ts).
export { BOM, CSV_SEPARATOR, csvField, toCsv } from "../../../functions/contracts/csv.ts";

type Figures = ReportSummary["totals"];

function countsAndRates(f: Figures, lang: Lang): (string | number)[] {
  return [
    f.chats,
    f.botOnlyChats,
    rateForCsv(f.containmentRate, lang),
    f.advisorChats,
    f.handoffs,
    f.callbacks,
    f.bookings,
    f.botAnswers,
    f.misses,
    rateForCsv(f.missRate, lang),
    f.surveys,
    rateForCsv(f.surveyResponseRate, lang),
    decimalForCsv(f.averageScore, 2, lang),
    rateForCsv(f.gotHelpShare, lang),
    // Added later: at the end, so formulas on the earlier columns keep working.
    f.helpful,
    f.unhelpful,
    rateForCsv(f.helpfulShare, lang),
    f.referrals,
    f.inboxed,
    f.cancellations,
    f.queueTaken,
    f.queueWaitMedianSeconds ?? "",
    f.queueWaitP90Seconds ?? "",
    f.queueAbandoned,
    rateForCsv(f.queueAbandonedShare, lang),
    f.wrapups,
  ];
}

function figureHeaders(lang: Lang): string[] {
  const t = REPORT_TEXT[lang];
  return [
    t.colChats,
    t.colBotOnly,
    t.colContainment,
    t.colAdvisorChats,
    t.colHandoffs,
    t.colCallbacks,
    t.colBookings,
    t.colBotAnswers,
    t.colMisses,
    t.colMissRate,
    t.colSurveys,
    t.colResponseRate,
    t.colAverageScore,
    t.colGotHelp,
    t.colHelpful,
    t.colUnhelpful,
    t.colHelpfulShare,
    t.colReferrals,
    t.colInboxed,
    t.colCancellations,
    t.colQueueTaken,
    `${t.colWaitMedian} (s)`,
    `${t.colWaitP90} (s)`,
    t.colAbandoned,
    t.colAbandonedShare,
    t.colWrapups,
  ];
}

const EMPTY_FIGURES: Figures = {
  chats: 0,
  botOnlyChats: 0,
  advisorChats: 0,
  authenticatedChats: 0,
  botAnswers: 0,
  misses: 0,
  handoffs: 0,
  handoffsQueued: 0,
  handoffsUnavailable: 0,
  handoffsClosed: 0,
  callbacks: 0,
  bookings: 0,
  cancellations: 0,
  surveys: 0,
  gotHelp: 0,
  scoreSum: 0,
  score1: 0,
  score2: 0,
  score3: 0,
  score4: 0,
  score5: 0,
  helpful: 0,
  unhelpful: 0,
  referrals: 0,
  inboxed: 0,
  wrapups: 0,
  queueAbandoned: 0,
  queueTaken: 0,
  queueWaitMedianSeconds: null,
  queueWaitP90Seconds: null,
  queueAbandonedShare: null,
  containmentRate: null,
  averageScore: null,
  gotHelpShare: null,
  surveyResponseRate: null,
  helpfulShare: null,
  missRate: null,
};

/** Per-day figures, one line for every day of the period (days without activity as zeros). */
export function dailyCsv(summary: ReportSummary, lang: Lang): string {
  const byDay = new Map(summary.byDay.map((d) => [d.day, d]));
  const rows = daysOf(summary).map((day) => [
    day,
    ...countsAndRates(byDay.get(day) ?? EMPTY_FIGURES, lang),
  ]);
  return toCsv([[REPORT_TEXT[lang].colDay, ...figureHeaders(lang)], ...rows]);
}

/** Per-topic figures with the topic id (stable for formulas) and its name in `lang`. */
export function topicCsv(summary: ReportSummary, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const rows = summary.byTopic.map((row) => [
    row.topic,
    reportTopicName(lang, row.topic),
    ...countsAndRates(row, lang),
  ]);
  return toCsv([["id", t.colTopic, ...figureHeaders(lang)], ...rows]);
}

/** The advisors' wrap-up reasons, most used first: reason id, its name, count and share. */
export function reasonCsv(summary: ReportSummary, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const rows = summary.wrapupReasons.map((r) => [
    r.reason,
    reasonLabel(UI[lang], r.reason),
    r.wrapups,
    rateForCsv(r.share, lang),
  ]);
  return toCsv([["id", t.colReason, t.colWrapups, `${t.colShare} %`], ...rows]);
}

/**
 * A file name that says what and which period, safe on every OS:
 * "raportti-paivittain_2026-11-01_2026-11-30_sv_tax-card.csv".
 */
export function csvFileName(
  base: string,
  summary: Pick<ReportSummary, "from" | "to" | "lang" | "topic">,
): string {
  const parts = [base, summary.from, summary.to, summary.lang, summary.topic].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  return `${parts.join("_").replace(/[^A-Za-z0-9_-]/g, "-")}.csv`;
}
