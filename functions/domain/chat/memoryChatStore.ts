import type { Lang } from "../../contracts/lang.ts";
import type { AnswerVote, ChatStore, SurveyRecord } from "./chatStore.ts";
import { ChatNotFoundError } from "./errors.ts";
import type { Chat, StoredMessage } from "./model.ts";

const copy = <T>(value: T): T => structuredClone(value);

/** Where a chat waits: sent back ("0#") before queued normally ("1#"), then by time. */
interface QueuePlace {
  lang: Lang;
  sort: string;
}

interface ChatRecord {
  chat: Chat;
  /** Set while queued; cleared when an advisor takes the chat or it ends. */
  queue?: QueuePlace;
  /** Set from assignment until the wrap-up: the chat is on the advisor's list. */
  advisorKey?: string;
}

type BotState = Pick<Chat, "topics" | "missesInRow" | "customerWrote"> & { expiresAt?: number };

/** Everything kept for one chat beside its record, as the messages table's partition. */
interface Partition {
  /** The service's messages by id, and people's messages by client key. */
  own: Map<string, StoredMessage>;
  client: Map<string, StoredMessage>;
  botState?: BotState;
  votes: Map<string, AnswerVote>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A ChatStore in memory with the DynamoDB store's semantics, held to them by the shared
 * contract suite: the same conditions decide who has a chat, a resend under the same client
 * key lands on the same message, a vote replaces the earlier one, and nothing returned is
 * shared with what is kept. `sweepExpired` deletes what DynamoDB's TTL would (records and
 * transcript items whose `expiresAt` has passed; surveys have none). For domain tests and
 * callers that need no database.
 */
