/**
 * The Reports page body: filters, key figures, charts with table alternatives, per-topic and
 * per-language tables and CSV export. Everything is rebuilt from state on each render (a new
 * report or a language switch); the status and alert regions persist so screen readers hear
 * what changed.
 */
import type { Lang } from "../../../functions/contracts/lang.ts";
import { NO_INTENT } from "../../../functions/contracts/topics.ts";
import type { ReportSummary } from "../../../functions/domain/reports/summary.ts";
import { h, uid } from "../dom.ts";
import { topicNames } from "../topicNames.ts";
import { CHART_COLOURS, type Chart, dailyChatsChart, scoreBarChart } from "./charts.ts";
import { csvFileName, dailyCsv, topicCsv } from "./csv.ts";
import { formatCount, formatDay, formatPeriod, formatRate, formatScore } from "./format.ts";
import {
  daysOf,
  matchingPreset,
  type Period,
  PRESETS,
  type PresetId,
  periodProblem,
  presetPeriod,
} from "./periods.ts";
import { fetchReport, type ReportQuery, type ReportResult } from "./reportsApi.ts";
import { type FigureId, REPORT_TEXT, type ReportText, reportTopicName } from "./text.ts";

export interface ReportsViewOptions {
  token: string;
  lang: () => Lang;
  /** The browser's Helsinki day: used only until the service has said which day it is. */
  today: () => string;
  /** An empty `from` and `to` ask for the service's default: the last 30 days by its clock. */
  initial: ReportQuery;
  /** The token was refused (401): the page signs in again, with this message. */
  onUnauthorized(message: string): void;
  /** The user wants to sign in as someone else (after a 403). */
  onSwitchUser(): void;
  /** Called with the query of each report shown, e.g. to keep it in the address bar. */
  onQuery?(query: ReportQuery): void;
  fetchImpl?: typeof fetch;
}

export interface ReportsView {
  el: HTMLElement;
  /** Re-renders in the current language, keeping the filters and the report. */
  rerender(): void;
}

type Figures = ReportSummary["totals"];

