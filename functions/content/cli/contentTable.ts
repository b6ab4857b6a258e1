import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { createDynamoClients } from "../../adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../../adapters/dynamodb/dynamoContentStore.ts";
import { ensureTables } from "../../adapters/dynamodb/ensureTables.ts";
import { tableNames } from "../../adapters/dynamodb/tables.ts";
import { loadConfig } from "../../config.ts";
import type { ContentStore } from "../../domain/content/contentStore.ts";
import { DataDirLockedError, startEmbeddedDynamo } from "../../local/embeddedDynamo.ts";
import { fail } from "./args.ts";

/**
 * The content table the content CLIs work on: DYNAMODB_ENDPOINT when set, else the running
 * local service's DynamoDB (DYNAMODB_PORT), else the data folder opened by this command.
 */
export async function openContentTable(): Promise<{ store: ContentStore; close(): Promise<void> }> {
  const config = loadConfig();
  const candidates = config.DYNAMODB_ENDPOINT
    ? [config.DYNAMODB_ENDPOINT]
    : [`http://127.0.0.1:${config.DYNAMODB_PORT}`];
  for (const endpoint of candidates) {
    const clients = createDynamoClients({ region: config.AWS_REGION, endpoint });
    try {
      await clients.client.send(new ListTablesCommand({}), {
        abortSignal: AbortSignal.timeout(1500),
      });
      return {
        store: createDynamoContentStore(clients.doc, tableNames(config.TABLE_PREFIX).content),
        close: async () => clients.client.destroy(),
      };
    } catch (error) {
      clients.client.destroy();
      if (config.DYNAMODB_ENDPOINT) throw error;
    }
  }
  // No service running: open the data folder directly, on a free port.
  const embedded = await startEmbeddedDynamo({ port: 0, dataDir: config.DATA_DIR }).catch(
    (error: unknown) => {
      // A service holds the folder but its DynamoDB is not where DYNAMODB_PORT says (it was
      // started with another port): say how to reach it rather than print a stack trace.
      if (error instanceof DataDirLockedError) {
        fail(
          `${error.message}\nIts DynamoDB is not on port ${config.DYNAMODB_PORT} (DYNAMODB_PORT): run this command with the DYNAMODB_PORT the service was started with, or DYNAMODB_ENDPOINT=http://127.0.0.1:<port>.`,
        );
      }
      throw error;
    },
  );
  const clients = createDynamoClients({ region: config.AWS_REGION, endpoint: embedded.endpoint });
  await ensureTables(clients.client, config.TABLE_PREFIX);
  return {
    store: createDynamoContentStore(clients.doc, tableNames(config.TABLE_PREFIX).content),
    close: async () => {
      clients.client.destroy();
      await embedded.close();
    },
  };
}
