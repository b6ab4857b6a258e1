// The bench's phases, each against servers of its own: the echo baseline, the storage floor,
// the service, and the optional publishing and learning comparisons.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { publishUntil } from "../publisher.ts";
import { measure, type RunResult } from "./measure.ts";
import { log } from "./metrics.ts";
import { options } from "./options.ts";
import { type ServerProcess, startServer } from "./serverProcess.ts";

/** Tuesday 10:00 in Helsinki: the human service is open, so handoffs reach advisors. */
export const OPEN_HOURS_INSTANT = "2026-11-24T10:00:00+02:00";

const phase = { concurrent: options.concurrent, seconds: options.seconds };

/** What tells a bench server to profile its measured phases (serverStats.ts), if profiling. */
function profileEnv(profileDir: string | undefined, name: string): Record<string, string> {
  return profileDir ? { BENCH_PROFILE_DIR: profileDir, BENCH_PROFILE_NAME: name } : {};
}

/** The local stack against a dynalite in a process of its own, as DynamoDB is in AWS. */
export async function startService(
  env: Record<string, string> = {},
  profileDir?: string,
): Promise<{ server: ServerProcess; dynamo: ServerProcess }> {
  const dynamo = await startServer("dynamoServer.ts", [], profileEnv(profileDir, "dynalite"));
  // BENCH_SERVICE_NODE_FLAGS="--max-semi-space-size=32": runtime flags for the service only,
  // to try them against the same floor.
  const flags = (process.env.BENCH_SERVICE_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const server = await startServer("chatServer.ts", flags, {
    DYNAMODB_ENDPOINT: dynamo.url,
    FAKE_TIME: OPEN_HOURS_INSTANT,
    ...env,
    ...profileEnv(profileDir, "service"),
  });
  return { server, dynamo };
}

/** The storage floor's servers: the echo server storing what any server must, and its dynalite. */
export async function startStorageFloor(
  profileDir?: string,
): Promise<{ server: ServerProcess; dynamo: ServerProcess }> {
  const dynamo = await startServer("dynamoServer.ts", [], profileEnv(profileDir, "floor-dynalite"));
  const server = await startServer("echoServer.ts", [], {
    STORAGE_ENDPOINT: dynamo.url,
    ...profileEnv(profileDir, "floor"),
  });
  return { server, dynamo };
}

export async function stopAll(...servers: { server: ServerProcess; dynamo?: ServerProcess }[]) {
  for (const { server, dynamo } of servers) {
    await server.stop();
    await dynamo?.stop();
  }
}

/** With --cpu-prof, where the measured phases' profiles go (made if missing). */
function profileDirectory(): string | undefined {
  if (!options.cpuProfile) return undefined;
  const dir = fileURLToPath(new URL("../profiles/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A bare socket.io server answering at once: the transport's floor on this machine. */
export async function measureEcho(): Promise<RunResult> {
  const echoServer = await startServer("echoServer.ts");
  try {
    const echo = await measure(echoServer, {
      ...phase,
      verify: false,
      warmUp: true,
      advisors: false,
    });
    log(`bench: echo done (${echo.metrics.replyMs.length} replies)`);
    return echo;
  } finally {
    await echoServer.stop();
  }
}

/**
 * The storage floor: the echo server plus the two DynamoDB round trips a question needs, and
 * a chat's end and survey, against a dynalite of its own. What no change to the service's own
 * logic can get under on this machine.
 */
export async function measureStorageFloor(): Promise<RunResult> {
  const floor = await startStorageFloor(profileDirectory());
  try {
    const run = await measure(floor.server, {
      ...phase,
      verify: false,
      warmUp: true,
      advisors: false,
      storage: floor.dynamo,
    });
    log(`bench: storage floor done (${run.metrics.replyMs.length} replies)`);
    log(`bench: storage floor's slowest 1 % at ${run.slowReplies}`);
    log(`bench: storage floor's bursts: ${run.burstCauses}`);
    return run;
  } finally {
    await stopAll(floor);
  }
}

/** The service with advisors, every transcript checked; CPU profiles with --cpu-prof. */
export async function measureService(): Promise<RunResult> {
  const profileDir = profileDirectory();
  const service = await startService({}, profileDir);
  await service.dynamo.stats({ reset: true });
  try {
    const run = await measure(service.server, {
      ...phase,
      verify: true,
      warmUp: true,
      advisors: true,
      storage: service.dynamo,
    });
    log(`bench: service done (${run.metrics.replyMs.length} replies)`);
    log(`bench: service's slowest 1 % at ${run.slowReplies}`);
    log(`bench: service's bursts: ${run.burstCauses}`);
    return run;
  } finally {
    await stopAll(service);
    if (profileDir) log(`bench: CPU profile written to ${profileDir}`);
  }
}

/**
 * The service again on fresh storage, measured in turns: a quiet phase, then a phase in which
 * content owners publish and approve one version after another (each trained and swapped in
 * while customers are answered), `--publishing-rounds` times (2 by default). Adjacent phases on one server keep
 * the machine's drift out of the comparison; the publishing phases' p99 is compared with the
 * quiet phases' of the same server.
 */
export async function measurePublishing() {
  // With --cpu-prof each phase leaves a profile of its own, quiet and publishing in turn.
  const service = await startService({}, profileDirectory());
  const quiet: RunResult[] = [];
  const busy: RunResult[] = [];
  try {
    for (let round = 0; round < options.publishingRounds; round++) {
      const common = { ...phase, verify: true, advisors: true, storage: service.dynamo };
      const calm = await measure(service.server, { ...common, warmUp: round === 0 });
      const publishing = await measure(service.server, {
        ...common,
        warmUp: false,
        during: publishUntil,
      });
      quiet.push(calm);
      busy.push(publishing);
      log(
        `bench: publishing round ${round + 1} of ${options.publishingRounds} done; slowest 1 % ` +
          `quiet at ${calm.slowReplies}, publishing at ${publishing.slowReplies}`,
      );
      log(`bench: quiet bursts: ${calm.burstCauses}`);
      log(`bench: publishing bursts: ${publishing.burstCauses}`);
    }
    return { quiet, busy };
  } finally {
    await stopAll(service);
  }
}

/** Phases with the inbox on and off, in turn (--learning). */
const LEARNING_ROUNDS = 2;

/**
 * The cost of the missed-question inbox and answer votes: two services on storage of their
 * own, one keeping questions for the inbox (its customers vote on a tenth of the answers),
 * one not (nobody votes), measured in turns so that the machine's drift falls on both.
 */
export async function measureLearning() {
  const on = await startService({ MISSED_QUESTION_INBOX: "true" });
  const off = await startService({ MISSED_QUESTION_INBOX: "false" });
  const withInbox: RunResult[] = [];
  const without: RunResult[] = [];
  try {
    for (let round = 0; round < LEARNING_ROUNDS; round++) {
      const common = { ...phase, verify: true, advisors: true, warmUp: round === 0 };
      withInbox.push(await measure(on.server, { ...common, storage: on.dynamo, votes: true }));
      without.push(await measure(off.server, { ...common, storage: off.dynamo }));
      log(`bench: learning round ${round + 1} of ${LEARNING_ROUNDS} done`);
    }
    return { withInbox, without };
  } finally {
    await stopAll(on, off);
  }
}
