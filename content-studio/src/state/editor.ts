/**
 * The topic editor's state: the form, the as-you-type check (debounced, newest answer wins),
 * save and retire. Errors block Save; warnings are shown and never block.
 */
import { batch, computed, signal } from "@preact/signals";
import { withoutPlaceholders } from "../../../functions/domain/privacy/placeholders.ts";
import type { DraftTopic, EditBase, Lang, Problem } from "../api.ts";
import { text } from "../i18n.ts";
import {
  blocksSave,
  countProblems,
  type PlacedProblem,
  placeProblem,
  warningKey,
} from "../problems.ts";
import {
  emptyForm,
  formFromTopic,
  idProblems,
  type TopicForm,
  topicFromForm,
} from "../topicForm.ts";
import { announce, call, errorText, myName, navigate, onSignOut } from "./app.ts";
import {
  createDraftEditSignals,
  editBase,
  overConflict,
  putToDraft,
  retireFromDraft,
  revertInDraft,
} from "./draftEdit.ts";
import { keptForms, sameForm, sameShape } from "./keptForms.ts";
import { draft, draftIds, loadDraft } from "./topics.ts";

export const VALIDATE_DEBOUNCE_MS = 400;

export type EditorMode = "new" | "edit";

export const mode = signal<EditorMode>("new");
export const form = signal<TopicForm>(emptyForm());
/** The id of the topic loaded for editing (undefined for a new one). */
export const loadedId = signal<string | undefined>(undefined);
export const loading = signal(false);
export const loadError = signal("");
export const meta = signal<{ updatedBy?: string; updatedAt?: string; retired: boolean }>({
  retired: false,
});
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
export const checkFailed = signal(false);

/** Inbox questions a new topic was started from: taught to it (training) once it is saved. */
export interface TopicSeed {
  samples: { id: string; text: string; lang: Lang }[];
}
export const seed = signal<TopicSeed | undefined>(undefined);
let pendingSeed: TopicSeed | undefined;

const kept = keptForms("topic", (value): value is TopicForm => sameShape(value, emptyForm()));
/** The form as read or last saved: what the form in hand is unsaved work against. */
const baseline = signal<TopicForm | undefined>(undefined);
/** The revision the open topic was read at (a restored form may expect an older one). */
let readRevision: string | undefined;
/** The form differs from what was read or saved: leaving would lose it, but for the kept copy. */
export const unsaved = computed(
  () => baseline.value !== undefined && !sameForm(form.value, baseline.value),
);
/**
 * Work given back from the browser when the topic was opened: when it was left, and whether
 * someone saved the topic since (its save then meets their revision and offers the choices).
 */
export const restored = signal<{ keptAt: string; savedSince: boolean } | undefined>(undefined);

/** Where the open form is kept: its topic's id, or "new" while it has none saved. */
function keptId(): string {
  return mode.value === "new" ? "new" : (loadedId.value ?? "new");
}

/** Keeps the form in the browser while it holds unsaved work; forgets it once it does not. */
function keepOrForget(): void {
  if (unsaved.value) {
    kept.keep(keptId(), {
      form: form.value,
      ...(edit.revision.value !== undefined ? { revision: edit.revision.value } : {}),
      ...(seed.value ? { extra: seed.value } : {}),
    });
  } else kept.forget(keptId());
}

function isSeed(value: unknown): value is TopicSeed {
  return Array.isArray((value as TopicSeed | undefined)?.samples);
}

/** Gives back the form kept for `id`, if it is work beyond what was just read. */
function restoreKept(id: string): void {
  const found = kept.read(id);
  if (!found) return;
  if (sameForm(found.form, form.value)) {
    kept.forget(id);
    return;
  }
  batch(() => {
    form.value = found.form;
    // Its save expects what the form was read at: a save made since is a conflict, not lost.
    edit.revision.value = mode.value === "new" ? undefined : (found.revision ?? readRevision);
    if (mode.value === "new" && isSeed(found.extra)) seed.value = found.extra;
    restored.value = {
      keptAt: found.keptAt,
      savedSince: mode.value === "edit" && found.revision !== readRevision,
    };
  });
}

/** Drops the work given back, and shows the topic as read. */
export function discardRestored(): void {
  const base = baseline.value;
  if (!base) return;
  kept.forget(keptId());
  batch(() => {
    form.value = base;
    edit.revision.value = readRevision;
    if (mode.value === "new") seed.value = undefined;
    restored.value = undefined;
    outcome.value = undefined;
    conflict.value = undefined;
  });
  scheduleValidate();
}

