/**
 * The one definition of every DynamoDB table: key schema, indexes and TTL attribute.
 * The local server creates tables from it and the CDK stack deploys from it.
 */
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

export type KeyType = "S" | "N";

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Short logical name, also the suffix of the physical table name. */
  id: string;
  /** What lives here, for docs and the CDK description. */
  purpose: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Epoch-seconds attribute after which DynamoDB deletes the item. */
  ttlAttribute?: string;
  globalSecondaryIndexes?: IndexDefinition[];
}

export const TABLES = {
  chats: {
    id: "chats",
    purpose: "One item per chat: language, state, tokens (hashed), topics, outcome.",
    partitionKey: { name: "chatId", type: "S" },
    // Deleted with the transcript: once authenticated it names the customer.
    ttlAttribute: "expiresAt",
    globalSecondaryIndexes: [
      // Sparse: only waiting chats carry queueKey ("queue#fi"); queueSort orders the line.
      {
        indexName: "queue",
        partitionKey: { name: "queueKey", type: "S" },
        sortKey: { name: "queueSort", type: "S" },
      },
      // Sparse: an advisor's chats until wrapped up, so a reconnecting console gets them back.
      {
        indexName: "byAdvisor",
        partitionKey: { name: "advisorKey", type: "S" },
        sortKey: { name: "startedAt", type: "S" },
      },
      // Sparse: chats not yet ended carry openKey ("open"), so that after a restart or a lost
      // gateway task the service finds every chat that needs an idle watch or an advisor back.
      {
        indexName: "open",
        partitionKey: { name: "openKey", type: "S" },
        sortKey: { name: "startedAt", type: "S" },
      },
    ],
  },
  messages: {
    id: "messages",
    purpose:
      "Transcript messages per chat: the service's under m#<id>, people's under c#<sender>:<clientId> (stored once per resend), the bot's dialogue state under bot, customers' votes on answers under feedback#<answer id>; read whole and sorted by id.",
    partitionKey: { name: "chatId", type: "S" },
    sortKey: { name: "sk", type: "S" },
    ttlAttribute: "expiresAt",
  },
  surveys: {
    id: "surveys",
    purpose: "End-of-chat survey answers, at most one per chat, without personal data.",
    partitionKey: { name: "chatId", type: "S" },
  },
  customers: {
    id: "customers",
    purpose: "Demo customer tax data keyed by the identity provider's subject",
    partitionKey: { name: "subject", type: "S" },
  },
  callbacks: {
    id: "callbacks",
    purpose:
      "Callback requests by reference, with the customer's phone number; expire 90 days after the contact.",
    partitionKey: { name: "reference", type: "S" },
    ttlAttribute: "expiresAt",
    globalSecondaryIndexes: [
      {
        // Sparse: only open callbacks carry openQueue, so the console reads the open ones
        // oldest first without a scan.
        indexName: "openByCreated",
        partitionKey: { name: "openQueue", type: "S" },
        sortKey: { name: "createdAt", type: "S" },
      },
    ],
  },
  appointmentSlots: {
    id: "appointmentSlots",
    purpose: "Booked-places counter per appointment slot, guarded by booked < capacity.",
    partitionKey: { name: "slotId", type: "S" },
    ttlAttribute: "expiresAt",
  },
  appointments: {
    id: "appointments",
    purpose:
      "Booked phone appointments by reference, with the customer's phone number; expire 90 days after the slot.",
    partitionKey: { name: "reference", type: "S" },
    ttlAttribute: "expiresAt",
    globalSecondaryIndexes: [
      {
        // Sparse: only booked appointments of a signed-in customer carry subject (a cancel
        // removes it), so "my bookings" is one query, earliest first.
        indexName: "bookedBySubject",
        partitionKey: { name: "subject", type: "S" },
        sortKey: { name: "start", type: "S" },
      },
      {
        // Sparse: only booked appointments carry bookedLang ("fi"/"sv"; a cancel or handling
        // removes it), and startRef ("<start>#<reference>") orders them uniquely, so the
        // console reads one language's appointments from a day on, earliest first, without a
        // scan and past the days gone by.
        indexName: "bookedByStart",
        partitionKey: { name: "bookedLang", type: "S" },
        sortKey: { name: "startRef", type: "S" },
      },
    ],
  },
  contactGuards: {
    id: "contactGuards",
    purpose:
      "One item per phone number and per signed-in person (both hashed) with an open booking or callback request, naming its reference: taken with a conditional write, so a customer has at most one of each open.",
    partitionKey: { name: "guardKey", type: "S" },
    ttlAttribute: "expiresAt",
  },
  reportCounters: {
    id: "reportCounters",
    purpose:
      "Daily report counters per language and topic (no personal data); a month per partition, so a year's report is 12 parallel queries.",
    partitionKey: { name: "month", type: "S" },
    sortKey: { name: "row", type: "S" },
  },
  content: {
    id: "content",
    purpose:
      "Bot content versions (one item per topic under v#<n>), the shared draft, the live pointer and the content audit trail; no personal data.",
    partitionKey: { name: "pk", type: "S" },
    sortKey: { name: "sk", type: "S" },
  },
  misses: {
    id: "misses",
    purpose:
      "The missed-question inbox: customer questions the bot missed or answered poorly, masked as transcripts are, one partition per Helsinki day; no chat id, name or identity; deleted with the transcripts.",
    partitionKey: { name: "day", type: "S" },
    sortKey: { name: "id", type: "S" },
    ttlAttribute: "expiresAt",
  },
} as const satisfies Record<string, TableDefinition>;

export type TableId = keyof typeof TABLES;
export const TABLE_IDS = Object.keys(TABLES) as TableId[];

/** Physical table name for a deployment or local data set. */
export function tableName(prefix: string, id: TableId): string {
  return `${prefix}${id}`;
}

export type TableNames = Record<TableId, string>;

/** Physical names of all tables under one prefix. */
export function tableNames(prefix: string): TableNames {
  return Object.fromEntries(TABLE_IDS.map((id) => [id, tableName(prefix, id)])) as TableNames;
}

/** A table's key attribute names: partition key, then sort key if it has one. */
export function keyNames(def: TableDefinition): readonly string[] {
  return def.sortKey ? [def.partitionKey.name, def.sortKey.name] : [def.partitionKey.name];
}

/** Each physical table's key attribute names (for matching batched answers to requests). */
export function keyNamesOf(names: TableNames): Record<string, readonly string[]> {
  return Object.fromEntries(TABLE_IDS.map((id) => [names[id], keyNames(TABLES[id])]));
}

/** The CreateTable request for a definition, used where tables are made at run time. */
export function createTableInput(def: TableDefinition, name: string): CreateTableCommandInput {
  const attributes = new Map<string, KeyType>();
  const add = (k?: KeyAttribute) => k && attributes.set(k.name, k.type);
  add(def.partitionKey);
  add(def.sortKey);
  for (const gsi of def.globalSecondaryIndexes ?? []) {
    add(gsi.partitionKey);
    add(gsi.sortKey);
  }
  const keySchema = (pk: KeyAttribute, sk?: KeyAttribute) => [
    { AttributeName: pk.name, KeyType: "HASH" as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: "RANGE" as const }] : []),
  ];
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: keySchema(def.partitionKey, def.sortKey),
    ...(def.globalSecondaryIndexes?.length
      ? {
          GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((gsi) => ({
            IndexName: gsi.indexName,
            KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
            Projection: { ProjectionType: "ALL" },
          })),
        }
      : {}),
  };
}
