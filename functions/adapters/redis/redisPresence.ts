import type { createClient } from "redis";
import type { Lang } from "../../contracts/lang.ts";
import type { AdvisorStatus } from "../../contracts/protocol.ts";
import {
  type AdvisorIdentity,
  initialStatus,
  isAvailableFor,
  nextStatus,
  type PresenceRegistry,
} from "../../domain/handoff/presence.ts";

/** The Redis commands presence uses; any connected node-redis client has them. */
export type PresenceRedis = Pick<
  ReturnType<typeof createClient>,
  | "get"
  | "set"
  | "mGet"
  | "del"
  | "exists"
  | "hSet"
  | "hGet"
  | "hDel"
  | "hGetAll"
  | "hKeys"
  | "sAdd"
  | "sRem"
  | "sMembers"
>;

/** What is kept per advisor: the status they see, and the languages their token allows. */
interface StoredStatus extends AdvisorStatus {
  allowed: Lang[];
  /** Connections ever made, on any task (PresenceRegistry.connections). */
  made?: number;
}

export interface RedisPresenceOptions {
  /** A connected client; it may be the one the socket.io adapter uses (blocking reads duplicate it). */
  redis: PresenceRedis;
  /** This gateway task; unique per process. */
  nodeId: string;
  /** Namespaces the keys, so several stages can share one Redis. */
  keyPrefix: string;
  defaultMaxChats: number;
  /**
   * How long a task counts as alive after its last heartbeat; it beats every third of this.
   * Bounds how long a crashed task's advisors still count as available.
   */
  nodeTtlMs?: number;
  /** How long an advisor's status (available/away, languages, cap) outlives their connections. */
  statusTtlSeconds?: number;
  /** Heartbeat failures (Redis unreachable); the next heartbeat tries again. */
  onError?: (error: unknown) => void;
}

export interface RedisPresence extends PresenceRegistry {
  /** Registers this task and starts its heartbeat. */
  start(): Promise<void>;
  /**
   * Stops the heartbeat and leaves this task's advisors (and its chats' idle deadlines) for a
   * live task to claim, which gives them the grace period. Connections closing after this are
   * not written any more.
   */
  close(): Promise<void>;
  /** Whether a task other than this one is alive (beating) now. */
  otherTasksAlive(): Promise<boolean>;
}

/**
 * Presence shared by every gateway task through Redis. Each task counts its own console
 * connections in a hash of its own and proves it is alive with a key that expires unless the
 * task keeps beating; an advisor is connected while a live task counts a connection for them.
 * Statuses are shared, so routing on any task sees every advisor, and a status survives a
 * reconnect to another task. A task that finds another one dead claims its hash (exactly one
 * claimer wins) and reports the task and its advisors as lost, so that their chats are not
 * held forever and the chats that task watched for inactivity get a new watcher.
 */
