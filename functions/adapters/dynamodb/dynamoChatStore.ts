import {
  type DynamoDBDocumentClient,
  PutCommand,
  paginateScan,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Lang } from "../../contracts/lang.ts";
import type { ChatStore, SurveyRecord } from "../../domain/chat/chatStore.ts";
import { ChatNotFoundError } from "../../domain/chat/errors.ts";
import type { Chat, StoredMessage } from "../../domain/chat/model.ts";
import { createBatcher } from "./batching.ts";
import { writeIf } from "./conditional.ts";
import { queryAll } from "./queryAll.ts";
import { keyNamesOf, type TableNames } from "./tables.ts";

/**
 * Sort keys in the messages table: the service's own messages under their id, messages people
 * send under the client's id for them, so that a resend finds the first copy. Ids are ULIDs,
 * so sorting by id is time order. The bot's dialogue state (topics, misses in a row) is one
 * more item in the chat's partition, beside the transcript, and so is each vote on an answer
 * (under the answer's id), so that it expires with the transcript.
 */
const MESSAGE = "m#";
const CLIENT_MESSAGE = "c#";
const BOT_STATE = "bot";
const FEEDBACK = "feedback#";

/** Items of the transcript proper: messages, not the bot's state or votes beside them. */
function isMessage(item: Record<string, unknown>): boolean {
  const sk = String(item.sk);
  // Also skips the bare client-id markers (no id) an earlier version stored beside messages.
  return (sk.startsWith(MESSAGE) || sk.startsWith(CLIENT_MESSAGE)) && typeof item.id === "string";
}

type BotState = Pick<Chat, "topics" | "missesInRow" | "customerWrote">;

function queueKey(lang: string): string {
  return `queue#${lang}`;
}

/** The one partition of the sparse "open" index: every chat until it ends. */
const OPEN = "open";

/**
 * A data folder made before the "open" index existed lacks it (dynalite cannot add an index
 * to a table), so the open chats are then found by a scan, as slow as the folder is large.
 */
function isMissingIndex(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === "ValidationException" &&
    /specified index/.test(error.message)
  );
}

/** Chats sent back to the queue go in front ("0#") of those queued normally ("1#"). */
function queueSort(at: string, front: boolean): string {
  return `${front ? "0" : "1"}#${at}`;
}

/**
 * ChatStore over DynamoDB (or dynalite). What decides who has a chat (queue, advisor, end,
 * identity) is a single conditional write. What a question writes goes out in batches shared
 * with other customers' (a conditional write of its own costs about twenty batched items): a
 * person's message is an unconditional put under its clientId, after the chat service looked
 * for an earlier copy (one at a time per clientId in its process); the bot's state an
 * unconditional put, one turn at a time per chat (the gateway takes a chat's messages in
 * order). A chat's messages come through the task its customer is connected to; only a
 * resend landing on a second task within the moment the first is being stored overwrites it
 * (one item, keyed by clientId, but acked with a second id and answered twice; see
 * docs/benchmarks.md).
 */
