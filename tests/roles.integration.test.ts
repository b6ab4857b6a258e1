import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import { runningClockFrom } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorSocket, availableAdvisor, connectAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import {
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

// Who may see what, through the real stack: tokens from the local identity provider, the
// real /advisor namespace and HTTP API on 127.0.0.1.

let stack: LocalServer;

beforeAll(async () => {
  // Open hours, so that advisors can take chats.
  stack = await startTestStack({ clock: runningClockFrom(new Date(OPEN_HOUR_ISO)) });
});

afterAll(async () => {
  await stack?.close();
});

/** Connects to /advisor with a persona's token; resolves the refusal's data, or "connected". */
async function advisorHandshake(persona: string): Promise<unknown> {
  const socket: Socket = io(`${stack.url}/advisor`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { token: await devToken(stack.url, persona) },
  });
  try {
    return await new Promise((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (error) => resolve((error as { data?: unknown }).data));
    });
  } finally {
    socket.disconnect();
  }
}

/** Every stored item of every table, as JSON text: what a search of the data at rest finds. */
async function everythingStored(): Promise<string> {
  const { client } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
  const items: unknown[] = [];
  for (const TableName of Object.values(tableNames("asiointi-local-"))) {
    items.push(...((await client.send(new ScanCommand({ TableName }))).Items ?? []));
  }
  client.destroy();
  return JSON.stringify(items);
}

// Synthetic identity code (individual number 900-999) with a valid check character.
const HETU = "140385-912T";

