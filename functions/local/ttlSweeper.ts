import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  paginateScan,
} from "@aws-sdk/lib-dynamodb";
import {
  keyNames,
  TABLE_IDS,
  TABLES,
  type TableDefinition,
  tableName,
} from "../adapters/dynamodb/tables.ts";
import type { Clock } from "../domain/ports.ts";

/**
 * Items dynalite reads per scan request. It answers a request in one go; a page of a
 * megabyte (the default) held its event loop for tens of milliseconds at a time, and every
 * customer's read or write waited behind it.
 */
const SCAN_PAGE_ITEMS = 200;

/**
 * dynalite has no TTL: in local mode this deletes expired items the way DynamoDB would.
 * A full scan, in small pages, is fine for a laptop's data; in AWS, DynamoDB's own TTL
 * does this.
 */
export async function sweepExpiredItems(
  doc: DynamoDBDocumentClient,
  prefix: string,
  clock: Clock,
): Promise<number> {
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  let deleted = 0;
  for (const id of TABLE_IDS) {
    const def: TableDefinition = TABLES[id];
    if (!def.ttlAttribute) continue;
    const table = tableName(prefix, id);
    const keys = keyNames(def);
    const pages = paginateScan(
      { client: doc, pageSize: SCAN_PAGE_ITEMS },
      {
        TableName: table,
        FilterExpression: "#ttl < :now",
        // The keys are all a delete needs; whole items cost dynalite and the SDK many times more.
        ProjectionExpression: keys.map((_, i) => `#k${i}`).join(", "),
        ExpressionAttributeNames: {
          "#ttl": def.ttlAttribute,
          ...Object.fromEntries(keys.map((k, i) => [`#k${i}`, k])),
        },
        ExpressionAttributeValues: { ":now": nowSeconds },
      },
    );
    for await (const page of pages) {
      // Projected to the keys: each item is already the key its delete needs.
      const expired = page.Items ?? [];
      for (let i = 0; i < expired.length; i += 25) {
        await doc.send(
          new BatchWriteCommand({
            RequestItems: {
              [table]: expired.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
            },
          }),
        );
      }
      deleted += expired.length;
    }
  }
  return deleted;
}