export function createDynamoChatStore(doc: DynamoDBDocumentClient, tables: TableNames): ChatStore {
  const batch = createBatcher(doc, keyNamesOf(tables));
  const putMessage = (item: Record<string, unknown>) => batch.put(tables.messages, item);

  async function readBotState(chatId: string): Promise<BotState | undefined> {
    const item = await batch.get(tables.messages, { chatId, sk: BOT_STATE });
    return item
      ? {
          topics: item.topics as string[],
          missesInRow: Number(item.missesInRow),
          ...(item.customerWrote === true ? { customerWrote: true } : {}),
        }
      : undefined;
  }

  async function transcript(chatId: string): Promise<StoredMessage[]> {
    const items = await queryAll(doc, {
      TableName: tables.messages,
      KeyConditionExpression: "chatId = :c",
      ExpressionAttributeValues: { ":c": chatId },
      ConsistentRead: true,
    });
    const messages = items.filter(isMessage).map(stripKey);
    return messages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const conditional = (command: UpdateCommand) => writeIf(doc, command);

  return {
    async createChat(chat) {
      // Shares a batch with other customers' items: chat ids are random UUIDs, so no
      // condition is needed to keep a new chat from landing on an old one.
      await batch.put(tables.chats, {
        ...chat,
        ...(chat.state === "ended" ? {} : { openKey: OPEN }),
      });
    },

    async getChat(chatId) {
      const [chat, state] = await Promise.all([
        batch.get(tables.chats, { chatId }),
        readBotState(chatId),
      ]);
      return chat ? ({ ...chat, ...state } as Chat) : undefined;
    },

    async saveBotState(chat, state) {
      await putMessage({
        chatId: chat.chatId,
        sk: BOT_STATE,
        topics: state.topics,
        missesInRow: state.missesInRow,
        ...(state.customerWrote ? { customerWrote: true } : {}),
        expiresAt: chat.expiresAt,
      });
    },

    async bindIdentity(chatId, identity) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET authenticated = :true, subject = :s, customerName = :n, assurance = :a, signInExpiresAt = :e",
          ConditionExpression:
            "attribute_exists(chatId) AND (attribute_not_exists(subject) OR subject = :s)",
          ExpressionAttributeValues: {
            ":true": true,
            ":s": identity.subject,
            ":n": identity.customerName,
            ":a": identity.assurance,
            ":e": identity.signInExpiresAt,
          },
        }),
      );
    },

    async markSignInTooWeak(chatId) {
      const set = await writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET signInTooWeak = :true",
          ConditionExpression: "attribute_exists(chatId)",
          ExpressionAttributeValues: { ":true": true },
        }),
      );
      if (!set) throw new ChatNotFoundError();
    },

    async setCustomerGone(chatId, since) {
      // Only an existing chat: a late departure must not leave a stub item behind.
      await writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          ConditionExpression: "attribute_exists(chatId)",
          ...(since === undefined
            ? { UpdateExpression: "REMOVE customerGoneAt" }
            : {
                UpdateExpression: "SET customerGoneAt = :since",
                ExpressionAttributeValues: { ":since": since },
              }),
        }),
      );
    },

    async enqueue(chatId, queue) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          // The topics so far go on the record, so the queue (read from an index) shows them.
          UpdateExpression: `SET #state = :queued, queueKey = :key, queueSort = :sort, queueLang = :lang, queuedAt = if_not_exists(queuedAt, :at)${queue.topics ? ", topics = :topics" : ""}`,
          ConditionExpression: "#state = :bot",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":queued": "queued",
            ":bot": "bot",
            ":key": queueKey(queue.lang),
            ":sort": queueSort(queue.queuedAt, queue.front),
            ":lang": queue.lang,
            ":at": queue.queuedAt,
            ...(queue.topics ? { ":topics": queue.topics } : {}),
          },
        }),
      );
    },

    async leaveQueue(chatId) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET #state = :bot REMOVE queueKey, queueSort, queueLang, queuedAt",
          ConditionExpression: "#state = :queued",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":queued": "queued", ":bot": "bot" },
        }),
      );
    },

    async listQueue(lang) {
      const items = (await queryAll(doc, {
        TableName: tables.chats,
        IndexName: "queue",
        KeyConditionExpression: "queueKey = :key",
        ExpressionAttributeValues: { ":key": queueKey(lang) },
      })) as unknown as Chat[];
      // The index is eventually consistent: drop anything that has moved on meanwhile.
      return items.filter((c) => c.state === "queued");
    },

    async assignAdvisor(chatId, advisor) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET #state = :advisor, handledBy = :advisor, advisorId = :id, advisorName = :name, advisorKey = :id REMOVE queueKey, queueSort",
          ConditionExpression: "#state = :queued",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":advisor": "advisor",
            ":queued": "queued",
            ":id": advisor.id,
            ":name": advisor.name,
          },
        }),
      );
    },

    async requeueFromAdvisor(chatId, advisorId, queue) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET #state = :queued, queueKey = :key, queueSort = :sort, queueLang = :lang REMOVE advisorId, advisorName, advisorKey",
          ConditionExpression: "#state = :advisor AND advisorId = :id",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":queued": "queued",
            ":advisor": "advisor",
            ":id": advisorId,
            ":key": queueKey(queue.lang),
            ":sort": queueSort(queue.at, queue.front),
            ":lang": queue.lang,
          },
        }),
      );
    },

    async listOpenChats() {
      const items = await queryAll(doc, {
        TableName: tables.chats,
        IndexName: "open",
        KeyConditionExpression: "openKey = :open",
        ExpressionAttributeValues: { ":open": OPEN },
      }).catch(async (error: unknown) => {
        if (!isMissingIndex(error)) throw error;
        const scanned: Record<string, unknown>[] = [];
        const pages = paginateScan(
          { client: doc },
          {
            TableName: tables.chats,
            FilterExpression: "#state <> :ended",
            ExpressionAttributeNames: { "#state": "state" },
            ExpressionAttributeValues: { ":ended": "ended" },
          },
        );
        for await (const page of pages) scanned.push(...(page.Items ?? []));
        return scanned.sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
      });
      // The index is eventually consistent: drop a chat that ended meanwhile.
      return (items as unknown as Chat[]).filter((c) => c.state !== "ended");
    },

    async listAdvisorChats(advisorId) {
      return (await queryAll(doc, {
        TableName: tables.chats,
        IndexName: "byAdvisor",
        KeyConditionExpression: "advisorKey = :id",
        ExpressionAttributeValues: { ":id": advisorId },
      })) as unknown as Chat[];
    },

    async saveWrapup(chatId, wrapup) {
      const saved = await conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET wrapup = :w REMOVE advisorKey",
          ConditionExpression: "advisorId = :id AND attribute_not_exists(wrapup)",
          ExpressionAttributeValues: { ":w": wrapup, ":id": wrapup.advisorId },
        }),
      );
      if (saved) return "saved";
      // Wrapped up before: the first wrap-up stays, this one is kept beside it.
      const corrected = await conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET wrapupCorrections = list_append(if_not_exists(wrapupCorrections, :none), :w) REMOVE advisorKey",
          ConditionExpression: "wrapup.advisorId = :id",
          ExpressionAttributeValues: { ":w": [wrapup], ":none": [], ":id": wrapup.advisorId },
        }),
      );
      return corrected ? "corrected" : false;
    },

    async setLanguage(chatId, lang) {
      const set = await writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET lang = :lang",
          ConditionExpression: "attribute_exists(chatId)",
          ExpressionAttributeValues: { ":lang": lang },
        }),
      );
      // Gone since it was read (ended long ago and expired): said as the domain says it.
      if (!set) throw new ChatNotFoundError();
    },

    async endChat(chatId, end) {
      return writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET #state = :ended, endedAt = :at, endedBy = :by, surveySecretHash = :h, surveyExpiresAt = :exp REMOVE queueKey, queueSort, openKey",
          ConditionExpression: "attribute_exists(chatId) AND #state <> :ended",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":ended": "ended",
            ":at": end.endedAt,
            ":by": end.endedBy,
            ":h": end.surveySecretHash,
            ":exp": end.surveyExpiresAt,
          },
        }),
      );
    },

    async appendMessage(message) {
      // Unconditional (a batch cannot carry a condition): the id is new, and a retried put
      // writes the same item again.
      await putMessage({ ...message, sk: MESSAGE + message.id });
    },

    async findClientMessage(chatId, clientKey) {
      const earlier = await batch.get(tables.messages, { chatId, sk: CLIENT_MESSAGE + clientKey });
      return earlier ? stripKey(earlier) : undefined;
    },

    async putClientMessage(message, clientKey) {
      await putMessage({ ...message, sk: CLIENT_MESSAGE + clientKey });
    },

    async getMessage(chatId, messageId) {
      // Batched: a vote reads the chat in the same turn, and both go in one request.
      const own = await batch.get(tables.messages, { chatId, sk: MESSAGE + messageId });
      if (own) return stripKey(own);
      return (await transcript(chatId)).find((m) => m.id === messageId);
    },

    async listMessages(chatId, afterId) {
      const all = await transcript(chatId);
      return afterId === undefined ? all : all.filter((m) => m.id > afterId);
    },

    async putFeedback(vote) {
      // Its own write, not batched: a batch cannot return the item it replaced, and the
      // earlier vote is what keeps the report counters right when a customer changes theirs.
      const optional = [
        ["topic", ":t", vote.topic],
        ["referral", ":r", vote.referral],
        ["contentVersion", ":v", vote.contentVersion],
      ].filter(([, , value]) => value !== undefined) as [string, string, string | number][];
      const result = await doc.send(
        new UpdateCommand({
          TableName: tables.messages,
          Key: { chatId: vote.chatId, sk: FEEDBACK + vote.messageId },
          UpdateExpression: `SET messageId = :m, helpful = :h, #at = :at, expiresAt = :e, lang = if_not_exists(lang, :lang)${optional.map(([name, value]) => `, ${name} = ${value}`).join("")}`,
          ExpressionAttributeNames: { "#at": "at" },
          ExpressionAttributeValues: {
            ":m": vote.messageId,
            ":h": vote.helpful,
            ":at": vote.at,
            ":e": vote.expiresAt,
            ":lang": vote.lang,
            ...Object.fromEntries(optional.map(([, name, value]) => [name, value])),
          },
          ReturnValues: "ALL_OLD",
        }),
      );
      const old = result.Attributes;
      return old ? { helpful: old.helpful === true, lang: old.lang as Lang } : undefined;
    },

    async putSurvey(survey: SurveyRecord) {
      return writeIf(
        doc,
        new PutCommand({
          TableName: tables.surveys,
          Item: survey,
          ConditionExpression: "attribute_not_exists(chatId)",
        }),
      );
    },
  };
}

function stripKey(item: Record<string, unknown>): StoredMessage {
  const { sk: _sk, ...message } = item;
  return message as unknown as StoredMessage;
}
