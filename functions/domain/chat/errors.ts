import type { ErrorCode } from "../../contracts/protocol.ts";

/** A failure the customer may be told about: code and message are safe to show. */
export class ChatError extends Error {
  override name = "ChatError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export class ChatNotFoundError extends ChatError {
  override name = "ChatNotFoundError";
  constructor() {
    super("CHAT_NOT_FOUND", "This chat does not exist or has expired.", 404);
  }
}

export class InvalidResumeTokenError extends ChatError {
  override name = "InvalidResumeTokenError";
  constructor() {
    super("INVALID_RESUME_TOKEN", "The chat could not be resumed; start a new chat.", 403);
  }
}

export class ChatEndedError extends ChatError {
  override name = "ChatEndedError";
  constructor() {
    super("CHAT_ENDED", "This chat has ended; start a new chat to continue.", 409);
  }
}

export class InvalidSurveyTokenError extends ChatError {
  override name = "InvalidSurveyTokenError";
  constructor() {
    super("INVALID_SURVEY_TOKEN", "surveyToken is not valid for any ended chat.", 403);
  }
}

export class SurveyTokenExpiredError extends ChatError {
  override name = "SurveyTokenExpiredError";
  constructor() {
    super(
      "SURVEY_TOKEN_EXPIRED",
      "surveyToken has expired; the survey can no longer be answered.",
      410,
    );
  }
}

export class SurveyAlreadySubmittedError extends ChatError {
  override name = "SurveyAlreadySubmittedError";
  constructor() {
    super("SURVEY_ALREADY_SUBMITTED", "A survey has already been submitted for this chat.", 409);
  }
}

/** Storage is down after retries; the customer is told and offered other channels. */
export class ServiceUnavailableError extends ChatError {
  override name = "ServiceUnavailableError";
  constructor() {
    super(
      "SERVICE_UNAVAILABLE",
      "The service is temporarily disturbed. Please try again shortly or call our service number.",
      503,
    );
  }
}

/** The chat belongs to another person than the presented identity. */
export class IdentityMismatchError extends ChatError {
  override name = "IdentityMismatchError";
  constructor() {
    super("IDENTITY_MISMATCH", "This chat belongs to another person; start a new chat.", 403);
  }
}

/**
 * A vote names a message that is not one of the bot's answers in this chat. The same for a
 * message of another chat as for none at all, so nothing of other chats is revealed.
 */
export class NotABotAnswerError extends ChatError {
  override name = "NotABotAnswerError";
  constructor() {
    super("VALIDATION_FAILED", "messageId: must be the id of a bot answer in this chat");
  }
}
