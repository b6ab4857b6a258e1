// An advisor console over socket.io for tests: a /dev/token persona's connection to the
// /advisor namespace, with everything the server sends it collected.
import { io, type Socket } from "socket.io-client";
import { expect } from "vitest";
import type {
  AdvisorToServerEvents,
  ChatMessage,
  ServerToAdvisorEvents,
} from "../../functions/contracts/protocol.ts";
import { devToken } from "./devToken.ts";
import { eventually } from "./localStack.ts";

export type AdvisorSocket = Socket<ServerToAdvisorEvents, AdvisorToServerEvents>;

/**
 * Connects a console and waits for the advisor's chat list, the server's first word. The
 * token comes from `tokenUrl`'s /dev/token (another process's identity provider in the
 * multi-node test), by default from the server connected to.
 */
export async function connectAdvisor(url: string, persona: string, tokenUrl = url) {
  const socket: AdvisorSocket = io(`${url}/advisor`, {
    transports: ["websocket"],
    forceNew: true,
    auth: { token: await devToken(tokenUrl, persona) },
  });
  const seen = {
    status: [] as Parameters<ServerToAdvisorEvents["advisor:status"]>[0][],
    queue: [] as Parameters<ServerToAdvisorEvents["queue:snapshot"]>[0][],
    chats: [] as Parameters<ServerToAdvisorEvents["advisor:chats"]>[0][],
    messages: [] as ChatMessage[],
    typing: [] as { chatId: string; typing: boolean }[],
    states: [] as Parameters<ServerToAdvisorEvents["chat:state"]>[0][],
    customer: [] as Parameters<ServerToAdvisorEvents["chat:customer"]>[0][],
  };
  socket.on("advisor:status", (s) => seen.status.push(s));
  socket.on("queue:snapshot", (s) => seen.queue.push(s));
  socket.on("advisor:chats", (c) => seen.chats.push(c));
  socket.on("chat:message", (m) => seen.messages.push(m));
  socket.on("chat:typing", (t) => seen.typing.push(t));
  socket.on("chat:state", (s) => seen.states.push(s));
  socket.on("chat:customer", (c) => seen.customer.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  await eventually(() => seen.chats.length > 0);
  const lastQueue = () => seen.queue.at(-1)?.waiting ?? [];
  return { socket, seen, lastQueue };
}

export type AdvisorConsole = Awaited<ReturnType<typeof connectAdvisor>>;

/** A connected console whose advisor has said they are available for `languages`. */
export async function availableAdvisor(
  url: string,
  persona: string,
  languages: ("fi" | "sv")[],
  maxChats?: number,
): Promise<AdvisorConsole> {
  const advisor = await connectAdvisor(url, persona);
  const status = await advisor.socket.emitWithAck("advisor:status", {
    status: "available",
    languages,
    ...(maxChats ? { maxChats } : {}),
  });
  expect(status).toMatchObject({ ok: true, status: "available", languages });
  return advisor;
}
