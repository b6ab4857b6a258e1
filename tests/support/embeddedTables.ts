import { afterAll, beforeAll } from "vitest";
import {
  createDynamoClients,
  type DynamoClients,
} from "../../functions/adapters/dynamodb/client.ts";
import { ensureTables } from "../../functions/adapters/dynamodb/ensureTables.ts";
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
