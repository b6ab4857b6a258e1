/**
 * The studio's styles on top of the console's (same tokens: --brand, --err, --soft …),
 * injected as one <style> element like the console's. Text contrast is at least 4.5:1; state
 * is always written out, colour only repeats it.
 */
export const STUDIO_STYLES = `
main { max-width: 90rem; }
main a { color: var(--brand); text-underline-offset: .15em; }
#topic-id { max-width: 36rem; }
.view > h2 .heading-id { display: block; font-size: .9rem; font-weight: 400; color: var(--muted); }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.who-am-i { margin: 0; font-weight: 600; }
.view { display: flex; flex-direction: column; gap: .75rem; min-width: 0; }
.view > h2, .view-head h2, .view-head h3 { margin: 0; }
.view-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; }
.button-link { display: inline-flex; align-items: center; text-decoration: none; }
.button-link:hover { color: #fff; }
label { font-weight: 600; }
input[type="text"], input[type="search"], input[type="url"] { border: 1px solid #6b7280; border-radius: .3rem; padding: .4rem;
  background: #fff; min-height: 2.5rem; width: 100%; }
textarea { width: 100%; resize: vertical; }
.hint { margin: 0; font-size: .9rem; color: var(--muted); }
.search { display: flex; flex-direction: column; gap: .25rem; max-width: 36rem; }
.topic-order { display: flex; align-items: center; gap: .5rem; margin-top: .75rem; }
.notice.ok { border-left-color: var(--ok); }
.notice.busy { border-left-color: var(--brand); font-weight: 600; }
.load-error p { margin: 0 0 .5rem; }

table.data { border-collapse: collapse; width: 100%; }
table.data caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .3rem; }
table.data th, table.data td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data thead th { background: var(--soft); font-size: .9rem; }
table.data tbody th { font-weight: 600; }
table.data td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
/* The row's name stays in sight while the rest of a wide table scrolls under it. */
table.data tbody th[scope="row"], table.data thead th:first-child { position: sticky; left: 0; z-index: 1;
  box-shadow: inset -1px 0 0 var(--line); }
table.data tbody th[scope="row"] { background: #fff; }
/* A state word may wrap to a line of its own rather than push the table wider than the page. */
table.data .badge { white-space: normal; }
table.data .match { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); max-width: 24rem; overflow-wrap: anywhere; }
.badges { display: flex; flex-wrap: wrap; gap: .25rem; }
.badge { border-radius: .25rem; padding: .05rem .4rem; font-size: .8rem; font-weight: 700; white-space: nowrap; background: #fff; color: var(--ink); }
.badge.state-changed, .badge.state-overdue, .badge.state-pending-review, .badge.state-building, .badge.state-added { background: var(--warn-bg); border-color: #8a5a00; }
.badge.state-live, .badge.state-fixed { background: #e3f3e8; border-color: var(--ok); color: var(--ok); }
.badge.state-retired, .badge.state-rejected, .badge.state-broken, .badge.state-failed, .badge.state-removed { background: var(--err-bg); border-color: var(--err); color: var(--err); }
.badge.warning { background: var(--warn-bg); border: 1px solid #8a5a00; }
.badge.error { background: var(--err-bg); border: 1px solid var(--err); color: var(--err); }
.num .badge { margin-left: .4rem; }
.badge.state-superseded { color: var(--muted); border-color: var(--muted); }
.badge.state-in-progress { background: var(--warn-bg); border-color: #8a5a00; }

.editor form { display: flex; flex-direction: column; gap: 1rem; }
.locales { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
fieldset { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; margin: 0; min-width: 0; }
fieldset > legend { font-weight: 700; padding: 0 .3rem; }
.locale, .shared { display: flex; flex-direction: column; gap: .9rem; }
.field { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
.field.checkbox { flex-direction: row; flex-wrap: wrap; align-items: center; }
.counter { margin: 0; font-size: .9rem; font-variant-numeric: tabular-nums; }
.counter.over { color: var(--err); font-weight: 700; }
.field-problems { margin: .15rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
.field-problems li.error, .problem-list li.error { color: var(--err); }
.field-problems li.warning, .problem-list li.warning { color: #6b4500; }
.links { display: flex; flex-direction: column; gap: .5rem; }
.links > button { align-self: flex-start; }
.view > p { margin: 0; }
.field-problems .fix, .problem-list .fix { display: block; }
table.data { min-width: 36rem; }
/* The topic list fits 1280 px: both titles share a cell, a change shows its day with the name
   under it, and the count columns keep their figures on one line. */
.topic-table .titles > span { display: block; }
.topic-table .titles > span + span { margin-top: .15rem; }
/* Relative: the hidden full time stays inside the scrolling table, not widening the page. */
.topic-table td.changed { white-space: nowrap; position: relative; }
.topic-table td.changed .by { display: block; white-space: normal; font-size: .85rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.link-rows { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.link-row { display: grid; gap: .4rem; grid-template-columns: minmax(0, 1fr); padding: .5rem; }
.link-row > legend { font-weight: 600; font-size: .95rem; }
.link-row > button { justify-self: start; }
.personal dl { margin: .4rem 0 0; }
.personal dt { font-weight: 600; }
.personal dd { margin: 0 0 .5rem; white-space: pre-wrap; }
.personal summary { cursor: pointer; font-weight: 600; color: var(--brand); }
.followups .chosen { margin: .3rem 0 0; }
.followups details { margin-top: .4rem; }
.followups summary { cursor: pointer; font-weight: 600; color: var(--brand); min-height: 1.5rem; }
.followups .choices { list-style: none; margin: .3rem 0 0; padding: .25rem; max-height: 14rem; overflow-y: auto;
  display: grid; gap: .2rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); border: 1px solid var(--line); border-radius: .3rem; }
.followups .choices li { display: flex; align-items: center; }
.followups label, .field.checkbox label { font-weight: 400; }
.check { border: 2px solid var(--line); border-radius: .4rem; padding: .75rem; }
.check:focus { outline: 3px solid var(--brand); }
/* An audit entry "show older" brought: focus stays visible on it (WCAG 2.4.7). */
tr[tabindex="-1"]:focus { outline: 3px solid var(--brand); outline-offset: -3px; }
.check h3 { margin: 0 0 .3rem; }
.check-counts { margin: 0; font-weight: 600; }
.check-counts[data-errors]:not([data-errors="0"]) { color: var(--err); }
.problem-list { margin: .4rem 0 0; padding-left: 1.1rem; display: flex; flex-direction: column; gap: .3rem; }
.problem-list a { color: inherit; }
.earlier-warnings { margin-top: .5rem; }
.earlier-warnings > summary { cursor: pointer; font-weight: 600; }
.problem-list .fix { color: var(--ink); }
.confirm { display: flex; flex-direction: column; gap: .4rem; max-width: 40rem; }
/* A table row's ways on, one under another: the mending ones first, the move last. */
.row-actions { display: flex; flex-direction: column; align-items: flex-start; gap: .35rem; min-width: 14rem; }
[aria-disabled="true"] { cursor: not-allowed; }
.save-bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 0;
  background: #fff; border-top: 1px solid var(--line); }
.save-bar .notice { margin: 0; flex: 1 1 18rem; }
.save-bar > p:not(.notice) { margin: 0; }
.save-unfinished { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; flex: 1 1 22rem; }
.save-unfinished p { margin: 0; flex: 1 1 14rem; }
/*
 * The editors' Save row stays at the bottom of the window while the form runs past it, so a
 * save's outcome is in sight wherever Save was pressed. A field that takes focus scrolls clear
 * of the row (SaveBar keeps its height in --save-bar-height). A short window (a phone held
 * sideways, 400 % zoom) keeps the row in place: stuck there, it would hide most of the form.
 */
@media (min-height: 30rem) {
  .save-bar { position: sticky; bottom: 0; z-index: 2; }
  html { scroll-padding-bottom: calc(var(--save-bar-height, 0px) + .5rem); }
}

.try-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; }
.try-form .grow { flex: 1 1 20rem; }
.try-form select { min-height: 2.5rem; }
.orders-count { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; margin: .5rem 0; }
.orders-count select { min-height: 2.5rem; border: 1px solid #6b7280; border-radius: .3rem; padding: .3rem; background: #fff; }
.orders-count .hint { flex-basis: 100%; }
.top .percent { display: block; }
.try-teach { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; margin-top: 1rem; max-width: 48rem; }
.try-teach h3, .try-teach .notice p { margin: 0 0 .4rem; }
.try-teach form { display: flex; flex-direction: column; gap: .6rem; align-items: flex-start; }
.try-teach select { min-height: 2.5rem; border: 1px solid #6b7280; border-radius: .3rem; padding: .3rem; background: #fff; max-width: 100%; }
.try-teach q { overflow-wrap: anywhere; }
.try-columns { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
.try-column { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; display: flex; flex-direction: column; gap: .5rem; min-width: 0; }
.try-column h3, .try-column h4, .try-column .why { margin: 0; }
.top { margin: 0; padding-left: 1.3rem; display: flex; flex-direction: column; gap: .4rem; }
.top .intent { font-weight: 600; overflow-wrap: anywhere; }
.top .bar { display: block; position: relative; height: .55rem; border: 1px solid var(--ink); border-radius: .2rem; background: #fff; margin-top: .15rem; }
.top .mark { position: absolute; top: -.2rem; bottom: -.2rem; width: 2px; margin-left: -1px; background: var(--ink); }
.top .fill { display: block; height: 100%; background: var(--brand); }
.preview { list-style: none; margin: 0; padding: .5rem; display: flex; flex-direction: column; gap: .45rem; background: #fff;
  border: 1px solid var(--line); border-radius: .3rem; }
.bubble { align-self: flex-start; max-width: 100%; padding: .5rem .7rem; border-radius: .6rem; background: #eef1f5; overflow-wrap: anywhere; }
.bubble .who { display: block; font-size: .75rem; font-weight: 700; margin-bottom: .15rem; }
.bubble p { margin: 0 0 .5rem; white-space: pre-wrap; }
.bubble p:last-of-type { margin-bottom: 0; }
.chips { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; }
.chip { display: inline-flex; align-items: center; min-height: 2.5rem; border: 1px solid var(--brand); background: #fff; color: var(--brand);
  border-radius: 1.4rem; padding: .3rem .8rem; font: inherit; font-size: .9rem; cursor: pointer; text-decoration: none; }
.chip.action { cursor: default; border-style: dashed; }
a.chip:hover, button.chip:hover { background: var(--soft); }
.chip.shown { cursor: default; }
/* One answer in both languages: side by side where each gets ~18rem, else one under the other. */
.answer-previews { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
.answer-preview { margin: 0; min-width: 0; display: flex; flex-direction: column; gap: .2rem; }
.answer-preview figcaption { font-weight: 600; font-size: .9rem; }
.diff-preview { margin: .4rem 0; display: flex; flex-direction: column; gap: .3rem; max-width: 60rem; }
.diff-preview > p { margin: 0; font-weight: 600; }
.diff-preview summary, .counted-list summary { cursor: pointer; }
.diff-preview details[open] > summary { margin-bottom: .3rem; }
.editor-preview { display: flex; flex-direction: column; gap: .3rem; max-width: 32rem; }
.editor-preview { margin: 0; }
.editor-preview figcaption { font-weight: 600; }
.editor-preview p.hint { margin: 0; }

.controls { display: flex; flex-wrap: wrap; gap: .5rem 2rem; }
.choice-group { border: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .9rem; }
.choice-group legend { float: left; font-weight: 600; margin-right: .5rem; padding: 0; }
.choice-group .choice { display: inline-flex; align-items: center; }
.choice-group label { font-weight: 400; }
.test-results { display: flex; flex-direction: column; gap: 1rem; }
.test-results section { display: flex; flex-direction: column; gap: .5rem; }
.test-results h3 { margin: 0; }

.panel { border-top: 1px solid var(--line); padding-top: .75rem; display: flex; flex-direction: column; gap: .5rem; }
.panel h3, .panel h4 { margin: 0; }
.diff { margin: 0; padding-left: 1.1rem; display: flex; flex-direction: column; gap: .25rem; }
.diff .diff-name { font-weight: 600; }
.diff .diff-id { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.item-id { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.diff .diff-warning { margin: .15rem 0 0; padding: .15rem .4rem; border-left: 4px solid #8a5a00;
  background: var(--warn-bg); color: #6b4500; }
.change-details { margin: .35rem 0 .5rem; display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .3rem .75rem; }
.change-details dt { font-weight: 600; font-size: .9rem; }
.change-details dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.change-details p { margin: 0; white-space: pre-wrap; }
.diff-items { margin: 0; padding-left: 0; list-style: none; display: flex; flex-direction: column; gap: .15rem; }
ins { background: #e3f3e8; color: #14532d; text-decoration: none; border-bottom: 2px solid #15803d; padding: 0 .1em; }
del { background: var(--err-bg); color: #7f1d1d; text-decoration: line-through; padding: 0 .1em; }
.diff-items ins::before { content: "+ "; content: "+ " / ""; }
.diff-items del::before { content: "− "; content: "− " / ""; }
@media (max-width: 40rem) { .change-details { grid-template-columns: 1fr; } }
.versions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .75rem; }
.version { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; display: flex; flex-direction: column; gap: .4rem; }
.version.state-live { border: 2px solid var(--ok); }
.version.state-pending-review { border: 2px solid #8a5a00; }
.version h4 { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.version .meta { margin: 0; }
.score-line { display: block; }
.version-test { display: flex; flex-direction: column; gap: .4rem; }
.version-test h5, .version-test p { margin: 0; }
.version-test h5 { font-size: .95rem; }

.inbox-filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; }
.inbox-filters input[type="date"], .inbox-filters select, .miss-action select { min-height: 2.5rem; border: 1px solid #6b7280; border-radius: .3rem; padding: .3rem; background: #fff; }
.inbox h3 { margin: .5rem 0 0; }
nav.inbox-kinds { border-bottom: 1px solid var(--line); padding: 0 0 .3rem; }
.review-figure { border-left: 4px solid var(--ok); background: var(--soft); padding: .4rem .75rem; }
.inbox .review-figure h3 { margin: 0 0 .2rem; font-size: 1rem; }
.review-figure ul { margin: 0; padding-left: 1.1rem; }
.miss-groups { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .75rem; }
.miss-group { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; display: flex; flex-direction: column; gap: .5rem; min-width: 0; }
.miss-group h4 { margin: 0; }
.miss-group > button { align-self: flex-start; }
.trend { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; }
.trend svg { border: 1px solid var(--line); background: #fff; }
.trend rect { fill: var(--brand); }
.trend .axis { stroke: var(--ink); stroke-width: 1; }
.samples { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.sample { border-left: 4px solid var(--line); padding: .25rem .6rem; display: flex; flex-direction: column; gap: .2rem; align-items: flex-start; }
.sample p { margin: 0; }
.sample-text { white-space: pre-wrap; overflow-wrap: anywhere; font-weight: 600; }
.sample-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem 1rem; }
.sample-actions .choice { display: inline-flex; align-items: center; gap: .35rem; }
.sample-actions .choice label { font-weight: 400; }
.sample-actions input[type="checkbox"] { width: 1.15rem; height: 1.15rem; margin: 0; }
.sample.left-out { border-left-style: dashed; }
.sample.left-out .sample-text { font-weight: 400; }
.sample .reopened { background: var(--warn-bg); padding: .15rem .4rem; border-radius: .25rem; }
.sample .answered-now { background: var(--soft); border-left: 3px solid var(--ok); padding: .2rem .4rem; display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; }
.group-actions { display: flex; flex-direction: column; gap: .5rem; align-items: flex-start; }
.miss-action { display: flex; flex-direction: column; gap: .6rem; border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; align-self: stretch; max-width: 48rem; }
.miss-action .notice p { margin: 0; }
.topic-feedback { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; }
.topic-feedback h3 { margin: 0 0 .4rem; }
.topic-feedback h4, .topic-feedback h5 { margin: .3rem 0; }
.topic-feedback p { margin: 0 0 .3rem; }
.feedback-langs { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }
.unhelpful { margin: 0; padding-left: 1.1rem; display: flex; flex-direction: column; gap: .25rem; overflow-wrap: anywhere; }

@media (max-width: 30rem) {
  .try-form { flex-direction: column; align-items: stretch; }
  /* In a column the basis would be a height: the message field would stand 20rem tall. */
  .try-form .grow { flex-basis: auto; }
  .save-bar .shortcut { display: none; }
}
`;
