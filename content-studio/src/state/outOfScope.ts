/**
 * The out-of-scope page's state: the draft's two lists in a form, the as-you-type check
 * (debounced, newest answer wins, the same rules as content:check on the server), save and
 * discard over the revision they were read at, and unsaved work kept in the browser, as the
 * referral editor has them. Errors block Save; warnings never do.
 */
import { batch, computed, signal } from "@preact/signals";
import { OUT_OF_SCOPE_ID } from "../../../functions/contracts/topics.ts";
import type { Lang } from "../api.ts";
import { text } from "../i18n.ts";
import {
  emptyOutOfScopeForm,
  formFromLists,
  listsFromForm,
  type OutOfScopeForm,
  placeOutOfScopeProblem,
} from "../outOfScopeForm.ts";
import { blocksSave, countProblems } from "../problems.ts";
import { announce, call, errorText, myName, onSignOut, session } from "./app.ts";
import { editBase } from "./draftEdit.ts";
import { createDraftForm } from "./draftForm.ts";
import { draft, loadDraft } from "./topics.ts";

export const outOfScopeEdit = createDraftForm<OutOfScopeForm>({
  kept: "out-of-scope",
  empty: emptyOutOfScopeForm,
  // The draft has one pair of lists: kept under one id.
  keptId: () => "lists",
  isNew: () => false,
  validate: (client, form) => client.validateOutOfScope(listsFromForm(form)),
});
export const {
  form: outOfScopeForm,
  unsaved: outOfScopeUnsaved,
  /** Work given back from the browser on opening, as in the editors. */
  restored: outOfScopeRestored,
  serverProblems,
  checking,
  /** The last check had no answer: nothing is known of the lists' problems until one has. */
  checkFailed,
  outcome,
  conflict,
  validateNow: validateOutOfScopeNow,
} = outOfScopeEdit;
/** The lists are in the form, as read (false until the first answer, and after signing out). */
export const opened = signal(false);
/** Who saved the lists last and when, as read. */
export const lastSaved = signal<{ by: string; at: string } | undefined>(undefined);
/** The lists could not be read: their revision is unknown, so nothing saves. */
export const unreadable = signal(false);
/** Why the lists could not be read ("" when they were): shown with "Try again". */
export const readError = signal("");

export const outOfScopeProblems = computed(() => serverProblems.value.map(placeOutOfScopeProblem));
export const outOfScopeCounts = computed(() => countProblems(outOfScopeProblems.value));
export const outOfScopeSaveBlocked = computed(
  () => !opened.value || unreadable.value || blocksSave(outOfScopeProblems.value),
);
/**
 * The draft's lists differ from the live version's, so there is something to discard. Read
 * by field: the same diff entry also carries the "none" test messages, which a discard of
 * the lists does not touch.
 */
export const outOfScopeChanged = computed(() =>
  (draft.value?.changes ?? []).some(
    (c) =>
      c.id === OUT_OF_SCOPE_ID &&
      !c.kind &&
      (c.fields ?? []).some((f) => f.startsWith("outOfScope.")),
  ),
);

/** Counts readings: an answer for an earlier one is dropped. */
let opening = 0;

/** Shows `form` afresh; with `read`, as the lists read at `read.revision`. */
function reset(
  form: OutOfScopeForm,
  read?: { revision?: string | undefined; bySubject?: string | undefined },
): void {
  batch(() => {
    outOfScopeEdit.reset(form, read);
    opened.value = false;
    unreadable.value = false;
    readError.value = "";
    lastSaved.value = undefined;
  });
}

/**
 * Reads the draft's lists into the form, with their revision: saves expect it. If they
 * cannot be read, nothing saves until a read succeeds ("Try again" runs this again), rather
 * than saving over whatever is there. The draft is read too, for whether the lists differ
 * from live.
 */
export async function openOutOfScope(): Promise<void> {
  const mine = ++opening;
  // Tried again: the alert goes, and comes back if this read fails too.
  readError.value = "";
  void loadDraft();
  let failed = "";
  const read = await call(
    (c) => c.draftOutOfScope(),
    (e) => {
      failed = errorText(e);
    },
  );
  // Opened again meanwhile, or signed out: this answer is not for the form any more.
  if (mine !== opening || session.value === undefined) return;
  reset(
    read ? formFromLists(read.outOfScope) : emptyOutOfScopeForm(),
    read && { revision: read.revision, bySubject: read.updatedBySubject },
  );
  // The work is not lost: it comes back once the lists are read (restoreKept below).
  const kept = !read && outOfScopeEdit.hasKept() ? ` ${text.value.keptWhileUnread}` : "";
  batch(() => {
    opened.value = read !== undefined;
    unreadable.value = read === undefined;
    if (read?.updatedBy && read.updatedAt)
      lastSaved.value = { by: read.updatedBy, at: read.updatedAt };
    if (!read) readError.value = `${failed || text.value.noAnswer}${kept}`;
  });
  // Not over lists that could not be read: their revision, and so their save, is unknown.
  if (read) outOfScopeEdit.restoreKept();
  if (read) void validateOutOfScopeNow();
}

/** Drops the work given back, and shows the lists as read. */
export function discardRestoredOutOfScope(): void {
  if (outOfScopeEdit.discardRestored()) void validateOutOfScopeNow();
}

/** Changes one language's list and schedules the check. */
export function updateOutOfScope(lang: Lang, value: string): void {
  outOfScopeEdit.update((form) => ({ ...form, [lang]: value }));
}

/** PUT to the draft over the revision read (or, after a conflict, `over`); the server's check has the last word. */
export async function saveOutOfScope(over?: { revision: string }): Promise<boolean> {
  const t = text.value;
  if (outOfScopeSaveBlocked.value) {
    announce(
      unreadable.value ? t.outOfScope.unreadable : t.saveBlocked(outOfScopeCounts.value.errors),
    );
    return false;
  }
  const lists = listsFromForm(outOfScopeForm.value);
  const base = over ?? editBase(outOfScopeEdit, false);
  const result = await outOfScopeEdit.put((c) => c.saveOutOfScope(lists, base), {
    refused: t.outOfScope.saveRefused,
  });
  if (!result) return false;
  batch(() => {
    outOfScopeEdit.saved(result.warnings);
    outcome.value = { kind: "ok", text: t.outOfScope.saved };
    const by = myName.value;
    lastSaved.value = by ? { by, at: new Date().toISOString() } : undefined;
  });
  announce(t.outOfScope.saved);
  await loadDraft();
  return true;
}

/** Gives back the live version's lists, after the inline confirmation. */
export async function revertOutOfScope(): Promise<boolean> {
  if (unreadable.value) return false;
  const t = text.value;
  const result = await outOfScopeEdit.revert(
    (c, base) => c.revertOutOfScope(base),
    t.revertRefused,
  );
  if (!result) return false;
  const message = t.outOfScope.reverted(result.result);
  announce(message);
  await openOutOfScope();
  outcome.value = { kind: "ok", text: message };
  return true;
}

/** After a conflict: the lists as the other person saved them, in the form (this one's dropped). */
export async function openTheirOutOfScope(): Promise<void> {
  outOfScopeEdit.forgetKept();
  await openOutOfScope();
}

/** After a conflict from a save: saves this form over theirs, knowingly. */
export async function saveMyOutOfScope(): Promise<boolean> {
  const c = conflict.value;
  if (c?.on !== "save" || c.revision === undefined) return false;
  return saveOutOfScope({ revision: c.revision });
}

onSignOut(() => {
  opening++;
  reset(emptyOutOfScopeForm());
});
