import { io, type Socket } from "socket.io-client";
import type { CALLBACK_NOTE_MAX } from "../../functions/contracts/contactRequests.ts";
import type { Lang } from "../../functions/contracts/lang.ts";
import type {
  Ack,
  ADVISOR_NAMESPACE,
  AdvisorAppointmentPage,
  AdvisorChat,
  AdvisorStatus,
  AdvisorStatusRequest,
  AdvisorToServerEvents,
  AppointmentCloseResult,
  CallbackCloseResult,
  CallbackPage,
  ChatMessage,
  ChatStateEvent,
  MAX_MESSAGE_LENGTH,
  QueueEntry,
  ServerToAdvisorEvents,
  WRAPUP_NOTE_MAX,
} from "../../functions/contracts/protocol.ts";
import { insertInIdOrder } from "../../functions/domain/chat/messageOrder.ts";

/*
 * The console's connection and state, without any DOM: the views subscribe to the events
 * below, and a Node script can drive the same class against a real server.
 * Constants are checked against the contract's types, so the bundle needs no value import
 * from the contracts (which would pull in zod).
 */
export const NAMESPACE: typeof ADVISOR_NAMESPACE = "/advisor";
export const MESSAGE_MAX: typeof MAX_MESSAGE_LENGTH = 2000;
export const NOTE_MAX: typeof WRAPUP_NOTE_MAX = 1000;
export const CALLBACK_NOTE_LIMIT: typeof CALLBACK_NOTE_MAX = 1000;
export const DEFAULT_MAX_CHATS = 3;

const ACK_TIMEOUT_MS = 10_000;
/** While the advisor types, `chat:typing true` goes at most this often. */
export const TYPING_THROTTLE_MS = 2_000;
/** After this long without a keystroke, `chat:typing false` goes. */
export const TYPING_IDLE_MS = 3_000;

export type ConnectionState = "connecting" | "online" | "reconnecting";
export type Result<T extends object = object> = Ack<T>;

export interface PendingMessage {
  clientId: string;
  text: string;
}

/** A chat this advisor handles, as the console keeps it. */
export interface ActiveChat {
  chatId: string;
  lang: Lang;
  /** The queue the chat came from (absent from an older service): a transfer offers the other. */
  queue?: Lang;
  topics: string[];
  authenticated: boolean;
  customerName?: string;
  /** Messages in arrival order, each id once. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  customerTyping: boolean;
  /** The server said the customer has had no connection to the chat for its grace period. */
  customerGone: boolean;
  ended: boolean;
}

export type ClosedReason = "wrapped-up" | "transferred" | "reassigned";

export interface ConsoleEvents {
  connection(state: ConnectionState): void;
  /** The server refused the token; sign in again. */
  unauthorized(message: string): void;
  status(status: AdvisorStatus): void;
  queue(waiting: QueueEntry[]): void;
  /** `restored`: listed by `advisor:chats` on (re)connect, not just taken. */
  chatOpened(chat: ActiveChat, restored: boolean): void;
  chatClosed(chatId: string, reason: ClosedReason, detail?: { lang?: Lang }): void;
  /**
   * A message not seen before, for an open chat. `before` is the id of a message already
   * there that it goes before (a replay brought it late); otherwise it goes last.
   */
  message(chatId: string, message: ChatMessage, before?: string): void;
  pending(chatId: string, pending: PendingMessage[]): void;
  typing(chatId: string, typing: boolean): void;
  /** The customer left the chat (`gone`) or came back. */
  presence(chatId: string, gone: boolean): void;
  /** The customer switched the chat's language (the chat stays with this advisor). */
  language(chatId: string, lang: Lang): void;
  ended(chatId: string): void;
  /** A list of callback requests or bookings in one of this advisor's languages changed. */
  contacts(list: "callbacks" | "appointments"): void;
}

type AdvisorSocket = Socket<ServerToAdvisorEvents, AdvisorToServerEvents>;

export interface ConsoleClientOptions {
  /** Namespace URL; in the browser the default "/advisor" on the page's origin. */
  url?: string;
  token: string;
  /** Extra socket.io options (tests use `transports: ["websocket"]`, `forceNew`). */
  socketOptions?: Record<string, unknown>;
  /** How long to wait before trying again when the service refused for an outage. */
  unavailableRetryMs?: number;
}

