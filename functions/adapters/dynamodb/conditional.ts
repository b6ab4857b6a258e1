import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import type {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";

/** True when a write was refused because its condition did not hold (not a failure). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}

/**
 * Sends a conditional write: true when it was made, false when its condition did not hold.
 * Every other error is thrown.
 */
export async function writeIf(
  doc: DynamoDBDocumentClient,
  command: PutCommand | UpdateCommand | DeleteCommand,
): Promise<boolean> {
  try {
    // The document client's send is overloaded per command; any of these three is fine.
    await doc.send(command as UpdateCommand);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Sends a conditional update that returns the item (`ReturnValues` ALL_NEW or ALL_OLD): the
 * item, or undefined when its condition did not hold. Every other error is thrown.
 */
export async function updatedIf(
  doc: DynamoDBDocumentClient,
  command: UpdateCommand,
): Promise<Record<string, unknown> | undefined> {
  try {
    return (await doc.send(command)).Attributes;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
