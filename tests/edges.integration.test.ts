import { mkdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Socket as NetSocket, type Server } from "node:net";
import { join } from "node:path";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runningClockFrom } from "../functions/domain/clock.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "../functions/local/embeddedDynamo.ts";
import { createIdpKeyStore } from "../functions/local/identityProvider.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { connectAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import { connectCustomer, OPEN_HOUR_ISO, startTestStack, tempDir } from "./support/localStack.ts";

// The service's edges through the real stack: storage that hangs (a TCP proxy in front of
// dynalite that stops answering), malformed and oversized HTTP requests, and the local data
// folder's permissions.

/** A TCP proxy to dynalite that, once hung, swallows everything and answers nothing. */
async function startHangingProxy(target: EmbeddedDynamo) {
  let hung = false;
  const sockets = new Set<NetSocket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection({ host: "127.0.0.1", port: target.port });
    client.on("data", (chunk) => {
      if (!hung) upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (!hung) client.write(chunk);
    });
    const close = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    client.on("error", close);
    upstream.on("close", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hang: (on: boolean) => {
      hung = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let dynamo: EmbeddedDynamo;
let proxy: Awaited<ReturnType<typeof startHangingProxy>>;
let stack: LocalServer;

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo({ port: 0 });
  proxy = await startHangingProxy(dynamo);
  stack = await startTestStack({
    clock: runningClockFrom(new Date(OPEN_HOUR_ISO)),
    env: { DYNAMODB_ENDPOINT: proxy.url, STORAGE_TIMEOUT_MS: undefined },
  });
});

afterAll(async () => {
  proxy?.hang(false);
  await stack?.close();
  await proxy?.close();
  await dynamo?.close();
});

describe("HTTP edges", () => {
  it("answers a malformed path with 400 naming the path, not 500", async () => {
    const res = await fetch(`${stack.url}/api/appointments/%E0%A4%A`, { method: "DELETE" });

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "VALIDATION_FAILED", message: "path: not a valid percent-encoded URL path" },
    });
  });

  it("answers a 2 MB body with 413, not a reset connection, and keeps serving", async () => {
    const res = await fetch(`${stack.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "fi", phone: "040 123 4567", topic: "x".repeat(2 << 20) }),
    });

    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "VALIDATION_FAILED", message: "body: larger than 1 MB" },
    });
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
  });
});

describe("browser origins", () => {
  it("refuses socket.io and /api to a page on another site; its own pages and scripts pass", async () => {
    const handshake = async (origin?: string) => {
      const socket = io(`${stack.url}/chat`, {
        transports: ["polling"],
        forceNew: true,
        reconnection: false,
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      try {
        return await new Promise<string>((resolve) => {
          socket.once("connect", () => resolve("connected"));
          socket.once("connect_error", (error) => resolve(error.message));
        });
      } finally {
        socket.disconnect();
      }
    };
    const api = (origin?: string) =>
      fetch(`${stack.url}/api/appointments/slots?lang=fi`, {
        headers: origin ? { origin } : {},
      });

    expect(await handshake("https://evil.example")).not.toBe("connected");
    expect(await handshake(stack.url)).toBe("connected");
    expect(await handshake()).toBe("connected");
    const refused = await api("https://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "FORBIDDEN", message: "origin: this site may not use the API" },
    });
    expect((await api(stack.url)).status).toBe(200);
    expect((await api()).status).toBe(200);
  });

  it("sends a staff page's address with a trailing slash to the page, and nothing else", async () => {
    const studio = await fetch(`${stack.url}/studio/?lang=sv`, { redirect: "manual" });
    const unknown = await fetch(`${stack.url}/nothing-here/`, { redirect: "manual" });

    expect(studio.status).toBe(308);
    expect(studio.headers.get("location")).toBe("/studio?lang=sv");
    expect((await fetch(`${stack.url}/console/reports/`)).url).toBe(`${stack.url}/console/reports`);
    expect(unknown.status).toBe(404);
  });

  it("lets the pages connect only to the allowed origins (CSP connect-src)", async () => {
    const csp = (await fetch(`${stack.url}/`)).headers.get("content-security-policy") ?? "";
    const connectSrc = /connect-src ([^;]*)/.exec(csp)?.[1]?.split(" ") ?? [];

    expect(connectSrc).toContain("'self'");
    expect(connectSrc).toContain(stack.url.replace(/^http/, "ws"));
    expect(connectSrc).not.toContain("ws:");
    expect(connectSrc).not.toContain("wss:");
  });
});

describe("storage down or hung", () => {
  it("readiness reports storage, a customer hears SERVICE_UNAVAILABLE within 3 s, a new advisor console is told why", async () => {
    expect(await (await fetch(`${stack.url}/readyz`)).json()).toEqual({
      status: "ready",
      checks: { storage: "ok" },
    });
    const first = await connectAdvisor(stack.url, "advisor-fi");
    const customer = await connectCustomer(stack.url);
    const token = await devToken(stack.url, "advisor-both");

    proxy.hang(true);
    try {
      const started = Date.now();
      const ack = await customer.timeout(10_000).emitWithAck("chat:start", { lang: "fi" });
      const waited = Date.now() - started;
      const ready = await fetch(`${stack.url}/readyz`);
      const second = io(`${stack.url}/advisor`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        auth: { token },
      });
      const refusal = await new Promise((resolve) => {
        second.once("connect", () => resolve("connected"));
        second.once("connect_error", (error) => resolve((error as { data?: unknown }).data));
      });
      second.disconnect();

      expect(ack).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
      expect(waited).toBeLessThan(3_000);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: "unavailable",
        checks: { storage: "unavailable" },
      });
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
      expect(refusal).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    } finally {
      proxy.hang(false);
      customer.disconnect();
      first.socket.disconnect();
    }
  });
});

describe("local data folder", () => {
  it("is created for its owner only, and so are the lock and the signing key", async () => {
    const dir = tempDir();
    const data = join(dir.path, "data");
    mkdirSync(data, { mode: 0o755 });
    const local = await startEmbeddedDynamo({ port: 0, dataDir: data });
    try {
      await createIdpKeyStore(data).signingKey();
      const mode = (path: string) => statSync(join(data, path)).mode & 0o777;

      expect(mode(".")).toBe(0o700);
      expect(mode("dynamodb")).toBe(0o700);
      expect(mode("service.lock")).toBe(0o600);
      expect(mode("idp-key.json")).toBe(0o600);
    } finally {
      await local.close();
      dir.remove();
    }
  });
});