export function createRedisPresence(options: RedisPresenceOptions): RedisPresence {
  const { redis, nodeId, defaultMaxChats } = options;
  const nodeTtlMs = options.nodeTtlMs ?? 15_000;
  const statusTtlSeconds = options.statusTtlSeconds ?? 12 * 3600;
  const onError = options.onError ?? (() => undefined);
  const prefix = `${options.keyPrefix}presence:`;
  const key = {
    nodes: `${prefix}nodes`,
    alive: (node: string) => `${prefix}alive:${node}`,
    connections: (node: string) => `${prefix}connections:${node}`,
    status: (advisorId: string) => `${prefix}status:${advisorId}`,
  };

  // This task's own connection counts: only this task writes its hash, always from here, so
  // the hash is whatever the last write said (and a heartbeat restores it after a Redis loss).
  const local = new Map<string, number>();
  const lostListeners: ((advisorIds: string[]) => void)[] = [];
  const taskLostListeners: (() => void)[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  async function writeLocal(advisorId: string): Promise<void> {
    const count = local.get(advisorId) ?? 0;
    if (count > 0) await redis.hSet(key.connections(nodeId), advisorId, count);
    else await redis.hDel(key.connections(nodeId), advisorId);
  }

  /** Connected advisors set available who serve `lang`, with their caps (on any task). */
  async function availableAdvisors(lang: Lang): Promise<{ advisorId: string; maxChats: number }[]> {
    const nodes = await liveNodes();
    const hashes = await Promise.all(nodes.map((node) => redis.hGetAll(key.connections(node))));
    const connected = new Set<string>();
    for (const hash of hashes) {
      for (const [advisorId, count] of Object.entries(hash)) {
        if (Number(count) > 0) connected.add(advisorId);
      }
    }
    if (connected.size === 0) return [];
    const ids = [...connected];
    const raw = await redis.mGet(ids.map((id) => key.status(id)));
    return ids.flatMap((advisorId, index) => {
      const stored = raw[index];
      const status = stored ? (JSON.parse(stored) as StoredStatus) : undefined;
      return status && isAvailableFor(status, lang)
        ? [{ advisorId, maxChats: status.maxChats }]
        : [];
    });
  }

  async function liveNodes(): Promise<string[]> {
    const nodes = await redis.sMembers(key.nodes);
    const alive = await Promise.all(nodes.map((node) => redis.exists(key.alive(node))));
    return nodes.filter((_node, i) => alive[i] === 1);
  }

  async function connectionsOf(advisorId: string): Promise<number> {
    const nodes = await liveNodes();
    const counts = await Promise.all(
      nodes.map((node) => redis.hGet(key.connections(node), advisorId)),
    );
    return counts.reduce((sum, count) => sum + Number(count ?? 0), 0);
  }

  async function readStatus(advisorId: string): Promise<StoredStatus | undefined> {
    const raw = await redis.get(key.status(advisorId));
    return raw ? (JSON.parse(raw) as StoredStatus) : undefined;
  }

  async function writeStatus(advisorId: string, status: StoredStatus): Promise<void> {
    await redis.set(key.status(advisorId), JSON.stringify(status), {
      expiration: { type: "EX", value: statusTtlSeconds },
    });
  }

  function visible({ allowed: _allowed, made: _made, ...status }: StoredStatus): AdvisorStatus {
    return status;
  }

  async function beat(): Promise<void> {
    await redis.set(key.alive(nodeId), "1", { expiration: { type: "PX", value: nodeTtlMs } });
    await redis.sAdd(key.nodes, nodeId);
    if (local.size > 0) {
      await redis.hSet(key.connections(nodeId), Object.fromEntries(local));
    }
    await sweep();
  }

  /** Claims the hashes of tasks that stopped beating and reports their advisors as lost. */
  async function sweep(): Promise<void> {
    const nodes = await redis.sMembers(key.nodes);
    for (const node of nodes) {
      if (node === nodeId || (await redis.exists(key.alive(node))) === 1) continue;
      // SREM answers 1 to one task only: that task alone takes over the dead one's advisors.
      if ((await redis.sRem(key.nodes, node)) !== 1) continue;
      const advisorIds = await redis.hKeys(key.connections(node));
      await redis.del(key.connections(node));
      for (const listener of taskLostListeners) listener();
      if (advisorIds.length === 0) continue;
      for (const listener of lostListeners) listener(advisorIds);
    }
  }

  return {
    async start() {
      await beat();
      heartbeat = setInterval(() => {
        beat().catch(onError);
      }, nodeTtlMs / 3);
      heartbeat.unref();
    },

    async close() {
      closed = true;
      clearInterval(heartbeat);
      // Left in the set of tasks even without advisors: the idle deadlines of the chats this
      // task watched need a live task, and the one that claims it takes them over. Others
      // see this task dead at their next heartbeat, not only after the TTL.
      await redis.del(key.alive(nodeId));
    },

    async otherTasksAlive() {
      return (await liveNodes()).some((node) => node !== nodeId);
    },

    async connect(identity: AdvisorIdentity) {
      const { advisorId } = identity;
      local.set(advisorId, (local.get(advisorId) ?? 0) + 1);
      if (closed)
        return { status: initialStatus(identity, defaultMaxChats), firstConnection: true };
      await writeLocal(advisorId);
      const stored = await readStatus(advisorId);
      const made = (stored?.made ?? 0) + 1;
      const status: StoredStatus = stored
        ? { ...stored, displayName: identity.displayName, allowed: [...identity.languages], made }
        : { ...initialStatus(identity, defaultMaxChats), allowed: [...identity.languages], made };
      await writeStatus(advisorId, status);
      const connections = await connectionsOf(advisorId);
      return { status: visible(status), firstConnection: connections === 1 };
    },

    async disconnect(advisorId) {
      local.set(advisorId, Math.max(0, (local.get(advisorId) ?? 0) - 1));
      if (local.get(advisorId) === 0) local.delete(advisorId);
      // A closing task leaves its advisors to the live ones (see close), so no grace here.
      if (closed) return false;
      await writeLocal(advisorId);
      return (await connectionsOf(advisorId)) === 0;
    },

    async setStatus(advisorId, request) {
      const current = await readStatus(advisorId);
      if (!current) throw new Error(`advisor ${advisorId} is not connected`);
      const status = nextStatus(
        current,
        { displayName: current.displayName, languages: current.allowed },
        request,
      );
      await writeStatus(advisorId, { ...status, allowed: current.allowed });
      return status;
    },

    async status(advisorId) {
      const stored = await readStatus(advisorId);
      return stored ? visible(stored) : undefined;
    },

    isConnected: async (advisorId) => (await connectionsOf(advisorId)) > 0,

    connections: async (advisorId) => (await readStatus(advisorId))?.made ?? 0,

    availableFor: async (lang) => (await availableAdvisors(lang)).length,

    availableAdvisors,

    onAdvisorsLost(listener) {
      lostListeners.push(listener);
    },

    onTaskLost(listener) {
      taskLostListeners.push(listener);
    },
  };
}
