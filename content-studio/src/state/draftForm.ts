/**
 * One draft editor's form (a topic, a referral group, the out-of-scope lists) and what the
 * three do with it alike: unsaved work measured against what was read, the as-you-type check
 * (debounced, newest answer wins), unsaved work kept in the browser and given back, and the
 * bookkeeping around each write. How an item is opened, what a write says and where the
 * editor goes next differ per item: the item's own store does that, around these calls.
 */
import { batch, computed, signal } from "@preact/signals";
import type { ContentApi, Problem, RevertResult } from "../api.ts";
import { call, mySubject } from "./app.ts";
import {
  createDraftEditSignals,
  editBase,
  putToDraft,
  retireFromDraft,
  revertInDraft,
  savedBy,
} from "./draftEdit.ts";
import { type KeptKind, keptForms, sameForm, sameShape } from "./keptForms.ts";

/** How long the check waits after the last change before it asks the server. */
export const VALIDATE_DEBOUNCE_MS = 400;

/**
 * Work given back from the browser on opening: when it was left, if the item was saved since,
 * and if that save was the person's own (`byYou`, by identity: a save that timed out here but
 * landed, or one from another window).
 */
export interface Restored {
  keptAt: string;
  savedSince: boolean;
  byYou: boolean;
}

/** What one editor's form is about: the rest is the same for all three. */
export interface DraftFormSpec<F> {
  /** Which editor's forms the browser keeps. */
  kept: KeptKind;
  /** An empty form: the first one shown, and the shape a kept form must still have. */
  empty: () => F;
  /**
   * A form an earlier build kept, brought to this shape (a field it did not have yet), so a
   * deploy does not drop anyone's unsaved work; without it such a form is dropped.
   */
  upgradeKept?: (value: unknown) => unknown;
  /** Where the open form is kept: its item's id, or "new" while it has none saved. */
  keptId: () => string;
  /** The form is of an item not saved yet: kept work then expects no revision. */
  isNew: () => boolean;
  /** The server's check of the form as it is. */
  validate: (client: ContentApi, form: F) => Promise<Problem[]>;
  /** Problems the studio finds itself (a new id's): while there are any, the server is not asked. */
  localProblems?: () => readonly Problem[];
  /** The check's answer for `checked`, as it is shown (in the same batch). */
  checked?: (problems: Problem[], checked: F) => void;
  /** Anything kept with the form: `now` to keep; `given` it back, or undefined when dropped. */
  extra?: { now: () => unknown; given: (value: unknown) => void };
}

