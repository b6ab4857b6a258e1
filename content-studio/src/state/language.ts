/**
 * The server tells the content check's findings, and a failed version's reason, in the
 * studio's language (the API client sends it with each call). After a switch, the open editor
 * asks again and the version list is read again, so they are not left in the other language.
 */
import { effect, untracked } from "@preact/signals";
import { uiLang } from "../i18n.ts";
import { route, session } from "./app.ts";
import { loadError, loading, serverProblems, validateNow } from "./editor.ts";
import { serverProblems as outOfScopeProblems, validateOutOfScopeNow } from "./outOfScope.ts";
import { serverProblems as referralProblems, validateReferralNow } from "./referrals.ts";
import { uncoveredPage } from "./uncovered.ts";
import { load as loadVersions, retellRefusal, list as versionList } from "./versions.ts";

/** Starts following the UI language; returns the function that stops it. */
export function recheckOnLanguageSwitch(): () => void {
  let shown = uiLang.peek();
  return effect(() => {
    const lang = uiLang.value;
    if (lang === shown) return;
    shown = lang;
    untracked(() => {
      if (session.value === undefined) return;
      const { view } = route.value;
      // Only what the server has told: a form nobody has had checked stays unchecked.
      if (view === "topic" || view === "new") {
        if (serverProblems.value.length && !loading.value && !loadError.value) void validateNow();
      }
      if (view === "referral" && referralProblems.value.length) void validateReferralNow();
      if (view === "out-of-scope" && outOfScopeProblems.value.length) void validateOutOfScopeNow();
      const uncovered = uncoveredPage.edit;
      if (view === "uncovered" && uncovered.serverProblems.value.length)
        void uncovered.validateNow();
      // A failed version's reason is told by the server too.
      if (view === "versions" && versionList.value) void loadVersions();
      // So is what the check found when it refused a publish.
      if (view === "versions") void retellRefusal();
    });
  });
}
