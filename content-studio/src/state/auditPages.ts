/**
 * The audit trail a page at a time: the Versions page's (every item) and an editor's change
 * history (one topic or referral group). Each keeps the entries shown and where the next page
 * starts; "show older" appends that page and says how many it brought.
 */
import { batch, signal } from "@preact/signals";
import type { AuditEntry, AuditOf } from "../api.ts";
import { text } from "../i18n.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";

/** The most one read asks for (the API's own limit). */
const MOST_PER_READ = 500;

/** Whether two asks are for the same item's entries (or both for every item's). */
export function sameItem(a: AuditOf, b: AuditOf): boolean {
  return (
    a.topic === b.topic &&
    a.referral === b.referral &&
    a.outOfScope === b.outOfScope &&
    a.uncovered === b.uncovered
  );
}

/** One view of the audit trail, `pageSize` entries at a time. */
export function createAuditPages(pageSize: number) {
  /** The entries shown, newest first; undefined until the first page is read. */
  const entries = signal<AuditEntry[] | undefined>(undefined);
  /** Where the next older page starts; undefined when nothing older is left. */
  const next = signal<string | undefined>(undefined);
  const error = signal("");
  const loadingOlder = signal(false);
  /** Whose entries are shown. */
  const of = signal<AuditOf>({});
  // A later read (or another item) makes an earlier read's answer stale.
  let reads = 0;

  function reset(item: AuditOf = {}): void {
    reads++;
    batch(() => {
      of.value = item;
      entries.value = undefined;
      next.value = undefined;
      error.value = "";
      loadingOlder.value = false;
    });
  }

  /**
   * Reads the newest entries of `item` (by default the one shown). Read again for the same
   * item, it keeps as many entries as were shown, so older pages opened stay open.
   */
  async function load(item: AuditOf = of.peek()): Promise<void> {
    if (!sameItem(item, of.peek())) reset(item);
    const shown = entries.peek()?.length ?? 0;
    const read = ++reads;
    const page = await call(
      (c) => c.audit({ limit: Math.min(MOST_PER_READ, Math.max(pageSize, shown)), ...item }),
      (e) => {
        if (read === reads) error.value = errorText(e);
      },
    );
    if (!page || read !== reads) return;
    batch(() => {
      entries.value = page.entries;
      next.value = page.next;
      error.value = "";
      loadingOlder.value = false;
    });
  }

  /**
   * Appends the next older page and announces what it brought. Resolves to the index of its
   * first entry, for the view to move focus there; undefined when it brought none.
   */
  async function loadOlder(): Promise<number | undefined> {
    const shown = entries.peek();
    const before = next.peek();
    if (!shown || before === undefined || loadingOlder.peek()) return undefined;
    loadingOlder.value = true;
    const read = reads;
    const page = await call(
      (c) => c.audit({ limit: pageSize, before, ...of.peek() }),
      (e) => {
        if (read === reads) error.value = errorText(e);
      },
    );
    // Read again or switched to another item meanwhile: this page belongs to neither.
    if (read !== reads) return undefined;
    loadingOlder.value = false;
    if (!page) return undefined;
    batch(() => {
      entries.value = [...shown, ...page.entries];
      next.value = page.next;
      error.value = "";
    });
    const t = text.value;
    const added = page.entries.length;
    // A filtered page may come back empty and still lead on (the server reads a bounded
    // stretch of the trail per request): say so, rather than that nothing is left.
    announce(added ? t.olderEntriesLoaded(added) : page.next ? t.noneInStretch : t.noOlderEntries);
    return added ? shown.length : undefined;
  }

  onSignOut(() => reset());
  return { entries, next, error, loadingOlder, of, load, loadOlder, reset };
}

export type AuditPages = ReturnType<typeof createAuditPages>;

/** How many entries an editor's change history shows at first and adds with each "older". */
export const HISTORY_PAGE = 20;
/** The change history of the topic or referral group open in an editor. */
export const itemHistory = createAuditPages(HISTORY_PAGE);
/** Which item's history is open (`topic:<id>`, `referral:<id>`); each opens closed. */
export const historyOpen = signal<string | undefined>(undefined);

onSignOut(() => {
  historyOpen.value = undefined;
});
