/**
 * The topic editor's state: the form with its as-you-type check and kept work (draftForm.ts,
 * as the other editors have theirs), and what is a topic's own: new or opened by id, the
 * warnings it had when opened, the inbox questions a new one came from, save and retire.
 * Errors block Save; warnings are shown and never block. A new topic with errors can be saved
 * unfinished instead (in progress: in the draft, out of use); its Save finishes it.
 */
import { batch, computed, signal } from "@preact/signals";
import { withoutPlaceholders } from "../../../functions/domain/privacy/placeholders.ts";
import type { DraftTopic, EditBase, Lang, Problem } from "../api.ts";
import { rowName } from "../diff.ts";
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
  formFromUnfinished,
  idProblems,
  keptTopicForm,
  type TopicForm,
  topicFromForm,
} from "../topicForm.ts";
import { announce, call, errorText, myName, navigate, onSignOut, sayWhenSlow } from "./app.ts";
import { editBase, overConflict } from "./draftEdit.ts";
import { createDraftForm } from "./draftForm.ts";
import { draft, draftIds, draftItemName, loadDraft } from "./topics.ts";

export type EditorMode = "new" | "edit";

export const mode = signal<EditorMode>("new");
/** The id of the topic loaded for editing (undefined for a new one). */
export const loadedId = signal<string | undefined>(undefined);
export const loading = signal(false);
export const loadError = signal("");
export const meta = signal<{
  updatedBy?: string;
  updatedAt?: string;
  retired: boolean;
  /** Saved unfinished: in the draft, out of use until a Save without errors finishes it. */
  inProgress?: boolean;
}>({
  retired: false,
});

/** Inbox questions a new topic was started from: taught to it (training) once it is saved. */
export interface TopicSeed {
  samples: { id: string; text: string; lang: Lang }[];
}
export const seed = signal<TopicSeed | undefined>(undefined);
/**
 * A new topic is saved and its inbox questions are being marked taught: Save stays busy, and
 * says that rather than "saving".
 */
export const teaching = signal(false);
let pendingSeed: TopicSeed | undefined;

function isSeed(value: unknown): value is TopicSeed {
  return Array.isArray((value as TopicSeed | undefined)?.samples);
}

export const topicEdit = createDraftForm<TopicForm>({
  kept: "topic",
  empty: emptyForm,
  upgradeKept: keptTopicForm,
  keptId: () => (mode.value === "new" ? "new" : (loadedId.value ?? "new")),
  isNew: () => mode.value === "new",
  validate: (client, form) => client.validateTopic(topicFromForm(form)),
  localProblems: (): readonly Problem[] => localProblems.value,
  checked: (problems, checked) => {
    // The answer for the form as it was loaded is what the topic had before this edit. If
    // that check failed or the owner typed first, nothing is folded: better shown than hidden.
    if (openedWith.value === undefined && checked === openedForm) {
      const lineText = lineTextIn(checked);
      openedWith.value = new Set(
        problems
          .map(placeProblem)
          .filter((p) => p.severity === "warning")
          .map((p) => warningKey(p, lineText)),
      );
    }
  },
  // A new topic's inbox questions are kept with its form, to be taught once it is saved.
  extra: {
    now: () => seed.value,
    given: (value) => {
      if (mode.value === "new") seed.value = isSeed(value) ? value : undefined;
    },
  },
});
export const {
  form,
  /** The form differs from what was read or saved: leaving would lose it, but for the kept copy. */
  unsaved,
  /**
   * Work given back from the browser when the topic was opened: when it was left, and whether
   * someone saved the topic since (its save then meets their revision and offers the choices).
   */
  restored,
  serverProblems,
  checking,
  checkFailed,
  saving,
  outcome,
  confirmingRetire,
  confirmingRevert,
  conflict,
  update,
  scheduleValidate,
  validateNow,
} = topicEdit;

/** Drops the work given back, and shows the topic as read. */
export function discardRestored(): void {
  if (!topicEdit.discardRestored()) return;
  // The field shows the date as read again: nothing typed in part is left in it.
  reviewByIncomplete.value = false;
  scheduleValidate();
}

export const isSystem = computed(
  () => draft.value?.topics.find((t) => t.id === loadedId.value)?.system === true,
);

/** Problems only the studio can see: a new topic's id must be valid before the server is asked. */
export const localProblems = computed<Problem[]>(() =>
  mode.value === "new" ? idProblems(form.value.id, draftIds.value, text.value) : [],
);

/**
 * The review date's field holds a date typed only in part (the browser's date input then has
 * no value, and would save none, dropping the date the topic had): said at the field, as an
 * error, so the save cannot go without it. The view reports it (`reviewByEntered`).
 */
