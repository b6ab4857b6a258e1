import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { monotonicFactory } from "ulid";
import type { ReferralGroup, TopicFile, UncoveredCase } from "../../contracts/content.ts";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { ContentBundle, HeldOutCase } from "../../domain/content/bundle.ts";
import {
  AUDIT_EXAMINED_PER_READ,
  type AuditPage,
  type AuditQuery,
  type ContentStore,
  type ContentStoreOptions,
  type Draft,
  type DraftExpectation,
  type DraftInProgressWrite,
  type DraftOutOfScopeWrite,
  type DraftReferralWrite,
  type DraftScopeWrite,
  type DraftTopicMeta,
  type DraftTopicWrite,
  type DraftUncoveredWrite,
  type InProgressTopic,
} from "../../domain/content/contentStore.ts";
import { deepFreeze } from "../../domain/content/frozen.ts";
import type { AuditEntry, LivePointer, VersionMeta } from "../../domain/content/versions.ts";
import { RecentlyUsed } from "../../domain/recentlyUsed.ts";
import { writeIf } from "./conditional.ts";
import { queryAll } from "./queryAll.ts";

/*
 * Layout of the content table (pk / sk):
 *   live      / pointer          the live version
 *   counter   / version          last version number handed out
 *   versions  / v#000042         a version's meta (written after its content)
 *   v#000042  / gz#000           the whole version as gzipped JSON, in parts of at most 300 kB
 *   (versions stored before session 16 instead have, and are still read from:)
 *   v#000042  / topic#<id>       one topic with its held-out messages
 *   v#000042  / scope            out-of-scope examples and the "none" held-out messages
 *   v#000042  / referral#<id>    one referral group (versions stored before referrals have none)
 *   draft     / topic#<id>       the same, plus who changed it and whether it is retired;
 *                                a topic saved unfinished has `inProgress` (its body as sent,
 *                                as JSON text: it need not fit the content's shape, nor
 *                                DynamoDB's nesting limits) and `problems`, and usually no
 *                                topic (one a rollback or import brought in has both)
 *   draft     / scope            the same, plus who changed it and its revision
 *   draft     / referral#<id>    the same, plus who changed it
 *   draft     / uncovered        the uncovered questions of both languages, plus who changed
 *                                them and their revision (a draft written before the set was
 *                                kept has none; a version keeps them in its gzipped JSON)
 *   (drafts written before the studio edited the set instead have, and are still read from
 *   while they have no `uncovered` item; an import removes them:)
 *   draft     / uncovered#<lang> the uncovered questions of one language
 *   draft     / rev              moved by every draft write (processes cache the draft by it)
 *   audit     / <iso time>#<ulid> one audit entry
 * One item per topic keeps every draft item far below DynamoDB's 400 KB and lets a save touch
 * one. The uncovered set (2 x 72 questions, ~9 kB) is one item because a save replaces both
 * languages: one conditional write, with nothing half-written between two. A
 * version is never edited: compressed, its ~310 kB of JSON is one item of ~85 kB, a quarter
 * of the write and read capacity, and one request instead of a batch per 25 topics.
 */

type Split = Record<Lang, string[]>;
interface TopicItem {
  topic: TopicFile;
  tests: Split;
  dev: Split;
}
/** A topic's draft item: unfinished work alone has no topic, tests or dev. */
type DraftTopicItem = Partial<TopicItem> &
  DraftTopicMeta & { sk: string; inProgress?: string; problems?: number };
interface ReferralItem {
  referral: ReferralGroup;
}
interface ScopeItem {
  outOfScope: Split;
  tests: Split;
  dev: Split;
}
interface UncoveredItem {
  uncovered: Record<Lang, UncoveredCase[]>;
}
/** One language of the set, as drafts stored it before the studio edited the set. */
interface UncoveredLangItem {
  lang: Lang;
  cases: UncoveredCase[];
}
const UNCOVERED_SK = "uncovered";
/** The "none" held-out lists of a scope item written without them. */
const NO_HELD_OUT: Split = { fi: [], sv: [] };

const versionKey = (version: number) => `v#${String(version).padStart(6, "0")}`;
const WRITE_BATCH = 25;
/** Under DynamoDB's 400 KB item limit with room for the keys. */
const VERSION_PART_BYTES = 300_000;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const CACHED_VERSIONS = 4;

