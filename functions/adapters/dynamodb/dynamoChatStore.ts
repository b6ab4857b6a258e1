import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { ChatStore, SurveyRecord } from "../../domain/chat/chatStore.ts";
import type { Chat, StoredMessage } from "../../domain/chat/model.ts";
import { createBatchedGet, createBatchedPut } from "./batching.ts";
import { isConditionFailure, writeIf } from "./conditional.ts";
import type { TableNames } from "./tables.ts";

/**
 * Sort keys in the messages table: the service's own messages under their id, messages people
 * send under the client's id for them, so that a resend finds the first copy with the same
 * single conditional write that stores it. Ids are ULIDs, so sorting by id is time order.
 */
const MESSAGE = "m#";
const CLIENT_MESSAGE = "c#";

function queueKey(lang: string): string {
  return `queue#${lang}`;
}

/** Chats sent back to the queue go in front ("0#") of those queued normally ("1#"). */
function queueSort(at: string, front: boolean): string {
  return `${front ? "0" : "1"}#${at}`;
}

/** ChatStore over DynamoDB (or dynalite), with single conditional writes only. */
export function createDynamoChatStore(doc: DynamoDBDocumentClient, tables: TableNames): ChatStore {
  const readChat = createBatchedGet(doc, tables.chats, ["chatId"]);
  const putMessage = createBatchedPut(doc, tables.messages, ["chatId", "sk"]);

  /** The whole transcript partition, in time order (at most a few hundred small items). */
  async function transcript(chatId: string): Promise<StoredMessage[]> {
    const items: StoredMessage[] = [];
    let startKey: QueryCommandOutput["LastEvaluatedKey"];
    do {
      const out: QueryCommandOutput = await doc.send(
        new QueryCommand({
          TableName: tables.messages,
          KeyConditionExpression: "chatId = :c",
          ExpressionAttributeValues: { ":c": chatId },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        // Skips the bare client-id markers an earlier version stored beside its messages.
        if (typeof item.id === "string") items.push(stripKey(item));
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const conditional = (command: UpdateCommand) => writeIf(doc, command);

  return {
    async createChat(chat) {
      await doc.send(
        new PutCommand({
          TableName: tables.chats,
          Item: chat,
          ConditionExpression: "attribute_not_exists(chatId)",
        }),
      );
    },

    async getChat(chatId) {
      return (await readChat({ chatId })) as Chat | undefined;
    },

    async recordBotTurn(chatId, { topic, missed }) {
      const streak = missed ? "ADD missesInRow :one" : "SET missesInRow = :zero";
      const streakValues = missed ? { ":one": 1 } : { ":zero": 0 };
      const send = async (withTopic: boolean) => {
        const out = await doc.send(
          new UpdateCommand({
            TableName: tables.chats,
            Key: { chatId },
            // list_append keeps first-seen order; a repeated topic is refused by the condition.
            UpdateExpression: withTopic
              ? missed
                ? `${streak} SET topics = list_append(topics, :t)`
                : `${streak}, topics = list_append(topics, :t)`
              : streak,
            ConditionExpression: withTopic
              ? "attribute_exists(chatId) AND NOT contains(topics, :topic)"
              : "attribute_exists(chatId)",
            ExpressionAttributeValues: withTopic
              ? { ...streakValues, ":t": [topic], ":topic": topic }
              : streakValues,
            ReturnValues: "UPDATED_NEW",
          }),
        );
        return Number(out.Attributes?.missesInRow ?? 0);
      };
      if (topic === undefined) return send(false);
      try {
        return await send(true);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return send(false);
      }
    },

    async bindIdentity(chatId, identity) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET authenticated = :true, subject = :s, customerName = :n, assurance = :a",
          ConditionExpression:
            "attribute_exists(chatId) AND (attribute_not_exists(subject) OR subject = :s)",
          ExpressionAttributeValues: {
            ":true": true,
            ":s": identity.subject,
            ":n": identity.customerName,
            ":a": identity.assurance,
          },
        }),
      );
    },

    async enqueue(chatId, queue) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET #state = :queued, queueKey = :key, queueSort = :sort, queueLang = :lang, queuedAt = if_not_exists(queuedAt, :at)",
          ConditionExpression: "#state = :bot",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":queued": "queued",
            ":bot": "bot",
            ":key": queueKey(queue.lang),
            ":sort": queueSort(queue.queuedAt, queue.front),
            ":lang": queue.lang,
            ":at": queue.queuedAt,
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
      const items: Chat[] = [];
      let startKey: QueryCommandOutput["LastEvaluatedKey"];
      do {
        const out: QueryCommandOutput = await doc.send(
          new QueryCommand({
            TableName: tables.chats,
            IndexName: "queue",
            KeyConditionExpression: "queueKey = :key",
            ExpressionAttributeValues: { ":key": queueKey(lang) },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...((out.Items ?? []) as Chat[]));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
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

    async listAdvisorChats(advisorId) {
      const out = await doc.send(
        new QueryCommand({
          TableName: tables.chats,
          IndexName: "byAdvisor",
          KeyConditionExpression: "advisorKey = :id",
          ExpressionAttributeValues: { ":id": advisorId },
        }),
      );
      return (out.Items ?? []) as Chat[];
    },

    async saveWrapup(chatId, wrapup) {
      return conditional(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET wrapup = :w REMOVE advisorKey",
          ConditionExpression: "advisorId = :id OR wrapup.advisorId = :id",
          ExpressionAttributeValues: { ":w": wrapup, ":id": wrapup.advisorId },
        }),
      );
    },

    async setLanguage(chatId, lang) {
      await doc.send(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression: "SET lang = :lang",
          ConditionExpression: "attribute_exists(chatId)",
          ExpressionAttributeValues: { ":lang": lang },
        }),
      );
    },

    async endChat(chatId, end) {
      return writeIf(
        doc,
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId },
          UpdateExpression:
            "SET #state = :ended, endedAt = :at, endedBy = :by, surveySecretHash = :h, surveyExpiresAt = :exp REMOVE queueKey, queueSort",
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

    async appendClientMessage(message, clientKey) {
      const key = { chatId: message.chatId, sk: CLIENT_MESSAGE + clientKey };
      try {
        await doc.send(
          new PutCommand({
            TableName: tables.messages,
            Item: { ...message, ...key },
            ConditionExpression: "attribute_not_exists(sk)",
          }),
        );
        return undefined;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const out = await doc.send(
          new GetCommand({ TableName: tables.messages, Key: key, ConsistentRead: true }),
        );
        // An SDK retry of this same put whose first answer was lost finds its own item.
        if (!out.Item || out.Item.id === message.id) return undefined;
        return stripKey(out.Item);
      }
    },

    async getMessage(chatId, messageId) {
      const own = await doc.send(
        new GetCommand({
          TableName: tables.messages,
          Key: { chatId, sk: MESSAGE + messageId },
          ConsistentRead: true,
        }),
      );
      if (own.Item) return stripKey(own.Item);
      return (await transcript(chatId)).find((m) => m.id === messageId);
    },

    async listMessages(chatId, afterId) {
      const all = await transcript(chatId);
      return afterId === undefined ? all : all.filter((m) => m.id > afterId);
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
