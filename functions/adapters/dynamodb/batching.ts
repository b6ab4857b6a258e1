import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import DataLoader from "dataloader";
import { ServiceUnavailableError } from "../../domain/chat/errors.ts";

type Item = Record<string, unknown>;

/** DynamoDB's own limits per call. */
const MAX_GET_KEYS = 100;
const MAX_WRITE_ITEMS = 25;

/**
 * Backoff before re-sending what DynamoDB left unprocessed (throttling within a batch is not
 * an error the SDK retries; it comes back as UnprocessedKeys/Items). About 3 s in all, like
 * the SDK's own retries, then the caller is told the service is unavailable.
 */
const UNPROCESSED_RETRY_MS = [20, 50, 100, 200, 400, 800, 1600];

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random() / 2)));
}

/**
 * Collects everything asked for in one turn of the event loop (all socket events read in the
 * same poll phase) into one call: under load a question's reads and writes share a request
 * with other customers' instead of paying the SDK and HTTP round trip each. When idle a batch
 * of one goes out at once, so nothing waits for a timer.
 */
const oneLoopTurn = (send: () => void) => setImmediate(send);

/**
 * Sends `pending` with `send` until DynamoDB has processed all of it, backing off between
 * rounds; `send` answers what was left unprocessed.
 */
async function untilProcessed<T>(pending: T[], send: (batch: T[]) => Promise<T[]>): Promise<void> {
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) {
      const wait = UNPROCESSED_RETRY_MS[attempt - 1];
      if (wait === undefined) throw new ServiceUnavailableError();
      await pause(wait);
    }
    pending = await send(pending);
  }
}

function keyString(key: Item, keyNames: readonly string[]): string {
  return JSON.stringify(keyNames.map((name) => key[name]));
}

/** Consistent reads of single items by key, batched into BatchGetItem calls. */
export function createBatchedGet(
  doc: DynamoDBDocumentClient,
  table: string,
  keyNames: readonly string[],
): (key: Item) => Promise<Item | undefined> {
  const loader = new DataLoader<Item, Item | undefined>(
    async (keys) => {
      const found = new Map<string, Item>();
      // One batch may not name a key twice (two customers' events may read the same chat).
      const unique = new Map<string, Item>();
      for (const key of keys) unique.set(keyString(key, keyNames), key);
      await untilProcessed([...unique.values()], async (keys) => {
        const out: BatchGetCommandOutput = await doc.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of out.Responses?.[table] ?? []) {
          found.set(keyString(item, keyNames), item);
        }
        return (out.UnprocessedKeys?.[table]?.Keys ?? []) as Item[];
      });
      return keys.map((key) => found.get(keyString(key, keyNames)));
    },
    // Not a cache: every read goes to the table, only the round trip is shared.
    { cache: false, maxBatchSize: MAX_GET_KEYS, batchScheduleFn: oneLoopTurn },
  );
  return (key) => loader.load(key);
}

/**
 * Unconditional puts batched into BatchWriteItem calls; each promise settles when its own
 * item is stored. Only for items whose writing twice is harmless (the same item again), as
 * a batch cannot carry a condition.
 */
export function createBatchedPut(
  doc: DynamoDBDocumentClient,
  table: string,
  keyNames: readonly string[],
): (item: Item) => Promise<void> {
  const loader = new DataLoader<Item, void>(
    async (items) => {
      // One batch may not name a key twice; the same item put twice is one write.
      const unique = new Map<string, Item>();
      for (const item of items) unique.set(keyString(item, keyNames), item);
      const puts = [...unique.values()].map((Item) => ({ PutRequest: { Item } }));
      await untilProcessed(puts, async (batch) => {
        const out: BatchWriteCommandOutput = await doc.send(
          new BatchWriteCommand({ RequestItems: { [table]: batch } }),
        );
        return (out.UnprocessedItems?.[table] ?? []) as typeof batch;
      });
      return items.map(() => undefined);
    },
    { cache: false, maxBatchSize: MAX_WRITE_ITEMS, batchScheduleFn: oneLoopTurn },
  );
  return (item) => loader.load(item);
}
