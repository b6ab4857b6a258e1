import {
  CreateTableCommand,
  type DynamoDBClient,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll } from "vitest";
import {
  createDynamoClients,
  type DynamoClients,
} from "../../functions/adapters/dynamodb/client.ts";
import { ensureTables } from "../../functions/adapters/dynamodb/ensureTables.ts";
import {
  createTableInput,
  type TableDefinition,
} from "../../functions/adapters/dynamodb/tables.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "../../functions/local/embeddedDynamo.ts";

/**
 * Gives a test file dynalite on a free port with the service's tables (names under `prefix`)
 * and the real SDK clients for it, from beforeAll to afterAll.
 */
export function useEmbeddedTables(prefix: string): { clients: () => DynamoClients } {
  let dynamo: EmbeddedDynamo | undefined;
  let clients: DynamoClients | undefined;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({ port: 0 });
    clients = createDynamoClients({ region: "eu-north-1", endpoint: dynamo.endpoint });
    await ensureTables(clients.client, prefix);
  });
  afterAll(async () => {
    clients?.client.destroy();
    await dynamo?.close();
  });
  return {
    clients: () => {
      if (!clients) throw new Error("useEmbeddedTables: only inside tests");
      return clients;
    },
  };
}

/**
 * Records the DynamoDB operations (`BatchGetItem`, `UpdateItem`, ...) the test file's client
 * sends, in order, from beforeAll on; empty the array to start counting afresh.
 */
export function recordOperations(tables: { clients: () => DynamoClients }): string[] {
  const sent: string[] = [];
  beforeAll(() => {
    tables.clients().client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName).replace(/Command$/, ""));
        return next(args);
      },
      { step: "initialize", name: "recordOperations" },
    );
  });
  return sent;
}

/**
 * Creates table `name` as `def` describes and waits until it is active. dynalite flips a new
 * table to ACTIVE on a timer, and until then answers writes with ResourceNotFoundException:
 * on a busy machine a test's first write could come before the timer.
 */
export async function createTable(
  client: DynamoDBClient,
  def: TableDefinition,
  name: string,
): Promise<void> {
  await client.send(new CreateTableCommand(createTableInput(def, name)));
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.05 }, { TableName: name });
}
