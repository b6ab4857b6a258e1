import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { ChatClient } from "../web-chat/src/chatClient.ts";
import { eventually } from "./support/localStack.ts";

// The widget's client against a scripted socket.io server on loopback: what it asks for
// when it resumes after the server has dropped the connection.

const stored = new Map<string, string>();
let io: Server;
let origin: string;
const starts: { lastMessageId?: string }[] = [];

const message = (id: string): ChatMessage => ({
  id,
  chatId: "chat-1",
  from: "bot",
  text: `viesti ${id}`,
  at: "2026-11-24T08:00:00.000Z",
});

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
    socket.on("chat:start", (request, ack) => {
      starts.push(request);
      ack({
        ok: true,
        chatId: "chat-1",
        resumeToken: "resume-1",
        state: "bot",
        authenticated: false,
      });
      if (starts.length > 1) return;
      // A newer message live, then an older one from the replay (join before read).
      socket.emit("chat:message", message("01B"));
      socket.emit("chat:message", message("01A"));
      setTimeout(() => socket.disconnect(true), 50);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => {
  io.close();
});

describe("the web chat's client", () => {
  it("shows a replayed older message before a newer one, and resumes after the newest", async () => {
    const shown: string[] = [];
    const placed: (string | undefined)[] = [];
    const client = new ChatClient(origin, "fi", {
      message: (m, before) => {
        shown.push(m.id);
        placed.push(before);
      },
      state() {},
      connection() {},
      survey() {},
      pending() {},
      typing() {},
    });

    client.connect();

    await eventually(() => starts.length >= 2, 5_000);
    expect(shown).toEqual(["01B", "01A"]);
    expect(starts[1]).toMatchObject({ resumeToken: "resume-1", lastMessageId: "01B" });
    // The older one is shown before the newer, and the transcript reads in stored order.
    expect(placed).toEqual([undefined, "01B"]);
    expect(client.transcript.map((m) => m.id)).toEqual(["01A", "01B"]);
  });
});

describe("the web chat's client with a survey whose time is over", () => {
  it("forgets the survey when the server says it can no longer be answered, so a reload does not offer it again", async () => {
    // Prepare: a scripted server that asks for the survey and then refuses it as expired.
    const http = createServer();
    const server = new Server(http);
    const submitted: unknown[] = [];
    server.of("/chat").on("connection", (socket) => {
      socket.on("chat:start", (_request, ack) => {
        ack({
          ok: true,
          chatId: "chat-2",
          resumeToken: "resume-2",
          state: "bot",
          authenticated: false,
        });
        socket.emit("survey:request", { surveyToken: "survey-2" });
      });
      socket.on("survey:submit", (request, ack) => {
        submitted.push(request);
        ack({
          ok: false,
          error: { code: "SURVEY_TOKEN_EXPIRED", message: "surveyToken has expired" },
        });
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const at = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const surveys: string[] = [];
    const client = new ChatClient(at, "fi", {
      message() {},
      state() {},
      connection() {},
      survey: (token) => surveys.push(token),
      pending() {},
      typing() {},
    });
    try {
      client.connect();
      await eventually(() => surveys.length > 0, 5_000);
      expect(client.openSurvey).toBe("survey-2");

      // Act
      const ack = await client.submitSurvey(true, 4);

      // Assess: refused as expired, sent once, and nothing left to offer after a reload.
      expect(ack).toMatchObject({ ok: false, error: { code: "SURVEY_TOKEN_EXPIRED" } });
      expect(submitted).toHaveLength(1);
      expect(client.openSurvey).toBeUndefined();
      expect(JSON.parse(stored.get("asiointi-chat") ?? "{}")).not.toHaveProperty("surveyToken");
    } finally {
      server.close();
    }
  });
});
