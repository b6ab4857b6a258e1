import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { createTable, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { describeChatStoreContract, sampleChat } from "../../domain/chat/chatStoreContract.ts";
import { manualClock } from "../../domain/clock.ts";
import { sweepExpiredItems } from "../../local/ttlSweeper.ts";
import type { DynamoClients } from "./client.ts";
import { createDynamoChatStore } from "./dynamoChatStore.ts";
import { ensureTables } from "./ensureTables.ts";
import { TABLES, tableNames } from "./tables.ts";

const PREFIX = "test-chatstore-";
const tables = useEmbeddedTables(PREFIX);
let clients: DynamoClients;
let n = 0;

beforeAll(() => {
  clients = tables.clients();
});

// Tables of their own per test, so each starts empty as the contract expects; the local TTL
// sweep stands in for DynamoDB's.
describeChatStoreContract("DynamoDB", async () => {
  const prefix = `test-chatstore-${++n}-`;
  await ensureTables(clients.client, prefix);
  return {
    store: createDynamoChatStore(clients.doc, tableNames(prefix)),
    expire: (now) => sweepExpiredItems(clients.doc, prefix, manualClock(now)),
  };
});

describe("DynamoDB chat store", () => {
  it("keeps a vote as an item of the chat's transcript partition, to expire with it", async () => {
    const store = createDynamoChatStore(clients.doc, tableNames(PREFIX));
    await store.putFeedback({
      chatId: "votes",
      messageId: "01B",
      topic: "tax-card",
      contentVersion: 3,
      lang: "fi",
      helpful: true,
      at: "2026-11-23T10:01:00.000Z",
      expiresAt: 2_000_000_000,
    });
    const { Item } = await clients.doc.send(
      new GetCommand({
        TableName: tableNames(PREFIX).messages,
        Key: { chatId: "votes", sk: "feedback#01B" },
      }),
    );
    expect(Item).toMatchObject({
      topic: "tax-card",
      contentVersion: 3,
      helpful: true,
      lang: "fi",
      expiresAt: 2_000_000_000,
    });
  });

  it("finds the open chats of a data folder made before the open index, by a scan", async () => {
    // Prepare: a chats table as an older version created it, with a chat stored then.
    const prefix = "test-old-folder-";
    const names = tableNames(prefix);
    const old = {
      ...TABLES.chats,
      globalSecondaryIndexes: TABLES.chats.globalSecondaryIndexes.filter(
        (i) => i.indexName !== "open",
      ),
    };
    await createTable(clients.client, old, names.chats);
    await clients.doc.send(
      new PutCommand({ TableName: names.chats, Item: sampleChat("from-before") }),
    );
    const store = createDynamoChatStore(clients.doc, names);
    await store.createChat({ ...sampleChat("ended"), state: "ended" });

    // Act
    const open = await store.listOpenChats();

    // Assess
    expect(open.map((c) => c.chatId)).toEqual(["from-before"]);
  });
});
