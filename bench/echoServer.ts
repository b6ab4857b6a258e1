// The floors the service is measured against, with the same client load as the service:
// - the transport's floor: a bare socket.io server with the gateway's options that answers
//   the customer protocol without storing or thinking;
// - with STORAGE_ENDPOINT set, the storage floor: the same, plus the two DynamoDB round trips
//   a question needs (one batched read of the chat, the bot's state and an earlier copy of
//   the message; one batched write of the question and the answer), through the service's own
//   chat store, against dynalite in a process of its own; and the writes every chat makes
//   once whatever it asks: its end (read, conditional end, the "chat ended" line) and its
//   survey (read for the token, conditional put). No recogniser, no dialogue, no reports,
//   no handoff.
// BENCH_FLOOR_ANSWERS=topics: the storage floor answers with a real topic's answer, as the
// service stores and shows one (its text, topic, content version, links and follow-ups), and
// shows every message in the advisors' namespace too, as the service does; the default
// floor echoes the question. It measures what the service's answers weigh apart from its
// logic, for weighing the floor itself; the ratios' targets are set against the default.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { ensureTables } from "../functions/adapters/dynamodb/ensureTables.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../functions/content/loadContent.ts";
import {
  ADVISOR_NAMESPACE,
  CHAT_NAMESPACE,
  type ChatMessage,
} from "../functions/contracts/protocol.ts";
import type { ChatStore } from "../functions/domain/chat/chatStore.ts";
import { createIdGenerator } from "../functions/domain/chat/ids.ts";
import { chatRoom } from "../functions/gateway/rooms.ts";
import { socketServerOptions } from "../functions/gateway/socketOptions.ts";
import { send, serveStatsOverIpc } from "./serverStats.ts";

type Ack = (response: object) => void;

async function connectStore(endpoint: string | undefined): Promise<ChatStore | undefined> {
  if (!endpoint) return undefined;
  const prefix = "floor-";
  const { client, doc } = createDynamoClients({ region: "eu-north-1", endpoint });
  await ensureTables(client, prefix);
  return createDynamoChatStore(doc, tableNames(prefix));
}

const store = await connectStore(process.env.STORAGE_ENDPOINT);
const topicAnswers = process.env.BENCH_FLOOR_ANSWERS === "topics" ? floorAnswers() : undefined;

/** Every topic's Finnish answer as the bot shows it, bar the dialogue's own choices. */
function floorAnswers(): Pick<ChatMessage, "text" | "topic" | "actions" | "quickReplies">[] {
  const { topics } = loadBotContent(DEFAULT_CONTENT_DIR);
  return [...topics.values()].map((topic) => ({
    text: topic.fi.answer.trim(),
    topic: topic.id,
    actions: (topic.fi.links ?? []).map((link) => ({
      type: "link" as const,
      label: link.label,
      url: link.url,
    })),
    quickReplies: (topic.followUps ?? []).map((id) => ({
      label: topics.get(id)?.fi.title ?? id,
      value: id,
    })),
  }));
}
/** Items carry an expiry as the service's do; the bench's dynalite is gone long before it. */
const expiresAt = () => Math.floor(Date.now() / 1000) + 3_600;
const ids = createIdGenerator();
const http = createServer();
const io = new Server(http, socketServerOptions());

// With real answers, every message also goes to the advisors' namespace, as the service's do.
const advisors = topicAnswers ? io.of(ADVISOR_NAMESPACE) : undefined;

io.of(CHAT_NAMESPACE).on("connection", (socket) => {
  // A new chat each start, as the service's: the chat's end and survey are conditional.
  let chatId = `echo-chat-${socket.id}`;
  const message = (from: ChatMessage["from"], text: string, clientId?: string): ChatMessage => {
    const at = new Date();
    return {
      id: ids.messageId(at),
      chatId,
      from,
      text,
      at: at.toISOString(),
      ...(clientId ? { clientId } : {}),
    };
  };
  const show = (m: ChatMessage) => {
    socket.emit("chat:message", m);
    advisors?.to(chatRoom(chatId)).emit("chat:message", m);
  };

  socket.on("chat:start", async (_payload: unknown, ack: Ack) => {
    chatId = randomUUID();
    await store?.createChat({
      chatId,
      lang: "fi",
      state: "bot",
      startedAt: new Date().toISOString(),
      resumeSecretHash: "echo",
      topics: [],
      missesInRow: 0,
      handledBy: "bot",
      authenticated: false,
      expiresAt: expiresAt(),
    });
    ack({ ok: true, chatId, resumeToken: "echo-resume-token", state: "bot" });
    socket.emit("chat:state", { chatId, state: "bot" });
    show(message("bot", "welcome"));
    show(message("bot", "hours"));
  });
  socket.on("chat:message", async (payload: { text: string; clientId?: string }, ack: Ack) => {
    try {
      const clientKey = `customer:${payload.clientId}`;
      // The chat and the bot's state, and an earlier copy: one round trip, as for the service.
      await Promise.all([store?.getChat(chatId), store?.findClientMessage(chatId, clientKey)]);
      const mine = message("customer", payload.text, payload.clientId);
      const answer: ChatMessage & { contentVersion?: number } = topicAnswers
        ? {
            ...message("bot", ""),
            ...topicAnswers[Math.floor(Math.random() * topicAnswers.length)],
            contentVersion: 1,
          }
        : message("bot", payload.text);
      // Both in one batch: the answer's write is started with the question's.
      const answerStored = store?.appendMessage({ ...answer, expiresAt: expiresAt() });
      await store?.putClientMessage({ ...mine, expiresAt: expiresAt() }, clientKey);
      show(mine);
      ack({ ok: true, id: mine.id });
      await answerStored;
      show(answer);
    } catch {
      ack({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    }
  });
  socket.on("chat:end", async (_payload: unknown, ack: Ack) => {
    try {
      if (store) {
        await store.getChat(chatId);
        const endedAt = new Date().toISOString();
        await store.endChat(chatId, {
          endedAt,
          endedBy: "customer",
          surveySecretHash: "echo",
          surveyExpiresAt: endedAt,
        });
      }
    } catch {
      ack({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
      return;
    }
    ack({ ok: true, surveyToken: "echo-survey-token" });
    // As the service does, so the customer goes on to the survey and the next chat at once;
    // the closing line is stored first, and left out if that fails (the ack is already sent).
    const ended = message("system", "ended");
    try {
      await store?.appendMessage({ ...ended, expiresAt: expiresAt() });
      show(ended);
    } catch {}
    socket.emit("chat:state", { chatId, state: "ended" });
    socket.emit("survey:request", { chatId, surveyToken: "echo-survey-token" });
  });
  socket.on("survey:submit", async (payload: { gotHelp: boolean; score: number }, ack: Ack) => {
    try {
      if (store) {
        await store.getChat(chatId);
        const at = new Date().toISOString();
        await store.putSurvey({
          chatId,
          lang: "fi",
          topics: [],
          handledBy: "bot",
          authenticated: false,
          gotHelp: payload.gotHelp,
          score: payload.score,
          chatStartedAt: at,
          chatEndedAt: at,
          submittedAt: at,
        });
      }
      ack({ ok: true });
    } catch {
      ack({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    }
  });
});

http.listen(0, "127.0.0.1", () => {
  serveStatsOverIpc();
  send({ type: "ready", url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
});
