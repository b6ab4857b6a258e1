import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
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
import type { TableNames } from "./tables.ts";

// Sort-key prefixes in the messages table: transcript messages and client-id markers.
const MESSAGE = "m#";
const CLIENT_ID = "c#";

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}

/** ChatStore over DynamoDB (or dynalite), with single conditional writes only. */
export function createDynamoChatStore(doc: DynamoDBDocumentClient, tables: TableNames): ChatStore {
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
      const out = await doc.send(
        new GetCommand({ TableName: tables.chats, Key: { chatId }, ConsistentRead: true }),
      );
      return out.Item as Chat | undefined;
    },

    async recordBotTurn(chatId, { topic, missesInRow }) {
      // list_append keeps first-seen order; a repeated topic is filtered by the condition.
      const addTopic = topic !== undefined;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tables.chats,
            Key: { chatId },
            UpdateExpression: addTopic
              ? "SET missesInRow = :m, topics = list_append(topics, :t)"
              : "SET missesInRow = :m",
            ConditionExpression: addTopic
              ? "attribute_exists(chatId) AND NOT contains(topics, :topic)"
              : "attribute_exists(chatId)",
            ExpressionAttributeValues: addTopic
              ? { ":m": missesInRow, ":t": [topic], ":topic": topic }
              : { ":m": missesInRow },
          }),
        );
      } catch (error) {
        if (!(addTopic && isConditionFailure(error))) throw error;
        await doc.send(
          new UpdateCommand({
            TableName: tables.chats,
            Key: { chatId },
            UpdateExpression: "SET missesInRow = :m",
            ConditionExpression: "attribute_exists(chatId)",
            ExpressionAttributeValues: { ":m": missesInRow },
          }),
        );
      }
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
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tables.chats,
            Key: { chatId },
            UpdateExpression:
              "SET #state = :ended, endedAt = :at, endedBy = :by, surveySecretHash = :h, surveyExpiresAt = :exp",
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
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async appendMessage(message) {
      await doc.send(
        new PutCommand({
          TableName: tables.messages,
          Item: { ...message, sk: MESSAGE + message.id },
          ConditionExpression: "attribute_not_exists(sk)",
        }),
      );
    },

    async claimClientMessageId(chatId, clientId, messageId, expiresAt) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tables.messages,
            Item: { chatId, sk: CLIENT_ID + clientId, messageId, expiresAt },
            ConditionExpression: "attribute_not_exists(sk)",
          }),
        );
        return undefined;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const out = await doc.send(
          new GetCommand({
            TableName: tables.messages,
            Key: { chatId, sk: CLIENT_ID + clientId },
            ConsistentRead: true,
          }),
        );
        return (out.Item?.messageId as string | undefined) ?? messageId;
      }
    },

    async getMessage(chatId, messageId) {
      const out = await doc.send(
        new GetCommand({
          TableName: tables.messages,
          Key: { chatId, sk: MESSAGE + messageId },
          ConsistentRead: true,
        }),
      );
      return out.Item ? stripKey(out.Item) : undefined;
    },

    async listMessages(chatId, afterId) {
      const items: StoredMessage[] = [];
      let startKey: QueryCommandOutput["LastEvaluatedKey"];
      do {
        const out: QueryCommandOutput = await doc.send(
          new QueryCommand({
            TableName: tables.messages,
            KeyConditionExpression: afterId
              ? "chatId = :c AND sk BETWEEN :from AND :to"
              : "chatId = :c AND begins_with(sk, :m)",
            ExpressionAttributeValues: afterId
              ? { ":c": chatId, ":from": `${MESSAGE}${afterId}\u0000`, ":to": `${MESSAGE}\uffff` }
              : { ":c": chatId, ":m": MESSAGE },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) items.push(stripKey(item));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return items;
    },

    async putSurvey(survey: SurveyRecord) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tables.surveys,
            Item: survey,
            ConditionExpression: "attribute_not_exists(chatId)",
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}

function stripKey(item: Record<string, unknown>): StoredMessage {
  const { sk: _sk, ...message } = item;
  return message as unknown as StoredMessage;
}
