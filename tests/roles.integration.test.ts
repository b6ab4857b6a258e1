import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import { startTestStack } from "./support/localStack.ts";

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

describe("roles", () => {
  it("refuses a supervisor's token on the advisor namespace: no chats, names or phone numbers", async () => {
    expect(await advisorHandshake("supervisor")).toEqual({
      code: "UNAUTHORIZED",
      message: "Not signed in as an advisor: this account has no advisor role.",
    });
    expect(await advisorHandshake("advisor-fi")).toBe("connected");
  });
});
