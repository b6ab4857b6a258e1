/**
 * A page that edits one of the draft's lists whole (the out-of-scope examples, the uncovered
 * questions): the Finnish and Swedish lists in a form, one item per line; the as-you-type
 * check (debounced, newest answer wins, the same rules as content:check on the server); save
 * and discard over the revision they were read at; and unsaved work kept in the browser, as
 * the referral editor has them. Errors block Save; warnings never do. The pages differ only
 * in what a line holds and which API they call.
 */
import { batch, computed, signal } from "@preact/signals";
import type {
  ContentApi,
  Draft,
  DraftListRead,
  Lang,
  Problem,
  RevertResult,
  SaveResult,
} from "../api.ts";
import { text } from "../i18n.ts";
import {
  emptyListsForm,
  type ListsForm,
  type PlacedListProblem,
  placeListProblem,
} from "../listsForm.ts";
import { blocksSave, countProblems } from "../problems.ts";
import { announce, call, errorText, myName, onSignOut, session } from "./app.ts";
import { editBase } from "./draftEdit.ts";
import { createDraftForm } from "./draftForm.ts";
import type { KeptKind } from "./keptForms.ts";
import { draft, loadDraft } from "./topics.ts";

/** What a list page's words say after its own actions. */
export interface ListPageTexts {
  unreadable: string;
  saveRefused: string;
  saved: string;
  reverted: (result: RevertResult["result"]) => string;
}

/** What one list page is about: the rest is the same for every list. */
export interface ListPageSpec<L> {
  /** Which page's forms the browser keeps (one pair of lists: kept under one id). */
  kept: KeptKind;
  read: (client: ContentApi) => Promise<DraftListRead & { lists: L }>;
  validate: (client: ContentApi, lists: L) => Promise<Problem[]>;
  save: (client: ContentApi, lists: L, base?: { revision: string }) => Promise<SaveResult>;
  revert: (client: ContentApi, base?: { revision: string }) => Promise<RevertResult>;
  /** The lists as the form shows them, one item per line. */
  toForm: (lists: L) => ListsForm;
  /** The lists the API receives from the form as typed. */
  fromForm: (form: ListsForm) => L;
  /** Whether the draft's changes against live include these lists: a discard has work to do. */
  changedIn: (changes: NonNullable<Draft["changes"]>) => boolean;
  texts: () => ListPageTexts;
}

export type ListPage = ReturnType<typeof createListPage>;

export function createListPage<L>(spec: ListPageSpec<L>) {
  const edit = createDraftForm<ListsForm>({
    kept: spec.kept,
    empty: emptyListsForm,
    keptId: () => "lists",
    isNew: () => false,
    validate: (client, form) => spec.validate(client, spec.fromForm(form)),
  });
  const { form, serverProblems, conflict, outcome } = edit;
  /** The lists are in the form, as read (false until the first answer, and after signing out). */
  const opened = signal(false);
  /** Who saved the lists last and when, as read. */
  const lastSaved = signal<{ by: string; at: string } | undefined>(undefined);
  /** The lists could not be read: their revision is unknown, so nothing saves. */
  const unreadable = signal(false);
  /** Why the lists could not be read ("" when they were): shown with "Try again". */
  const readError = signal("");

  const problems = computed<PlacedListProblem[]>(() => serverProblems.value.map(placeListProblem));
  const counts = computed(() => countProblems(problems.value));
  const saveBlocked = computed(
    () => !opened.value || unreadable.value || blocksSave(problems.value),
  );
  /** The draft's lists differ from the live version's, so there is something to discard. */
  const changed = computed(() => spec.changedIn(draft.value?.changes ?? []));

  /** Counts readings: an answer for an earlier one is dropped. */
  let opening = 0;

  /** Shows `shown` afresh; with `read`, as the lists read at `read.revision`. */
  function reset(
    shown: ListsForm,
    read?: { revision?: string | undefined; bySubject?: string | undefined },
  ): void {
    batch(() => {
      edit.reset(shown, read);
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
  async function open(): Promise<void> {
    const mine = ++opening;
    // Tried again: the alert goes, and comes back if this read fails too.
    readError.value = "";
    void loadDraft();
    let failed = "";
    const read = await call(spec.read, (e) => {
      failed = errorText(e);
    });
    // Opened again meanwhile, or signed out: this answer is not for the form any more.
    if (mine !== opening || session.value === undefined) return;
    reset(
      read ? spec.toForm(read.lists) : emptyListsForm(),
      read && { revision: read.revision, bySubject: read.updatedBySubject },
    );
    // The work is not lost: it comes back once the lists are read (restoreKept below).
    const kept = !read && edit.hasKept() ? ` ${text.value.keptWhileUnread}` : "";
    batch(() => {
      opened.value = read !== undefined;
      unreadable.value = read === undefined;
      if (read?.updatedBy && read.updatedAt)
        lastSaved.value = { by: read.updatedBy, at: read.updatedAt };
      if (!read) readError.value = `${failed || text.value.noAnswer}${kept}`;
    });
    // Not over lists that could not be read: their revision, and so their save, is unknown.
    if (read) edit.restoreKept();
    if (read) void edit.validateNow();
  }

  /** Drops the work given back, and shows the lists as read. */
  function discardRestored(): void {
    if (edit.discardRestored()) void edit.validateNow();
  }

  /** Changes one language's list and schedules the check. */
  function update(lang: Lang, value: string): void {
    edit.update((current) => ({ ...current, [lang]: value }));
  }

  /** PUT to the draft over the revision read (or, after a conflict, `over`); the server's check has the last word. */
  async function save(over?: { revision: string }): Promise<boolean> {
    const t = text.value;
    const said = spec.texts();
    if (saveBlocked.value) {
      announce(unreadable.value ? said.unreadable : t.saveBlocked(counts.value.errors));
      return false;
    }
    const lists = spec.fromForm(form.value);
    const base = over ?? editBase(edit, false);
    const result = await edit.put((c) => spec.save(c, lists, base), {
      refused: said.saveRefused,
    });
    if (!result) return false;
    batch(() => {
      edit.saved(result.warnings);
      outcome.value = { kind: "ok", text: said.saved };
      const by = myName.value;
      lastSaved.value = by ? { by, at: new Date().toISOString() } : undefined;
    });
    announce(said.saved);
    await loadDraft();
    return true;
  }

  /** Gives back the live version's lists, after the inline confirmation. */
  async function revert(): Promise<boolean> {
    if (unreadable.value) return false;
    const result = await edit.revert(spec.revert, text.value.revertRefused);
    if (!result) return false;
    const message = spec.texts().reverted(result.result);
    announce(message);
    await open();
    outcome.value = { kind: "ok", text: message };
    return true;
  }

  /** After a conflict: the lists as the other person saved them, in the form (this one's dropped). */
  async function openTheirs(): Promise<void> {
    edit.forgetKept();
    await open();
  }

  /** After a conflict from a save: saves this form over theirs, knowingly. */
  async function saveMine(): Promise<boolean> {
    const c = conflict.value;
    if (c?.on !== "save" || c.revision === undefined) return false;
    return save({ revision: c.revision });
  }

  onSignOut(() => {
    opening++;
    reset(emptyListsForm());
  });

  return {
    edit,
    opened,
    lastSaved,
    unreadable,
    readError,
    problems,
    counts,
    saveBlocked,
    changed,
    open,
    discardRestored,
    update,
    save,
    revert,
    openTheirs,
    saveMine,
  };
}
