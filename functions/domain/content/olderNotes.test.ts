import { describe, expect, it } from "vitest";
import { type Finding, tell } from "../../contracts/contentFindings.ts";
import { olderCommentFinding, olderDetailFinding } from "./olderNotes.ts";
import type { AuditAction, AuditEntry, VersionMeta } from "./versions.ts";

const entry = (
  action: AuditAction,
  detail: string,
  over: Partial<AuditEntry> = {},
): AuditEntry => ({
  at: "2026-12-01T10:00:00.000Z",
  actor: "owner",
  actorName: "Outi",
  action,
  detail,
  ...over,
});

const version = (over: Partial<VersionMeta>): VersionMeta => ({
  version: 1,
  state: "live",
  author: "system",
  authorName: "system",
  createdAt: "2026-12-01T10:00:00.000Z",
  comment: "",
  ...over,
});

describe("notes the service wrote before it kept findings", () => {
  // What each note said in English is read back as the finding it is now written with.
  it.each([
    ["seed", { code: "seeded", params: { from: "deployment" } }, {}],
    ["rollback", { code: "rolledBack", params: { version: 4 } }, {}],
    ["inbox-teach", { code: "inboxTaught", params: { count: 1, into: "tests" } }, {}],
    ["inbox-teach", { code: "inboxTaught", params: { count: 3, into: "training" } }, {}],
    ["inbox-refer", { code: "inboxReferred", params: { count: 2, referral: "traficom" } }, {}],
    ["inbox-dismiss", { code: "inboxDismissed", params: { count: 1 } }, {}],
    [
      "draft-save",
      { code: "referralSentencesAdded", params: { count: 2, lang: "sv" } },
      { referral: "kela" },
    ],
  ] as [AuditAction, Finding, Partial<AuditEntry>][])(
    "reads %s's English back as its finding",
    (action, said, over) => {
      expect(olderDetailFinding(entry(action, tell(said, "en").message, over))).toEqual(said);
    },
  );

  it("leaves what a person wrote, and any other wording, as it is", () => {
    // A publish comment that happens to read like a service note is still the author's.
    expect(olderDetailFinding(entry("publish", "Rollback to version 3"))).toBeUndefined();
    expect(olderDetailFinding(entry("reject", "2 questions dismissed"))).toBeUndefined();
    expect(
      olderDetailFinding(entry("inbox-dismiss", "2 questions dismissed by Outi")),
    ).toBeUndefined();
    expect(olderDetailFinding(entry("draft-save", "added 2 fi sentence(s)"))).toBeUndefined();
  });

  it("tells version 1's and a rollback's comment, never an author's", () => {
    expect(olderCommentFinding(version({ comment: "bot-content/ from the repository" }))).toEqual({
      code: "seeded",
      params: { from: "repository" },
    });
    expect(
      olderCommentFinding(
        version({ version: 5, author: "owner", comment: "Rollback to version 2", rollbackOf: 2 }),
      ),
    ).toEqual({ code: "rolledBack", params: { version: 2 } });
    expect(
      olderCommentFinding(
        version({ version: 5, author: "owner", comment: "Rollback to version 2" }),
      ),
    ).toBeUndefined();
  });
});