/** A draft editor's form, its signals and the steps its store builds open, save and the rest from. */
export function createDraftForm<F>(spec: DraftFormSpec<F>) {
  const edit = createDraftEditSignals();
  const form = signal<F>(spec.empty());
  const kept = keptForms(
    spec.kept,
    (value): value is F => sameShape(value, spec.empty()),
    spec.upgradeKept,
  );
  /** The form as read or last saved: what the form in hand is unsaved work against. */
  const baseline = signal<F | undefined>(undefined);
  /** The revision the item was read at (a restored form may expect an older one). */
  let readRevision: string | undefined;
  /** Who saved the item as read, by subject. */
  let readBy: string | undefined;
  /** The form as the last PUT sent it: typing may go on while it runs. */
  let sent: F | undefined;
  /** The form differs from what was read or saved: leaving would lose it, but for the kept copy. */
  const unsaved = computed(
    () => baseline.value !== undefined && !sameForm(form.value, baseline.value),
  );
  const restored = signal<Restored | undefined>(undefined);
  /** The last check had no answer: the save checks again. */
  const checkFailed = signal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts checks: an answer for an earlier one is dropped. */
  let checks = 0;

  function dropCheck(): void {
    clearTimeout(timer);
    checks++;
  }

  /**
   * Shows `next` afresh: nothing checked, refused, confirming or given back. With `read`, it is
   * the item as read at `read.revision` (or a new item as started): what unsaved work is
   * measured against. Without, the item is being read, or could not be.
   */
  function reset(
    next: F,
    read?: { revision?: string | undefined; bySubject?: string | undefined },
  ): void {
    dropCheck();
    readRevision = read?.revision;
    readBy = read?.bySubject;
    batch(() => {
      form.value = next;
      baseline.value = read ? next : undefined;
      restored.value = undefined;
      edit.revision.value = read?.revision;
      edit.conflict.value = undefined;
      edit.timedOut.value = false;
      edit.serverProblems.value = [];
      edit.checking.value = false;
      checkFailed.value = false;
      edit.confirmingRetire.value = false;
      edit.confirmingRevert.value = false;
      edit.outcome.value = undefined;
    });
  }

  /** Keeps the form in the browser while it holds unsaved work; forgets it once it does not. */
  function keepOrForget(): void {
    if (!unsaved.value) {
      kept.forget(spec.keptId());
      return;
    }
    const revision = edit.revision.value;
    const extra = spec.extra?.now();
    kept.keep(spec.keptId(), {
      form: form.value,
      ...(revision !== undefined ? { revision } : {}),
      ...(extra ? { extra } : {}),
    });
  }

  /** Gives back the form kept for the open item, if it is work beyond what was just read. */
  function restoreKept(): void {
    const found = kept.read(spec.keptId());
    if (!found) return;
    if (sameForm(found.form, form.value)) {
      kept.forget(spec.keptId());
      return;
    }
    const isNew = spec.isNew();
    batch(() => {
      form.value = found.form;
      // Its save expects what the form was read at: a save made since is a conflict, not lost.
      edit.revision.value = isNew ? undefined : (found.revision ?? readRevision);
      spec.extra?.given(found.extra);
      const savedSince = !isNew && found.revision !== readRevision;
      restored.value = {
        keptAt: found.keptAt,
        savedSince,
        byYou: savedSince && savedBy(readBy, mySubject.peek()),
      };
    });
  }

  /**
   * Drops the work given back and shows the item as read; false when nothing was read to
   * show. The store says when the form is checked again.
   */
  function discardRestored(): boolean {
    const base = baseline.value;
    if (!base) return false;
    kept.forget(spec.keptId());
    batch(() => {
      form.value = base;
      edit.revision.value = readRevision;
      spec.extra?.given(undefined);
      restored.value = undefined;
      edit.outcome.value = undefined;
      edit.conflict.value = undefined;
    });
    return true;
  }

  /** Changes the form, keeps it in the browser (or forgets it) and schedules the check. */
  function update(change: (current: F) => F): void {
    batch(() => {
      form.value = change(form.value);
      edit.outcome.value = undefined;
      // Its explanation just went: the choices go with it (the next save asks again).
      edit.conflict.value = undefined;
    });
    keepOrForget();
    scheduleValidate();
  }

  function scheduleValidate(): void {
    clearTimeout(timer);
    // Shown at once, so nobody takes the previous result for the text as it is now.
    edit.checking.value = true;
    timer = setTimeout(() => void validateNow(), VALIDATE_DEBOUNCE_MS);
  }

  /** Asks the server's check about the form as it is now; older answers are dropped. */
  async function validateNow(): Promise<void> {
    clearTimeout(timer);
    const mine = ++checks;
    if (spec.localProblems?.().length) {
      // No valid id for the URL yet: only the local problems are known.
      batch(() => {
        edit.serverProblems.value = [];
        edit.checking.value = false;
      });
      return;
    }
    edit.checking.value = true;
    let failed = false;
    const checked = form.value;
    // In the background: an expired sign-in found by a keystroke must not empty the form.
    const result = await call(
      (c) => spec.validate(c, checked),
      () => {
        failed = true;
      },
      { background: true },
    );
    if (mine !== checks) return;
    batch(() => {
      edit.checking.value = false;
      checkFailed.value = failed;
      if (!result) return;
      edit.serverProblems.value = result;
      spec.checked?.(result, checked);
    });
  }

  /**
   * The form's PUT (see putToDraft); the check under way is dropped, the save's has the last
   * word. Saved, nothing of the form is kept: neither where it was nor under `savedAs` (its
   * item's id, while a new item was kept as "new"). Then `saved`, once the store is done.
   */
  async function put<T extends { revision?: string }>(
    write: (client: ContentApi) => Promise<T>,
    options: { refused: string; creating?: boolean; savedAs?: string },
  ): Promise<T | undefined> {
    dropCheck();
    sent = form.value;
    const result = await putToDraft(edit, write, {
      refused: options.refused,
      creating: options.creating,
      keptInBrowser: () => unsaved.peek() && hasKept(),
    });
    if (result) {
      kept.forget(spec.keptId());
      if (options.savedAs !== undefined) kept.forget(options.savedAs);
    }
    return result;
  }

  /**
   * After a save: `savedForm` (the form the PUT sent) is what the form is unsaved work against,
   * with its warnings. What was typed while the save ran stays unsaved, and is kept again once
   * the editor has settled where the item now lives (a new item's id).
   */
  function saved(warnings: Problem[], savedForm: F = sent ?? form.value): void {
    readRevision = edit.revision.value;
    batch(() => {
      baseline.value = savedForm;
      restored.value = undefined;
      edit.serverProblems.value = warnings;
    });
    queueMicrotask(keepOrForget);
  }

  /**
   * The item's DELETE over the revision read (see retireFromDraft). Retired as stored: what
   * the form held beyond that is given up with it.
   */
  async function retire<T extends { revision?: string }>(
    write: (client: ContentApi, base: { revision: string } | undefined) => Promise<T>,
  ): Promise<T | undefined> {
    const base = editBase(edit, false);
    const result = await retireFromDraft(edit, (c) => write(c, base));
    if (result) {
      kept.forget(spec.keptId());
      batch(() => {
        baseline.value = form.value;
        restored.value = undefined;
      });
    }
    return result;
  }

  /**
   * Discards the draft's changes to the item over the revision read (see revertInDraft). The
   * form's work goes with them; the store shows the item as it is now.
   */
  async function revert(
    write: (client: ContentApi, base: { revision: string } | undefined) => Promise<RevertResult>,
    refused: string,
  ): Promise<RevertResult | undefined> {
    const base = editBase(edit, false);
    const result = await revertInDraft(edit, (c) => write(c, base), refused);
    if (result) {
      kept.forget(spec.keptId());
      baseline.value = form.value;
    }
    return result;
  }

  /**
   * Whether the browser keeps unsaved work for the open item: given back once it is read, so a
   * load that failed can say the work is not lost.
   */
  function hasKept(): boolean {
    return kept.read(spec.keptId()) !== undefined;
  }

  /** Forgets the kept copy of the open form: its work is given up (their version is opened). */
  function forgetKept(): void {
    kept.forget(spec.keptId());
  }

  return {
    ...edit,
    form,
    unsaved,
    restored,
    checkFailed,
    reset,
    restoreKept,
    discardRestored,
    update,
    scheduleValidate,
    validateNow,
    put,
    saved,
    retire,
    revert,
    hasKept,
    forgetKept,
  };
}
