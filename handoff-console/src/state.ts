/**
 * The console's view state in signals, fed by the ConsoleClient's events: who is signed in,
 * the connection, presence, the queue and one entry per open chat. The socket logic stays
 * in consoleClient.ts; this module only turns its events into what the views render, and
 * decides where focus and announcements go when something leaves the screen.
 */
import { batch, computed, type Signal, signal } from "@preact/signals";
import type { Lang } from "../../functions/contracts/lang.ts";
import type { AdvisorStatus, ChatMessage, QueueEntry } from "../../functions/contracts/protocol.ts";
import { acceptedAfter, forgetAccepted } from "./acceptedHere.ts";
import { announce, messageAnnouncer } from "./announcer.ts";
import { appointments } from "./appointmentList.ts";
import { clearSession, loadSession, type Session, saveSession } from "./auth.ts";
import { callbacks } from "./callbackList.ts";
import { type ActiveChat, type ConnectionState, ConsoleClient } from "./consoleClient.ts";
import { getText, type UiText } from "./i18n.ts";
import { byLanguages } from "./queueLanguages.ts";
import { isSupervisorToken, tokenRoles } from "./reports/reportsApi.ts";
import { loadTopicNames } from "./topicNames.ts";

export const session = signal<Session | undefined>(loadSession());
/**
 * A supervisor without the advisor role: the service lists them both languages' callback
 * requests and bookings without phone numbers, and nothing else; the console shows just that.
 */
export const supervising = computed(() => {
  const token = session.value?.token;
  return !!token && isSupervisorToken(token) && !tokenRoles(token).includes("advisor");
});
/** Why the sign-in screen is shown again (refused token); shown there as an alert. */
export const signInNotice = signal("");
export const connection = signal<ConnectionState | undefined>(undefined);
/** What the server holds for this advisor (from an ack or an `advisor:status` event). */
export const advisorStatus = signal<AdvisorStatus | undefined>(undefined);
/** The latest queue snapshot and when it came (waiting times advance from then). */
export const queue = signal<{ entries: readonly QueueEntry[]; receivedAt: number }>({
  entries: [],
  receivedAt: 0,
});

/** Whether the queue shows the chats in languages this advisor does not serve too. */
export const allLanguages = signal(false);
/**
 * The queue as shown: the chats in the advisor's languages (or all, when asked), and how many
 * of the others are left out.
 */
export const shownQueue = computed(() => {
  const { entries } = queue.value;
  const split = byLanguages(entries, advisorStatus.value?.languages);
  return allLanguages.value ? { ...split, served: entries } : split;
});

/** One open chat as the views show it. */
export interface ChatView {
  chatId: string;
  /** A copy of the client's chat, replaced on every change so views re-render. */
  chat: Signal<ActiveChat>;
  /** Customer and bot messages that arrived while focus was elsewhere. */
  unread: Signal<number>;
  /**
   * Each message's language: the one the server says it is written in, else the one the chat
   * had when it came (a switch changes the next).
   */
  messageLang: Map<string, Lang>;
  /**
   * The last message of the conversation before this advisor took it, if any; after a reload
   * as this tab kept it (acceptedHere.ts).
   */
  lastBeforeAccept: string | undefined;
}

export const chats = signal<readonly ChatView[]>([]);

/** The chat's name in the UI language: the customer (when identified) and the id's end. */
export function chatName(chat: ActiveChat, t: UiText): string {
  return t.chatName(chat.customerName ?? t.unidentified, chat.chatId.slice(-4).toUpperCase());
}

let client: ConsoleClient | undefined;

/** The open connection's client; undefined while signed out. */
export function currentClient(): ConsoleClient | undefined {
  return client;
}

// Views and other modules announce through the one announcer.
export { announce };

// Ids and focus -----------------------------------------------------------------------------

