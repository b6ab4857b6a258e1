/** The topic list: the draft's summaries, the live topic ids, and the search. */
import { batch, computed, signal } from "@preact/signals";
import type { Draft, OutOfScopeHit, SearchHit } from "../api.ts";
import { labelText, type RowLabel, rowLabel } from "../diff.ts";
import { text, type UiText } from "../i18n.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";

export const SEARCH_DEBOUNCE_MS = 300;

export const draft = signal<Draft | undefined>(undefined);
export const liveIds = signal<ReadonlySet<string>>(new Set());
export const listError = signal("");
export const listLoading = signal(false);

export const query = signal("");
export const searchHits = signal<SearchHit[] | undefined>(undefined);
/** Out-of-scope sentences the search matched: the matter has no topic on purpose. */
export const searchOutOfScope = signal<OutOfScopeHit[]>([]);
export const searching = signal(false);
export const searchError = signal("");

/** Every id in the draft, retired ones too (a new topic may not reuse one). */
export const draftIds = computed<ReadonlySet<string>>(
  () => new Set(draft.value?.topics.map((t) => t.id) ?? []),
);
export const changedIds = computed<ReadonlySet<string>>(() => new Set(draft.value?.changed ?? []));
/** Referral groups that differ from the live version. */
export const changedReferralIds = computed<ReadonlySet<string>>(
  () => new Set((draft.value?.changes ?? []).filter((c) => c.kind === "referral").map((c) => c.id)),
);

/**
 * A topic or referral group of the draft named as the Versions page names a change: its title
 * in the studio's language (else the other's) with the id beside it; an id the draft does
 * not have stays an id.
 */
export function draftItemLabel(
  id: string,
  t: UiText,
  kind: "topic" | "referral" = "topic",
): RowLabel {
  const d = draft.value;
  const item =
    kind === "referral"
      ? d?.referrals?.find((group) => group.id === id)
      : d?.topics.find((topic) => topic.id === id);
  const title = item ? { fi: item.fi?.title ?? "", sv: item.sv?.title ?? "" } : undefined;
  return rowLabel({ id, ...(kind === "referral" ? { kind } : {}), ...(title ? { title } : {}) }, t);
}

/** `draftItemLabel` as one text for messages: "Luovutusvoitot (capital-gains)". */
export function draftItemName(id: string, t: UiText, kind: "topic" | "referral" = "topic"): string {
  return labelText(draftItemLabel(id, t, kind));
}

/** A draft older than this is read again when the user moves to another page. */
export const DRAFT_STALE_MS = 30_000;
let draftReadAt = 0;

/**
 * Reads the draft again if it is older than DRAFT_STALE_MS, so what it carries for every page
 * (the versions waiting for review, in the navigation) follows other people's work.
 */
export function refreshStaleDraft(now = Date.now(), options: { background?: boolean } = {}): void {
  if (listLoading.value || now - draftReadAt < DRAFT_STALE_MS) return;
  void loadDraft(options);
}

/** How often an open studio looks whether its draft has gone stale (it reads only then). */
const WATCH_TICK_MS = 5_000;

/**
 * Keeps the draft fresh while the studio is open and in view: a reviewer who stays on one
 * page still sees a new version waiting for them within about half a minute. A hidden tab
 * reads nothing, and reads again as soon as it is shown. These reads are in the background:
 * an expired sign-in does not sign out, and empty, a form being written. Returns the stop.
 */
export function watchDraft(): () => void {
  const visible = () => globalThis.document?.visibilityState !== "hidden";
  const tick = () => {
    if (visible()) refreshStaleDraft(Date.now(), { background: true });
  };
  const timer = setInterval(tick, WATCH_TICK_MS);
  globalThis.document?.addEventListener("visibilitychange", tick);
  return () => {
    clearInterval(timer);
    globalThis.document?.removeEventListener("visibilitychange", tick);
  };
}

/** Counts the draft reads whose answer was kept: which came after a test result did. */
export const draftLoads = signal(0);

/** The draft a test result was made on, as `draftChangedSince` compares it. */
export interface TestedDraft {
  /** The draft's digest the service tested; none from an older service. */
  digest: string | undefined;
  /** `draftLoads` when the result came. */
  loadsBefore: number;
}

/**
 * Notes the draft a result was made on. When the draft read last differs (someone saved
 * meanwhile, or it was read before an edit), it is read again: until then the studio cannot
 * tell which of the two is the newer, and says nothing.
 */
export function draftTested(digest: string | undefined): TestedDraft {
  if (digest !== undefined && draft.value?.digest !== digest) void loadDraft({ background: true });
  return { digest, loadsBefore: draftLoads.value };
}

/**
 * Whether the draft read since the result came is another one than it was made on: the result
 * describes an older draft (an edit saved since), and should be run again.
 */
export function draftChangedSince(tested: TestedDraft | undefined): boolean {
  const now = draft.value?.digest;
  return (
    tested?.digest !== undefined &&
    now !== undefined &&
    now !== tested.digest &&
    draftLoads.value > tested.loadsBefore
  );
}

/** Counts draft reads: only the latest one's answer is kept (a background read may be slow). */
let draftReads = 0;

/**
 * Loads the draft's summaries and the live version's ids (for "changed vs live"); in the
 * `background`, as `call` says, and a failure is not shown: nobody asked, and the list on
 * screen is still the last one read.
 */
export async function loadDraft(options: { background?: boolean } = {}): Promise<void> {
  const mine = ++draftReads;
  listLoading.value = true;
  // From when it was asked: a read that fails is not tried again at every tick.
  draftReadAt = Date.now();
  const [loaded, live] = await Promise.all([
    call(
      (c) => c.draft(),
      (e) => {
        if (mine === draftReads && !options.background) listError.value = errorText(e);
      },
      options,
    ),
    call(
      (c) => c.liveTopics(),
      () => undefined,
      options,
    ),
  ]);
  // A later read was asked for (after a save): its answer is the one to show.
  if (mine !== draftReads) return;
  batch(() => {
    listLoading.value = false;
    if (loaded) {
      draft.value = loaded;
      draftLoads.value++;
      listError.value = "";
    }
    if (live) liveIds.value = new Set(live.topics.map((t) => t.id));
  });
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

/** Sets the search text; the server is asked once typing pauses. */
export function setQuery(value: string): void {
  query.value = value;
  clearTimeout(searchTimer);
  const q = value.trim();
  if (!q) {
    searchSeq++;
    batch(() => {
      searchHits.value = undefined;
      searchOutOfScope.value = [];
      searching.value = false;
      searchError.value = "";
    });
    return;
  }
  searching.value = true;
  searchTimer = setTimeout(() => void runSearch(q), SEARCH_DEBOUNCE_MS);
}

async function runSearch(q: string): Promise<void> {
  const seq = ++searchSeq;
  const result = await call(
    (c) => c.search(q),
    (e) => {
      if (seq === searchSeq) searchError.value = errorText(e);
    },
  );
  if (seq !== searchSeq) return;
  batch(() => {
    searching.value = false;
    if (result) {
      searchHits.value = result.topics;
      searchOutOfScope.value = result.outOfScope ?? [];
      searchError.value = "";
      announce(text.value.searchCount(result.topics.length, q));
    }
  });
}

onSignOut(() => {
  clearTimeout(searchTimer);
  draftReadAt = 0;
  searchSeq++;
  draft.value = undefined;
  liveIds.value = new Set();
  listError.value = "";
  query.value = "";
  searchHits.value = undefined;
  searchOutOfScope.value = [];
  searching.value = false;
  searchError.value = "";
});
