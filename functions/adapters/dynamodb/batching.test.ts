import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { recordOperations, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { ServiceUnavailableError } from "../../domain/chat/errors.ts";
import { createBatcher } from "./batching.ts";
import type { DynamoClients } from "./client.ts";
import { keyNamesOf, tableName, tableNames } from "./tables.ts";

const PREFIX = "test-batching-";
const tables = useEmbeddedTables(PREFIX);
/** DynamoDB operations the client sent, in order. */
const sent = recordOperations(tables);
let clients: DynamoClients;

beforeAll(() => {
  clients = tables.clients();
});

const messages = () => tableName(PREFIX, "messages");
const chats = () => tableName(PREFIX, "chats");
/** A batcher whose gets and puts go to the messages table (or to `table`). */
function batched(table = messages()) {
  const batch = createBatcher(clients.doc, {
    ...keyNamesOf(tableNames(PREFIX)),
    [table]: ["chatId", "sk"],
  });
  return {
    put: (item: Record<string, unknown>) => batch.put(table, item),
    get: (key: Record<string, unknown>) => batch.get(table, key),
    batch,
  };
}
const message = (chatId: string, n: number) => ({
  chatId,
  sk: `m#${String(n).padStart(4, "0")}`,
  id: String(n),
  text: `message ${n}`,
});

describe("batched puts and gets", () => {
  it("stores what is put in the same moment with one call per 25 items", async () => {
    const { put, get } = batched();
    sent.length = 0;

    await Promise.all(Array.from({ length: 30 }, (_, n) => put(message("chat-a", n))));

    expect(sent).toEqual(["BatchWriteItem", "BatchWriteItem"]);
    const back = await Promise.all(
      Array.from({ length: 30 }, (_, n) => get({ chatId: "chat-a", sk: message("chat-a", n).sk })),
    );
    expect(back.map((item) => item?.text)).toEqual(
      Array.from({ length: 30 }, (_, n) => `message ${n}`),
    );
  });

  it("reads the same key asked twice in one call, and answers both", async () => {
    const { put, get } = batched();
    await put(message("chat-b", 1));
    sent.length = 0;

    const [first, again, missing] = await Promise.all([
      get({ chatId: "chat-b", sk: "m#0001" }),
      get({ chatId: "chat-b", sk: "m#0001" }),
      get({ chatId: "chat-b", sk: "m#9999" }),
    ]);

    expect(sent).toEqual(["BatchGetItem"]);
    expect(first).toMatchObject({ text: "message 1" });
    expect(again).toEqual(first);
    expect(missing).toBeUndefined();
  });

  it("writes an item put twice in one moment once, and both callers hear it is stored", async () => {
    const { put } = batched();
    sent.length = 0;

    await Promise.all([put(message("chat-c", 7)), put(message("chat-c", 7))]);

    expect(sent).toEqual(["BatchWriteItem"]);
  });

  it("reads and writes items of two tables in one call each", async () => {
    const { batch } = batched();
    sent.length = 0;

    await Promise.all([
      batch.put(messages(), message("chat-e", 1)),
      batch.put(chats(), { chatId: "chat-e", state: "bot" }),
    ]);
    const [chat, stored] = await Promise.all([
      batch.get(chats(), { chatId: "chat-e" }),
      batch.get(messages(), { chatId: "chat-e", sk: "m#0001" }),
    ]);

    expect(sent).toEqual(["BatchWriteItem", "BatchGetItem"]);
    expect(chat).toMatchObject({ state: "bot" });
    expect(stored).toMatchObject({ text: "message 1" });
  });

  it("reads back what it stored as it was given, without the attributes left undefined", async () => {
    const { put, get } = batched();
    const item = {
      ...message("chat-t", 1),
      expiresAt: 2_000_000_000,
      shown: true,
      topics: ["tax-card", "vat"],
      actions: [{ type: "link", url: "https://vero.fi", label: undefined }],
      clientId: undefined,
    };

    await put(item);

    const back = await get({ chatId: "chat-t", sk: item.sk });
    expect(back).toEqual({
      ...message("chat-t", 1),
      expiresAt: 2_000_000_000,
      shown: true,
      topics: ["tax-card", "vat"],
      actions: [{ type: "link", url: "https://vero.fi" }],
    });
  });

  it("does not keep what it read: a later read sees a later write", async () => {
    const { put, get } = batched();
    await put(message("chat-d", 1));
    expect(await get({ chatId: "chat-d", sk: "m#0001" })).toMatchObject({ text: "message 1" });

    await put({ ...message("chat-d", 1), text: "edited" });

    expect(await get({ chatId: "chat-d", sk: "m#0001" })).toMatchObject({ text: "edited" });
  });

  it("fails every caller of a batch whose call failed", async () => {
    const { put } = batched("no-such-table");

    const results = await Promise.allSettled([put(message("x", 1)), put(message("x", 2))]);

    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("fails only the callers whose items DynamoDB kept leaving unprocessed", async () => {
    // The real client, except that message 2 always comes back unprocessed (as throttling
    // inside a batch does), while the rest of each call goes through.
    const stubborn = {
      send: async (command: BatchWriteCommand) => {
        const requests = command.input.RequestItems ?? {};
        const table = messages();
        const all = requests[table] ?? [];
        const left = all.filter((r) => r.PutRequest?.Item?.id === "2");
        const rest = all.filter((r) => r.PutRequest?.Item?.id !== "2");
        if (rest.length > 0) {
          await clients.doc.send(new BatchWriteCommand({ RequestItems: { [table]: rest } }));
        }
        return { UnprocessedItems: left.length > 0 ? { [table]: left } : {} };
      },
    } as unknown as DynamoDBDocumentClient;
    const batch = createBatcher(stubborn, keyNamesOf(tableNames(PREFIX)));

    const results = await Promise.allSettled([
      batch.put(messages(), message("chat-u", 1)),
      batch.put(messages(), message("chat-u", 2)),
    ]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ServiceUnavailableError);
    const { get } = batched();
    expect(await get({ chatId: "chat-u", sk: "m#0001" })).toMatchObject({ text: "message 1" });
    expect(await get({ chatId: "chat-u", sk: "m#0002" })).toBeUndefined();
  });
});
