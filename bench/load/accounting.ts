// Accounting: every acknowledged message stored once and delivered once, checked by resuming
// every chat with its token and comparing the replayed transcript with what was seen live.
import type { ChatMessage } from "../../functions/contracts/protocol.ts";
import { type ChatRecord, type Customer, REPLY_TIMEOUT_MS } from "./customers.ts";
import { type RunMetrics, until } from "./metrics.ts";

export interface Accounting {
  chatsChecked: number;
  /** Chats whose transcript could not be read back (resume failed three times). */
  unverifiedChats: number;
  /** Stored after the customer had left the chat, so only in the transcript. */
  storedAfterLeaving: number;
  storedMessages: number;
  lost: number;
  duplicated: number;
  /** Live-only notices (`transient`), delivered and by design not stored. */
  liveOnlyNotices: number;
  problems: string[];
  /** Every problem counted by kind, beyond the first ten shown in full. */
  problemKinds: Record<string, number>;
}

/** Resumes every chat with its token and compares the stored transcript with what was seen. */
export async function verifyTranscripts(
  customers: Customer[],
  metrics: RunMetrics,
): Promise<Accounting> {
  const result: Accounting = {
    chatsChecked: 0,
    unverifiedChats: 0,
    storedAfterLeaving: 0,
    storedMessages: 0,
    lost: 0,
    duplicated: 0,
    liveOnlyNotices: 0,
    problems: [],
    problemKinds: {},
  };
  const problem = (text: string) => {
    if (result.problems.length < 10) result.problems.push(text);
    const kind = text.replace(/^\S+ (\([^)]*\) )?/, "").replace(/\d+ times/, "n times");
    result.problemKinds[kind] = (result.problemKinds[kind] ?? 0) + 1;
  };
  for (const [clientId, count] of metrics.ackCounts) {
    if (count > 1) {
      result.duplicated += count - 1;
      problem(`${clientId} acked ${count} times`);
    }
  }
  await Promise.all(
    customers.map(async (customer) => {
      for (const chat of customer.chats.values()) {
        let stored: ChatMessage[] | null = null;
        for (let attempt = 0; !stored && attempt < 3; attempt++) {
          stored = await readTranscript(customer, chat);
        }
        if (!stored) {
          // Not proof of loss, but nothing is proven either: reported on its own line.
          result.unverifiedChats++;
          problem(`chat ${chat.chatId} could not be resumed to check it`);
          continue;
        }
        result.chatsChecked++;
        result.storedMessages += stored.length;
        const storedIds = new Map<string, number>();
        const storedClientIds = new Map<string, number>();
        for (const m of stored) {
          storedIds.set(m.id, (storedIds.get(m.id) ?? 0) + 1);
          if (m.from === "customer" && m.clientId) {
            storedClientIds.set(m.clientId, (storedClientIds.get(m.clientId) ?? 0) + 1);
          }
        }
        for (const [id, count] of storedIds) {
          if (count > 1) {
            result.duplicated += count - 1;
            problem(`${id} stored ${count} times`);
          }
        }
        // After the customer left a chat (ended it, or moved on after a reply never came), its
        // tail cannot be delivered live; it is in the transcript, which is what counts then.
        let lastDelivered = -1;
        stored.forEach((m, i) => {
          if (chat.delivered.has(m.id)) lastDelivered = i;
        });
        stored.forEach((m, i) => {
          if (chat.delivered.has(m.id)) return;
          if (chat.left && i > lastDelivered) {
            result.storedAfterLeaving++;
            return;
          }
          result.lost++;
          problem(`${m.id} (${m.from}: ${m.text.slice(0, 40)}) stored, never delivered live`);
        });
        for (const [clientId, count] of storedClientIds) {
          if (count > 1) {
            result.duplicated += count - 1;
            problem(`clientId ${clientId} stored ${count} times`);
          }
        }
        for (const [clientId, id] of chat.acked) {
          if (!storedIds.has(id)) {
            result.lost++;
            problem(`${clientId} acked as ${id} but not stored`);
          }
        }
        for (const [id, seen] of chat.delivered) {
          if (seen.count > 1) {
            result.duplicated += seen.count - 1;
            problem(`${id} delivered ${seen.count} times`);
          }
          if (seen.transient) {
            result.liveOnlyNotices++;
          } else if (!storedIds.has(id)) {
            result.lost++;
            problem(
              `${id} (${seen.from} at ${seen.at}: ${seen.text.slice(0, 60)}) delivered but not stored`,
            );
          }
        }
      }
    }),
  );
  return result;
}

/** The transcript as the server replays it on resume: messages until the chat's state. */
async function readTranscript(customer: Customer, chat: ChatRecord): Promise<ChatMessage[] | null> {
  const replay: ChatMessage[] = [];
  const onMessage = (m: ChatMessage) => {
    if (m.chatId === chat.chatId) replay.push(m);
  };
  let done = false;
  const onState = (s: { chatId: string }) => {
    if (s.chatId === chat.chatId) done = true;
  };
  // Live bookkeeping must not count the replay as a second delivery.
  const live = customer.chats;
  customer.chats = new Map();
  customer.socket.on("chat:message", onMessage);
  customer.socket.on("chat:state", onState);
  try {
    const ack = await customer.socket
      .timeout(REPLY_TIMEOUT_MS)
      .emitWithAck("chat:start", { lang: chat.lang, resumeToken: chat.resumeToken });
    if (!ack.ok) return null;
    if (!(await until(() => done, REPLY_TIMEOUT_MS))) return null;
    return replay;
  } catch {
    return null;
  } finally {
    customer.socket.off("chat:message", onMessage);
    customer.socket.off("chat:state", onState);
    customer.chats = live;
  }
}
