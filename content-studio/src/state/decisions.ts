/**
 * The reviews of the signed-in person's own versions that they have not seen yet (GET draft's
 * `decided`, read with the draft every half minute): counted beside Versions in the
 * navigation, listed at the top of the Versions page. Looking at that page is seeing them;
 * when they were last seen is kept in this browser per person, so a reload does not tell
 * them again.
 */
import { computed, signal } from "@preact/signals";
import { tokenSubject } from "../../../handoff-console/src/reports/reportsApi.ts";
import type { DecidedVersion } from "../api.ts";
import { onSignOut, session } from "./app.ts";
import { draft } from "./topics.ts";

const PREFIX = "studio.decisionsSeen.v1:";
/** Where storage is switched off (a privacy setting), seen only for as long as the page is open. */
const seenHere = new Map<string, string>();
/** Changes whenever a mark is written, so what reads the marks follows. */
const marks = signal(0);

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function subject(): string | undefined {
  const token = session.value?.token;
  return token ? tokenSubject(token) : undefined;
}

/** The time of the newest decision the person has seen (ISO), "" when none. */
export const seenUpTo = computed(() => {
  marks.value;
  const who = subject();
  if (!who) return "";
  let kept: string | null | undefined;
  try {
    kept = storage()?.getItem(`${PREFIX}${who}`);
  } catch {
    kept = undefined;
  }
  return kept ?? seenHere.get(who) ?? "";
});

/** Decisions newer than the last one seen, newest first. */
export const unseenDecisions = computed<DecidedVersion[]>(() =>
  (draft.value?.decided ?? []).filter((d) => d.at > seenUpTo.value),
);

/** What the Versions page lists on this visit: what was unseen when it was opened, and since. */
export const shownDecisions = signal<DecidedVersion[]>([]);

const keyOf = (d: DecidedVersion) => `${d.version}:${d.outcome}:${d.at}`;

/** Moves the unseen decisions into the Versions page's list, and marks them seen. */
export function takeUnseenDecisions(): void {
  const fresh = unseenDecisions.peek();
  const who = subject();
  if (!fresh.length || !who) return;
  const known = new Set(shownDecisions.peek().map(keyOf));
  shownDecisions.value = [...fresh.filter((d) => !known.has(keyOf(d))), ...shownDecisions.peek()];
  // ISO times of the server's one clock: their text order is their time order.
  const newest =
    fresh
      .map((d) => d.at)
      .sort()
      .at(-1) ?? "";
  seenHere.set(who, newest);
  try {
    storage()?.setItem(`${PREFIX}${who}`, newest);
  } catch {
    // Full or refused: seen for as long as this page is open.
  }
  marks.value++;
}

/** Leaving the Versions page: what it listed was seen, and is not listed again. */
export function forgetShownDecisions(): void {
  shownDecisions.value = [];
}

onSignOut(forgetShownDecisions);
