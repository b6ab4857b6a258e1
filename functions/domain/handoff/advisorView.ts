import type { AdvisorChat, ChatMessage } from "../../contracts/protocol.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import { type Chat, toChatMessage } from "../chat/model.ts";
import { queueOf } from "./queue.ts";

/** The chat as an advisor's console shows it: the customer's name only if signed in. */
export function advisorChat(chat: Chat, transcript: ChatMessage[]): AdvisorChat {
  return {
    chatId: chat.chatId,
    lang: chat.lang,
    queue: queueOf(chat),
    topics: chat.topics,
    authenticated: chat.authenticated,
    ...(chat.authenticated && chat.customerName ? { customerName: chat.customerName } : {}),
    transcript,
    ended: chat.state === "ended",
  };
}

/** The chat's stored messages, oldest first, as the protocol carries them. */
export async function transcriptOf(store: ChatStore, chatId: string): Promise<ChatMessage[]> {
  return (await store.listMessages(chatId)).map(toChatMessage);
}
