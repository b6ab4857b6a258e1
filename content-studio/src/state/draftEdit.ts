/**
 * What the topic and referral editors share when they write to the draft: the editor's
 * signals, and the save, retire and revert calls with their busy state and their error outcome.
 */
import { batch, type Signal, signal } from "@preact/signals";
import {
  type ContentApi,
  ContentInvalidError,
  type EditBase,
  type EditConflict,
  EditConflictError,
  type Problem,
  RequestTimeoutError,
  type RevertResult,
} from "../api.ts";
import { actorName, formatDateTime, text } from "../i18n.ts";
import { call, errorText, mySubject, sayWhenSlow } from "./app.ts";

/**
 * A write's outcome line. `byCheck`: the check refused the content, so what to fix is at the
 * fields and in the summary; any other failure is told in the line itself.
 */
export type Outcome = { kind: "ok" | "error"; text: string; byCheck?: true } | undefined;

/**
 * Someone saved the item after the form was read (or, `create`, took its id first): who,
 * and which write found it. Without `revision` the item is gone.
 */
export type Conflict = EditConflict & { on: ConflictOn };
export type ConflictOn = "save" | "create" | "retire" | "revert";

/** What a save over a conflict expects: the revision now, or (the item is gone) none. */
export function overConflict(conflict: Conflict | undefined): EditBase | undefined {
  if (conflict?.on !== "save") return undefined;
  return conflict.revision === undefined ? "new" : { revision: conflict.revision };
}

export interface DraftEditSignals {
  /**
   * The revision the form was read at (or last saved as): writes send it, so that none goes
   * over a save someone made meanwhile. Undefined for a new item, or when it is not known.
   */
  revision: Signal<string | undefined>;
  /** The last write was refused because someone saved first: offer theirs, or to save over. */
  conflict: Signal<Conflict | undefined>;
  serverProblems: Signal<Problem[]>;
  checking: Signal<boolean>;
  saving: Signal<boolean>;
  /**
   * What the save, retire or discard under way says once it has taken SLOW_ACTION_MS (empty
   * before, and after it ends): shown in the Save row, where its outcome comes.
   */
  slow: Signal<string>;
  /**
   * The last save had no answer in time, so the server may have done it: a conflict the next
   * save meets with the person's own name is then most likely that save.
   */
  timedOut: Signal<boolean>;
  confirmingRetire: Signal<boolean>;
  confirmingRevert: Signal<boolean>;
  outcome: Signal<Outcome>;
}

/** One editor's signals, as both editors keep them. */
export function createDraftEditSignals(): DraftEditSignals {
  return {
    revision: signal<string | undefined>(undefined),
    conflict: signal<Conflict | undefined>(undefined),
    serverProblems: signal<Problem[]>([]),
    checking: signal(false),
    saving: signal(false),
    slow: signal(""),
    timedOut: signal(false),
    confirmingRetire: signal(false),
    confirmingRevert: signal(false),
    outcome: signal<Outcome>(undefined),
  };
}

/** What the open form's writes expect: no item yet (`isNew`), or the revision it was read at. */
export function editBase(edit: DraftEditSignals, isNew: false): { revision: string } | undefined;
export function editBase(edit: DraftEditSignals, isNew: boolean): EditBase | undefined;
export function editBase(edit: DraftEditSignals, isNew: boolean): EditBase | undefined {
  if (isNew) return "new";
  const revision = edit.revision.value;
  return revision === undefined ? undefined : { revision };
}

/**
 * A refused write because someone saved first: the outcome says who and when, and that
 * nothing of this form was saved; the editor offers their version or saving over it.
 */
function conflicted(edit: DraftEditSignals, error: EditConflictError, on: Conflict["on"]) {
  const t = text.value;
  const conflict = { ...error.current, on };
  // By identity, not by name: a namesake's save is someone else's.
  const byYou =
    conflict.revision !== undefined &&
    !conflict.retired &&
    savedBy(conflict.updatedBySubject, mySubject.peek());
  const yours = byYou ? (edit.timedOut.peek() ? "timedOut" : "earlier") : undefined;
  batch(() => {
    edit.conflict.value = conflict;
    edit.timedOut.value = false;
    edit.outcome.value = {
      kind: "error",
      text: t.editConflict({
        ...conflict,
        ...(yours ? { yours } : {}),
        // The service's own write is named in the studio's words, not by its id.
        ...(conflict.updatedBy ? { updatedBy: actorName({ name: conflict.updatedBy }, t) } : {}),
        ...(conflict.updatedAt ? { at: formatDateTime(conflict.updatedAt, t) } : {}),
      }),
    };
  });
}

