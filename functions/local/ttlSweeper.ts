import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { TABLE_IDS, TABLES, type TableDefinition, tableName } from "../adapters/dynamodb/tables.ts";
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
    const keyNames = [def.partitionKey.name, ...(def.sortKey ? [def.sortKey.name] : [])];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName(prefix, id),
          FilterExpression: "#ttl < :now",
          ExpressionAttributeNames: { "#ttl": def.ttlAttribute },
          ExpressionAttributeValues: { ":now": nowSeconds },
          ExclusiveStartKey: startKey,
          Limit: SCAN_PAGE_ITEMS,
        }),
      );
      const keys = (page.Items ?? []).map((item) =>
        Object.fromEntries(keyNames.map((k) => [k, item[k]])),
      );
      for (let i = 0; i < keys.length; i += 25) {
        await doc.send(
          new BatchWriteCommand({
            RequestItems: {
              [tableName(prefix, id)]: keys
                .slice(i, i + 25)
                .map((Key) => ({ DeleteRequest: { Key } })),
            },
          }),
        );
      }
      deleted += keys.length;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return deleted;
}