function cases(items: { id: string; texts: Split }[], lang: Lang): HeldOutCase[] {
  return items.flatMap(({ id, texts }) => texts[lang].map((text) => ({ text, intent: id })));
}

/** A bundle as items: one per topic and one for what belongs to no topic. */
function toItems(bundle: ContentBundle): { topics: TopicItem[]; scope: ScopeItem } {
  const texts = (list: Record<Lang, HeldOutCase[]>, id: string): Split => ({
    fi: list.fi.filter((c) => c.intent === id).map((c) => c.text),
    sv: list.sv.filter((c) => c.intent === id).map((c) => c.text),
  });
  return {
    topics: bundle.topics.map((topic) => ({
      topic,
      tests: texts(bundle.tests, topic.id),
      dev: texts(bundle.dev, topic.id),
    })),
    scope: {
      outOfScope: bundle.outOfScope,
      tests: texts(bundle.tests, "none"),
      dev: texts(bundle.dev, "none"),
    },
  };
}

function fromItems(
  topics: TopicItem[],
  scope: ScopeItem | undefined,
  referrals: ReferralItem[],
): ContentBundle {
  const heldOut = (split: "tests" | "dev") =>
    Object.fromEntries(
      LANGS.map((lang) => [
        lang,
        [
          ...cases(
            topics.map((t) => ({ id: t.topic.id, texts: t[split] })),
            lang,
          ),
          ...cases(scope ? [{ id: "none", texts: scope[split] }] : [], lang),
        ],
      ]),
    ) as Record<Lang, HeldOutCase[]>;
  return {
    topics: topics.map((t) => t.topic),
    outOfScope: scope?.outOfScope ?? { fi: [], sv: [] },
    // A version stored before referral groups existed has no referral items: none.
    referrals: referrals.map((r) => r.referral),
    tests: heldOut("tests"),
    dev: heldOut("dev"),
  };
}

