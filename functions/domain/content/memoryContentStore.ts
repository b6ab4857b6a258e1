import { monotonicFactory } from "ulid";
import { type ContentBundle, withReferral, withScope, withTopic } from "./bundle.ts";
import {
  AUDIT_EXAMINED_PER_READ,
  type AuditQuery,
  type ContentStore,
  type ContentStoreOptions,
  type Draft,
  type DraftExpectation,
  type DraftTopicMeta,
  type InProgressTopic,
} from "./contentStore.ts";
import { deepFreeze } from "./frozen.ts";
import type { AuditEntry, LivePointer, VersionMeta } from "./versions.ts";

const copy = <T>(value: T): T => structuredClone(value);

/** The content store in memory: domain tests and tools that need no database. */
export function createMemoryContentStore(options: ContentStoreOptions = {}): ContentStore {
  const examinedPerRead = options.auditExaminedPerRead ?? AUDIT_EXAMINED_PER_READ;
  // Positions as DynamoDB's sort keys (`<at>#<ulid>`), so both stores page alike.
  const nextUlid = monotonicFactory();
  let live: LivePointer | undefined;
  let counter = 0;
  const metas = new Map<number, VersionMeta>();
  const bundles = new Map<number, ContentBundle>();
  let draft: Draft | undefined;
  /** Oldest position first, as written; positions of one time follow the order written. */
  const trail: { position: string; entry: AuditEntry }[] = [];
  const newestFirst = () => [...metas.values()].sort((a, b) => b.version - a.version);

  /**
   * Writes one draft item if it is as `expected`: `item` says whether the draft has it and its
   * meta, `next` gives the draft with the write made. A refused write that finds its own
   * revision was made before (a retried request).
   */
  function putItem(
    expected: DraftExpectation | undefined,
    meta: DraftTopicMeta,
    item: (current: Draft) => { stored: boolean; now: DraftTopicMeta | undefined },
    next: (current: Draft) => Draft,
  ): boolean {
    const current = draft ?? emptyDraft();
    const { stored, now } = item(current);
    if (!asExpected(expected, stored, now)) return madeBefore(stored, now, meta);
    draft = deepFreeze(next(current));
    return true;
  }

  /** The scope item: a stored draft always has it, as DynamoDB's always does. */
  const scopeItem = (current: Draft) => ({ stored: draft !== undefined, now: current.scopeMeta });

  return {
    live: async () => copy(live),
    nextVersionNumber: async () => ++counter,
    async putVersion(meta, bundle) {
      bundles.set(meta.version, deepFreeze(copy(bundle)));
      metas.set(meta.version, copy(meta));
    },
    versionMeta: async (version) => copy(metas.get(version)),
    // Shared and frozen, as ContentStore says.
    versionBundle: async (version) => bundles.get(version),
    async listVersions(page = {}) {
      const older = newestFirst().filter(
        (m) => page.before === undefined || m.version < page.before,
      );
      return older.slice(0, page.limit ?? older.length).map(copy);
    },
    versionsIn: async (state) =>
      newestFirst()
        .filter((m) => m.state === state)
        .map(copy),
    async transition(version, from, patch) {
      const meta = metas.get(version);
      if (!meta || meta.state !== from) return false;
      metas.set(version, { ...meta, ...copy(patch) });
      return true;
    },
    async setLive(pointer, expected) {
      if (live?.version !== expected) return false;
      live = copy(pointer);
      return true;
    },
    draft: async () => draft,
    async putDraftTopic(write, expected) {
      const { topic, tests, dev, meta, inProgress } = copy(write);
      return putItem(
        expected,
        meta,
        (current) => topicItem(current, topic.id),
        (current) => ({
          ...current,
          bundle: meta.retired
            ? withTopic(current.bundle, topic.id, undefined, undefined)
            : withTopic(current.bundle, topic.id, topic, { tests, dev }),
          retired: [
            ...current.retired.filter((t) => t.id !== topic.id),
            ...(meta.retired ? [topic] : []),
          ],
          inProgress: withWork(current, topic.id, inProgress),
          meta: new Map(current.meta).set(topic.id, meta),
        }),
      );
    },
    async putDraftInProgress(write, expected) {
      const { id, inProgress, meta } = copy(write);
      return putItem(
        expected,
        meta,
        (current) => topicItem(current, id),
        (current) => {
          const metas = new Map(current.meta);
          // A discarded unfinished topic has no item, as in DynamoDB.
          if (inProgress) metas.set(id, meta);
          else metas.delete(id);
          return {
            ...current,
            bundle: withTopic(current.bundle, id, undefined, undefined),
            retired: current.retired.filter((t) => t.id !== id),
            inProgress: withWork(current, id, inProgress),
            meta: metas,
          };
        },
      );
    },
    async putDraftReferral(write, expected) {
      const { group, meta } = copy(write);
      return putItem(
        expected,
        meta,
        (current) => ({
          stored: current.bundle.referrals.some((r) => r.id === write.id),
          now: current.referralMeta.get(write.id),
        }),
        (current) => {
          const referralMeta = new Map(current.referralMeta);
          // A removed group has no item, as in DynamoDB: nothing of it is left to expect.
          if (group) referralMeta.set(write.id, meta);
          else referralMeta.delete(write.id);
          return {
            ...current,
            bundle: withReferral(current.bundle, write.id, group),
            referralMeta,
          };
        },
      );
    },
    async putDraftScope(write, expected) {
      const { meta, ...scope } = copy(write);
      return putItem(expected, meta, scopeItem, (current) => ({
        ...current,
        bundle: withScope(current.bundle, scope),
        scopeMeta: meta,
      }));
    },
    async putDraftOutOfScope(write, expected) {
      const { outOfScope, meta } = copy(write);
      return putItem(expected, meta, scopeItem, (current) => ({
        ...current,
        bundle: { ...current.bundle, outOfScope },
        scopeMeta: meta,
      }));
    },
    async putDraftUncovered(write, expected) {
      const { uncovered, meta } = copy(write);
      return putItem(
        expected,
        meta,
        // Stored once written: by an import that had the set, or by a save of it.
        (current) => ({ stored: current.uncoveredMeta !== undefined, now: current.uncoveredMeta }),
        (current) => ({
          ...current,
          bundle: { ...current.bundle, uncovered },
          uncoveredMeta: meta,
        }),
      );
    },
    async replaceDraft(bundle: ContentBundle, meta: DraftTopicMeta & { revision: string }) {
      // Unfinished topics stay, as DynamoDB's items of them do; one the bundle has gets the
      // new revision with the bundle's topic, the rest keep theirs.
      const kept = draft?.inProgress ?? new Map();
      const metas = new Map<string, DraftTopicMeta>(bundle.topics.map((t) => [t.id, { ...meta }]));
      for (const id of kept.keys()) {
        const before = draft?.meta.get(id);
        if (!metas.has(id) && before) metas.set(id, before);
      }
      draft = deepFreeze({
        bundle: copy(bundle),
        retired: [],
        ...(kept.size > 0 ? { inProgress: new Map(kept) } : {}),
        meta: metas,
        referralMeta: new Map(bundle.referrals.map((r) => [r.id, { ...meta }])),
        scopeMeta: { ...meta },
        // As DynamoDB's: only a bundle that has the set writes its item.
        ...(bundle.uncovered ? { uncoveredMeta: { ...meta } } : {}),
      });
    },
    async audit(entry) {
      trail.push({ position: `${entry.at}#${nextUlid()}`, entry: copy(entry) });
    },
    async auditTrail(query) {
      const older = trail
        .filter((kept) => query.before === undefined || kept.position < query.before)
        .sort((a, b) => (a.position < b.position ? 1 : -1));
      // What one DynamoDB read examines: the bound's worth of entries, the filter after.
      const examined = older.slice(0, examinedPerRead);
      const found = examined.filter(({ entry }) => ofItem(entry, query));
      const entries = found.slice(0, query.limit).map(({ entry }) => copy(entry));
      const last = found[query.limit - 1];
      if (found.length > query.limit && last) return { entries, next: last.position };
      const lastExamined = examined.at(-1);
      if (older.length > examined.length && lastExamined) {
        return { entries, next: lastExamined.position };
      }
      return { entries };
    },
  };
}

