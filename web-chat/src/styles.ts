// Scoped to the widget's shadow root, so the host page's styles and ours never meet.
export const STYLES = `
:host { all: initial; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; }
* { box-sizing: border-box; }
button, input, textarea { font: inherit; }
:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; border: 0; border-radius: 2rem;
  padding: .8rem 1.2rem; background: #0b4f8a; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.panel { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483001; width: min(24rem, calc(100vw - 2rem));
  height: min(36rem, calc(100vh - 2rem)); display: flex; flex-direction: column; background: #fff; border-radius: .5rem;
  box-shadow: 0 4px 24px rgba(0,0,0,.35); overflow: hidden; }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: .5rem; padding: .6rem .8rem; background: #0b4f8a; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 1rem; }
header button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: .25rem; padding: .2rem .5rem; cursor: pointer; }
.status { margin: 0; padding: .3rem .8rem; background: #fff4ce; font-size: .875rem; }
.status:empty { display: none; }
.log { flex: 1; overflow-y: auto; padding: .8rem; display: flex; flex-direction: column; gap: .5rem; margin: 0; list-style: none; }
.msg { max-width: 85%; padding: .5rem .7rem; border-radius: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: .75rem; font-weight: 600; margin-bottom: .15rem; }
.msg.customer { align-self: flex-end; background: #0b4f8a; color: #fff; }
.msg.bot, .msg.advisor { align-self: flex-start; background: #eef1f5; }
.msg.system { align-self: center; background: transparent; color: #4a4a4a; font-style: italic; }
.msg.pending { opacity: .75; }
.replies { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .4rem; }
.replies button, .replies a { border: 1px solid #0b4f8a; background: #fff; color: #0b4f8a; border-radius: 1rem; padding: .25rem .7rem; cursor: pointer; text-decoration: none; }
.privacy { margin: 0; padding: .4rem .8rem; font-size: .8rem; color: #4a4a4a; border-top: 1px solid #dde1e6; }
form.compose { display: flex; gap: .4rem; padding: .6rem; border-top: 1px solid #dde1e6; }
form.compose textarea { flex: 1; resize: none; min-height: 2.5rem; padding: .4rem; border: 1px solid #6b7280; border-radius: .3rem; }
.primary { border: 0; border-radius: .3rem; padding: .4rem .9rem; background: #0b4f8a; color: #fff; cursor: pointer; }
.secondary { border: 1px solid #0b4f8a; border-radius: .3rem; padding: .4rem .9rem; background: #fff; color: #0b4f8a; cursor: pointer; }
.survey { padding: .8rem; border-top: 1px solid #dde1e6; display: flex; flex-direction: column; gap: .6rem; }
.survey fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.survey legend { font-weight: 600; margin-bottom: .3rem; }
.survey textarea { width: 100%; min-height: 3rem; border: 1px solid #6b7280; border-radius: .3rem; }
.survey .error { color: #a4000f; margin: 0; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 400px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;
