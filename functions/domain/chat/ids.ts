import { randomFillSync, randomUUID } from "node:crypto";
import { monotonicFactory } from "ulid";

/** Ids for chats and messages; message ids sort in the order they were made. */
export interface IdGenerator {
  chatId(): string;
  messageId(at: Date): string;
}

/**
 * ulid's default draws one byte from the system's generator per character, sixteen calls
 * for each message id (a few per cent of the gateway's CPU under load); this takes the
 * same bytes from a pool filled in one call.
 */
export function pooledRandom(size = 4096): () => number {
  const pool = new Uint8Array(size);
  let next = size;
  return () => {
    if (next === size) {
      randomFillSync(pool);
      next = 0;
    }
    return (pool[next++] as number) / 256;
  };
}

export function createIdGenerator(): IdGenerator {
  const ulid = monotonicFactory(pooledRandom());
  return {
    chatId: () => randomUUID(),
    messageId: (at) => ulid(at.getTime()),
  };
}
