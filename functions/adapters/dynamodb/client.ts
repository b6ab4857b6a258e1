import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoClientOptions {
  region: string;
  /** Set for dynalite or DynamoDB Local; absent in AWS. */
  endpoint?: string;
  maxAttempts?: number;
}

export interface DynamoClients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

/** Clients for real DynamoDB or a local endpoint, with the service's retry policy. */
export function createDynamoClients(options: DynamoClientOptions): DynamoClients {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 4,
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // A local endpoint checks no signature, but the SDK insists on signing.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, doc };
}
