import { OUT_OF_SCOPE_ID } from "../../contracts/topics.ts";
import type { TopicChange } from "./bundleDiff.ts";
import type { Draft, DraftTopicMeta } from "./contentStore.ts";
import type { AuditAction, AuditEntry } from "./versions.ts";

/** Someone other than a version's author whose changes are in it. */
export interface VersionEditor {
  subject: string;
  name: string;
}

/** Audit actions that change the draft's content (what a version is made of). */
const DRAFT_WRITES: ReadonlySet<AuditAction> = new Set<AuditAction>([
  "draft-save",
  "draft-retire",
  "draft-revert",
  "inbox-teach",
  "inbox-refer",
  "inbox-uncovered",
]);

/**
 * Who besides `author` changed what a version changes: each changed item's last editor, and
 * whoever the audit trail `entries` (newest first, as far back as the caller read) names
 * writing one of those items since its last discard. A reviewer who wrote part of a version would otherwise approve
 * their own words under someone else's publish, and four eyes would be two.
 */
export function versionEditors(args: {
  changes: readonly TopicChange[];
  draft: Pick<Draft, "meta" | "referralMeta" | "scopeMeta" | "uncoveredMeta">;
  entries: readonly AuditEntry[];
  author: string;
}): VersionEditor[] {
  const { changes, draft, entries, author } = args;
  const found = new Map<string, string>();
  const add = (subject: string, name: string) => {
    if (subject !== author && subject !== "system" && !found.has(subject)) found.set(subject, name);
  };
  const lastEditor = (change: TopicChange): DraftTopicMeta | undefined => {
    if (change.kind === "referral") return draft.referralMeta.get(change.id);
    if (change.kind === "uncovered") return draft.uncoveredMeta;
    if (change.id === OUT_OF_SCOPE_ID) return draft.scopeMeta;
    return draft.meta.get(change.id);
  };
  const names = (entry: AuditEntry, change: TopicChange): boolean => {
    if (change.kind === "referral") return entry.referral === change.id;
    if (change.kind === "uncovered") return entry.uncovered === true;
    if (change.id === OUT_OF_SCOPE_ID) return entry.outOfScope === true;
    return entry.topic === change.id && entry.referral === undefined;
  };
  for (const change of changes) {
    const meta = lastEditor(change);
    if (meta) add(meta.updatedBy, meta.updatedByName);
  }
  // Newest first: a discard brought back live's content, so writes before it are gone.
  const discarded = new Set<TopicChange>();
  for (const entry of entries) {
    if (!DRAFT_WRITES.has(entry.action)) continue;
    for (const change of changes) {
      if (discarded.has(change) || !names(entry, change)) continue;
      if (entry.action === "draft-revert") discarded.add(change);
      add(entry.actor, entry.actorName);
    }
  }
  return [...found].map(([subject, name]) => ({ subject, name }));
}
