import { randomUUID } from "node:crypto";
import { monotonicFactory } from "ulid";

/** Ids for chats and messages; message ids sort in the order they were made. */
export interface IdGenerator {
  chatId(): string;
  messageId(at: Date): string;
}

export function createIdGenerator(): IdGenerator {
  const ulid = monotonicFactory();
  return {
    chatId: () => randomUUID(),
    messageId: (at) => ulid(at.getTime()),
  };
}
