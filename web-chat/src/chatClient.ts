import { io, type Socket } from "socket.io-client";
import type { Lang } from "../../functions/contracts/lang.ts";
import type {
  Ack,
  ChatMessage,
  ChatStateEvent,
  CustomerToServerEvents,
  ServerToCustomerEvents,
} from "../../functions/contracts/protocol.ts";

const STORAGE_KEY = "asiointi-chat";
const ACK_TIMEOUT_MS = 10_000;

interface Pending {
  clientId: string;
  text: string;
}

interface Saved {
  lang: Lang;
  resumeToken?: string;
  lastMessageId?: string;
  outbox: Pending[];
}

export interface ChatClientEvents {
  message(message: ChatMessage): void;
  state(state: ChatStateEvent): void;
  connection(status: "connecting" | "online" | "reconnecting"): void;
  survey(surveyToken: string): void;
  pending(pending: Pending[]): void;
}

/**
 * The widget's connection: starts or resumes the chat, keeps unacknowledged messages in an
 * outbox that survives reloads, and re-sends them with the same clientId so nothing is lost
 * or stored twice.
 */
export class ChatClient {
  private socket: Socket<ServerToCustomerEvents, CustomerToServerEvents>;
  private saved: Saved;
  private seen = new Set<string>();

  constructor(
    origin: string,
    lang: Lang,
    private readonly on: ChatClientEvents,
  ) {
    this.saved = load() ?? { lang, outbox: [] };
    this.socket = io(`${origin}/chat`, { autoConnect: false });
    this.socket.on("connect", () => {
      this.on.connection("online");
      if (!this.socket.recovered) this.start();
      else this.flush();
    });
    this.socket.on("disconnect", () => this.on.connection("reconnecting"));
    this.socket.on("chat:message", (message) => this.receive(message));
    this.socket.on("chat:state", (state) => this.on.state(state));
    this.socket.on("survey:request", ({ surveyToken }) => this.on.survey(surveyToken));
  }

  get lang(): Lang {
    return this.saved.lang;
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
    if (this.saved.resumeToken && this.socket.connected) this.deliver(pending);
  }

  end(): Promise<Ack<{ surveyToken: string }>> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("chat:end", {}).catch(timeoutAck);
  }

  submitSurvey(surveyToken: string, gotHelp: boolean, score: number, comment?: string) {
    return this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("survey:submit", {
        surveyToken,
        gotHelp,
        score,
        ...(comment ? { comment } : {}),
      })
      .catch(timeoutAck);
  }

  /** Forgets the ended chat and starts a new one in the given language. */
  restart(lang: Lang): void {
    this.saved = { lang, outbox: [] };
    this.seen.clear();
    this.persist();
    this.start();
  }

  private start(): void {
    const { lang, resumeToken, lastMessageId } = this.saved;
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
          this.persist();
          this.flush();
        } else if (
          ack.error.code === "INVALID_RESUME_TOKEN" ||
          ack.error.code === "CHAT_NOT_FOUND"
        ) {
          this.restart(lang);
        }
      })
      .catch(() => this.socket.disconnect().connect());
  }

  private flush(): void {
    for (const pending of this.saved.outbox) this.deliver(pending);
  }

  private deliver(pending: Pending): void {
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("chat:message", { text: pending.text, clientId: pending.clientId })
      .then((ack) => {
        if (ack.ok || ack.error.code === "VALIDATION_FAILED" || ack.error.code === "CHAT_ENDED") {
          this.saved.outbox = this.saved.outbox.filter((p) => p.clientId !== pending.clientId);
          this.persist();
          this.on.pending(this.saved.outbox);
        }
      })
      // No ack in time: the message stays in the outbox and goes again after reconnecting.
      .catch(() => undefined);
  }

  private receive(message: ChatMessage): void {
    if (this.seen.has(message.id)) return;
    this.seen.add(message.id);
    this.saved.lastMessageId = message.id;
    this.persist();
    this.on.message(message);
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

function timeoutAck(): Ack<never> {
  return {
    ok: false,
    error: { code: "SERVICE_UNAVAILABLE", message: "No answer from the service" },
  };
}
