import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { createTableInput, TABLE_IDS, TABLES, type TableDefinition, tableName } from "./tables.ts";

/** Creates every table that does not exist yet (local mode only; AWS tables come from CDK). */
export async function ensureTables(client: DynamoDBClient, prefix: string): Promise<string[]> {
  const created: string[] = [];
  await Promise.all(
    TABLE_IDS.map(async (id) => {
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
 * Indexes the definition has but an existing table lacks, as "table.index": a local data
 * directory made before an index was added keeps its tables, and dynalite cannot add an index
 * to a table, so queries on it fail until the directory is made anew. Said at start instead.
 */
export async function missingIndexes(client: DynamoDBClient, prefix: string): Promise<string[]> {
  const missing = await Promise.all(
    TABLE_IDS.map(async (id) => {
      const wanted = (TABLES[id] as TableDefinition).globalSecondaryIndexes ?? [];
      if (wanted.length === 0) return [];
      const name = tableName(prefix, id);
      const out = await client.send(new DescribeTableCommand({ TableName: name }));
      const have = new Set((out.Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
      return wanted.filter((g) => !have.has(g.indexName)).map((g) => `${name}.${g.indexName}`);
    }),
  );
  return missing.flat();
}
