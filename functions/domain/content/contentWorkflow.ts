import { isDeepStrictEqual } from "node:util";
import type { ReferralGroup, TopicFile, UncoveredCase } from "../../contracts/content.ts";
import {
  type DraftItemKind,
  type Finding,
  finding,
  type Said,
  type SeedSource,
} from "../../contracts/contentFindings.ts";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import { OUT_OF_SCOPE_ID, RESERVED_TOPIC_IDS, SYSTEM_TOPICS } from "../../contracts/topics.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import { reportDay } from "../reports/reportEvents.ts";
import {
  type ContentBundle,
  heldOutFor,
  heldOutKey,
  uncoveredOf,
  utteranceKey,
  withTopic,
} from "./bundle.ts";
import {
  diffBundles,
  type FieldChange,
  outOfScopeDiff,
  type TopicChange,
  UNCOVERED_DIFF_ID,
  uncoveredDiff,
} from "./bundleDiff.ts";
import type {
  AuditQuery,
  ContentStore,
  Draft,
  DraftExpectation,
  DraftTopicMeta,
  InProgressTopic,
  VersionPage,
} from "./contentStore.ts";
import { planDraftRebase } from "./draftRebase.ts";
import {
  AlreadyPendingError,
  ContentConflictError,
  ContentInvalidError,
  ContentNotFoundError,
  ContentRequestError,
  EditConflictError,
  NotAuthorError,
  SelfApprovalError,
  VersionStaleError,
} from "./errors.ts";
import { type VersionEditor, versionEditors } from "./versionEditors.ts";
import {
  type AuditEntry,
  type ContentActor,
  decisionOf,
  SYSTEM_ACTOR,
  scoresComplete,
  type VersionMeta,
  type VersionScores,
  type VersionState,
  wasLiveBefore,
} from "./versions.ts";

/**
 * What discarding the draft's changes to a topic, group or the out-of-scope lists did: the
 * live content is back, it was retired (the live version never had it), or there was nothing
 * to discard.
 */
export interface RevertResult {
  result: "reverted" | "retired" | "unchanged";
  warnings: ContentIssue[];
  /** The item's revision after the write; none when nothing was written. */
  revision?: string;
}

/** One finding of the content rules, located by field path within its topic or file. */
export interface ContentIssue {
  severity: "error" | "warning";
  /** Field path, e.g. `fi.utterances[3]`; for whole-content findings the file. */
  path: string;
  /** In English; `finding` tells it in the studio's languages. */
  message: string;
  fix: string;
  finding?: Finding;
}

/** The rules' verdict on one topic: the topic and its test messages as parsed when valid. */
export interface TopicCheck {
  issues: ContentIssue[];
  topic?: TopicFile;
  tests?: { fi: string[]; sv: string[] };
}

/** The rules' verdict on one referral group: the group as parsed when valid. */
export interface ReferralCheck {
  issues: ContentIssue[];
  referral?: ReferralGroup;
}

/** The rules' verdict on the out-of-scope lists: the lists as parsed (trimmed) when valid. */
export interface OutOfScopeCheck {
  issues: ContentIssue[];
  outOfScope?: ContentBundle["outOfScope"];
}

/** The rules' verdict on the uncovered questions: the lists as parsed (trimmed) when valid. */
export interface UncoveredCheck {
  issues: ContentIssue[];
  uncovered?: Record<Lang, UncoveredCase[]>;
}

/**
 * What the rules know besides the content, read by the workflow from its clock: the rules
 * stay pure functions of their input (and can run in another thread).
 */
export interface RulesContext {
  /** The agency's calendar day (Europe/Helsinki), YYYY-MM-DD: review dates are compared to it. */
  today: string;
}

/** The content rules (content:check's), applied to data instead of files; may run elsewhere. */
export interface ContentRules {
  /** Problems of one topic as the studio sends it, in the context of the draft. */
  checkTopic(
    json: unknown,
    draft: ContentBundle,
    context: RulesContext,
  ): TopicCheck | Promise<TopicCheck>;
  /** Problems of one referral group as the studio sends it, in the context of the draft. */
  checkReferral(json: unknown, draft: ContentBundle): ReferralCheck | Promise<ReferralCheck>;
  /** Problems of the out-of-scope lists as the studio sends them, in place of the draft's. */
  checkOutOfScope(json: unknown, draft: ContentBundle): OutOfScopeCheck | Promise<OutOfScopeCheck>;
  /** Problems of the uncovered questions as the studio sends them, in place of the draft's. */
  checkUncovered(json: unknown, draft: ContentBundle): UncoveredCheck | Promise<UncoveredCheck>;
  /** Problems of a whole bundle. */
  checkBundle(
    bundle: ContentBundle,
    context: RulesContext,
  ): ContentIssue[] | Promise<ContentIssue[]>;
}

/** The test gate's verdict: what stops a version, and the numbers it was judged on. */
export interface GateResult {
  issues: ContentIssue[];
  scores?: VersionScores;
}

/** The live version a gated one is compared with: its number and its content. */
export interface GateAgainst {
  version: number;
  bundle: ContentBundle;
}

/**
 * Turns content into what answers customers. `gate` trains and measures (the content:test
 * gate), and with `against` also counts the test split's answers it makes worse or better
 * than that live version's (`VersionScores.againstLive`); `prepare` readies a version before
 * it is marked live (the Lex build in AWS) and throws with a plain reason when it cannot;
 * `serve` starts answering from it in this process.
 */

export interface ContentDeployer {
  gate(bundle: ContentBundle, against?: GateAgainst): Promise<GateResult>;
  prepare(version: number, bundle: ContentBundle): Promise<void>;
  serve(version: number, bundle: ContentBundle): Promise<void>;
}

export interface WorkflowSettings {
  /** A second person with the reviewer role approves each version (four-eyes). */
  requireReview: boolean;
  /**
   * Hands an approved version's go-live to another process (the publisher function in AWS,
   * where a Lex build outlasts the approving request), which calls `completeGoLive`. Unset,
   * approving makes the version live before it answers (one process, locally).
   */
  deferGoLive?: (version: number) => Promise<void>;
}

/**
 * A version still "building" this long after its approval was abandoned (its publisher
 * stopped: the Lambda's 15 minutes ran out, it crashed, or Lambda dropped the event). It is
 * marked failed so it no longer holds up other go-lives. Longer than a publish can wait in
 * Lambda's queue (5 minutes) and then run (15), so a running publish is never taken for
 * abandoned.
 */
export const ABANDONED_BUILD_MS = 30 * 60_000;

/**
 * An author is told of the reviews of their versions decided this long ago at most, among the
 * newest DECISIONS_AMONG versions: older news is in the version list, and the draft is read
 * every half minute by every open studio, so its read stays bounded.
 */
export const DECISIONS_TOLD_MS = 30 * 24 * 60 * 60_000;
export const DECISIONS_AMONG = 50;

/** A conditional draft write found the item changed since it was read. */
const CHANGED = Symbol("changed");
/** Reads and writes of one draft item before giving up to a stream of others' writes. */
const DRAFT_WRITE_TRIES = 4;
/**
 * Audit entries a publish reads back at most to find who else wrote the draft since the live
 * version went live; each changed item's last editor is known without it.
 */
const EDITORS_EXAMINED = 2_000;

/** Who changed a draft item last and its revision; none when the draft has no such item. */
function itemMeta(draft: Draft, kind: DraftItemKind, id: string) {
  if (kind === "out-of-scope") return draft.scopeMeta;
  if (kind === "uncovered") return draft.uncoveredMeta;
  return kind === "topic" ? draft.meta.get(id) : draft.referralMeta.get(id);
}

/**
 * The item's meta when `actor` made its last write and it is not retired: the one case in which
 * a refused write may find its own earlier save.
 */
function madeBy(actor: ContentActor, meta: DraftTopicMeta | undefined) {
  return meta && !meta.retired && meta.revision && meta.updatedBy === actor.subject
    ? { ...meta, revision: meta.revision }
    : undefined;
}

/**
 * The same content, as stored: key order and absent versus undefined fields aside (a stored
 * item comes back without the fields it was written without).
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** What a write of a draft item expects, from the draft it was made from. */
function itemState(draft: Draft, kind: DraftItemKind, id: string): DraftExpectation {
  const stored =
    kind === "out-of-scope" ||
    (kind === "uncovered"
      ? draft.uncoveredMeta !== undefined
      : kind === "topic"
        ? [...draft.bundle.topics, ...draft.retired].some((t) => t.id === id) ||
          Boolean(draft.inProgress?.has(id))
        : draft.bundle.referrals.some((r) => r.id === id));
  return stored ? { revision: itemMeta(draft, kind, id)?.revision } : { absent: true };
}

/**
 * The largest body of a topic saved unfinished, in UTF-8 bytes: its draft item stays far below
 * DynamoDB's 400 KB with the topic in use it may sit beside. A finished topic is bounded by
 * the rules; an unfinished one by this alone.
 */
export const MAX_IN_PROGRESS_BYTES = 200_000;

/**
 * The rules' findings with a follow-up they call unknown that names a topic the draft has in
 * progress told as such: the owner then finishes that topic rather than hunt for a typo.
 */
function followUpsInProgress(issues: ContentIssue[], draft: Draft): ContentIssue[] {
  return issues.map((issue) => {
    const said = issue.finding;
    if (said?.code !== "followUpUnknown" || !draft.inProgress?.has(said.params.id)) {
      return issue;
    }
    const told = finding("followUpInProgress", { field: said.params.field, id: said.params.id });
    return { ...issue, message: told.message, fix: told.fix, finding: told.finding };
  });
}

