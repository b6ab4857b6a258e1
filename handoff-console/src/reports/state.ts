/**
 * The Reports page's state, outside any component: who is signed in, the filters as entered
 * and as applied, the report shown and what the page says about it. The view renders these.
 */
import { batch, computed, signal } from "@preact/signals";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ReportSummary } from "../../../functions/domain/reports/summary.ts";
import { clearSession, loadSession, nameInToken, saveSession } from "../auth.ts";
import { uiLang } from "../i18n.ts";
import { loadTopicNames } from "../topicNames.ts";
import { helsinkiToday, isDay, matchingPreset, type Period, periodProblem } from "./periods.ts";
import { fetchReport, type ReportQuery } from "./reportsApi.ts";
import { REPORT_TEXT } from "./text.ts";

export const token = signal<string | undefined>(loadSession()?.token);
/** The signed-in supervisor's name, read from the token: a shared screen says whose it is. */
export const userName = computed(() => (token.value ? nameInToken(token.value) : undefined));
/** Why the sign-in screen is shown again (refused token); shown there as an alert. */
export const signInNotice = signal("");

/** The filters as entered; applied only by "Show" (changing a select never reloads). */
export interface Draft extends ReportQuery {
  /** The preset the select shows, or "custom" for a range of one's own. */
  preset: string;
}

/** The query of the report shown (or being fetched). */
export const query = signal<ReportQuery>({ from: "", to: "" });
export const draft = signal<Draft>({ from: "", to: "", preset: "last30" });
export const summary = signal<ReportSummary | undefined>(undefined);
export const loading = signal(false);
export const problem = signal<{ field: "from" | "to"; message: string } | undefined>(undefined);
/** A refused or failed request: the status and the server's own message. */
export const failure = signal<{ status: number; message?: string } | undefined>(undefined);
/** The file just downloaded; the status line says so until the next report. */
export const downloaded = signal<string | undefined>(undefined);

// The service's clock decides what "today" is (FAKE_TIME locally, the agency's day in
// production); learned from the first report, which is asked for without a period.
const serviceToday = signal<string | undefined>(undefined);
/** The browser's Helsinki day is used only until the service has said which day it is. */
export const today = computed(() => serviceToday.value ?? helsinkiToday(new Date()));

export const reportText = computed(() => REPORT_TEXT[uiLang.value]);

/**
 * Filters from the address bar (a bookmarked or shared report), else no period: the service
 * then reports its last 30 days by its own clock, which may not be the browser's.
 */
export function initialQuery(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const lang = params.get("lang");
  const topic = params.get("topic");
  const period = isDay(from) && isDay(to) ? { from, to } : { from: "", to: "" };
  return {
    ...period,
    ...(lang === "fi" || lang === "sv" ? { lang: lang as Lang } : {}),
    ...(topic && /^[a-z0-9-]{1,64}$/.test(topic) ? { topic } : {}),
  };
}

function draftOf(q: ReportQuery): Draft {
  return {
    ...q,
    preset: q.from || q.to ? (matchingPreset(q, today.value) ?? "custom") : "last30",
  };
}

let latest = 0;

/** Shows the report for `next`, or says what is wrong with its period. */
export async function load(next: ReportQuery): Promise<void> {
  const t = reportText.value;
  const serviceDefault = !next.from && !next.to;
  const issue = serviceDefault ? undefined : periodProblem(next as Period);
  if (issue) {
    problem.value = {
      field: issue === "fromInvalid" ? "from" : "to",
      message: t.periodProblems[issue],
    };
    query.value = next;
    return;
  }
  const auth = token.value;
  if (!auth) return;
  batch(() => {
    problem.value = undefined;
    query.value = next;
    loading.value = true;
    failure.value = undefined;
    downloaded.value = undefined;
  });
  const request = ++latest;
  const result = await fetchReport(auth, next);
  // A slower answer to an earlier request (or one for a signed-out user) must not be shown.
  if (request !== latest || token.value !== auth) return;
  batch(() => {
    loading.value = false;
    if (!result.ok) {
      if (result.status === 401) {
        const said = result.message ? t.serverSaid(result.message) : undefined;
        signOut(said ? `${t.unauthorized} ${said}` : t.unauthorized);
        return;
      }
      failure.value = {
        status: result.status,
        ...(result.message ? { message: result.message } : {}),
      };
      return;
    }
    summary.value = result.summary;
    if (!next.from && !next.to) {
      // Asked without a period: the service answered with its last 30 days, up to its today.
      serviceToday.value = result.summary.to;
      query.value = { ...next, from: result.summary.from, to: result.summary.to };
      draft.value = draftOf(query.value);
    }
    keepInAddressBar(query.value);
  });
}

/** The filters go into the address bar, so a report can be bookmarked or shared. */
function keepInAddressBar(q: ReportQuery): void {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.lang) params.set("lang", q.lang);
  if (q.topic) params.set("topic", q.topic);
  history.replaceState(null, "", `${location.pathname}?${params.toString()}`);
}

/** Opens the report for the signed-in user with the address bar's filters (or the default). */
export function start(): void {
  const auth = token.value;
  if (!auth) return;
  const initial = initialQuery(location.search);
  batch(() => {
    summary.value = undefined;
    failure.value = undefined;
    draft.value = draftOf(initial);
  });
  void load(initial);
  void loadTopicNames(auth);
}

export function signIn(idToken: string, name?: string): void {
  saveSession({ token: idToken, ...(name ? { name } : {}) });
  batch(() => {
    token.value = idToken;
    signInNotice.value = "";
  });
  start();
}

/** Signs out, forgetting the session, with the reason shown on the sign-in screen. */
export function signOut(notice = ""): void {
  clearSession();
  switchUser(notice);
}

/** Back to sign-in to choose another user (after a 403); the session stays until then. */
export function switchUser(notice = ""): void {
  latest++;
  batch(() => {
    token.value = undefined;
    signInNotice.value = notice;
    summary.value = undefined;
    failure.value = undefined;
    loading.value = false;
    problem.value = undefined;
  });
}