export const QUEUE_HEADING_ID = "queue-title";
export const CHATS_HEADING_ID = "chats-title";
export const CALLBACKS_HEADING_ID = "callbacks-title";
export const APPOINTMENTS_HEADING_ID = "appointments-title";
export const chatHeadingId = (chatId: string) => `chat-${chatId}-title`;
export const composeId = (chatId: string) => `chat-${chatId}-compose`;

function panelOf(chatId: string): HTMLElement | null {
  return document.querySelector(`article.chat[data-chat-id="${CSS.escape(chatId)}"]`);
}

/** True when focus is inside the chat's panel. */
function focusIsIn(chatId: string): boolean {
  return panelOf(chatId)?.contains(document.activeElement) ?? false;
}

/** Whether a contact's row is in use: its close form is open, or focus is in its row. */
export function inUse(reference: string): boolean {
  return (
    !!document.getElementById(`close-${reference}`) ||
    document.activeElement?.closest("tr")?.getAttribute("data-ref") === reference
  );
}

/** Moves focus to an element by id once the views have rendered the latest change. */
export function focusLater(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** Moves focus into a chat: its message box, or its heading once the chat has ended. */
export function focusChat(chatId: string): void {
  setTimeout(() => {
    const compose = document.getElementById(composeId(chatId));
    if (compose && !compose.closest("[hidden]")) compose.focus();
    else document.getElementById(chatHeadingId(chatId))?.focus();
  }, 0);
}

// Session -----------------------------------------------------------------------------------

export function signIn(token: string, name?: string): void {
  const next: Session = { token, ...(name ? { name } : {}) };
  saveSession(next);
  batch(() => {
    signInNotice.value = "";
    session.value = next;
  });
  start();
}

export function signOut(notice = ""): void {
  clearSession();
  client?.close();
  client = undefined;
  clearInterval(contactsTimer);
  clearTimeout(queueAnnounceTimer);
  lastQueueIds = "";
  batch(() => {
    session.value = undefined;
    signInNotice.value = notice;
    connection.value = undefined;
    advisorStatus.value = undefined;
    queue.value = { entries: [], receivedAt: 0 };
    allLanguages.value = false;
    chats.value = [];
    callbacks.reset();
    appointments.reset();
  });
}

/** Connects with the saved session and feeds its events into the signals above. */
export function start(): void {
  const current = session.value;
  if (!current) return;
  void loadTopicNames(current.token);
  const c = new ConsoleClient({ token: current.token });
  client = c;
  const hear = messageAnnouncer();
  // Messages that waited for the connection: the advisor hears when each has gone.
  const waiting = new Set<string>();
  const keepWaiting = () => {
    for (const chat of c.chats.values()) for (const p of chat.pending) waiting.add(p.clientId);
  };
  const find = (chatId: string) => chats.value.find((v) => v.chatId === chatId);
  // The client changes its chats in place: hand the views a fresh copy.
  const refresh = (chatId: string) => {
    const view = find(chatId);
    const chat = c.chats.get(chatId);
    if (view && chat) view.chat.value = copy(chat);
  };

  c.on({
    connection: (state) => {
      connection.value = state;
      if (state !== "online") keepWaiting();
      // Requests left while the console was away (or before a reconnect) show up.
      if (state === "online") refreshContacts(c);
    },
    // Another advisor closed one, a customer left or cancelled one: the list follows.
    contacts: (list) => void (list === "callbacks" ? callbacks : appointments).refresh(c, inUse),
    unauthorized: (message) => {
      const t = getText();
      signOut(message ? `${t.unauthorized} ${t.serverSaid(message)}` : t.unauthorized);
    },
    status: (status) => {
      advisorStatus.value = status;
      const saved = session.value;
      if (saved && status.displayName && status.displayName !== saved.name) {
        const next = { ...saved, name: status.displayName };
        saveSession(next);
        session.value = next;
      }
    },
    queue: (waiting) => updateQueue(waiting),
    chatOpened: (chat, restored) => {
      const view: ChatView = {
        chatId: chat.chatId,
        chat: signal(copy(chat)),
        unread: signal(0),
        messageLang: new Map(chat.messages.map((m) => [m.id, m.lang ?? chat.lang])),
        lastBeforeAccept: acceptedAfter(
          chat.chatId,
          chat.messages.map((m) => m.id),
          restored,
        ),
      };
      chats.value = [...chats.value, view];
    },
    chatClosed: (chatId, reason, detail) => {
      if (!find(chatId)) return;
      forgetAccepted(chatId);
      const hadFocus = focusIsIn(chatId);
      chats.value = chats.value.filter((v) => v.chatId !== chatId);
      const t = getText();
      announce(
        reason === "wrapped-up"
          ? t.wrapupSaved
          : reason === "transferred" && detail?.lang
            ? t.transferred(detail.lang)
            : t.returnedToQueue,
      );
      if (hadFocus) {
        const next = chats.value[0];
        focusLater(next ? chatHeadingId(next.chatId) : QUEUE_HEADING_ID);
      }
    },
    message: (chatId, message: ChatMessage) => {
      const view = find(chatId);
      if (!view) return;
      const lang = message.lang ?? c.chats.get(chatId)?.lang ?? view.chat.peek().lang;
      view.messageLang.set(message.id, lang);
      batch(() => {
        if (message.from !== "advisor" && !focusIsIn(chatId)) view.unread.value += 1;
        refresh(chatId);
      });
      const name = chatName(view.chat.peek(), getText());
      if (message.from === "customer" || message.from === "system") {
        hear({ chat: name, from: message.from, text: message.text, lang });
      } else if (message.clientId && waiting.delete(message.clientId)) {
        announce(getText().sentWhenOnline(name));
      }
    },
    pending: (chatId) => {
      if (connection.peek() !== "online") keepWaiting();
      refresh(chatId);
    },
    typing: refresh,
    presence: refresh,
    language: refresh,
    ended: refresh,
  });
  c.connect();
  // What the service could not push (requests made through the HTTP API elsewhere) shows up
  // within a minute while the page is in sight.
  clearInterval(contactsTimer);
  contactsTimer = setInterval(() => {
    if (!document.hidden && c.connected) refreshContacts(c);
  }, CONTACTS_REFRESH_MS);
}

/** How often the contact lists are read again without a push (ms). */
export const CONTACTS_REFRESH_MS = 60_000;
let contactsTimer: ReturnType<typeof setInterval> | undefined;

function refreshContacts(c: ConsoleClient): void {
  void callbacks.refresh(c, inUse);
  void appointments.refresh(c, inUse);
}

function copy(chat: ActiveChat): ActiveChat {
  return {
    ...chat,
    topics: [...chat.topics],
    messages: [...chat.messages],
    pending: [...chat.pending],
  };
}

// Queue -------------------------------------------------------------------------------------

const QUEUE_ANNOUNCE_DELAY_MS = 1500;
let lastQueueIds = "";
let queueAnnounceTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A new snapshot. Only changes in who is waiting among the chats shown are announced, at
 * most once per QUEUE_ANNOUNCE_DELAY_MS however often snapshots come, and never for the
 * ticking clock: a Finnish-only advisor is not told of every Swedish chat.
 */
function updateQueue(waiting: readonly QueueEntry[]): void {
  queue.value = { entries: [...waiting], receivedAt: Date.now() };
  const ids = shownQueue
    .peek()
    .served.map((e) => e.chatId)
    .sort()
    .join(" ");
  if (ids === lastQueueIds) return;
  lastQueueIds = ids;
  clearTimeout(queueAnnounceTimer);
  queueAnnounceTimer = setTimeout(() => {
    announce(getText().queueCount(shownQueue.peek().served.length));
  }, QUEUE_ANNOUNCE_DELAY_MS);
}
