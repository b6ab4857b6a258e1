import type { Namespace, Server, Socket } from "socket.io";
import {
  CHAT_NAMESPACE,
  type CustomerToServerEvents,
  chatEndSchema,
  chatLanguageSchema,
  chatStartSchema,
  customerMessageSchema,
  type ServerToCustomerEvents,
  surveySubmitSchema,
  typingSchema,
} from "../contracts/protocol.ts";
import type { ChatService } from "../domain/chat/chatService.ts";
import { ChatError } from "../domain/chat/errors.ts";
import { type SurveyDeps, submitSurvey } from "../domain/survey/submitSurvey.ts";
import type { Logger } from "../observability/logger.ts";
import { handleEvent } from "./acks.ts";
import { chatRoom } from "./rooms.ts";

interface CustomerSocketData {
  chatId?: string;
}

type CustomerSocket = Socket<
  CustomerToServerEvents,
  ServerToCustomerEvents,
  Record<string, never>,
  CustomerSocketData
>;

export interface ChatNamespaceDeps {
  chats: ChatService;
  surveys: SurveyDeps;
  logger: Logger;
}

class NotStartedError extends ChatError {
  override name = "NotStartedError";
  constructor() {
    super("NOT_STARTED", "Send chat:start before other chat events.");
  }
}

/** The customer side of the protocol: validate, call the domain, acknowledge, broadcast. */
export function registerChatNamespace(io: Server, deps: ChatNamespaceDeps) {
  const { chats, logger } = deps;
  const nsp = io.of(CHAT_NAMESPACE) as unknown as Namespace<
    CustomerToServerEvents,
    ServerToCustomerEvents,
    Record<string, never>,
    CustomerSocketData
  >;

  nsp.on("connection", (socket: CustomerSocket) => {
    const currentChat = () => {
      const chatId = socket.data.chatId;
      if (!chatId) throw new NotStartedError();
      return chatId;
    };

    socket.on(
      "chat:start",
      handleEvent(logger, "chat:start", chatStartSchema, async (request, ack) => {
        const started = await chats.startChat(request);
        const { chat } = started;
        if (socket.data.chatId && socket.data.chatId !== chat.chatId) {
          await socket.leave(chatRoom(socket.data.chatId));
        }
        socket.data.chatId = chat.chatId;
        await socket.join(chatRoom(chat.chatId));
        ack({ chatId: chat.chatId, resumeToken: started.resumeToken, state: chat.state });
        for (const message of started.missed) socket.emit("chat:message", message);
        socket.emit("chat:state", chats.stateEvent(chat));
        if (started.created) await chats.welcome(chat);
      }),
    );

    socket.on(
      "chat:message",
      handleEvent(logger, "chat:message", customerMessageSchema, async (input, ack) => {
        const accepted = await chats.acceptMessage(currentChat(), "customer", input);
        ack({ id: accepted.message.id });
        if (!accepted.duplicate) await chats.answer(accepted.chat, input.text);
      }),
    );

    socket.on(
      "chat:typing",
      handleEvent(logger, "chat:typing", typingSchema, async (_typing, ack) => {
        currentChat();
        ack({});
      }),
    );

    socket.on(
      "chat:language",
      handleEvent(logger, "chat:language", chatLanguageSchema, async ({ lang }, ack) => {
        await chats.setLanguage(currentChat(), lang);
        ack({ lang });
      }),
    );

    socket.on(
      "chat:end",
      handleEvent(logger, "chat:end", chatEndSchema, async (_empty, ack) => {
        const ended = await chats.endChat(currentChat(), "customer");
        ack({ surveyToken: ended.surveyToken });
        await ended.announce();
      }),
    );

    socket.on(
      "survey:submit",
      handleEvent(logger, "survey:submit", surveySubmitSchema, async (submission, ack) => {
        await submitSurvey(deps.surveys, submission);
        ack({});
      }),
    );
  });

  return nsp;
}
