/**
 * The referral groups page's state: which group is open, its form (draftForm.ts) with the
 * as-you-type check (the same rules as content:check on the server), save and retire, and
 * bringing back groups the draft removed. Errors block Save; warnings never do, as in the
 * topic editor.
 */
import { batch, computed, signal } from "@preact/signals";
import { type EditBase, EditConflictError, type Problem } from "../api.ts";
import { text, uiLang } from "../i18n.ts";
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
import { editBase, type Outcome, overConflict, revertRefusal } from "./draftEdit.ts";
import { createDraftForm } from "./draftForm.ts";
import { draft, draftItemLabel, loadDraft } from "./topics.ts";

/** The group open for editing; undefined while a new one is written. */
export const openId = signal<string | undefined>(undefined);
export const referralEdit = createDraftForm<ReferralForm>({
  kept: "referral",
  empty: emptyReferralForm,
  keptId: () => openId.value ?? "new",
  isNew: () => openId.value === undefined,
  validate: (client, form) => client.validateReferral(referralFromForm(form)),
  localProblems: () => localProblems.value,
});
export const {
  form: referralForm,
  unsaved: referralUnsaved,
  /** Work given back from the browser on opening, as in the topic editor. */
  restored: referralRestored,
  serverProblems,
  checking,
  /** The last check had no answer: nothing is known of the form's problems until one has. */
  checkFailed,
  saving,
  outcome,
  confirmingRetire,
  conflict,
  update: updateReferral,
  validateNow: validateReferralNow,
} = referralEdit;

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
/** Why the open group could not be read ("" when it was): shown with "Try again". */
export const readError = signal("");
/**
 * Nothing of the open group is known (neither it nor the draft's list could be read): the
 * editor shows no form, only why and "Try again".
 */
export const nothingRead = signal(false);
export const referralSaveBlocked = computed(
  () => unreadable.value || blocksSave(referralProblems.value),
);

/** Drops the work given back, and shows the group as read. */
export function discardRestoredReferral(): void {
  if (referralEdit.discardRestored()) void validateReferralNow();
}

/** Shows `form` afresh, of group `id` (undefined: a new one) as read at `revision`. */
function reset(
  form: ReferralForm,
  id: string | undefined,
  read?: { revision?: string | undefined; bySubject?: string | undefined },
): void {
  batch(() => {
    referralEdit.reset(form, read ?? {});
    openId.value = id;
    unreadable.value = false;
    readError.value = "";
    nothingRead.value = false;
  });
}

/** Counts openings: an answer for a group opened before the last one is dropped. */
let opening = 0;

/**
 * Opens group `id` from the draft ("new" starts an empty one). The group is read on its own,
 * for content and a revision fresher than the draft list's: saves expect that revision. If
 * it cannot be read, the list's content (if the list could be read) is shown and saving is
 * blocked until a read succeeds ("Try again" runs this again), rather than saving over
 * whatever is there.
 */
export async function openReferral(id: string): Promise<void> {
  const mine = ++opening;
  // Tried again: the alert goes, and comes back if this read fails too.
  readError.value = "";
  if (!draft.value) await loadDraft();
  if (mine !== opening) return;
  if (id === "new") {
    reset(emptyReferralForm(), undefined);
    referralEdit.restoreKept();
    return;
  }
  const listed = referrals.value.find((r) => r.id === id);
  // The draft has no such group: a new one. Without the draft, nobody knows yet: ask for it.
  if (!listed && draft.value) {
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
  const shown = read?.referral ?? listed;
  reset(shown ? formFromReferral(shown) : emptyReferralForm(), id, {
    revision: read?.revision,
    bySubject: read?.updatedBySubject,
  });
  if (!read) {
    // The work is not lost: it comes back once the group is read (restoreKept below).
    const kept = referralEdit.hasKept() ? ` ${text.value.keptWhileUnread}` : "";
    batch(() => {
      unreadable.value = true;
      nothingRead.value = shown === undefined;
      readError.value = `${failed || text.value.noAnswer}${kept}`;
    });
    // Not over a group that could not be read: its revision, and so its save, is unknown.
    if (shown) void validateReferralNow();
    return;
  }
  referralEdit.restoreKept();
  void validateReferralNow();
}

/** PUT to the draft; the server's check has the last word. */
export async function saveReferral(over?: EditBase): Promise<boolean> {
  const t = text.value.referrals;
  if (referralSaveBlocked.value) {
    announce(unreadable.value ? t.unreadable : text.value.saveBlocked(referralCounts.value.errors));
    return false;
  }
  const group = referralFromForm(referralForm.value);
  const base = over ?? editBase(referralEdit, openId.value === undefined);
  const result = await referralEdit.put((c) => c.saveReferral(group, base), {
    refused: t.saveRefused,
    creating: base === "new",
    savedAs: group.id,
  });
  if (!result) return false;
  const message = t.saved(groupName(group.id, group[uiLang.value].title));
  const wasNew = openId.value === undefined;
  batch(() => {
    referralEdit.saved(result.warnings);
    outcome.value = { kind: "ok", text: message };
    openId.value = group.id;
  });
  announce(message);
  await loadDraft();
  if (wasNew) navigate({ view: "referral", id: group.id });
  return true;
}

/** A group as messages name it: its title in the studio's language, the id after it. */
function groupName(id: string, title: string | undefined): string {
  return title ? `${title} (${id})` : id;
}

/** A group of the draft as messages name it (the other language's title when needed). */
export function referralName(id: string): string {
  const label = draftItemLabel(id, text.value, "referral");
  return groupName(id, label.id ? label.name : undefined);
}

/** DELETE in the draft, after the inline confirmation. */
export async function retireReferral(): Promise<boolean> {
  const id = openId.value;
  // Unread, its revision is unknown: removing it could go over someone's save.
  if (!id || unreadable.value) return false;
  const t = text.value.referrals;
  const result = await referralEdit.retire((c, base) => c.retireReferral(id, base));
  if (!result) return false;
  announce(t.retired(referralName(id)));
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
  // Named as the list showed it: the draft read after it may not hold its title yet.
  const name = referralName(id);
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
      failed = broughtBack ? t.restoredMeanwhile(name) : revertRefusal(e, t.revertRefused);
    },
  );
  // Either way the list is out of date: it showed the group as removed.
  if (result || broughtBack) await loadDraft();
  const message = result ? t.reverted(name, result.result) : failed;
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
  const result = await referralEdit.revert(
    (c, base) => c.revertReferral(id, base),
    t.revertRefused,
  );
  if (!result) return false;
  const message = t.reverted(referralName(id), result.result);
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
  referralEdit.forgetKept();
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
