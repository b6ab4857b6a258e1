import type { Finding, SeedSource } from "../../contracts/contentFindings.ts";
import { type AuditEntry, SYSTEM_ACTOR, type VersionMeta } from "./versions.ts";

/**
 * Notes the service wrote before it kept them as findings, read back as findings so the
 * studio can tell them in its language too. Only where the service, not a person, wrote the
 * text (by action, or a version's author and kind), and only its exact English wording; any
 * other text stays as it was written.
 */

const SEEDED: Record<string, SeedSource> = {
  "bot-content/ from the repository": "repository",
  "bot-content/ from the image": "image",
  "bot-content/ shipped with the deployment": "deployment",
};

const ROLLED_BACK = /^Rollback to version (\d+)$/;
const TAUGHT = /^(\d+) questions? from the inbox to the (training sentences|test split)$/;
const REFERRED = /^(\d+) questions? referred to (\S+)$/;
const DISMISSED = /^(\d+) questions? dismissed$/;
const SENTENCES_ADDED = /^added (\d+) (fi|sv) sentence\(s\)$/;

function seeded(text: string): Finding | undefined {
  const from = SEEDED[text];
  return from ? { code: "seeded", params: { from } } : undefined;
}

function rolledBack(text: string): Finding | undefined {
  const m = ROLLED_BACK.exec(text);
  return m ? { code: "rolledBack", params: { version: Number(m[1]) } } : undefined;
}

/** A version's comment as the service wrote it: version 1's source, a rollback's target. */
export function olderCommentFinding(v: VersionMeta): Finding | undefined {
  if (v.author === SYSTEM_ACTOR.subject) return seeded(v.comment);
  if (v.rollbackOf !== undefined) return rolledBack(v.comment);
  return undefined;
}

/** An audit entry's detail as the service wrote it, by what the entry records. */
export function olderDetailFinding(entry: AuditEntry): Finding | undefined {
  const text = entry.detail;
  if (text === undefined) return undefined;
  switch (entry.action) {
    case "seed":
      return seeded(text);
    case "rollback":
      return rolledBack(text);
    case "inbox-teach": {
      const m = TAUGHT.exec(text);
      if (!m) return undefined;
      const into = m[2] === "test split" ? "tests" : "training";
      return { code: "inboxTaught", params: { count: Number(m[1]), into } };
    }
    case "inbox-refer": {
      const m = REFERRED.exec(text);
      return m
        ? { code: "inboxReferred", params: { count: Number(m[1]), referral: m[2] as string } }
        : undefined;
    }
    case "inbox-dismiss": {
      const m = DISMISSED.exec(text);
      return m ? { code: "inboxDismissed", params: { count: Number(m[1]) } } : undefined;
    }
    case "draft-save": {
      const m = entry.referral ? SENTENCES_ADDED.exec(text) : null;
      return m
        ? {
            code: "referralSentencesAdded",
            params: { count: Number(m[1]), lang: m[2] as "fi" | "sv" },
          }
        : undefined;
    }
    default:
      return undefined;
  }
}
