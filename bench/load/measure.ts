// One measured run against a server: connect the customers (memory per idle connection on
// the way), let them chat for the phase, then check every transcript.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ServerStats } from "../serverStats.ts";
import { startStallTimeline } from "../stallTimeline.ts";
import { type Accounting, verifyTranscripts } from "./accounting.ts";
import { connectAdvisors } from "./advisors.ts";
import { ask, connectAll, runCustomer, startChat, startChatsBeforePhase } from "./customers.ts";
import {
  burstCauses,
  type LoadRun,
  newLoadRun,
  type RunMetrics,
  sleep,
  slowReplyTimeline,
} from "./metrics.ts";
import type { ServerProcess } from "./serverProcess.ts";

export interface RunResult {
  metrics: RunMetrics;
  /** Customers in the run. */
  concurrent: number;
  /** Length of the measured phase, as asked for. */
  phaseSeconds: number;
  /** Until the last customer had finished, phase and tail. */
  seconds: number;
  rssPerIdleConnKb: number;
  heapPerIdleConnKb: number;
  server: ServerStats;
  driverLoopP99Ms: number;
  /** When the slowest 1 % of replies arrived (metrics.ts, slowReplyTimeline). */
  slowReplies: string;
  /** What the driver, server and storage did in the seconds of those bursts (burstCauses). */
  burstCauses: string;
  /** The driver's own CPU during the measured phase: it shares the cores with the servers. */
  driverCpuMs: number;
  storage?: ServerStats;
  accounting?: Accounting;
  during?: unknown;
}

export interface MeasureOptions {
  concurrent: number;
  seconds: number;
  verify: boolean;
  warmUp: boolean;
  advisors: boolean;
  /** The storage process (dynalite), read over the same measured phase as the server. */
  storage?: ServerProcess;
  /** Work run against the server during the measured phase, beside the customers. */
  during?: (url: string, endAt: number) => Promise<unknown>;
  /** Customers vote on some answers (chat:feedback). */
  votes?: boolean;
}

export async function measure(server: ServerProcess, options: MeasureOptions): Promise<RunResult> {
  const { concurrent } = options;
  const run: LoadRun = newLoadRun();
  run.customersVote = options.votes === true;
  const { metrics } = run;
  if (options.warmUp) {
    // Load the recogniser, content and JIT before the baseline, as a running service has.
    const warm = newLoadRun();
    const [first] = await connectAll(server.url, 1, warm);
    if (first) {
      await startChat(first, warm);
      for (let i = 0; i < 5; i++) await ask(first, warm);
      first.socket.disconnect();
    }
  }
  // RSS per idle connection: the growth from the first half of the connections to all of
  // them, so that memory the process gives back after warm-up does not count as negative.
  const firstHalf = Math.max(1, Math.floor(concurrent / 2));
  const customers = await connectAll(server.url, firstHalf, run, 0);
  await sleep(2_000);
  const before = await server.stats({ gc: true });
  customers.push(...(await connectAll(server.url, concurrent - firstHalf, run, firstHalf)));
  await sleep(500);
  const idle = await server.stats({ gc: true });
  const added = Math.max(1, concurrent - firstHalf);
  const rssPerIdleConnKb = (idle.rssKb - before.rssKb) / added;
  // The JavaScript heap alone: steadier than RSS, which also moves as V8 returns pages.
  const heapPerIdleConnKb = (idle.heapUsedKb - before.heapUsedKb) / added;

  const advisors = options.advisors ? await connectAdvisors(server.url, run) : [];
  run.advisorsOnline = advisors.length > 0;
  await startChatsBeforePhase(customers, run);
  await sleep(500);
  await server.stats({ reset: true });
  await options.storage?.stats({ reset: true });
  const driverLoop = monitorEventLoopDelay({ resolution: 10 });
  driverLoop.enable();
  const driverStalls = startStallTimeline();
  const driverCpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const endAt = startedAt + options.seconds * 1_000;
  metrics.phaseEndsAt = endAt;
  // The chats started before the phase delivered their welcomes outside it.
  metrics.ackedInPhase = 0;
  metrics.deliveredInPhase = 0;
  const [during] = await Promise.all([
    options.during?.(server.url, endAt),
    ...customers.map((c) => runCustomer(c, endAt, run)),
  ]);
  const seconds = (performance.now() - startedAt) / 1_000;
  driverLoop.disable();
  driverStalls.stop();
  const serverStats = await server.stats();
  const storageStats = await options.storage?.stats();
  const driverCpu = process.cpuUsage(driverCpuAtStart);
  await sleep(500);
  const accounting = options.verify ? await verifyTranscripts(customers, metrics) : undefined;
  for (const c of customers) c.socket.disconnect();
  for (const a of advisors) a.disconnect();
  return {
    metrics,
    concurrent,
    phaseSeconds: options.seconds,
    seconds,
    rssPerIdleConnKb,
    heapPerIdleConnKb,
    server: serverStats,
    ...(storageStats ? { storage: storageStats } : {}),
    driverLoopP99Ms: driverLoop.percentile(99) / 1e6,
    slowReplies: slowReplyTimeline(metrics, startedAt),
    burstCauses: burstCauses(metrics, startedAt, [
      { name: "server", stalls: serverStats.stalls },
      ...(storageStats ? [{ name: "dynalite", stalls: storageStats.stalls }] : []),
      { name: "driver", stalls: driverStalls.read() },
    ]),
    driverCpuMs: (driverCpu.user + driverCpu.system) / 1_000,
    ...(accounting ? { accounting } : {}),
    ...(during !== undefined ? { during } : {}),
  };
}