/** Topics of `bundle` other than `id` that offer it as a follow-up, as warnings. */
function stillFollowedBy(bundle: ContentBundle, id: string): ContentIssue[] {
  return bundle.topics
    .filter((t) => t.id !== id && (t.followUps as string[] | undefined)?.includes(id))
    .map((t) => ({
      severity: "warning",
      path: "followUps",
      ...finding("stillFollowUp", { other: t.id, id }),
    }));
}

/**
 * What the person's expectation means for the item as stored. The API tells an item without
 * a revision as revision "0": for the uncovered questions that is also a draft with no set of
 * its own yet (stored before the studio edited it), which a write then creates.
 */
function asStored(draft: Draft, kind: DraftItemKind, expected: DraftExpectation) {
  const unstored = kind === "uncovered" && draft.uncoveredMeta === undefined;
  return unstored && "revision" in expected && expected.revision === undefined
    ? { absent: true as const }
    : expected;
}

/**
 * What a save or discard of a list did, per language, for the audit trail: the items each
 * language's list (`<list>.fi`, as the diff names it) gained and lost.
 */
function listEdited(changes: readonly FieldChange[]) {
  const count = (lang: Lang, side: "added" | "removed") => {
    const change = changes.find((c) => c.field.endsWith(`.${lang}`));
    return change && side in change ? (change as Record<typeof side, string[]>)[side].length : 0;
  };
  const per = (side: "added" | "removed") =>
    Object.fromEntries(LANGS.map((l) => [l, count(l, side)])) as Record<Lang, number>;
  return finding("outOfScopeEdited", { added: per("added"), removed: per("removed") });
}

export interface PublishResult {
  version: number;
  state: VersionState;
}

export interface DraftReferralView {
  referral: ReferralGroup;
  meta?: DraftTopicMeta;
}

export interface DraftOutOfScopeView {
  outOfScope: ContentBundle["outOfScope"];
  meta?: DraftTopicMeta;
}

export interface DraftUncoveredView {
  uncovered: Record<Lang, UncoveredCase[]>;
  meta?: DraftTopicMeta;
}

/**
 * One of the draft's lists that the studio edits whole, on a page of its own: the out-of-scope
 * examples or the uncovered questions. They differ only in what they hold and where it is
 * stored; reading, checking, saving and discarding go alike.
 */
interface DraftList<T> {
  kind: "out-of-scope" | "uncovered";
  id: string;
  /** What marks the list's entries in the audit trail. */
  mark: { outOfScope: true } | { uncovered: true };
  of(bundle: ContentBundle): T;
  meta(draft: Draft): DraftTopicMeta | undefined;
  check(json: unknown, bundle: ContentBundle): Promise<{ issues: ContentIssue[]; value?: T }>;
  put(value: T, meta: DraftTopicMeta, expected: DraftExpectation): Promise<boolean>;
  /** Per language, what `after` adds to and removes from `before`. */
  diff(before: T, after: T): FieldChange[];
}

/** Where taught sentences go: what the recogniser learns from, or the held-out test split. */
export type TeachSplit = "training" | "tests";

export interface DraftTopicView {
  topic: TopicFile;
  tests: { fi: string[]; sv: string[] };
  retired: boolean;
  system: boolean;
  meta?: DraftTopicMeta;
}

/** A topic in progress as its editor opens it: the owner's unfinished work. */
export interface DraftWorkView {
  inProgress: InProgressTopic;
  meta?: DraftTopicMeta;
}

/** What saving a topic unfinished did: the errors still to fix (`problems`), and its revision. */
export interface InProgressSaveResult {
  inProgress: true;
  warnings: ContentIssue[];
  problems: ContentIssue[];
  revision: string;
}

/**
 * The content studio's workflow: a shared draft, numbered versions, four-eyes approval and
 * rollback, every step in the audit trail. Nothing goes live that did not pass the rules,
 * train and meet the test gate.
 */
