/**
 * A throwaway Redis for tests: Debian's redis-server on a free loopback port, in memory only.
 * Tests that need it skip (with a message) where redis-server is not installed; `.ci/run`
 * installs it.
 */
import { execFileSync, spawn } from "node:child_process";
import { connect as connectTcp, createServer } from "node:net";

/** The redis-server binary on PATH, or undefined. */
export const REDIS_SERVER = (() => {
  try {
    return (
      execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
})();

/** Logs why a suite is skipped; call at module level of a test that needs Redis. */
export function warnWithoutRedis(suite: string): void {
  if (!REDIS_SERVER) {
    console.warn(`${suite} skipped: redis-server not installed (apt-get install redis-server)`);
  }
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (released before it is returned, so take it quickly). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts redis-server without persistence; `stop` kills it and waits for it to exit. */
export async function startRedisServer(): Promise<TestRedis> {
  if (!REDIS_SERVER) throw new Error("redis-server is not installed");
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(port);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
