import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../functions/contracts/lang.ts";
import type { Ack } from "../functions/contracts/protocol.ts";
import { ChatClient } from "../web-chat/src/chatClient.ts";
import { eventually } from "./support/localStack.ts";

// The widget's client switching the chat's language against a scripted socket.io server on
// loopback: the chat's language (and what a reload resumes in) follows the server's answer.

const stored = new Map<string, string>();
let io: Server;
let origin: string;
const asked: string[] = [];
/** What the scripted server answers the next chat:language with. */
let refuse = false;

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
        ack(
          refuse
            ? { ok: false, error: { code: "RATE_LIMITED", message: "Odota hetki." } }
            : { ok: true, lang },
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
});