export function createContentWorkflow(deps: {
  store: ContentStore;
  rules: ContentRules;
  deployer: ContentDeployer;
  clock: Clock;
  settings: WorkflowSettings;
}) {
  const { store, rules, deployer, clock } = deps;
  const now = () => clock.now().toISOString();
  const context = (): RulesContext => ({ today: reportDay(clock.now()) });

  /** A note of the service's own in an audit entry: its English text and its finding. */
  const noted = (said: Said) => ({ detail: said.message, detailFinding: said.finding });

  async function audit(
    actor: ContentActor,
    action: AuditEntry["action"],
    fields: Omit<AuditEntry, "at" | "actor" | "actorName" | "action"> = {},
  ): Promise<void> {
    await store.audit({
      at: now(),
      actor: actor.subject,
      actorName: actor.displayName,
      action,
      ...fields,
    });
  }

  async function liveVersion(): Promise<{ version: number; bundle: ContentBundle }> {
    const pointer = await store.live();
    const bundle = pointer ? await store.versionBundle(pointer.version) : undefined;
    if (!pointer || !bundle) throw new ContentNotFoundError(finding("noLiveVersion", {}));
    return { version: pointer.version, bundle };
  }

  async function currentDraft(): Promise<Draft> {
    return (await draftAsStored()).draft;
  }

  /** The draft, and whether it is stored: without, it is a copy of live with no items yet. */
  async function draftAsStored(): Promise<{ draft: Draft; stored: boolean }> {
    const draft = await store.draft();
    if (draft) return { draft, stored: true };
    const live = await liveVersion();
    return {
      draft: { bundle: live.bundle, retired: [], meta: new Map(), referralMeta: new Map() },
      stored: false,
    };
  }

  async function meta(version: number): Promise<VersionMeta> {
    const found = await store.versionMeta(version);
    if (!found) throw new ContentNotFoundError(finding("versionMissing", { version }));
    return found;
  }

  /** Who made `version` live: its approver (the system for a seed). */
  function approverOf(version: VersionMeta): ContentActor {
    return version.approvedBy
      ? { subject: version.approvedBy, displayName: version.approvedByName ?? version.approvedBy }
      : SYSTEM_ACTOR;
  }

  /** Marks a version failed with a reason the studio shows, in the audit trail too. */
  async function markFailed(
    version: number,
    from: VersionState,
    actor: ContentActor,
    reason: Said,
  ): Promise<void> {
    const failed = {
      state: "failed" as const,
      error: reason.message,
      errorFinding: reason.finding,
    };
    if (await store.transition(version, from, failed)) {
      await audit(actor, "failed", { version, ...noted(reason) });
    }
  }

  /**
   * Marks a version waiting for review superseded because `live` went live first: approving
   * it would undo that. The service's doing, in the audit trail with the reason.
   */
  async function supersede(version: number, live: number): Promise<void> {
    const reason = finding("supersededUnreviewed", { live });
    const superseded = {
      state: "superseded" as const,
      error: reason.message,
      errorFinding: reason.finding,
      supersededByVersion: live,
      supersededAt: now(),
    };
    if (await store.transition(version, "pending-review", superseded)) {
      await audit(SYSTEM_ACTOR, "supersede", { version, ...noted(reason) });
    }
  }

  /**
   * Brings the shared draft along to a rollback that went live (`planDraftRebase`): what the
   * draft had not changed against `base` (the version live before) takes the rollback's
   * content, as changed by whoever asked for the rollback; the draft's own changes stay as
   * their owners left them. Each item is written only over what was read, so a save made
   * meanwhile stands and counts as kept. Says what it did, for the audit trail; the version
   * is live either way, so a failure is told there rather than thrown.
   */
  async function rebaseDraft(
    rollback: VersionMeta,
    base: number | undefined,
    target: ContentBundle,
  ): Promise<Said> {
    const restores = rollback.rollbackOf ?? rollback.version;
    try {
      const draft = await store.draft();
      // None stored: the draft is a copy of live, which is the rollback's content now.
      if (!draft) return finding("rollbackDraftRebased", { version: restores, kept: 0 });
      const before = base === undefined ? undefined : await store.versionBundle(base);
      if (!before)
        throw new Error(`version ${base ?? "-"} has no content to compare the draft with`);
      const plan = planDraftRebase(before, target, draft);
      const by = { subject: rollback.author, displayName: rollback.authorName };
      let kept = plan.kept.length;
      for (const write of plan.writes) {
        const meta = { ...draftMeta(by), retired: write.kind === "topic" && write.retired };
        const made =
          write.kind === "topic"
            ? await store.putDraftTopic(
                {
                  topic: write.topic,
                  tests: write.heldOut.tests,
                  dev: write.heldOut.dev,
                  meta,
                  ...(write.inProgress ? { inProgress: write.inProgress } : {}),
                },
                write.expected,
              )
            : write.kind === "referral"
              ? await store.putDraftReferral(
                  { id: write.id, ...(write.group ? { group: write.group } : {}), meta },
                  write.expected,
                )
              : write.kind === "scope"
                ? await store.putDraftScope({ ...write.scope, meta }, write.expected)
                : await store.putDraftUncovered(
                    { uncovered: write.uncovered, meta },
                    write.expected,
                  );
        if (!made) kept++;
      }
      return finding("rollbackDraftRebased", { version: restores, kept });
    } catch (error) {
      return finding("rollbackDraftNotRebased", {
        version: restores,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * Versions other than `version` being built now, oldest approval first. One abandoned by
   * a publisher that stopped is marked failed here, so it holds up nothing.
   */
  async function otherBuilds(version: number): Promise<VersionMeta[]> {
    const builds = (await store.versionsIn("building"))
      .filter((v) => v.version !== version)
      .sort(byApproval);
    const running: VersionMeta[] = [];
    for (const build of builds) {
      const approvedAt = Date.parse(build.approvedAt ?? build.createdAt);
      if (clock.now().getTime() - approvedAt < ABANDONED_BUILD_MS) {
        running.push(build);
        continue;
      }
      await markFailed(
        build.version,
        "building",
        SYSTEM_ACTOR,
        finding("buildAbandoned", { minutes: ABANDONED_BUILD_MS / 60_000 }),
      );
    }
    return running;
  }

  /**
   * Makes a version being built live, one at a time: ready it (the Lex build), move the
   * live pointer, mark it live and the previous one superseded, serve it. Any failure marks
   * it failed with the reason, leaves the old version live and throws.
   */
  async function goLive(version: VersionMeta, bundle: ContentBundle): Promise<PublishResult> {
    const actor = approverOf(version);
    const fail = async (reason: Said): Promise<never> => {
      await markFailed(version.version, "building", actor, reason);
      throw new ContentConflictError(
        finding("goLiveFailed", { version: version.version, reason: reason.finding }),
      );
    };
    // Two builds at once would sync and build the same Lex draft. Approving refuses while
    // another version builds; two approvals at the same instant both get here, and the one
    // approved later gives way (the same order seen from both sides, so exactly one goes on).
    const ahead = (await otherBuilds(version.version)).find(
      (other) => byApproval(other, version) < 0,
    );
    if (ahead) {
      await fail(finding("buildConcurrent", { other: ahead.version }));
    }
    // Approving checked it against the live version; another may have gone live since.
    const stale = (live: number | undefined) =>
      live !== undefined && staleAgainst(version, live)
        ? fail(
            finding("versionStale", {
              version: version.version,
              ...(version.basedOn !== undefined ? { basedOn: version.basedOn } : {}),
              live,
            }),
          )
        : undefined;
    await stale((await store.live())?.version);
    try {
      await deployer.prepare(version.version, bundle);
    } catch (error) {
      await fail(
        finding("buildFailed", { detail: error instanceof Error ? error.message : String(error) }),
      );
    }
    const previous = await store.live();
    await stale(previous?.version);
    if (!(await store.setLive({ version: version.version, since: now() }, previous?.version))) {
      await fail(finding("liveMoved", {}));
    }
    // The pointer is what every process follows, so the states follow it at once.
    await store.transition(version.version, "building", { state: "live" });
    if (previous && previous.version !== version.version) {
      await store.transition(previous.version, "live", {
        state: "superseded",
        supersededByVersion: version.version,
        supersededAt: now(),
      });
    }
    // Versions still waiting for review against the version live before would undo this
    // one if approved: superseded now, to be published again from the draft.
    for (const pending of await store.versionsIn("pending-review")) {
      if (staleAgainst(pending, version.version)) await supersede(pending.version, version.version);
    }
    await deployer.serve(version.version, bundle);
    // The draft follows a rollback, so the next publish does not bring back what was
    // removed; what people changed in it and have not published yet stays.
    const note =
      version.rollbackOf !== undefined
        ? await rebaseDraft(version, previous?.version, bundle)
        : undefined;
    await audit(actor, "live", { version: version.version, ...(note ? noted(note) : {}) });
    return { version: version.version, state: "live" };
  }

  /**
   * Claims a pending version for `actor` (one decision wins) as "building", then makes it
   * live here, or hands that to `deferGoLive` and answers "building".
   */
  async function approveAndGoLive(
    found: VersionMeta,
    bundle: ContentBundle,
    actor: ContentActor,
    how: { reviewed: boolean },
  ): Promise<PublishResult> {
    const [building] = await otherBuilds(found.version);
    if (building) {
      throw new ContentConflictError(
        finding("approveWhileBuilding", { building: building.version, version: found.version }),
      );
    }
    const approved = {
      approvedBy: actor.subject,
      approvedByName: actor.displayName,
      approvedAt: now(),
    };
    if (
      !(await store.transition(found.version, "pending-review", {
        state: "building",
        ...approved,
      }))
    ) {
      throw new ContentConflictError(finding("decidedMeanwhile", { version: found.version }));
    }
    if (how.reviewed) await audit(actor, "approve", { version: found.version });
    const claimed: VersionMeta = { ...found, ...approved, state: "building" };
    const { deferGoLive } = deps.settings;
    if (!deferGoLive) return goLive(claimed, bundle);
    try {
      await deferGoLive(found.version);
    } catch (error) {
      const reason = finding("buildNotStarted", {
        detail: error instanceof Error ? error.message : String(error),
      });
      await markFailed(found.version, "building", actor, reason);
      throw new ContentConflictError(
        finding("goLiveFailed", { version: found.version, reason: reason.finding }),
      );
    }
    return { version: found.version, state: "building" };
  }

  /** Who ended a version's review by rejecting it (or withdrawing it), for its author to see. */
  function rejectedBy(actor: ContentActor) {
    return { rejectedBy: actor.subject, rejectedByName: actor.displayName, rejectedAt: now() };
  }

  function draftMeta(actor: ContentActor): DraftTopicMeta & { revision: string } {
    return {
      updatedBy: actor.subject,
      updatedByName: actor.displayName,
      updatedAt: now(),
      retired: false,
      revision: crypto.randomUUID(),
    };
  }

  /**
   * One read-modify-write of a draft item, written only over the item as it was read, so that
   * nobody's saved work is overwritten unseen. `expected` is the revision the person saw (the
   * studio's If-Match): any other refuses with EditConflictError, naming who changed it.
   * Without it the change applies to the item as it is now (the inbox adds sentences to
   * whatever the topic has): a write in between makes it read the draft again and retry.
   * `attempt` returns CHANGED when its conditional write was refused.
   *
   * `made` tells whether the item is already what this write asks, by this person: a request
   * sent again after its answer was lost (a timeout, a dropped connection) meets its own save,
   * and is answered as made rather than as a conflict with oneself (RFC 9110, 13.1.1).
   */
  async function changeDraftItem<T>(
    kind: DraftItemKind,
    id: string,
    expected: DraftExpectation | undefined,
    attempt: (draft: Draft, expect: DraftExpectation) => Promise<T | typeof CHANGED>,
    made?: (current: Draft) => T | undefined,
  ): Promise<T> {
    for (let tries = 0; tries < DRAFT_WRITE_TRIES; tries++) {
      const { draft, stored } = await draftAsStored();
      if (!stored) {
        // No draft yet (a live version stored without one): it starts as a copy of live,
        // stored whole, or this one item would be all the draft had.
        await store.replaceDraft(draft.bundle, draftMeta(SYSTEM_ACTOR));
        continue;
      }
      const outcome = await attempt(
        draft,
        expected ? asStored(draft, kind, expected) : itemState(draft, kind, id),
      );
      if (outcome !== CHANGED) return outcome;
      if (expected) {
        const current = await currentDraft();
        const already = made?.(current);
        if (already !== undefined) return already;
        throw new EditConflictError(kind, id, itemMeta(current, kind, id));
      }
    }
    throw new ContentConflictError(finding("draftContended", { kind, id }));
  }

  /** The live version's numbers being worked out: readers meanwhile share the one scoring. */
  let scoring: { version: number; scores: Promise<VersionScores | undefined> } | undefined;
  /** Live versions this process has scored: kept numbers without the honesty figure stay then. */
  const scoredHere = new Set<number>();

  /**
   * The live version's test-gate numbers, worked out and kept the first time they are asked
   * for when it has none: version 1 (the seed) was never gated, nor were versions published
   * before the numbers were kept, and a reviewer needs them to see what a version makes worse.
   * Numbers kept before the honesty figure (the uncovered questions answered with a topic)
   * are worked out again once, the same way. The deployer reuses the recogniser it serves the
   * version with, so this only classifies the test split and the uncovered questions.
   * Undefined when the gate gives no numbers.
   */
  async function liveScores(): Promise<VersionScores | undefined> {
    const pointer = await store.live();
    if (!pointer) return undefined;
    const found = await store.versionMeta(pointer.version);
    if (!found) return undefined;
    // Scored once per process at most: a gate that gives no honesty figure is not asked again.
    if (found.scores && (scoresComplete(found.scores) || scoredHere.has(found.version))) {
      return found.scores;
    }
    if (scoring?.version !== found.version) {
      const scores = scoreAndKeep(found).finally(() => {
        if (scoring?.scores === scores) scoring = undefined;
      });
      scoring = { version: found.version, scores };
    }
    return scoring.scores;
  }

  async function scoreAndKeep(version: VersionMeta): Promise<VersionScores | undefined> {
    const bundle = await store.versionBundle(version.version);
    if (!bundle)
      throw new ContentNotFoundError(finding("versionNoContent", { version: version.version }));
    const { scores } = await deployer.gate(bundle);
    scoredHere.add(version.version);
    if (!scores) return undefined;
    // Only the numbers are added: its state is written back as read, and a version whose
    // state moved meanwhile is read again (a go-live superseding it).
    let state = version.state;
    for (let tries = 0; tries < 2; tries++) {
      if (await store.transition(version.version, state, { state, scores })) break;
      const now = await store.versionMeta(version.version);
      if (!now || (now.scores && scoresComplete(now.scores))) break;
      state = now.state;
    }
    return scores;
  }

  /** The version waiting for review (still against `live`) whose content is `bundle`'s. */
  async function pendingWith(
    bundle: ContentBundle,
    live: number | undefined,
  ): Promise<number | undefined> {
    for (const pending of await store.versionsIn("pending-review")) {
      if (live !== undefined && staleAgainst(pending, live)) continue;
      const theirs = await store.versionBundle(pending.version);
      if (theirs && diffBundles(theirs, bundle).length === 0) return pending.version;
    }
    return undefined;
  }

  /**
   * The audit trail's entries since `since` (the live version's go-live), newest first, at
   * most `EDITORS_EXAMINED` of them: who wrote the draft in this round, read once per publish.
   */
  async function draftWritesSince(since: string | undefined): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let before: string | undefined;
    while (entries.length < EDITORS_EXAMINED) {
      const page = await store.auditTrail({ limit: 200, ...(before ? { before } : {}) });
      for (const entry of page.entries) {
        if (since !== undefined && entry.at < since) return entries;
        entries.push(entry);
      }
      if (!page.next) break;
      before = page.next;
    }
    return entries;
  }

  /** Stores `bundle` as a new version and, without review, starts its go-live at once. */
  async function createVersion(
    actor: ContentActor,
    bundle: ContentBundle,
    fields: { comment: string | Said; rollbackOf?: number; editors?: VersionEditor[] },
  ): Promise<PublishResult> {
    // Staff free text is kept masked like customers' text: the history is read for years.
    // The service's own comment (a rollback's) is a finding, told in the studio's language.
    const said = typeof fields.comment === "string" ? undefined : fields.comment;
    const comment = said ? said.message : maskPersonalData(fields.comment as string).text;
    const live = await store.live();
    // The same content twice would wait for two reviews, and the one approved second would be
    // stale: the reviewer has it already. Checked before the gate trains anything.
    const already = await pendingWith(bundle, live?.version);
    if (already !== undefined) throw new AlreadyPendingError(already);
    const checked = await rules.checkBundle(bundle, context());
    // Against the live version it would replace: what it makes worse shows on its card, for a
    // reviewer who does not run its test.
    const liveBundle = live ? await store.versionBundle(live.version) : undefined;
    const gate = await deployer.gate(
      bundle,
      live && liveBundle ? { version: live.version, bundle: liveBundle } : undefined,
    );
    const issues = [...checked, ...gate.issues].filter((i) => i.severity === "error");
    if (issues.length > 0) throw new ContentInvalidError(issues);
    if (!deps.settings.requireReview) {
      // Without review the author's publish is the approval, and nobody else could approve
      // the version later: refuse it now rather than leave it pending behind another build.
      const [building] = await otherBuilds(0);
      if (building) {
        throw new ContentConflictError(
          finding("publishWhileBuilding", { building: building.version }),
        );
      }
    }
    const version = await store.nextVersionNumber();
    const meta: VersionMeta = {
      version,
      state: "pending-review",
      author: actor.subject,
      authorName: actor.displayName,
      createdAt: now(),
      comment,
      ...(said ? { commentFinding: said.finding } : {}),
      ...(gate.scores ? { scores: gate.scores } : {}),
      ...(live ? { basedOn: live.version } : {}),
      ...(fields.rollbackOf !== undefined ? { rollbackOf: fields.rollbackOf } : {}),
      ...(fields.editors?.length ? { editors: fields.editors } : {}),
    };
    await store.putVersion(meta, bundle);
    await audit(actor, fields.rollbackOf !== undefined ? "rollback" : "publish", {
      version,
      ...(said ? noted(said) : { detail: comment }),
    });
    if (deps.settings.requireReview) return { version, state: "pending-review" };
    return approveAndGoLive(meta, bundle, actor, { reviewed: false });
  }

  const outOfScopeList: DraftList<ContentBundle["outOfScope"]> = {
    kind: "out-of-scope",
    id: OUT_OF_SCOPE_ID,
    mark: { outOfScope: true },
    of: (bundle) => bundle.outOfScope,
    meta: (draft) => draft.scopeMeta,
    async check(json, bundle) {
      const { issues, outOfScope } = await rules.checkOutOfScope(json, bundle);
      return { issues, ...(outOfScope ? { value: outOfScope } : {}) };
    },
    put: (outOfScope, meta, expected) => store.putDraftOutOfScope({ outOfScope, meta }, expected),
    diff: outOfScopeDiff,
  };

  const uncoveredList: DraftList<Record<Lang, UncoveredCase[]>> = {
    kind: "uncovered",
    id: UNCOVERED_DIFF_ID,
    mark: { uncovered: true },
    of: uncoveredOf,
    meta: (draft) => draft.uncoveredMeta,
    async check(json, bundle) {
      const { issues, uncovered } = await rules.checkUncovered(json, bundle);
      return { issues, ...(uncovered ? { value: uncovered } : {}) };
    },
    put: (uncovered, meta, expected) => store.putDraftUncovered({ uncovered, meta }, expected),
    diff: uncoveredDiff,
  };

  async function readList<T>(list: DraftList<T>) {
    const draft = await currentDraft();
    return { value: list.of(draft.bundle), meta: list.meta(draft) };
  }

  async function checkList<T>(list: DraftList<T>, json: unknown): Promise<ContentIssue[]> {
    const draft = await currentDraft();
    return (await list.check(json, draft.bundle)).issues;
  }

  /** Replaces a list of the draft with `json` once the rules accept it; as `saveTopic`. */
  async function saveList<T>(
    list: DraftList<T>,
    actor: ContentActor,
    json: unknown,
    expected?: DraftExpectation,
  ) {
    let checked: { issues: ContentIssue[]; value?: T } | undefined;
    const warnings = () => checked?.issues.filter((i) => i.severity === "warning") ?? [];
    return changeDraftItem(
      list.kind,
      list.id,
      expected,
      async (draft, expect) => {
        const result = await list.check(json, draft.bundle);
        checked = result;
        const errors = result.issues.filter((i) => i.severity === "error");
        if (errors.length > 0 || result.value === undefined) throw new ContentInvalidError(errors);
        const meta = draftMeta(actor);
        if (!(await list.put(result.value, meta, expect))) return CHANGED;
        await audit(actor, "draft-save", {
          ...list.mark,
          ...noted(listEdited(list.diff(list.of(draft.bundle), result.value))),
        });
        return { warnings: warnings(), revision: meta.revision };
      },
      (current) => {
        const meta = madeBy(actor, list.meta(current));
        return meta && sameContent(list.of(current.bundle), checked?.value)
          ? { warnings: warnings(), revision: meta.revision }
          : undefined;
      },
    );
  }

  /** Gives a list of the draft the live version's content back, checked like a save. */
  async function revertList<T>(
    list: DraftList<T>,
    actor: ContentActor,
    expected?: DraftExpectation,
  ): Promise<RevertResult> {
    const live = await liveVersion();
    const published = list.of(live.bundle);
    return changeDraftItem(list.kind, list.id, expected, async (draft, expect) => {
      const changes = list.diff(list.of(draft.bundle), published);
      if (changes.length === 0) return { result: "unchanged" as const, warnings: [] };
      const result = await list.check(published, draft.bundle);
      const errors = result.issues.filter((i) => i.severity === "error");
      if (errors.length > 0 || result.value === undefined) throw new ContentInvalidError(errors);
      const meta = draftMeta(actor);
      if (!(await list.put(result.value, meta, expect))) return CHANGED;
      await audit(actor, "draft-revert", {
        ...list.mark,
        version: live.version,
        ...noted(listEdited(changes)),
      });
      return {
        result: "reverted" as const,
        warnings: result.issues.filter((i) => i.severity === "warning"),
        revision: meta.revision,
      };
    });
  }

  /**
   * Discards topic `id`'s unfinished work (a Delete or a discard of a topic in progress): the
   * item goes, or the topic in use beside it stays as it is, without the work.
   */
  async function discardWork(
    draft: Draft,
    actor: ContentActor,
    id: string,
    expect: DraftExpectation,
  ): Promise<{ warnings: ContentIssue[]; revision?: string } | typeof CHANGED> {
    const retired = draft.retired.find((t) => t.id === id);
    const topic = draft.bundle.topics.find((t) => t.id === id) ?? retired;
    const meta = { ...draftMeta(actor), retired: Boolean(retired) };
    const heldOut = heldOutFor(draft.bundle, id);
    const written = topic
      ? await store.putDraftTopic({ topic, tests: heldOut.tests, dev: heldOut.dev, meta }, expect)
      : await store.putDraftInProgress({ id, meta }, expect);
    if (!written) return CHANGED;
    await audit(actor, "draft-retire", { topic: id, inProgress: true });
    return { warnings: [], ...(topic ? { revision: meta.revision } : {}) };
  }

  const workflow = {
    /** Makes `bundle` version 1 when nothing is live yet (a new table); false otherwise. */
    async seed(bundle: ContentBundle, from: SeedSource): Promise<boolean> {
      if (await store.live()) return false;
      const comment = finding("seeded", { from });
      const version = await store.nextVersionNumber();
      const meta: VersionMeta = {
        version,
        state: "live",
        author: SYSTEM_ACTOR.subject,
        authorName: SYSTEM_ACTOR.displayName,
        createdAt: now(),
        comment: comment.message,
        commentFinding: comment.finding,
        approvedBy: SYSTEM_ACTOR.subject,
        approvedByName: SYSTEM_ACTOR.displayName,
        approvedAt: now(),
      };
      await store.putVersion(meta, bundle);
      if (!(await store.setLive({ version, since: now() }, undefined))) {
        // Another task seeded first; this version stays unused as "superseded", with why, so
        // nobody takes it for content customers were once answered from.
        const winner = (await store.live())?.version ?? version;
        const reason = finding("seedLost", { live: winner });
        await store.transition(version, "live", {
          state: "superseded",
          supersededByVersion: winner,
          supersededAt: now(),
          error: reason.message,
          errorFinding: reason.finding,
        });
        return false;
      }
      if (!(await store.draft())) await store.replaceDraft(bundle, draftMeta(SYSTEM_ACTOR));
      await audit(SYSTEM_ACTOR, "seed", { version, ...noted(comment) });
      return true;
    },

    liveVersion,

    liveScores,

    /**
     * The draft, its changes against live and the versions waiting for review; with `reader`,
     * also the reviews of their own versions that someone else decided lately (`decided`).
     */
    async draft(reader?: ContentActor) {
      const [draft, live, pending, recent] = await Promise.all([
        currentDraft(),
        liveVersion(),
        store.versionsIn("pending-review"),
        reader ? store.listVersions({ limit: DECISIONS_AMONG }) : [],
      ]);
      const changed = diffBundles(live.bundle, draft.bundle);
      // Oldest first: the order a reviewer would take them in.
      const pendingReview = pending.map((v) => v.version).sort((a, b) => a - b);
      const since = new Date(clock.now().getTime() - DECISIONS_TOLD_MS).toISOString();
      const decided = recent
        .flatMap((version) => {
          const decision = decisionOf(version);
          // An author who withdrew (or published without review) decided it themselves.
          return decision &&
            version.author === reader?.subject &&
            decision.by.subject !== reader.subject &&
            decision.at >= since
            ? [{ version, ...decision }]
            : [];
        })
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return { draft, liveVersion: live.version, changed, pendingReview, decided };
    },

    /**
     * What publishing the draft would change against the live version, with details and titles;
     * `pendingWithDraft` names the version waiting for review that has the draft's content
     * already, when one does: publishing it again would be refused as ALREADY_PENDING.
     */
    async draftDiff(): Promise<{
      against: number;
      topics: TopicChange[];
      pendingWithDraft?: number;
      inProgress?: { id: string; title?: string }[];
    }> {
      const [draft, live] = await Promise.all([currentDraft(), liveVersion()]);
      const topics = diffBundles(live.bundle, draft.bundle, {
        details: true,
        titles: true,
        previews: true,
      });
      // A draft equal to live has nothing to send, whatever waits for review.
      const pending = topics.length ? await pendingWith(draft.bundle, live.version) : undefined;
      // What publishing leaves behind, for the publish panel to say so.
      const unfinished = [...(draft.inProgress ?? new Map<string, InProgressTopic>())]
        .map(([id, work]) => ({ id, ...titleOf(work.body) }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      return {
        against: live.version,
        topics,
        ...(pending !== undefined ? { pendingWithDraft: pending } : {}),
        ...(unfinished.length > 0 ? { inProgress: unfinished } : {}),
      };
    },

    /** The draft's content (the topics in use, groups, lists, held-out messages). */
    async draftBundle(): Promise<ContentBundle> {
      return (await currentDraft()).bundle;
    },

    /** The draft and the live version side by side (try-it, test-all), without their diff. */
    async draftAndLive() {
      const [draft, live] = await Promise.all([currentDraft(), liveVersion()]);
      return { draft, live };
    },

    /** A topic of the draft in use or retired (one only in progress is not found). */
    async draftTopic(id: string): Promise<DraftTopicView> {
      const draft = await currentDraft();
      const retired = draft.retired.find((t) => t.id === id);
      const topic = draft.bundle.topics.find((t) => t.id === id) ?? retired;
      if (!topic) throw new ContentNotFoundError(finding("topicNotInDraft", { id }));
      const meta = draft.meta.get(id);
      return {
        topic,
        tests: heldOutFor(draft.bundle, id).tests,
        retired: Boolean(retired),
        system: (SYSTEM_TOPICS as readonly string[]).includes(id),
        ...(meta ? { meta } : {}),
      };
    },

    /**
     * A topic's unfinished work, if the draft has the topic in progress: what its editor
     * opens, before any version of it in use.
     */
    async draftWork(id: string): Promise<DraftWorkView | undefined> {
      const draft = await currentDraft();
      const inProgress = draft.inProgress?.get(id);
      const meta = draft.meta.get(id);
      return inProgress ? { inProgress, ...(meta ? { meta } : {}) } : undefined;
    },

    /** The rules' findings for a topic as typed, without saving it. */
    async checkTopic(id: string, json: unknown): Promise<ContentIssue[]> {
      const draft = await currentDraft();
      const { issues } = await rules.checkTopic(withId(json, id), draft.bundle, context());
      return followUpsInProgress(issues, draft);
    },

    /**
     * Saves a topic into the draft; errors refuse it and nothing is written. With `expected`
     * (the revision the person read), a save by someone else since refuses it too.
     */
    async saveTopic(actor: ContentActor, id: string, json: unknown, expected?: DraftExpectation) {
      let checked: Awaited<ReturnType<typeof rules.checkTopic>> | undefined;
      const warnings = () => checked?.issues.filter((i) => i.severity === "warning") ?? [];
      return changeDraftItem(
        "topic",
        id,
        expected,
        async (draft, expect) => {
          const result = await rules.checkTopic(withId(json, id), draft.bundle, context());
          checked = { ...result, issues: followUpsInProgress(result.issues, draft) };
          const errors = checked.issues.filter((i) => i.severity === "error");
          if (errors.length > 0 || !result.topic) throw new ContentInvalidError(errors);
          const existing = heldOutFor(draft.bundle, id);
          const meta = draftMeta(actor);
          const written = await store.putDraftTopic(
            {
              topic: result.topic,
              // A topic saved without its test messages keeps the ones it had.
              tests: result.tests ?? existing.tests,
              dev: existing.dev,
              meta,
            },
            expect,
          );
          if (!written) return CHANGED;
          await audit(actor, "draft-save", { topic: id });
          return { warnings: warnings(), revision: meta.revision };
        },
        (current) => {
          const meta = madeBy(actor, current.meta.get(id));
          const topic = current.bundle.topics.find((t) => t.id === id);
          const same =
            meta &&
            !current.inProgress?.has(id) &&
            sameContent(topic, checked?.topic) &&
            (!checked?.tests || sameContent(heldOutFor(current.bundle, id).tests, checked.tests));
          return same ? { warnings: warnings(), revision: meta.revision } : undefined;
        },
      );
    },

    /**
     * Saves a new topic unfinished: kept in the draft but out of its bundle (nothing trains on,
     * tests or publishes it) whatever the rules still find, which the answer names as
     * `problems`, the errors that keep it from use. Only for a topic the live version does not
     * have; a body that is no object naming this topic, or over MAX_IN_PROGRESS_BYTES, is
     * refused and nothing written. A save of it that passes the rules (`saveTopic`) finishes
     * it; one that passes saved this way stays in progress, as asked. `expected` as for
     * `saveTopic`.
     */
    async saveTopicInProgress(
      actor: ContentActor,
      id: string,
      json: unknown,
      expected?: DraftExpectation,
    ): Promise<InProgressSaveResult> {
      // An id no topic may have could never be finished: refused as a save of it would be.
      if (RESERVED_TOPIC_IDS.includes(id)) {
        throw new ContentInvalidError([
          {
            severity: "error",
            path: "id",
            ...finding("reservedId", { field: ["id"], ids: RESERVED_TOPIC_IDS }),
          },
        ]);
      }
      const body = withId(json, id);
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new ContentInvalidError([
          {
            severity: "error",
            path: "",
            ...finding("wrongType", { field: [], expected: "object" }),
          },
        ]);
      }
      const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
      if (bytes > MAX_IN_PROGRESS_BYTES) {
        throw new ContentRequestError(
          finding("inProgressTooLarge", { bytes, max: MAX_IN_PROGRESS_BYTES }),
        );
      }
      const live = await liveVersion();
      if (live.bundle.topics.some((t) => t.id === id)) {
        throw new ContentRequestError(finding("inProgressNotNew", { id }));
      }
      const work = body as Record<string, unknown>;
      let answer: Omit<InProgressSaveResult, "revision"> | undefined;
      return changeDraftItem(
        "topic",
        id,
        expected,
        async (draft, expect) => {
          const { issues } = await rules.checkTopic(work, draft.bundle, context());
          const found = followUpsInProgress(issues, draft);
          const problems = found.filter((i) => i.severity === "error");
          answer = {
            inProgress: true,
            // A topic the draft had in use (finished, never published) leaves it: whoever
            // offers it as a follow-up is told, as when it is retired.
            warnings: [
              ...found.filter((i) => i.severity === "warning"),
              ...stillFollowedBy(draft.bundle, id),
            ],
            problems,
          };
          const meta = draftMeta(actor);
          const written = await store.putDraftInProgress(
            { id, inProgress: { body: work, problems: problems.length }, meta },
            expect,
          );
          if (!written) return CHANGED;
          await audit(actor, "draft-save", { topic: id, inProgress: true });
          return { ...answer, revision: meta.revision };
        },
        (current) => {
          const meta = madeBy(actor, current.meta.get(id));
          return meta && answer && sameContent(current.inProgress?.get(id)?.body, work)
            ? { ...answer, revision: meta.revision }
            : undefined;
        },
      );
    },

    /**
     * Discards the draft's changes to a topic: it gets the live version's content and held-out
     * messages back (un-retired if the draft retired it). A topic the live version does not
     * have is retired instead, as its Retire would. Checked against the rest of the draft like
     * a save (a follow-up to a topic the draft retired refuses it, nothing written).
     */
    async revertTopic(
      actor: ContentActor,
      id: string,
      expected?: DraftExpectation,
    ): Promise<RevertResult> {
      const live = await liveVersion();
      const published = live.bundle.topics.find((t) => t.id === id);
      if (!published) {
        const draft = await currentDraft();
        const inUse = draft.bundle.topics.some((t) => t.id === id);
        const unfinished = Boolean(draft.inProgress?.has(id));
        if (!draft.retired.some((t) => t.id === id) && !inUse && !unfinished)
          throw new ContentNotFoundError(finding("topicNotInDraft", { id }));
        if (!inUse && !unfinished) return { result: "unchanged", warnings: [] };
        return { result: "retired", ...(await workflow.retireTopic(actor, id, expected)) };
      }
      const heldOut = heldOutFor(live.bundle, id);
      // A live topic an import left out of the draft is brought back like any other.
      return changeDraftItem("topic", id, expected, async (draft, expect) => {
        // Unfinished work beside it (live gained the topic meanwhile) is a change to discard.
        const unchanged =
          draft.bundle.topics.some((t) => t.id === id) &&
          !draft.inProgress?.has(id) &&
          !diffBundles(live.bundle, draft.bundle).some((c) => c.id === id && !c.kind);
        if (unchanged) return { result: "unchanged" as const, warnings: [] };
        const result = await rules.checkTopic(
          { ...published, tests: heldOut.tests },
          draft.bundle,
          context(),
        );
        const errors = result.issues.filter((i) => i.severity === "error");
        if (errors.length > 0) throw new ContentInvalidError(errors);
        const meta = draftMeta(actor);
        const written = await store.putDraftTopic(
          { topic: published, tests: heldOut.tests, dev: heldOut.dev, meta },
          expect,
        );
        if (!written) return CHANGED;
        await audit(actor, "draft-revert", { topic: id, version: live.version });
        return {
          result: "reverted" as const,
          warnings: result.issues.filter((i) => i.severity === "warning"),
          revision: meta.revision,
        };
      });
    },

    /**
     * Adds customer questions to a draft topic's training sentences or its test split, in
     * each text's language (the missed-question inbox's "teach"). The two splits never share
     * a sentence: a text already in the other one refuses the whole request, naming it. Texts
     * the split has already are skipped. Checked like any save, and in the audit trail. Added
     * to the topic as it is when written: another person's save in between is kept.
     */
    async teach(
      actor: ContentActor,
      id: string,
      split: TeachSplit,
      texts: readonly { lang: "fi" | "sv"; text: string }[],
      detail: Said,
      /** The revision the person's form was read at (the studio teaching a topic it just saved). */
      expected?: DraftExpectation,
    ): Promise<{ added: number; warnings: ContentIssue[]; revision?: string }> {
      return changeDraftItem("topic", id, expected, async (draft, expect) => {
        const topic = draft.bundle.topics.find((t) => t.id === id);
        if (!topic) throw new ContentNotFoundError(finding("topicNotInDraft", { id }));
        const key = (text: string) => text.trim().toLocaleLowerCase("fi");
        const heldOut = heldOutFor(draft.bundle, id);
        const next = {
          fi: { utterances: [...topic.fi.utterances], tests: [...heldOut.tests.fi] },
          sv: { utterances: [...topic.sv.utterances], tests: [...heldOut.tests.sv] },
        };
        const problems: ContentIssue[] = [];
        let added = 0;
        for (const { lang, text } of texts) {
          const trimmed = text.trim();
          // The other split, across every topic: a held-out sentence must be unseen in training.
          const training = new Set(draft.bundle.topics.flatMap((t) => t[lang].utterances.map(key)));
          const tested = new Set(
            [...draft.bundle.tests[lang], ...draft.bundle.dev[lang]].map((c) => key(c.text)),
          );
          const [own, other] =
            split === "training" ? [next[lang].utterances, tested] : [next[lang].tests, training];
          if (other.has(key(trimmed))) {
            problems.push({
              severity: "error",
              path: `${lang}.${split === "training" ? "utterances" : "tests"}`,
              ...finding("teachOtherSplit", { text: trimmed, into: split }),
            });

            continue;
          }
          if (own.some((t) => key(t) === key(trimmed))) continue;
          own.push(trimmed);
          added++;
        }
        if (problems.length > 0) throw new ContentInvalidError(problems);
        // Nothing new: the topic stays as it is (an open form's revision still holds).
        if (added === 0) {
          await audit(actor, "inbox-teach", { topic: id, ...noted(detail) });
          const unchanged = itemMeta(draft, "topic", id)?.revision;
          return { added, warnings: [], ...(unchanged ? { revision: unchanged } : {}) };
        }
        const json = {
          ...topic,
          fi: { ...topic.fi, utterances: next.fi.utterances },
          sv: { ...topic.sv, utterances: next.sv.utterances },
          tests: { fi: next.fi.tests, sv: next.sv.tests },
        };
        const result = await rules.checkTopic(json, draft.bundle, context());
        const errors = result.issues.filter((i) => i.severity === "error");
        if (errors.length > 0 || !result.topic) throw new ContentInvalidError(errors);
        const meta = draftMeta(actor);
        const work = draft.inProgress?.get(id);
        const written = await store.putDraftTopic(
          {
            topic: result.topic,
            tests: result.tests ?? { fi: next.fi.tests, sv: next.sv.tests },
            dev: heldOut.dev,
            meta,
            // Unfinished work beside the topic is the owner's: teaching leaves it.
            ...(work ? { inProgress: work } : {}),
          },
          expect,
        );
        if (!written) return CHANGED;
        await audit(actor, "inbox-teach", { topic: id, ...noted(detail) });
        return {
          added,
          warnings: result.issues.filter((i) => i.severity === "warning"),
          revision: meta.revision,
        };
      });
    },

    /**
     * Puts an inbox action in the audit trail whose content change, if any, has an entry of its
     * own (refer, keep as uncovered) or that changes no content (dismiss, confirm).
     */
    async recordInboxAction(
      actor: ContentActor,
      action: "inbox-refer" | "inbox-dismiss" | "inbox-uncovered" | "inbox-confirm",
      detail: Said,
      /** The group questions were referred to. */
      referral?: string,
    ): Promise<void> {
      await audit(actor, action, { ...noted(detail), ...(referral ? { referral } : {}) });
    },

    /**
     * Retires a topic in the draft; system topics cannot be retired. A topic in progress has
     * its unfinished work discarded instead: the item goes (as a topic never published goes
     * from use), or, beside a topic in use, the topic stays as it is.
     */
    async retireTopic(actor: ContentActor, id: string, expected?: DraftExpectation) {
      if ((SYSTEM_TOPICS as readonly string[]).includes(id)) {
        throw new ContentInvalidError([
          { severity: "error", path: "id", ...finding("systemTopicRetire", { id }) },
        ]);
      }
      return changeDraftItem("topic", id, expected, async (draft, expect) => {
        if (draft.inProgress?.has(id)) return discardWork(draft, actor, id, expect);
        const topic = draft.bundle.topics.find((t) => t.id === id);
        // Retired by someone since the person read it: theirs to see, not "not found".
        if (!topic && expected && "revision" in expected && draft.meta.has(id)) {
          throw new EditConflictError("topic", id, draft.meta.get(id));
        }
        if (!topic) throw new ContentNotFoundError(finding("topicNotInDraft", { id }));
        const without = withTopic(draft.bundle, id, undefined, undefined);
        const heldOut = heldOutFor(draft.bundle, id);
        const retiredMeta = { ...draftMeta(actor), retired: true };
        const written = await store.putDraftTopic(
          {
            topic,
            tests: heldOut.tests,
            dev: heldOut.dev,
            meta: retiredMeta,
          },
          expect,
        );
        if (!written) return CHANGED;
        await audit(actor, "draft-retire", { topic: id });
        return { warnings: stillFollowedBy(without, id), revision: retiredMeta.revision };
      });
    },

    /** One referral group of the draft, with who changed it last. */
    async draftReferral(id: string): Promise<DraftReferralView> {
      const draft = await currentDraft();
      const referral = draft.bundle.referrals.find((r) => r.id === id);
      if (!referral) throw new ContentNotFoundError(finding("referralNotInDraft", { id }));
      const meta = draft.referralMeta.get(id);
      return { referral, ...(meta ? { meta } : {}) };
    },

    /** The rules' findings for a referral group as typed, without saving it. */
    async checkReferral(id: string, json: unknown): Promise<ContentIssue[]> {
      const draft = await currentDraft();
      return (await rules.checkReferral(withId(json, id, "referrals"), draft.bundle)).issues;
    },

    /**
     * Saves a referral group into the draft (new or changed); errors refuse it, nothing is
     * written. `expected` as for topics.
     */
    async saveReferral(
      actor: ContentActor,
      id: string,
      json: unknown,
      expected?: DraftExpectation,
    ) {
      let checked: Awaited<ReturnType<typeof rules.checkReferral>> | undefined;
      const warnings = () => checked?.issues.filter((i) => i.severity === "warning") ?? [];
      return changeDraftItem(
        "referral",
        id,
        expected,
        async (draft, expect) => {
          const result = await rules.checkReferral(withId(json, id, "referrals"), draft.bundle);
          checked = result;
          const errors = result.issues.filter((i) => i.severity === "error");
          if (errors.length > 0 || !result.referral) throw new ContentInvalidError(errors);
          const meta = draftMeta(actor);
          if (!(await store.putDraftReferral({ id, group: result.referral, meta }, expect)))
            return CHANGED;
          await audit(actor, "draft-save", { referral: id });
          return { warnings: warnings(), revision: meta.revision };
        },
        (current) => {
          const meta = madeBy(actor, current.referralMeta.get(id));
          const group = current.bundle.referrals.find((r) => r.id === id);
          return meta && sameContent(group, checked?.referral)
            ? { warnings: warnings(), revision: meta.revision }
            : undefined;
        },
      );
    },

    /**
     * Discards the draft's changes to a referral group: the live version's group comes back;
     * one the live version does not have is removed, as its Remove would.
     */
    async revertReferral(
      actor: ContentActor,
      id: string,
      expected?: DraftExpectation,
    ): Promise<RevertResult> {
      const live = await liveVersion();
      const published = live.bundle.referrals.find((r) => r.id === id);
      if (!published) {
        return { result: "retired", ...(await workflow.retireReferral(actor, id, expected)) };
      }
      return changeDraftItem("referral", id, expected, async (draft, expect) => {
        const inDraft = draft.bundle.referrals.some((r) => r.id === id);
        // Compared as the diff compares (field order and surrounding whitespace aside).
        const unchanged =
          inDraft &&
          !diffBundles(live.bundle, draft.bundle).some((c) => c.id === id && c.kind === "referral");
        if (unchanged) return { result: "unchanged" as const, warnings: [] };
        const result = await rules.checkReferral(published, draft.bundle);
        const meta = draftMeta(actor);
        const errors = result.issues.filter((i) => i.severity === "error");
        if (errors.length > 0) throw new ContentInvalidError(errors);
        if (!(await store.putDraftReferral({ id, group: published, meta }, expect))) return CHANGED;
        await audit(actor, "draft-revert", { referral: id, version: live.version });
        return {
          result: "reverted" as const,
          warnings: result.issues.filter((i) => i.severity === "warning"),
          revision: meta.revision,
        };
      });
    },

    /** Removes a referral group from the draft: its messages become plain misses again. */
    async retireReferral(actor: ContentActor, id: string, expected?: DraftExpectation) {
      return changeDraftItem("referral", id, expected, async (draft, expect) => {
        if (!draft.bundle.referrals.some((r) => r.id === id)) {
          // Removed by someone since the person read it: a conflict, told as gone.
          if (expected && "revision" in expected)
            throw new EditConflictError("referral", id, undefined);
          throw new ContentNotFoundError(finding("referralNotInDraft", { id }));
        }
        const meta = { ...draftMeta(actor), retired: true };
        if (!(await store.putDraftReferral({ id, meta }, expect))) return CHANGED;
        await audit(actor, "draft-retire", { referral: id });
        return { warnings: [] as ContentIssue[] };
      });
    },

    /**
     * Adds customers' messages to a referral group's sentences in `lang` (the missed-question
     * inbox's "refer" action). A text the group already has is skipped; one that teaches
     * another group or a topic refuses the whole call (CONTENT_INVALID, naming where it is).
     */
    async addReferralSentences(
      actor: ContentActor,
      id: string,
      lang: Lang,
      texts: readonly string[],
    ): Promise<{ added: number; warnings: ContentIssue[] }> {
      return changeDraftItem("referral", id, undefined, async (draft, expect) => {
        const group = draft.bundle.referrals.find((r) => r.id === id);
        if (!group) throw new ContentNotFoundError(finding("referralNotInDraft", { id }));
        const have = new Set(group[lang].sentences.map(utteranceKey));
        const fresh: string[] = [];
        for (const raw of texts) {
          const text = raw.trim();
          const key = utteranceKey(text);
          if (key === "" || have.has(key)) continue;
          have.add(key);
          fresh.push(text);
        }
        if (fresh.length === 0) return { added: 0, warnings: [] };
        const next: ReferralGroup = {
          ...group,
          [lang]: { ...group[lang], sentences: [...group[lang].sentences, ...fresh] },
        };
        const result = await rules.checkReferral(next, draft.bundle);
        const errors = result.issues.filter((i) => i.severity === "error");
        if (errors.length > 0 || !result.referral) throw new ContentInvalidError(errors);
        const meta = draftMeta(actor);
        if (!(await store.putDraftReferral({ id, group: result.referral, meta }, expect)))
          return CHANGED;
        await audit(actor, "draft-save", {
          referral: id,
          ...noted(finding("referralSentencesAdded", { count: fresh.length, lang })),
        });
        return {
          added: fresh.length,
          warnings: result.issues.filter((i) => i.severity === "warning"),
        };
      });
    },

    /** The draft's out-of-scope examples, with who changed them last. */
    async draftOutOfScope(): Promise<DraftOutOfScopeView> {
      const { value, meta } = await readList(outOfScopeList);
      return { outOfScope: value, ...(meta ? { meta } : {}) };
    },

    /** The rules' findings for the out-of-scope lists as typed, without saving them. */
    checkOutOfScope: (json: unknown) => checkList(outOfScopeList, json),

    /**
     * Saves the out-of-scope lists into the draft, replacing them; the "none" held-out messages
     * stay. Errors refuse it and nothing is written; `expected` as for topics.
     */
    saveOutOfScope: (actor: ContentActor, json: unknown, expected?: DraftExpectation) =>
      saveList(outOfScopeList, actor, json, expected),

    /**
     * Discards the draft's changes to the out-of-scope lists: the live version's come back.
     * Checked against the rest of the draft like a save: a live sentence that a draft topic
     * or group now teaches refuses it (CONTENT_INVALID naming it), and nothing is written.
     */
    revertOutOfScope: (actor: ContentActor, expected?: DraftExpectation) =>
      revertList(outOfScopeList, actor, expected),

    /** The draft's uncovered questions (none yet: empty lists), with who changed them last. */
    async draftUncovered(): Promise<DraftUncoveredView> {
      const { value, meta } = await readList(uncoveredList);
      return { uncovered: value, ...(meta ? { meta } : {}) };
    },

    /** The rules' findings for the uncovered questions as typed, without saving them. */
    checkUncovered: (json: unknown) => checkList(uncoveredList, json),

    /**
     * Adds customers' questions to the draft's uncovered questions, each in its language, under
     * `matter` (the missed-question inbox's "keep as uncovered"). A question the set already has
     * in that language is skipped, keeping the matter the set has it under (`keptUnder`, one per
     * text in order: what the set says of each once written); the rest are checked with the
     * whole set as a save of it is:
     * one that something trains on or that is a held-out message refuses the whole call
     * (CONTENT_INVALID naming it) and nothing is written. Added to the set as it is when
     * written: another person's save in between is kept, and audited as a save of the set.
     */
    async addUncovered(
      actor: ContentActor,
      texts: readonly { lang: Lang; text: string }[],
      matter: string,
    ): Promise<{
      added: number;
      keptUnder: string[];
      warnings: ContentIssue[];
      revision?: string;
    }> {
      return changeDraftItem(
        uncoveredList.kind,
        uncoveredList.id,
        undefined,
        async (draft, expect) => {
          const before = uncoveredOf(draft.bundle);
          const next = { fi: [...before.fi], sv: [...before.sv] };
          // As the rules tell two uncovered questions apart, so a skip is never refused as twice;
          // with each one's matter, since a question kept once keeps the matter it was kept under.
          const have = {
            fi: new Map(before.fi.map((c) => [heldOutKey(c.text), c.matter])),
            sv: new Map(before.sv.map((c) => [heldOutKey(c.text), c.matter])),
          };
          let added = 0;
          const keptUnder: string[] = [];
          for (const { lang, text: raw } of texts) {
            const text = raw.trim();
            const key = heldOutKey(text);
            const kept = have[lang].get(key);
            keptUnder.push(kept ?? matter);
            if (key === "" || kept !== undefined) continue;
            have[lang].set(key, matter);
            next[lang].push({ text, matter });
            added++;
          }
          const unchanged = uncoveredList.meta(draft)?.revision;
          if (added === 0)
            return {
              added,
              keptUnder,
              warnings: [],
              ...(unchanged ? { revision: unchanged } : {}),
            };
          const result = await uncoveredList.check(next, draft.bundle);
          const errors = result.issues.filter((i) => i.severity === "error");
          if (errors.length > 0 || result.value === undefined)
            throw new ContentInvalidError(errors);
          const meta = draftMeta(actor);
          if (!(await uncoveredList.put(result.value, meta, expect))) return CHANGED;
          await audit(actor, "draft-save", {
            ...uncoveredList.mark,
            ...noted(listEdited(uncoveredList.diff(before, result.value))),
          });
          return {
            added,
            keptUnder,
            warnings: result.issues.filter((i) => i.severity === "warning"),
            revision: meta.revision,
          };
        },
      );
    },

    /**
     * Saves the uncovered questions into the draft, both languages replaced. Errors refuse it
     * (a question also trained on, held out, or listed twice) and nothing is written;
     * `expected` as for topics.
     */
    saveUncovered: (actor: ContentActor, json: unknown, expected?: DraftExpectation) =>
      saveList(uncoveredList, actor, json, expected),

    /**
     * Discards the draft's changes to the uncovered questions: the live version's come back,
     * checked like a save (a live question a draft topic now trains on refuses it).
     */
    revertUncovered: (actor: ContentActor, expected?: DraftExpectation) =>
      revertList(uncoveredList, actor, expected),

    /**
     * Publishes the draft as a new version: pending review, or without four-eyes live (or
     * building, when the go-live is deferred).
     */
    async publish(actor: ContentActor, comment: string): Promise<PublishResult> {
      const draft = await currentDraft();
      const live = await liveVersion();
      const changes = diffBundles(live.bundle, draft.bundle);
      if (changes.length === 0) throw new ContentConflictError(finding("nothingToPublish", {}));
      const editors = versionEditors({
        changes,
        draft,
        entries: await draftWritesSince((await store.live())?.since),
        author: actor.subject,
      });
      return createVersion(actor, draft.bundle, { comment, editors }).catch((error: unknown) => {
        if (!(error instanceof ContentInvalidError)) throw error;
        throw new ContentInvalidError(followUpsInProgress(error.problems, draft));
      });
    },

    async approve(actor: ContentActor, version: number): Promise<PublishResult> {
      const found = await meta(version);
      if (found.author === actor.subject) throw new SelfApprovalError();
      if (found.editors?.some((editor) => editor.subject === actor.subject)) {
        throw new SelfApprovalError("ownChanges");
      }
      if (found.state !== "pending-review") {
        throw new ContentConflictError(
          finding("wrongState", { version, state: found.state, action: "approve" }),
        );
      }
      // Published against a version no longer live: approving it would undo what went live
      // since. Marked superseded (the sweep at go-live missed it, or it predates the sweep).
      const live = await store.live();
      if (live && staleAgainst(found, live.version)) {
        await supersede(version, live.version);
        throw new VersionStaleError(version, found.basedOn, live.version);
      }
      const bundle = await store.versionBundle(version);
      if (!bundle) throw new ContentNotFoundError(finding("versionNoContent", { version }));
      return approveAndGoLive(found, bundle, actor, { reviewed: true });
    },

    /**
     * Finishes the go-live `deferGoLive` handed over (the publisher function calls it): the
     * version must be building; it ends live, or failed with the reason and the old one live.
     */
    async completeGoLive(version: number): Promise<PublishResult> {
      const found = await meta(version);
      if (found.state !== "building") {
        throw new ContentConflictError(
          finding("wrongState", { version, state: found.state, action: "go-live" }),
        );
      }
      const bundle = await store.versionBundle(version);
      if (!bundle) throw new ContentNotFoundError(finding("versionNoContent", { version }));
      return goLive(found, bundle);
    },

    async reject(actor: ContentActor, version: number, typed: string): Promise<PublishResult> {
      const comment = maskPersonalData(typed).text;
      const standIn = finding("rejectedInReview", {});
      const found = await meta(version);
      if (found.state !== "pending-review") {
        throw new ContentConflictError(
          finding("wrongState", { version, state: found.state, action: "reject" }),
        );
      }
      if (
        !(await store.transition(version, "pending-review", {
          state: "rejected",
          // The reviewer's own words are shown as written; only the stand-in is told.
          ...(comment
            ? { error: comment }
            : { error: standIn.message, errorFinding: standIn.finding }),
          ...rejectedBy(actor),
        }))
      ) {
        throw new ContentConflictError(finding("decidedMeanwhile", { version }));
      }
      await audit(actor, "reject", { version, detail: comment });
      return { version, state: "rejected" };
    },

    /**
     * The author takes back a version still waiting for review: it ends rejected, its reason
     * saying the author withdrew it. Reviewers reject instead.
     */
    async withdraw(actor: ContentActor, version: number): Promise<PublishResult> {
      const found = await meta(version);
      if (found.author !== actor.subject) throw new NotAuthorError(version);
      if (found.state !== "pending-review") {
        throw new ContentConflictError(
          finding("wrongState", { version, state: found.state, action: "withdraw" }),
        );
      }
      const reason = finding("withdrawnByAuthor", {});
      const withdrawn = {
        state: "rejected" as const,
        error: reason.message,
        errorFinding: reason.finding,
        ...rejectedBy(actor),
      };
      if (!(await store.transition(version, "pending-review", withdrawn))) {
        throw new ContentConflictError(finding("decidedMeanwhile", { version }));
      }
      await audit(actor, "withdraw", { version });
      return { version, state: "rejected" };
    },

    /**
     * A new version with `version`'s content, reviewed like any other; `typed` is why, in the
     * words of whoever asks (kept masked in its comment and the audit trail).
     */
    async rollback(actor: ContentActor, version: number, typed = ""): Promise<PublishResult> {
      const target = await meta(version);
      // Back only to content customers were once answered from: reviving another version by
      // "rollback" would read as a return to something known.
      if (!wasLiveBefore(target)) {
        throw new ContentConflictError(
          finding("rollbackNotEarlierLive", { version, state: target.state }),
        );
      }
      const bundle = await store.versionBundle(version);
      if (!bundle) throw new ContentNotFoundError(finding("versionNoContent", { version }));
      // The reason is the person's, the sentence around it the service's: the comment stays a
      // finding, told in the reader's language with the reason as written.
      const reason = maskPersonalData(typed).text.trim();
      return createVersion(actor, bundle, {
        comment: finding("rolledBack", { version, ...(reason ? { reason } : {}) }),
        rollbackOf: version,
      });
    },

    /**
     * The history newest first: all of it, or a page of `limit` older than `before`, and
     * whether older versions remain.
     */
    async versions(page: VersionPage = {}) {
      // One more than asked tells whether there is another page without a second read.
      const limit = page.limit === undefined ? undefined : page.limit + 1;
      const [live, found] = await Promise.all([
        store.live(),
        store.listVersions({ ...page, limit }),
      ]);
      const listed = limit === undefined ? found : found.slice(0, page.limit);
      // The live version is what a reviewer compares a pending one with: it needs numbers,
      // the honesty figure among them (liveScores does not score a version twice for it).
      const unscored = listed.find(
        (v) => v.version === live?.version && !(v.scores && scoresComplete(v.scores)),
      );
      // A scoring that fails (training) leaves the numbers out, as before; the list stands.
      const scores = unscored ? await liveScores().catch(() => undefined) : undefined;
      const versions = scores ? listed.map((v) => (v === unscored ? { ...v, scores } : v)) : listed;
      return {
        live: live?.version ?? 0,
        versions,
        more: found.length > versions.length,
        // Whether a publish waits for a reviewer (four-eyes) or goes live at once.
        reviewRequired: deps.settings.requireReview,
      };
    },

    /** A version's content with the live version's, to test one against the other. */
    async versionAndLive(
      version: number,
    ): Promise<{ bundle: ContentBundle; live: { version: number; bundle: ContentBundle } }> {
      await meta(version);
      const [bundle, live] = await Promise.all([store.versionBundle(version), liveVersion()]);
      if (!bundle) throw new ContentNotFoundError(finding("versionNoContent", { version }));
      return { bundle, live };
    },

    /**
     * What `version` changes against the live version (or, for the live one, its base); with
     * `since`, against that version instead (a version published again after a rejection,
     * against the rejected one: what the author changed since the reviewer's verdict).
     */
    async diff(
      version: number,
      since?: number,
    ): Promise<{ version: number; against: number; topics: TopicChange[] }> {
      const found = await meta(version);
      if (since !== undefined) await meta(since);
      const live = await liveVersion();
      const against =
        since ?? (found.version === live.version ? (found.basedOn ?? found.version) : live.version);
      const [before, after] = await Promise.all([
        store.versionBundle(against),
        store.versionBundle(version),
      ]);
      if (!before || !after)
        throw new ContentNotFoundError(finding("versionNoContent", { version }));
      return {
        version,
        against,
        topics: diffBundles(before, after, { details: true, titles: true, previews: true }),
      };
    },

    /** A page of the audit trail, of every item or of one topic or referral group. */
    auditTrail: (query: AuditQuery) => store.auditTrail(query),

    /** Replaces the draft with content from files (content:import). */
    async importDraft(actor: ContentActor, bundle: ContentBundle, source: string) {
      const issues = (await rules.checkBundle(bundle, context())).filter(
        (i) => i.severity === "error",
      );
      if (issues.length > 0) throw new ContentInvalidError(issues);
      await store.replaceDraft(bundle, draftMeta(actor));
      await audit(actor, "import", { detail: source });
    },
  };
  return workflow;
}

export type ContentWorkflow = ReturnType<typeof createContentWorkflow>;

/** A body's title for lists: its Finnish one, or its Swedish one, if it has a text there. */
function titleOf(body: Readonly<Record<string, unknown>>): { title?: string } {
  for (const lang of LANGS) {
    const part = body[lang];
    const title =
      typeof part === "object" && part !== null ? (part as { title?: unknown }).title : undefined;
    if (typeof title === "string" && title.trim()) return { title: title.trim() };
  }
  return {};
}

// The path names the topic (or referral group); a body may leave the id out, but must not
// name another one.
function withId(json: unknown, id: string, folder: "topics" | "referrals" = "topics"): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  const named = (json as { id?: unknown }).id;
  if (named !== undefined && named !== id) {
    throw new ContentInvalidError([
      {
        severity: "error",
        path: "id",
        ...finding("idMismatch", { named: String(named), id, folder }),
      },
    ]);
  }
  return { ...(json as Record<string, unknown>), id };
}

/**
 * Whether making `version` live over live version `live` would undo what went live after it
 * was published: it was published (or its rollback asked for) against another live version.
 * Versions stored before `basedOn` was kept are stale when older than the live one.
 */
export function staleAgainst(version: VersionMeta, live: number): boolean {
  return version.basedOn !== undefined ? version.basedOn !== live : version.version < live;
}

/** Earlier approval first; the version number breaks a tie, so both sides agree. */
function byApproval(a: VersionMeta, b: VersionMeta): number {
  const at = (v: VersionMeta) => v.approvedAt ?? v.createdAt;
  return at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.version - b.version;
}