export function createReportsView(options: ReportsViewOptions): ReportsView {
  let query: ReportQuery = { ...options.initial };
  let summary: ReportSummary | undefined;
  let problem: { field: "from" | "to"; message: string } | undefined;
  let loading = false;
  let latest = 0;
  let charts: Chart[] = [];
  // The service's clock decides what "today" is (FAKE_TIME locally, the agency's day in
  // production); learned from the first report, which is asked for without a period.
  let serviceToday: string | undefined;
  const today = () => serviceToday ?? options.today();

  const status = h("p", { class: "report-status", role: "status" });
  const alert = h("div", { role: "alert" });
  const filters = h("section", { class: "filters report-section" });
  const results = h("div", { class: "results", "aria-live": "off" });
  const el = h("div", { class: "reports" }, filters, status, alert, results);

  const t = (): ReportText => REPORT_TEXT[options.lang()];

  function render(): void {
    // A language switch must not lose filters that were changed but not yet applied.
    query = formValues() ?? query;
    renderFilters();
    renderResults();
  }

  // ---- Filters ----------------------------------------------------------------------------

  function renderFilters(): void {
    const text = t();
    const focusedId = document.activeElement?.id;
    const ids = { preset: "report-preset", from: "report-from", to: "report-to" };
    const hintId = "report-date-hint";
    const errorId = "report-period-error";
    const preset = h("select", { id: ids.preset });
    const current = query.from || query.to ? matchingPreset(query, today()) : "last30";
    for (const p of PRESETS) {
      preset.append(h("option", { value: p, selected: p === current }, text.presets[p]));
    }
    preset.append(h("option", { value: "custom", selected: !current }, text.customPeriod));
    const dateInput = (id: string, value: string, field: "from" | "to") =>
      h("input", {
        id,
        type: "date",
        value,
        required: true,
        min: "2020-01-01",
        max: today(),
        "aria-describedby": problem?.field === field ? `${errorId} ${hintId}` : hintId,
        "aria-invalid": problem?.field === field ? "true" : undefined,
      });
    const from = dateInput(ids.from, query.from, "from");
    const to = dateInput(ids.to, query.to, "to");
    preset.addEventListener("change", () => {
      if (preset.value === "custom") return;
      const period = presetPeriod(preset.value as PresetId, today());
      from.value = period.from;
      to.value = period.to;
    });
    for (const input of [from, to]) {
      input.addEventListener("change", () => {
        const match = matchingPreset({ from: from.value, to: to.value }, today());
        preset.value = match ?? "custom";
      });
    }
    const lang = h("select", { id: "report-lang" }, h("option", { value: "" }, text.allLanguages));
    for (const l of ["fi", "sv"] as const) {
      lang.append(h("option", { value: l, selected: query.lang === l }, text.langName[l]));
    }
    const topic = h("select", { id: "report-topic" }, h("option", { value: "" }, text.allTopics));
    // The live topics, and the one a bookmarked report filters on even if it was retired.
    const topicIds = new Set([...topicNames().map((t) => t.id), NO_INTENT]);
    if (query.topic) topicIds.add(query.topic);
    const topics = [...topicIds]
      .map((id) => ({ id, name: reportTopicName(options.lang(), id) }))
      .sort((a, b) => a.name.localeCompare(b.name, options.lang()));
    for (const { id, name } of topics) {
      topic.append(h("option", { value: id, selected: query.topic === id }, name));
    }
    const submit = h("button", { type: "submit", class: "primary", id: "report-show" }, text.show);
    const form = h(
      "form",
      { novalidate: true },
      field(ids.preset, text.period, preset),
      field(ids.from, text.from, from),
      field(ids.to, text.to, to),
      field("report-lang", text.language, lang),
      field("report-topic", text.topic, topic),
      submit,
      h("p", { class: "hint", id: hintId }, text.dateHint),
      h("p", { class: "error", id: errorId }, problem?.message ?? ""),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next: ReportQuery = {
        from: from.value,
        to: to.value,
        ...(lang.value ? { lang: lang.value as Lang } : {}),
        ...(topic.value ? { topic: topic.value } : {}),
      };
      void load(next);
    });
    const headingId = uid("filters-title");
    filters.setAttribute("aria-labelledby", headingId);
    filters.replaceChildren(h("h2", { id: headingId }, text.filtersTitle), form);
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  /** The filters as currently entered, before the form is rebuilt. */
  function formValues(): ReportQuery | undefined {
    const value = (id: string) =>
      filters.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value;
    const from = value("report-from");
    const to = value("report-to");
    if (from === undefined || to === undefined) return undefined;
    const lang = value("report-lang");
    const topic = value("report-topic");
    return {
      from,
      to,
      ...(lang === "fi" || lang === "sv" ? { lang } : {}),
      ...(topic ? { topic } : {}),
    };
  }

  function field(id: string, label: string, control: HTMLElement): HTMLElement {
    return h("div", { class: "field" }, h("label", { for: id }, label), control);
  }

  // ---- Loading ----------------------------------------------------------------------------

  async function load(next: ReportQuery): Promise<void> {
    const text = t();
    const serviceDefault = !next.from && !next.to;
    const issue = serviceDefault ? undefined : periodProblem(next as Period);
    if (issue) {
      problem = {
        field: issue === "fromInvalid" ? "from" : "to",
        message: text.periodProblems[issue],
      };
      query = next;
      renderFilters();
      document.getElementById(problem.field === "from" ? "report-from" : "report-to")?.focus();
      return;
    }
    problem = undefined;
    query = next;
    loading = true;
    alert.replaceChildren();
    status.textContent = text.loading;
    results.setAttribute("aria-busy", "true");
    renderFilters();
    const request = ++latest;
    const result = await fetchReport(options.token, next, options.fetchImpl);
    // A slower answer to an earlier request must not replace a newer report.
    if (request !== latest) return;
    loading = false;
    results.removeAttribute("aria-busy");
    handle(result);
  }

  function handle(result: ReportResult): void {
    const text = t();
    if (result.ok) {
      summary = result.summary;
      if (!query.from && !query.to) {
        // Asked without a period: the service answered with its last 30 days, up to its today.
        serviceToday = result.summary.to;
        query = { ...query, from: result.summary.from, to: result.summary.to };
        renderFilters();
      }
      options.onQuery?.(query);
      status.textContent = describe(result.summary);
      renderResults();
      return;
    }
    status.textContent = "";
    const server = result.message ? text.serverSaid(result.message) : undefined;
    if (result.status === 401) {
      options.onUnauthorized(server ? `${text.unauthorized} ${server}` : text.unauthorized);
      return;
    }
    const headline =
      result.status === 403
        ? text.forbidden
        : result.status === 400
          ? text.badRequest
          : text.failed;
    const switchUser =
      result.status === 403
        ? h("button", { type: "button", class: "secondary small" }, text.signInAgain)
        : undefined;
    switchUser?.addEventListener("click", () => options.onSwitchUser());
    alert.replaceChildren(
      h(
        "div",
        { class: "notice error" },
        h("p", {}, headline),
        server ? h("p", {}, server) : undefined,
        switchUser,
      ),
    );
  }

  function describe(s: ReportSummary): string {
    const text = t();
    const parts = [
      ...(s.lang ? [text.langName[s.lang]] : []),
      ...(s.topic ? [reportTopicName(options.lang(), s.topic)] : []),
    ];
    return text.showing(formatPeriod(s.from, s.to), text.filtersSuffix(parts));
  }

  // ---- Results ----------------------------------------------------------------------------

  function renderResults(): void {
    for (const chart of charts) chart.destroy();
    charts = [];
    if (!summary) {
      results.replaceChildren();
      return;
    }
    const s = summary;
    const text = t();
    if (!loading) status.textContent = describe(s);
    const empty = s.totals.chats === 0 && s.totals.botAnswers === 0;
    results.replaceChildren(
      ...(empty ? [h("p", { class: "notice" }, text.noChatsInPeriod)] : []),
      figuresSection(s, text),
      chartsSection(s, text),
      topicSection(s, text),
      langSection(s, text),
      exportSection(s, text),
    );
  }

  function section(title: string, ...children: (Node | undefined)[]): HTMLElement {
    const id = uid("report-section");
    return h(
      "section",
      { class: "report-section", "aria-labelledby": id },
      h("h2", { id }, title),
      ...children,
    );
  }

  function figuresSection(s: ReportSummary, text: ReportText): HTMLElement {
    const lang = options.lang();
    const f = s.totals;
    const hints = text.figureHints;
    const items: [FigureId, string, string][] = [
      ["chats", formatCount(f.chats, lang), hints.chats],
      [
        "containmentRate",
        formatRate(f.containmentRate, lang),
        hints.containmentRate(formatCount(f.botOnlyChats, lang)),
      ],
      ["handoffs", formatCount(f.handoffs, lang), hints.handoffs],
      ["callbacks", formatCount(f.callbacks, lang), hints.callbacks],
      ["bookings", formatCount(f.bookings, lang), hints.bookings],
      [
        "averageScore",
        formatScore(f.averageScore, lang),
        hints.averageScore(formatCount(f.surveys, lang)),
      ],
      ["gotHelpShare", formatRate(f.gotHelpShare, lang), hints.gotHelpShare],
      [
        "surveyResponseRate",
        formatRate(f.surveyResponseRate, lang),
        hints.surveyResponseRate(formatCount(f.surveys, lang)),
      ],
      ["misses", formatCount(f.misses, lang), hints.misses(formatRate(f.missRate, lang))],
      [
        "helpfulShare",
        formatRate(f.helpfulShare, lang),
        hints.helpfulShare(formatCount(f.helpful + f.unhelpful, lang)),
      ],
      ["referrals", formatCount(f.referrals, lang), hints.referrals],
      ["inboxed", formatCount(f.inboxed, lang), hints.inboxed],
    ];
    return section(
      text.figuresTitle,
      h(
        "dl",
        { class: "figures" },
        ...items.map(([id, value, hint]) =>
          h(
            "div",
            { "data-figure": id },
            h("dt", {}, text.figures[id]),
            h("dd", { class: "value" }, value),
            h("dd", { class: "hint" }, hint),
          ),
        ),
      ),
    );
  }

  function chartsSection(s: ReportSummary, text: ReportText): HTMLElement {
    const lang = options.lang();
    const days = daysOf(s);
    const byDay = new Map(s.byDay.map((d) => [d.day, d]));
    const chats = days.map((d) => byDay.get(d)?.chats ?? 0);
    const botOnly = days.map((d) => byDay.get(d)?.botOnlyChats ?? 0);
    const peak = chats.reduce((best, n, i) => (n > (chats[best] ?? 0) ? i : best), 0);
    const daily = dailyChatsChart({
      days,
      chats,
      botOnly,
      labels: { chats: text.seriesChats, botOnly: text.seriesBotOnly },
      summary: text.chatsPerDaySummary(
        formatPeriod(s.from, s.to),
        formatCount(s.totals.chats, lang),
        formatCount(chats[peak] ?? 0, lang),
        days[peak] ? formatDay(days[peak]) : "",
      ),
      lang,
    });
    const scores = (["1", "2", "3", "4", "5"] as const).map((k) => s.scoreDistribution[k]) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const answers = scores.reduce((a, b) => a + b, 0);
    const share = (n: number) => formatRate(answers === 0 ? null : n / answers, lang);
    const scoreChart = scoreBarChart({
      counts: scores,
      label: text.colAnswers,
      summary: text.scoreDistributionSummary(
        scores
          .map((n, i) => `${text.scoreLabel(String(i + 1))}: ${formatCount(n, lang)}`)
          .join(", "),
      ),
      lang,
    });
    charts.push(daily, scoreChart);

    const dayRows = days.map((day) => {
      const f = byDay.get(day);
      return h(
        "tr",
        {},
        h("th", { scope: "row", class: "text" }, formatDay(day)),
        ...[
          formatCount(f?.chats ?? 0, lang),
          formatCount(f?.botOnlyChats ?? 0, lang),
          formatRate(f?.containmentRate ?? null, lang),
          formatCount(f?.handoffs ?? 0, lang),
          formatCount(f?.callbacks ?? 0, lang),
          formatCount(f?.bookings ?? 0, lang),
          formatCount(f?.misses ?? 0, lang),
          formatScore(f?.averageScore ?? null, lang),
        ].map((v) => h("td", {}, v)),
      );
    });
    const dailyFigure = h(
      "figure",
      { class: "report-chart" },
      h("figcaption", {}, text.chatsPerDay),
      daily.el,
      h(
        "ul",
        { class: "legend" },
        legendItem(text.seriesChats, text.seriesLegendSolid, CHART_COLOURS.primary, false),
        legendItem(text.seriesBotOnly, text.seriesLegendDashed, CHART_COLOURS.secondary, true),
      ),
      asTable(
        text,
        table(
          `${text.chatsPerDay} ${formatPeriod(s.from, s.to)}`,
          [
            text.colDay,
            text.colChats,
            text.colBotOnly,
            text.colContainment,
            text.colHandoffs,
            text.colCallbacks,
            text.colBookings,
            text.colMisses,
            text.colAverageScore,
          ],
          dayRows,
        ),
      ),
    );
    const scoreFigure = h(
      "figure",
      { class: "report-chart" },
      h("figcaption", {}, text.scoreDistribution),
      scoreChart.el,
      asTable(
        text,
        table(
          text.scoreDistribution,
          [text.colScore, text.colAnswers, text.colShare],
          scores.map((n, i) =>
            h(
              "tr",
              {},
              h("th", { scope: "row", class: "text" }, text.scoreLabel(String(i + 1))),
              h("td", {}, formatCount(n, lang)),
              h("td", {}, share(n)),
            ),
          ),
        ),
      ),
    );
    return section(text.chartsTitle, h("div", { class: "chart-grid" }, dailyFigure, scoreFigure));
  }

  function legendItem(label: string, pattern: string, colour: string, dashed: boolean) {
    const swatch = h("span", { class: dashed ? "swatch dashed" : "swatch", "aria-hidden": "true" });
    swatch.style.borderTopColor = colour;
    return h("li", {}, swatch, `${label} (${pattern})`);
  }

  function asTable(text: ReportText, content: HTMLTableElement): HTMLElement {
    return h(
      "details",
      { class: "as-table" },
      h("summary", {}, text.showAsTable),
      scrollBox(content),
    );
  }

  /**
   * Wide tables scroll sideways on a phone; the box is focusable and named so keyboard users
   * can scroll it too (WCAG 2.1.1).
   */
  function scrollBox(content: HTMLTableElement): HTMLElement {
    return h(
      "div",
      {
        class: "table-scroll",
        tabindex: "0",
        role: "region",
        "aria-label": content.caption?.textContent ?? undefined,
      },
      content,
    );
  }

  function table(caption: string, headers: string[], rows: HTMLElement[]): HTMLTableElement {
    return h(
      "table",
      { class: "report" },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...headers.map((label, i) =>
            h("th", { scope: "col", class: i === 0 ? "text" : undefined }, label),
          ),
        ),
      ),
      h("tbody", {}, ...rows),
    );
  }

  function topicSection(s: ReportSummary, text: ReportText): HTMLElement {
    const lang = options.lang();
    const max = Math.max(1, ...s.byTopic.map((r) => r.chats));
    const rows = s.byTopic.map((r) => {
      const track = h("span", { class: "bar-track", "aria-hidden": "true" });
      const bar = h("span", { class: "bar" });
      bar.style.width = `${(r.chats / max) * 100}%`;
      track.append(bar);
      return h(
        "tr",
        {},
        h("th", { scope: "row", class: "text" }, reportTopicName(lang, r.topic)),
        h("td", {}, h("span", { class: "barcell" }, formatCount(r.chats, lang), track)),
        ...[
          formatRate(r.containmentRate, lang),
          formatCount(r.botAnswers, lang),
          formatCount(r.misses, lang),
          formatRate(r.missRate, lang),
          formatScore(r.averageScore, lang),
          ...helpfulness(r, lang),
          formatCount(r.referrals, lang),
          formatCount(r.inboxed, lang),
        ].map((v) => h("td", {}, v)),
      );
    });
    return section(
      text.byTopicTitle,
      scrollBox(
        table(
          text.byTopicCaption,
          [
            text.colTopic,
            text.colChats,
            text.colContainment,
            text.colBotAnswers,
            text.colMisses,
            text.colMissRate,
            text.colAverageScore,
            text.colHelpful,
            text.colUnhelpful,
            text.colHelpfulShare,
            text.colReferrals,
            text.colInboxed,
          ],
          rows,
        ),
      ),
    );
  }

  function langSection(s: ReportSummary, text: ReportText): HTMLElement {
    const lang = options.lang();
    const row = (label: string, f: Figures) =>
      h(
        "tr",
        {},
        h("th", { scope: "row", class: "text" }, label),
        ...[
          formatCount(f.chats, lang),
          formatRate(f.containmentRate, lang),
          formatCount(f.handoffs, lang),
          formatCount(f.misses, lang),
          formatRate(f.surveyResponseRate, lang),
          formatScore(f.averageScore, lang),
          ...helpfulness(f, lang),
          formatCount(f.referrals, lang),
          formatCount(f.inboxed, lang),
        ].map((v) => h("td", {}, v)),
      );
    return section(
      text.byLangTitle,
      scrollBox(
        table(
          text.byLangCaption,
          [
            text.colLang,
            text.colChats,
            text.colContainment,
            text.colHandoffs,
            text.colMisses,
            text.colResponseRate,
            text.colAverageScore,
            text.colHelpful,
            text.colUnhelpful,
            text.colHelpfulShare,
            text.colReferrals,
            text.colInboxed,
          ],
          s.byLang.map((r) => row(text.langName[r.lang], r)),
        ),
      ),
    );
  }

  function exportSection(s: ReportSummary, text: ReportText): HTMLElement {
    const lang = options.lang();
    const button = (label: string, file: string, build: () => string) => {
      const b = h("button", { type: "button", class: "secondary" }, label);
      b.addEventListener("click", () => {
        download(file, build());
        status.textContent = text.downloaded(file);
      });
      return b;
    };
    return section(
      text.exportTitle,
      h("p", { class: "muted small-text" }, text.exportIntro),
      h(
        "div",
        { class: "export" },
        button(text.exportDays, csvFileName(text.fileDays, s), () => dailyCsv(s, lang)),
        button(text.exportTopics, csvFileName(text.fileTopics, s), () => topicCsv(s, lang)),
      ),
    );
  }

  render();
  void load(query);
  return { el, rerender: render };
}

/** Answer votes as table cells: helped, did not help, and the share that helped. */
function helpfulness(f: Figures, lang: Lang): string[] {
  return [
    formatCount(f.helpful, lang),
    formatCount(f.unhelpful, lang),
    formatRate(f.helpfulShare, lang),
  ];
}

/** Saves text as a file through a temporary object URL (no server round trip). */

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }));
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