describe("roles", () => {
  it("lets a supervisor follow both languages' contact lists without phone numbers, and nothing else of the advisor namespace", async () => {
    expect(await advisorHandshake("content-owner")).toEqual({
      code: "UNAUTHORIZED",
      message: "Not signed in as an advisor: this account has no advisor role.",
    });
    const left = { fi: "", sv: "" };
    for (const [lang, phone] of [
      ["fi", "040 400 0001"],
      ["sv", "040 400 0002"],
    ] as const) {
      const res = await fetch(`${stack.url}/api/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ lang, phone }),
      });
      expect(res.status).toBe(201);
      left[lang] = ((await res.json()) as { reference: string }).reference;
    }

    // A supervisor is sent nothing on connect (no status, queue or chats): connect bare.
    const socket: AdvisorSocket = io(`${stack.url}/advisor`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      auth: { token: await devToken(stack.url, "supervisor") },
    });
    const greeted: string[] = [];
    socket.onAny((event: string) => greeted.push(event));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const page = await socket.emitWithAck("callbacks:list", {});
      if (!page.ok) throw new Error(page.error.message);
      const mine = page.callbacks.filter((c) => c.reference === left.fi || c.reference === left.sv);
      expect(mine.map((c) => c.lang).sort()).toEqual(["fi", "sv"]);
      for (const item of page.callbacks) {
        expect(item).not.toHaveProperty("phone");
        expect(item).not.toHaveProperty("phoneDisplay");
      }
      const appointments = await socket.emitWithAck("appointments:list", {});
      expect(appointments.ok).toBe(true);

      // Read-only: closing is the advisor's, after the call; chats are not theirs to see.
      expect(await socket.emitWithAck("callback:close", { reference: left.fi })).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
      expect(
        await socket.emitWithAck("chat:accept", { chatId: "00000000-0000-4000-8000-000000000000" }),
      ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(
        await socket.emitWithAck("advisor:status", { status: "available", languages: ["fi"] }),
      ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      // Neither presence nor the queue nor chats: nothing was sent on connect.
      expect(greeted).toEqual([]);
    } finally {
      socket.disconnect();
    }

    // An advisor still sees only their token's languages, with the numbers to call.
    const fi = await connectAdvisor(stack.url, "advisor-fi");
    try {
      const page = await fi.socket.emitWithAck("callbacks:list", {});
      if (!page.ok) throw new Error(page.error.message);
      expect(page.callbacks.every((c) => c.lang === "fi" && c.phone)).toBe(true);
      expect(page.callbacks.map((c) => c.reference)).toContain(left.fi);
    } finally {
      fi.socket.disconnect();
    }
  });
});

describe("personal data at rest", () => {
  it("keeps a clientId shaped like an identity code out of the sort key, and still finds a resend", async () => {
    const socket = await connectCustomer(stack.url);
    const live = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");

    const first = await socket.emitWithAck("chat:message", { text: "Hei", clientId: HETU });
    const resend = await socket.emitWithAck("chat:message", { text: "Hei", clientId: HETU });

    expect(first.ok && resend.ok && first.id === resend.id, JSON.stringify({ first, resend })).toBe(
      true,
    );
    await eventually(() => live.find((m) => m.from === "bot"));
    socket.disconnect();
    expect(await everythingStored()).not.toContain(HETU);
  });
});

describe("staff free text", () => {
  it("keeps wrap-up notes masked, and a second wrap-up as a correction beside the first", async () => {
    const advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
    const customer = await connectCustomer(stack.url);
    const start = await customer.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await customer.emitWithAck("chat:handoff", {});
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: start.chatId })).ok).toBe(
      true,
    );

    const first = await advisor.socket.emitWithAck("chat:wrapup", {
      chatId: start.chatId,
      reason: "other",
      note: `Asiakkaan hetu ${HETU}, soitin numeroon 040 123 4567`,
    });
    const second = await advisor.socket.emitWithAck("chat:wrapup", {
      chatId: start.chatId,
      reason: "tax-card",
      note: "Korjaus: asia koski verokorttia",
    });

    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true, correction: true });
    const { doc } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
    const chat = await createDynamoChatStore(doc, tableNames("asiointi-local-")).getChat(
      start.chatId,
    );
    expect(chat?.wrapup).toMatchObject({
      reason: "other",
      note: "Asiakkaan hetu [ID-CODE], soitin numeroon [PHONE]",
    });
    expect(chat?.wrapupCorrections).toEqual([
      expect.objectContaining({ reason: "tax-card", note: "Korjaus: asia koski verokorttia" }),
    ]);
    doc.destroy();
    customer.disconnect();
    advisor.socket.disconnect();
    expect(await everythingStored()).not.toContain(HETU);
  });

  it("keeps a callback's close note masked", async () => {
    const requested = await fetch(`${stack.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "fi", phone: "040 765 4321" }),
    });
    const { reference } = (await requested.json()) as { reference: string };
    const advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);

    const closed = await advisor.socket.emitWithAck("callback:close", {
      reference,
      note: `Ei vastannut. Hetu ${HETU}, sähköposti matti(at)example.fi`,
    });

    expect(closed.ok).toBe(true);
    advisor.socket.disconnect();
    const stored = await everythingStored();
    expect(stored).toContain("Ei vastannut. Hetu [ID-CODE], sähköposti [EMAIL]");
    expect(stored).not.toContain(HETU);
  });
});

describe("an idle chat", () => {
  let idle: LocalServer;
  beforeAll(async () => {
    idle = await startTestStack({
      clock: runningClockFrom(new Date(OPEN_HOUR_ISO)),
      env: { CHAT_IDLE_WARNING_SECONDS: "1", CHAT_IDLE_END_SECONDS: "60" },
    });
  });
  afterAll(async () => {
    await idle?.close();
  });

  it("is warned although the customer keeps sending typing events: only messages count", async () => {
    const advisor = await availableAdvisor(idle.url, "advisor-fi", ["fi"]);
    const customer = await connectCustomer(idle.url);
    const messages = collect(customer, "chat:message");
    const start = await customer.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await customer.emitWithAck("chat:handoff", {});
    await advisor.socket.emitWithAck("chat:accept", { chatId: start.chatId });
    const typing = setInterval(() => customer.emit("chat:typing", { typing: true }, () => {}), 200);

    try {
      const warning = await eventually(
        () => messages.find((m) => m.text.startsWith("Oletko vielä paikalla?")),
        5_000,
      );
      expect(warning.from).toBe("system");
    } finally {
      clearInterval(typing);
      customer.disconnect();
      advisor.socket.disconnect();
    }
  });
});
