import type { DefaultEventsMap, Namespace, Server } from "socket.io";
import type { ClientAddressOf } from "../adapters/network/clientAddress.ts";
import {
  appointmentCancelSchema,
  appointmentFindSchema,
  appointmentRescheduleSchema,
  appointmentsListSchema,
} from "../contracts/contactRequests.ts";
import {
  ADVISOR_NAMESPACE,
  answerFeedbackSchema,
  CHAT_NAMESPACE,
  type CustomerToServerEvents,
  chatAuthenticateSchema,
  chatEndSchema,
  chatLanguageSchema,
  chatSignOutSchema,
  chatStartSchema,
  customerMessageSchema,
  handoffRequestSchema,
  leaveQueueSchema,
  type ServerToCustomerEvents,
  surveySubmitSchema,
  typingSchema,
} from "../contracts/protocol.ts";
import { asksForPerson, type ChatService } from "../domain/chat/chatService.ts";
import {
  ChatError,
  IdentityMismatchError,
  ServiceUnavailableError,
} from "../domain/chat/errors.ts";
import type { InactivityWatch } from "../domain/chat/inactivity.ts";
import type { Chat } from "../domain/chat/model.ts";
import {
  type AppointmentAsker,
  cancelOwnAppointment,
  findOwnAppointment,
  listOwnAppointments,
  rescheduleOwnAppointment,
} from "../domain/contact/appointmentChanges.ts";
import type { AppointmentDeps } from "../domain/contact/appointments.ts";
import type { HandoffService } from "../domain/handoff/handoffService.ts";
import {
  assuranceTooLowError,
  type CustomerIdentity,
  canSeePersonalData,
  type IdentityVerifier,
} from "../domain/identity/identity.ts";
import { RateLimitedError, type RequestLimiter } from "../domain/limits/requestLimits.ts";
import { createSerialByKey } from "../domain/serialByKey.ts";
import { type SurveyDeps, submitSurvey } from "../domain/survey/submitSurvey.ts";
import type { Logger } from "../observability/logger.ts";
import { handleEvent } from "./acks.ts";
import type { AdvisorNamespace } from "./advisorNamespace.ts";
import type { InFlight } from "./inFlight.ts";
import type { QueueDepartures } from "./queueDepartures.ts";
import { type EventRateLimit, limitEventRate } from "./rateLimit.ts";
import { chatRoom } from "./rooms.ts";

interface CustomerSocketData {
  chatId?: string;
  /** The client's address behind the trusted proxies: what the per-address limits count. */
  address?: string;
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
  /**
   * New chats, requests for a person and surveys per client address and overall: a client
   * opening many connections is held by these, not by the per-connection rate.
   */
  limits?: { limiter: RequestLimiter; clientAddressOf: ClientAddressOf };
  /**
   * Told when a customer's connection to a chat goes and when they are back: a queued chat
   * keeps its place, and an advisor's chat is not reported gone, for the grace period.
   */
  departures?: Pick<QueueDepartures, "customerLeft" | "customerBack">;
  /** Appointments the customer cancels or moves in the chat; without it SERVICE_UNAVAILABLE. */
  appointments?: AppointmentDeps;
}

class AppointmentsUnavailableError extends ChatError {
  override name = "AppointmentsUnavailableError";
  constructor() {
    super("SERVICE_UNAVAILABLE", "Appointments cannot be changed here; call the service.", 503);
  }
}