export function createMemoryChatStore(): ChatStore & { sweepExpired(now: Date): number } {
  const chats = new Map<string, ChatRecord>();
  const partitions = new Map<string, Partition>();
  const surveys = new Map<string, SurveyRecord>();

  function partition(chatId: string): Partition {
    let found = partitions.get(chatId);
    if (!found) {
      found = { own: new Map(), client: new Map(), votes: new Map() };
      partitions.set(chatId, found);
    }
    return found;
  }

  function transcript(chatId: string): StoredMessage[] {
    const p = partitions.get(chatId);
    if (!p) return [];
    return [...p.own.values(), ...p.client.values()].sort((a, b) => byString(a.id, b.id));
  }

  const queueSort = (at: string, front: boolean) => `${front ? "0" : "1"}#${at}`;

  return {
    async createChat(chat) {
      chats.set(chat.chatId, { chat: copy(chat) });
    },

    async getChat(chatId) {
      const record = chats.get(chatId);
      if (!record) return undefined;
      // The bot's state is kept beside the record and wins over the record's copy of it.
      const state = partitions.get(chatId)?.botState;
      return copy({
        ...record.chat,
        ...(state ? { topics: state.topics, missesInRow: state.missesInRow } : {}),
        ...(state?.customerWrote ? { customerWrote: true } : {}),
      });
    },

    async saveBotState(chat, state) {
      partition(chat.chatId).botState = {
        topics: copy(state.topics),
        missesInRow: state.missesInRow,
        ...(state.customerWrote ? { customerWrote: true } : {}),
        ...(chat.expiresAt === undefined ? {} : { expiresAt: chat.expiresAt }),
      };
    },

    async bindIdentity(chatId, identity) {
      const record = chats.get(chatId);
      if (!record) return false;
      if (record.chat.subject !== undefined && record.chat.subject !== identity.subject) {
        return false;
      }
      Object.assign(record.chat, {
        authenticated: true,
        subject: identity.subject,
        customerName: identity.customerName,
        assurance: identity.assurance,
        signInExpiresAt: identity.signInExpiresAt,
      });
      return true;
    },

    async enqueue(chatId, queue) {
      const record = chats.get(chatId);
      if (record?.chat.state !== "bot") return false;
      record.chat.state = "queued";
      record.chat.queueLang = queue.lang;
      record.chat.queuedAt ??= queue.queuedAt;
      if (queue.topics) record.chat.topics = copy(queue.topics);
      record.queue = { lang: queue.lang, sort: queueSort(queue.queuedAt, queue.front) };
      return true;
    },

    async leaveQueue(chatId) {
      const record = chats.get(chatId);
      if (record?.chat.state !== "queued") return false;
      record.chat.state = "bot";
      delete record.chat.queueLang;
      delete record.chat.queuedAt;
      delete record.queue;
      return true;
    },

    async listQueue(lang) {
      return [...chats.values()]
        .filter((r) => r.queue?.lang === lang && r.chat.state === "queued")
        .sort((a, b) => byString(a.queue?.sort ?? "", b.queue?.sort ?? ""))
        .map((r) => copy(r.chat));
    },

    async assignAdvisor(chatId, advisor) {
      const record = chats.get(chatId);
      if (record?.chat.state !== "queued") return false;
      Object.assign(record.chat, {
        state: "advisor",
        handledBy: "advisor",
        advisorId: advisor.id,
        advisorName: advisor.name,
      });
      record.advisorKey = advisor.id;
      delete record.queue;
      return true;
    },

    async requeueFromAdvisor(chatId, advisorId, queue) {
      const record = chats.get(chatId);
      if (record?.chat.state !== "advisor" || record.chat.advisorId !== advisorId) return false;
      record.chat.state = "queued";
      record.chat.queueLang = queue.lang;
      delete record.chat.advisorId;
      delete record.chat.advisorName;
      delete record.advisorKey;
      record.queue = { lang: queue.lang, sort: queueSort(queue.at, queue.front) };
      return true;
    },

    async listOpenChats() {
      return [...chats.values()]
        .map((r) => r.chat)
        .filter((c) => c.state !== "ended")
        .sort((a, b) => byString(a.startedAt, b.startedAt))
        .map(copy);
    },

    async listAdvisorChats(advisorId) {
      return [...chats.values()]
        .filter((r) => r.advisorKey === advisorId)
        .map((r) => r.chat)
        .sort((a, b) => byString(a.startedAt, b.startedAt))
        .map(copy);
    },

    async saveWrapup(chatId, wrapup) {
      const record = chats.get(chatId);
      if (!record) return false;
      const { chat } = record;
      if (chat.advisorId === wrapup.advisorId && chat.wrapup === undefined) {
        chat.wrapup = copy(wrapup);
        delete record.advisorKey;
        return "saved";
      }
      // Wrapped up before: the first wrap-up stays, this one is kept beside it.
      if (chat.wrapup?.advisorId === wrapup.advisorId) {
        chat.wrapupCorrections = [...(chat.wrapupCorrections ?? []), copy(wrapup)];
        delete record.advisorKey;
        return "corrected";
      }
      return false;
    },

    async markSignInTooWeak(chatId) {
      const record = chats.get(chatId);
      if (!record) throw new ChatNotFoundError();
      record.chat.signInTooWeak = true;
    },

    async setCustomerGone(chatId, since) {
      const record = chats.get(chatId);
      if (!record) return;
      if (since === undefined) delete record.chat.customerGoneAt;
      else record.chat.customerGoneAt = since;
    },

    async setLanguage(chatId, lang) {
      const record = chats.get(chatId);
      if (!record) throw new ChatNotFoundError();
      record.chat.lang = lang;
    },

    async endChat(chatId, end) {
      const record = chats.get(chatId);
      if (!record || record.chat.state === "ended") return false;
      Object.assign(record.chat, {
        state: "ended",
        endedAt: end.endedAt,
        endedBy: end.endedBy,
        surveySecretHash: end.surveySecretHash,
        surveyExpiresAt: end.surveyExpiresAt,
      });
      delete record.queue;
      return true;
    },

    async appendMessage(message) {
      partition(message.chatId).own.set(message.id, copy(message));
    },

    async findClientMessage(chatId, clientKey) {
      const earlier = partitions.get(chatId)?.client.get(clientKey);
      return earlier && copy(earlier);
    },

    async putClientMessage(message, clientKey) {
      partition(message.chatId).client.set(clientKey, copy(message));
    },

    async getMessage(chatId, messageId) {
      const found = transcript(chatId).find((m) => m.id === messageId);
      return found && copy(found);
    },

    async listMessages(chatId, afterId) {
      const all = transcript(chatId);
      return (afterId === undefined ? all : all.filter((m) => m.id > afterId)).map(copy);
    },

    async putFeedback(vote) {
      const votes = partition(vote.chatId).votes;
      const old = votes.get(vote.messageId);
      // The first vote's language stays, so a changed vote is taken back where it was counted.
      votes.set(vote.messageId, {
        ...old,
        ...copy(vote),
        lang: old?.lang ?? vote.lang,
        ...(vote.contentVersion === undefined && old?.contentVersion !== undefined
          ? { contentVersion: old.contentVersion }
          : {}),
      });
      return old ? { helpful: old.helpful, lang: old.lang } : undefined;
    },

    async putSurvey(survey) {
      if (surveys.has(survey.chatId)) return false;
      surveys.set(survey.chatId, copy(survey));
      return true;
    },

    sweepExpired(now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const expired = (expiresAt: number | undefined) =>
        expiresAt !== undefined && expiresAt < nowSeconds;
      let deleted = 0;
      for (const [chatId, record] of chats) {
        if (expired(record.chat.expiresAt)) {
          chats.delete(chatId);
          deleted++;
        }
      }
      for (const p of partitions.values()) {
        for (const items of [p.own, p.client, p.votes] as Map<string, { expiresAt: number }>[]) {
          for (const [key, item] of items) {
            if (expired(item.expiresAt)) {
              items.delete(key);
              deleted++;
            }
          }
        }
        if (expired(p.botState?.expiresAt)) {
          delete p.botState;
          deleted++;
        }
      }
      return deleted;
    },
  };
}
