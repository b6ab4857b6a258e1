import type { ReferralGroup, TopicFile, UncoveredCase } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import {
  type ContentBundle,
  heldOutFor,
  type ScopeContent,
  scopeOf,
  type TopicHeldOut,
  uncoveredOf,
} from "./bundle.ts";
import { changedItems } from "./bundleDiff.ts";
import type { Draft, DraftExpectation, InProgressTopic } from "./contentStore.ts";

/**
 * Bringing the shared draft along when the live version changes under it (an approved
 * rollback): a three-way merge per item (topic, referral group, the out-of-scope item, the
 * uncovered questions) with
 *
 * - `base`: the content that was live before, which the draft's changes are against;
 * - `target`: the content that is live now;
 * - the draft as stored.
 *
 * An item the draft has not changed against `base` takes `target`'s content (added, changed,
 * retired or removed as `target` has it). An item the draft has changed stays as its owner
 * left it, and so shows as a change against the new live version, to publish or discard.
 * "Changed" is what the studio lists as the draft's changes (`diffBundles`): the content with
 * its test and dev messages, a retired topic counting as one the draft does not have.
 *
 * A topic in progress is the owner's work, in no version: it is never an edit to merge, and
 * a write of its item (a topic of that id that `target` has) keeps the work beside the topic.
 *
 * Pure: the workflow writes the plan, each item only over the revision read here, so that a
 * save made meanwhile is kept rather than overwritten.
 */

/** One draft item, named. */
export type DraftItemRef =
  | { kind: "topic" | "referral"; id: string }
  | { kind: "scope" }
  | { kind: "uncovered" };

/** A write that gives an item the draft had not changed the new live content. */
export type DraftRebaseWrite =
  | {
      kind: "topic";
      id: string;
      /** The item as read: the write is made only over it. */
      expected: DraftExpectation;
      /** With `retired`, the content it is retired with (the draft's own, as Retire keeps it). */
      topic: TopicFile;
      heldOut: TopicHeldOut;
      retired: boolean;
      /** The draft's unfinished work on the topic, kept with it. */
      inProgress?: InProgressTopic;
    }
  | {
      kind: "referral";
      id: string;
      expected: DraftExpectation;
      /** None: the group is removed from the draft. */
      group?: ReferralGroup;
    }
  | { kind: "scope"; expected: DraftExpectation; scope: ScopeContent }
  | { kind: "uncovered"; expected: DraftExpectation; uncovered: Record<Lang, UncoveredCase[]> };

export interface DraftRebasePlan {
  writes: DraftRebaseWrite[];
  /** The draft's own changes against `base`, kept as they are (none of them is written). */
  kept: DraftItemRef[];
}

/** What a write of a topic or group expects: the item as `draft` has it, or none. */
function expectationOf(draft: Draft, kind: "topic" | "referral", id: string): DraftExpectation {
  if (kind === "topic") {
    const stored =
      [...draft.bundle.topics, ...draft.retired].some((t) => t.id === id) ||
      Boolean(draft.inProgress?.has(id));
    return stored ? { revision: draft.meta.get(id)?.revision } : { absent: true };
  }
  const stored = (draft.bundle.referrals ?? []).some((r) => r.id === id);
  return stored ? { revision: draft.referralMeta.get(id)?.revision } : { absent: true };
}

/** The writes that take `draft` from `base` to `target`, and the draft's changes it keeps. */
export function planDraftRebase(
  base: ContentBundle,
  target: ContentBundle,
  draft: Draft,
): DraftRebasePlan {
  const edited = changedItems(base, draft.bundle);
  const moved = changedItems(base, target);
  const kept: DraftItemRef[] = [
    ...[...edited.topics].map((id) => ({ kind: "topic" as const, id })),
    ...[...edited.referrals].map((id) => ({ kind: "referral" as const, id })),
    ...(edited.scope ? [{ kind: "scope" as const }] : []),
    ...(edited.uncovered ? [{ kind: "uncovered" as const }] : []),
  ];
  const writes: DraftRebaseWrite[] = [];

  for (const id of moved.topics) {
    if (edited.topics.has(id)) continue;
    const expected = expectationOf(draft, "topic", id);
    const work = draft.inProgress?.get(id);
    const kept = work ? { inProgress: work } : {};
    const topic = target.topics.find((t) => t.id === id);
    if (topic) {
      writes.push({
        kind: "topic",
        id,
        expected,
        topic,
        heldOut: heldOutFor(target, id),
        retired: false,
        ...kept,
      });
      continue;
    }
    // Gone from the new live version: retired in the draft, its content kept there as Retire
    // keeps it. Unchanged in the draft means the draft has it as the old live version did.
    const inDraft = draft.bundle.topics.find((t) => t.id === id);
    if (inDraft) {
      writes.push({
        kind: "topic",
        id,
        expected,
        topic: inDraft,
        heldOut: heldOutFor(draft.bundle, id),
        retired: true,
        ...kept,
      });
    }
  }

  for (const id of moved.referrals) {
    if (edited.referrals.has(id)) continue;
    // Versions stored before referral groups existed have none.
    const group = (target.referrals ?? []).find((r) => r.id === id);
    const inDraft = (draft.bundle.referrals ?? []).some((r) => r.id === id);
    if (!group && !inDraft) continue;
    writes.push({
      kind: "referral",
      id,
      expected: expectationOf(draft, "referral", id),
      ...(group ? { group } : {}),
    });
  }

  if (moved.scope && !edited.scope) {
    // A stored draft always has its scope item; one written before revisions has none.
    const expected: DraftExpectation = { revision: draft.scopeMeta?.revision };
    writes.push({ kind: "scope", expected, scope: scopeOf(target) });
  }

  if (moved.uncovered && !edited.uncovered) {
    // A draft stored before the set was edited in the studio has no item of it to expect.
    const meta = draft.uncoveredMeta;
    const expected: DraftExpectation = meta ? { revision: meta.revision } : { absent: true };
    writes.push({ kind: "uncovered", expected, uncovered: uncoveredOf(target) });
  }

  return { writes, kept };
}
