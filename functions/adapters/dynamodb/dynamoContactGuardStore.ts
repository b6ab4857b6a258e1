import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from "@aws-sdk/lib-dynamodb";
import type { ContactGuard, ContactGuardStore } from "../../domain/contact/contactStore.ts";
import { isConditionFailure } from "./conditional.ts";
import type { TableNames } from "./tables.ts";

/** Tries of a claim whose holder was released between the refused write and the read. */
const CLAIM_ROUNDS = 3;

function toGuard(item: Record<string, unknown>): ContactGuard {
  const { guardKey, ...rest } = item;
  return { key: guardKey as string, ...(rest as Omit<ContactGuard, "key">) };
}

/** ContactGuardStore over the contactGuards table: each claim is one conditional put. */
export function createDynamoContactGuardStore(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, "contactGuards">,
): ContactGuardStore {
  return {
    async claim(guard, now, over) {
      const { key, ...rest } = guard;
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        try {
          const out = await doc.send(
            new PutCommand({
              TableName: tables.contactGuards,
              Item: { guardKey: key, ...rest },
              ConditionExpression:
                over === undefined
                  ? "attribute_not_exists(guardKey) OR holdsUntil <= :now"
                  : "attribute_not_exists(guardKey) OR holdsUntil <= :now OR #ref = :over",
              ...(over === undefined ? {} : { ExpressionAttributeNames: { "#ref": "reference" } }),
              ExpressionAttributeValues: {
                ":now": now,
                ...(over === undefined ? {} : { ":over": over }),
              },
              ReturnValues: "ALL_OLD",
            }),
          );
          return out.Attributes ? { ok: true, previous: toGuard(out.Attributes) } : { ok: true };
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        const held = await doc.send(
          new GetCommand({
            TableName: tables.contactGuards,
            Key: { guardKey: key },
            ConsistentRead: true,
          }),
        );
        if (held.Item) return { ok: false, holder: toGuard(held.Item) };
        // Released between the two calls: try the write again.
      }
      throw new Error(`contact guard ${key} kept changing under ${CLAIM_ROUNDS} claims`);
    },

    async release(key, reference) {
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tables.contactGuards,
            Key: { guardKey: key },
            ConditionExpression: "#ref = :ref",
            ExpressionAttributeNames: { "#ref": "reference" },
            ExpressionAttributeValues: { ":ref": reference },
          }),
        );
      } catch (error) {
        // Someone else's now (a moved booking's new one, a newer request): theirs to keep.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
