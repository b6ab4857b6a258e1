// Simulated advisors: take queued chats, answer every customer message at once, and write a
// wrap-up when the chat ends.
import { io, type Socket } from "socket.io-client";
import type {
  AdvisorToServerEvents,
  ChatMessage,
  ServerToAdvisorEvents,
} from "../../functions/contracts/protocol.ts";
import { REPLY_TIMEOUT_MS } from "./customers.ts";
import { countError, type LoadRun } from "./metrics.ts";

type AdvisorSocket = Socket<ServerToAdvisorEvents, AdvisorToServerEvents>;

/** Local personas that sign in as advisors; each handles up to ADVISOR_MAX_CHATS chats. */
const ADVISOR_PERSONAS = [
  { persona: "advisor-fi", languages: ["fi"] },
  { persona: "advisor-both", languages: ["fi", "sv"] },
  { persona: "advisor-sv", languages: ["sv"] },
] as const;
const ADVISOR_MAX_CHATS = 10;

/** Refusals for an outage an advisor sits out, as the console does, before the bench gives up. */
const SIGN_IN_ATTEMPTS = 10;
const SIGN_IN_RETRY_MS = 500;

/**
 * Connects as the console does: a handshake refused with SERVICE_UNAVAILABLE (storage did
 * not answer the server's check in time) is tried again after a pause and counted, so a
 * moment of overload shows in the error kinds instead of ending the run.
 */
async function signIn(url: string, token: string, run: LoadRun): Promise<AdvisorSocket> {
  for (let attempt = 1; ; attempt++) {
    const socket: AdvisorSocket = io(`${url}/advisor`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      auth: { token },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    } catch (error) {
      socket.disconnect();
      const code = (error as { data?: { code?: string } }).data?.code;
      if (code !== "SERVICE_UNAVAILABLE" || attempt >= SIGN_IN_ATTEMPTS) throw error;
      countError(run.metrics, "advisor:sign-in:SERVICE_UNAVAILABLE");
      await new Promise((r) => setTimeout(r, SIGN_IN_RETRY_MS));
    }
  }
}

export async function connectAdvisors(url: string, run: LoadRun): Promise<AdvisorSocket[]> {
  const { metrics } = run;
  return Promise.all(
    ADVISOR_PERSONAS.map(async ({ persona, languages }) => {
      const res = await fetch(`${url}/dev/token?persona=${persona}`);
      const { idToken } = (await res.json()) as { idToken: string };
      const socket = await signIn(url, idToken, run);
      const active = new Set<string>();
      /** When each chat was taken: messages sent before it waited in the queue, not relayed. */
      const acceptedAt = new Map<string, number>();
      const accepting = new Set<string>();
      let replies = 0;
      socket.on("queue:snapshot", ({ waiting }) => {
        for (const entry of waiting) {
          if (active.size + accepting.size >= ADVISOR_MAX_CHATS) return;
          if (!(languages as readonly string[]).includes(entry.lang)) continue;
          if (active.has(entry.chatId) || accepting.has(entry.chatId)) continue;
          accepting.add(entry.chatId);
          socket
            .timeout(REPLY_TIMEOUT_MS)
            .emitWithAck("chat:accept", { chatId: entry.chatId })
            .then((ack) => {
              const early = arrivedWhileAccepting.get(entry.chatId) ?? [];
              arrivedWhileAccepting.delete(entry.chatId);
              if (!ack.ok) return;
              active.add(entry.chatId);
              acceptedAt.set(entry.chatId, performance.now());
              for (const message of early) answer(message);
            })
            .catch(() => countError(metrics, "chat:accept:timeout"))
            .finally(() => accepting.delete(entry.chatId));
        }
      });
      /** Customer messages that came in the chat's room before our accept was acknowledged. */
      const arrivedWhileAccepting = new Map<string, ChatMessage[]>();
      socket.on("chat:message", (message) => {
        if (message.from !== "customer" || !message.clientId) return;
        if (accepting.has(message.chatId)) {
          const early = arrivedWhileAccepting.get(message.chatId) ?? [];
          early.push(message);
          arrivedWhileAccepting.set(message.chatId, early);
        } else if (active.has(message.chatId)) answer(message);
      });
      /**
       * Answers every customer message of a chat we have, also one sent before we took it
       * (its customer waits for an answer, the bot's or ours); only those sent after are
       * timed as relay.
       */
      const answer = (message: ChatMessage) => {
        const sentAt = run.customerSentAt.get(message.clientId ?? "");
        if (sentAt !== undefined && sentAt >= (acceptedAt.get(message.chatId) ?? 0)) {
          metrics.relayMs.push(performance.now() - sentAt);
          metrics.relayToAdvisorMs.push(performance.now() - sentAt);
        }
        const clientId = `${persona}-${++replies}`;
        run.advisorSentAt.set(clientId, performance.now());
        socket
          .timeout(REPLY_TIMEOUT_MS)
          .emitWithAck("chat:message", {
            chatId: message.chatId,
            text: "Selvä, katsotaan.",
            clientId,
          })
          .then((ack) => {
            if (ack.ok) return;
            if (ack.error.code === "CHAT_ENDED") metrics.advisorRepliesAfterEnd++;
            else countError(metrics, `advisor:message:${ack.error.code}`);
          })
          .catch(() => countError(metrics, "advisor:message:timeout"));
      };
      socket.on("chat:state", (state) => {
        if (state.state !== "ended" || !active.delete(state.chatId)) return;
        socket
          .timeout(REPLY_TIMEOUT_MS)
          .emitWithAck("chat:wrapup", { chatId: state.chatId, reason: "other" })
          .catch(() => undefined);
      });
      const status = await socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("advisor:status", {
        status: "available",
        languages: [...languages],
        maxChats: ADVISOR_MAX_CHATS,
      });
      if (!status.ok) throw new Error(`advisor ${persona}: ${status.error.code}`);
      return socket;
    }),
  );
}