/** The content workflow's store in DynamoDB (the `content` table). */
export function createDynamoContentStore(
  doc: DynamoDBDocumentClient,
  table: string,
  options: ContentStoreOptions = {},
): ContentStore {
  const examinedPerRead = options.auditExaminedPerRead ?? AUDIT_EXAMINED_PER_READ;
  // Entries of one time that this process writes sort in the order written (ContentStore).
  const nextUlid = monotonicFactory();
  // A version's content never changes once written: the last few read stay in memory, so the
  // live version (read by nearly every studio call) is not fetched and unmarshalled each time.
  const versions = new RecentlyUsed<number, Promise<ContentBundle | undefined>>(CACHED_VERSIONS);

  function remember(version: number, read: Promise<ContentBundle | undefined>): void {
    versions.set(version, read);
    // Not found or failed is not remembered: the version may be written a moment later.
    read.then(
      (bundle) => bundle ?? versions.delete(version),
      () => versions.delete(version),
    );
  }

  // The draft is read by nearly every studio call and is ~310 kB: this process keeps the last
  // one read, under the revision every draft write moves (pk draft, sk rev), and reads it
  // again only when another write (of any process) has moved the revision.
  let cachedDraft: DraftCache | undefined;

  async function draftRevision(): Promise<number> {
    const out = await doc.send(
      new GetCommand({ TableName: table, Key: { pk: "draft", sk: "rev" }, ConsistentRead: true }),
    );
    return (out.Item?.n as number | undefined) ?? 0;
  }

  async function bumpDraftRevision(): Promise<number> {
    const out = await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: "draft", sk: "rev" },
        UpdateExpression: "ADD n :one",
        ExpressionAttributeValues: { ":one": 1 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return out.Attributes?.n as number;
  }

  /**
   * This process wrote one draft item (`item`, or deleted `sk`) and then moved the revision
   * to `rev`. If the cache held the revision just before, no other write was counted in
   * between, so the cache takes the item instead of the next read fetching all ~310 kB again
   * (a content owner's every save, then publish, read it whole). A write of another process
   * whose revision comes later still moves the revision past this one, and is read then. An
   * update that set some attributes gives the item it makes of the cache's one instead.
   */
  function writeThrough(
    rev: number,
    sk: string,
    item:
      | Record<string, unknown>
      | undefined
      | ((cached: Record<string, unknown> | undefined) => Record<string, unknown>),
  ) {
    if (cachedDraft?.rev !== rev - 1) return;
    const items = new Map(cachedDraft.items);
    const written = typeof item === "function" ? item(items.get(sk)) : item;
    // Only the written item is copied; the rest are the cache's own already.
    if (written) items.set(sk, asRead([written])[0] as Record<string, unknown>);
    else items.delete(sk);
    cachedDraft = { rev, items: new Map([...items].sort(([a], [b]) => byKey(a, b))) };
  }

  /**
   * A conditional draft write found the item changed: the cache may predate that change (its
   * writer moves the revision only after the item), so the next read fetches the draft whole.
   */
  function refused(): false {
    cachedDraft = undefined;
    return false;
  }

  /**
   * Sends a draft item's conditional write. Refused, it may still have been made: the SDK
   * retries an attempt whose answer was lost (a timeout, a reset connection), and if DynamoDB
   * had made that attempt, the retry meets the write's own revision and fails its condition.
   * Every put gives its item a revision of its own, so the item carrying it means the write
   * was made. A delete leaves nothing to tell by: its refusal stands, and the editor is told
   * the item is gone, which is true.
   */
  async function writeDraftItem(
    command: PutCommand | UpdateCommand | DeleteCommand,
    sk: string,
    revision: string | undefined,
  ): Promise<boolean> {
    if (await writeIf(doc, command)) return true;
    if (revision === undefined) return false;
    const out = await doc.send(
      new GetCommand({
        TableName: table,
        Key: { pk: "draft", sk },
        ProjectionExpression: "revision",
        ConsistentRead: true,
      }),
    );
    return out.Item?.revision === revision;
  }

  /** Puts one whole draft item (`sk` under the draft) if it is as `expected`. */
  async function putDraftItem(
    fields: { sk: string; revision?: string | undefined } & Record<string, unknown>,
    expected: DraftExpectation | undefined,
  ): Promise<boolean> {
    const Item = { pk: "draft", ...fields };
    const put = new PutCommand({ TableName: table, Item, ...draftCondition(expected) });
    if (!(await writeDraftItem(put, Item.sk, Item.revision))) return refused();
    writeThrough(await bumpDraftRevision(), Item.sk, Item);
    return true;
  }

  /** Puts `Item` at `Key` under the draft, or deletes what is there without one, if as `expected`. */
  async function putOrDeleteDraftItem(
    Key: { pk: string; sk: string },
    Item: ({ revision?: string | undefined } & Record<string, unknown>) | undefined,
    expected: DraftExpectation | undefined,
  ): Promise<boolean> {
    const condition = draftCondition(expected);
    const command = Item
      ? new PutCommand({ TableName: table, Item, ...condition })
      : new DeleteCommand({ TableName: table, Key, ...condition });
    if (!(await writeDraftItem(command, Key.sk, Item?.revision))) return refused();
    writeThrough(await bumpDraftRevision(), Key.sk, Item);
    return true;
  }

  async function writeAll(items: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < items.length; i += WRITE_BATCH) {
      let pending = items.slice(i, i + WRITE_BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 6) throw new Error("DynamoDB kept items unprocessed; try again");
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  }

  async function deleteAll(keys: { pk: string; sk: string }[]): Promise<void> {
    for (let i = 0; i < keys.length; i += WRITE_BATCH) {
      const batch = keys.slice(i, i + WRITE_BATCH).map((Key) => ({ DeleteRequest: { Key } }));
      await doc.send(new BatchWriteCommand({ RequestItems: { [table]: batch } }));
    }
  }

  async function partition(pk: string): Promise<Record<string, unknown>[]> {
    return queryAll(doc, {
      TableName: table,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
      ConsistentRead: true,
    });
  }

  /** A bundle's items under `pk`; in the draft each carries `meta` (who wrote it, its revision). */
  function bundleItems(pk: string, bundle: ContentBundle, meta?: DraftTopicMeta) {
    const { topics, scope } = toItems(bundle);
    const { uncovered } = bundle;
    return [
      ...topics.map((t) => ({ pk, sk: `topic#${t.topic.id}`, ...t, ...meta })),
      ...(bundle.referrals ?? []).map((referral) => ({
        pk,
        sk: `referral#${referral.id}`,
        referral,
        ...meta,
      })),
      { pk, sk: "scope", ...scope, ...meta },
      // Only a bundle that has the set writes it: one read from an older version has none.
      ...(uncovered ? [{ pk, sk: UNCOVERED_SK, uncovered, ...meta }] : []),
    ];
  }

  return {
    async live() {
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: { pk: "live", sk: "pointer" },
          ConsistentRead: true,
        }),
      );
      return out.Item
        ? { version: out.Item.version as number, since: out.Item.since as string }
        : undefined;
    },

    async nextVersionNumber() {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: "counter", sk: "version" },
          UpdateExpression: "ADD n :one",
          ExpressionAttributeValues: { ":one": 1 },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return out.Attributes?.n as number;
    },

    async putVersion(meta, bundle) {
      const key = versionKey(meta.version);
      // What a read gives back (topics in key order, undefined fields dropped) is what is
      // stored, so every process trains the same recogniser from it.
      const stored = bundleFromItems(asRead(bundleItems(key, bundle)));
      const packed = await gzipAsync(JSON.stringify(stored));
      const parts: Record<string, unknown>[] = [];
      for (let at = 0, n = 0; at < packed.length; at += VERSION_PART_BYTES, n++) {
        const sk = `gz#${String(n).padStart(3, "0")}`;
        parts.push({ pk: key, sk, part: packed.subarray(at, at + VERSION_PART_BYTES) });
      }
      await writeAll(parts);
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { pk: "versions", sk: key, ...meta },
        }),
      );
      // The process that publishes a version is the one that trains it and, on approval,
      // swaps it in: it keeps what it wrote rather than reading it back.
      remember(meta.version, Promise.resolve(deepFreeze(stored)));
    },

    async versionMeta(version) {
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: { pk: "versions", sk: versionKey(version) },
          ConsistentRead: true,
        }),
      );
      return out.Item ? toMeta(out.Item) : undefined;
    },

    async versionBundle(version) {
      const cached = versions.get(version);
      if (cached) return cached;
      const read = (async () => {
        const items = await partition(versionKey(version));
        if (items.length === 0) return undefined;
        const parts = items.filter((i) => String(i.sk).startsWith("gz#"));
        if (parts.length === 0) return bundleFromItems(items);
        // Parts come in key order; unzipped on libuv's threads, off the event loop.
        const packed = Buffer.concat(parts.map((i) => i.part as Uint8Array));
        return JSON.parse((await gunzipAsync(packed)).toString("utf8")) as ContentBundle;
      })().then(deepFreeze);
      remember(version, read);
      return read;
    },

    async listVersions(page = {}) {
      const older = page.before !== undefined;
      const items = await queryAll(
        doc,
        {
          TableName: table,
          KeyConditionExpression: older ? "pk = :pk AND sk < :before" : "pk = :pk",
          ExpressionAttributeValues: {
            ":pk": "versions",
            ...(older ? { ":before": versionKey(page.before ?? 0) } : {}),
          },
          ScanIndexForward: false,
          ConsistentRead: true,
        },
        page.limit,
      );
      return items.map(toMeta);
    },

    async versionsIn(state) {
      // The filter still reads the partition, but only the matches cross the wire and get
      // parsed: a handful of metas instead of years of them.
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: "pk = :pk",
        FilterExpression: "#state = :state",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":pk": "versions", ":state": state },
        ScanIndexForward: false,
        ConsistentRead: true,
      });
      return items.map(toMeta);
    },

    async transition(version, from, patch) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ":from": from };
      const sets = Object.entries(patch).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:v${i}`] = value;
        return `#f${i} = :v${i}`;
      });
      names["#state"] = "state";
      return writeIf(
        doc,
        new UpdateCommand({
          TableName: table,
          Key: { pk: "versions", sk: versionKey(version) },
          UpdateExpression: `SET ${sets.join(", ")}`,
          ConditionExpression: "attribute_exists(pk) AND #state = :from",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },

    async setLive(pointer: LivePointer, expected) {
      return writeIf(
        doc,
        new PutCommand({
          TableName: table,
          Item: { pk: "live", sk: "pointer", ...pointer },
          ...(expected === undefined
            ? { ConditionExpression: "attribute_not_exists(pk)" }
            : {
                ConditionExpression: "version = :expected",
                ExpressionAttributeValues: { ":expected": expected },
              }),
        }),
      );
    },

    async draft(): Promise<Draft | undefined> {
      // One small read says whether the draft changed since this process last read it.
      const rev = await draftRevision();
      let cache = cachedDraft;
      if (cache?.rev !== rev) {
        const items = await partition("draft");
        cache = { rev, items: new Map(items.map((i) => [String(i.sk), i])) };
        // A slower read must not replace what a write of this process has since brought in.
        if ((cachedDraft?.rev ?? -1) <= rev) cachedDraft = cache;
      }
      // Shared and frozen (ContentStore), with the cached items it is made of.
      cache.draft ??= { of: deepFreeze(draftFromItems([...cache.items.values()])) };
      return cache.draft.of;
    },

    async putDraftTopic(write: DraftTopicWrite, expected?: DraftExpectation) {
      return putDraftItem(
        {
          sk: `topic#${write.topic.id}`,
          topic: write.topic,
          tests: write.tests,
          dev: write.dev,
          ...write.meta,
          ...workFields(write.inProgress),
        },
        expected,
      );
    },

    async putDraftInProgress(write: DraftInProgressWrite, expected?: DraftExpectation) {
      const Key = { pk: "draft", sk: `topic#${write.id}` };
      const Item = write.inProgress && {
        ...Key,
        ...write.meta,
        ...workFields(write.inProgress),
      };
      return putOrDeleteDraftItem(Key, Item || undefined, expected);
    },

    async putDraftReferral(write: DraftReferralWrite, expected?: DraftExpectation) {
      const Key = { pk: "draft", sk: `referral#${write.id}` };
      const Item = write.group && { ...Key, referral: write.group, ...write.meta };
      return putOrDeleteDraftItem(Key, Item || undefined, expected);
    },

    async putDraftScope(write: DraftScopeWrite, expected?: DraftExpectation) {
      const { meta, outOfScope, tests, dev } = write;
      return putDraftItem({ sk: "scope", outOfScope, tests, dev, ...meta }, expected);
    },

    async putDraftUncovered(write: DraftUncoveredWrite, expected?: DraftExpectation) {
      return putDraftItem(
        { sk: UNCOVERED_SK, uncovered: write.uncovered, ...write.meta },
        expected,
      );
    },

    async putDraftOutOfScope(write: DraftOutOfScopeWrite, expected?: DraftExpectation) {
      const sk = "scope";
      const { revision, ...who } = write.meta;
      // Only the lists and who wrote them: the "none" held-out messages beside them stay.
      const set: Record<string, unknown> = {
        outOfScope: write.outOfScope,
        ...who,
        ...(revision !== undefined ? { revision } : {}),
      };
      const condition = draftCondition(expected);
      const names: Record<string, string> = { "#tests": "tests", "#dev": "dev" };
      const values: Record<string, unknown> = {
        ...condition.ExpressionAttributeValues,
        ":noHeldOut": NO_HELD_OUT,
      };
      const sets = Object.entries(set).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:f${i}`] = value;
        return `#f${i} = :f${i}`;
      });
      // An item this makes (a draft stored without one) still reads as a scope item.
      sets.push(
        "#tests = if_not_exists(#tests, :noHeldOut)",
        "#dev = if_not_exists(#dev, :noHeldOut)",
      );
      if (revision === undefined) names["#revision"] = "revision";
      const update = new UpdateCommand({
        TableName: table,
        Key: { pk: "draft", sk },
        UpdateExpression: `SET ${sets.join(", ")}${revision === undefined ? " REMOVE #revision" : ""}`,
        ...(condition.ConditionExpression
          ? { ConditionExpression: condition.ConditionExpression }
          : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      if (!(await writeDraftItem(update, sk, revision))) return refused();
      writeThrough(await bumpDraftRevision(), sk, (cached) => {
        const item: Record<string, unknown> = {
          pk: "draft",
          sk,
          tests: NO_HELD_OUT,
          dev: NO_HELD_OUT,
          ...cached,
          ...set,
        };
        if (revision === undefined) delete item.revision;
        return item;
      });
      return true;
    },

    async replaceDraft(bundle, meta) {
      const items: Record<string, unknown>[] = bundleItems("draft", bundle, meta);
      const keep = new Set(items.map((i) => String(i.sk)));
      const stored = await partition("draft");
      // Unfinished work is in no file: it stays, beside the bundle's topic of its id if any.
      const work = new Map(
        stored.filter((i) => typeof i.inProgress === "string").map((i) => [String(i.sk), i]),
      );
      const written = items.map((item) => {
        const kept = work.get(String(item.sk));
        return kept ? { ...item, inProgress: kept.inProgress, problems: kept.problems } : item;
      });
      const stale = stored
        .filter((i) => i.sk !== "rev" && !keep.has(String(i.sk)) && !work.has(String(i.sk)))
        .map((i) => ({ pk: "draft", sk: String(i.sk) }));
      await writeAll(written);
      await deleteAll(stale);
      await bumpDraftRevision();
    },

    async audit(entry: AuditEntry) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { pk: "audit", sk: `${entry.at}#${nextUlid()}`, ...entry },
        }),
      );
    },

    async auditTrail(query: AuditQuery): Promise<AuditPage> {
      const filter = auditFilter(query);
      // One entry more than asked for says whether another page follows.
      const wanted = query.limit + 1;
      const found: Record<string, unknown>[] = [];
      let examined = 0;
      let start: Record<string, unknown> | undefined;
      for (let read = 0; ; read++) {
        // Limit counts the items examined, before the filter: unfiltered, exactly what is
        // missing; filtered, a growing share of what the bound leaves, as matches may be rare.
        const pageSize = filter ? Math.max(wanted, 100) * 2 ** read : wanted - found.length;
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression:
              query.before === undefined ? "pk = :pk" : "pk = :pk AND sk < :before",
            ...(filter
              ? {
                  FilterExpression: "#item = :item",
                  ExpressionAttributeNames: { "#item": filter.attribute },
                }
              : {}),
            ExpressionAttributeValues: {
              ":pk": "audit",
              ...(query.before === undefined ? {} : { ":before": query.before }),
              ...(filter ? { ":item": filter.id } : {}),
            },
            ScanIndexForward: false,
            Limit: Math.min(pageSize, examinedPerRead - examined),
            ExclusiveStartKey: start,
          }),
        );
        examined += out.ScannedCount ?? 0;
        found.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
        if (found.length >= wanted) {
          const entries = found.slice(0, query.limit);
          return { entries: entries.map(auditEntry), next: String(entries.at(-1)?.sk) };
        }
        if (!start) return { entries: found.map(auditEntry) };
        // The bound is reached: the next page goes on after the last entry examined.
        if (examined >= examinedPerRead) {
          return { entries: found.map(auditEntry), next: String(start.sk) };
        }
      }
    },
  };
}

