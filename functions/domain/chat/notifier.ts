import type { ChatMessage, ChatStateEvent } from "../../contracts/protocol.ts";

/** Delivers chat events to whoever takes part in a chat (customer tabs, later an advisor). */
export interface ChatNotifier {
  message(chatId: string, message: ChatMessage): void;
  state(event: ChatStateEvent): void;
  surveyRequest(chatId: string, surveyToken: string): void;
}
