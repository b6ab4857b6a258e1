/**
 * Two gateway processes on loopback, as two Fargate tasks: each runs the gateway's own
 * composition root (tests/support/gatewayNode.ts) and they share nothing but a Redis server
 * (socket.io events through the redis-streams adapter, advisor presence) and DynamoDB (one
 * dynalite). A customer on one process is handed off to an advisor on the other and later
 * resumes on the other process; a third process that stops leaves its departed customers to the
 * takeover. Needs Debian's redis-server; skips without it.
 */

import { type ChildProcess, fork } from "node:child_process";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { ensureTables } from "../functions/adapters/dynamodb/ensureTables.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import { runningClockFrom } from "../functions/domain/clock.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "../functions/local/embeddedDynamo.ts";
import {
  createIdentityProviderRoutes,
  createIdpKeyStore,
  localIssuer,
} from "../functions/local/identityProvider.ts";
import { connectAdvisor } from "./support/advisorConsole.ts";
import {
  type CustomerSocket,
  collect,
  eventually,
  OPEN_HOUR_ISO,
  ROOMY_LIMITS,
} from "./support/localStack.ts";
import {
  REDIS_SERVER,
  startRedisServer,
  type TestRedis,
  warnWithoutRedis,
} from "./support/redisServer.ts";

warnWithoutRedis("multi-node gateway test");

// Tuesday 24 November 2026, 10:00 in Helsinki: the human service is open.
const OPEN_HOUR = OPEN_HOUR_ISO;
const TABLE_PREFIX = "asiointi-multinode-";
const NODE_SCRIPT = fileURLToPath(new URL("./support/gatewayNode.ts", import.meta.url));

interface GatewayNode {
  url: string;
  stop(): Promise<void>;
}