/**
 * Items this process wrote, as a query of their partition would give them back: in sort-key
 * order (ids are ASCII, so code-unit order is DynamoDB's byte order), undefined fields
 * dropped as the client's marshalling drops them, and not shared with the writer. Items are
 * plain JSON (from the studio's API and the YAML), so a JSON round trip is a faithful copy.
 */
function asRead(items: Record<string, unknown>[]): Record<string, unknown>[] {
  return (JSON.parse(JSON.stringify(items)) as Record<string, unknown>[]).sort((a, b) =>
    byKey(String(a.sk), String(b.sk)),
  );
}

/** Sort-key order as a query returns it (ASCII keys: code-unit order is byte order). */
function byKey(a: string, b: string): number {
  return a < b ? -1 : 1;
}

function bundleFromItems(items: Record<string, unknown>[]): ContentBundle {
  const topics = items.filter((i) => String(i.sk).startsWith("topic#")) as unknown as TopicItem[];
  const scope = items.find((i) => i.sk === "scope") as unknown as ScopeItem | undefined;
  return { ...fromItems(topics, scope, referralItems(items)), ...uncoveredFromItems(items) };
}

/**
 * The uncovered set of a bundle's items, as a part to spread into the bundle: none when the
 * items have none (a draft written before the set was kept, or a version read from one), so
 * the gate then holds nothing.
 */
