import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type {
  AppointmentPosition,
  AppointmentRecord,
  AppointmentStore,
  CallbackRecord,
  CallbackStore,
} from "../../domain/contact/contactStore.ts";
import { isConditionFailure, updatedIf, writeIf } from "./conditional.ts";
import { queryUpTo } from "./queryAll.ts";
import type { TableNames } from "./tables.ts";

/*
 * Callback and appointment stores over DynamoDB (or dynalite). Every write is one
 * conditional write: dynalite has no transactions, and a single conditional write is
 * atomic on both.
 */

// Value of the sparse GSI key while a callback is open; removed on close.
const OPEN = "open";
const OPEN_INDEX = "openByCreated";
const BY_SUBJECT_INDEX = "bookedBySubject";
const BY_START_INDEX = "bookedByStart";
/** BatchGetItem's limit of keys per request. */
const BATCH_GET_MAX = 100;
/** Rounds of retrying keys DynamoDB left unprocessed under throttling. */
const UNPROCESSED_ROUNDS = 5;

function toCallback(item: Record<string, unknown>): CallbackRecord {
  const { openQueue: _openQueue, ...record } = item;
  return record as unknown as CallbackRecord;
}

/** CallbackStore over the callbacks table and its sparse openByCreated index. */
export function createDynamoCallbackStore(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, "callbacks">,
): CallbackStore {
  return {
    async putCallback(record) {
      return writeIf(
        doc,
        new PutCommand({
          TableName: tables.callbacks,
          Item: { ...record, ...(record.status === "open" ? { openQueue: OPEN } : {}) },
          ConditionExpression: "attribute_not_exists(#ref)",
          ExpressionAttributeNames: { "#ref": "reference" },
        }),
      );
    },

    async getCallback(reference) {
      const out = await doc.send(
        new GetCommand({ TableName: tables.callbacks, Key: { reference }, ConsistentRead: true }),
      );
      return out.Item ? toCallback(out.Item) : undefined;
    },

    async listOpenCallbacks(limit, after, langs) {
      // The open index holds only requests not yet closed (hundreds, not the archive), so a
      // filter on language is cheaper than a second index and needs no backfill; the other
      // language's rows are read but never leave the service.
      const filter =
        langs === undefined
          ? {}
          : {
              FilterExpression: `#lang IN (${langs.map((_, i) => `:lang${i}`).join(", ")})`,
              langValues: Object.fromEntries(langs.map((l, i) => [`:lang${i}`, l])),
            };
      // The index key of the previous page's last item (its table key too): the query goes on
      // right after it, even if it has been closed since.
      return queryUpTo(
        doc,
        {
          TableName: tables.callbacks,
          IndexName: OPEN_INDEX,
          KeyConditionExpression: "openQueue = :open",
          ...(filter.FilterExpression
            ? {
                FilterExpression: filter.FilterExpression,
                ExpressionAttributeNames: { "#lang": "lang" },
              }
            : {}),
          ExpressionAttributeValues: { ":open": OPEN, ...filter.langValues },
          ScanIndexForward: true,
        },
        limit,
        toCallback,
        after
          ? { openQueue: OPEN, createdAt: after.createdAt, reference: after.reference }
          : undefined,
      );
    },

    async closeCallback(reference, close) {
      const item = await updatedIf(
        doc,
        new UpdateCommand({
          TableName: tables.callbacks,
          Key: { reference },
          UpdateExpression:
            close.note === undefined
              ? "SET #status = :closed, closedAt = :at, closedBy = :by, expiresAt = :exp REMOVE openQueue"
              : "SET #status = :closed, closedAt = :at, closedBy = :by, expiresAt = :exp, note = :note REMOVE openQueue",
          ConditionExpression: "#status = :open",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":closed": "closed",
            ":open": "open",
            ":at": close.closedAt,
            ":by": close.closedBy,
            ":exp": close.expiresAt,
            ...(close.note === undefined ? {} : { ":note": close.note }),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return item ? toCallback(item) : undefined;
    },
  };
}

/** The bookedByStart index's sort key: unique, and ordered as the console lists. */
function startRef(p: AppointmentPosition): string {
  return `${p.start}#${p.reference}`;
}

/**
 * Puts booked appointments written before the bookedByStart index existed into it (they carry
 * no `bookedLang`), so the advisors' list shows them: one page-wise scan of the table for such
 * items, each updated only while it is still booked. Returns how many it put there. Local
 * start runs it; in AWS it is run once after the deployment that added the index
 * (docs/deploy.md).
 */
export async function backfillBookedByStart(
  doc: DynamoDBDocumentClient,
  table: string,
): Promise<number> {
  let added = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: "#status = :booked AND attribute_not_exists(bookedLang)",
        ProjectionExpression: "#ref, #lang, #start",
        ExpressionAttributeNames: {
          "#status": "status",
          "#ref": "reference",
          "#lang": "lang",
          "#start": "start",
        },
        ExpressionAttributeValues: { ":booked": "booked" },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const booked = item as AppointmentPosition & { lang: string };
      const done = await writeIf(
        doc,
        new UpdateCommand({
          TableName: table,
          Key: { reference: booked.reference },
          UpdateExpression: "SET bookedLang = :lang, startRef = :ref",
          ConditionExpression: "#status = :booked AND attribute_not_exists(bookedLang)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":lang": booked.lang,
            ":ref": startRef(booked),
            ":booked": "booked",
          },
        }),
      );
      if (done) added++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return added;
}

function toAppointment(item: Record<string, unknown>): AppointmentRecord {
  const { bookedLang: _lang, startRef: _ref, ...record } = item;
  return record as unknown as AppointmentRecord;
}

/** AppointmentStore over the appointmentSlots counters and the appointments table. */
export function createDynamoAppointmentStore(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, "appointmentSlots" | "appointments">,
): AppointmentStore {
  return {
    async bookedCounts(slotIds) {
      const counts = new Map<string, number>();
      for (let i = 0; i < slotIds.length; i += BATCH_GET_MAX) {
        let keys: Record<string, unknown>[] | undefined = slotIds
          .slice(i, i + BATCH_GET_MAX)
          .map((slotId) => ({ slotId }));
        for (let round = 0; keys?.length; round++) {
          if (round === UNPROCESSED_ROUNDS) throw new Error("slot counters left unprocessed");
          if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
          const out: BatchGetCommandOutput = await doc.send(
            new BatchGetCommand({
              RequestItems: {
                [tables.appointmentSlots]: {
                  Keys: keys,
                  ProjectionExpression: "slotId, booked",
                  ConsistentRead: true,
                },
              },
            }),
          );
          for (const item of out.Responses?.[tables.appointmentSlots] ?? []) {
            counts.set(item.slotId as string, Number(item.booked ?? 0));
          }
          keys = out.UnprocessedKeys?.[tables.appointmentSlots]?.Keys;
        }
      }
      return counts;
    },

    async reservePlace(slotId, capacity, expiresAt) {
      return writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.appointmentSlots,
          Key: { slotId },
          // ADD creates the counter at 1 on the first booking; the condition holds for a
          // missing counter and otherwise compares it with the capacity in force now.
          UpdateExpression:
            "SET #capacity = :cap, expiresAt = if_not_exists(expiresAt, :exp) ADD booked :one",
          ConditionExpression: "attribute_not_exists(booked) OR booked < :cap",
          // "capacity" is a DynamoDB reserved word.
          ExpressionAttributeNames: { "#capacity": "capacity" },
          ExpressionAttributeValues: { ":cap": capacity, ":exp": expiresAt, ":one": 1 },
        }),
      );
    },

    async releasePlace(slotId) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tables.appointmentSlots,
            Key: { slotId },
            UpdateExpression: "ADD booked :minusOne",
            ConditionExpression: "booked > :zero",
            ExpressionAttributeValues: { ":minusOne": -1, ":zero": 0 },
          }),
        );
      } catch (error) {
        // Nothing to give back: the counter is already at zero (or was never made).
        if (!isConditionFailure(error)) throw error;
      }
    },

    async putAppointment(record) {
      return writeIf(
        doc,
        new PutCommand({
          TableName: tables.appointments,
          Item: {
            ...record,
            ...(record.status === "booked"
              ? { bookedLang: record.lang, startRef: startRef(record) }
              : {}),
          },
          ConditionExpression: "attribute_not_exists(#ref)",
          ExpressionAttributeNames: { "#ref": "reference" },
        }),
      );
    },

    async getAppointment(reference) {
      const out = await doc.send(
        new GetCommand({
          TableName: tables.appointments,
          Key: { reference },
          ConsistentRead: true,
        }),
      );
      return out.Item ? toAppointment(out.Item) : undefined;
    },

    async listBookedBySubject(subject) {
      if (!subject) return [];
      const out = await doc.send(
        new QueryCommand({
          TableName: tables.appointments,
          IndexName: BY_SUBJECT_INDEX,
          KeyConditionExpression: "subject = :subject",
          ExpressionAttributeValues: { ":subject": subject },
        }),
      );
      // The index is eventually consistent: a cancel may not have reached it yet.
      return (out.Items ?? []).map(toAppointment).filter((a) => a.status === "booked");
    },

    async markCancelled(reference, cancelledAt) {
      const item = await updatedIf(
        doc,
        new UpdateCommand({
          TableName: tables.appointments,
          Key: { reference },
          // The call will not happen, so the phone number has no purpose left.
          UpdateExpression:
            "SET #status = :cancelled, cancelledAt = :at REMOVE phone, subject, bookedLang, startRef",
          ConditionExpression: "#status = :booked",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":cancelled": "cancelled",
            ":booked": "booked",
            ":at": cancelledAt,
          },
          ReturnValues: "ALL_OLD",
        }),
      );
      return item ? toAppointment(item) : undefined;
    },

    async listBookedByLang(lang, limit, after) {
      return queryUpTo(
        doc,
        {
          TableName: tables.appointments,
          IndexName: BY_START_INDEX,
          // A key condition, not an ExclusiveStartKey: the position need not be an item of
          // this index (a day's start, or an appointment handled since).
          KeyConditionExpression: "bookedLang = :lang AND startRef > :after",
          ExpressionAttributeValues: { ":lang": lang, ":after": startRef(after) },
          ScanIndexForward: true,
        },
        limit,
        (item) => {
          // The index is eventually consistent: a cancel may not have reached it yet.
          const record = toAppointment(item);
          return record.status === "booked" ? record : undefined;
        },
      );
    },

    async markHandled(reference, handled) {
      const item = await updatedIf(
        doc,
        new UpdateCommand({
          TableName: tables.appointments,
          Key: { reference },
          // The phone number stays until the record expires, as a closed callback's does:
          // the customer may call back about the call.
          UpdateExpression:
            handled.note === undefined
              ? "SET #status = :handled, handledAt = :at, handledBy = :by REMOVE bookedLang, startRef"
              : "SET #status = :handled, handledAt = :at, handledBy = :by, note = :note REMOVE bookedLang, startRef",
          ConditionExpression: "#status = :booked AND #start <= :at",
          ExpressionAttributeNames: { "#status": "status", "#start": "start" },
          ExpressionAttributeValues: {
            ":handled": "handled",
            ":booked": "booked",
            ":at": handled.handledAt,
            ":by": handled.handledBy,
            ...(handled.note === undefined ? {} : { ":note": handled.note }),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return item ? toAppointment(item) : undefined;
    },
  };
}
