// Load benchmark: simulated customers over real socket.io connections against the local
// stack in its own process, the same load against a bare socket.io echo server (the
// transport's floor) and against the storage floor (what any correct server must store).
// Usage: npm run bench -- [--concurrent N] [--seconds S] [--json] [--cpu-prof] [--capacity]
// [--publishing] [--learning]; docs/benchmarks.md explains each. With --json the last line
// of output is one JSON object (a stable contract).
//
// The driver's parts: load/options.ts (the command line), load/customers.ts and
// load/advisors.ts (the simulated users), load/measure.ts (one measured run),
// load/accounting.ts (nothing lost or duplicated), load/phases.ts and load/capacity.ts (what
// runs against which servers) and load/summary.ts (the report).
import { measureCapacity } from "./load/capacity.ts";
import { log } from "./load/metrics.ts";
import { options } from "./load/options.ts";
import {
  measureEcho,
  measureLearning,
  measurePublishing,
  measureService,
  measureStorageFloor,
} from "./load/phases.ts";
import { printReport } from "./load/summary.ts";

async function main(): Promise<void> {
  log(`bench: ${options.concurrent} concurrent customers, ${options.seconds} s per server`);
  const echo = await measureEcho();
  const floor = options.storageFloor ? await measureStorageFloor() : undefined;
  const chat = await measureService();
  const capacity = options.capacity ? await measureCapacity() : undefined;
  const publishing = options.publishing ? await measurePublishing() : undefined;
  const learning = options.learning ? await measureLearning() : undefined;
  printReport({
    echo,
    chat,
    ...(floor ? { floor } : {}),
    ...(capacity ? { capacity } : {}),
    ...(publishing ? { publishing } : {}),
    ...(learning ? { learning } : {}),
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
