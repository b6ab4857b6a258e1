import type { Server } from "socket.io";
import { ADVISOR_NAMESPACE, CHAT_NAMESPACE } from "../contracts/protocol.ts";
import type { ChatNotifier } from "../domain/chat/notifier.ts";
import type { HandoffNotifier } from "../domain/handoff/notifier.ts";
import { ADVISORS_ROOM, advisorRoom, chatRoom } from "./rooms.ts";

/**
 * Delivers chat events through socket.io rooms, so every node and every tab gets them: the
 * customer's connections on /chat and the advisor's on /advisor (same room name there).
 */
export function createSocketNotifier(io: Server): ChatNotifier {
  const chats = io.of(CHAT_NAMESPACE);
  const advisors = io.of(ADVISOR_NAMESPACE);
  return {
    message: (chatId, message) => {
      chats.to(chatRoom(chatId)).emit("chat:message", message);
      advisors.to(chatRoom(chatId)).emit("chat:message", message);
    },
    state: (event) => {
      chats.to(chatRoom(event.chatId)).emit("chat:state", event);
      advisors.to(chatRoom(event.chatId)).emit("chat:state", event);
    },
    surveyRequest: (chatId, surveyToken) =>
      chats.to(chatRoom(chatId)).emit("survey:request", { chatId, surveyToken }),
  };
}

/** The advisor side of handoff over socket.io rooms; works across nodes with an adapter. */
export function createSocketHandoffNotifier(io: Server): HandoffNotifier {
  const chats = io.of(CHAT_NAMESPACE);
  const advisors = io.of(ADVISOR_NAMESPACE);
  return {
    queue: (snapshot) => advisors.to(ADVISORS_ROOM).emit("queue:snapshot", snapshot),
    typing: (chatId, to, typing) => {
      if (to === "customer") chats.to(chatRoom(chatId)).emit("chat:typing", { typing });
      else advisors.to(chatRoom(chatId)).emit("chat:typing", { chatId, typing });
    },
    attach: (advisorId, chatId) =>
      advisors.in(advisorRoom(advisorId)).socketsJoin(chatRoom(chatId)),
    detach: (advisorId, chatId) =>
      advisors.in(advisorRoom(advisorId)).socketsLeave(chatRoom(chatId)),
    advisorStatus: (advisorId, status) =>
      advisors.to(advisorRoom(advisorId)).emit("advisor:status", status),
  };
}
