/**
 * The referral groups page's state: which group is open, its form, the as-you-type check
 * (debounced, newest answer wins, the same rules as content:check on the server), save and
 * retire. Errors block Save; warnings never do, as in the topic editor.
 */
import { batch, computed, signal } from "@preact/signals";
import { type EditBase, EditConflictError, type Problem } from "../api.ts";
import { text } from "../i18n.ts";
import { blocksSave, countProblems } from "../problems.ts";
import {
  emptyReferralForm,
  formFromReferral,
  placeReferralProblem,
  type ReferralForm,
  referralFromForm,
  referralIdProblem,
} from "../referralForm.ts";
import { announce, call, errorText, navigate, onSignOut, session } from "./app.ts";
import {
  createDraftEditSignals,
  editBase,
  type Outcome,
  overConflict,
  putToDraft,
  retireFromDraft,
  revertInDraft,
  revertRefusal,
} from "./draftEdit.ts";
import { VALIDATE_DEBOUNCE_MS } from "./editor.ts";
import { keptForms, sameForm, sameShape } from "./keptForms.ts";
import { draft, loadDraft } from "./topics.ts";

export const referralForm = signal<ReferralForm>(emptyReferralForm());
/** The group open for editing; undefined while a new one is written. */
export const openId = signal<string | undefined>(undefined);
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

export const referrals = computed(() => draft.value?.referrals ?? []);

const localProblems = computed<Problem[]>(() => {
  if (openId.value !== undefined) return [];
  const taken = new Set(referrals.value.map((r) => r.id));
  const problem = referralIdProblem(referralForm.value.id, taken, text.value.referrals);
  return problem ? [problem] : [];
});

export const referralProblems = computed(() =>
  [...localProblems.value, ...serverProblems.value].map(placeReferralProblem),
);
export const referralCounts = computed(() => countProblems(referralProblems.value));
/** The open group could not be read on opening: its revision is unknown, so nothing saves. */
export const unreadable = signal(false);
export const referralSaveBlocked = computed(
  () => unreadable.value || blocksSave(referralProblems.value),
);

const kept = keptForms("referral", (value): value is ReferralForm =>
  sameShape(value, emptyReferralForm()),
);
/** The form as read or last saved: what the form in hand is unsaved work against. */
const baseline = signal<ReferralForm | undefined>(undefined);
/** The revision the open group was read at (a restored form may expect an older one). */
let readRevision: string | undefined;
/** The form differs from what was read or saved: leaving would lose it, but for the kept copy. */
export const referralUnsaved = computed(
  () => baseline.value !== undefined && !sameForm(referralForm.value, baseline.value),
);
/** Work given back from the browser on opening, as in the topic editor. */
export const referralRestored = signal<{ keptAt: string; savedSince: boolean } | undefined>(
  undefined,
);

const keptId = () => openId.value ?? "new";

function keepOrForget(): void {
  if (referralUnsaved.value) {
    kept.keep(keptId(), {
      form: referralForm.value,
      ...(edit.revision.value !== undefined ? { revision: edit.revision.value } : {}),
    });
  } else kept.forget(keptId());
}

/** Gives back the form kept for the open group (or a new one), if it is work beyond the read. */
function restoreKept(): void {
  const found = kept.read(keptId());
  if (!found) return;
  if (sameForm(found.form, referralForm.value)) {
    kept.forget(keptId());
    return;
  }
  const isNew = openId.value === undefined;
  batch(() => {
    referralForm.value = found.form;
    edit.revision.value = isNew ? undefined : (found.revision ?? readRevision);
    referralRestored.value = {
      keptAt: found.keptAt,
      savedSince: !isNew && found.revision !== readRevision,
    };
  });
}