export const isSystem = computed(
  () => draft.value?.topics.find((t) => t.id === loadedId.value)?.system === true,
);

/** Problems only the studio can see: a new topic's id must be valid before the server is asked. */
export const localProblems = computed<Problem[]>(() =>
  mode.value === "new" ? idProblems(form.value.id, draftIds.value, text.value) : [],
);

export const problems = computed(() =>
  [...localProblems.value, ...serverProblems.value].map(placeProblem),
);
export const counts = computed(() => countProblems(problems.value));

/**
 * The warnings the topic had when it was opened (its first check): shown apart from the ones
 * an edit brings, so a content owner sees what their change caused. A new topic has none.
 */
const openedWith = signal<ReadonlySet<string> | undefined>(undefined);
/** The form as loaded: only a check of exactly this form can say what the topic had. */
let openedForm: TopicForm | undefined;

/** The text of the sentence or test message a problem is on, in `of` (a form). */
function lineTextIn(of: TopicForm): (p: PlacedProblem) => string | undefined {
  const topic = topicFromForm(of);
  return (p) => {
    if (p.index === undefined) return undefined;
    const [lang, field] = p.field.split(".");
    if (lang !== "fi" && lang !== "sv") return undefined;
    if (field === "utterances") return topic[lang].utterances[p.index];
    if (field === "tests") return topic.tests[lang][p.index];
    return undefined;
  };
}

/** The warnings of `list` (checked on `of`) that the topic had when it was opened. */
function thereBefore(list: readonly PlacedProblem[], of: TopicForm): PlacedProblem[] {
  const known = openedWith.value;
  if (!known) return [];
  const lineText = lineTextIn(of);
  return list.filter((p) => p.severity === "warning" && known.has(warningKey(p, lineText)));
}

/** Warnings the topic already had when it was opened. */
export const earlierWarnings = computed(() => thereBefore(problems.value, form.value));
/** Errors and the warnings the edit brought, in the summary's main list. */
export const currentProblems = computed(() => {
  const earlier = new Set(earlierWarnings.value);
  return problems.value.filter((p) => !earlier.has(p));
});
export const saveBlocked = computed(() => blocksSave(problems.value));

let validateTimer: ReturnType<typeof setTimeout> | undefined;
let validateSeq = 0;

function resetForm(next: TopicForm, nextMode: EditorMode, id?: string, withSeed?: TopicSeed): void {
  clearTimeout(validateTimer);
  validateSeq++;
  batch(() => {
    seed.value = withSeed;
    mode.value = nextMode;
    form.value = next;
    // An opened topic has nothing to be unsaved against until it is read.
    baseline.value = nextMode === "new" ? next : undefined;
    restored.value = undefined;
    loadedId.value = id;
    loadError.value = "";
    meta.value = { retired: false };
    serverProblems.value = [];
    openedWith.value = nextMode === "new" ? new Set() : undefined;
    openedForm = undefined;
    checking.value = false;
    checkFailed.value = false;
    outcome.value = undefined;
    confirmingRetire.value = false;
    confirmingRevert.value = false;
    edit.revision.value = undefined;
    conflict.value = undefined;
  });
}

export function startNew(): void {
  const from = pendingSeed;
  pendingSeed = undefined;
  readRevision = undefined;
  resetForm(from ? seededForm(from) : emptyForm(), "new", undefined, from);
  // Questions from the inbox start a new form of their own; otherwise a kept one comes back.
  if (!from) restoreKept("new");
  if (!draft.value) void loadDraft();
}

/** Opens the new-topic form with the questions as training sentences in their language. */
export function startNewFrom(from: TopicSeed): void {
  pendingSeed = from;
  navigate({ view: "new" });
}

/** An empty form whose sentences are the seed's texts (each once), per language. */
export function seededForm(from: TopicSeed): TopicForm {
  const form = emptyForm();
  for (const lang of ["fi", "sv"] as const) {
    const texts = [
      ...new Set(from.samples.filter((s) => s.lang === lang).map((s) => asLine(s.text))),
    ].filter(Boolean);
    form[lang].utterances = texts.join("\n");
  }
  return form;
}