export const reviewByIncomplete = signal(false);

/** What the review date's input holds: a whole date or none (`false`), or a date in part. */
export function reviewByEntered(incomplete: boolean): void {
  reviewByIncomplete.value = incomplete;
}

const reviewByProblems = computed<Problem[]>(() => {
  const t = text.value;
  return reviewByIncomplete.value
    ? [
        {
          severity: "error",
          path: "reviewBy",
          message: t.reviewByIncomplete,
          fix: t.reviewByIncompleteFix,
        },
      ]
    : [];
});

export const problems = computed(() =>
  [...localProblems.value, ...reviewByProblems.value, ...serverProblems.value].map(placeProblem),
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

/**
 * The topic is one the live version does not have (new, in progress, or added in the draft
 * only): only such a topic can be saved unfinished. An edit of a live topic must pass.
 */
const isNewTopic = computed(() => {
  if (mode.value === "new" || meta.value.inProgress) return true;
  const id = loadedId.value;
  return (draft.value?.changes ?? []).some((c) => c.id === id && !c.kind && c.change === "added");
});

/**
 * "Save unfinished" is offered: the check finds errors in a new topic whose id is valid (the
 * id is its address in the draft).
 */
export const unfinishedOffered = computed(
  () => saveBlocked.value && isNewTopic.value && localProblems.value.length === 0,
);

function resetForm(next: TopicForm, nextMode: EditorMode, id?: string, withSeed?: TopicSeed): void {
  openedForm = undefined;
  batch(() => {
    // An opened topic has nothing to be unsaved against until it is read.
    topicEdit.reset(next, nextMode === "new" ? {} : undefined);
    reviewByIncomplete.value = false;
    seed.value = withSeed;
    mode.value = nextMode;
    loadedId.value = id;
    loadError.value = "";
    meta.value = { retired: false };
    openedWith.value = nextMode === "new" ? new Set() : undefined;
  });
}

export function startNew(): void {
  const from = pendingSeed;
  pendingSeed = undefined;
  resetForm(from ? seededForm(from) : emptyForm(), "new", undefined, from);
  // Questions from the inbox start a new form of their own; otherwise a kept one comes back.
  if (!from) topicEdit.restoreKept();
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
  const base = editBase(topicEdit, false);
  // Its outcome comes with the save's, in the Save row: until then, a slow teach says there
  // that the topic is saved and the marking takes longer, as the save itself would.
  const result = await sayWhenSlow(
    topicEdit.slow,
    () => text.value.seedTeachSlow,
    () =>
      call(
        (c) =>
          c.missAction(
            { action: "teach", ids: kept.map((s) => s.id), topicId: topic.id, split: "training" },
            base,
          ),
        (e) => {
          error = errorText(e);
        },
      ),
  );
  if (result?.revision) topicEdit.revision.value = result.revision;
  return result
    ? { text: t.seedTaught(result.applied), failed: false }
    : { text: t.seedTeachFailed(error), failed: true };
}

/** A new topic just saved stays in the form (with its warnings) when its address opens. */
let keepOpen: string | undefined;

/** Loads a draft topic into the form; after a failed load, again (the view's "Try again"). */
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
      if (loadedId.value !== id) return;
      // The work is not lost: it comes back once the topic is read (restoreKept below).
      const kept = topicEdit.hasKept() ? ` ${text.value.keptWhileUnread}` : "";
      loadError.value = `${errorText(e)}${kept}`;
    },
  );
  if (loadedId.value !== id) return;
  batch(() => {
    loading.value = false;
    if (!result) return;
    openedForm = result.inProgress
      ? formFromUnfinished(result.topic, id)
      : formFromTopic(result.topic);
    topicEdit.reset(openedForm, {
      revision: result.revision,
      bySubject: result.updatedBySubject,
    });
    meta.value = {
      retired: result.retired,
      ...(result.inProgress ? { inProgress: true } : {}),
      ...(result.updatedBy ? { updatedBy: result.updatedBy } : {}),
      ...(result.updatedAt ? { updatedAt: result.updatedAt } : {}),
    };
  });
  if (!result) return;
  topicEdit.restoreKept();
  void validateNow();
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
  const sentForm = form.value;
  const topic = topicFromForm(sentForm);
  const base = over ?? editBase(topicEdit, mode.value === "new");
  const result = await topicEdit.put((c) => c.saveTopic(topic, base), {
    refused: t.saveRefused,
    creating: base === "new",
    // Saved: nothing of it is left to keep (a new topic was kept as "new").
    savedAs: topic.id,
  });
  if (!result) return false;
  const wasNew = mode.value === "new";
  // The save is not over until its inbox questions are taught: the form is still "new", and a
  // second Save (or Ctrl+S) meanwhile would create the topic again and be refused as taken.
  // A topic saved unfinished first keeps its questions until this save finishes it.
  let taught: Awaited<ReturnType<typeof teachSeed>>;
  if (wasNew || seed.value) {
    batch(() => {
      topicEdit.saving.value = true;
      teaching.value = true;
    });
    try {
      taught = await teachSeed(topic);
    } finally {
      batch(() => {
        topicEdit.saving.value = false;
        teaching.value = false;
      });
    }
  }
  // Only the warnings this edit brought: the ones the topic already had are no news.
  const placed = result.warnings.map(placeProblem);
  const brought = placed.length - thereBefore(placed, sentForm).length;
  // Named as saved: a new topic is not in the draft the studio holds yet.
  const name = rowName({ id: topic.id, title: { fi: topic.fi.title, sv: topic.sv.title } }, t);
  const saved = brought ? t.savedWithWarnings(name, brought) : t.saved(name);
  const message = taught ? `${saved} ${taught.text}` : saved;
  batch(() => {
    topicEdit.saved(result.warnings, sentForm);
    outcome.value = { kind: taught?.failed ? "error" : "ok", text: message };
  });
  afterSave(topic.id, message, { inProgress: false, wasNew });
  return true;
}

