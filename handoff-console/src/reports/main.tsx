/**
 * The supervisors' Reports page at /console/reports: sign-in (shared with the console, same
 * session), then the report for the last 30 days with filters. Served under the same strict
 * CSP as the console (no inline script); all data is rendered as text, never as HTML.
 */
import { effect } from "@preact/signals";
import { render } from "preact";
import { setLang, uiLang } from "../i18n.ts";
import { STYLES } from "../styles.ts";
import { SignIn } from "../views/SignIn.tsx";
import { ReportsPage } from "./ReportsPage.tsx";
import { reportText, signIn, signInNotice, signOut, start, token } from "./state.ts";
import { REPORT_STYLES } from "./styles.ts";

function App() {
  const t = reportText.value;
  const signedIn = token.value !== undefined;
  return (
    <>
      <header class="topbar reports-top">
        <div class="topline">
          <h1>{t.title}</h1>
          <a href="/console">{t.backToConsole}</a>
          <button
            type="button"
            class="secondary small"
            hidden={!signedIn}
            onClick={() => signOut()}
          >
            {t.signOut}
          </button>
          <button
            type="button"
            class="secondary small"
            lang={t.switchLangTo}
            onClick={() => setLang(uiLang.value === "fi" ? "sv" : "fi")}
          >
            {t.switchLang}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {signedIn ? (
          <ReportsPage />
        ) : (
          <SignIn
            // A new screen each time, so a new notice is focused and read.
            key={signInNotice.value}
            notice={signInNotice.value || undefined}
            onSignedIn={signIn}
          />
        )}
      </main>
    </>
  );
}

function boot(): void {
  const style = document.createElement("style");
  style.textContent = STYLES + REPORT_STYLES;
  document.head.append(style);
  effect(() => {
    const t = reportText.value;
    document.documentElement.lang = t.lang;
    document.title = t.pageTitle;
  });
  document.body.replaceChildren();
  render(<App />, document.body);
  start();
}

boot();
