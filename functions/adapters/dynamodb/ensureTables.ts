import { rm, writeFile } from "node:fs/promises";
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ScanCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from "@aws-sdk/client-dynamodb";
import {
  createTableInput,
  TABLE_IDS,
  TABLES,
  type TableDefinition,
  type TableId,
  tableName,
} from "./tables.ts";

/** Creates every table that does not exist yet (local mode only; AWS tables come from CDK). */
export async function ensureTables(
  client: DynamoDBClient,
  prefix: string,
  ids: readonly TableId[] = TABLE_IDS,
): Promise<string[]> {
  const created: string[] = [];
  await Promise.all(
    ids.map(async (id) => {
      const def: TableDefinition = TABLES[id];
      const name = tableName(prefix, id);
      try {
        await client.send(new CreateTableCommand(createTableInput(def, name)));
        created.push(name);
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.05 }, { TableName: name });
      if (def.ttlAttribute) {
        await client
          .send(
            new UpdateTimeToLiveCommand({
              TableName: name,
              TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
            }),
          )
          // dynalite does not implement TTL; the local sweeper expires items instead.
          .catch(() => undefined);
      }
    }),
  );
  return created;
}

/**
 * Indexes the definition has but an existing table lacks, by table id: a local data directory
 * made before an index was added keeps its tables, and dynalite cannot add an index to a
 * table (UpdateTable's index creation is validated but not carried out).
 */
export async function missingIndexes(
  client: DynamoDBClient,
  prefix: string,
): Promise<Partial<Record<TableId, string[]>>> {
  const missing: Partial<Record<TableId, string[]>> = {};
  await Promise.all(
    TABLE_IDS.map(async (id) => {
      const wanted = (TABLES[id] as TableDefinition).globalSecondaryIndexes ?? [];
      if (wanted.length === 0) return;
      const out = await client.send(new DescribeTableCommand({ TableName: tableName(prefix, id) }));
      const have = new Set((out.Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
      const lacking = wanted.filter((g) => !have.has(g.indexName)).map((g) => g.indexName);
      if (lacking.length > 0) missing[id] = lacking;
    }),
  );
  return missing;
}

/**
 * Makes a local table that lacks an index anew with today's definition, keeping its items
 * (local mode only: it deletes the table). The items are first written to `backupFile`, so a
 * start that stops half-way loses nothing; an item that predates the index has none of its
 * keys and so is not in it, as in AWS after a deployment adds one.
 */
export async function rebuildTable(
  client: DynamoDBClient,
  prefix: string,
  id: TableId,
  backupFile: string | undefined,
): Promise<number> {
  const name = tableName(prefix, id);
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  if (backupFile) await writeFile(backupFile, JSON.stringify(items));
  await client.send(new DeleteTableCommand({ TableName: name }));
  await waitUntilTableNotExists({ client, maxWaitTime: 30, minDelay: 0.05 }, { TableName: name });
  await ensureTables(client, prefix, [id]);
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let tries = 0; requests.length > 0; tries++) {
      if (tries === 10) throw new Error(`could not write ${name}'s items back`);
      const out = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [name]: requests } }),
      );
      requests = (out.UnprocessedItems?.[name] ?? []) as typeof requests;
    }
  }
  if (backupFile) await rm(backupFile, { force: true });
  return items.length;
}
