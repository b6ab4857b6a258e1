/**
 * Presence shared through a real Redis (Debian redis-server, started on a free port): the
 * same promises as the in-memory registry, plus what only several gateway tasks can show.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../tests/support/localStack.ts";
import {
  REDIS_SERVER,
  startRedisServer,
  type TestRedis,
  warnWithoutRedis,
} from "../../../tests/support/redisServer.ts";
import { describePresenceContract } from "../../domain/handoff/presenceContract.ts";
import { createRedisPresence, type RedisPresence } from "./redisPresence.ts";

warnWithoutRedis("Redis presence tests");

const anna = { advisorId: "a-1", displayName: "Anna", languages: ["fi", "sv"] as ("fi" | "sv")[] };

describe.skipIf(!REDIS_SERVER)("presence shared through Redis", () => {
  let server: TestRedis;
  const clients: { quit(): Promise<unknown>; destroy(): unknown }[] = [];
  const registries: RedisPresence[] = [];

  /** One gateway task's registry: its own client and node id, the given key prefix. */
  async function task(prefix: string, nodeTtlMs = 15_000): Promise<RedisPresence> {
    const redis = createClient({ url: server.url });
    redis.on("error", () => undefined);
    await redis.connect();
    clients.push(redis);
    const presence = createRedisPresence({
      redis,
      nodeId: randomUUID(),
      keyPrefix: prefix,
      defaultMaxChats: 3,
      nodeTtlMs,
      onError: () => undefined,
    });
    await presence.start();
    registries.push(presence);
    return presence;
  }

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterEach(async () => {
    await Promise.all(registries.splice(0).map((r) => r.close().catch(() => undefined)));
    await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => undefined)));
  });

  afterAll(async () => {
    await server?.stop();
  });

  describePresenceContract("Redis", () => task(`t-${randomUUID()}:`));

  it("counts an advisor connected through one task as available on another", async () => {
    // Prepare
    const prefix = `t-${randomUUID()}:`;
    const [a, b] = [await task(prefix), await task(prefix)];
    // Act
    await a.connect(anna);
    await a.setStatus(anna.advisorId, { status: "available", languages: ["fi"], maxChats: 2 });
    // Assess
    expect(await b.availableFor("fi")).toBe(1);
    expect(await b.availableFor("sv")).toBe(0);
    expect(await b.isConnected(anna.advisorId)).toBe(true);
    expect(await b.status(anna.advisorId)).toMatchObject({ status: "available", maxChats: 2 });
  });

  it("keeps an advisor connected while any task holds a connection, and the status over a move", async () => {
    // Prepare
    const prefix = `t-${randomUUID()}:`;
    const [a, b] = [await task(prefix), await task(prefix)];
    await a.connect(anna);
    await a.setStatus(anna.advisorId, { status: "available", languages: ["sv"] });
    // Act: the console opens on B, then the one on A closes.
    const onB = await b.connect(anna);
    const lastGone = await a.disconnect(anna.advisorId);
    // Assess
    expect(onB).toMatchObject({ firstConnection: false, status: { status: "available" } });
    expect(lastGone).toBe(false);
    expect(await a.availableFor("sv")).toBe(1);
    expect(await b.disconnect(anna.advisorId)).toBe(true);
    expect(await a.availableFor("sv")).toBe(0);
  });

  it("stops counting the advisors of a task that dies, and tells one live task they were lost", async () => {
    // Prepare: A beats every 100 ms and counts as dead 300 ms after its last beat.
    const prefix = `t-${randomUUID()}:`;
    const a = await task(prefix, 300);
    const [b, c] = [await task(prefix, 300), await task(prefix, 300)];
    const lost: string[][] = [];
    b.onAdvisorsLost?.((ids) => lost.push(ids));
    c.onAdvisorsLost?.((ids) => lost.push(ids));
    await a.connect(anna);
    await a.setStatus(anna.advisorId, { status: "available", languages: ["fi"] });
    expect(await b.availableFor("fi")).toBe(1);
    // Act: A's connection to Redis is cut; it neither beats nor says goodbye.
    await clients[0]?.destroy();
    // Assess: after the TTL nobody counts Anna, and exactly one live task takes her over.
    await eventually(async () => (await b.availableFor("fi")) === 0 || undefined);
    await eventually(() => lost.length > 0 || undefined, 2_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(lost).toEqual([[anna.advisorId]]);
  });

  it("hands a stopping task's advisors to a live task at once", async () => {
    // Prepare
    const prefix = `t-${randomUUID()}:`;
    const a = await task(prefix);
    const b = await task(prefix, 300);
    const lost: string[][] = [];
    b.onAdvisorsLost?.((ids) => lost.push(ids));
    await a.connect(anna);
    // Act: A drains (SIGTERM); its sockets close after presence did.
    await a.close();
    expect(await a.disconnect(anna.advisorId)).toBe(false);
    // Assess: B learns within its heartbeat, long before A's 15 s TTL would run out.
    await eventually(() => lost.length > 0 || undefined, 1_000);
    expect(lost).toEqual([[anna.advisorId]]);
    expect(await b.isConnected(anna.advisorId)).toBe(false);
  });

  it("tells exactly one live task when a task without advisors stops, for its chats' idle deadlines", async () => {
    // Prepare
    const prefix = `t-${randomUUID()}:`;
    const a = await task(prefix);
    const [b, c] = [await task(prefix, 300), await task(prefix, 300)];
    let lost = 0;
    b.onTaskLost?.(() => {
      lost += 1;
    });
    c.onTaskLost?.(() => {
      lost += 1;
    });
    // Act: A drains with no console connected.
    await a.close();
    // Assess
    await eventually(() => lost > 0 || undefined, 1_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(lost).toBe(1);
  });

  it("knows whether any other task is alive", async () => {
    // Prepare
    const prefix = `t-${randomUUID()}:`;
    const a = await task(prefix);
    const alone = await a.otherTasksAlive();
    // Act
    const b = await task(prefix);
    // Assess
    expect(alone).toBe(false);
    expect(await a.otherTasksAlive()).toBe(true);
    await b.close();
    expect(await a.otherTasksAlive()).toBe(false);
  });
});
