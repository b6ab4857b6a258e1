/**
 * The console's styles, injected as one <style> element (the CSP allows inline styles, not
 * inline scripts). Colours meet WCAG AA contrast on their backgrounds; state is never shown
 * by colour alone (each has a text label or a symbol too).
 */
export const STYLES = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --brand: #0b4f8a; --brand-dark: #083a66; --line: #c4cad2;
  --soft: #f3f6f9; --ok: #146c2e; --warn-bg: #fff4ce; --err: #a4000f; --err-bg: #fde7e9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #fff; line-height: 1.45; }
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
[hidden] { display: none !important; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
h4 { font-size: 1rem; margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.muted { color: var(--muted); }
.small-text { font-size: .875rem; margin: 0; }
.error { color: var(--err); margin: .25rem 0; font-weight: 600; }
.error:empty, .notice:empty { display: none; }
.notice { margin: .5rem 0; padding: .5rem .75rem; border-left: 4px solid var(--brand); background: var(--soft); }
.notice.warning { border-left-color: #8a5a00; background: var(--warn-bg); }
.notice.error { border-left-color: var(--err); background: var(--err-bg); }
.primary, .secondary { border-radius: .3rem; padding: .45rem .9rem; cursor: pointer; min-height: 2.5rem; }
.primary { border: 2px solid var(--brand); background: var(--brand); color: #fff; font-weight: 600; }
.primary:hover { background: var(--brand-dark); border-color: var(--brand-dark); }
.secondary { border: 2px solid var(--brand); background: #fff; color: var(--brand); }
.secondary:hover { background: var(--soft); }
.secondary.danger { border-color: var(--err); color: var(--err); }
.small { padding: .25rem .6rem; min-height: 2.25rem; }
[aria-disabled="true"] { opacity: .7; cursor: progress; }
.stack { display: flex; flex-direction: column; gap: .35rem; align-items: stretch; }
textarea, select, input[type="number"] { border: 1px solid #6b7280; border-radius: .3rem; padding: .4rem; background: #fff; }
[aria-invalid="true"] { border: 2px solid var(--err); }
input[type="radio"], input[type="checkbox"] { width: 1.15rem; height: 1.15rem; margin: 0 .3rem 0 0; accent-color: var(--brand); }

.topbar { background: var(--soft); border-bottom: 1px solid var(--line); padding: .6rem 1rem; display: flex;
  flex-direction: column; gap: .4rem; }
.topline { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
.topline h1 { flex: 1 1 12rem; }
.user { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.user:has(.confirm) { flex-basis: 100%; }
.user .confirm { flex: 1; }
.confirm .actions { clear: both; }
.presence { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.25rem; }
.presence fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; }
.presence legend { float: left; font-weight: 600; margin-right: .5rem; padding: 0; }
.presence .choice { display: inline-flex; align-items: center; gap: .25rem; margin-right: .4rem; }
.presence .max { display: flex; align-items: center; gap: .4rem; }
.presence .max label { font-weight: 600; }
.presence input[type="number"] { width: 4.5rem; }
.presence .summary { flex-basis: 100%; margin: 0; font-size: .9rem; }
.presence .error { flex-basis: 100%; }
.dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; border: 2px solid var(--muted); }
.choice.available .dot { background: var(--ok); border-color: var(--ok); }
.choice.away .dot { background: #fff; }
.connection { margin: 0; font-size: .9rem; display: flex; align-items: center; gap: .4rem; }
.connection[data-state="online"] .dot { background: var(--ok); border-color: var(--ok); }
.connection[data-state="reconnecting"] { background: var(--warn-bg); padding: .2rem .5rem; font-weight: 600; }
.connection:empty { display: none; }

nav { border-bottom: 1px solid var(--line); padding: .4rem 1rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.25rem; }
nav ul ul { display: inline-flex; margin-left: .75rem; gap: .3rem .9rem; }
nav ul ul:empty { display: none; }
nav a { color: var(--brand); text-underline-offset: .15em; }

main { padding: 1rem; display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
main:focus { outline: none; }
.card { max-width: 40rem; }
.personas { list-style: none; padding: 0; display: flex; flex-direction: column; gap: .6rem; }
.personas li { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }

.table-scroll { overflow-x: auto; }
.queue-section .table-scroll { max-height: 12rem; overflow-y: auto; border-bottom: 1px solid var(--line); }
table.queue .small { min-height: 1.75rem; padding: 0 .6rem; }
.queue-section label { display: inline-flex; align-items: center; margin-bottom: .3rem; }
table.queue { border-collapse: collapse; width: 100%; min-width: 34rem; white-space: nowrap; }
table.queue thead th { position: sticky; top: 0; }
table.queue caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .3rem; }
table.queue th, table.queue td { text-align: left; padding: .15rem .5rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
table.queue th { background: var(--soft); font-size: .9rem; }
table.queue td.clock { font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; min-width: 2rem; text-align: center; border: 1px solid var(--ink); border-radius: .25rem;
  font-size: .8rem; font-weight: 700; padding: 0 .25rem; }
.auth.yes { color: var(--ok); font-weight: 700; }
.count { color: var(--muted); font-weight: 400; }
.section-head { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem 1rem; margin-bottom: .5rem; }
.section-head h2 { margin: 0; }
.nowrap { white-space: nowrap; }
.close-row td { background: var(--soft); }
.close-row textarea { max-width: 40rem; }
.more { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }

.chat-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
.chat { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; display: flex; flex-direction: column;
  gap: .5rem; min-width: 0; }
.chat.ended { background: var(--soft); }
.meta { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: 0; font-size: .9rem; }
.meta div { display: flex; gap: .3rem; }
.meta dt { font-weight: 600; }
.meta dt::after { content: ":"; }
.meta dd { margin: 0; }
.log { list-style: none; margin: 0; padding: .5rem; display: flex; flex-direction: column; gap: .45rem;
  max-height: min(24rem, 45vh); min-height: 8rem; overflow-y: auto; border: 1px solid var(--line); border-radius: .3rem; background: #fff; }
.msg { max-width: 88%; padding: .4rem .6rem; border-radius: .5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: .78rem; font-weight: 700; white-space: normal; }
.msg .who time { font-weight: 400; }
.msg .choices { display: block; font-size: .8rem; color: var(--muted); margin-top: .2rem; }
.msg.customer { align-self: flex-start; background: #e6eef7; border: 1px solid #b7c9de; }
.msg.bot { align-self: flex-start; background: var(--soft); border: 1px dashed var(--line); }
.msg.advisor { align-self: flex-end; background: var(--brand); color: #fff; }
.msg.advisor .choices { color: #fff; }
.msg.system { align-self: center; background: var(--warn-bg); font-style: italic; max-width: 100%; }
.msg.pending { opacity: .85; border: 2px dashed var(--brand); background: #fff; color: var(--ink); }
.separator { align-self: stretch; text-align: center; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: .25rem; }
.pending-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .3rem; }
.pending-list:empty { display: none; }
.typing { margin: 0; min-height: 1.2em; font-size: .9rem; color: var(--muted); font-style: italic; }
.compose { display: flex; flex-direction: column; gap: .25rem; }
.compose label { font-weight: 600; }
.compose-row { display: flex; gap: .4rem; align-items: flex-end; }
.compose-row textarea { flex: 1; min-width: 0; resize: vertical; min-height: 3.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.confirm { border: 2px solid var(--brand); border-radius: .3rem; padding: .5rem; margin: 0; min-width: 0; }
.confirm legend { float: left; width: 100%; margin: 0 0 .4rem; padding: 0; font-weight: 600; }
.wrapup { border-top: 1px solid var(--line); padding-top: .5rem; }
.wrapup label { font-weight: 600; }
.wrapup p { margin: 0; }

@media (max-width: 30rem) {
  .topbar, main, nav { padding-left: .5rem; padding-right: .5rem; }
  .msg { max-width: 100%; }
  .compose-row { flex-direction: column; align-items: stretch; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) { .dot { forced-color-adjust: none; } }
`;
