import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { loadConfig } from "../../functions/config.ts";
import type {
  ChatMessage,
  CustomerToServerEvents,
  ServerToCustomerEvents,
} from "../../functions/contracts/protocol.ts";
import type { Clock } from "../../functions/domain/ports.ts";
import {
  IN_MEMORY,
  type LocalServer,
  startLocalServer,
} from "../../functions/local/localServer.ts";
import type { Logger } from "../../functions/observability/logger.ts";

/** A Tuesday at 10:00 in Helsinki (ISO instant): the service is open and advisors can be reached. */
export const OPEN_HOUR_ISO = "2026-11-24T10:00:00+02:00";

export type CustomerSocket = Socket<ServerToCustomerEvents, CustomerToServerEvents>;

/**
 * Limits for tests that run hundreds of chats, callbacks and surveys from one loopback
 * address: the production defaults would refuse them (tests/abuse.integration.test.ts shows
 * that they do). A test of the limits themselves passes its own in `env`.
 */
export const ROOMY_LIMITS: Record<string, string> = {
  LIMIT_CHAT_STARTS: "100000/1000000",
  LIMIT_HANDOFFS: "100000/1000000",
  LIMIT_BOOKINGS: "100000/1000000",
  LIMIT_CALLBACKS: "100000/1000000",
  LIMIT_SURVEYS: "100000/1000000",
};

/** Starts the real local stack on random loopback ports; in memory unless a data dir is given. */
export async function startTestStack(
  options: {
    dataDir?: string;
    /** Variables to set; one set to undefined takes the service's own default. */
    env?: Record<string, string | undefined>;
    clock?: Clock;
    logger?: Logger;
  } = {},
): Promise<LocalServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    DYNAMODB_PORT: "0",
    DATA_DIR: options.dataDir ?? IN_MEMORY,
    LOG_LEVEL: "silent",
    // A loaded CI machine can take seconds to answer one request that takes milliseconds
    // here; the service's 2.5 s would call that storage hung. The hung-storage test takes
    // the service's own default.
    STORAGE_TIMEOUT_MS: "15000",
    // The answer review draws surely answered questions at random: a test that wants them
    // sets a rate; none otherwise, so what the inbox holds is the same on every run.
    INBOX_SAMPLE_RATE: "0",
    ...ROOMY_LIMITS,
    ...options.env,
  });
  return startLocalServer(config, { clock: options.clock, logger: options.logger });
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "asiointi-test-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A connected customer socket on the /chat namespace. */
export async function connectCustomer(url: string): Promise<CustomerSocket> {
  const socket: CustomerSocket = io(`${url}/chat`, { transports: ["websocket"], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Collects every server event of a kind, for assertions on what was delivered. */
export function collect<E extends keyof ServerToCustomerEvents>(
  socket: CustomerSocket,
  event: E,
): Parameters<ServerToCustomerEvents[E]>[0][] {
  const items: Parameters<ServerToCustomerEvents[E]>[0][] = [];
  // biome-ignore lint/suspicious/noExplicitAny: socket.io's listener typing is per event.
  socket.on(event, ((payload: any) => items.push(payload)) as any);
  return items;
}

/**
 * The bot's first reply to `text`, asked as the only question of a new chat in `lang` at
 * `url`; with `end`, the chat is ended after it (its questions then settle for the inbox).
 */
export async function firstBotReply(
  url: string,
  text: string,
  lang: "fi" | "sv" = "fi",
  options: { end?: boolean } = {},
): Promise<ChatMessage> {
  const socket = await connectCustomer(url);
  try {
    const messages = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang });
    if (!start.ok) throw new Error("start failed");
    await eventually(() => messages.length >= 2);
    const before = messages.length;
    await socket.emitWithAck("chat:message", { text });
    const reply = await eventually(() => messages.slice(before).find((m) => m.from === "bot"));
    if (options.end) await socket.emitWithAck("chat:end", {});
    return reply;
  } finally {
    socket.disconnect();
  }
}

/** Waits until `check` passes or the timeout ends; returns its value. */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
