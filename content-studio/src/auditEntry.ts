/**
 * An audit entry as the studio tells it, the same on the Versions page and in an editor's
 * change history: when, who (the service by its name in the studio's language), what, on
 * which version and which topic or referral group, and the note.
 */
import type { AuditEntry } from "./api.ts";
import { actorName, formatDateTime, type UiText } from "./i18n.ts";

export interface AuditEntryTold {
  at: string;
  who: string;
  what: string;
  version: string;
  /**
   * The topic, referral group, out-of-scope lists or uncovered questions changed; "–" for a
   * version's own events.
   */
  item: string;
  detail: string;
}

/** `entry` in the words of `t`; an action this studio does not know yet by its code. */
export function tellAuditEntry(entry: AuditEntry, t: UiText): AuditEntryTold {
  return {
    at: formatDateTime(entry.at, t),
    who: actorName({ subject: entry.actor, name: entry.actorName }, t),
    what: unfinishedAction(entry, t) ?? t.auditActions[entry.action] ?? entry.action,
    version: entry.version === undefined ? t.notAvailable : String(entry.version),
    item: itemOf(entry, t),
    detail: entry.detail ?? "",
  };
}

/** A save or discard of a topic's unfinished work, told as such. */
function unfinishedAction(entry: AuditEntry, t: UiText): string | undefined {
  if (!entry.inProgress) return undefined;
  if (entry.action === "draft-save") return t.auditSavedUnfinished;
  return entry.action === "draft-retire" ? t.auditDiscardedUnfinished : undefined;
}

/**
 * What an entry changed: a topic, a referral group, the out-of-scope lists, the uncovered
 * questions, or nothing.
 */
function itemOf(entry: AuditEntry, t: UiText): string {
  if (entry.topic) return entry.topic;
  if (entry.referral) return t.referrals.editTitle(entry.referral);
  if (entry.outOfScope) return t.outOfScopeName;
  if (entry.uncovered) return t.uncoveredTitle;
  return t.notAvailable;
}
