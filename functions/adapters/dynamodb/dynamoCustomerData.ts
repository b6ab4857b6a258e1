import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { CustomerData, CustomerTaxData } from "../../domain/customerData/customerData.ts";

/** CustomerData over the `customers` table, one item per identity-provider subject. */
export function createDynamoCustomerData(
  doc: DynamoDBDocumentClient,
  tableName: string,
): CustomerData {
  return {
    async find(subject) {
      // An empty key is a DynamoDB validation error, not "no data"; answer no data instead.
      if (!subject) return undefined;
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: { subject }, ConsistentRead: true }),
      );
      return out.Item as CustomerTaxData | undefined;
    },
  };
}

/**
 * Writes the demo customers (local mode only). Idempotent: each put replaces the item with
 * the same content, so a restart on an existing data directory changes nothing.
 */
export async function seedDemoCustomers(
  doc: DynamoDBDocumentClient,
  tableName: string,
  customers: readonly CustomerTaxData[],
): Promise<void> {
  await Promise.all(
    customers.map((item) => doc.send(new PutCommand({ TableName: tableName, Item: item }))),
  );
}
