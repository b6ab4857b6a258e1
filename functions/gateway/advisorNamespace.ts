import type { DefaultEventsMap, Namespace, Server } from "socket.io";
import * as z from "zod";
import { appointmentCloseSchema, callbackCloseSchema } from "../contracts/contactRequests.ts";
import type { Lang } from "../contracts/lang.ts";
import {
  ADVISOR_NAMESPACE,
  type AdvisorToServerEvents,
  advisorAppointmentsListSchema,
  advisorChatSchema,
  advisorMessageSchema,
  advisorStatusSchema,
  advisorTransferSchema,
  advisorTypingSchema,
  advisorWrapupSchema,
  CHAT_NAMESPACE,
  callbacksListSchema,
  type ServerToAdvisorEvents,
} from "../contracts/protocol.ts";
import { ChatError } from "../domain/chat/errors.ts";
import type { InactivityWatch } from "../domain/chat/inactivity.ts";
import { closeAppointment, listBookedAppointmentsPage } from "../domain/contact/appointments.ts";
import { closeCallback, listOpenCallbacksPage } from "../domain/contact/callbacks.ts";
import type { ContactChanges } from "../domain/contact/contactChanges.ts";
import type {
  AppointmentStore,
  CallbackStore,
  ContactGuardStore,
} from "../domain/contact/contactStore.ts";
import type { HandoffService } from "../domain/handoff/handoffService.ts";
import type { AdvisorIdentity } from "../domain/handoff/presence.ts";
import {
  IdentityError,
  IdentityUnavailableError,
  type IdentityVerifier,
} from "../domain/identity/identity.ts";
import type { OpeningHours } from "../domain/openingHours/index.ts";
import type { Clock } from "../domain/ports.ts";
import type { Logger } from "../observability/logger.ts";
import { handleEvent } from "./acks.ts";
import type { InFlight } from "./inFlight.ts";
import { ADVISORS_ROOM, advisorRoom, chatRoom, contactsRoom } from "./rooms.ts";

interface AdvisorSocketData {
  advisor: AdvisorIdentity;
  /**
   * A supervisor without the advisor role: follows the callback requests and bookings of both
   * languages, read-only and without phone numbers; nothing else of the namespace.
   */
  supervising?: boolean;
}

/** The events only the advisor role may send; a supervisor's are refused with FORBIDDEN. */
const ADVISOR_ONLY_EVENTS = [
  "advisor:status",
  "chat:accept",
  "chat:message",
  "chat:typing",
  "chat:transfer",
  "chat:end",
  "chat:wrapup",
  "callback:close",
  "appointment:close",
] as const satisfies readonly (keyof AdvisorToServerEvents)[];

class AdvisorRoleRequiredError extends ChatError {
  override name = "AdvisorRoleRequiredError";
  constructor() {
    super(
      "FORBIDDEN",
      "Supervisors follow the callback requests and bookings here; this needs the advisor role.",
      403,
    );
  }
}

/** A list item as a supervisor sees it: who waits and for what, not whom to call. */
function withoutPhone<T extends { phone?: string; phoneDisplay?: string }>(
  item: T,
): Omit<T, "phone" | "phoneDisplay"> {
  const { phone: _p, phoneDisplay: _d, ...rest } = item;
  return rest;
}

/** /advisor typed by the protocol's event maps, as /chat is (see ChatNamespace). */
export type AdvisorNamespace = Namespace<
  AdvisorToServerEvents,
  ServerToAdvisorEvents,
  DefaultEventsMap,
  AdvisorSocketData
>;

export interface AdvisorNamespaceDeps {
  handoff: HandoffService;
  /** Advisor messages keep a chat from counting as idle. */
  inactivity?: InactivityWatch;
  /** Callback requests and booked appointments advisors work through (list and close). */
  contact?: {
    callbacks: CallbackStore;
    appointments: AppointmentStore;
    guards: ContactGuardStore;
    clock: Clock;
    openingHours: OpeningHours;
    /** Changes to the lists, made here or elsewhere in this process: told to the consoles. */
    contactChanges?: ContactChanges;
  };
  /** Verifies console tokens (staff issuer). */
  identity: IdentityVerifier;
  logger: Logger;
  inFlight?: InFlight;
  /**
   * Whether storage answers. Checked before a console is let in: with storage down the
   * greeting (status, queue, chats) cannot be read, and the console is told so instead of a
   * connection that opens and drops without a word.
   */
  storageReady?: () => Promise<boolean>;
}

/** What a refused handshake carries in `connect_error`: `err.message` and `err.data`. */
export interface ConnectRefusal {
  code: "UNAUTHORIZED" | "SERVICE_UNAVAILABLE";
  message: string;
}