/**
 * A question as one sentence line: a message may hold line breaks, a sentence may not, and
 * masked personal data is no word to learn (the server strips it the same way).
 */
function asLine(value: string): string {
  return withoutPlaceholders(value);
}

/**
 * Marks the seed's questions taught to the saved topic, only those whose text the topic
 * still has as a training sentence (lines removed in the editor stay open in the inbox).
 * The message to add to the save's outcome, and whether it failed.
 */
async function teachSeed(
  topic: DraftTopic,
): Promise<{ text: string; failed: boolean } | undefined> {
  const from = seed.value;
  if (!from) return undefined;
  const t = text.value;
  const kept = from.samples.filter((s) => topic[s.lang].utterances.includes(asLine(s.text)));
  seed.value = undefined;
  if (!kept.length) return undefined;
  let error = "";
  // Over the revision just saved: a save by someone else in between refuses the teach, and
  // the answer says the revision the form's next save expects.
  const base = editBase(edit, false);
  const result = await call(
    (c) =>
      c.missAction(
        { action: "teach", ids: kept.map((s) => s.id), topicId: topic.id, split: "training" },
        base,
      ),
    (e) => {
      error = errorText(e);
    },
  );
  if (result?.revision) edit.revision.value = result.revision;
  return result
    ? { text: t.seedTaught(result.applied), failed: false }
    : { text: t.seedTeachFailed(error), failed: true };
}

/** A new topic just saved stays in the form (with its warnings) when its address opens. */
let keepOpen: string | undefined;

/** Loads a draft topic into the form. */
export async function open(id: string): Promise<void> {
  if (keepOpen === id && loadedId.value === id) {
    keepOpen = undefined;
    return;
  }
  keepOpen = undefined;
  resetForm(emptyForm(), "edit", id);
  loading.value = true;
  if (!draft.value) void loadDraft();
  const result = await call(
    (c) => c.draftTopic(id),
    (e) => {
      if (loadedId.value === id) loadError.value = errorText(e);
    },
  );
  if (loadedId.value !== id) return;
  batch(() => {
    loading.value = false;
    if (!result) return;
    form.value = formFromTopic(result.topic);
    openedForm = form.value;
    baseline.value = form.value;
    readRevision = result.revision;
    edit.revision.value = result.revision;
    meta.value = {
      retired: result.retired,
      ...(result.updatedBy ? { updatedBy: result.updatedBy } : {}),
      ...(result.updatedAt ? { updatedAt: result.updatedAt } : {}),
    };
  });
  if (!result) return;
  restoreKept(id);
  void validateNow();
}

/** Changes the form and schedules the check. */
export function update(change: (current: TopicForm) => TopicForm): void {
  batch(() => {
    form.value = change(form.value);
    outcome.value = undefined;
    // Its explanation just went: the choices go with it (the next save asks again).
    conflict.value = undefined;
  });
  keepOrForget();
  scheduleValidate();
}

export function scheduleValidate(): void {
  clearTimeout(validateTimer);
  // Shown at once, so nobody takes the previous result for the text as it is now.
  checking.value = true;
  validateTimer = setTimeout(() => void validateNow(), VALIDATE_DEBOUNCE_MS);
}

/** Asks the server's check about the form as it is now; older answers are dropped. */
export async function validateNow(): Promise<void> {
  clearTimeout(validateTimer);
  const seq = ++validateSeq;
  if (localProblems.value.length) {
    // No valid id for the URL yet: only the local problems are known.
    batch(() => {
      serverProblems.value = [];
      checking.value = false;
    });
    return;
  }
  checking.value = true;
  let failed = false;
  const checked = form.value;
  // In the background: an expired sign-in found by a keystroke must not empty the form.
  const result = await call(
    (c) => c.validateTopic(topicFromForm(checked)),
    () => {
      failed = true;
    },
    { background: true },
  );
  if (seq !== validateSeq) return;
  batch(() => {
    checking.value = false;
    checkFailed.value = failed;
    if (!result) return;
    serverProblems.value = result;
    // The answer for the form as it was loaded is what the topic had before this edit. If
    // that check failed or the owner typed first, nothing is folded: better shown than hidden.
    if (openedWith.value === undefined && checked === openedForm) {
      const lineText = lineTextIn(checked);
      openedWith.value = new Set(
        result
          .map(placeProblem)
          .filter((p) => p.severity === "warning")
          .map((p) => warningKey(p, lineText)),
      );
    }
  });
}

