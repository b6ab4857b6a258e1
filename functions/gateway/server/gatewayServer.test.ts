/**
 * Two gateway nodes on loopback sharing one Redis through @socket.io/redis-streams-adapter,
 * over one embedded DynamoDB: what a customer on one Fargate task and a connection on
 * another see. Needs Debian's redis-server (`apt-get install redis-server`); skips without it.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../tests/support/localStack.ts";
import {
  REDIS_SERVER,
  startRedisServer,
  type TestRedis,
  warnWithoutRedis,
} from "../../../tests/support/redisServer.ts";
import { createDynamoClients } from "../../adapters/dynamodb/client.ts";
import { ensureTables } from "../../adapters/dynamodb/ensureTables.ts";
import { loadConfig } from "../../config.ts";
import type { CustomerToServerEvents, ServerToCustomerEvents } from "../../contracts/protocol.ts";
import type { Bot } from "../../domain/dialogue/bot.ts";
import { welcomeMessages } from "../../domain/dialogue/welcome.ts";
import type { IdentityVerifier } from "../../domain/identity/identity.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "../../local/embeddedDynamo.ts";
import { createLogger } from "../../observability/logger.ts";
import { chatRoom } from "../rooms.ts";
import { type Gateway, startGateway } from "./gatewayServer.ts";

type CustomerSocket = Socket<ServerToCustomerEvents, CustomerToServerEvents>;

warnWithoutRedis("gateway multi-node tests");

/** Answers every message with an echo: the test is about transport, not dialogue. */
const echoBot: Bot = {
  welcome: welcomeMessages,
  reply: async (_chat, text) => ({
    messages: [{ from: "bot", text: `kaiku: ${text}` }],
    missed: false,
  }),
};
const noIdentity: IdentityVerifier = {
  verifyCustomer: async () => {
    throw new Error("not in this test");
  },
  verifyStaff: async () => {
    throw new Error("not in this test");
  },
};

describe.skipIf(!REDIS_SERVER)("gateway on two nodes sharing Redis", () => {
  let redis: TestRedis;
  let dynamo: EmbeddedDynamo;
  let a: Gateway;
  let b: Gateway;
  const sockets: CustomerSocket[] = [];

  function connect(node: Gateway, options: { autoConnect?: boolean } = {}): CustomerSocket {
    const socket: CustomerSocket = io(`${node.url}/chat`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      ...options,
    });
    sockets.push(socket);
    return socket;
  }
  async function connected(socket: CustomerSocket): Promise<CustomerSocket> {
    if (!socket.connected) {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
    }
    return socket;
  }

  beforeAll(async () => {
    // Prepare: Redis and DynamoDB as the two nodes' shared state, nothing else shared.
    redis = await startRedisServer();
    dynamo = await startEmbeddedDynamo({ port: 0 });
    const base = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_PREFIX: "asiointi-multinode-",
      LOG_LEVEL: "silent",
    });
    const { client } = createDynamoClients({ region: base.AWS_REGION, endpoint: dynamo.endpoint });
    await ensureTables(client, base.TABLE_PREFIX);
    client.destroy();
    const config = { ...base, REDIS_URL: redis.url };
    const start = () =>
      startGateway({ config, logger: createLogger("silent"), bot: echoBot, identity: noIdentity });
    a = await start();
    b = await start();
  }, 30_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.close(), b?.close()]);
    await dynamo?.close();
    await redis?.stop();
  });

  it("delivers a room broadcast from one node to a customer connected to the other", async () => {
    // Prepare
    const customer = await connected(connect(a));
    const start = await customer.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    const received: string[] = [];
    customer.on("chat:message", (m) => received.push(m.text));
    // Act: node B emits to the chat's room, which has no member on B.
    b.io
      .of("/chat")
      .to(chatRoom(start.chatId))
      .emit("chat:message", {
        id: "from-b",
        chatId: start.chatId,
        from: "advisor",
        text: "Hei, olen asiakasneuvoja.",
        sentAt: new Date().toISOString(),
      } as never);
    // Assess
    await eventually(() => received.includes("Hei, olen asiakasneuvoja."));
  });

  it("lets messages flow both ways between connections of one chat on different nodes", async () => {
    // Prepare: the customer on A, the same chat resumed on B (a second tab, or a reconnect).
    const onA = await connected(connect(a));
    const start = await onA.emitWithAck("chat:start", { lang: "sv" });
    if (!start.ok) throw new Error("start failed");
    const onB = await connected(connect(b));
    const resumed = await onB.emitWithAck("chat:start", {
      lang: "sv",
      resumeToken: start.resumeToken,
    });
    expect(resumed).toMatchObject({ ok: true, chatId: start.chatId });
    const seenOnA: string[] = [];
    const seenOnB: string[] = [];
    onA.on("chat:message", (m) => seenOnA.push(m.text));
    onB.on("chat:message", (m) => seenOnB.push(m.text));
    // Act
    await onA.emitWithAck("chat:message", { text: "fråga från A" });
    await onB.emitWithAck("chat:message", { text: "fråga från B" });
    // Assess: each node's answer reaches the connection on the other node.
    await eventually(() => seenOnB.includes("kaiku: fråga från A"));
    await eventually(() => seenOnA.includes("kaiku: fråga från B"));
  });

  it("recovers a dropped connection on the other node without losing what was sent meanwhile", async () => {
    // Prepare: connected to A, with a recovery session (pid and offset) from a first event.
    const first = await connected(connect(a));
    const start = await first.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await eventually(() => (first as unknown as { _lastOffset?: string })._lastOffset);
    const { _pid: pid, _lastOffset: offset } = first as unknown as {
      _pid: string;
      _lastOffset: string;
    };
    // Act: the connection drops (A persists the session in Redis), the chat moves on from
    // B meanwhile, and the client comes back to B with its session.
    first.io.engine.close();
    await eventually(() => !first.connected);
    await new Promise((r) => setTimeout(r, 200));
    b.io
      .of("/chat")
      .to(chatRoom(start.chatId))
      .emit("chat:message", {
        id: "while-away",
        chatId: start.chatId,
        from: "bot",
        text: "Tämä lähti, kun olit poissa.",
        sentAt: new Date().toISOString(),
      } as never);
    await new Promise((r) => setTimeout(r, 200));
    const again = connect(b, { autoConnect: false });
    Object.assign(again, { _pid: pid, _lastOffset: offset });
    const received: string[] = [];
    again.on("chat:message", (m) => received.push(m.text));
    again.connect();
    await connected(again);
    // Assess
    expect(again.recovered).toBe(true);
    await eventually(() => received.includes("Tämä lähti, kun olit poissa."));
  });
});
