import type { UncoveredCase } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { ContentBundle, ScopeContent } from "./bundle.ts";
import type { AuditEntry, LivePointer, VersionMeta, VersionState } from "./versions.ts";

/** Who last changed a draft topic, and whether it is retired in the draft. */
export interface DraftTopicMeta {
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
  retired: boolean;
  /**
   * Changes with every write of the item, so that an editor can save over exactly what it
   * read (`DraftExpectation`). Items written before revisions existed have none.
   */
  revision?: string;
}

/**
 * A new topic saved unfinished (`PUT draft/topics/{id}?inProgress=true`): its body as the
 * studio sent it, which need not pass the rules yet, and how many errors the rules found in it
 * when it was saved (told in the topics list without running the rules on every read).
 */
export interface InProgressTopic {
  body: Readonly<Record<string, unknown>>;
  problems: number;
}

/**
 * What a draft write expects to replace: the item at the revision its writer read
 * (`undefined`: an item written before items had revisions), or no item at all. Two content
 * owners, or an owner and the inbox, editing one topic would otherwise overwrite each other's
 * saved work without either knowing.
 */
export type DraftExpectation = { revision: string | undefined } | { absent: true };

/**
 * The shared draft: a whole bundle, plus who touched each topic and referral group and the
 * out-of-scope examples.
 */
export interface Draft {
  bundle: ContentBundle;
  /** Topics retired in the draft keep their last content here, out of the bundle. */
  retired: ContentBundle["topics"];
  /**
   * Topics saved unfinished, by id, kept out of the bundle as retired ones are: nothing
   * trains on them, tests them or publishes them until a save that passes the rules finishes
   * them. Such a topic is usually in no other part of the draft; one the bundle has as well
   * (a rollback or an import brought a topic of that id in meanwhile) keeps the owner's work
   * beside it. None in a draft stored before topics could be saved unfinished.
   */
  inProgress?: ReadonlyMap<string, InProgressTopic>;
  meta: ReadonlyMap<string, DraftTopicMeta>;
  /** Who last changed each referral group (referral ids are apart from topic ids). */
  referralMeta: ReadonlyMap<string, DraftTopicMeta>;
  /**
   * Who last changed the out-of-scope examples, and their revision; none in a draft stored
   * before they had one (it was then only ever written with the whole draft).
   */
  scopeMeta?: DraftTopicMeta;
  /**
   * Who last changed the uncovered questions, and their revision; none while the draft has
   * no stored set of its own yet (a draft stored before the set was edited in the studio).
   */
  uncoveredMeta?: DraftTopicMeta;
}

/** A page of the version history: versions older than `before`, at most `limit`. */
export interface VersionPage {
  before?: number;
  limit?: number;
}

/**
 * A page of the audit trail to read: at most `limit` entries older than `before` (the `next`
 * of the page before), newest first; with `topic` or `referral` only that item's entries.
 */
export interface AuditQuery {
  limit: number;
  before?: string;
  topic?: string;
  referral?: string;
  /** Only the out-of-scope lists' entries. */
  outOfScope?: true;
  /** Only the uncovered questions' entries. */
  uncovered?: true;
}

/** Entries of the audit trail, newest first, and where the following page starts. */
export interface AuditPage {
  entries: AuditEntry[];
  /**
   * Absent when nothing older is left. Present, the following page may still be short or
   * empty: a filtered read stops after examining `AUDIT_EXAMINED_PER_READ` entries.
   */
  next?: string;
}

/**
 * How many entries one read of the audit trail examines at most. A filtered read (one
 * topic's history) otherwise reads years of other topics' entries to fill its page; this
 * keeps one request's work bounded, and the page's `next` lets the reader go on.
 */
export const AUDIT_EXAMINED_PER_READ = 2_000;

/** What a content store may be built with; tests make the audit read's bound small. */
export interface ContentStoreOptions {
  auditExaminedPerRead?: number;
}

/**
 * A position in the audit trail, as `before` and `next` carry it: an entry's time and a ULID
 * that orders entries of the same time, `<iso time>#<ulid>` (the DynamoDB sort key).
 */
const AUDIT_POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z#[0-9A-HJKMNP-TV-Z]{26}$/;

/** Whether `text` is a position in the audit trail (a page's `next`). */
export function isAuditPosition(text: string): boolean {
  return AUDIT_POSITION.test(text);
}

/** One referral group of the draft as stored: without `group` it is removed from the draft. */
export interface DraftReferralWrite {
  id: string;
  group?: ContentBundle["referrals"][number];
  meta: DraftTopicMeta;
}

/**
 * The draft's out-of-scope examples, as edited on their own. The "none" held-out messages
 * stored beside them are no part of the write: a save of the lists leaves them as they are.
 */
export interface DraftOutOfScopeWrite {
  outOfScope: Record<Lang, string[]>;
  meta: DraftTopicMeta;
}

/** The draft's uncovered questions, both languages written as one item. */
export interface DraftUncoveredWrite {
  uncovered: Record<Lang, UncoveredCase[]>;
  meta: DraftTopicMeta;
}

