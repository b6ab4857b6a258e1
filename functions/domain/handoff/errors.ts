import { ChatError } from "../chat/errors.ts";

/** Another advisor accepted the chat first (the conditional write decided). */
export class AlreadyTakenError extends ChatError {
  override name = "AlreadyTakenError";
  constructor() {
    super("ALREADY_TAKEN", "Another advisor has already accepted this chat.", 409);
  }
}

/** The chat is not (or no longer) handled by this advisor. */
export class NotYourChatError extends ChatError {
  override name = "NotYourChatError";
  constructor() {
    super("NOT_YOUR_CHAT", "This chat is not assigned to you.", 403);
  }
}

/** The advisor is at their cap of concurrent chats. */
export class TooManyChatsError extends ChatError {
  override name = "TooManyChatsError";
  constructor(max: number) {
    super(
      "TOO_MANY_CHATS",
      `You already have ${max} open chats; finish one before accepting another.`,
      409,
    );
  }
}

/** Leave-queue or accept on a chat that is not waiting in a queue. */
export class NotInQueueError extends ChatError {
  override name = "NotInQueueError";
  constructor() {
    super("NOT_IN_QUEUE", "This chat is not waiting in the queue.", 409);
  }
}

/** The advisor does not serve the chat's language (token languages or chosen ones). */
export class LanguageNotServedError extends ChatError {
  override name = "LanguageNotServedError";
  constructor(lang: string) {
    super("LANGUAGE_NOT_SERVED", `You do not serve customers in language "${lang}".`, 403);
  }
}
