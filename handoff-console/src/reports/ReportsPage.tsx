/**
 * The Reports page body: filters, key figures, charts with table alternatives, per-topic and
 * per-language tables and CSV export. The status and alert regions stay in the page across
 * reports so screen readers hear what changed.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Lang } from "../../../functions/contracts/lang.ts";
import { NO_INTENT } from "../../../functions/contracts/topics.ts";
import type { ReportSummary } from "../../../functions/domain/reports/summary.ts";
import { reasonLabel, UI, uiLang } from "../i18n.ts";
import { topicNames } from "../topicNames.ts";
import { CHART_COLOURS, type Chart, dailyChatsChart, scoreBarChart } from "./charts.ts";
import { csvFileName, dailyCsv, reasonCsv, topicCsv } from "./csv.ts";
import {
  formatCount,
  formatDay,
  formatPeriod,
  formatRate,
  formatScore,
  formatWait,
} from "./format.ts";
import { daysOf, matchingPreset, PRESETS, type PresetId, presetPeriod } from "./periods.ts";
import {
  downloaded,
  draft,
  failure,
  load,
  loading,
  problem,
  reportText,
  summary,
  switchUser,
  today,
} from "./state.ts";
import { type FigureId, type ReportText, reportTopicName } from "./text.ts";

type Figures = ReportSummary["totals"];

export function ReportsPage() {
  const s = summary.value;
  return (
    <div class="reports">
      <Filters />
      <p class="report-status" role="status">
        {statusLine()}
      </p>
      <div role="alert">
        <Failure />
      </div>
      <div class="results" aria-live="off" aria-busy={loading.value ? "true" : undefined}>
        {s ? <Results s={s} /> : null}
      </div>
    </div>
  );
}

function statusLine(): string {
  const t = reportText.value;
  const s = summary.value;
  if (loading.value) return t.loading;
  if (failure.value) return "";
  if (downloaded.value) return t.downloaded(downloaded.value);
  return s ? describe(s, t, uiLang.value) : "";
}

function describe(s: ReportSummary, t: ReportText, lang: Lang): string {
  const parts = [
    ...(s.lang ? [t.langName[s.lang]] : []),
    ...(s.topic ? [reportTopicName(lang, s.topic)] : []),
  ];
  return t.showing(formatPeriod(s.from, s.to), t.filtersSuffix(parts));
}

// ---- Filters ------------------------------------------------------------------------------

const HINT_ID = "report-date-hint";
const ERROR_ID = "report-period-error";

function Filters() {
  const t = reportText.value;
  const lang = uiLang.value;
  const d = draft.value;
  const issue = problem.value;
  const max = today.value;
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const set = (change: Partial<typeof d>) => {
    draft.value = { ...draft.value, ...change };
  };
  const setDay = (field: "from" | "to", value: string) => {
    const next = { ...draft.value, [field]: value };
    set({ [field]: value, preset: matchingPreset(next, max) ?? "custom" });
  };
  // The live topics, and the one a bookmarked report filters on even if it was retired.
  const topicIds = new Set([...topicNames().map((topic) => topic.id), NO_INTENT]);
  if (d.topic) topicIds.add(d.topic);
  const topics = [...topicIds]
    .map((id) => ({ id, name: reportTopicName(lang, id) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));

  useEffect(() => {
    if (issue) (issue.field === "from" ? fromRef : toRef).current?.focus();
  }, [issue]);

  const dateInput = (field: "from" | "to") => (
    <input
      id={`report-${field}`}
      ref={field === "from" ? fromRef : toRef}
      type="date"
      value={d[field]}
      required
      min="2020-01-01"
      max={max}
      aria-describedby={issue?.field === field ? `${ERROR_ID} ${HINT_ID}` : HINT_ID}
      aria-invalid={issue?.field === field ? "true" : undefined}
      onChange={(event) => setDay(field, event.currentTarget.value)}
    />
  );

  return (
    <section class="filters report-section" aria-labelledby="filters-title">
      <h2 id="filters-title">{t.filtersTitle}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const { preset: _preset, ...next } = draft.value;
          void load({
            from: next.from,
            to: next.to,
            ...(next.lang ? { lang: next.lang } : {}),
            ...(next.topic ? { topic: next.topic } : {}),
          });
        }}
      >
        <Field id="report-preset" label={t.period}>
          <select
            id="report-preset"
            value={d.preset}
            onChange={(event) => {
              const preset = event.currentTarget.value;
              if (preset === "custom") set({ preset });
              else set({ preset, ...presetPeriod(preset as PresetId, max) });
            }}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t.presets[p]}
              </option>
            ))}
            <option value="custom">{t.customPeriod}</option>
          </select>
        </Field>
        <Field id="report-from" label={t.from}>
          {dateInput("from")}
        </Field>
        <Field id="report-to" label={t.to}>
          {dateInput("to")}
        </Field>
        <Field id="report-lang" label={t.language}>
          <select
            id="report-lang"
            value={d.lang ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set({ lang: value === "fi" || value === "sv" ? value : undefined });
            }}
          >
            <option value="">{t.allLanguages}</option>
            {(["fi", "sv"] as const).map((l) => (
              <option key={l} value={l}>
                {t.langName[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="report-topic" label={t.topic}>
          <select
            id="report-topic"
            value={d.topic ?? ""}
            onChange={(event) => set({ topic: event.currentTarget.value || undefined })}
          >
            <option value="">{t.allTopics}</option>
            {topics.map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="primary" id="report-show">
          {t.show}
        </button>
        <p class="hint" id={HINT_ID}>
          {t.dateHint}
        </p>
        <p class="error" id={ERROR_ID}>
          {issue?.message ?? ""}
        </p>
      </form>
    </section>
  );
}

function Field(props: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

// ---- Errors -------------------------------------------------------------------------------

function Failure() {
  const t = reportText.value;
  const f = failure.value;
  if (!f) return null;
  const headline = f.status === 403 ? t.forbidden : f.status === 400 ? t.badRequest : t.failed;
  return (
    <div class="notice error">
      <p>{headline}</p>
      {f.message ? <p>{t.serverSaid(f.message)}</p> : null}
      {f.status === 403 ? (
        <button type="button" class="secondary small" onClick={() => switchUser()}>
          {t.signInAgain}
        </button>
      ) : null}
    </div>
  );
}

// ---- Results ------------------------------------------------------------------------------

function Results(props: { s: ReportSummary }) {
  const { s } = props;
  const t = reportText.value;
  const lang = uiLang.value;
  const empty = s.totals.chats === 0 && s.totals.botAnswers === 0;
  return (
    <>
      {empty ? <p class="notice">{t.noChatsInPeriod}</p> : null}
      <KeyFigures s={s} t={t} lang={lang} />
      <Charts s={s} t={t} lang={lang} />
      <TopicTable s={s} t={t} lang={lang} />
      <ReasonTable s={s} t={t} lang={lang} />
      <LangTable s={s} t={t} lang={lang} />
      <Export s={s} t={t} lang={lang} />
    </>
  );
}

interface SectionProps {
  s: ReportSummary;
  t: ReportText;
  lang: Lang;
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  const headingId = `report-${props.id}-title`;
  return (
    <section class="report-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function KeyFigures({ s, t, lang }: SectionProps) {
  const f = s.totals;
  const hints = t.figureHints;
  const items: [FigureId, string, string][] = [
    ["chats", formatCount(f.chats, lang), hints.chats],
    [
      "containmentRate",
      formatRate(f.containmentRate, lang),
      hints.containmentRate(formatCount(f.botOnlyChats, lang)),
    ],
    [
      "handoffs",
      formatCount(f.handoffs, lang),
      hints.handoffs(
        formatCount(f.handoffsQueued, lang),
        formatCount(f.handoffsUnavailable, lang),
        formatCount(f.handoffsClosed, lang),
      ),
    ],
    [
      "queueWait",
      formatWait(f.queueWaitMedianSeconds),
      hints.queueWait(formatWait(f.queueWaitP90Seconds), formatCount(f.queueTaken, lang)),
    ],
    [
      "queueAbandoned",
      formatCount(f.queueAbandoned, lang),
      hints.queueAbandoned(formatRate(f.queueAbandonedShare, lang)),
    ],
    ["callbacks", formatCount(f.callbacks, lang), hints.callbacks],
    ["bookings", formatCount(f.bookings, lang), hints.bookings],
    ["cancellations", formatCount(f.cancellations, lang), hints.cancellations],
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
  return (
    <Section id="figures" title={t.figuresTitle}>
      <dl class="figures">
        {items.map(([id, value, hint]) => (
          <div key={id} data-figure={id}>
            <dt>{t.figures[id]}</dt>
            <dd class="value">{value}</dd>
            <dd class="hint">{hint}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/**
 * A uPlot chart drawn into its own element; drawn anew when the report or the language
 * changes (uPlot keeps no text that could follow a switch).
 */
