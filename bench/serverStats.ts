import { subscribe } from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";
import { ClientRequest } from "node:http";
import { Session } from "node:inspector";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { type StallTimeline, startStallTimeline } from "./stallTimeline.ts";

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
   * The same, by operation and table ("UpdateItem local-chats"), to tell who makes them; in
   * profiled runs (--cpu-prof) only, since reading the bodies costs CPU of its own.
   */
  httpRequestsByTable: Record<string, number>;
  /**
   * CPU time (user + system) this process used since the last reset: unlike latency, it does
   * not grow when other work on the machine takes the cores, so it compares across runs.
   */
  cpuMs: number;
  /** Event-loop lateness and GC pauses per tenth of a second since the last reset. */
  stalls: StallTimeline;
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
  const stalls = startStallTimeline();
  let httpRequests = 0;
  let byTarget: Record<string, number> = {};
  let cpuSince = process.cpuUsage();
  let byTable: Record<string, number> = {};
  // The SDK sends a DynamoDB request's JSON body in one end() call, before the request-start
  // channel fires: read its table names there (this process is the bench's own). Parsing
  // every body costs the server a few percent of its CPU, so only profiled runs count them.
  const end = ClientRequest.prototype.end;
  if (process.env.BENCH_PROFILE_DIR) {
    ClientRequest.prototype.end = function (this: ClientRequest, ...args: unknown[]) {
      const target = this.getHeader("x-amz-target");
      if (target) {
        const operation = String(target).replace(/^.*\./, "");
        for (const table of tablesIn(args[0])) {
          const key = `${operation} ${table}`;
          byTable[key] = (byTable[key] ?? 0) + 1;
        }
      }
      return (end as (...a: unknown[]) => ClientRequest).apply(this, args);
    } as typeof end;
  }
  subscribe("http.client.request.start", (message) => {
    httpRequests++;
    const request = (message as { request?: ClientRequest }).request;
    const target = String(request?.getHeader("x-amz-target") ?? "other").replace(/^.*\./, "");
    byTarget[target] = (byTarget[target] ?? 0) + 1;
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  const profiler = process.env.BENCH_PROFILE_DIR
    ? phaseProfiler(process.env.BENCH_PROFILE_DIR, process.env.BENCH_PROFILE_NAME ?? "server")
    : undefined;
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
      httpRequestsByTable: byTable,
      cpuMs: (() => {
        const used = process.cpuUsage(cpuSince);
        return (used.user + used.system) / 1_000;
      })(),
      stalls: stalls.read(),
    };
    if (profiler) {
      // A reset starts a measured phase and the next read ends it: profile exactly that.
      if (request.reset) await profiler.start();
      else await profiler.stop();
    }
    if (request.reset) {
      cpuSince = process.cpuUsage();
      loop.reset();
      stalls.reset();
      httpRequests = 0;
      byTarget = {};
      byTable = {};
    }
    send({ type: "stats", stats });
  });
  // The driver going away (even killed) must not leave a server behind.
  process.on("disconnect", () => process.exit(0));
}

/** The tables a DynamoDB request body names (batch requests name several). */
function tablesIn(body: unknown): string[] {
  if (typeof body !== "string" && !(body instanceof Uint8Array)) return [];
  try {
    const json = JSON.parse(Buffer.from(body).toString()) as {
      TableName?: string;
      RequestItems?: Record<string, unknown>;
      TransactItems?: Record<string, { TableName?: string }>[];
    };
    if (json.TableName) return [json.TableName];
    if (json.RequestItems) return Object.keys(json.RequestItems);
    return (json.TransactItems ?? []).flatMap((item) =>
      Object.values(item).flatMap((op) => (op.TableName ? [op.TableName] : [])),
    );
  } catch {
    return [];
  }
}

/**
 * A V8 CPU profile of the measured phase alone (node --cpu-prof would take the whole life of
 * the process, start-up training and module loading included, which hides the work per
 * question), written as <dir>/<name>-<time>.cpuprofile.
 */
function phaseProfiler(dir: string, name: string) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let running = false;
  return {
    async start() {
      if (running) return;
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 1000 });
      await post("Profiler.start");
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      const { profile } = (await post("Profiler.stop")) as { profile: object };
      writeFileSync(join(dir, `${name}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

export function send(report: ServerReport): void {
  process.send?.(report);
}
