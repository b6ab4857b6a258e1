/**
 * The supervisors' Reports page at /console/reports: sign-in (shared with the console, same
 * session), then the report for the last 30 days with filters. Served under the same strict
 * CSP as the console, so everything is built with DOM calls and all data is set as text.
 */
import type { Lang } from "../../../functions/contracts/lang.ts";
import { clearSession, loadSession, saveSession } from "../auth.ts";
import { h, relabel } from "../dom.ts";
import { getLang, setLang } from "../i18n.ts";
import { STYLES } from "../styles.ts";
import { loadTopicNames, onTopicNames } from "../topicNames.ts";
import { createSignIn } from "../views/signIn.ts";
import { helsinkiToday, isDay } from "./periods.ts";
import type { ReportQuery } from "./reportsApi.ts";
import { createReportsView, type ReportsView } from "./reportsView.ts";
import { REPORT_STYLES } from "./styles.ts";
import { REPORT_TEXT } from "./text.ts";

const today = () => helsinkiToday(new Date());

/**
 * Filters from the address bar (a bookmarked or shared report), else no period: the service
 * then reports its last 30 days by its own clock, which may not be the browser's.
 */
function initialQuery(): ReportQuery {
  const params = new URLSearchParams(location.search);
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

function boot(): void {
  document.head.append(h("style", {}, STYLES + REPORT_STYLES));
  const title = h("h1", {});
  const back = h("a", { href: "/console" });
  const switchButton = h("button", { type: "button", class: "secondary small" });
  const signOut = h("button", { type: "button", class: "secondary small" });
  const header = h(
    "header",
    { class: "topbar reports-top" },
    h("div", { class: "topline" }, title, back, signOut, switchButton),
  );
  const main = h("main", { id: "main", tabindex: "-1" });
  document.body.replaceChildren(header, main);
  let view: ReportsView | undefined;

  function applyLang(): void {
    const text = REPORT_TEXT[getLang()];
    document.documentElement.lang = text.lang;
    document.title = text.pageTitle;
    title.textContent = text.title;
    back.textContent = text.backToConsole;
    signOut.textContent = text.signOut;
    switchButton.textContent = text.switchLang;
    switchButton.setAttribute("lang", text.switchLangTo);
    relabel();
    view?.rerender();
  }

  switchButton.addEventListener("click", () => {
    setLang(getLang() === "fi" ? "sv" : "fi");
    applyLang();
  });
  signOut.addEventListener("click", () => {
    clearSession();
    showSignIn();
  });

  function showSignIn(notice?: string): void {
    view = undefined;
    signOut.hidden = true;
    const signIn = createSignIn({
      ...(notice ? { notice } : {}),
      onSignedIn: (token, name) => {
        saveSession({ token, ...(name ? { name } : {}) });
        showReports(token);
      },
    });
    main.replaceChildren(signIn);
    if (notice) signIn.querySelector<HTMLElement>("h2")?.focus();
  }

  function showReports(token: string): void {
    signOut.hidden = false;
    view = createReportsView({
      token,
      lang: getLang,
      today,
      initial: initialQuery(),
      onUnauthorized: (message) => {
        clearSession();
        showSignIn(message);
      },
      onSwitchUser: () => showSignIn(),
      onQuery: (query) => {
        const params = new URLSearchParams({ from: query.from, to: query.to });
        if (query.lang) params.set("lang", query.lang);
        if (query.topic) params.set("topic", query.topic);
        history.replaceState(null, "", `${location.pathname}?${params.toString()}`);
      },
    });
    main.replaceChildren(view.el);
    void loadTopicNames(token);
  }

  // Topic names arrive after the first render: show the filters and tables with them.
  onTopicNames(() => view?.rerender());

  applyLang();
  const session = loadSession();
  if (session) showReports(session.token);
  else showSignIn();
}

boot();
