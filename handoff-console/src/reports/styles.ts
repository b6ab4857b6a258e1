/**
 * Styles of the Reports page on top of the console's own (../styles.ts), plus the few uPlot
 * rules the charts need (uPlot's stylesheet cannot be linked: the CSP allows no external
 * styles, and the page injects one <style> element). Colours meet WCAG AA on white.
 */
export const REPORT_STYLES = `
.reports-top a { color: var(--brand); }
.reports { display: flex; flex-direction: column; gap: 1.25rem; min-width: 0; }
.filters form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1.25rem; }
.filters .field { display: flex; flex-direction: column; gap: .2rem; max-width: 100%; }
.filters label { font-weight: 600; }
.filters input[type="date"], .filters select { border: 1px solid #6b7280; border-radius: .3rem; padding: .4rem;
  background: #fff; min-height: 2.5rem; max-width: 100%; }
/* Room for the arrow beside the longest choice ("Viimeiset 30 päivää"), whose text otherwise
   runs into it and is cut where the platform draws a wider arrow. */
.filters select { padding-right: 2rem; }
.filters .hint { flex-basis: 100%; margin: 0; font-size: .875rem; color: var(--muted); }
.filters .error { flex-basis: 100%; }
.report-status { margin: 0; font-weight: 600; }
.report-status:empty { display: none; }
/* The sections' headings need room from the box (figure, table, chart) above them. */
.results { display: flex; flex-direction: column; gap: 1.5rem; min-width: 0; }
.results[aria-busy="true"] { opacity: .6; }
.figures { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
  margin: 0; }
.figures > div { border: 1px solid var(--line); border-radius: .4rem; padding: .6rem .75rem; background: #fff;
  display: flex; flex-direction: column; gap: .1rem; }
.figures dt { font-weight: 600; }
.figures dd { margin: 0; }
.figures .value { font-size: 1.6rem; font-weight: 700; color: var(--brand-dark); font-variant-numeric: tabular-nums; }
.figures .hint { font-size: .85rem; color: var(--muted); }
.chart-grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
figure.report-chart { margin: 0; border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; min-width: 0; }
figure.report-chart figcaption { font-weight: 600; font-size: 1.05rem; margin-bottom: .4rem; }
.chart { width: 100%; min-height: 260px; }
.legend { list-style: none; margin: .4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.25rem; font-size: .9rem; }
.legend .swatch { display: inline-block; width: 1.75rem; height: 0; border-top: 3px solid; vertical-align: middle;
  margin-right: .4rem; }
.legend .swatch.dashed { border-top-style: dashed; }
details.as-table { margin-top: .5rem; }
details.as-table summary { cursor: pointer; color: var(--brand); font-weight: 600; padding: .25rem 0; }
table.report { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.report caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .3rem; }
table.report th, table.report td { padding: .35rem; border-bottom: 1px solid var(--line); text-align: right;
  white-space: nowrap; }
table.report th[scope="row"], table.report th.text, table.report td.text { text-align: left; white-space: normal; }
/* Headings wrap (numbers do not), so the thirteen columns per topic fit a 1280 px screen. */
table.report thead th { background: var(--soft); font-size: .85rem; vertical-align: bottom; white-space: normal; }
.barcell { display: flex; align-items: center; justify-content: flex-end; gap: .5rem; }
.bar { display: inline-block; height: .8rem; background: var(--brand); min-width: 1px; }
.bar-track { display: inline-block; width: 4rem; background: var(--soft); border: 1px solid var(--line); }
.export { display: flex; flex-wrap: wrap; gap: .5rem; }
.report-section { display: flex; flex-direction: column; gap: .6rem; min-width: 0; }

.uplot, .uplot *, .uplot *::before, .uplot *::after { box-sizing: border-box; }
.uplot { font-family: inherit; line-height: 1.5; width: min-content; }
.u-wrap { position: relative; user-select: none; }
.u-over, .u-under { position: absolute; }
.u-under { overflow: hidden; }
.uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
.u-axis { position: absolute; }
.u-select { background: rgba(0,0,0,0.07); position: absolute; pointer-events: none; }
.u-cursor-x, .u-cursor-y { position: absolute; left: 0; top: 0; pointer-events: none; will-change: transform; }
.u-hz .u-cursor-x, .u-vt .u-cursor-y { height: 100%; border-right: 1px dashed #4a4a4a; }
.u-hz .u-cursor-y, .u-vt .u-cursor-x { width: 100%; border-bottom: 1px dashed #4a4a4a; }
.u-cursor-pt { position: absolute; top: 0; left: 0; border-radius: 50%; border: 0 solid; pointer-events: none;
  will-change: transform; background-clip: padding-box !important; }
.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off { display: none; }
@media (forced-colors: active) { .bar { forced-color-adjust: none; background: CanvasText; } }
`;
