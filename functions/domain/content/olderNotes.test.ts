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
  // The exact English stored before notes were kept as findings (session 23 and earlier),
  // written out: a change to today's English must not stop old entries from being told.
  it.each([
    [
      "seed",
      "bot-content/ shipped with the deployment",
      { code: "seeded", params: { from: "deployment" } },
      {},
    ],
    ["rollback", "Rollback to version 4", { code: "rolledBack", params: { version: 4 } }, {}],
    [
      "inbox-teach",
      "1 question from the inbox to the test split",
      { code: "inboxTaught", params: { count: 1, into: "tests" } },
      {},
    ],
    [
      "inbox-teach",
      "3 questions from the inbox to the training sentences",
      { code: "inboxTaught", params: { count: 3, into: "training" } },
      {},
    ],
    [
      "inbox-refer",
      "2 questions referred to traficom",
      { code: "inboxReferred", params: { count: 2, referral: "traficom" } },
      {},
    ],
    ["inbox-dismiss", "1 question dismissed", { code: "inboxDismissed", params: { count: 1 } }, {}],
    [
      "draft-save",
      "added 2 sv sentence(s)",
      { code: "referralSentencesAdded", params: { count: 2, lang: "sv" } },
      { referral: "kela" },
    ],
  ] as [AuditAction, string, Finding, Partial<AuditEntry>][])(
    "reads %s's %j back as its finding, which today's English says the same way",
    (action, stored, said, over) => {
      expect(olderDetailFinding(entry(action, stored, over))).toEqual(said);
      expect(tell(said, "en").message).toBe(stored);
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
