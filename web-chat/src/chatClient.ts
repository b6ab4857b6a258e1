import { io, type Socket } from "socket.io-client";
import type {
  AppointmentCancelled,
  AppointmentFound,
  AppointmentRescheduled,
  OwnAppointment,
} from "../../functions/contracts/contactRequests.ts";
import type { Lang } from "../../functions/contracts/lang.ts";
import type {
  Ack,
  ChatMessage,
  ChatStateEvent,
  CustomerToServerEvents,
  HandoffResult,
  ServerToCustomerEvents,
} from "../../functions/contracts/protocol.ts";
import { insertInIdOrder } from "../../functions/domain/chat/messageOrder.ts";
import { PERSONAL_ANSWER_HIDDEN } from "../../functions/domain/chat/personalAnswers.ts";

const STORAGE_KEY = "asiointi-chat";
const ACK_TIMEOUT_MS = 10_000;
/**
 * socket.io gives up when the server closes the connection or refuses the handshake (a
 * namespace middleware's connect_error), though it retries a lost network by itself; then we
 * retry, first after a second, doubling to a minute, each wait jittered so that customers
 * refused together do not all come back in the same instant.
 */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;
/** The longest wait setTimeout keeps (2^31 - 1 ms); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

export interface Pending {
  clientId: string;
  text: string;
  /**
   * The server answered and refused it (its error code): nothing was stored, and it is not
   * sent again by itself; the widget shows it as not sent (`retry` sends it again).
   */
  refused?: string;
}

/** Refusals that sending the same text again cannot change. */
const FINAL_REFUSALS = new Set(["VALIDATION_FAILED", "CHAT_ENDED"]);

/** Whether a message refused with `code` may be sent again as it is. */
export function canResend(code: string): boolean {
  return !FINAL_REFUSALS.has(code);
}

/** Refusals after which a survey can never be sent: its time is over, or its chat unknown. */
export function surveyGone(code: string): boolean {
  return code === "SURVEY_TOKEN_EXPIRED" || code === "INVALID_SURVEY_TOKEN";
}

interface Saved {
  lang: Lang;
  resumeToken?: string;
  chatId?: string;
  outbox: Pending[];
  /** Kept until answered or skipped, so a reload does not lose the survey. */
  surveyToken?: string;
}

export type ConnectionStatus = "connecting" | "online" | "reconnecting";
/**
 * Why the widget is without a chat while connected, when it is not a lost connection:
 * "busy", a new chat refused for now as one too many (RATE_LIMITED on chat:start).
 */
export type ConnectionReason = "busy";

export interface ChatClientEvents {
  /**
   * A message to show, once. `before` is the id of a shown message it goes before, when a
   * replay brings an older message after a newer one came live; otherwise it goes last.
   */
  message(message: ChatMessage, before?: string): void;
  state(state: ChatStateEvent): void;
  connection(status: ConnectionStatus, reason?: ConnectionReason): void;
  survey(surveyToken: string): void;
  pending(pending: Pending[]): void;
  typing(typing: boolean): void;
  /**
   * The chat is signed in as `name` (from the ID token), or no longer is: signed out, its
   * token's `exp` passed, or a new chat. The personal answers are then the neutral line in
   * the transcript: `hidden` are their ids, for the widget to show them so too.
   */
  signedIn?(signedIn: boolean, details: { name?: string; hidden: string[] }): void;
}

/**
 * The widget's connection: starts or resumes the chat, keeps unacknowledged messages in an
 * outbox that survives reloads, and re-sends them with the same clientId so nothing is lost
 * or stored twice. Every message is reported once per page, however often it is replayed.
 */
export class ChatClient {
  private socket: Socket<ServerToCustomerEvents, CustomerToServerEvents>;
  private saved: Saved;
  private seen = new Set<string>();
  /** Last message shown on this page: a resume asks only for what came after it. */
  private lastShownId?: string;
  private started = false;
  /** Retries in a row after socket.io gave up; reset by a connection. */
  private retries = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** Called once the chat is started (or resumed) on a connection, then forgotten. */
  private whenOnline: (() => void)[] = [];
  /**
   * Votes given while not connected, by answer id: the latest per answer, sent once the chat
   * is back (a vote is idempotent, so one sent twice changes nothing).
   */
  private heldVotes = new Map<string, { helpful: boolean; answered: ((ack: Ack) => void)[] }>();
  /** The chat is bound to a verified person (a resume tells it again). */
  signedIn = false;
  /** Ends the shown sign-in when its token does (the server treats the chat so from then). */
  private signInTimer?: ReturnType<typeof setTimeout>;
  /** Everything shown on this page, in time (id) order: the downloadable transcript. */
  readonly transcript: ChatMessage[] = [];

