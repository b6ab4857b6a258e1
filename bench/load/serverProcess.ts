// A benchmarked server in a child process of its own, driven and read over IPC.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServerReport, ServerStats, StatsRequest } from "../serverStats.ts";

export interface ServerProcess {
  url: string;
  stats(request?: Omit<StatsRequest, "type">): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Starts one of the bench's servers (`script` relative to bench/) and waits until it listens. */
export async function startServer(
  script: string,
  extraExecArgv: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL(`../${script}`, import.meta.url)), [], {
    execArgv: ["--import", "tsx", "--expose-gc", ...extraExecArgv],
    // The server's own output goes to stderr, so that stdout ends with the JSON line.
    stdio: ["ignore", 2, 2, "ipc"],
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error", ...env },
  });
  const next = (type: ServerReport["type"]) =>
    new Promise<ServerReport>((resolve, reject) => {
      const onMessage = (report: ServerReport) => {
        if (report.type !== type && report.type !== "failed") return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(report);
      };
      const onExit = (code: number | null) => reject(new Error(`${script} exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = await next("ready");
  if (ready.type === "failed") throw new Error(`${script}: ${ready.message}`);
  if (ready.type !== "ready") throw new Error(`${script}: unexpected ${ready.type}`);
  return {
    url: ready.url,
    async stats(request = {}) {
      const answer = next("stats");
      child.send({ type: "stats", ...request } satisfies StatsRequest);
      const report = await answer;
      if (report.type !== "stats") throw new Error(`${script}: no stats`);
      return report.stats;
    },
    async stop() {
      // Disconnecting makes the child exit normally, so a --cpu-prof profile gets written.
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.disconnect();
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
