import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

/** A chat id no chat has (ids are UUIDs): reading it costs one small read and finds nothing. */
const PROBE_KEY = { chatId: "readiness-probe" };

/**
 * Whether storage answers: one read of the chats table, within the client's deadline. Used by
 * the readiness check (`/readyz`) and before an advisor's console is let in.
 */
export function createStorageProbe(
  doc: DynamoDBDocumentClient,
  chatsTable: string,
): () => Promise<boolean> {
  return async () => {
    try {
      await doc.send(new GetCommand({ TableName: chatsTable, Key: PROBE_KEY }));
      return true;
    } catch {
      return false;
    }
  };
}
