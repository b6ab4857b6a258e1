import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdvisorChat, ChatMessage } from "../functions/contracts/protocol.ts";
import { ConsoleClient } from "../handoff-console/src/consoleClient.ts";
import { eventually } from "./support/localStack.ts";

// The advisor console's client against a scripted socket.io server on loopback: messages that
// come out of order (live ones overtaking the chat list, a replay after them) still read in
// the order they were stored.

let io: Server;
let url: string;

const message = (id: string): ChatMessage => ({
  id,
  chatId: "chat-1",
  from: "customer",
  text: `viesti ${id}`,
  at: "2026-11-24T08:00:00.000Z",
});

const chat = (transcript: ChatMessage[]): AdvisorChat => ({
  chatId: "chat-1",
  lang: "fi",
  queue: "fi",
  topics: [],
  authenticated: false,
  transcript,
  ended: false,
});

beforeAll(async () => {
  const http = createServer();
  io = new Server(http);
  io.of("/advisor").on("connection", (socket) => {
    // A live message before the chat list that holds older and newer ones, then a late one.
    socket.emit("chat:message", message("01C"));
    socket.emit("advisor:chats", { chats: [chat([message("01A"), message("01D")])] });
    socket.emit("chat:message", message("01B"));
    socket.emit("chat:message", message("01E"));
  });
  io.of("/advisor-language").on("connection", (socket) => {
    // The customer switches to Swedish, says so twice (a replayed state), then the chat ends.
    socket.emit("advisor:chats", { chats: [chat([message("01A")])] });
    socket.emit("chat:state", { chatId: "chat-1", state: "advisor", lang: "sv" });
    socket.emit("chat:state", { chatId: "chat-1", state: "advisor", lang: "sv" });
    socket.emit("chat:state", { chatId: "chat-1", state: "ended", lang: "sv" });
  });
  io.of("/advisor-customer").on("connection", (socket) => {
    // The customer leaves (said twice: two gateway tasks), comes back, and a stranger's chat.
    socket.emit("advisor:chats", { chats: [chat([message("01A")])] });
    socket.emit("chat:customer", { chatId: "chat-1", connected: false });
    socket.emit("chat:customer", { chatId: "chat-1", connected: false });
    socket.emit("chat:customer", { chatId: "chat-9", connected: false });
    socket.emit("chat:customer", { chatId: "chat-1", connected: true });
  });
  io.of("/advisor-contacts").on("connection", (socket) => {
    // Another advisor closes a callback request, then a customer books a time.
    socket.emit("advisor:chats", { chats: [] });
    socket.emit("contacts:changed", { list: "callbacks", lang: "fi" });
    socket.emit("contacts:changed", { list: "appointments", lang: "sv" });
  });
  // A handshake that takes a moment (a token checked against the identity provider).
  io.of("/advisor-slow")
    .use((_socket, next) => {
      setTimeout(next, 300);
    })
    .on("connection", (socket) => {
      socket.on("advisor:status", (request, ack) => ack({ ok: true, ...request, activeChats: 0 }));
    });
  // Storage is down for the first two handshakes, then back.
  let handshakes = 0;
  io.of("/advisor-outage").use((_socket, next) => {
    if (++handshakes > 2) return next();
    next(
      Object.assign(new Error("The service is temporarily disturbed"), {
        data: { code: "SERVICE_UNAVAILABLE", message: "The service is temporarily disturbed" },
      }),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/advisor`;
});

afterAll(() => {
  io.close();
});

describe("the advisor console's client", () => {
  it("stays signed in while the service refuses for an outage, and connects once it is back", async () => {
    const client = new ConsoleClient({
      url: `${url}-outage`,
      token: "t",
      socketOptions: { forceNew: true },
      unavailableRetryMs: 50,
    });
    const states: string[] = [];
    const refused: string[] = [];
    client.on({
      connection: (state) => states.push(state),
      unauthorized: (message) => refused.push(message),
    });
    client.connect();

    await eventually(() => client.connected, 5_000);
    expect(refused).toEqual([]);
    expect(states).toEqual(["connecting", "reconnecting", "reconnecting", "online"]);
    client.close();
  });

  it("sets a status asked for before the connection is up once it is, instead of refusing it", async () => {
    const client = new ConsoleClient({
      url: `${url}-slow`,
      token: "t",
      socketOptions: { forceNew: true },
    });
    client.connect();
    expect(client.connected).toBe(false);

    const ack = await client.setPresence({ status: "available", languages: ["fi"], maxChats: 3 });

    expect(ack).toMatchObject({ ok: true, status: "available" });
    client.close();
  });

  it("keeps a chat's messages in stored order, and says where a late one goes", async () => {
    const client = new ConsoleClient({ url, token: "t", socketOptions: { forceNew: true } });
    const placed: [string, string | undefined][] = [];
    client.on({ message: (_chatId, m, before) => placed.push([m.id, before]) });
    client.connect();

    await eventually(() => placed.length === 2, 5_000);
    expect(client.chats.get("chat-1")?.messages.map((m) => m.id)).toEqual([
      "01A",
      "01B",
      "01C",
      "01D",
      "01E",
    ]);
    expect(placed).toEqual([
      ["01B", "01C"],
      ["01E", undefined],
    ]);
    client.close();
  });

  it("marks a chat whose customer has gone, once, and clears it when they are back", async () => {
    const client = new ConsoleClient({
      url: url.replace(/\/advisor$/, "/advisor-customer"),
      token: "t",
      socketOptions: { forceNew: true },
    });
    const seen: [string, boolean, boolean | undefined][] = [];
    client.on({
      presence: (chatId, gone) => seen.push([chatId, gone, client.chats.get(chatId)?.customerGone]),
    });
    client.connect();

    await eventually(() => seen.length === 2, 5_000);
    expect(seen).toEqual([
      ["chat-1", true, true],
      ["chat-1", false, false],
    ]);
    client.close();
  });

  it("passes on which contact list changed, so the console reads that one again", async () => {
    const client = new ConsoleClient({
      url: url.replace(/\/advisor$/, "/advisor-contacts"),
      token: "t",
      socketOptions: { forceNew: true },
    });
    const changed: string[] = [];
    client.on({ contacts: (list) => changed.push(list) });
    client.connect();

    await eventually(() => changed.length === 2, 5_000);
    expect(changed).toEqual(["callbacks", "appointments"]);
    client.close();
  });

  it("says once when the customer switches the chat's language", async () => {
    const client = new ConsoleClient({
      url: url.replace(/\/advisor$/, "/advisor-language"),
      token: "t",
      socketOptions: { forceNew: true },
    });
    const switched: [string, string][] = [];
    let ended = false;
    client.on({
      language: (chatId, lang) => switched.push([chatId, lang]),
      ended: () => {
        ended = true;
      },
    });
    client.connect();

    await eventually(() => ended, 5_000);
    expect(switched).toEqual([["chat-1", "sv"]]);
    expect(client.chats.get("chat-1")?.lang).toBe("sv");
    client.close();
  });
});
