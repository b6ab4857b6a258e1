import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import type { Chat } from "../../domain/chat/model.ts";
import type { DynamoClients } from "./client.ts";
import { createDynamoChatStore } from "./dynamoChatStore.ts";
import { ensureTables } from "./ensureTables.ts";
import { createTableInput, TABLES, tableNames } from "./tables.ts";

const PREFIX = "test-chatstore-";
const tables = useEmbeddedTables(PREFIX);
let clients: DynamoClients;

beforeAll(() => {
  clients = tables.clients();
});

function newChat(chatId: string): Chat {
  return {
    chatId,
    lang: "fi",
    state: "bot",
    startedAt: "2026-11-23T10:00:00.000Z",
    resumeSecretHash: "hash",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: false,
  };
}

const message = (chatId: string, id: string, text: string) => ({
  id,
  chatId,
  from: "customer" as const,
  text,
  at: "2026-11-23T10:00:00.000Z",
  expiresAt: 2_000_000_000,
});

describe("DynamoDB chat store", () => {
  it("returns the chat with the bot's state saved last, and queues it with the topics given", async () => {
    const store = createDynamoChatStore(clients.doc, tableNames(PREFIX));
    await store.createChat(newChat("topics"));

    await store.saveBotState({ chatId: "topics" }, { topics: ["tax-card"], missesInRow: 0 });
    await store.saveBotState({ chatId: "topics" }, { topics: ["tax-card", "vat"], missesInRow: 1 });
    const chat = await store.getChat("topics");
    await store.enqueue("topics", {
      lang: "fi",
      queuedAt: "2026-11-23T10:01:00.000Z",
      front: false,
      topics: chat?.topics,
    });

    expect(chat).toMatchObject({ topics: ["tax-card", "vat"], missesInRow: 1, state: "bot" });
    const queued = (await store.listQueue("fi")).find((c) => c.chatId === "topics");
    expect(queued).toMatchObject({ topics: ["tax-card", "vat"], state: "queued" });
    // The state item is not a message: the transcript does not show it.
    expect(await store.listMessages("topics")).toEqual([]);
  });

  it("keeps a person's message under its clientId, beside the service's own, in time order", async () => {
    const store = createDynamoChatStore(clients.doc, tableNames(PREFIX));

    expect(await store.findClientMessage("c1", "customer:abc12345")).toBeUndefined();
    await store.putClientMessage(message("c1", "01A", "hei"), "customer:abc12345");
    await store.appendMessage({ ...message("c1", "01C", "vastaus"), from: "bot" });

    expect(await store.findClientMessage("c1", "customer:abc12345")).toMatchObject({
      id: "01A",
      text: "hei",
    });
    // Another sender's clientId is another key.
    expect(await store.findClientMessage("c1", "advisor:abc12345")).toBeUndefined();
    expect((await store.listMessages("c1")).map((m) => m.id)).toEqual(["01A", "01C"]);
    expect((await store.listMessages("c1", "01A")).map((m) => m.id)).toEqual(["01C"]);
    expect(await store.getMessage("c1", "01A")).toMatchObject({ text: "hei" });
  });

  it("keeps one vote per answer beside the transcript, returning the vote it replaced", async () => {
    const store = createDynamoChatStore(clients.doc, tableNames(PREFIX));
    await store.appendMessage({ ...message("votes", "01B", "vastaus"), from: "bot" });
    const vote = {
      chatId: "votes",
      messageId: "01B",
      topic: "tax-card",
      contentVersion: 3,
      lang: "fi" as const,
      helpful: true,
      at: "2026-11-23T10:01:00.000Z",
      expiresAt: 2_000_000_000,
    };

    const first = await store.putFeedback(vote);
    const again = await store.putFeedback({ ...vote, at: "2026-11-23T10:02:00.000Z" });
    // Voted after switching language: the vote stays counted in the language it was cast in.
    const changed = await store.putFeedback({ ...vote, helpful: false, lang: "sv" });
    const last = await store.putFeedback({ ...vote, lang: "sv" });

    expect(first).toBeUndefined();
    expect(again).toEqual({ helpful: true, lang: "fi" });
    expect(changed).toEqual({ helpful: true, lang: "fi" });
    expect(last).toEqual({ helpful: false, lang: "fi" });
    // Another answer's vote is its own.
    expect(await store.putFeedback({ ...vote, messageId: "01C" })).toBeUndefined();
    // Votes are not messages: the transcript and a replay do not show them.
    expect((await store.listMessages("votes")).map((m) => m.id)).toEqual(["01B"]);
    expect(await store.getMessage("votes", "01C")).toBeUndefined();
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

  it("lists the chats not ended, whatever their state, oldest first", async () => {
    // Prepare: its own prefix, so other tests' chats do not show.
    const prefix = "test-open-";
    await ensureTables(clients.client, prefix);
    const store = createDynamoChatStore(clients.doc, tableNames(prefix));
    const at = (minute: number) => `2026-11-23T10:0${minute}:00.000Z`;
    await store.createChat({ ...newChat("later"), startedAt: at(3) });
    await store.createChat({ ...newChat("with-advisor"), startedAt: at(2) });
    await store.createChat({ ...newChat("ended"), startedAt: at(1) });
    await store.createChat({ ...newChat("bot"), startedAt: at(0) });
    await store.enqueue("with-advisor", { lang: "fi", queuedAt: at(2), front: false });
    await store.assignAdvisor("with-advisor", { id: "anna", name: "Anna" });
    await store.endChat("ended", {
      endedAt: at(4),
      endedBy: "customer",
      surveySecretHash: "h",
      surveyExpiresAt: at(5),
    });

    // Act
    const open = await store.listOpenChats();

    // Assess
    expect(open.map((c) => [c.chatId, c.state])).toEqual([
      ["bot", "bot"],
      ["with-advisor", "advisor"],
      ["later", "bot"],
    ]);
    expect(open[1]).toMatchObject({ advisorId: "anna" });
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
    await clients.client.send(new CreateTableCommand(createTableInput(old, names.chats)));
    await clients.doc.send(
      new PutCommand({ TableName: names.chats, Item: newChat("from-before") }),
    );
    const store = createDynamoChatStore(clients.doc, names);
    await store.createChat({ ...newChat("ended"), state: "ended" });

    // Act
    const open = await store.listOpenChats();

    // Assess
    expect(open.map((c) => c.chatId)).toEqual(["from-before"]);
  });
});