function refusal(code: ConnectRefusal["code"], message: string): Error & { data: ConnectRefusal } {
  return Object.assign(new Error(message), { data: { code, message } });
}

/**
 * The advisor console's side of the protocol (`/advisor`): the handshake must carry a valid
 * staff token (`auth: { token }`), otherwise the connection is refused with UNAUTHORIZED.
 * Each event: validate, call the handoff service, acknowledge; broadcasts come from the
 * notifiers.
 */
export function registerAdvisorNamespace(io: Server, deps: AdvisorNamespaceDeps): AdvisorNamespace {
  const { handoff, identity, logger } = deps;
  const nsp: AdvisorNamespace = io.of(ADVISOR_NAMESPACE);
  // Only the consoles that may see the language's numbers learn that its lists changed.
  deps.contact?.contactChanges?.listen(({ list, lang }) => {
    nsp.to(contactsRoom(lang)).emit("contacts:changed", { list, lang });
  });
  /**
   * Whether the customer has a connection to the chat now (on any task): a customer back in
   * the moment their departure was noted must not be reported gone.
   */
  const customerIn = async (chatId: string) =>
    (await io.of(CHAT_NAMESPACE).in(chatRoom(chatId)).fetchSockets()).length > 0;

  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== "string" || token.length < 20 || token.length > 8192) {
      next(refusal("UNAUTHORIZED", "Sign in: an advisor token is required (auth.token)."));
      return;
    }
    identity.verifyStaff(token).then(
      async (staff) => {
        // Only the advisor role sees chats, names and phone numbers. Supervisors see reports
        // and follow the contact lists without numbers (docs/privacy.md), content staff the
        // studio: least access, unless the token also carries the advisor role.
        const advises = staff.roles.includes("advisor");
        if (!advises && !staff.roles.includes("supervisor")) {
          next(
            refusal(
              "UNAUTHORIZED",
              "Not signed in as an advisor: this account has no advisor role.",
            ),
          );
          return;
        }
        if (deps.storageReady && !(await deps.storageReady())) {
          logger.warn("advisor sign-in refused: storage unavailable");
          next(
            refusal(
              "SERVICE_UNAVAILABLE",
              "The service is temporarily disturbed; the console reconnects by itself once it recovers.",
            ),
          );
          return;
        }
        socket.data.advisor = {
          advisorId: staff.subject,
          displayName: staff.displayName,
          languages: staff.languages,
        };
        if (!advises) socket.data.supervising = true;
        next();
      },
      (error: unknown) => {
        if (error instanceof IdentityError) {
          logger.info("advisor sign-in refused", { code: error.code });
          next(refusal("UNAUTHORIZED", `Not signed in as an advisor: ${error.message}`));
        } else if (error instanceof IdentityUnavailableError) {
          next(refusal("SERVICE_UNAVAILABLE", error.message));
        } else {
          logger.error("advisor handshake failed", { error: error as Error });
          next(refusal("SERVICE_UNAVAILABLE", "Sign-in could not be checked; try again."));
        }
      },
    );
  });

  nsp.on("connection", (socket) => {
    if (socket.data.supervising) {
      followContacts(socket);
      return;
    }
    const advisor = socket.data.advisor;
    const id = advisor.advisorId;
    void socket.join([advisorRoom(id), ADVISORS_ROOM, ...advisor.languages.map(contactsRoom)]);

    const greet = (async () => {
      const { status, chats, customersGone } = await handoff.advisorConnected(advisor);
      socket.emit("advisor:status", status);
      socket.emit("queue:snapshot", await handoff.queueSnapshot());
      socket.emit("advisor:chats", { chats });
      // Whether each customer is there now: a change while this console was away (or before
      // a reload) was said only to the consoles connected then.
      for (const chat of chats) {
        if (chat.ended) continue;
        const gone = customersGone.includes(chat.chatId) && !(await customerIn(chat.chatId));
        socket.emit("chat:customer", { chatId: chat.chatId, connected: !gone });
      }
    })().catch((error: unknown) => {
      logger.error("advisor connect failed", { error: error as Error });
      socket.disconnect(true);
    });
    deps.inFlight?.track(greet);

    socket.on("disconnect", () => {
      // After the greeting, so that presence never counts the disconnect before the connect.
      const gone = greet.then(() => handoff.advisorDisconnected(id));
      deps.inFlight?.track(gone);
      gone.catch((error: unknown) => {
        logger.error("advisor disconnect failed", { error: error as Error });
      });
    });

    socket.on(
      "advisor:status",
      handleEvent(deps, "advisor:status", advisorStatusSchema, async (request, ack) => {
        await greet;
        ack(await handoff.setStatus(id, request));
      }),
    );

    socket.on(
      "chat:accept",
      handleEvent(deps, "chat:accept", advisorChatSchema, async ({ chatId }, ack) => {
        await greet;
        const chat = await handoff.accept(advisor, chatId);
        logger.info("chat accepted", { chatId });
        ack({ chat, transcript: chat.transcript });
      }),
    );

    socket.on(
      "chat:message",
      handleEvent(deps, "chat:message", advisorMessageSchema, async (input, ack) => {
        const message = await handoff.advisorMessage(id, input);
        deps.inactivity?.touch(input.chatId);
        ack({ id: message.id });
      }),
    );

    socket.on(
      "chat:typing",
      handleEvent(deps, "chat:typing", advisorTypingSchema, async ({ chatId, typing }, ack) => {
        await handoff.advisorTyping(id, chatId, typing);
        ack({});
      }),
    );

    socket.on(
      "chat:transfer",
      handleEvent(deps, "chat:transfer", advisorTransferSchema, async ({ chatId, lang }, ack) => {
        await handoff.transfer(id, chatId, lang);
        logger.info("chat transferred", { chatId, lang });
        ack({});
      }),
    );

    socket.on(
      "chat:end",
      handleEvent(deps, "chat:end", advisorChatSchema, async ({ chatId }, ack) => {
        const ended = await handoff.end(id, chatId);
        deps.inactivity?.forget(chatId);
        ack({});
        await ended.announce();
      }),
    );

    // Phone numbers only of the customers this advisor may serve (the token's languages).
    serveContactLists(socket, advisor.languages, "with-phones");

    socket.on(
      "callback:close",
      handleEvent(deps, "callback:close", callbackCloseSchema, async (input, ack) => {
        if (!deps.contact) throw new Error("callbacks are not wired");
        const closed = await closeCallback(deps.contact, {
          ...input,
          advisorId: id,
          langs: advisor.languages,
        });
        logger.info("callback closed", { reference: closed.reference });
        ack(closed);
      }),
    );

    socket.on(
      "appointment:close",
      handleEvent(deps, "appointment:close", appointmentCloseSchema, async (input, ack) => {
        if (!deps.contact) throw new Error("appointments are not wired");
        const handled = await closeAppointment(deps.contact, {
          ...input,
          advisorId: id,
          langs: advisor.languages,
        });
        logger.info("appointment handled", { reference: handled.reference });
        ack(handled);
      }),
    );

    socket.on(
      "chat:wrapup",
      handleEvent(deps, "chat:wrapup", advisorWrapupSchema, async (wrapup, ack) => {
        const { correction } = await handoff.wrapUp(id, wrapup);
        ack(correction ? { correction } : {});
      }),
    );
  });

  /**
   * `callbacks:list` and `appointments:list` of `langs`: for an advisor with the numbers to
   * call, for a supervisor without them.
   */
  function serveContactLists(
    socket: Parameters<Parameters<AdvisorNamespace["on"]>[1]>[0],
    langs: readonly Lang[],
    phones: "with-phones" | "without-phones",
  ): void {
    const shown = <T extends { phone?: string; phoneDisplay?: string }>(item: T) =>
      phones === "with-phones" ? item : withoutPhone(item);
    socket.on(
      "callbacks:list",
      handleEvent(deps, "callbacks:list", callbacksListSchema, async (request, ack) => {
        if (!deps.contact) throw new Error("callbacks are not wired");
        const page = await listOpenCallbacksPage(deps.contact, {
          ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
          langs: [...langs],
        });
        ack({ ...page, callbacks: page.callbacks.map(shown) });
      }),
    );
    socket.on(
      "appointments:list",
      handleEvent(
        deps,
        "appointments:list",
        advisorAppointmentsListSchema,
        async (request, ack) => {
          if (!deps.contact) throw new Error("appointments are not wired");
          const page = await listBookedAppointmentsPage(deps.contact, {
            langs: [...langs],
            ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
            ...(request.from === undefined ? {} : { from: request.from }),
          });
          ack({ ...page, appointments: page.appointments.map(shown) });
        },
      ),
    );
  }

  /**
   * A supervisor's connection: both languages' lists (the whole service's backlog) and their
   * changes, without phone numbers; no presence, queue or chats, and nothing to close.
   */
  function followContacts(socket: Parameters<Parameters<AdvisorNamespace["on"]>[1]>[0]): void {
    const all: Lang[] = ["fi", "sv"];
    void socket.join(all.map(contactsRoom));
    serveContactLists(socket, all, "without-phones");
    for (const event of ADVISOR_ONLY_EVENTS) {
      socket.on(
        event,
        handleEvent(deps, event, z.unknown(), async () => {
          throw new AdvisorRoleRequiredError();
        }),
      );
    }
  }

  return nsp;
}
