// --capacity: the most concurrent customers at which bot reply p99 stays at or under
// CAPACITY_P99_MS, for the service and for the storage floor, found by stepping the load.

import { CapacitySearch } from "./capacitySearch.ts";
import { measure } from "./measure.ts";
import { log, percentile, round } from "./metrics.ts";
import { options } from "./options.ts";
import { startService, startStorageFloor, stopAll } from "./phases.ts";
import type { ServerProcess } from "./serverProcess.ts";

/** The latency a step must keep to count as served. */
export const CAPACITY_P99_MS = 100;
const WARM_UP_CUSTOMERS = 50;
export interface CapacityStep {
  target: "service" | "floor";
  concurrent: number;
  p99Ms: number | null;
  /** Timeouts and refusals: a step with any is not served, whatever its p99 says. */
  errors: number;
  served: boolean;
}

export interface CapacityResult {
  /** Most customers the service served within the p99 bound (null: not even the first step). */
  capacity: number | null;
  floorCapacity: number | null;
  steps: CapacityStep[];
  /** The time bound ended the search before the bracket was narrow enough. */
  cutShort: boolean;
}

/** Errors that mean the server did not keep up (not an advisor who was busy, say). */
function overloadErrors(errors: Map<string, number>): number {
  let n = 0;
  for (const [kind, count] of errors) {
    if (kind.includes("timeout") || kind.startsWith("disconnect") || kind.includes("RATE_LIMITED"))
      n += count;
  }
  return n;
}

export async function measureCapacity(): Promise<CapacityResult> {
  const deadline = Date.now() + options.capacityMinutes * 60_000;
  const service = await startService();
  const floor = await startStorageFloor();
  const searches = {
    service: { search: new CapacitySearch(), servers: service, advisors: true, warm: false },
    floor: { search: new CapacitySearch(), servers: floor, advisors: false, warm: false },
  };
  const steps: CapacityStep[] = [];
  let cutShort = false;
  try {
    // An unmeasured round on each first: start-up work (content, recogniser, recovery) settles
    // and both warm up, so the first step is not the one to pay for it.
    for (const entry of [searches.floor, searches.service]) {
      await measure(entry.servers.server, {
        concurrent: WARM_UP_CUSTOMERS,
        seconds: 5,
        verify: false,
        warmUp: true,
        advisors: entry.advisors,
        storage: entry.servers.dynamo,
      });
      entry.warm = true;
    }
    for (;;) {
      const pending = (["floor", "service"] as const).filter(
        (t) => searches[t].search.next() !== null,
      );
      if (pending.length === 0) break;
      if (Date.now() > deadline) {
        cutShort = true;
        break;
      }
      for (const target of pending) {
        const entry = searches[target];
        const concurrent = entry.search.next() as number;
        const step = await capacityStep(target, concurrent, entry.servers, {
          advisors: entry.advisors,
          warmUp: !entry.warm,
        });
        entry.warm = true;
        entry.search.record(concurrent, step.served);
        steps.push(step);
        log(
          `bench: capacity ${target} at ${concurrent}: p99 ${step.p99Ms} ms, ${step.errors} overload errors, ${step.served ? "served" : "not served"}`,
        );
      }
    }
  } finally {
    await stopAll(service, floor);
  }
  return {
    capacity: searches.service.search.served,
    floorCapacity: searches.floor.search.served,
    steps,
    cutShort,
  };
}

async function capacityStep(
  target: CapacityStep["target"],
  concurrent: number,
  servers: { server: ServerProcess; dynamo: ServerProcess },
  { advisors, warmUp }: { advisors: boolean; warmUp: boolean },
): Promise<CapacityStep> {
  const run = await measure(servers.server, {
    concurrent,
    seconds: options.capacitySeconds,
    verify: false,
    warmUp,
    advisors,
    storage: servers.dynamo,
  });
  const p99 = percentile(run.metrics.replyMs, 99);
  const errors = overloadErrors(run.metrics.errors);
  return {
    target,
    concurrent,
    p99Ms: round(p99),
    errors,
    served: Number.isFinite(p99) && p99 <= CAPACITY_P99_MS && errors === 0,
  };
}

export function capacityFigures(result: CapacityResult) {
  return {
    capacity: result.capacity,
    floorCapacity: result.floorCapacity,
    capacityRatioToFloor:
      result.capacity !== null && result.floorCapacity
        ? round(result.capacity / result.floorCapacity, 2)
        : null,
    capacityP99BoundMs: CAPACITY_P99_MS,
    capacityCutShort: result.cutShort,
    capacitySteps: result.steps.map(
      (s) => `${s.target}:${s.concurrent}:${s.p99Ms}:${s.served ? "ok" : "over"}`,
    ),
  };
}