/** Whether the draft has an item for topic `id` (in use, retired or in progress), and its meta. */
function topicItem(current: Draft, id: string) {
  return {
    stored:
      [...current.bundle.topics, ...current.retired].some((t) => t.id === id) ||
      Boolean(current.inProgress?.has(id)),
    now: current.meta.get(id),
  };
}

/** The draft's unfinished topics with topic `id`'s work set to `work` (none: without it). */
function withWork(
  current: Draft,
  id: string,
  work: InProgressTopic | undefined,
): ReadonlyMap<string, InProgressTopic> {
  const next = new Map(current.inProgress);
  if (work) next.set(id, work);
  else next.delete(id);
  return next;
}

/**
 * Whether an audit entry is of the topic, referral group, out-of-scope lists or uncovered
 * questions `query` asks for (any, if none).
 */
function ofItem(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.topic !== undefined && entry.topic !== query.topic) return false;
  if (query.outOfScope && entry.outOfScope !== true) return false;
  if (query.uncovered && entry.uncovered !== true) return false;
  return query.referral === undefined || entry.referral === query.referral;
}

/**
 * A refused write whose item already carries its revision was made before: a retried
 * request, as DynamoDB's store meets it (the contract keeps the two stores alike).
 */
function madeBefore(stored: boolean, now: { revision?: string } | undefined, meta: DraftTopicMeta) {
  return stored && meta.revision !== undefined && now?.revision === meta.revision;
}

/** Whether a draft item (`stored`, with `meta`) is what a conditional write expects. */
function asExpected(
  expected: DraftExpectation | undefined,
  stored: boolean,
  meta: { revision?: string } | undefined,
): boolean {
  if (!expected) return true;
  if ("absent" in expected) return !stored;
  return stored && meta?.revision === expected.revision;
}

function emptyDraft(): Draft {
  return { bundle: emptyBundle(), retired: [], meta: new Map(), referralMeta: new Map() };
}

function emptyBundle(): ContentBundle {
  return {
    topics: [],
    outOfScope: { fi: [], sv: [] },
    referrals: [],
    tests: { fi: [], sv: [] },
    dev: { fi: [], sv: [] },
  };
}
