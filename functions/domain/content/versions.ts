import type { Finding } from "../../contracts/contentFindings.ts";
import type { Lang } from "../../contracts/lang.ts";

/**
 * Content versions and the audit trail: what the studio's workflow stores. A version is
 * immutable once written; only its state moves (pending-review → building → live →
 * superseded, or rejected / failed), and one without test-gate numbers may have them added. A
 * version still pending review when another one goes live is superseded too, unless it was
 * published against that one: approving it would undo what went live. Its author withdrawing
 * it makes it rejected.
 */

export const VERSION_STATES = [
  "pending-review",
  /** Approved and being readied (the Lex build in AWS); the studio shows it until it ends. */
  "building",
  "live",
  "superseded",
  "rejected",
  "failed",
] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** How a version did on the test split when it was published: the gate's numbers. */
export type VersionScores = Record<
  Lang,
  {
    /** Held-out test messages scored. */
    total: number;
    /** Share answered with the right topic (or `none`), 0..1. */
    accuracy: number;
    /** Share of messages no topic covers that got `none`, 0..1. */
    noneRecall: number;
    /**
     * Share of the uncovered questions (tax questions no topic covers) the chat would answer
     * with a topic's text, 0..1: the honesty figure the gate holds to MAX_UNCOVERED_ANSWERED.
     * Absent for versions scored before it was kept.
     */
    uncoveredAnswered?: number;
    /** How many uncovered questions that share is of (0: the version kept none). */
    uncoveredCases?: number;
    /**
     * How its answers to the test split's messages differ from those of the version live when
     * it was published (`version`, its `basedOn`): `newMistakes` live answered right and this
     * one wrong, `fixed` the reverse. What a version makes worse in topics nobody touched,
     * which its accuracy alone hides. Absent for a version published with none live (the
     * seed), for the live version's own numbers worked out later, and for versions published
     * before it was kept.
     */
    againstLive?: AgainstLive;
  }
>;

/** A version's test-split answers against the live version's (`VersionScores`). */
export interface AgainstLive {
  version: number;
  newMistakes: number;
  fixed: number;
}

/**
 * Whether `scores` carry the honesty figure in every language: the live version's numbers
 * kept before it was are worked out again, or a reviewer could not compare with them.
 */
export function scoresComplete(scores: VersionScores): boolean {
  return Object.values(scores).every((lang) => lang.uncoveredCases !== undefined);
}

export interface VersionMeta {
  version: number;
  state: VersionState;
  /** Subject of the person who published it. */
  author: string;
  authorName: string;
  createdAt: string;
  comment: string;
  /** A comment the service wrote (version 1's), as a finding to tell it in the studio's language. */
  commentFinding?: Finding;
  /**
   * The test gate's numbers when it was published. Version 1 (and a version published before
   * they were kept) gets them the first time it is asked for while live: scoring its immutable
   * content then gives what the gate would have said.
   */
  scores?: VersionScores;
  /** Set for a rollback: the version whose content this one restores. */
  rollbackOf?: number;
  /**
   * The live version when this one was published (or its rollback asked for): what its diff
   * is against, and the only live version it may be approved over.
   */
  basedOn?: number;
  /**
   * Others whose changes are in it (each changed item's last editor, and who the audit trail
   * names writing one since the live version went live): they may not approve it either.
   * Absent for a rollback and for versions published before this was kept.
   */
  editors?: { subject: string; name: string }[];
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
  /**
   * Who rejected it and when: a reviewer, or its author withdrawing it. Absent for versions
   * rejected before this was kept.
   */
  rejectedBy?: string;
  rejectedByName?: string;
  rejectedAt?: string;
  /**
   * The version whose go-live superseded this one (the next live one, or for a version
   * waiting for review the one that went live first), and when. Absent for versions
   * superseded before this was kept.
   */
  supersededByVersion?: number;
  supersededAt?: string;
  /**
   * Why it is rejected, failed or (never live) superseded, in words the studio shows
   * (English, or the reviewer's).
   */
  error?: string;
  /** The same reason as a finding, to tell it in the studio's language; absent for a reviewer's own words. */
  errorFinding?: Finding;
}