  constructor(
    origin: string,
    lang: Lang,
    private readonly on: ChatClientEvents,
  ) {
    this.saved = load() ?? { lang, outbox: [] };
    this.socket = io(`${origin}/chat`, { autoConnect: false });
    this.socket.on("connect", () => {
      // socket.io's own reconnection came first: a retry still waiting would start twice.
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.retries = 0;
      // A recovered connection is still bound to the chat on the server; a new one is not,
      // and is online for the customer only once chat:start has answered.
      if (this.socket.recovered && this.started) {
        this.on.connection("online");
        this.nowOnline();
      } else {
        this.started = false;
        this.start();
      }
    });
    this.socket.on("disconnect", (reason) => {
      this.on.connection("reconnecting");
      if (reason === "io server disconnect") this.retryLater();
    });
    // Not connected, however it began: the customer is told so in words, and what they
    // typed waits in the outbox. Only a refused handshake leaves the retrying to us.
    this.socket.on("connect_error", () => {
      this.on.connection("reconnecting");
      if (!this.socket.active) this.retryLater();
    });
    this.socket.on("chat:message", (message) => this.receive(message));
    this.socket.on("chat:state", (state) => {
      if (state.lang) this.saved.lang = state.lang;
      this.persist();
      this.on.state(state);
    });
    this.socket.on("chat:typing", ({ typing }) => this.on.typing(typing));
    this.socket.on("survey:request", ({ surveyToken }) => {
      this.saved.surveyToken = surveyToken;
      this.persist();
      this.on.survey(surveyToken);
    });
  }

  get lang(): Lang {
    return this.saved.lang;
  }

  get chatId(): string | undefined {
    return this.saved.chatId;
  }

  /** A survey the customer has not answered or skipped yet (also after a reload). */
  get openSurvey(): string | undefined {
    return this.saved.surveyToken;
  }

  connect(): void {
    this.on.connection("connecting");
    this.on.pending(this.saved.outbox);
    this.socket.connect();
  }

  send(text: string): void {
    const pending = { clientId: randomId(), text };
    this.saved.outbox.push(pending);
    this.persist();
    this.on.pending(this.saved.outbox);
    if (this.online) this.deliver(pending);
  }

  typing(typing: boolean): void {
    if (this.started && this.socket.connected) this.socket.emit("chat:typing", { typing });
  }

  /**
   * Signs the chat in. Before the chat is started on a connection (reconnecting, say) the
   * token waits in memory, never in storage, and goes once the chat is back: `waiting` is
   * told so first. A sign-in is the customer's doing in another window and is not repeated
   * at will, unlike a button press.
   */
  async authenticate(idToken: string, waiting?: () => void) {
    let ack = this.online ? await this.request("chat:authenticate", { idToken }) : undefined;
    // Not connected, or the connection was lost while it was on its way: once more when back.
    if (!ack || (!ack.ok && ack.error.code === "SERVICE_UNAVAILABLE" && !this.online)) {
      waiting?.();
      await new Promise<void>((resolve) => this.whenOnline.push(resolve));
      ack = await this.request("chat:authenticate", { idToken });
    }
    if (ack.ok) this.setSignedIn(true, ack.name, ack.signInExpiresAt);
    return ack;
  }

  /**
   * Ends the chat's sign-in on the server; once it has, the personal answers shown go (the
   * server says so in the chat). The ID token itself was never kept here.
   */
  async signOut(): Promise<Ack<{ authenticated: false }>> {
    const ack = await this.request("chat:signout", {});
    if (ack.ok) this.setSignedIn(false);
    return ack;
  }

  /** The signed-in customer's own booked appointments still ahead. */
  ownAppointments(): Promise<Ack<{ appointments: OwnAppointment[] }>> {
    return this.request("appointments:list", {});
  }

  /** Finds an own appointment still ahead: its time and the language it was booked in. */
  findAppointment(reference: string, phone?: string): Promise<Ack<AppointmentFound>> {
    return this.request("appointment:find", { reference, ...(phone ? { phone } : {}) });
  }

  /** Cancels an own appointment; the server says so in the chat. */
  cancelAppointment(reference: string, phone?: string): Promise<Ack<AppointmentCancelled>> {
    return this.request("appointment:cancel", { reference, ...(phone ? { phone } : {}) });
  }

  /** Moves an own appointment to `slotId`; the server says so in the chat. */
  rescheduleAppointment(
    reference: string,
    slotId: string,
    phone?: string,
  ): Promise<Ack<AppointmentRescheduled>> {
    return this.request("appointment:reschedule", {
      reference,
      slotId,
      ...(phone ? { phone } : {}),
    });
  }

