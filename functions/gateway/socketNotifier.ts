import type { Server } from "socket.io";
import { CHAT_NAMESPACE } from "../contracts/protocol.ts";
import type { ChatNotifier } from "../domain/chat/notifier.ts";
import { chatRoom } from "./rooms.ts";

/** Delivers chat events through socket.io rooms, so every node and every tab gets them. */
export function createSocketNotifier(io: Server): ChatNotifier {
  const chats = io.of(CHAT_NAMESPACE);
  return {
    message: (chatId, message) => chats.to(chatRoom(chatId)).emit("chat:message", message),
    state: (event) => chats.to(chatRoom(event.chatId)).emit("chat:state", event),
    surveyRequest: (chatId, surveyToken) =>
      chats.to(chatRoom(chatId)).emit("survey:request", { chatId, surveyToken }),
  };
}