export interface LivePointer {
  version: number;
  since: string;
}

export const AUDIT_ACTIONS = [
  "seed",
  "draft-save",
  "draft-retire",
  /** A topic or referral group given back its live content in the draft. */
  "draft-revert",
  "publish",
  "approve",
  "reject",
  /** The author took back a version waiting for review (it is rejected). */
  "withdraw",
  "rollback",
  "live",
  /** A version waiting for review that another version going live made stale. */
  "supersede",
  "failed",
  "import",
  /**
   * Missed-question inbox: questions taught to a topic, referred to an agency, dismissed, kept
   * as uncovered questions; as an addition, sampled answers confirmed right (answer review).
   */
  "inbox-teach",
  "inbox-refer",
  "inbox-dismiss",
  "inbox-uncovered",
  "inbox-confirm",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  /** Subject of who did it; "system" for what the service did by itself. */
  actor: string;
  actorName: string;
  action: AuditAction;
  version?: number;
  topic?: string;
  /** The referral group changed, for draft-save and draft-retire of a group. */
  referral?: string;
  /** Set when draft-save or draft-revert changed the out-of-scope examples. */
  outOfScope?: true;
  /** Set when draft-save or draft-revert changed the uncovered questions. */
  uncovered?: true;
  /**
   * Set when draft-save saved a topic unfinished, or draft-retire discarded a topic's
   * unfinished work.
   */
  inProgress?: true;
  /** In English, or a person's own words (a publish comment, a reviewer's reason). */
  detail?: string;
  /** The detail as the service noted it, to tell it in the studio's language. */
  detailFinding?: Finding;
}

/** Who is acting in the studio, from their verified staff token. */
export interface ContentActor {
  subject: string;
  displayName: string;
}

export const SYSTEM_ACTOR: ContentActor = { subject: "system", displayName: "system" };

/**
 * Whether customers were once answered from `version` and no longer are: the only versions a
 * rollback may return to. A rejected or withdrawn version never passed review; one superseded
 * while it waited was never approved; one superseded with a reason (a seed another task beat)
 * was approved by the service but never live.
 */
export function wasLiveBefore(
  version: Pick<VersionMeta, "state" | "approvedBy" | "error">,
): boolean {
  return (
    version.state === "superseded" &&
    version.approvedBy !== undefined &&
    version.error === undefined
  );
}

/** How a version left review: approved (whatever happened next), rejected, or superseded unreviewed. */
export type VersionOutcome = "approved" | "rejected" | "superseded";

/** Who decided a version's review, how and when; what its author is told. */
export interface VersionDecision {
  outcome: VersionOutcome;
  by: ContentActor;
  at: string;
}

/**
 * How `version`'s review was decided, if it was and the version says when: approved by its
 * approver, rejected by a reviewer or withdrawn by its author, or superseded by the service
 * because another version went live first.
 */
export function decisionOf(version: VersionMeta): VersionDecision | undefined {
  const person = (subject: string, name: string | undefined) => ({
    subject,
    displayName: name ?? subject,
  });
  if (version.state === "rejected" && version.rejectedBy && version.rejectedAt) {
    return {
      outcome: "rejected",
      by: person(version.rejectedBy, version.rejectedByName),
      at: version.rejectedAt,
    };
  }
  if (version.approvedBy && version.approvedAt) {
    return {
      outcome: "approved",
      by: person(version.approvedBy, version.approvedByName),
      at: version.approvedAt,
    };
  }
  if (version.state === "superseded" && version.supersededAt) {
    return { outcome: "superseded", by: SYSTEM_ACTOR, at: version.supersededAt };
  }
  return undefined;
}