  private setSignedIn(signedIn: boolean, name?: string, expiresAt?: string): void {
    clearTimeout(this.signInTimer);
    const left = expiresAt ? Date.parse(expiresAt) - Date.now() : Number.NaN;
    // A clock ahead of the server's (or a test's fake time) must not end it at once, nor one
    // far behind it (a wait past setTimeout's 24.8 days fires at once): the server's word, a
    // resume's ack, stands then.
    if (signedIn && left > 0 && left <= MAX_TIMER_MS) {
      this.signInTimer = setTimeout(() => this.setSignedIn(false), left);
    }
    if (this.signedIn === signedIn) return;
    this.signedIn = signedIn;
    this.on.signedIn?.(signedIn, {
      ...(name !== undefined ? { name } : {}),
      hidden: signedIn ? [] : this.hidePersonalAnswers(),
    });
  }

  /** Puts the neutral line in place of the personal answers, as a replay would show them now. */
  private hidePersonalAnswers(): string[] {
    const hidden: string[] = [];
    this.transcript.forEach((m, at) => {
      if (!m.personal) return;
      this.transcript[at] = { ...m, text: PERSONAL_ANSWER_HIDDEN[m.lang ?? this.lang] };
      hidden.push(m.id);
    });
    return hidden;
  }

  /**
   * Asks the server to switch the chat to `lang`. The chat's language (and the one a reload
   * resumes in) changes only when the server agreed; a refusal leaves it as it was.
   */
  async setLanguage(lang: Lang): Promise<Ack<{ lang: Lang }>> {
    const ack = await this.request("chat:language", { lang });
    if (ack.ok) {
      this.saved.lang = ack.lang;
      this.persist();
    }
    return ack;
  }

  handoff(): Promise<Ack<HandoffResult>> {
    return this.request("chat:handoff", {});
  }

  leaveQueue(): Promise<Ack> {
    return this.request("chat:leave-queue", {});
  }

  end(): Promise<Ack<{ surveyToken: string }>> {
    return this.request("chat:end", {});
  }

  async submitSurvey(gotHelp: boolean, score: number, comment?: string): Promise<Ack> {
    const surveyToken = this.saved.surveyToken;
    if (!surveyToken) return { ok: true };
    const ack = await this.request("survey:submit", {
      surveyToken,
      gotHelp,
      score,
      ...(comment ? { comment } : {}),
    });
    // Answered, or never answerable again: a reload must not offer it once more.
    if (ack.ok || ack.error.code === "SURVEY_ALREADY_SUBMITTED" || surveyGone(ack.error.code)) {
      this.closeSurvey();
    }
    return ack;
  }

  /**
   * A vote on a bot answer (by its message id); a second vote on it replaces the first. Given
   * while not connected it is held (`held` is told so) and sent once the chat is back; the
   * promise then settles with that ack. A later vote on the same answer replaces a held one.
   */
  async feedback(messageId: string, helpful: boolean, held?: () => void): Promise<Ack> {
    if (this.online) {
      const ack = await this.request("chat:feedback", { messageId, helpful });
      // Lost with the connection on its way: held like a vote given while offline.
      if (ack.ok || this.online || ack.error.code !== "SERVICE_UNAVAILABLE") return ack;
    }
    held?.();
    return new Promise((resolve) => {
      const answered = this.heldVotes.get(messageId)?.answered ?? [];
      this.heldVotes.set(messageId, { helpful, answered: [...answered, resolve] });
    });
  }

  /** Sends a message the server refused again, with the same clientId. */
  retry(clientId: string): void {
    const pending = this.saved.outbox.find((p) => p.clientId === clientId);
    if (!pending?.refused) return;
    delete pending.refused;
    this.persist();
    this.on.pending(this.saved.outbox);
    if (this.online) this.deliver(pending);
  }

  private get online(): boolean {
    return this.started && this.socket.connected;
  }

  /** The chat is started on this connection: what waited for it goes, messages first. */
  private nowOnline(): void {
    for (const pending of this.saved.outbox) if (!pending.refused) this.deliver(pending);
    for (const [messageId, { helpful, answered }] of this.heldVotes) {
      this.heldVotes.delete(messageId);
      void this.request("chat:feedback", { messageId, helpful }).then((ack) => {
        for (const settle of answered) settle(ack);
      });
    }
    for (const resume of this.whenOnline.splice(0)) resume();
  }

  /** The customer skipped or answered the survey: do not offer it again after a reload. */
  closeSurvey(): void {
    this.saved.surveyToken = undefined;
    this.persist();
  }

  /** Forgets the ended chat and starts a new one in the given language. */
  restart(lang: Lang): void {
    this.saved = { lang, outbox: [] };
    // Votes on the ended chat's answers cannot go to the new chat.
    for (const { answered } of this.heldVotes.values())
      for (const settle of answered) settle(notConnectedAck());
    this.heldVotes.clear();
    this.seen.clear();
    this.transcript.length = 0;
    this.lastShownId = undefined;
    this.setSignedIn(false);
    this.persist();
    this.start();
  }

