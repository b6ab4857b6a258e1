/**
 * The page shell: header (title, who is signed in, language, sign out), navigation between
 * the views, and main with the current view and the polite status region. Focus moves to the
 * new view's heading whenever the view changes.
 */
import { useEffect, useRef } from "preact/hooks";
import { setUiLang, text, uiLang } from "../i18n.ts";
import { type Route, routeHash, type ViewName } from "../route.ts";
import { announcement, myName, roles, route, session, signOut } from "../state/app.ts";
import { unseenDecisions } from "../state/decisions.ts";
import { loadedId } from "../state/editor.ts";
import { draft, refreshStaleDraft, watchDraft } from "../state/topics.ts";
import { Inbox } from "./Inbox.tsx";
import { OutOfScope } from "./OutOfScope.tsx";
import { ReferralEditor, Referrals } from "./Referrals.tsx";
import { SignIn } from "./SignIn.tsx";
import { TestAll } from "./TestAll.tsx";
import { TopicEditor } from "./TopicEditor.tsx";
import { Topics } from "./Topics.tsx";
import { TryIt } from "./TryIt.tsx";
import { UncoveredSet } from "./UncoveredSet.tsx";
import { Versions } from "./Versions.tsx";

const NAV: {
  view: ViewName;
  route: Route;
  key: "topics" | "inbox" | "referrals" | "outOfScope" | "uncovered" | "try" | "test" | "versions";
}[] = [
  { view: "topics", route: { view: "topics" }, key: "topics" },
  { view: "inbox", route: { view: "inbox" }, key: "inbox" },
  { view: "referrals", route: { view: "referrals" }, key: "referrals" },
  { view: "out-of-scope", route: { view: "out-of-scope" }, key: "outOfScope" },
  { view: "uncovered", route: { view: "uncovered" }, key: "uncovered" },
  { view: "try", route: { view: "try" }, key: "try" },
  { view: "test", route: { view: "test" }, key: "test" },
  { view: "versions", route: { view: "versions" }, key: "versions" },
];

/** The nav entry a view belongs to (each editor is part of its list). */
function section(view: ViewName): ViewName {
  if (view === "referral") return "referrals";
  return view === "new" || view === "topic" ? "topics" : view;
}

export function App() {
  const t = text.value;
  const signedIn = session.value !== undefined;
  const current = route.value;
  // Read with the draft: a reviewer sees from any page that versions wait for them.
  const waiting = draft.value?.pendingReview?.length ?? 0;
  // Read with it too: an author learns from any page that their version was decided.
  const news = unseenDecisions.value.length;
  const previous = useRef<{ route: Route; signedIn: boolean } | undefined>(undefined);

  // Each move to another page keeps the draft (and the review count) from going stale.
  useEffect(() => {
    if (signedIn) refreshStaleDraft();
  }, [current, signedIn]);
  // And so does time on one page, while it is in view.
  useEffect(() => (signedIn ? watchDraft() : undefined), [signedIn]);

  useEffect(() => {
    const before = previous.current;
    previous.current = { route: current, signedIn };
    if (!before) return;
    // A new topic that was just saved gets its own address; the user stays where they were.
    const justSaved =
      before.route.view === "new" && current.view === "topic" && current.id === loadedId.value;
    const sameView = before.signedIn === signedIn && routeHash(before.route) === routeHash(current);
    if (justSaved || sameView) return;
    document.getElementById("view-heading")?.focus();
  }, [current, signedIn]);

  useEffect(() => {
    document.documentElement.lang = t.lang;
    document.title = t.appTitle;
  }, [t]);

  const name = myName.value ?? "";
  const roleNames = roles.value
    .map((r) => t.roles[r])
    .filter(Boolean)
    .join(", ");

  return (
    <>
      <header class="topbar">
        <div class="topline">
          <h1>{t.appTitle}</h1>
          {signedIn ? (
            <div class="user">
              <p class="who-am-i" data-testid="signed-in-user">
                <span class="sr-only">{t.signedInLabel}: </span>
                {t.signedInAs(name, roleNames)}
              </p>
              <button type="button" class="secondary small" onClick={() => signOut()}>
                {t.signOut}
              </button>
            </div>
          ) : null}
          <button
            type="button"
            class="secondary small"
            lang={t.switchLangTo}
            onClick={() => setUiLang(uiLang.value === "fi" ? "sv" : "fi")}
          >
            {t.switchLang}
          </button>
        </div>
      </header>
      {signedIn ? (
        <nav aria-label={t.navLabel}>
          <ul>
            {NAV.map((item) => (
              <li key={item.key}>
                <a
                  href={routeHash(item.route)}
                  aria-current={section(current.view) === item.view ? "page" : undefined}
                >
                  {t.nav[item.key]}
                  {item.key === "versions" && waiting > 0 ? (
                    <span class="nav-count" data-testid="pending-review-count">
                      {` ${t.pendingReview(waiting)}`}
                    </span>
                  ) : null}
                  {item.key === "versions" && news > 0 ? (
                    <span class="nav-count" data-testid="decided-count">
                      {` ${t.decidedNews(news)}`}
                    </span>
                  ) : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        {signedIn ? <CurrentView route={current} /> : <SignIn />}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
          {announcement.value}
        </div>
      </main>
    </>
  );
}

function CurrentView(props: { route: Route }) {
  switch (props.route.view) {
    case "new":
    case "topic":
      return <TopicEditor />;
    case "inbox":
      return <Inbox />;
    case "referrals":
      return <Referrals />;
    case "referral":
      return <ReferralEditor />;
    case "out-of-scope":
      return <OutOfScope />;
    case "uncovered":
      return <UncoveredSet />;
    case "try":
      return <TryIt />;
    case "test":
      return <TestAll />;
    case "versions":
      return <Versions />;
    default:
      return <Topics />;
  }
}