/**
 * What every save of the topic leaves behind: the line under the heading names the person who
 * saved and when, a new topic's editor becomes its own, and the draft is read again.
 */
function afterSave(
  id: string,
  message: string,
  saved: { inProgress: boolean; wasNew: boolean },
): void {
  batch(() => {
    const by = myName.value;
    meta.value = {
      ...meta.value,
      retired: false,
      inProgress: saved.inProgress,
      ...(by ? { updatedBy: by } : {}),
      updatedAt: new Date().toISOString(),
    };
    if (mode.value === "new") {
      mode.value = "edit";
      loadedId.value = id;
      keepOpen = id;
    }
  });
  announce(message);
  void loadDraft();
  if (saved.wasNew) navigate({ view: "topic", id });
}

/**
 * PUT to the draft unfinished (`saveTopicUnfinished`): a new topic the check still finds
 * errors in is kept in the shared draft, out of use. Its errors stay shown; its Save finishes
 * it once they are fixed.
 */
export async function saveUnfinished(): Promise<boolean> {
  const t = text.value;
  if (!unfinishedOffered.value) return false;
  const sentForm = form.value;
  const topic = topicFromForm(sentForm);
  const wasNew = mode.value === "new";
  const base = editBase(topicEdit, wasNew);
  const result = await topicEdit.put((c) => c.saveTopicUnfinished(topic, base), {
    refused: t.saveRefused,
    creating: base === "new",
    savedAs: topic.id,
  });
  if (!result) return false;
  const name = rowName({ id: topic.id, title: { fi: topic.fi.title, sv: topic.sv.title } }, t);
  const message = t.savedUnfinished(name, result.problems.length);
  batch(() => {
    // What is left to fix stays in view, as the check showed it before the save.
    topicEdit.saved([...result.problems, ...result.warnings], sentForm);
    outcome.value = { kind: "ok", text: message };
  });
  afterSave(topic.id, message, { inProgress: true, wasNew });
  return true;
}

/** DELETE in the draft, after the inline confirmation. */
export async function retire(): Promise<boolean> {
  const id = loadedId.value;
  if (!id) return false;
  const t = text.value;
  const unfinished = meta.value.inProgress === true;
  const result = await topicEdit.retire((c, base) => c.retireTopic(id, base));
  if (!result) return false;
  const name = draftItemName(id, t);
  if (unfinished) {
    // Its unfinished work is gone from the draft: nothing is left here to edit.
    announce(t.unfinishedDiscarded(name));
    topicEdit.forgetKept();
    await loadDraft();
    navigate({ view: "topics" });
    return true;
  }
  batch(() => {
    meta.value = { ...meta.value, retired: true };
    serverProblems.value = result.warnings;
    outcome.value = { kind: "ok", text: t.retired(name) };
  });
  announce(t.retired(name));
  void loadDraft();
  return true;
}

/** Discards the draft's changes to the open topic, after the inline confirmation. */
export async function revert(): Promise<boolean> {
  const id = loadedId.value;
  if (!id) return false;
  const t = text.value;
  const result = await topicEdit.revert((c, base) => c.revertTopic(id, base), t.revertRefused);
  if (!result) return false;
  const message = t.reverted(draftItemName(id, t), result.result);
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
  topicEdit.forgetKept();
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
