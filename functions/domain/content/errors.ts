import {
  type DraftItemKind,
  type Finding,
  finding,
  type Said,
} from "../../contracts/contentFindings.ts";
import type { DraftTopicMeta } from "./contentStore.ts";
import type { ContentIssue } from "./contentWorkflow.ts";

/**
 * A content-workflow failure whose code and message are safe to show in the studio. With a
 * finding, the message (in English) can be told in the studio's language too.
 */
export class ContentWorkflowError extends Error {
  override name = "ContentWorkflowError";
  readonly finding: Finding | undefined;
  constructor(
    readonly code: string,
    said: string | Said,
    readonly httpStatus: number,
  ) {
    super(typeof said === "string" ? said : said.message);
    this.finding = typeof said === "string" ? undefined : said.finding;
  }
}

/** The content broke a rule: `problems` say where and how to fix it; nothing was written. */
export class ContentInvalidError extends ContentWorkflowError {
  override name = "ContentInvalidError";
  constructor(readonly problems: ContentIssue[]) {
    super(
      "CONTENT_INVALID",
      problems.length === 1
        ? `${problems[0]?.path}: ${problems[0]?.message}`
        : `The content has ${problems.length} problems; see problems.`,
      400,
    );
  }
}

/**
 * The request asks for what the content API never does (an unfinished save of a live topic,
 * an unfinished topic too large to keep): a malformed request, nothing written.
 */
export class ContentRequestError extends ContentWorkflowError {
  override name = "ContentRequestError";
  constructor(said: Said) {
    super("VALIDATION_FAILED", said, 400);
  }
}

/** Four-eyes: the author of a version cannot approve it. */
export class SelfApprovalError extends ContentWorkflowError {
  override name = "SelfApprovalError";
  /** `ownChanges`: the approver did not publish it but wrote part of it. */
  constructor(why: "published" | "ownChanges" = "published") {
    super(
      "SELF_APPROVAL",
      why === "published" ? finding("selfApproval", {}) : finding("ownChangesApproval", {}),
      403,
    );
  }
}

/**
 * The version was published against a live version that is no longer live: approving it
 * would undo what went live since. The draft, published again, has both.
 */
export class VersionStaleError extends ContentWorkflowError {
  override name = "VersionStaleError";
  constructor(version: number, basedOn: number | undefined, live: number) {
    super(
      "VERSION_STALE",
      finding("versionStale", { version, ...(basedOn !== undefined ? { basedOn } : {}), live }),
      409,
    );
  }
}

/** The content to publish is what a version waiting for review has already. */
export class AlreadyPendingError extends ContentWorkflowError {
  override name = "AlreadyPendingError";
  constructor(readonly version: number) {
    super("ALREADY_PENDING", finding("alreadyPending", { version }), 409);
  }
}

/** Only the author of a version withdraws it (a reviewer rejects it instead). */
export class NotAuthorError extends ContentWorkflowError {
  override name = "NotAuthorError";
  constructor(version: number) {
    super("NOT_AUTHOR", finding("withdrawNotAuthor", { version }), 403);
  }
}

export class ContentNotFoundError extends ContentWorkflowError {
  override name = "ContentNotFoundError";
  constructor(said: string | Said) {
    super("NOT_FOUND", said, 404);
  }
}

/** The request came too late or too early for the version's state. */
export class ContentConflictError extends ContentWorkflowError {
  override name = "ContentConflictError";
  constructor(said: string | Said) {
    super("CONFLICT", said, 409);
  }
}

/**
 * Someone saved the topic, group or out-of-scope lists after the person read them (the
 * revision their save expected): nothing was written. `current` says who changed it, when, and its revision now,
 * for a studio to show theirs or save over it knowingly; none when the item is gone.
 */
export class EditConflictError extends ContentWorkflowError {
  override name = "EditConflictError";
  constructor(
    kind: DraftItemKind,
    id: string,
    readonly current: DraftTopicMeta | undefined,
  ) {
    super(
      "EDIT_CONFLICT",
      finding("editConflict", {
        kind,
        id,
        ...(current ? { by: current.updatedByName } : {}),
      }),
      412,
    );
  }
}
