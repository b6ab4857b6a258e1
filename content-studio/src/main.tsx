/**
 * The content studio at /studio: content owners edit topics in a draft, try and test them,
 * publish versions and reviewers approve them. Served under the console's strict CSP (no
 * inline script); all content is rendered as text, never as HTML.
 */
import { effect, untracked } from "@preact/signals";
import { render } from "preact";
import { STYLES as CONSOLE_STYLES } from "../../handoff-console/src/styles.ts";
import { loadMe, resumedWork, route, session } from "./state/app.ts";
import { loadedId, mode, open, startNew, unsaved } from "./state/editor.ts";
import { loadFeedback } from "./state/feedback.ts";
import { loadInbox, showKind } from "./state/inbox.ts";
import { recheckOnLanguageSwitch } from "./state/language.ts";
import {
  openOutOfScope,
  opened as outOfScopeOpened,
  outOfScopeUnsaved,
} from "./state/outOfScope.ts";
import { openId, openReferral, referralUnsaved } from "./state/referrals.ts";
import { loadDraft } from "./state/topics.ts";
import { uncoveredPage } from "./state/uncovered.ts";
import { load as loadVersions } from "./state/versions.ts";
import { STUDIO_STYLES } from "./styles.ts";
import { App } from "./views/App.tsx";

/** Loads what a view shows whenever the view (or the signed-in user) changes. */
function loadForView(): void {
  const current = route.value;
  const signedIn = session.value !== undefined;
  if (!signedIn) return;
  untracked(() => {
    // Signed in again after an expired sign-in: the open form is still the person's work,
    // if it is the one this address shows.
    const resuming = resumedWork();
    switch (current.view) {
      case "new":
        if (!(resuming && mode.value === "new")) startNew();
        break;
      case "topic":
        if (!(resuming && loadedId.value === current.id)) void open(current.id);
        void loadFeedback();
        break;
      case "inbox":
        // The address says which list: the misses, or the answer review's sampled questions.
        showKind(current.kind ?? "misses");
        // The draft's topics name the guesses and fill the topic picker.
        void loadInbox();
        void loadDraft();
        break;
      case "referral":
        if (!(resuming && openId.value === current.id)) void openReferral(current.id);
        break;
      case "out-of-scope":
        if (!(resuming && outOfScopeOpened.value)) void openOutOfScope();
        break;
      case "uncovered":
        if (!(resuming && uncoveredPage.opened.value)) void uncoveredPage.open();
        break;
      case "versions":
        void loadVersions();
        break;
      case "topics":
        void loadDraft();
        void loadFeedback();
        break;
      default:
        void loadDraft();
    }
  });
}

function boot(): void {
  const style = document.createElement("style");
  style.textContent = CONSOLE_STYLES + STUDIO_STYLES;
  document.head.append(style);
  document.body.replaceChildren();
  render(<App />, document.body);
  if (session.value) void loadMe();
  effect(loadForView);
  recheckOnLanguageSwitch();
  // The browser's own "leave the page?" while an editor holds unsaved work. The work is kept
  // in this browser as well (keptForms), but a closed tab may not be opened again soon.
  addEventListener("beforeunload", (event) => {
    const lists = outOfScopeUnsaved.peek() || uncoveredPage.edit.unsaved.peek();
    if (!unsaved.peek() && !referralUnsaved.peek() && !lists) return;
    event.preventDefault();
    event.returnValue = "";
  });
}

boot();