function ChartHost(props: { draw(host: HTMLElement): Chart; deps: unknown[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = props.draw(host.current);
    return () => chart.destroy();
  }, props.deps);
  return <div class="chart" ref={host} />;
}

function Charts({ s, t, lang }: SectionProps) {
  const days = daysOf(s);
  const byDay = new Map(s.byDay.map((d) => [d.day, d]));
  const chats = days.map((d) => byDay.get(d)?.chats ?? 0);
  const botOnly = days.map((d) => byDay.get(d)?.botOnlyChats ?? 0);
  const peak = chats.reduce((best, n, i) => (n > (chats[best] ?? 0) ? i : best), 0);
  const scores = (["1", "2", "3", "4", "5"] as const).map((k) => s.scoreDistribution[k]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const answers = scores.reduce((a, b) => a + b, 0);
  const share = (n: number) => formatRate(answers === 0 ? null : n / answers, lang);
  const period = formatPeriod(s.from, s.to);
  return (
    <Section id="charts" title={t.chartsTitle}>
      <div class="chart-grid">
        <figure class="report-chart">
          <figcaption>{t.chatsPerDay}</figcaption>
          <ChartHost
            deps={[s, lang]}
            draw={(host) =>
              dailyChatsChart(host, {
                days,
                chats,
                botOnly,
                labels: { chats: t.seriesChats, botOnly: t.seriesBotOnly },
                summary: t.chatsPerDaySummary(
                  period,
                  formatCount(s.totals.chats, lang),
                  formatCount(chats[peak] ?? 0, lang),
                  days[peak] ? formatDay(days[peak]) : "",
                ),
                lang,
              })
            }
          />
          <ul class="legend">
            <LegendItem
              label={t.seriesChats}
              pattern={t.seriesLegendSolid}
              colour={CHART_COLOURS.primary}
            />
            <LegendItem
              label={t.seriesBotOnly}
              pattern={t.seriesLegendDashed}
              colour={CHART_COLOURS.secondary}
              dashed
            />
          </ul>
          <AsTable t={t}>
            <Table
              caption={`${t.chatsPerDay} ${period}`}
              headers={[
                t.colDay,
                t.colChats,
                t.colBotOnly,
                t.colContainment,
                t.colHandoffs,
                t.colWaitMedian,
                t.colWaitP90,
                t.colAbandoned,
                t.colCallbacks,
                t.colBookings,
                t.colCancellations,
                t.colMisses,
                t.colAverageScore,
              ]}
              rows={days.map((day) => {
                const f = byDay.get(day);
                return {
                  key: day,
                  head: formatDay(day),
                  cells: [
                    formatCount(f?.chats ?? 0, lang),
                    formatCount(f?.botOnlyChats ?? 0, lang),
                    formatRate(f?.containmentRate ?? null, lang),
                    formatCount(f?.handoffs ?? 0, lang),
                    formatWait(f?.queueWaitMedianSeconds ?? null),
                    formatWait(f?.queueWaitP90Seconds ?? null),
                    formatCount(f?.queueAbandoned ?? 0, lang),
                    formatCount(f?.callbacks ?? 0, lang),
                    formatCount(f?.bookings ?? 0, lang),
                    formatCount(f?.cancellations ?? 0, lang),
                    formatCount(f?.misses ?? 0, lang),
                    formatScore(f?.averageScore ?? null, lang),
                  ],
                };
              })}
            />
          </AsTable>
        </figure>
        <figure class="report-chart">
          <figcaption>{t.scoreDistribution}</figcaption>
          {answers === 0 ? (
            // An empty axis would say nothing, and its table only zeros.
            <p class="notice">{t.noAnswers}</p>
          ) : (
            <>
              <ChartHost
                deps={[s, lang]}
                draw={(host) =>
                  scoreBarChart(host, {
                    counts: scores,
                    label: t.colAnswers,
                    summary: t.scoreDistributionSummary(
                      scores
                        .map((n, i) => `${t.scoreLabel(String(i + 1))}: ${formatCount(n, lang)}`)
                        .join(", "),
                    ),
                    lang,
                  })
                }
              />
              <AsTable t={t}>
                <Table
                  caption={t.scoreDistribution}
                  headers={[t.colScore, t.colAnswers, t.colShare]}
                  rows={scores.map((n, i) => ({
                    key: String(i),
                    head: t.scoreLabel(String(i + 1)),
                    cells: [formatCount(n, lang), share(n)],
                  }))}
                />
              </AsTable>
            </>
          )}
        </figure>
      </div>
    </Section>
  );
}

function LegendItem(props: { label: string; pattern: string; colour: string; dashed?: boolean }) {
  return (
    <li>
      <span
        class={props.dashed ? "swatch dashed" : "swatch"}
        aria-hidden="true"
        style={{ borderTopColor: props.colour }}
      />
      {`${props.label} (${props.pattern})`}
    </li>
  );
}

function AsTable(props: { t: ReportText; children: ComponentChildren }) {
  return (
    <details class="as-table">
      <summary>{props.t.showAsTable}</summary>
      {props.children}
    </details>
  );
}

interface Row {
  key: string;
  head: string;
  cells: ComponentChildren[];
}

/**
 * A table in a box that scrolls sideways on a phone; the box is focusable and named so
 * keyboard users can scroll it too (WCAG 2.1.1). Without rows it says so (`empty`) instead
 * of a row of headings over nothing.
 */
function Table(props: { caption: string; headers: string[]; rows: Row[]; empty?: string }) {
  if (props.empty && props.rows.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-scroll" tabIndex={0} aria-label={props.caption}>
      <table class="report">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((label, i) => (
              <th key={label} scope="col" class={i === 0 ? "text" : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" class="text">
                {row.head}
              </th>
              {row.cells.map((cell, i) => (
                <td key={props.headers[i + 1]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TopicTable({ s, t, lang }: SectionProps) {
  const max = Math.max(1, ...s.byTopic.map((r) => r.chats));
  return (
    <Section id="topics" title={t.byTopicTitle}>
      <Table
        empty={t.noRows}
        caption={t.byTopicCaption}
        headers={[
          t.colTopic,
          t.colChats,
          t.colContainment,
          t.colBotAnswers,
          t.colMisses,
          t.colMissRate,
          t.colAverageScore,
          t.colHelpful,
          t.colUnhelpful,
          t.colHelpfulShare,
          t.colReferrals,
          t.colInboxed,
        ]}
        rows={s.byTopic.map((r) => ({
          key: r.topic,
          head: reportTopicName(lang, r.topic),
          cells: [
            <span class="barcell" key="bar">
              {formatCount(r.chats, lang)}
              <span class="bar-track" aria-hidden="true">
                <span class="bar" style={{ width: `${(r.chats / max) * 100}%` }} />
              </span>
            </span>,
            formatRate(r.containmentRate, lang),
            formatCount(r.botAnswers, lang),
            formatCount(r.misses, lang),
            formatRate(r.missRate, lang),
            formatScore(r.averageScore, lang),
            ...helpfulness(r, lang),
            formatCount(r.referrals, lang),
            formatCount(r.inboxed, lang),
          ],
        }))}
      />
    </Section>
  );
}

/** The advisors' wrap-up reasons (never their notes), most used first, with shares. */
function ReasonTable({ s, t, lang }: SectionProps) {
  return (
    <Section id="reasons" title={t.reasonsTitle}>
      <p class="muted small-text">{t.reasonsIntro}</p>
      <Table
        empty={t.noRows}
        caption={t.reasonsCaption}
        headers={[t.colReason, t.colWrapups, t.colShare]}
        rows={s.wrapupReasons.map((r) => ({
          key: r.reason,
          head: reasonLabel(UI[lang], r.reason),
          cells: [formatCount(r.wrapups, lang), formatRate(r.share, lang)],
        }))}
      />
    </Section>
  );
}

function LangTable({ s, t, lang }: SectionProps) {
  return (
    <Section id="langs" title={t.byLangTitle}>
      <Table
        empty={t.noRows}
        caption={t.byLangCaption}
        headers={[
          t.colLang,
          t.colChats,
          t.colContainment,
          t.colHandoffs,
          t.colMisses,
          t.colResponseRate,
          t.colAverageScore,
          t.colHelpful,
          t.colUnhelpful,
          t.colHelpfulShare,
          t.colReferrals,
          t.colInboxed,
        ]}
        rows={s.byLang.map((r) => ({
          key: r.lang,
          head: t.langName[r.lang],
          cells: [
            formatCount(r.chats, lang),
            formatRate(r.containmentRate, lang),
            formatCount(r.handoffs, lang),
            formatCount(r.misses, lang),
            formatRate(r.surveyResponseRate, lang),
            formatScore(r.averageScore, lang),
            ...helpfulness(r, lang),
            formatCount(r.referrals, lang),
            formatCount(r.inboxed, lang),
          ],
        }))}
      />
    </Section>
  );
}

function Export({ s, t, lang }: SectionProps) {
  const button = (label: string, file: string, build: () => string) => (
    <button
      type="button"
      class="secondary"
      onClick={() => {
        download(file, build());
        downloaded.value = file;
      }}
    >
      {label}
    </button>
  );
  return (
    <Section id="export" title={t.exportTitle}>
      <p class="muted small-text">{t.exportIntro}</p>
      <div class="export">
        {button(t.exportDays, csvFileName(t.fileDays, s), () => dailyCsv(s, lang))}
        {button(t.exportTopics, csvFileName(t.fileTopics, s), () => topicCsv(s, lang))}
        {button(t.exportReasons, csvFileName(t.fileReasons, s), () => reasonCsv(s, lang))}
      </div>
    </Section>
  );
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
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