  private request<
    E extends
      | "chat:authenticate"
      | "chat:signout"
      | "chat:language"
      | "chat:handoff"
      | "chat:leave-queue"
      | "chat:end"
      | "chat:feedback"
      | "survey:submit"
      | "appointments:list"
      | "appointment:find"
      | "appointment:cancel"
      | "appointment:reschedule",
  >(
    event: E,
    payload: Parameters<CustomerToServerEvents[E]>[0],
  ): Promise<Parameters<Parameters<CustomerToServerEvents[E]>[1]>[0]> {
    // Before chat:start has answered (connecting, or reconnecting) the server would refuse
    // it NOT_STARTED, and socket.io would send one buffered while offline ahead of chat:start
    // on reconnecting: refused here instead, for the widget to say so.
    if (!this.started || !this.socket.connected) return Promise.resolve(notConnectedAck());
    // biome-ignore lint/suspicious/noExplicitAny: socket.io types emitWithAck per event name.
    const socket = this.socket.timeout(ACK_TIMEOUT_MS) as any;
    return socket.emitWithAck(event, payload).catch(timeoutAck);
  }

  /** Connects again after a wait that grows with each retry in a row. */
  private retryLater(): void {
    if (this.retryTimer) return;
    const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.retries++);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = undefined;
        if (!this.socket.connected) this.socket.connect();
        else if (!this.started) this.start();
      },
      wait / 2 + Math.random() * (wait / 2),
    );
  }

  private start(): void {
    const { lang, resumeToken } = this.saved;
    const lastMessageId = this.lastShownId;
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("chat:start", {
        lang,
        ...(resumeToken ? { resumeToken } : {}),
        ...(resumeToken && lastMessageId ? { lastMessageId } : {}),
      })
      .then((ack) => {
        if (ack.ok) {
          this.saved.resumeToken = ack.resumeToken;
          this.saved.chatId = ack.chatId;
          this.started = true;
          this.retries = 0;
          this.on.connection("online");
          this.setSignedIn(ack.authenticated === true, ack.name, ack.signInExpiresAt);
          this.persist();
          this.nowOnline();
        } else if (
          ack.error.code === "INVALID_RESUME_TOKEN" ||
          ack.error.code === "CHAT_NOT_FOUND"
        ) {
          this.restart(lang);
        } else {
          // Refused for now (too many new chats, storage down): connected but without a chat,
          // and retried. Too many new chats is told as that; anything else as a lost connection.
          this.on.connection(
            "reconnecting",
            ack.error.code === "RATE_LIMITED" ? "busy" : undefined,
          );
          this.retryLater();
        }
      })
      .catch(() => this.socket.disconnect().connect());
  }

  private deliver(pending: Pending): void {
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("chat:message", { text: pending.text, clientId: pending.clientId })
      .then((ack) => {
        if (ack.ok) return this.settle(pending.clientId);
        // Answered, and refused: nothing was stored. Waiting in the outbox it would only go
        // again at the next reconnect, shown as "sending" meanwhile; the customer is told.
        const waiting = this.saved.outbox.find((p) => p.clientId === pending.clientId);
        if (!waiting) return;
        waiting.refused = ack.error.code;
        this.persist();
        this.on.pending(this.saved.outbox);
      })
      // No ack in time: the message stays in the outbox and goes again after reconnecting.
      .catch(() => undefined);
  }

  private settle(clientId: string): void {
    const before = this.saved.outbox.length;
    this.saved.outbox = this.saved.outbox.filter((p) => p.clientId !== clientId);
    if (this.saved.outbox.length === before) return;
    this.persist();
    this.on.pending(this.saved.outbox);
  }

  private receive(message: ChatMessage): void {
    if (this.seen.has(message.id)) return;
    this.seen.add(message.id);
    // The newest id, not the last to arrive: on a resume an older message can come in the
    // replay after a newer one came live.
    if (!this.lastShownId || message.id > this.lastShownId) this.lastShownId = message.id;
    const at = insertInIdOrder(this.transcript, message);
    // Our own message came back stored: it is no longer pending, whatever happened to the ack.
    if (message.clientId) this.settle(message.clientId);
    this.on.message(message, this.transcript[at + 1]?.id);
  }

  private persist(): void {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.saved));
    } catch {
      // Storage may be disabled; the chat still works, it just cannot survive a reload.
    }
  }
}

function load(): Saved | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function notConnectedAck(): Ack<never> {
  return {
    ok: false,
    error: { code: "SERVICE_UNAVAILABLE", message: "Not connected to the service" },
  };
}

function timeoutAck(): Ack<never> {
  return {
    ok: false,
    error: { code: "SERVICE_UNAVAILABLE", message: "No answer from the service" },
  };
}
