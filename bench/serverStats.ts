import { subscribe } from "node:diagnostics_channel";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** What a benchmarked server reports about itself over IPC. */
export interface ServerStats {
  rssKb: number;
  heapUsedKb: number;
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** HTTP requests this process made (to DynamoDB, locally) since the last reset. */
  httpRequests: number;
  /** The same, by DynamoDB operation (x-amz-target). */
  httpRequestsByTarget: Record<string, number>;
  /**
   * CPU time (user + system) this process used since the last reset: unlike latency, it does
   * not grow when other work on the machine takes the cores, so it compares across runs.
   */
  cpuMs: number;
}

/** Requests the load driver sends to a server child process. */
export type StatsRequest = { type: "stats"; reset?: boolean; gc?: boolean };

/** Messages a server child sends to the load driver. */
export type ServerReport =
  | { type: "ready"; url: string }
  | { type: "stats"; stats: ServerStats }
  | { type: "failed"; message: string };

/**
 * Answers the driver's stats requests from inside the server process: RSS after an optional
 * full GC (so idle-connection figures are not heap garbage) and event-loop delay since the
 * last reset.
 */
export function serveStatsOverIpc(): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let httpRequests = 0;
  let byTarget: Record<string, number> = {};
  let cpuSince = process.cpuUsage();
  subscribe("http.client.request.start", (message) => {
    httpRequests++;
    const request = (message as { request?: { getHeader(name: string): unknown } }).request;
    const target = String(request?.getHeader("x-amz-target") ?? "other").replace(/^.*\./, "");
    byTarget[target] = (byTarget[target] ?? 0) + 1;
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on("message", async (request: StatsRequest) => {
    if (request.type !== "stats") return;
    if (request.gc && gc) {
      // Several times, with pauses: V8 hands freed pages back to the OS lazily.
      for (let round = 0; round < 3; round++) {
        gc();
        await new Promise((r) => setTimeout(r, 400));
      }
    }
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      rssKb: Math.round(memory.rss / 1024),
      heapUsedKb: Math.round(memory.heapUsed / 1024),
      loopP50Ms: loop.percentile(50) / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      httpRequests,
      httpRequestsByTarget: byTarget,
      cpuMs: (() => {
        const used = process.cpuUsage(cpuSince);
        return (used.user + used.system) / 1_000;
      })(),
    };
    if (request.reset) {
      cpuSince = process.cpuUsage();
      loop.reset();
      httpRequests = 0;
      byTarget = {};
    }
    send({ type: "stats", stats });
  });
  // The driver going away (even killed) must not leave a server behind.
  process.on("disconnect", () => process.exit(0));
}

export function send(report: ServerReport): void {
  process.send?.(report);
}