class SignInRequiredError extends ChatError {
  override name = "SignInRequiredError";
  constructor() {
    super("UNAUTHORIZED", "Sign in to see your own appointments, or give the reference.", 401);
  }
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
export function registerChatNamespace(io: Server, deps: ChatNamespaceDeps): { nsp: ChatNamespace } {
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
  const appointments = () => {
    if (!deps.appointments) throw new AppointmentsUnavailableError();
    return deps.appointments;
  };
  /** The chat's signed-in person (only a bound identity counts) and the phone they typed. */
  const askerIn = (chat: Chat, phone?: string): AppointmentAsker => {
    // Own bookings are personal data: an expired sign-in finds none of them.
    const signedIn = chats.currentSignIn(chat);
    return {
      ...(signedIn.authenticated && signedIn.subject ? { subject: signedIn.subject } : {}),
      ...(phone ? { phone } : {}),
      lang: chat.lang,
    };
  };

  /**
   * Only a verified token of substantial or high assurance binds a person to a chat; a
   * weaker sign-in is refused so that the chat simply goes on anonymously. `inChat`: the
   * chat the customer signed in from, which is told why and which methods would do.
   */
  async function verifiedCustomer(idToken: string, inChat?: string): Promise<CustomerIdentity> {
    const customer = await identity.verifyCustomer(idToken);
    if (!canSeePersonalData(customer)) {
      if (inChat) await chats.refuseWeakSignIn(inChat);
      throw assuranceTooLowError();
    }
    return customer;
  }
  const nsp: ChatNamespace = io.of(CHAT_NAMESPACE);
  const advisors: AdvisorNamespace = io.of(ADVISOR_NAMESPACE);
  const departures = deps.departures;

  nsp.on("connection", (socket) => {
    socket.on("disconnect", () => {
      if (socket.data.chatId) departures?.customerLeft(socket.data.chatId);
    });
    limitEventRate(socket, deps.rateLimit);
    const forwardedFor = socket.handshake.headers["x-forwarded-for"];
    socket.data.address = deps.limits?.clientAddressOf(
      socket.handshake.address,
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    );
    const take = (action: Parameters<RequestLimiter["take"]>[0], lang?: "fi" | "sv") =>
      deps.limits?.limiter.take(action, socket.data.address ?? "unknown", lang);
    const currentChat = () => {
      const chatId = socket.data.chatId;
      if (!chatId) throw new NotStartedError();
      return chatId;
    };

    socket.on(
      "chat:start",
      handleEvent(deps, "chat:start", chatStartSchema, async (request, ack) => {
        // Only a new chat counts: a customer coming back to theirs is never refused.
        if (!request.resumeToken) take("chatStart", request.lang);
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
        departures?.customerBack(chat.chatId);
        // In the room before the transcript is read, so that no message falls between them.
        await socket.join(chatRoom(chat.chatId));
        // An advisor told that the customer had gone learns they are back.
        if (chat.state === "advisor") {
          if (chat.customerGoneAt) await deps.handoff?.customerGone(chat.chatId, false);
          advisors.to(chatRoom(chat.chatId)).emit("chat:customer", {
            chatId: chat.chatId,
            connected: true,
          });
        }
        // Signing in as the chat's person on the way back: their answers are theirs to see.
        const missed = await started.replay(customer !== undefined);
        if (chat.state !== "ended") deps.inactivity?.touch(chat.chatId);
        if (customer) {
          chat = await chats.authenticate(chat.chatId, customer);
          deps.logger.info("chat authenticated", {
            chatId: chat.chatId,
            assurance: customer.assurance,
          });
        }
        // A resumed chat whose sign-in expired goes on anonymous: the client offers sign-in.
        const signedIn = chats.currentSignIn(chat);
        ack({
          chatId: chat.chatId,
          resumeToken: started.resumeToken,
          state: chat.state,
          authenticated: signedIn.authenticated,
          ...(signedIn.authenticated && signedIn.signInExpiresAt
            ? { name: signedIn.customerName ?? "", signInExpiresAt: signedIn.signInExpiresAt }
            : {}),
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
        // Signed in on the way back (a reload or the identity provider's redirect): the
        // question that prompted it is answered as after chat:authenticate, once, since the
        // answer then ends the transcript in place of the offer to sign in.
        if (customer && !started.created) {
          const signedIn = chat;
          await oneMessageAtATime(chat.chatId, () => chats.answerAfterSignIn(signedIn));
        }
      }),
    );

    socket.on(
      "chat:authenticate",
      handleEvent(deps, "chat:authenticate", chatAuthenticateSchema, async ({ idToken }, ack) => {
        const chatId = currentChat();
        const customer = await verifiedCustomer(idToken, chatId);
        const chat = await chats.authenticate(chatId, customer);
        deps.logger.info("chat authenticated", { chatId, assurance: customer.assurance });
        ack({
          authenticated: true,
          name: chat.customerName ?? "",
          personalData: canSeePersonalData(customer),
          ...(chat.signInExpiresAt ? { signInExpiresAt: chat.signInExpiresAt } : {}),
        });
        // In line with the customer's messages, so the answer cannot cross a new question.
        await oneMessageAtATime(chatId, () => chats.answerAfterSignIn(chat));
      }),
    );

    socket.on(
      "chat:signout",
      handleEvent(deps, "chat:signout", chatSignOutSchema, async (_none, ack) => {
        const chatId = currentChat();
        // In line with the customer's messages: a question sent before signing out is still
        // answered as signed in, and one sent after it is not.
        await oneMessageAtATime(chatId, () => chats.signOut(chatId));
        deps.logger.info("chat signed out", { chatId });
        ack({ authenticated: false });
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
            // Asking for a person in words is a request like the button, and counted as one;
            // a miss that merely offers the button is not (it would use up the allowance of
            // a shared address with "I don't know"s). Refused in the language answered in.
            if (turn && asksForPerson(turn) && accepted.chat.state === "bot") {
              take("handoff", turn.lang);
            }
            if (turn && deps.handoff) await deps.handoff.afterBotTurn(accepted.chat.chatId, turn);
          } catch (error) {
            if (error instanceof RateLimitedError) {
              // The message was answered; only the person is refused, politely, in the chat.
              await chats.post(accepted.chat.chatId, {
                from: "bot",
                text: error.message,
                lang: error.lang ?? accepted.chat.lang,
              });
              return;
            }
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
        // Typing does not count as activity: a client could otherwise keep a chat (and its
        // advisor) held forever without a word; only messages do.
        deps.handoff?.customerTyping(chatId, typing);
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
        const chatId = currentChat();
        const voted = await chats.feedback(chatId, vote.messageId, vote.helpful);
        ack({});
        // In line with the customer's messages: it cannot come between a question and its answer.
        if (voted.offerNextSteps) await oneMessageAtATime(chatId, voted.offerNextSteps);
      }),
    );

    socket.on(
      "chat:handoff",
      handleEvent(deps, "chat:handoff", handoffRequestSchema, async (_empty, ack) => {
        const chatId = currentChat();
        const chat = await chats.requireChat(chatId);
        // A queued customer asking again only learns their place: that costs nothing.
        if (chat.state === "bot") take("handoff", chat.lang);
        ack(await handoff().requestHandoff(chatId, { byCustomer: true }));
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
      "appointments:list",
      handleEvent(deps, "appointments:list", appointmentsListSchema, async (_empty, ack) => {
        const chat = await chats.requireChat(currentChat());
        const subject = askerIn(chat).subject;
        if (!subject) throw new SignInRequiredError();
        ack({ appointments: await listOwnAppointments(appointments(), subject, chat.lang) });
      }),
    );

    socket.on(
      "appointment:find",
      handleEvent(deps, "appointment:find", appointmentFindSchema, async (request, ack) => {
        const chat = await chats.requireChat(currentChat());
        ack(
          await findOwnAppointment(
            appointments(),
            request.reference,
            askerIn(chat, request.phone),
            chat.lang,
          ),
        );
      }),
    );

    socket.on(
      "appointment:cancel",
      handleEvent(deps, "appointment:cancel", appointmentCancelSchema, async (request, ack) => {
        const chat = await chats.requireChat(currentChat());
        const cancelled = await cancelOwnAppointment(
          appointments(),
          request.reference,
          askerIn(chat, request.phone),
        );
        ack(cancelled);
        // Said once, by the server, and kept in the transcript with the rest of the chat; in
        // the booking's language, and marked so (a booking made before a switch is not in the
        // chat's).
        await chats.post(chat.chatId, {
          from: "system",
          text: cancelled.message,
          lang: cancelled.lang,
        });
      }),
    );

    socket.on(
      "appointment:reschedule",
      handleEvent(
        deps,
        "appointment:reschedule",
        appointmentRescheduleSchema,
        async (request, ack) => {
          const chat = await chats.requireChat(currentChat());
          const moved = await rescheduleOwnAppointment(
            appointments(),
            { reference: request.reference, slotId: request.slotId, chatId: chat.chatId },
            askerIn(chat, request.phone),
          );
          ack(moved);
          await chats.post(chat.chatId, { from: "system", text: moved.message, lang: moved.lang });
        },
      ),
    );

    socket.on(
      "survey:submit",
      handleEvent(deps, "survey:submit", surveySubmitSchema, async (submission, ack) => {
        take("survey");
        await submitSurvey(deps.surveys, submission);
        ack({});
      }),
    );
  });

  return { nsp };
}
