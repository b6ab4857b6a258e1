/**
 * The supervisors' Reports page at /console/reports: sign-in (shared with the console, same
 * session), then the report for the last 30 days with filters. Served under the same strict
 * CSP as the console (no inline script); all data is rendered as text, never as HTML.
 */
import { setLang, text, uiLang } from "../i18n.ts";
import { mountStaffPage } from "../mount.tsx";
import { STYLES } from "../styles.ts";
import { SignIn } from "../views/SignIn.tsx";
import { ReportsPage } from "./ReportsPage.tsx";
import { reportText, signIn, signInNotice, signOut, start, token, userName } from "./state.ts";
import { REPORT_STYLES } from "./styles.ts";

function App() {
  const t = reportText.value;
  const signedIn = token.value !== undefined;
  const name = userName.value;
  return (
    <>
      <header class="topbar reports-top">
        <div class="topline">
          <h1>{t.title}</h1>
          <a href="/console">{t.backToConsole}</a>
          {name ? <span class="who-am-i">{text.value.signedInAs(name)}</span> : null}
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

mountStaffPage({
  css: STYLES + REPORT_STYLES,
  lang: () => reportText.value.lang,
  title: () => reportText.value.pageTitle,
  App,
  start,
});