function uncoveredFromItems(items: Record<string, unknown>[]): Pick<ContentBundle, "uncovered"> {
  const item = uncoveredItem(items);
  if (item) return { uncovered: item.uncovered };
  const kept = items.filter((i) =>
    String(i.sk).startsWith(`${UNCOVERED_SK}#`),
  ) as unknown as UncoveredLangItem[];
  if (kept.length === 0) return {};
  const of = (lang: Lang) => kept.find((u) => u.lang === lang)?.cases ?? [];
  return { uncovered: { fi: of("fi"), sv: of("sv") } };
}

function uncoveredItem(items: Record<string, unknown>[]) {
  return items.find((i) => i.sk === UNCOVERED_SK) as
    | (UncoveredItem & Partial<DraftTopicMeta>)
    | undefined;
}

/** The draft's items at a revision, and the draft made from them once asked for. */
interface DraftCache {
  rev: number;
  items: Map<string, Record<string, unknown>>;
  draft?: { of: Draft | undefined };
}

function draftFromItems(items: Record<string, unknown>[]): Draft | undefined {
  const allTopicItems = items.filter((i) =>
    String(i.sk).startsWith("topic#"),
  ) as unknown as DraftTopicItem[];
  if (allTopicItems.length === 0) return undefined;
  // Unfinished work alone has no topic in use or retired.
  const topicItems = allTopicItems.filter((t): t is TopicItem & DraftTopicItem => !!t.topic);
  const scope = items.find((i) => i.sk === "scope") as unknown as
    | (ScopeItem & Partial<DraftTopicMeta>)
    | undefined;
  const active = topicItems.filter((t) => !t.retired);
  const referrals = referralItems(items) as (ReferralItem & DraftTopicMeta)[];
  const uncovered = uncoveredItem(items);
  const work = allTopicItems.flatMap((t) =>
    typeof t.inProgress === "string"
      ? [[t.sk.slice("topic#".length), workOf(t.inProgress, t.problems)] as const]
      : [],
  );
  return {
    bundle: { ...fromItems(active, scope, referrals), ...uncoveredFromItems(items) },
    retired: topicItems.filter((t) => t.retired).map((t) => t.topic),
    ...(work.length > 0 ? { inProgress: new Map(work) } : {}),
    meta: new Map(allTopicItems.map((t) => [t.sk.slice("topic#".length), metaOf(t)])),
    referralMeta: new Map(referrals.map((r) => [r.referral.id, metaOf(r)])),
    // A scope item written before the lists were edited on their own names nobody.
    ...(scope?.updatedBy !== undefined ? { scopeMeta: metaOf(scope as DraftTopicMeta) } : {}),
    ...(uncovered?.updatedBy !== undefined
      ? { uncoveredMeta: metaOf(uncovered as DraftTopicMeta) }
      : {}),
  };
}

