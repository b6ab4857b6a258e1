import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../functions/contracts/lang.ts";
import type { Ack, ChatMessage } from "../functions/contracts/protocol.ts";
import { ChatClient, canResend, type Pending } from "../web-chat/src/chatClient.ts";
import { UI } from "../web-chat/src/i18n.ts";
import { transcriptText } from "../web-chat/src/transcript.ts";
import { eventually } from "./support/localStack.ts";

// The widget's client switching the chat's language against a scripted socket.io server on
// loopback: the chat's language (and what a reload resumes in) follows the server's answer.

const stored = new Map<string, string>();
let io: Server;
let origin: string;
const asked: string[] = [];
/** What the scripted server answers the next chat:language with. */
let refuse = false;
/** How long the scripted server takes to answer chat:language. */
let languageDelayMs = 0;
/** Error code the scripted server refuses chat:message with; undefined takes it. */
let refuseMessage: "RATE_LIMITED" | undefined;
const messages: { text: string; clientId?: string }[] = [];

beforeAll(async () => {
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
  });
  const http = createServer();
  io = new Server(http);
  io.of("/chat").on("connection", (socket) => {
    socket.on("chat:start", (_request, ack) =>
      ack({
        ok: true,
        chatId: "chat-1",
        resumeToken: "resume-1",
        state: "bot",
        authenticated: false,
      }),
    );
    socket.on(
      "chat:language",
      ({ lang }: { lang: Lang }, ack: (a: Ack<{ lang: Lang }>) => void) => {
        asked.push(lang);
        setTimeout(
          () =>
            ack(
              refuse
                ? { ok: false, error: { code: "RATE_LIMITED", message: "Odota hetki." } }
                : { ok: true, lang },
            ),
          languageDelayMs,
        );
      },
    );
    socket.on(
      "chat:message",
      (message: { text: string; clientId?: string }, ack: (a: Ack<{ id: string }>) => void) => {
        messages.push(message);
        ack(
          refuseMessage
            ? { ok: false, error: { code: refuseMessage, message: "Odota hetki." } }
            : { ok: true, id: `01M${messages.length}` },
        );
      },
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => {
  io.close();
});

const silent = {
  message() {},
  state() {},
  connection() {},
  survey() {},
  pending() {},
  typing() {},
};
const savedLang = () => JSON.parse(stored.get("asiointi-chat") ?? "{}").lang;

describe("the web chat's language switch", () => {
  it("keeps the chat's language when the server refuses, and takes the new one when it agrees", async () => {
    stored.clear();
    const client = new ChatClient(origin, "fi", silent);
    client.connect();
    await eventually(() => savedLang() === "fi" && client.chatId === "chat-1", 5_000);

    refuse = true;
    const refused = await client.setLanguage("sv");
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(client.lang).toBe("fi");
    expect(savedLang()).toBe("fi");

    refuse = false;
    expect(await client.setLanguage("sv")).toEqual({ ok: true, lang: "sv" });
    expect(client.lang).toBe("sv");
    expect(savedLang()).toBe("sv");
    expect(asked).toEqual(["sv", "sv"]);
  });

  it("refuses a switch before the chat has started, without asking the server", async () => {
    stored.clear();
    asked.length = 0;
    const client = new ChatClient(origin, "fi", silent);

    const refused = await client.setLanguage("sv");

    expect(refused).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    expect(client.lang).toBe("fi");
    expect(asked).toEqual([]);
  });

  it("tells of a message refused while a switch is in flight, keeps it to send again, and sends it with the same clientId", async () => {
    stored.clear();
    let outbox: Pending[] = [];
    const client = new ChatClient(origin, "fi", {
      ...silent,
      pending: (pending) => {
        outbox = pending.map((p) => ({ ...p }));
      },
    });
    client.connect();
    await eventually(() => client.chatId === "chat-1", 5_000);

    languageDelayMs = 300;
    refuseMessage = "RATE_LIMITED";
    const switching = client.setLanguage("sv");
    client.send("Hej, hur ansöker jag om skattekort?");
    expect(await switching).toEqual({ ok: true, lang: "sv" });

    // Refused: shown as not sent (not left as "sending" until some reconnect), kept over a reload.
    await eventually(() => outbox[0]?.refused === "RATE_LIMITED", 5_000);
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(stored.get("asiointi-chat") ?? "{}").outbox[0].refused).toBe("RATE_LIMITED");
    const clientId = outbox[0]?.clientId;

    refuseMessage = undefined;
    languageDelayMs = 0;
    client.retry(clientId ?? "");
    await eventually(() => outbox.length === 0, 5_000);
    expect(messages.map((m) => m.clientId)).toEqual([clientId, clientId]);
    expect(canResend("RATE_LIMITED")).toBe(true);
    expect(canResend("CHAT_ENDED")).toBe(false);
  });

  it("labels a downloaded transcript in the UI's language at download, also for messages from before a switch", () => {
    const said = (
      id: string,
      from: ChatMessage["from"],
      text: string,
      lang: Lang,
    ): ChatMessage => ({
      id,
      chatId: "chat-1",
      from,
      text,
      at: "2026-11-24T08:00:00.000Z",
      lang,
    });
    const messages = [
      said("01A", "customer", "Milloin saan veronpalautuksen?", "fi"),
      said("01B", "bot", "Veronpalautukset maksetaan ...", "fi"),
      said("01C", "system", "Chatten fortsätter på svenska.", "sv"),
      said("01D", "customer", "Tack!", "sv"),
    ];

    const swedish = transcriptText(messages, UI.sv);

    // One language for the file's own words; what people and the bot said stays as said.
    expect(swedish.split("\n").filter((line) => line.startsWith("["))).toEqual([
      "[24.11.2026 10.00] Du:",
      "[24.11.2026 10.00] Chattbot:",
      "[24.11.2026 10.00] Meddelande:",
      "[24.11.2026 10.00] Du:",
    ]);
    expect(swedish).toContain("Milloin saan veronpalautuksen?");
    expect(swedish.startsWith(UI.sv.transcriptHeading)).toBe(true);
  });
});
