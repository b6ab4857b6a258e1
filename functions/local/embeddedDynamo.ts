import { readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import dynalite from "dynalite";
import { ensurePrivateDir } from "./privateDir.ts";

/** The data directory is owned by another running process. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export interface EmbeddedDynamo {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts dynalite in this process on 127.0.0.1. With `dataDir` the tables live on disk and
 * survive restarts; one process at a time may own a data directory (guarded by a lock file).
 */
export async function startEmbeddedDynamo(options: {
  port: number;
  dataDir?: string;
}): Promise<EmbeddedDynamo> {
  let releaseLock = () => {};
  let path: string | undefined;
  if (options.dataDir) {
    ensurePrivateDir(options.dataDir);
    releaseLock = acquireLock(join(options.dataDir, "service.lock"));
    path = join(options.dataDir, "dynamodb");
    ensurePrivateDir(path);
  }
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    releaseLock();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `DYNAMODB_PORT ${options.port} is already in use on 127.0.0.1; stop what uses it or set DYNAMODB_PORT to a free port (0 picks one).`,
      );
    }
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          releaseLock();
          resolve();
        });
      }),
  };
}

// Locks this process holds, so a second server in the same process (tests) is refused too.
const heldLocks = new Set<string>();

function acquireLock(lockPath: string): () => void {
  if (heldLocks.has(lockPath)) {
    throw new DataDirLockedError(
      `The data directory is in use by another running service in this process. Stop it first, or set DATA_DIR to another directory.`,
    );
  }
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(lockPath, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new DataDirLockedError(
        `The data directory is in use by another running service (pid ${owner}). Stop it first, or set DATA_DIR to another directory.`,
      );
    }
    // The previous owner died without cleaning up: take the lock over.
    writeFileSync(lockPath, String(process.pid), { mode: 0o600 });
  }
  heldLocks.add(lockPath);
  return () => {
    heldLocks.delete(lockPath);
    rmSync(lockPath, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