/** A topic's unfinished work as its item keeps it: the body as JSON text, and its count. */
function workFields(work: InProgressTopic | undefined) {
  return work ? { inProgress: JSON.stringify(work.body), problems: work.problems } : {};
}

function workOf(text: string, problems: number | undefined): InProgressTopic {
  return { body: JSON.parse(text) as Record<string, unknown>, problems: problems ?? 0 };
}

/** Who changed a draft item last, and its revision (none on items written before revisions). */
function metaOf(item: DraftTopicMeta): DraftTopicMeta {
  return {
    updatedBy: item.updatedBy,
    updatedByName: item.updatedByName,
    updatedAt: item.updatedAt,
    retired: Boolean(item.retired),
    ...(item.revision ? { revision: item.revision } : {}),
  };
}

/** The condition a draft item's write carries for `expected` (none: written as it comes). */
function draftCondition(expected: DraftExpectation | undefined) {
  if (!expected) return {};
  if ("absent" in expected) return { ConditionExpression: "attribute_not_exists(pk)" };
  if (expected.revision === undefined) {
    return { ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(revision)" };
  }
  return {
    ConditionExpression: "revision = :revision",
    ExpressionAttributeValues: { ":revision": expected.revision },
  };
}

function referralItems(items: Record<string, unknown>[]): ReferralItem[] {
  return items.filter((i) => String(i.sk).startsWith("referral#")) as unknown as ReferralItem[];
}

/**
 * The attribute and value an audit read filters on: one topic's, referral group's, the
 * out-of-scope lists' or the uncovered questions' entries.
 */
function auditFilter(
  query: AuditQuery,
): { attribute: "topic" | "referral" | "outOfScope" | "uncovered"; id: string | true } | undefined {
  if (query.topic !== undefined) return { attribute: "topic", id: query.topic };
  if (query.referral !== undefined) return { attribute: "referral", id: query.referral };
  if (query.outOfScope) return { attribute: "outOfScope", id: true };
  if (query.uncovered) return { attribute: "uncovered", id: true };
  return undefined;
}

function auditEntry(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, ...entry } = item;
  return entry as unknown as AuditEntry;
}

function toMeta(item: Record<string, unknown>): VersionMeta {
  const { pk: _pk, sk: _sk, ...meta } = item;
  return meta as unknown as VersionMeta;
}