/** Drops the work given back, and shows the group as read. */
export function discardRestoredReferral(): void {
  const base = baseline.value;
  if (!base) return;
  kept.forget(keptId());
  batch(() => {
    referralForm.value = base;
    edit.revision.value = readRevision;
    referralRestored.value = undefined;
    outcome.value = undefined;
    conflict.value = undefined;
  });
  void validateReferralNow();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

function reset(form: ReferralForm, id: string | undefined, revision?: string): void {
  clearTimeout(timer);
  seq++;
  readRevision = revision;
  batch(() => {
    referralForm.value = form;
    baseline.value = form;
    referralRestored.value = undefined;
    openId.value = id;
    unreadable.value = false;
    edit.revision.value = revision;
    conflict.value = undefined;
    serverProblems.value = [];
    checking.value = false;
    confirmingRetire.value = false;
    confirmingRevert.value = false;
    outcome.value = undefined;
  });
}

/** Counts openings: an answer for a group opened before the last one is dropped. */
let opening = 0;

/**
 * Opens group `id` from the draft ("new" starts an empty one). The group is read on its own,
 * for content and a revision fresher than the draft list's: saves expect that revision. If
 * it cannot be read, the list's content is shown and saving is blocked until it is opened
 * again, rather than saving over whatever is there.
 */
export async function openReferral(id: string): Promise<void> {
  const mine = ++opening;
  if (!draft.value) await loadDraft();
  if (mine !== opening) return;
  if (id === "new") {
    reset(emptyReferralForm(), undefined);
    restoreKept();
    return;
  }
  const listed = referrals.value.find((r) => r.id === id);
  if (!listed) {
    reset(emptyReferralForm(), undefined);
    return;
  }
  let failed = "";
  const read = await call(
    (c) => c.draftReferral(id),
    (e) => {
      failed = errorText(e);
    },
  );
  // Opened another meanwhile, or signed out: this answer is not for the form any more.
  if (mine !== opening || session.value === undefined) return;
  reset(formFromReferral(read?.referral ?? listed), id, read?.revision);
  unreadable.value = read === undefined;
  if (failed) outcome.value = { kind: "error", text: failed };
  // Not over a group that could not be read: its revision, and so its save, is unknown.
  else restoreKept();
  void validateReferralNow();
}

/** Changes the form and schedules the check. */
export function updateReferral(change: (current: ReferralForm) => ReferralForm): void {
  batch(() => {
    referralForm.value = change(referralForm.value);
    outcome.value = undefined;
    // Its explanation just went: the choices go with it (the next save asks again).
    conflict.value = undefined;
  });
  keepOrForget();
  clearTimeout(timer);
  checking.value = true;
  timer = setTimeout(() => void validateReferralNow(), VALIDATE_DEBOUNCE_MS);
}

export async function validateReferralNow(): Promise<void> {
  clearTimeout(timer);
  const mine = ++seq;
  if (localProblems.value.length) {
    batch(() => {
      serverProblems.value = [];
      checking.value = false;
    });
    return;
  }
  checking.value = true;
  // In the background: an expired sign-in found by a keystroke must not empty the form.
  const result = await call(
    (c) => c.validateReferral(referralFromForm(referralForm.value)),
    () => undefined,
    { background: true },
  );
  if (mine !== seq) return;
  batch(() => {
    checking.value = false;
    if (result) serverProblems.value = result;
  });
}

/** PUT to the draft; the server's check has the last word. */
export async function saveReferral(over?: EditBase): Promise<boolean> {
  const t = text.value.referrals;
  if (referralSaveBlocked.value) {
    announce(unreadable.value ? t.unreadable : text.value.saveBlocked(referralCounts.value.errors));
    return false;
  }
  clearTimeout(timer);
  seq++;
  const group = referralFromForm(referralForm.value);
  const base = over ?? editBase(edit, openId.value === undefined);
  const result = await putToDraft(
    edit,
    (c) => c.saveReferral(group, base),
    t.saveRefused,
    base === "new",
  );
  if (!result) return false;
  const message = t.saved(group.id);
  const wasNew = openId.value === undefined;
  kept.forget(keptId());
  kept.forget(group.id);
  readRevision = edit.revision.value;
  batch(() => {
    serverProblems.value = result.warnings;
    outcome.value = { kind: "ok", text: message };
    openId.value = group.id;
    baseline.value = referralForm.value;
    referralRestored.value = undefined;
  });
  announce(message);
  await loadDraft();
  if (wasNew) navigate({ view: "referral", id: group.id });
  return true;
}

/** DELETE in the draft, after the inline confirmation. */
export async function retireReferral(): Promise<boolean> {
  const id = openId.value;
  // Unread, its revision is unknown: removing it could go over someone's save.
  if (!id || unreadable.value) return false;
  const t = text.value.referrals;
  const base = editBase(edit, false);
  const result = await retireFromDraft(edit, (c) => c.retireReferral(id, base));
  if (!result) return false;
  kept.forget(id);
  baseline.value = referralForm.value;
  announce(t.retired(id));
  await loadDraft();
  navigate({ view: "referrals" });
  return true;
}

/** Live groups the draft removed: listed apart, each can be brought back. */
export const removedReferralIds = computed(() =>
  (draft.value?.changes ?? [])
    .filter((c) => c.kind === "referral" && c.change === "removed")
    .map((c) => c.id),
);
/** The removed group being brought back, and how the last one went. */
export const restoring = signal<string | undefined>(undefined);
export const restoreOutcome = signal<Outcome>(undefined);

/** Brings a removed group back with its live content (its draft changes discarded). */
export async function restoreReferral(id: string): Promise<boolean> {
  if (restoring.value) return false;
  const t = text.value.referrals;
  batch(() => {
    restoring.value = id;
    restoreOutcome.value = undefined;
  });
  let failed = "";
  let broughtBack = false;
  const result = await call(
    // The list says it is gone: bring it back only if nobody has done so meanwhile.
    (c) => c.revertReferral(id, "new"),
    (e) => {
      broughtBack = e instanceof EditConflictError;
      failed = broughtBack ? t.restoredMeanwhile(id) : revertRefusal(e, t.revertRefused);
    },
  );
  // Either way the list is out of date: it showed the group as removed.
  if (result || broughtBack) await loadDraft();
  const message = result ? t.reverted(id, result.result) : failed;
  batch(() => {
    restoring.value = undefined;
    restoreOutcome.value = { kind: result ? "ok" : "error", text: message };
  });
  announce(message);
  return result !== undefined;
}

/** Discards the draft's changes to the open group, after the inline confirmation. */
export async function revertReferral(): Promise<boolean> {
  const id = openId.value;
  if (!id || unreadable.value) return false;
  const t = text.value.referrals;
  const base = editBase(edit, false);
  const result = await revertInDraft(edit, (c) => c.revertReferral(id, base), t.revertRefused);
  if (!result) return false;
  const message = t.reverted(id, result.result);
  kept.forget(id);
  baseline.value = referralForm.value;
  announce(message);
  if (result.result === "retired") {
    // Never live: discarding it removed it from the draft, so there is nothing to show.
    await loadDraft();
    navigate({ view: "referrals" });
    return true;
  }
  await loadDraft();
  await openReferral(id);
  if (openId.value === id) outcome.value = { kind: "ok", text: message };
  return true;
}

/** After a conflict: the group as the other person saved it, in the form (this one's dropped). */
export async function openTheirReferral(): Promise<void> {
  kept.forget(keptId());
  await loadDraft();
  // A new group whose id was taken: its own address opens it.
  if (openId.value === undefined) navigate({ view: "referral", id: referralForm.value.id });
  else await openReferral(openId.value);
}

/** After a conflict from a save: saves this form over theirs, or brings back a removed group. */
export async function saveMyReferral(): Promise<boolean> {
  const over = overConflict(conflict.value);
  return over ? saveReferral(over) : false;
}

onSignOut(() => {
  opening++;
  reset(emptyReferralForm(), undefined);
  restoring.value = undefined;
  restoreOutcome.value = undefined;
});