/**
 * PUT to the draft; the server's check has the last word. `over`: what to save over instead
 * of the revision the form was read at (after a conflict, `overConflict`).
 */
export async function save(over?: EditBase): Promise<boolean> {
  const t = text.value;
  if (saveBlocked.value) {
    // The same sentence stands under the button; say it once more for screen readers.
    announce(t.saveBlocked(counts.value.errors));
    return false;
  }
  clearTimeout(validateTimer);
  validateSeq++;
  const topic = topicFromForm(form.value);
  const base = over ?? editBase(edit, mode.value === "new");
  const result = await putToDraft(
    edit,
    (c) => c.saveTopic(topic, base),
    t.saveRefused,
    base === "new",
  );
  if (!result) return false;
  const wasNew = mode.value === "new";
  // Saved: nothing of it is left to keep (a new topic was kept as "new").
  kept.forget(keptId());
  kept.forget(topic.id);
  const savedForm = form.value;
  const taught = wasNew ? await teachSeed(topic) : undefined;
  // Only the warnings this edit brought: the ones the topic already had are no news.
  const placed = result.warnings.map(placeProblem);
  const brought = placed.length - thereBefore(placed, form.value).length;
  const saved = brought ? t.savedWithWarnings(topic.id, brought) : t.saved(topic.id);
  const message = taught ? `${saved} ${taught.text}` : saved;
  batch(() => {
    serverProblems.value = result.warnings;
    outcome.value = { kind: taught?.failed ? "error" : "ok", text: message };
    // The line under the heading names who changed it last: now the person who saved.
    const by = myName.value;
    meta.value = {
      ...meta.value,
      retired: false,
      ...(by ? { updatedBy: by } : {}),
      updatedAt: new Date().toISOString(),
    };
    baseline.value = savedForm;
    readRevision = edit.revision.value;
    restored.value = undefined;
    if (mode.value === "new") {
      mode.value = "edit";
      loadedId.value = topic.id;
      keepOpen = topic.id;
    }
  });
  announce(message);
  void loadDraft();
  if (wasNew) navigate({ view: "topic", id: topic.id });
  return true;
}

/** DELETE in the draft, after the inline confirmation. */
export async function retire(): Promise<boolean> {
  const id = loadedId.value;
  if (!id) return false;
  const t = text.value;
  const base = editBase(edit, false);
  const result = await retireFromDraft(edit, (c) => c.retireTopic(id, base));
  if (!result) return false;
  // Retired as stored: what the form held beyond that is given up with it.
  kept.forget(id);
  batch(() => {
    baseline.value = form.value;
    restored.value = undefined;
    meta.value = { ...meta.value, retired: true };
    serverProblems.value = result.warnings;
    outcome.value = { kind: "ok", text: t.retired(id) };
  });
  announce(t.retired(id));
  void loadDraft();
  return true;
}

/** Discards the draft's changes to the open topic, after the inline confirmation. */
export async function revert(): Promise<boolean> {
  const id = loadedId.value;
  if (!id) return false;
  const t = text.value;
  const base = editBase(edit, false);
  const result = await revertInDraft(edit, (c) => c.revertTopic(id, base), t.revertRefused);
  if (!result) return false;
  const message = t.reverted(id, result.result);
  kept.forget(id);
  // Reloaded from the draft: the form shows the live content (or the retired topic) now.
  await Promise.all([open(id), loadDraft()]);
  if (loadedId.value === id) {
    batch(() => {
      if (result.warnings.length) serverProblems.value = result.warnings;
      outcome.value = { kind: "ok", text: message };
    });
  }
  announce(message);
  return true;
}

/**
 * After a conflict: the topic as the other person saved it, in the form. This form's changes
 * are dropped; the outcome said so before the choice was offered.
 */
export async function openTheirs(): Promise<void> {
  kept.forget(keptId());
  // A new topic whose id was taken: its own address opens it.
  if (mode.value === "new") navigate({ view: "topic", id: form.value.id });
  else if (loadedId.value) await open(loadedId.value);
}

/**
 * After a conflict from a save: saves this form over what the other person saved (the
 * revision the refusal named), knowingly, or brings back a topic that is gone.
 */
export async function saveMine(): Promise<boolean> {
  const over = overConflict(conflict.value);
  return over ? save(over) : false;
}

onSignOut(() => resetForm(emptyForm(), "new"));