/** Forks one gateway process and resolves with its URL once it listens. */
async function startNode(env: Record<string, string>): Promise<GatewayNode> {
  const child: ChildProcess = fork(NODE_SCRIPT, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // A gateway that does not drain in time is killed: no process outlives the test.
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("gateway did not start in 30 s")), 30_000);
      child.once("message", (m: { type: string; url?: string; message?: string }) => {
        clearTimeout(timer);
        if (m.type === "ready" && m.url) resolve(m.url);
        else reject(new Error(`gateway failed: ${m.message ?? m.type}`));
      });
      child.once("exit", (code) => reject(new Error(`gateway exited (${code})`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

describe.skipIf(!REDIS_SERVER)("gateway on two processes sharing Redis", () => {
  let redis: TestRedis | undefined;
  let dynamo: EmbeddedDynamo | undefined;
  let idp: HttpServer | undefined;
  let idpUrl = "";
  let nodes: GatewayNode[] = [];
  let nodeEnv: Record<string, string> = {};
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Prepare: the shared services (Redis, DynamoDB, the identity provider), then two nodes.
    redis = await startRedisServer();
    dynamo = await startEmbeddedDynamo({ port: 0 });
    const { client } = createDynamoClients({ region: "eu-north-1", endpoint: dynamo.endpoint });
    await ensureTables(client, TABLE_PREFIX);
    client.destroy();
    // One fake clock for every process: OPEN_HOUR now, running from here (FAKE_TIME_AT).
    const fakeTimeAt = Date.now();
    // The local identity provider's routes on a server of their own: both nodes verify its
    // tokens through its JWKS, as tasks verify Cognito's.
    const routes = createIdentityProviderRoutes({
      baseUrl: () => idpUrl,
      keyStore: createIdpKeyStore(":memory:"),
      clock: runningClockFrom(new Date(OPEN_HOUR)),
      production: false,
    });
    idp = createServer((req, res) => {
      if (!routes(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => idp?.listen(0, "127.0.0.1", () => resolve()));
    idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const env = {
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "error",
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_PREFIX,
      REDIS_URL: redis.url,
      OIDC_ISSUER: localIssuer(idpUrl),
      OIDC_JWKS_URL: `${localIssuer(idpUrl)}/jwks.json`,
      FAKE_TIME: OPEN_HOUR,
      FAKE_TIME_AT: String(fakeTimeAt),
      // The idle-chat watch is per process and not under test here.
      CHAT_IDLE_WARNING_SECONDS: "0",
      // Short, so that a departure found by a takeover is acted on within the test.
      QUEUE_CUSTOMER_GRACE_SECONDS: "1",
      ...ROOMY_LIMITS,
    };
    nodeEnv = env;
    nodes = await Promise.all([startNode(env), startNode(env)]);
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
    await dynamo?.close();
    await redis?.stop();
  }, 30_000);

  async function connected<S extends Socket>(socket: S): Promise<S> {
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  }

  /** An advisor console on `node`, signed in at the shared identity provider. */
  async function advisorOn(node: GatewayNode, persona: string) {
    const advisor = await connectAdvisor(node.url, persona, idpUrl);
    sockets.push(advisor.socket);
    return advisor;
  }

  function customerOn(node: GatewayNode): Promise<CustomerSocket> {
    return connected(
      io(`${node.url}/chat`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
      }) as CustomerSocket,
    );
  }

  it("hands a customer on one process to an advisor on the other, and the customer resumes on the other process without loss", async () => {
    const [a, b] = nodes as [GatewayNode, GatewayNode];

    // Prepare: an available Finnish advisor on B only.
    const advisor = await advisorOn(b, "advisor-fi");
    const status = await advisor.socket.emitWithAck("advisor:status", {
      status: "available",
      languages: ["fi"],
    });
    expect(status).toMatchObject({ ok: true, status: "available" });
    // A customer on A.
    const onA = await customerOn(a);
    const seenOnA = collect(onA, "chat:message");
    const statesOnA = collect(onA, "chat:state");
    const start = await onA.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error(start.error.message);
    const { chatId, resumeToken } = start;

    // Act: the customer asks for a person. Routing runs on A, which must see B's advisor.
    await onA.emitWithAck("chat:message", { text: "Haluan puhua asiakasneuvojan kanssa" });
    // Assess: queued, not offered a callback for want of advisors; B's console shows the chat.
    await eventually(
      () =>
        statesOnA.some((s) => s.state === "queued") ||
        seenOnA.some((m) => m.actions?.some((action) => action.type === "callback")),
    );
    expect(statesOnA.map((s) => s.state)).toContain("queued");
    expect(statesOnA.find((s) => s.state === "queued")).toMatchObject({ queuePosition: 1 });
    await eventually(() =>
      advisor.seen.queue.at(-1)?.waiting.some((entry) => entry.chatId === chatId),
    );

    // Act: the advisor on B accepts.
    const accepted = await advisor.socket.emitWithAck("chat:accept", { chatId });
    // Assess: B got the bot conversation; the customer on A is told who joined.
    expect(accepted).toMatchObject({ ok: true });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.transcript.map((m) => m.text)).toContain("Haluan puhua asiakasneuvojan kanssa");
    await eventually(() => statesOnA.find((s) => s.state === "advisor"));
    expect(statesOnA.find((s) => s.state === "advisor")?.advisor?.displayName).toBeTruthy();

    // Act + Assess: messages both ways between the processes.
    const fromAdvisor = await advisor.socket.emitWithAck("chat:message", {
      chatId,
      text: "Hei, miten voin auttaa?",
    });
    expect(fromAdvisor).toMatchObject({ ok: true });
    await eventually(() => seenOnA.some((m) => m.text === "Hei, miten voin auttaa?"));
    await onA.emitWithAck("chat:message", { text: "Kysyisin verokortista." });
    await eventually(() => advisor.seen.messages.some((m) => m.text === "Kysyisin verokortista."));

    // Act: the customer drops off A; the advisor writes meanwhile; the customer comes back on
    // B with the resume token and the last message they saw.
    const lastSeen = seenOnA.at(-1)?.id;
    onA.disconnect();
    await advisor.socket.emitWithAck("chat:message", { chatId, text: "Oletko vielä siellä?" });
    await advisor.socket.emitWithAck("chat:message", { chatId, text: "Katson tietojasi." });
    const onB = await customerOn(b);
    const seenOnB = collect(onB, "chat:message");
    const statesOnB = collect(onB, "chat:state");
    const resumed = await onB.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken,
      lastMessageId: lastSeen,
    });

    // Assess: the same chat, still with the advisor, and exactly what was missed.
    expect(resumed).toMatchObject({ ok: true, chatId, state: "advisor" });
    await eventually(() => statesOnB.length > 0);
    expect(seenOnB.map((m) => m.text)).toEqual(["Oletko vielä siellä?", "Katson tietojasi."]);

    // Act + Assess: the conversation goes on from B.
    await onB.emitWithAck("chat:message", { text: "Olen täällä." });
    await eventually(() => advisor.seen.messages.some((m) => m.text === "Olen täällä."));
    await advisor.socket.emitWithAck("chat:message", { chatId, text: "Hyvä, jatketaan." });
    await eventually(() => seenOnB.some((m) => m.text === "Hyvä, jatketaan."));

    // Assess: across both connections the customer saw the stored transcript exactly once,
    // in order, with nothing missing.
    const { doc } = createDynamoClients({
      region: "eu-north-1",
      endpoint: dynamo?.endpoint ?? "",
    });
    const stored = await createDynamoChatStore(doc, tableNames(TABLE_PREFIX)).listMessages(chatId);
    const received = [...seenOnA, ...seenOnB].map((m) => m.id);
    expect(received).toEqual(stored.map((m) => m.id));
  }, 60_000);

  it("after a task stops, takes its departed customer's chat out of the queue but keeps the one whose customer is connected to another task", async () => {
    const [a] = nodes as [GatewayNode, GatewayNode];

    // Prepare: an available advisor on A; a third task C. A customer waits through A and
    // stays; another waits through C and closes the tab; then C stops (a deploy, a scale-in)
    // before its own grace period for that customer ends, and takes its timer with it.
    const advisor = await advisorOn(a, "advisor-both");
    await advisor.socket.emitWithAck("advisor:status", { status: "available", languages: ["fi"] });
    const c = await startNode(nodeEnv);
    const queuedOn = async (node: GatewayNode) => {
      const socket = await customerOn(node);
      const start = await socket.emitWithAck("chat:start", { lang: "fi" });
      if (!start.ok) throw new Error(start.error.message);
      expect(await socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
      return { socket, chatId: start.chatId };
    };
    const staying = await queuedOn(a);
    const leaving = await queuedOn(c);
    leaving.socket.disconnect();
    await c.stop();

    // Act: a live task claims C and takes over the open chats (within a few heartbeats).
    // Assess: the departed customer's chat leaves the queue; the connected one stays in it.
    await eventually(
      () =>
        advisor.lastQueue().length > 0 &&
        !advisor.lastQueue().some((w) => w.chatId === leaving.chatId),
      40_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(advisor.lastQueue().map((w) => w.chatId)).toEqual([staying.chatId]);
  }, 90_000);
});
