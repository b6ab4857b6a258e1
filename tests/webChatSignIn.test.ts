import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { PERSONAL_ANSWER_HIDDEN } from "../functions/domain/chat/personalAnswers.ts";
import { ChatClient } from "../web-chat/src/chatClient.ts";
import { eventually } from "./support/localStack.ts";

// The widget's client against a scripted socket.io server on loopback: what it shows of a
// sign-in and what it takes off the screen when the sign-in ends.

const servers: Server[] = [];

beforeAll(() => {
  const stored = new Map<string, string>();
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
  });
});
afterEach(() => {
  for (const io of servers.splice(0)) io.close();
});

const OWN_REFUND: ChatMessage = {
  id: "01B",
  chatId: "chat-1",
  from: "bot",
  text: "Vuoden 2025 verotuksesta sinulle maksetaan veronpalautusta 1 234,56 euroa.",
  at: "2026-12-07T08:00:00.000Z",
  topic: "tax-refund",
  lang: "fi",
  personal: true,
};
const GENERAL: ChatMessage = {
  id: "01A",
  chatId: "chat-1",
  from: "bot",
  text: "Veronpalautus maksetaan tilillesi.",
  at: "2026-12-07T07:59:00.000Z",
  topic: "tax-refund",
  lang: "fi",
};

/** Answers like the gateway: the sign-in lasts `signInMs`; after it, Aino's refund comes. */
async function scriptedServer(signInMs: number) {
  const http = createServer();
  const io = new Server(http);
  servers.push(io);
  io.of("/chat").on("connection", (socket) => {
    socket.on("chat:start", (_payload, ack) => {
      ack({ ok: true, chatId: "chat-1", resumeToken: "resume-1", state: "bot" });
      socket.emit("chat:message", GENERAL);
    });
    socket.on("chat:authenticate", (_payload, ack) => {
      const signInExpiresAt = new Date(Date.now() + signInMs).toISOString();
      ack({
        ok: true,
        authenticated: true,
        name: "Aino Virtanen",
        personalData: true,
        signInExpiresAt,
      });
      socket.emit("chat:message", OWN_REFUND);
    });
    socket.on("chat:signout", (_payload, ack) => ack({ ok: true, authenticated: false }));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** A client that records what the widget is told of the sign-in. */
async function signedInClient(origin: string) {
  const told: { signedIn: boolean; name?: string; hidden: string[] }[] = [];
  let online = false;
  const widget = new ChatClient(origin, "fi", {
    message() {},
    state() {},
    connection: (status) => {
      online = status === "online";
    },
    survey() {},
    pending() {},
    typing() {},
    signedIn: (signedIn, details) => told.push({ signedIn, ...details }),
  });
  widget.connect();
  await eventually(() => online);
  await widget.authenticate("id-token");
  await eventually(() => widget.transcript.some((m) => m.id === OWN_REFUND.id));
  return { widget, told };
}

describe("the web chat's client and the sign-in", () => {
  it("tells the name on signing in, and on signing out puts the neutral line over the personal answers only", async () => {
    // Prepare
    const { widget, told } = await signedInClient(await scriptedServer(3_600_000));

    // Act
    const ack = await widget.signOut();

    // Assess
    expect(ack).toEqual({ ok: true, authenticated: false });
    expect(told).toEqual([
      { signedIn: true, name: "Aino Virtanen", hidden: [] },
      { signedIn: false, hidden: [OWN_REFUND.id] },
    ]);
    expect(widget.signedIn).toBe(false);
    const byId = new Map(widget.transcript.map((m) => [m.id, m]));
    expect(byId.get(OWN_REFUND.id)?.text).toBe(PERSONAL_ANSWER_HIDDEN.fi);
    expect(byId.get(GENERAL.id)?.text).toBe(GENERAL.text);
  });

  it("ends the shown sign-in when the token expires, as the server then does", async () => {
    const { widget, told } = await signedInClient(await scriptedServer(300));

    await eventually(() => !widget.signedIn, 3_000);

    expect(told.at(-1)).toEqual({ signedIn: false, hidden: [OWN_REFUND.id] });
    expect(JSON.stringify(widget.transcript)).not.toContain("1 234,56");
  });

  it("does not end it at once when the server's clock is far ahead of the browser's", async () => {
    // 30 days: past setTimeout's longest wait, which would fire at once.
    const { widget } = await signedInClient(await scriptedServer(30 * 86_400_000));

    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(widget.signedIn).toBe(true);
  });
});
