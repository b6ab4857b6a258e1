import type { DefaultEventsMap, Namespace, Server } from "socket.io";
import {
  answerFeedbackSchema,
  CHAT_NAMESPACE,
  type CustomerToServerEvents,
  chatAuthenticateSchema,
  chatEndSchema,
  chatLanguageSchema,
  chatStartSchema,
  customerMessageSchema,
  handoffRequestSchema,
  leaveQueueSchema,
  type ServerToCustomerEvents,
  surveySubmitSchema,
  typingSchema,
} from "../contracts/protocol.ts";
import type { ChatService } from "../domain/chat/chatService.ts";
import {
  ChatError,
  IdentityMismatchError,
  ServiceUnavailableError,
} from "../domain/chat/errors.ts";
import type { InactivityWatch } from "../domain/chat/inactivity.ts";
import type { HandoffService } from "../domain/handoff/handoffService.ts";
import {
  assuranceTooLowError,
  type CustomerIdentity,
  canSeePersonalData,
  type IdentityVerifier,
} from "../domain/identity/identity.ts";
import { createSerialByKey } from "../domain/serialByKey.ts";
import { type SurveyDeps, submitSurvey } from "../domain/survey/submitSurvey.ts";
import type { Logger } from "../observability/logger.ts";
import { handleEvent } from "./acks.ts";
import type { InFlight } from "./inFlight.ts";
import { type EventRateLimit, limitEventRate } from "./rateLimit.ts";
import { chatRoom } from "./rooms.ts";

interface CustomerSocketData {
  chatId?: string;
}

/**
 * /chat typed by the protocol's event maps; each handler's payload and ack follow from its
 * event name. One server carries both namespaces, so the server itself stays untyped and
 * each namespace declares its own maps (socket.io's typed-namespace pattern).
 */
export type ChatNamespace = Namespace<
  CustomerToServerEvents,
  ServerToCustomerEvents,
  DefaultEventsMap,
  CustomerSocketData
>;

export interface ChatNamespaceDeps {
  chats: ChatService;
  surveys: SurveyDeps;
  /** Verifies customers' ID tokens (jose against the configured issuer). */
  identity: IdentityVerifier;
  logger: Logger;
  inFlight?: InFlight;
  /** Routing to a person; without it chat:handoff and chat:leave-queue answer SERVICE_UNAVAILABLE. */
  handoff?: HandoffService;
  /** Ends chats left idle; every customer action restarts its clock. */
  inactivity?: InactivityWatch;
  /** Events per connection; over it, events are answered RATE_LIMITED. */
  rateLimit?: EventRateLimit;
}

class HandoffUnavailableError extends ChatError {
  override name = "HandoffUnavailableError";
  constructor() {
    super(
      "SERVICE_UNAVAILABLE",
      "Advisors cannot be reached from here; try a callback instead.",
      503,
    );
  }
}

class NotStartedError extends ChatError {
  override name = "NotStartedError";
  constructor() {
    super("NOT_STARTED", "Send chat:start before other chat events.");
  }
}

