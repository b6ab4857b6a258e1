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
 * rounds; `send` answers what was left unprocessed. Returns what was still unprocessed when
 * the backoff ran out (nothing, normally): the rest of the batch went through.
 */
async function untilProcessed<T>(pending: T[], send: (batch: T[]) => Promise<T[]>): Promise<T[]> {
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) {
      const wait = UNPROCESSED_RETRY_MS[attempt - 1];
      if (wait === undefined) return pending;
      await pause(wait);
    }
    pending = await send(pending);
  }
  return [];
}

/** Names of each table's key attributes, so that answers can be matched to what was asked. */
export type KeyNames = Readonly<Record<string, readonly string[]>>;

export interface Batcher {
  /** A consistent read of one item by key; undefined when there is none. */
  get(table: string, key: Item): Promise<Item | undefined>;
  /**
   * An unconditional put; settles when this item is stored. Only for items whose writing
   * twice is harmless (the same item again), as a batch cannot carry a condition.
   */
  put(table: string, item: Item): Promise<void>;
}

interface TableKey {
  table: string;
  key: Item;
}

function byTable<T>(pending: TableKey[], entry: (key: Item) => T): Record<string, T[]> {
  const grouped: Record<string, T[]> = {};
  for (const { table, key } of pending) {
    const list = grouped[table] ?? [];
    list.push(entry(key));
    grouped[table] = list;
  }
  return grouped;
}

/**
 * Reads and puts of single items from one turn of the event loop, on any of the tables in
 * `keyNames`, go out as one BatchGetItem and one BatchWriteItem: under load one call carries
 * many customers' items (a batched item costs the SDK and dynalite about a twentieth of a
 * call of its own), and a question's reads on two tables share a round trip.
 */
export function createBatcher(doc: DynamoDBDocumentClient, keyNames: KeyNames): Batcher {
  const idOf = ({ table, key }: TableKey) => {
    const names = keyNames[table];
    if (!names) throw new Error(`batching: no key names for table ${table}`);
    return `${table}\u0000${JSON.stringify(names.map((name) => key[name]))}`;
  };

  /**
   * Each caller's answer: what DynamoDB still left unprocessed fails as unavailable, the rest
   * of the batch succeeds (a customer's stored message is acknowledged even when the answer
   * beside it in the batch could not be stored).
   */
  function answers<T>(
    asked: readonly TableKey[],
    left: TableKey[],
    answer: (tableKey: TableKey) => T,
  ): (T | Error)[] {
    const failed = new Set(left.map(idOf));
    return asked.map((tableKey) =>
      failed.has(idOf(tableKey)) ? new ServiceUnavailableError() : answer(tableKey),
    );
  }

  const reads = new DataLoader<TableKey, Item | undefined>(
    async (asked) => {
      const found = new Map<string, Item>();
      // One batch may not name a key twice (two customers' events may read the same chat).
      const unique = new Map<string, TableKey>();
      for (const tableKey of asked) unique.set(idOf(tableKey), tableKey);
      const left = await untilProcessed([...unique.values()], async (pending) => {
        const requestItems = Object.entries(byTable(pending, (key) => key)).map(
          ([table, Keys]) => [table, { Keys, ConsistentRead: true }] as const,
        );
        const out: BatchGetCommandOutput = await doc.send(
          new BatchGetCommand({ RequestItems: Object.fromEntries(requestItems) }),
        );
        for (const [table, items] of Object.entries(out.Responses ?? {})) {
          for (const item of items) found.set(idOf({ table, key: item }), item);
        }
        return Object.entries(out.UnprocessedKeys ?? {}).flatMap(([table, left]) =>
          (left.Keys ?? []).map((key) => ({ table, key: key as Item })),
        );
      });
      return answers(asked, left, (tableKey) => found.get(idOf(tableKey)));
    },
    // Not a cache: every read goes to the table, only the round trip is shared.
    { cache: false, maxBatchSize: MAX_GET_KEYS, batchScheduleFn: oneLoopTurn },
  );

  const writes = new DataLoader<TableKey, void>(
    async (asked) => {
      // One batch may not name a key twice; the same item put twice is one write.
      const unique = new Map<string, TableKey>();
      for (const tableKey of asked) unique.set(idOf(tableKey), tableKey);
      const left = await untilProcessed([...unique.values()], async (pending) => {
        const out: BatchWriteCommandOutput = await doc.send(
          new BatchWriteCommand({
            RequestItems: byTable(pending, (Item) => ({ PutRequest: { Item } })),
          }),
        );
        return Object.entries(out.UnprocessedItems ?? {}).flatMap(([table, left]) =>
          left.map((request) => ({ table, key: request.PutRequest?.Item as Item })),
        );
      });
      return answers(asked, left, () => undefined);
    },
    { cache: false, maxBatchSize: MAX_WRITE_ITEMS, batchScheduleFn: oneLoopTurn },
  );

  return {
    get: (table, key) => reads.load({ table, key }),
    put: (table, item) => writes.load({ table, key: item }),
  };
}
