import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionStatus } from "../web-chat/src/chatClient.ts";
import { ChatClient } from "../web-chat/src/chatClient.ts";
import { eventually } from "./support/localStack.ts";

// The widget's client against a scripted socket.io server on loopback: how it comes back
// after the server refused its handshake or dropped it, and what it sends meanwhile.

const stored = new Map<string, string>();
const servers: Server[] = [];

beforeAll(() => {
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
  });
});
afterEach(() => {
  stored.clear();
  for (const io of servers.splice(0)) io.close();
});

/**
 * A /chat namespace that refuses the first `refusals` handshakes in its middleware (as a rate
 * limit or a restarting service would) and then the first `startRefusals` chat:start (as the
 * gateway's limit on new chats does), and answers like the gateway: NOT_STARTED to any event
 * on a connection before its chat:start. `received`: `<connection>:<event>` in order.
 */
async function scriptedServer(refusals = 0, startRefusals = 0, startRefusal = "RATE_LIMITED") {
  const received: string[] = [];
  const sockets: Socket[] = [];
  const http = createServer();
  const io = new Server(http);
  servers.push(io);
  const chat = io.of("/chat");
  chat.use((_socket, next) => {
    if (refusals === 0) return next();
    refusals--;
    next(new Error("RATE_LIMITED"));
  });
  chat.on("connection", (socket) => {
    const connection = sockets.push(socket);
    let started = false;
    socket.onAny((event: string, ...args: unknown[]) => {
      received.push(`${connection}:${event}`);
      const ack = args.at(-1) as (answer: unknown) => void;
      if (event === "chat:start" && startRefusals > 0) {
        startRefusals--;
        ack({ ok: false, error: { code: startRefusal, message: "Odota hetki." } });
      } else if (event === "chat:start") {
        started = true;
        ack({ ok: true, chatId: "chat-1", resumeToken: "resume-1", state: "bot" });
      } else if (!started) {
        ack({ ok: false, error: { code: "NOT_STARTED", message: "chat:start first" } });
      } else if (event === "chat:message") {
        ack({ ok: true, id: "01A" });
      } else {
        ack({ ok: true, outcome: "unavailable" });
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { origin, received, sockets };
}

/** Statuses as the widget is told them, with the reason after a colon when there is one. */
function client(origin: string, statuses: string[] = []): ChatClient {
  return new ChatClient(origin, "fi", {
    message() {},
    state() {},
    connection: (status, reason) => statuses.push(reason ? `${status}:${reason}` : status),
    survey() {},
    pending() {},
    typing() {},
  });
}

describe("the web chat's client when the connection fails", () => {
  it("keeps retrying a refused handshake, says the connection is lost, and sends what was typed once back", async () => {
    const { origin, received } = await scriptedServer(2);
    const statuses: ConnectionStatus[] = [];
    const widget = client(origin, statuses);
    widget.connect();
    widget.send("Hei, onko yhteys poikki?");

    await eventually(() => received.includes("1:chat:message"), 8_000);
    expect(received).toEqual(["1:chat:start", "1:chat:message"]);
    expect(statuses.slice(0, 2)).toEqual(["connecting", "reconnecting"]);
    expect(statuses.at(-1)).toBe("online");
    expect(widget.chatId).toBe("chat-1");
  });

  it("refuses a request made while reconnecting instead of sending it before chat:start", async () => {
    const { origin, received, sockets } = await scriptedServer();
    const statuses: ConnectionStatus[] = [];
    const widget = client(origin, statuses);
    widget.connect();
    await eventually(() => statuses.includes("online"));

    // The server drops the connection; the client comes back on a new one (nothing recovered).
    sockets[0]?.disconnect(true);
    const handoff = await widget.handoff();
    const end = await widget.end();

    expect(handoff).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    expect(end).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    await eventually(
      () => statuses.lastIndexOf("online") > statuses.indexOf("reconnecting"),
      8_000,
    );
    // Once resumed, requests go through again.
    expect(await widget.handoff()).toMatchObject({ ok: true });
    expect(received).toEqual(["1:chat:start", "2:chat:start", "2:chat:handoff"]);
  });

  it("holds a sign-in that lands while reconnecting, says it waits, and completes it once the chat is back", async () => {
    const { origin, received, sockets } = await scriptedServer();
    const statuses: ConnectionStatus[] = [];
    const widget = client(origin, statuses);
    widget.connect();
    await eventually(() => statuses.includes("online"));

    // The identity provider hands the token back while the connection is down.
    sockets[0]?.disconnect(true);
    await eventually(() => statuses.at(-1) === "reconnecting");
    let waiting = 0;
    const signedIn = await widget.authenticate("id-token", () => waiting++);

    expect(waiting).toBe(1);
    expect(signedIn).toMatchObject({ ok: true });
    expect(widget.signedIn).toBe(true);
    expect(received).toEqual(["1:chat:start", "2:chat:start", "2:chat:authenticate"]);
    // The token waited in memory only: nothing of it is kept across a reload.
    expect([...stored.values()].join("")).not.toContain("id-token");
  });

  it("holds a vote given while reconnecting, says so, and sends the latest one once the chat is back", async () => {
    const { origin, received, sockets } = await scriptedServer();
    const statuses: ConnectionStatus[] = [];
    const widget = client(origin, statuses);
    widget.connect();
    await eventually(() => statuses.includes("online"));

    sockets[0]?.disconnect(true);
    await eventually(() => statuses.at(-1) === "reconnecting");
    let held = 0;
    const first = widget.feedback("01ANSWER", true, () => held++);
    // Changed their mind before the connection came back: one vote goes, the latest.
    const second = widget.feedback("01ANSWER", false, () => held++);

    expect(held).toBe(2);
    expect(await second).toMatchObject({ ok: true });
    expect(await first).toMatchObject({ ok: true });
    expect(received).toEqual(["1:chat:start", "2:chat:start", "2:chat:feedback"]);
  });

  it("retries a chat:start refused as too many new chats, saying so meanwhile (not a lost connection), then sends what was typed", async () => {
    const { origin, received } = await scriptedServer(0, 2);
    const statuses: string[] = [];
    const widget = client(origin, statuses);
    widget.connect();
    widget.send("Hei!");

    await eventually(() => received.includes("1:chat:message"), 8_000);
    expect(received).toEqual(["1:chat:start", "1:chat:start", "1:chat:start", "1:chat:message"]);
    expect(statuses).toEqual(["connecting", "reconnecting:busy", "reconnecting:busy", "online"]);
    expect(widget.chatId).toBe("chat-1");
  });

  it("retries a chat:start refused for storage down, saying meanwhile that the connection is lost", async () => {
    const { origin, received } = await scriptedServer(0, 1, "SERVICE_UNAVAILABLE");
    const statuses: string[] = [];
    client(origin, statuses).connect();

    await eventually(() => received.length === 2, 8_000);
    await eventually(() => statuses.at(-1) === "online", 2_000);
    expect(statuses).toEqual(["connecting", "reconnecting", "online"]);
  });
});