/** The customer side of the protocol: validate, call the domain, acknowledge, broadcast. */
export function registerChatNamespace(io: Server, deps: ChatNamespaceDeps): ChatNamespace {
  const { chats, identity } = deps;
  /**
   * A chat's messages are taken one at a time (accept, answer, routing), in the order they
   * came: the bot answers them in that order, and each turn starts from the bot's state the
   * one before left (two misses sent at once count as two).
   */
  const oneMessageAtATime = createSerialByKey();
  const handoff = () => {
    if (!deps.handoff) throw new HandoffUnavailableError();
    return deps.handoff;
  };

  /**
   * Only a verified token of substantial or high assurance binds a person to a chat; a
   * weaker sign-in is refused so that the chat simply goes on anonymously.
   */
  async function verifiedCustomer(idToken: string): Promise<CustomerIdentity> {
    const customer = await identity.verifyCustomer(idToken);
    if (!canSeePersonalData(customer)) throw assuranceTooLowError();
    return customer;
  }
  const nsp: ChatNamespace = io.of(CHAT_NAMESPACE);

  nsp.on("connection", (socket) => {
    limitEventRate(socket, deps.rateLimit);
    const currentChat = () => {
      const chatId = socket.data.chatId;
      if (!chatId) throw new NotStartedError();
      return chatId;
    };

    socket.on(
      "chat:start",
      handleEvent(deps, "chat:start", chatStartSchema, async (request, ack) => {
        // Verify before touching any chat: a bad token starts or replays nothing.
        const customer = request.idToken ? await verifiedCustomer(request.idToken) : undefined;
        const started = await chats.startChat(request);
        let { chat } = started;
        if (customer && chat.subject && chat.subject !== customer.subject) {
          throw new IdentityMismatchError();
        }
        if (socket.data.chatId && socket.data.chatId !== chat.chatId) {
          await socket.leave(chatRoom(socket.data.chatId));
        }
        socket.data.chatId = chat.chatId;
        // In the room before the transcript is read, so that no message falls between them.
        await socket.join(chatRoom(chat.chatId));
        const missed = await started.replay();
        if (chat.state !== "ended") deps.inactivity?.touch(chat.chatId);
        if (customer) {
          chat = await chats.authenticate(chat.chatId, customer);
          deps.logger.info("chat authenticated", {
            chatId: chat.chatId,
            assurance: customer.assurance,
          });
        }
        ack({
          chatId: chat.chatId,
          resumeToken: started.resumeToken,
          state: chat.state,
          authenticated: chat.authenticated,
        });
        for (const message of missed) socket.emit("chat:message", message);
        socket.emit("chat:state", {
          ...chats.stateEvent(chat),
          ...(chat.state === "advisor" && chat.advisorName
            ? { advisor: { displayName: chat.advisorName } }
            : {}),
        });
        if (started.created) await chats.welcome(chat);
        // A customer back in a queued chat learns their current place again.
        else if (chat.state === "queued") await deps.handoff?.requestHandoff(chat.chatId);
      }),
    );

    socket.on(
      "chat:authenticate",
      handleEvent(deps, "chat:authenticate", chatAuthenticateSchema, async ({ idToken }, ack) => {
        const chatId = currentChat();
        const customer = await verifiedCustomer(idToken);
        const chat = await chats.authenticate(chatId, customer);
        deps.logger.info("chat authenticated", { chatId, assurance: customer.assurance });
        ack({
          authenticated: true,
          name: chat.customerName ?? "",
          personalData: canSeePersonalData(customer),
        });
      }),
    );

    socket.on(
      "chat:message",
      handleEvent(deps, "chat:message", customerMessageSchema, async (input, ack) => {
        // The chat the message was sent in, even if the socket moves to another meanwhile.
        const chatId = currentChat();
        return oneMessageAtATime(chatId, async () => {
          const accepted = await chats.ask(chatId, input);
          deps.inactivity?.touch(accepted.chat.chatId);
          ack({ id: accepted.message.id });
          if (accepted.duplicate) return;
          try {
            const turn = await accepted.answered;
            // A customer asking for a person, or a bot that keeps missing, brings in an advisor.
            if (turn && deps.handoff) await deps.handoff.afterBotTurn(accepted.chat.chatId, turn);
          } catch (error) {
            // The chat moved on meanwhile (ended, taken by an advisor): nothing went wrong.
            if (error instanceof ChatError && !(error instanceof ServiceUnavailableError)) return;
            // Acknowledged already, so the ack cannot carry the failure: say it in the chat.
            deps.logger.warn("answer failed after the message was stored", {
              chatId: accepted.chat.chatId,
              error: error as Error,
            });
            chats.noticeAnswerFailed(accepted.chat);
          }
        });
      }),
    );

    socket.on(
      "chat:typing",
      handleEvent(deps, "chat:typing", typingSchema, async ({ typing }, ack) => {
        const chatId = currentChat();
        deps.handoff?.customerTyping(chatId, typing);
        if (typing) deps.inactivity?.touch(chatId);
        ack({});
      }),
    );

    socket.on(
      "chat:language",
      handleEvent(deps, "chat:language", chatLanguageSchema, async ({ lang }, ack) => {
        await chats.setLanguage(currentChat(), lang);
        ack({ lang });
      }),
    );

    socket.on(
      "chat:end",
      handleEvent(deps, "chat:end", chatEndSchema, async (_empty, ack) => {
        const ended = await chats.endChat(currentChat(), "customer");
        deps.inactivity?.forget(socket.data.chatId ?? "");
        ack({ surveyToken: ended.surveyToken });
        await ended.announce();
      }),
    );

    socket.on(
      "chat:feedback",
      handleEvent(deps, "chat:feedback", answerFeedbackSchema, async (vote, ack) => {
        // Leaves the idle clock alone: it follows what people write (the stored messages every
        // gateway task sees), and a vote on an earlier answer is not a turn in the chat.
        await chats.feedback(currentChat(), vote.messageId, vote.helpful);
        ack({});
      }),
    );

    socket.on(
      "chat:handoff",
      handleEvent(deps, "chat:handoff", handoffRequestSchema, async (_empty, ack) => {
        ack(await handoff().requestHandoff(currentChat(), { byCustomer: true }));
      }),
    );

    socket.on(
      "chat:leave-queue",
      handleEvent(deps, "chat:leave-queue", leaveQueueSchema, async (_empty, ack) => {
        await handoff().leaveQueue(currentChat());
        ack({});
      }),
    );

    socket.on(
      "survey:submit",
      handleEvent(deps, "survey:submit", surveySubmitSchema, async (submission, ack) => {
        await submitSurvey(deps.surveys, submission);
        ack({});
      }),
    );
  });

  return nsp;
}
