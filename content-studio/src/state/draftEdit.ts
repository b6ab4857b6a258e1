/**
 * What the topic and referral editors share when they write to the draft: the editor's
 * signals, and the save, retire and revert calls with their busy state and their error outcome.
 */
import { batch, type Signal, signal } from "@preact/signals";
import { type ContentApi, ContentInvalidError, type Problem, type RevertResult } from "../api.ts";
import { call, errorText } from "./app.ts";

export type Outcome = { kind: "ok" | "error"; text: string } | undefined;

export interface DraftEditSignals {
  serverProblems: Signal<Problem[]>;
  checking: Signal<boolean>;
  saving: Signal<boolean>;
  confirmingRetire: Signal<boolean>;
  confirmingRevert: Signal<boolean>;
  outcome: Signal<Outcome>;
}

/** One editor's signals, as both editors keep them. */
export function createDraftEditSignals(): DraftEditSignals {
  return {
    serverProblems: signal<Problem[]>([]),
    checking: signal(false),
    saving: signal(false),
    confirmingRetire: signal(false),
    confirmingRevert: signal(false),
    outcome: signal<Outcome>(undefined),
  };
}

/**
 * A PUT to the draft: busy while it runs; a refusal by the server's check shows its problems
 * next to the fields (`refused` says so), any other failure says what went wrong.
 */
export async function putToDraft<T>(
  edit: DraftEditSignals,
  put: (client: ContentApi) => Promise<T>,
  refused: string,
): Promise<T | undefined> {
  batch(() => {
    edit.saving.value = true;
    edit.checking.value = false;
    edit.outcome.value = undefined;
  });
  const result = await call(put, (e) => {
    if (e instanceof ContentInvalidError) {
      edit.serverProblems.value = e.problems;
      edit.outcome.value = { kind: "error", text: refused };
    } else edit.outcome.value = { kind: "error", text: errorText(e) };
  });
  edit.saving.value = false;
  return result;
}

/** A DELETE in the draft, after the inline confirmation. */
export async function retireFromDraft<T>(
  edit: DraftEditSignals,
  retire: (client: ContentApi) => Promise<T>,
): Promise<T | undefined> {
  edit.saving.value = true;
  const result = await call(retire, (e) => {
    edit.outcome.value = { kind: "error", text: errorText(e) };
  });
  batch(() => {
    edit.saving.value = false;
    edit.confirmingRetire.value = false;
  });
  return result;
}

/**
 * Why discarding was refused: what the check found in the live content against the draft,
 * after `refused`, or what else went wrong.
 */
export function revertRefusal(error: unknown, refused: string): string {
  const found =
    error instanceof ContentInvalidError ? error.problems.map((p) => p.message).join(" ") : "";
  return found ? `${refused} ${found}` : errorText(error);
}

/**
 * Discarding the draft's changes, after the inline confirmation. A refusal says what the
 * check found in the outcome: it is about the live content, not the fields in the form.
 */
export async function revertInDraft(
  edit: DraftEditSignals,
  revert: (client: ContentApi) => Promise<RevertResult>,
  refused: string,
): Promise<RevertResult | undefined> {
  edit.saving.value = true;
  const result = await call(revert, (e) => {
    edit.outcome.value = { kind: "error", text: revertRefusal(e, refused) };
  });
  batch(() => {
    edit.saving.value = false;
    edit.confirmingRevert.value = false;
  });
  return result;
}
