/** Where the panel fills the window: there it is a modal dialog (main.ts). */
export const FULL_SCREEN = "(max-width: 480px), (max-height: 480px)";

// Scoped to the widget's shadow root, so the host page's styles and ours never meet.
// Colours meet WCAG AA: #0b4f8a on white 8.6:1, #4a4a4a on white 8.9:1, #a4000f on white 8.3:1.
export const STYLES = `
:host { all: initial; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; font-size: 16px; line-height: 1.4; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, input, textarea, select { font: inherit; }
button, select, .reply { min-height: 2.75rem; }
:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; border: 0; border-radius: 2rem;
  padding: .8rem 1.2rem; background: #0b4f8a; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.launcher:focus-visible { outline-color: #1a1a1a; }
.launcher .badge { display: inline-block; min-width: 1.5rem; margin-left: .25rem; padding: 0 .4rem; border-radius: .75rem; background: #fff; color: #0b4f8a; font-weight: 700; text-align: center; }
.panel { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483001; width: min(25rem, calc(100vw - 2rem));
  height: min(40rem, calc(100vh - 2rem)); display: flex; flex-direction: column; background: #fff; border-radius: .5rem;
  box-shadow: 0 4px 24px rgba(0,0,0,.35); overflow: hidden; }
header { display: flex; align-items: center; gap: .5rem; padding: .5rem .8rem; background: #0b4f8a; color: #fff; }
header .titles { flex: 1; min-width: 0; }
/* "Skatteförvaltningens" alone is wider than the buttons leave at 320 px: it breaks at the
   heading's soft hyphen, or anywhere as a last resort rather than run under the buttons. */
header h2 { margin: 0; font-size: 1rem; line-height: 1.25; overflow-wrap: anywhere; hyphens: auto; }
header .subtitle { margin: 0; font-size: .875rem; }
header .subtitle:empty { display: none; }
header button { flex: none; background: transparent; color: #fff; border: 1px solid #fff; border-radius: .25rem; padding: .2rem .5rem; cursor: pointer; min-width: 2.75rem; }
header :focus-visible { outline-color: #fff; }
.close span { font-size: 1.4rem; line-height: 1; }
/* The signed-in strip continues the header (a darker blue: white on #083d6b is 11:1), so it
   reads as the header's, above whatever the chat says. */
.signed-in { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; padding: .2rem .8rem; background: #083d6b; color: #fff; font-size: .875rem; }
.signed-in p { margin: 0; flex: 1 1 8rem; min-width: 0; overflow-wrap: anywhere; }
.sign-out { flex: none; min-height: 2.25rem; background: transparent; color: #fff; border: 1px solid #fff; border-radius: .25rem; padding: .1rem .6rem; cursor: pointer; }
.signed-in :focus-visible { outline-color: #fff; }
.status { margin: 0; padding: .3rem .8rem; background: #fff4ce; font-size: .875rem; }
.status:empty { display: none; }
.queue { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .8rem; padding: .4rem .8rem; background: #e8f1fa; font-size: .9rem; }
.queue p { margin: 0; flex: 1 1 12rem; }
.body { flex: 1; overflow-y: auto; display: flex; flex-direction: column; }
.body:focus-visible { outline-offset: -3px; }
.log { padding: .8rem .8rem 0; display: flex; flex-direction: column; gap: .5rem; margin: 0; list-style: none; }
.pending-list:empty { display: none; }
.msg { max-width: 88%; padding: .5rem .7rem; border-radius: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: .75rem; font-weight: 600; margin-bottom: .15rem; }
.msg.customer { align-self: flex-end; background: #0b4f8a; color: #fff; }
.msg.bot, .msg.advisor { align-self: flex-start; background: #eef1f5; }
.msg.advisor { border-left: 4px solid #0b4f8a; }
.msg.system { align-self: stretch; max-width: none; background: #f6f7f9; color: #2b2b2b; border: 1px solid #dde1e6; }
.msg.pending { background: #fff; color: #0b4f8a; border: 1px dashed #0b4f8a; }
.msg.refused { border: 2px solid #b00020; color: #2b2b2b; }
.msg .why { display: block; margin-top: .3rem; font-size: .875rem; color: #8a0019; white-space: normal; }
.replies { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; white-space: normal; }
.reply { display: inline-flex; align-items: center; border: 1px solid #0b4f8a; background: #fff; color: #0b4f8a; border-radius: 1.4rem;
  padding: .25rem .8rem; cursor: pointer; text-decoration: none; text-align: left; }
.reply.action { font-weight: 600; }
a.reply { text-decoration: underline; }
/* An older answer's choices, no longer offered: plainly used, not waiting for a click. */
.replies.retired button.reply { opacity: 1; cursor: default; border-style: dashed; border-color: #6b7280; background: #f6f7f9; color: #4a4a4a; }
.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .5rem; margin-top: .5rem; font-size: .875rem; white-space: normal; }
/* Pressing changes no width, so nothing moves: the check mark sits in padding kept for it on
   both sides (the label stays centred) and the label does not turn bold. The two choices wrap
   together, never one without the other. */
.votes { display: inline-flex; gap: .5rem; }
.vote-status { flex-basis: 100%; }
.vote { position: relative; min-width: 2.75rem; border: 1px solid #0b4f8a; border-radius: .3rem; padding: .2rem 1.15rem; background: #fff; color: #0b4f8a; cursor: pointer; }
.vote[aria-pressed=true] { background: #0b4f8a; color: #fff; }
.vote[aria-pressed=true]::before { content: "✓"; position: absolute; left: .4rem; top: 50%; transform: translateY(-50%); }
.typing { margin: 0; padding: .2rem .8rem; font-size: .875rem; color: #4a4a4a; }
.typing::after { content: ""; display: inline-block; width: .5rem; animation: dots 1.2s steps(4) infinite; }
@keyframes dots { 0% { opacity: .2; } 50% { opacity: 1; } 100% { opacity: .2; } }
.form-area:empty { display: none; }
.form-area { padding: .5rem .8rem; }
.contact-form, .survey { display: flex; flex-direction: column; gap: .4rem; padding: .6rem; border: 1px solid #dde1e6; border-radius: .5rem; }
.contact-form h3, .survey h3 { margin: 0; font-size: 1rem; }
/* The day and time fields are the form's own rows, spaced as the others. */
.slot-picker { display: contents; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field label, legend { font-weight: 600; }
.hint { margin: 0; font-size: .875rem; color: #4a4a4a; }
input[type=tel], input[type=text], select, textarea { width: 100%; padding: .45rem; border: 1px solid #6b7280; border-radius: .3rem; background: #fff; color: #1a1a1a; }
[aria-invalid=true] { border: 2px solid #a4000f; }
.field-error { margin: 0; color: #a4000f; font-weight: 600; }
.field-error:empty { display: none; }
fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem .8rem; min-width: 0; }
legend { padding: 0; margin-bottom: .2rem; }
fieldset.choices label { display: inline-flex; align-items: center; gap: .35rem; min-height: 2.75rem; }
fieldset.choices input { width: 1.2rem; height: 1.2rem; margin: 0; }
fieldset.stars { gap: .15rem; }
fieldset.stars legend { width: 100%; }
fieldset.stars .field-error { width: 100%; }
fieldset.stars label { position: relative; display: inline-flex; cursor: pointer; }
fieldset.stars input { position: absolute; opacity: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
.star { display: inline-flex; align-items: center; justify-content: center; width: 2.75rem; height: 2.75rem; font-size: 1.9rem; color: #6b7280; }
fieldset.stars label.on .star { color: #a35200; }
fieldset.stars input:focus-visible + .star { outline: 3px solid #0b4f8a; outline-offset: -2px; border-radius: .3rem; }
.privacy { margin: 0; padding: .2rem .8rem; font-size: .75rem; line-height: 1.25; color: #4a4a4a; border-top: 1px solid #dde1e6; }
form.compose { display: flex; gap: .4rem; padding: .3rem .6rem; border-top: 1px solid #dde1e6; }
/* One line to start with, growing with what is typed: the conversation keeps the room. */
form.compose textarea { flex: 1; resize: none; min-height: 2.75rem; max-height: 7rem; field-sizing: content; }
.primary { border: 0; border-radius: .3rem; padding: .4rem .9rem; background: #0b4f8a; color: #fff; cursor: pointer; }
.secondary { border: 1px solid #0b4f8a; border-radius: .3rem; padding: .4rem .9rem; background: #fff; color: #0b4f8a; cursor: pointer; }
button:disabled { opacity: .6; cursor: progress; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.footer { padding: 0 .6rem .3rem; gap: .4rem; flex-wrap: nowrap; }
.confirm { padding: .4rem .6rem; border-top: 1px solid #dde1e6; }
.confirm p { margin: 0 0 .4rem; font-weight: 600; }
.footer button { flex: 1 1 auto; padding: .3rem .5rem; font-size: .875rem; }
.info { display: none; flex: none; width: 2.75rem; border: 1px solid #0b4f8a; border-radius: 50%; background: #fff; color: #0b4f8a; font-weight: 700; font-style: italic; cursor: pointer; }
.info[aria-expanded=true] { background: #0b4f8a; color: #fff; }
/* A contact form (callback, booking, cancel or move) has its own buttons; the message box
   waits until it is sent or closed. */
.panel[data-form] :is(.compose, .privacy) { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media ${FULL_SCREEN} { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
  header { padding: .25rem .6rem; } header h2 { font-size: .9375rem; } }
/* A low window (a phone on its side, 400 % zoom: WCAG 1.4.10): the conversation keeps at least
   two fifths of the height. A one-line header, the privacy line behind an "i" beside the field
   (it describes the field all the same), smaller targets (still over 24 px) below. */
@media (max-height: 480px) {
  header { padding: .1rem .6rem; } header h2 { font-size: .875rem; line-height: 1.2; }
  header .subtitle { font-size: .75rem; }
  /* One line, as the header: a long name gives way first (read whole all the same). */
  .signed-in { flex-wrap: nowrap; padding: 0 .6rem; font-size: .75rem; }
  .signed-in p { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .sign-out { min-height: 2rem; padding: 0 .4rem; }
  header button, .info, form.compose .primary { min-height: 2.25rem; }
  .info { display: inline-flex; align-items: center; justify-content: center; width: 2.25rem; }
  .privacy { display: none; } .panel[data-privacy] .privacy { display: block; }
  form.compose { padding: .2rem .6rem; }
  form.compose textarea { min-height: 2.25rem; max-height: 4.5rem; padding: .3rem .45rem; }
  /* The placeholder alone must not make the field two lines high. */
  form.compose textarea::placeholder { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .footer { padding: 0 .6rem .2rem; }
  .footer button { min-height: 2rem; padding: .1rem .4rem; font-size: .8125rem; }
}
@media (prefers-reduced-motion: reduce) { *, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;