/** Whether the save by `subject` is the person's (`me`) own; unknown on either side, it is not. */
export function savedBy(subject: string | undefined, me: string | undefined): boolean {
  return subject !== undefined && me !== undefined && subject === me;
}

/** After a write: the revision the next one expects, and no conflict left to settle. */
function written(edit: DraftEditSignals, revision: string | undefined) {
  batch(() => {
    edit.conflict.value = undefined;
    edit.timedOut.value = false;
    if (revision !== undefined) edit.revision.value = revision;
  });
}

/**
 * A PUT to the draft: busy while it runs, and saying so once it is slow; a refusal by the
 * server's check shows its problems next to the fields (`refused` says so), a save someone
 * made first offers the choices (`conflict`), any other failure says what went wrong and that
 * the work is still here to be saved again (`keptInBrowser`: a copy is in the browser too).
 */
export async function putToDraft<T extends { revision?: string }>(
  edit: DraftEditSignals,
  put: (client: ContentApi) => Promise<T>,
  options: {
    refused: string;
    /** The save creates the item (If-None-Match): a refusal means its id was taken meanwhile. */
    creating?: boolean | undefined;
    keptInBrowser: () => boolean;
  },
): Promise<T | undefined> {
  batch(() => {
    edit.saving.value = true;
    edit.checking.value = false;
    edit.outcome.value = undefined;
    edit.conflict.value = undefined;
  });
  const result = await whileSlow(
    edit,
    () => text.value.saveSlow,
    put,
    (e) => {
      const t = text.value;
      if (e instanceof ContentInvalidError) {
        edit.serverProblems.value = e.problems;
        edit.outcome.value = { kind: "error", text: options.refused, byCheck: true };
      } else if (e instanceof EditConflictError) {
        conflicted(edit, e, options.creating ? "create" : "save");
      } else {
        const timedOut = e instanceof RequestTimeoutError;
        const inBrowser = options.keptInBrowser();
        batch(() => {
          edit.timedOut.value = timedOut;
          edit.outcome.value = {
            kind: "error",
            text: timedOut ? t.saveTimedOut(inBrowser) : t.saveFailed(errorText(e, t), inBrowser),
          };
        });
      }
    },
  );
  if (result) written(edit, result.revision);
  edit.saving.value = false;
  return result;
}

/** An editor's write as `call` runs it, saying so in its Save row once it is slow. */
function whileSlow<T>(
  edit: DraftEditSignals,
  slowText: () => string,
  run: (client: ContentApi) => Promise<T>,
  onError: (error: unknown) => void,
): Promise<T | undefined> {
  return sayWhenSlow(edit.slow, slowText, () => call(run, onError));
}

/** A DELETE in the draft, after the inline confirmation. */
export async function retireFromDraft<T extends { revision?: string }>(
  edit: DraftEditSignals,
  retire: (client: ContentApi) => Promise<T>,
): Promise<T | undefined> {
  edit.saving.value = true;
  edit.conflict.value = undefined;
  const result = await whileSlow(
    edit,
    () => text.value.actionSlow,
    retire,
    (e) => {
      if (e instanceof EditConflictError) conflicted(edit, e, "retire");
      else edit.outcome.value = { kind: "error", text: errorText(e) };
    },
  );
  if (result) written(edit, result.revision);
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
  edit.conflict.value = undefined;
  const result = await whileSlow(
    edit,
    () => text.value.actionSlow,
    revert,
    (e) => {
      if (e instanceof EditConflictError) conflicted(edit, e, "revert");
      else edit.outcome.value = { kind: "error", text: revertRefusal(e, refused) };
    },
  );
  if (result) written(edit, result.revision);
  batch(() => {
    edit.saving.value = false;
    edit.confirmingRevert.value = false;
  });
  return result;
}
