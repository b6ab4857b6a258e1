/** "Test all": the test and dev splits on the draft, with changes against live. */
import { batch, signal } from "@preact/signals";
import type { SplitName, TestAllResult } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { changedSaid } from "../testReport.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";

export type SortOrder = "worst" | "topic";

export const result = signal<TestAllResult | undefined>(undefined);
export const busy = signal(false);
export const error = signal("");
export const split = signal<SplitName>("tests");
export const sortOrder = signal<SortOrder>("worst");

export async function run(): Promise<void> {
  if (busy.value) return;
  const t = text.value;
  batch(() => {
    busy.value = true;
    error.value = "";
  });
  announce(t.testing);
  const answer = await call(
    (c) => c.testAll(),
    (e) => {
      error.value = errorText(e);
    },
  );
  busy.value = false;
  if (!answer) return;
  result.value = answer;
  const tests = answer.splits.tests;
  announce(
    `${t.testDone(formatPercent(tests.fi.accuracy, t), formatPercent(tests.sv.accuracy, t))}${changedSaid(answer.changed, t)}`,
  );
}

onSignOut(() => {
  result.value = undefined;
  busy.value = false;
  error.value = "";
});