/** An outage the server names at sign-in (storage, identity provider): not the token's fault. */
const UNAVAILABLE_RETRY_MS = 3_000;

export class ConsoleClient {
  readonly chats = new Map<string, ActiveChat>();
  queue: QueueEntry[] = [];
  status: AdvisorStatus | undefined;
  private readonly socket: AdvisorSocket;
  private readonly early = new Map<string, ChatMessage[]>();
  /** clientIds sent on the current connection and not yet acked (so a flush skips them). */
  private readonly inFlight = new Set<string>();
  private readonly typingTimers = new Map<string, TypingThrottle>();
  private listeners: Partial<ConsoleEvents> = {};
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ConsoleClientOptions) {
    this.socket = io(options.url ?? NAMESPACE, {
      auth: { token: options.token },
      autoConnect: false,
      ...options.socketOptions,
    });
    const s = this.socket;
    s.on("connect", () => {
      this.emit("connection", "online");
      this.flushAll();
    });
    s.on("disconnect", (reason) => {
      for (const chat of this.chats.values()) this.setCustomerTyping(chat, false);
      // Acks of this connection will never come: everything pending goes again on reconnect.
      this.inFlight.clear();
      if (reason === "io client disconnect") return;
      this.emit("connection", "reconnecting");
      // socket.io does not reconnect after a server-side disconnect; try once, and a refused
      // token then ends in connect_error -> sign-in.
      if (reason === "io server disconnect") s.connect();
    });
    s.on("connect_error", (error) => {
      const data = (error as { data?: { code?: string; message?: string } }).data;
      if (data?.code === "SERVICE_UNAVAILABLE") {
        // A refusal in the server's handshake ends socket.io's own reconnecting; the advisor
        // stays signed in and the console tries again, as the server's message promises.
        this.emit("connection", "reconnecting");
        clearTimeout(this.retry);
        this.retry = setTimeout(
          () => s.connect(),
          options.unavailableRetryMs ?? UNAVAILABLE_RETRY_MS,
        );
        return;
      }
      const refused =
        !s.active ||
        data?.code === "UNAUTHORIZED" ||
        /unauthori[sz]ed|forbidden|invalid token|expired/i.test(error.message);
      if (refused) {
        s.disconnect();
        this.emit("unauthorized", data?.message ?? error.message);
      } else {
        this.emit("connection", "reconnecting");
      }
    });
    s.on("advisor:status", (status) => this.setStatus(status));
    s.on("queue:snapshot", ({ waiting }) => {
      this.queue = [...waiting];
      this.emit("queue", this.queue);
    });
    s.on("advisor:chats", ({ chats }) => this.restore(chats));
    s.on("contacts:changed", ({ list }) => this.emit("contacts", list));
    s.on("chat:message", (message) => this.receive(message));
    s.on("chat:typing", ({ chatId, typing }) => {
      const chat = this.chats.get(chatId);
      if (chat) this.setCustomerTyping(chat, typing);
    });
    s.on("chat:state", (state) => this.onState(state));
    s.on("chat:customer", ({ chatId, connected }) => {
      const chat = this.chats.get(chatId);
      if (!chat || chat.customerGone === !connected) return;
      chat.customerGone = !connected;
      this.emit("presence", chatId, !connected);
    });
  }

  on(listeners: Partial<ConsoleEvents>): void {
    this.listeners = { ...this.listeners, ...listeners };
  }

  connect(): void {
    this.emit("connection", "connecting");
    this.socket.connect();
  }

  close(): void {
    clearTimeout(this.retry);
    for (const throttle of this.typingTimers.values()) throttle.cancel();
    this.typingTimers.clear();
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  async setPresence(request: AdvisorStatusRequest): Promise<Result<AdvisorStatus>> {
    const ack = await this.call("advisor:status", request);
    if (ack.ok) this.setStatus(ack);
    return ack;
  }

  /** Takes a waiting chat. Errors include ALREADY_TAKEN when another advisor won the race. */
  async accept(chatId: string): Promise<Result<{ chat: AdvisorChat }>> {
    const ack = await this.call("chat:accept", { chatId });
    if (!ack.ok) return ack;
    const chat: AdvisorChat = {
      ...ack.chat,
      // The contract sends the transcript twice (inside chat and beside it); take the longer.
      transcript:
        (ack.transcript?.length ?? 0) > (ack.chat.transcript?.length ?? 0)
          ? ack.transcript
          : (ack.chat.transcript ?? []),
    };
    this.queue = this.queue.filter((entry) => entry.chatId !== chatId);
    this.emit("queue", this.queue);
    this.open(chat);
    return { ok: true, chat };
  }

  /** Sends a message; it stays pending (and is re-sent with the same clientId) until acked. */
  send(chatId: string, text: string): void {
    const chat = this.chats.get(chatId);
    if (!chat || chat.ended) return;
    this.typingFor(chatId).stop();
    const pending = { clientId: randomId(), text: text.slice(0, MESSAGE_MAX) };
    chat.pending.push(pending);
    this.emit("pending", chatId, chat.pending);
    if (this.socket.connected) void this.deliver(chat, pending);
  }

  /** Call on every keystroke in a chat's message box. */
  typing(chatId: string): void {
    if (this.chats.get(chatId)?.ended === false) this.typingFor(chatId).input();
  }

  stopTyping(chatId: string): void {
    this.typingTimers.get(chatId)?.stop();
  }

  async transfer(chatId: string, lang: Lang): Promise<Result> {
    this.stopTyping(chatId);
    const ack = await this.call("chat:transfer", { chatId, lang });
    if (ack.ok) this.drop(chatId, "transferred", { lang });
    return ack;
  }

  async end(chatId: string): Promise<Result> {
    this.stopTyping(chatId);
    const ack = await this.call("chat:end", { chatId });
    if (ack.ok || ack.error.code === "CHAT_ENDED") {
      this.markEnded(chatId);
      return { ok: true };
    }
    return ack;
  }

  async wrapUp(chatId: string, reason: string, note?: string): Promise<Result> {
    const trimmed = note?.trim().slice(0, NOTE_MAX);
    const ack = await this.call("chat:wrapup", {
      chatId,
      reason,
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (ack.ok) this.drop(chatId, "wrapped-up");
    return ack;
  }

  /** One page of open callback requests, oldest first; `cursor` is the last page's nextCursor. */
  listCallbacks(cursor?: string): Promise<Result<CallbackPage>> {
    return this.call("callbacks:list", cursor === undefined ? {} : { cursor });
  }

  /** Marks a callback request done after calling; an empty note is left out. */
  closeCallback(reference: string, note?: string): Promise<Result<CallbackCloseResult>> {
    const trimmed = note?.trim().slice(0, CALLBACK_NOTE_LIMIT);
    return this.call("callback:close", { reference, ...(trimmed ? { note: trimmed } : {}) });
  }

  /** One page of booked appointments in the advisor's languages, from today, earliest first. */
  listAppointments(cursor?: string): Promise<Result<AdvisorAppointmentPage>> {
    return this.call("appointments:list", cursor === undefined ? {} : { cursor });
  }

  /** Marks an appointment handled after the call; an empty note is left out. */
  closeAppointment(reference: string, note?: string): Promise<Result<AppointmentCloseResult>> {
    const trimmed = note?.trim().slice(0, CALLBACK_NOTE_LIMIT);
    return this.call("appointment:close", { reference, ...(trimmed ? { note: trimmed } : {}) });
  }

  // -------------------------------------------------------------------------------------

  private emit<K extends keyof ConsoleEvents>(name: K, ...args: Parameters<ConsoleEvents[K]>) {
    const listener = this.listeners[name] as
      | ((...a: Parameters<ConsoleEvents[K]>) => void)
      | undefined;
    listener?.(...args);
  }

  private call<
    E extends
      | "advisor:status"
      | "chat:accept"
      | "chat:transfer"
      | "chat:end"
      | "chat:wrapup"
      | "chat:message"
      | "callbacks:list"
      | "callback:close"
      | "appointments:list"
      | "appointment:close",
  >(
    event: E,
    payload: Parameters<AdvisorToServerEvents[E]>[0],
  ): Promise<Parameters<Parameters<AdvisorToServerEvents[E]>[1]>[0]> {
    if (!this.socket.connected) {
      // Just signed in, or reconnecting: the status set first thing after sign-in waits for
      // the connection rather than bouncing back to "away".
      return this.connectedWithin(ACK_TIMEOUT_MS).then((up) =>
        up ? this.call(event, payload) : unavailable("Not connected"),
      );
    }
    const socket = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<never>;
    };
    return socket
      .emitWithAck(event, payload)
      .catch(() => unavailable("No answer from the service"));
  }

  /** Whether a connection on its way comes up within `ms`; false at once if none is. */
  private connectedWithin(ms: number): Promise<boolean> {
    const s = this.socket;
    if (!s.active) return Promise.resolve(false);
    return new Promise((resolve) => {
      const up = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        s.off("connect", up);
        resolve(false);
      }, ms);
      s.once("connect", up);
    });
  }

  private setStatus(status: AdvisorStatus): void {
    this.status = status;
    this.emit("status", status);
  }

  /** `advisor:chats` on (re)connect: the server's list is the truth. */
  private restore(chats: AdvisorChat[]): void {
    const listed = new Set(chats.map((c) => c.chatId));
    for (const [chatId, chat] of this.chats) {
      // A chat ended here and awaiting wrap-up is kept until the wrap-up is saved.
      if (!listed.has(chatId) && !chat.ended) this.drop(chatId, "reassigned");
    }
    for (const chat of chats) this.open(chat, true);
    this.flushAll();
  }

  private open(source: AdvisorChat, restored = false): void {
    const existing = this.chats.get(source.chatId);
    if (existing) {
      existing.topics = source.topics;
      existing.customerName = source.customerName ?? existing.customerName;
      existing.authenticated = source.authenticated;
      for (const message of source.transcript ?? []) this.append(existing, message);
      if (source.ended) this.markEnded(source.chatId);
      return;
    }
    const chat: ActiveChat = {
      chatId: source.chatId,
      lang: source.lang,
      queue: source.queue,
      topics: [...(source.topics ?? [])],
      authenticated: source.authenticated,
      ...(source.customerName ? { customerName: source.customerName } : {}),
      messages: [],
      pending: [],
      customerTyping: false,
      customerGone: false,
      ended: source.ended,
    };
    const seen = new Set<string>();
    // Live messages that overtook the accept ack may be older or newer than the transcript's.
    for (const message of [...(source.transcript ?? []), ...(this.early.get(chat.chatId) ?? [])]) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      insertInIdOrder(chat.messages, message);
    }
    this.early.delete(chat.chatId);
    this.chats.set(chat.chatId, chat);
    this.emit("chatOpened", chat, restored);
    if (chat.ended) this.emit("ended", chat.chatId);
  }

  private receive(message: ChatMessage): void {
    const chat = this.chats.get(message.chatId);
    if (!chat) {
      // A message can overtake the accept ack; keep a few until the chat opens.
      const list = this.early.get(message.chatId) ?? [];
      if (list.length < 50) list.push(message);
      this.early.set(message.chatId, list);
      // Messages of chats that never open here (taken elsewhere) must not pile up.
      if (this.early.size > 20) this.early.delete(this.early.keys().next().value as string);
      return;
    }
    if (message.from === "customer") this.setCustomerTyping(chat, false);
    this.append(chat, message);
  }

  private append(chat: ActiveChat, message: ChatMessage): void {
    if (message.clientId) this.settle(chat, message.clientId);
    if (chat.messages.some((m) => m.id === message.id)) return;
    const at = insertInIdOrder(chat.messages, message);
    this.emit("message", chat.chatId, message, chat.messages[at + 1]?.id);
  }

  private settle(chat: ActiveChat, clientId: string): void {
    const before = chat.pending.length;
    chat.pending = chat.pending.filter((p) => p.clientId !== clientId);
    if (chat.pending.length !== before) this.emit("pending", chat.chatId, chat.pending);
  }

  private async deliver(chat: ActiveChat, pending: PendingMessage): Promise<void> {
    if (this.inFlight.has(pending.clientId)) return;
    this.inFlight.add(pending.clientId);
    const ack = await this.call("chat:message", {
      chatId: chat.chatId,
      text: pending.text,
      clientId: pending.clientId,
    });
    this.inFlight.delete(pending.clientId);
    if (ack.ok) {
      // The server also echoes the message; if the echo has not come yet, show it now.
      if (chat.pending.some((p) => p.clientId === pending.clientId)) {
        this.settle(chat, pending.clientId);
        this.append(chat, {
          id: ack.id,
          chatId: chat.chatId,
          from: "advisor",
          text: pending.text,
          at: new Date().toISOString(),
          clientId: pending.clientId,
        });
      }
    } else if (ack.error.code !== "SERVICE_UNAVAILABLE" && ack.error.code !== "RATE_LIMITED") {
      // Refused for good (validation, chat ended, not yours): drop it; the view shows why.
      this.settle(chat, pending.clientId);
      if (ack.error.code === "CHAT_ENDED") this.markEnded(chat.chatId);
      if (ack.error.code === "NOT_YOUR_CHAT") this.drop(chat.chatId, "reassigned");
    }
  }

  private flushAll(): void {
    if (!this.socket.connected) return;
    for (const chat of this.chats.values()) {
      for (const pending of chat.pending) void this.deliver(chat, pending);
    }
  }

  private onState(state: ChatStateEvent): void {
    const chat = this.chats.get(state.chatId);
    if (!chat) return;
    if (state.lang && state.lang !== chat.lang) {
      chat.lang = state.lang;
      this.emit("language", chat.chatId, state.lang);
    }
    if (state.state === "ended") this.markEnded(state.chatId);
    // Back in the queue or with the bot (grace period over, taken away): no longer ours.
    else if (state.state === "queued" || state.state === "bot")
      this.drop(state.chatId, "reassigned");
  }

  private markEnded(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat || chat.ended) return;
    chat.ended = true;
    this.typingTimers.get(chatId)?.cancel();
    this.setCustomerTyping(chat, false);
    this.emit("ended", chatId);
  }

  private drop(chatId: string, reason: ClosedReason, detail?: { lang?: Lang }): void {
    this.early.delete(chatId);
    if (!this.chats.delete(chatId)) return;
    this.typingTimers.get(chatId)?.cancel();
    this.typingTimers.delete(chatId);
    this.emit("chatClosed", chatId, reason, detail);
  }

  private setCustomerTyping(chat: ActiveChat, typing: boolean): void {
    if (chat.customerTyping === typing) return;
    chat.customerTyping = typing;
    this.emit("typing", chat.chatId, typing);
  }

  private typingFor(chatId: string): TypingThrottle {
    let throttle = this.typingTimers.get(chatId);
    if (!throttle) {
      throttle = new TypingThrottle((typing) => {
        if (this.socket.connected) this.socket.emit("chat:typing", { chatId, typing });
      });
      this.typingTimers.set(chatId, throttle);
    }
    return throttle;
  }
}

/**
 * Outgoing typing indicator: `true` at most once per TYPING_THROTTLE_MS while keys are
 * pressed, `false` after TYPING_IDLE_MS without one (or at once when the message is sent).
 */
export class TypingThrottle {
  private active = false;
  private lastTrue = Number.NEGATIVE_INFINITY;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  input(): void {
    const now = this.now();
    if (!this.active || now - this.lastTrue >= TYPING_THROTTLE_MS) {
      this.active = true;
      this.lastTrue = now;
      this.send(true);
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (!this.active) return;
    this.active = false;
    this.send(false);
  }

  /** Forgets the state without telling the server (chat gone). */
  cancel(): void {
    clearTimeout(this.idle);
    this.active = false;
  }
}

function unavailable(message: string): {
  ok: false;
  error: { code: "SERVICE_UNAVAILABLE"; message: string };
} {
  return { ok: false, error: { code: "SERVICE_UNAVAILABLE", message } };
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
