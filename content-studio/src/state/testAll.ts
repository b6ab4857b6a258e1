/** "Test all": the test and dev splits on the draft, with changes against live. */
import { batch, computed, signal } from "@preact/signals";
import type { SplitName, TestAllResult } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { changedSaid } from "../testReport.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";
import { draftChangedSince, draftTested, type TestedDraft } from "./topics.ts";

export type SortOrder = "worst" | "topic";

export const result = signal<TestAllResult | undefined>(undefined);
export const busy = signal(false);
export const error = signal("");
export const split = signal<SplitName>("tests");
export const sortOrder = signal<SortOrder>("worst");
/** The draft the result on screen was made on. */
export const tested = signal<TestedDraft | undefined>(undefined);
/** The draft has changed since the result on screen was made: it describes an older one. */
export const resultStale = computed(
  () => result.value !== undefined && draftChangedSince(tested.value),
);

/**
 * Runs the test. `retrying`: asked again from the failure's "Try again", which has focus, so
 * the failure (and its button) stays until the answer, as a load's does; from the Test all
 * button it goes at once, and a new failure is a new alert.
 */
export async function run(options: { retrying?: boolean } = {}): Promise<void> {
  if (busy.value) return;
  const t = text.value;
  batch(() => {
    busy.value = true;
    if (!options.retrying) error.value = "";
  });
  announce(t.testing);
  const answer = await call(
    (c) => c.testAll(),
    (e) => {
      error.value = errorText(e);
    },
  );
  batch(() => {
    busy.value = false;
    if (answer) error.value = "";
  });
  if (!answer) return;
  batch(() => {
    result.value = answer;
    tested.value = draftTested(answer.draftDigest);
  });
  const tests = answer.splits.tests;
  announce(
    `${t.testDone(formatPercent(tests.fi.accuracy, t), formatPercent(tests.sv.accuracy, t))}${changedSaid(answer.changed, t)}`,
  );
}

onSignOut(() => {
  result.value = undefined;
  tested.value = undefined;
  busy.value = false;
  error.value = "";
});
