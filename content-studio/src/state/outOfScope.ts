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
import { createDraftEditSignals, putToDraft, revertInDraft } from "./draftEdit.ts";
import { VALIDATE_DEBOUNCE_MS } from "./editor.ts";
import { keptForms, sameForm, sameShape } from "./keptForms.ts";
import { draft, loadDraft } from "./topics.ts";

/** The id under which the draft's changes list the out-of-scope examples. */

export const outOfScopeForm = signal<OutOfScopeForm>(emptyOutOfScopeForm());
const edit = createDraftEditSignals();
export const {
  serverProblems,
  checking,
  saving,
  outcome,
  confirmingRetire,
  confirmingRevert,
  conflict,
} = edit;
/** The lists are in the form, as read (false until the first answer, and after signing out). */
export const opened = signal(false);
/** Who saved the lists last and when, as read. */
export const lastSaved = signal<{ by: string; at: string } | undefined>(undefined);
/** The lists could not be read: their revision is unknown, so nothing saves. */
export const unreadable = signal(false);

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

const kept = keptForms("out-of-scope", (value): value is OutOfScopeForm =>
  sameShape(value, emptyOutOfScopeForm()),
);
/** The draft has one pair of lists: kept under one id. */
const KEPT_ID = "lists";
/** The lists as read or last saved: what the form in hand is unsaved work against. */
const baseline = signal<OutOfScopeForm | undefined>(undefined);
/** The revision the lists were read at (a restored form may expect an older one). */
let readRevision: string | undefined;
/** The form differs from what was read or saved: leaving would lose it, but for the kept copy. */
export const outOfScopeUnsaved = computed(
  () => baseline.value !== undefined && !sameForm(outOfScopeForm.value, baseline.value),
);
/** Work given back from the browser on opening, as in the editors. */
export const outOfScopeRestored = signal<{ keptAt: string; savedSince: boolean } | undefined>(
  undefined,
);

function keepOrForget(): void {
  if (outOfScopeUnsaved.value) {
    const revision = edit.revision.value;
    kept.keep(KEPT_ID, { form: outOfScopeForm.value, ...(revision ? { revision } : {}) });
  } else kept.forget(KEPT_ID);
}

/** Gives back the form kept in this browser, if it is work beyond what was just read. */
function restoreKept(): void {
  const found = kept.read(KEPT_ID);
  if (!found) return;
  if (sameForm(found.form, outOfScopeForm.value)) {
    kept.forget(KEPT_ID);
    return;
  }
  batch(() => {
    outOfScopeForm.value = found.form;
    // Its save still expects the revision it was read at: a save made since is a conflict.
    edit.revision.value = found.revision ?? readRevision;
    outOfScopeRestored.value = {
      keptAt: found.keptAt,
      savedSince: found.revision !== readRevision,
    };
  });
}

/** Drops the work given back, and shows the lists as read. */
export function discardRestoredOutOfScope(): void {
  const base = baseline.value;
  if (!base) return;
  kept.forget(KEPT_ID);
  batch(() => {
    outOfScopeForm.value = base;
    edit.revision.value = readRevision;
    outOfScopeRestored.value = undefined;
    outcome.value = undefined;
    conflict.value = undefined;
  });
  void validateOutOfScopeNow();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;
/** Counts readings: an answer for an earlier one is dropped. */
let opening = 0;

function reset(form: OutOfScopeForm, revision?: string): void {
  clearTimeout(timer);
  seq++;
  readRevision = revision;
  batch(() => {
    outOfScopeForm.value = form;
    baseline.value = undefined;
    outOfScopeRestored.value = undefined;
    edit.revision.value = revision;
    opened.value = false;
    unreadable.value = false;
    lastSaved.value = undefined;
    conflict.value = undefined;
    serverProblems.value = [];
    checking.value = false;
    confirmingRevert.value = false;
    outcome.value = undefined;
  });
}

/**
 * Reads the draft's lists into the form, with their revision: saves expect it. If they
 * cannot be read, saving is blocked until the page is opened again, rather than saving over
 * whatever is there. The draft is read too, for whether the lists differ from live.
 */
export async function openOutOfScope(): Promise<void> {
  const mine = ++opening;
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
  reset(read ? formFromLists(read.outOfScope) : emptyOutOfScopeForm(), read?.revision);
  batch(() => {
    opened.value = read !== undefined;
    unreadable.value = read === undefined;
    if (read) baseline.value = outOfScopeForm.value;
    if (read?.updatedBy && read.updatedAt)
      lastSaved.value = { by: read.updatedBy, at: read.updatedAt };
    if (failed) outcome.value = { kind: "error", text: failed };
  });
  // Not over lists that could not be read: their revision, and so their save, is unknown.
  if (read) restoreKept();
  if (read) void validateOutOfScopeNow();
}

/** Changes one language's list and schedules the check. */
export function updateOutOfScope(lang: Lang, value: string): void {
  batch(() => {
    outOfScopeForm.value = { ...outOfScopeForm.value, [lang]: value };
    outcome.value = undefined;
    // Its explanation just went: the choices go with it (the next save asks again).
    conflict.value = undefined;
  });
  keepOrForget();
  clearTimeout(timer);
  checking.value = true;
  timer = setTimeout(() => void validateOutOfScopeNow(), VALIDATE_DEBOUNCE_MS);
}

export async function validateOutOfScopeNow(): Promise<void> {
  clearTimeout(timer);
  const mine = ++seq;
  checking.value = true;
  // In the background: an expired sign-in found by a keystroke must not empty the form.
  const result = await call(
    (c) => c.validateOutOfScope(listsFromForm(outOfScopeForm.value)),
    () => undefined,
    { background: true },
  );
  if (mine !== seq) return;
  batch(() => {
    checking.value = false;
    if (result) serverProblems.value = result;
  });
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
  clearTimeout(timer);
  seq++;
  const lists = listsFromForm(outOfScopeForm.value);
  const read = edit.revision.value;
  const base = over ?? (read === undefined ? undefined : { revision: read });
  const result = await putToDraft(
    edit,
    (c) => c.saveOutOfScope(lists, base),
    t.outOfScope.saveRefused,
  );
  if (!result) return false;
  kept.forget(KEPT_ID);
  readRevision = edit.revision.value;
  batch(() => {
    baseline.value = outOfScopeForm.value;
    outOfScopeRestored.value = undefined;
    serverProblems.value = result.warnings;
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
  const read = edit.revision.value;
  const result = await revertInDraft(
    edit,
    (c) => c.revertOutOfScope(read === undefined ? undefined : { revision: read }),
    t.revertRefused,
  );
  if (!result) return false;
  kept.forget(KEPT_ID);
  const message = t.outOfScope.reverted(result.result);
  announce(message);
  await openOutOfScope();
  outcome.value = { kind: "ok", text: message };
  return true;
}

/** After a conflict: the lists as the other person saved them, in the form (this one's dropped). */
export async function openTheirOutOfScope(): Promise<void> {
  kept.forget(KEPT_ID);
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
