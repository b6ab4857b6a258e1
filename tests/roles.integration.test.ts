import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import { collect, connectCustomer, eventually, startTestStack } from "./support/localStack.ts";

// Who may see what, through the real stack: tokens from the local identity provider, the
// real /advisor namespace and HTTP API on 127.0.0.1.

let stack: LocalServer;

beforeAll(async () => {
  stack = await startTestStack();
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
  it("refuses a supervisor's token on the advisor namespace: no chats, names or phone numbers", async () => {
    expect(await advisorHandshake("supervisor")).toEqual({
      code: "UNAUTHORIZED",
      message: "Not signed in as an advisor: this account has no advisor role.",
    });
    expect(await advisorHandshake("advisor-fi")).toBe("connected");
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

    expect(first.ok && resend.ok && first.id === resend.id).toBe(true);
    await eventually(() => live.find((m) => m.from === "bot"));
    socket.disconnect();
    expect(await everythingStored()).not.toContain(HETU);
  });
});
