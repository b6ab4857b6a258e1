import {
  CreateTableCommand,
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
