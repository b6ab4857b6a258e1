import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  dayOfMissId,
  daysBetween,
  type MissEntry,
  type MissPlace,
  type MissStatus,
  type MissStore,
  type MissUpdate,
} from "../../domain/inbox/missStore.ts";
import { isConditionFailure } from "./conditional.ts";
import { queryAll } from "./queryAll.ts";

/*
 * Layout of the misses table: partition `day` (Helsinki day, YYYY-MM-DD), sort `id`
 * (the day, a dot and a ULID), the entry's other fields as attributes, TTL on expiresAt.
 * A period is one query per day, run in parallel; an id names its own partition.
 */

const GET_BATCH = 100;
const WRITE_BATCH = 25;
const DAYS_AT_ONCE = 8;

function keyOf(id: string): { day: string; id: string } | undefined {
  const day = dayOfMissId(id);
  return day ? { day, id } : undefined;
}

/** Kept questions in DynamoDB. */
export function createDynamoMissStore(doc: DynamoDBDocumentClient, table: string): MissStore {
  async function getBatch(keys: { day: string; id: string }[]): Promise<MissEntry[]> {
    const found: MissEntry[] = [];
    let pending: Record<string, unknown>[] = keys;
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const answer = await doc.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...((answer.Responses?.[table] ?? []) as MissEntry[]));
      pending = answer.UnprocessedKeys?.[table]?.Keys ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
    if (pending.length > 0) throw new Error("misses: some questions could not be read");
    return found;
  }

  async function writeBatch(entries: MissEntry[]): Promise<void> {
    let pending = entries.map((Item) => ({
      PutRequest: { Item: { ...Item } as Record<string, unknown> },
    }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 5) throw new Error("misses: some questions could not be stored");
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const answer = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (answer.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }

  return {
    async put(entry) {
      await doc.send(new PutCommand({ TableName: table, Item: entry }));
    },

    async putAll(entries) {
      const batches: MissEntry[][] = [];
      for (let i = 0; i < entries.length; i += WRITE_BATCH) {
        batches.push(entries.slice(i, i + WRITE_BATCH));
      }
      await Promise.all(batches.map(writeBatch));
    },

    async update(id: string, change: MissUpdate) {
      const key = keyOf(id);
      const sets: string[] = [];
      const values: Record<string, unknown> = {};
      if (change.outcome) {
        sets.push("outcome = :outcome");
        values[":outcome"] = change.outcome;
      }
      if (change.reasons) {
        sets.push("reasons = :reasons");
        values[":reasons"] = change.reasons;
      }
      if (change.handoff) {
        sets.push("handoff = :handoff");
        values[":handoff"] = change.handoff;
      }
      if (change.chosen) {
        sets.push("chosen = :chosen");
        values[":chosen"] = change.chosen;
      }
      if (!key || sets.length === 0) return;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: key,
            UpdateExpression: `SET ${sets.join(", ")}`,
            // An expired question stays gone.
            ConditionExpression: "attribute_exists(id)",
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async setStatus(ids: readonly string[], status: MissStatus, place: MissPlace = {}) {
      const keys = [...new Set(ids)].flatMap((id) => keyOf(id) ?? []);
      const sets = ["#status = :status"];
      const removes: string[] = [];
      const values: Record<string, unknown> = { ":status": status };
      for (const field of ["taughtTo", "referredTo", "uncoveredMatter"] as const) {
        const value = place[field];
        if (value === undefined) removes.push(field);
        else {
          sets.push(`${field} = :${field}`);
          values[`:${field}`] = value;
        }
      }
      const expression = `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`;
      const updated = await Promise.all(
        keys.map(async (key) => {
          try {
            const answer = await doc.send(
              new UpdateCommand({
                TableName: table,
                Key: key,
                UpdateExpression: expression,
                ConditionExpression: "attribute_exists(id)",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: values,
                ReturnValues: "ALL_NEW",
              }),
            );
            return [answer.Attributes as MissEntry];
          } catch (error) {
            if (isConditionFailure(error)) return [];
            throw error;
          }
        }),
      );
      return updated.flat();
    },

    async get(ids) {
      const keys = [...new Set(ids)].flatMap((id) => keyOf(id) ?? []);
      const batches: { day: string; id: string }[][] = [];
      for (let i = 0; i < keys.length; i += GET_BATCH) batches.push(keys.slice(i, i + GET_BATCH));
      return (await Promise.all(batches.map(getBatch))).flat();
    },

    async listDays(fromDay, toDay) {
      const days = daysBetween(fromDay, toDay);
      const found: MissEntry[] = [];
      // A few days at a time: a quarter's report does not open ninety requests at once.
      for (let i = 0; i < days.length; i += DAYS_AT_ONCE) {
        const pages = await Promise.all(
          days.slice(i, i + DAYS_AT_ONCE).map((day) =>
            queryAll(doc, {
              TableName: table,
              KeyConditionExpression: "#day = :day",
              ExpressionAttributeNames: { "#day": "day" },
              ExpressionAttributeValues: { ":day": day },
            }),
          ),
        );
        for (const items of pages) found.push(...(items as unknown as MissEntry[]));
      }
      return found;
    },
  };
}