/** One topic of the draft with its held-out messages, as stored and edited together. */
export interface DraftTopicWrite {
  topic: ContentBundle["topics"][number];
  tests: { fi: string[]; sv: string[] };
  dev: { fi: string[]; sv: string[] };
  meta: DraftTopicMeta;
  /**
   * Unfinished work kept with the topic (a rebase bringing in a topic whose id an owner has in
   * progress). None: the item has none, so a save that passes the rules finishes the topic.
   */
  inProgress?: InProgressTopic;
}

/**
 * A topic's unfinished work as its whole draft item, nothing of it in the bundle; without
 * `inProgress` the item is removed (an unfinished topic discarded).
 */
export interface DraftInProgressWrite {
  id: string;
  inProgress?: InProgressTopic;
  meta: DraftTopicMeta;
}

/** The draft's out-of-scope examples and `none` messages, written as one item. */
export interface DraftScopeWrite extends ScopeContent {
  meta: DraftTopicMeta;
}

/**
 * Where content versions, the draft and the audit trail live. Adapters: DynamoDB (the
 * `content` table), in memory (domain tests). Versions are written whole before their meta,
 * so a listed version can always be read. `versionBundle` and `draft` hand out a shared,
 * frozen copy (`deepFreeze`): every publishing round reads them several times, and a copy
 * per call was milliseconds of the chats' thread each; a caller that needs to change one
 * builds a new one (`withTopic`, `withReferral`).
 */
export interface ContentStore {
  live(): Promise<LivePointer | undefined>;
  /** Next version number; never the same twice, also across service tasks. */
  nextVersionNumber(): Promise<number>;
  putVersion(meta: VersionMeta, bundle: ContentBundle): Promise<void>;
  versionMeta(version: number): Promise<VersionMeta | undefined>;
  versionBundle(version: number): Promise<ContentBundle | undefined>;
  /**
   * Newest first: every version, or a page of at most `limit` older than `before`. The
   * history grows for years, so the studio reads it a page at a time.
   */
  listVersions(page?: VersionPage): Promise<VersionMeta[]>;
  /**
   * The versions in `state`, newest first, read consistently: approvals decide on the
   * versions being built, and must not read the whole history to find them.
   */
  versionsIn(state: VersionState): Promise<VersionMeta[]>;
  /**
   * Moves a version's state only if it is still `from`; false when someone else moved it
   * first (two reviewers approving at once).
   */
  transition(
    version: number,
    from: VersionState,
    patch: Partial<VersionMeta> & { state: VersionState },
  ): Promise<boolean>;
  /** Points live at `version` if it still points at `expected` (none: first seed). */
  setLive(pointer: LivePointer, expected: number | undefined): Promise<boolean>;

  draft(): Promise<Draft | undefined>;
  /**
   * Writes one topic of the draft; with `expected`, only if its stored item is as expected.
   * False when it was not, and nothing was written. Each write's `meta.revision` is new: a
   * write whose item already carries its revision was made before (a request retried after
   * its answer was lost) and counts as made.
   */
  putDraftTopic(write: DraftTopicWrite, expected?: DraftExpectation): Promise<boolean>;
  /**
   * Writes a topic's unfinished work as its whole item (taking it out of the bundle and out of
   * the retired topics), or removes the item; as `putDraftTopic`.
   */
  putDraftInProgress(write: DraftInProgressWrite, expected?: DraftExpectation): Promise<boolean>;
  /** Writes or removes one referral group of the draft, as `putDraftTopic`. */
  putDraftReferral(write: DraftReferralWrite, expected?: DraftExpectation): Promise<boolean>;
  /** Writes the draft's out-of-scope item, as `putDraftTopic`. */
  putDraftScope(write: DraftScopeWrite, expected?: DraftExpectation): Promise<boolean>;
  /**
   * Writes the draft's out-of-scope examples, as `putDraftTopic`; the "none" held-out
   * messages kept with them stay as they are.
   */
  putDraftOutOfScope(write: DraftOutOfScopeWrite, expected?: DraftExpectation): Promise<boolean>;
  /**
   * Writes the draft's uncovered questions, both languages at once, as `putDraftTopic`; a
   * draft without a set of its own (`uncoveredMeta`) has no item to expect a revision of.
   */
  putDraftUncovered(write: DraftUncoveredWrite, expected?: DraftExpectation): Promise<boolean>;
  /**
   * Replaces the whole draft (seed, import). Every item gets `meta`'s
   * revision, new: a form opened on the draft before is then told the item changed. Topics in
   * progress are kept: their owners' work is in no file an import could bring back. One that
   * `bundle` has too keeps its work beside it.
   */
  replaceDraft(bundle: ContentBundle, meta: DraftTopicMeta & { revision: string }): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  /**
   * A page of the trail, newest first; entries of the same time, the later written first.
   * Examines at most `AUDIT_EXAMINED_PER_READ` entries (or the store's own bound): with a
   * filter, a page may hold fewer than `limit` entries, and `next` says where to go on.
   */
  auditTrail(query: AuditQuery): Promise<AuditPage>;
}
