import type { ContentIssue } from "./contentWorkflow.ts";

/** A content-workflow failure whose code and message are safe to show in the studio. */
export class ContentWorkflowError extends Error {
  override name = "ContentWorkflowError";
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
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

/** Four-eyes: the author of a version cannot approve it. */
export class SelfApprovalError extends ContentWorkflowError {
  override name = "SelfApprovalError";
  constructor() {
    super("SELF_APPROVAL", "You published this version, so another reviewer must approve it.", 403);
  }
}

export class ContentNotFoundError extends ContentWorkflowError {
  override name = "ContentNotFoundError";
  constructor(message: string) {
    super("NOT_FOUND", message, 404);
  }
}

/** The request came too late or too early for the version's state. */
export class ContentConflictError extends ContentWorkflowError {
  override name = "ContentConflictError";
  constructor(message: string) {
    super("CONFLICT", message, 409);
  }
}
