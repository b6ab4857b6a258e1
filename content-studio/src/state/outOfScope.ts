/**
 * The out-of-scope page's state: the draft's two lists of sentences, edited as a list page
 * (listPage.ts) edits its lists.
 */
import { OUT_OF_SCOPE_ID } from "../../../functions/contracts/topics.ts";
import { text } from "../i18n.ts";
import { formFromLists, listsFromForm } from "../listsForm.ts";
import { createListPage } from "./listPage.ts";

export const outOfScopePage = createListPage({
  kept: "out-of-scope",
  read: async (client) => {
    const { outOfScope, ...read } = await client.draftOutOfScope();
    return { ...read, lists: outOfScope };
  },
  validate: (client, lists) => client.validateOutOfScope(lists),
  save: (client, lists, base) => client.saveOutOfScope(lists, base),
  revert: (client, base) => client.revertOutOfScope(base),
  toForm: formFromLists,
  fromForm: listsFromForm,
  // Read by field: the same diff entry also carries the "none" test messages, which a discard
  // of the lists does not touch.
  changedIn: (changes) =>
    changes.some(
      (c) =>
        c.id === OUT_OF_SCOPE_ID &&
        !c.kind &&
        (c.fields ?? []).some((f) => f.startsWith("outOfScope.")),
    ),
  texts: () => text.value.outOfScope,
});

export const {
  edit: outOfScopeEdit,
  opened,
  lastSaved,
  unreadable,
  readError,
  problems: outOfScopeProblems,
  counts: outOfScopeCounts,
  saveBlocked: outOfScopeSaveBlocked,
  changed: outOfScopeChanged,
  open: openOutOfScope,
  discardRestored: discardRestoredOutOfScope,
  update: updateOutOfScope,
  save: saveOutOfScope,
  revert: revertOutOfScope,
  openTheirs: openTheirOutOfScope,
  saveMine: saveMyOutOfScope,
} = outOfScopePage;
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
