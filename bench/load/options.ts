// The load bench's command line: parsed and checked once, read by every part of the driver.
import { type ParseArgsConfig, parseArgs } from "node:util";

type ParsedResults<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** A wrong option is the caller's mistake: say which, without a stack trace. */
export function usageError(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function parseOptions<const T extends ParseArgsConfig>(config: T): ParsedResults<T> {
  try {
    return parseArgs(config);
  } catch (error) {
    usageError((error as Error).message);
  }
}

function share(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) usageError(`${name} must be a number from 0 to 1`);
  return n;
}

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usageError(`${name} must be a positive integer`);
  return n;
}

const { values: args } = parseOptions({
  options: {
    concurrent: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    json: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "handoff-share": { type: "string", default: "0.03" },
    mix: { type: "string", default: "traffic" },
    "out-of-scope-share": { type: "string", default: "0.05" },
    // The floor is measured in every run now (the targets are ratios to it); the flag stays
    // accepted so that older command lines keep working.
    "storage-floor": { type: "boolean", default: false },
    "no-storage-floor": { type: "boolean", default: false },
    capacity: { type: "boolean", default: false },
    "capacity-seconds": { type: "string", default: "10" },
    "capacity-minutes": { type: "string", default: "12" },
    publishing: { type: "boolean", default: false },
    "publishing-rounds": { type: "string", default: "2" },
    learning: { type: "boolean", default: false },
  },
});

const MIXES = ["traffic", "test-set"] as const;
export type Mix = (typeof MIXES)[number];
const mix =
  MIXES.find((m) => m === args.mix) ?? usageError(`--mix must be one of ${MIXES.join(", ")}`);

export const options = {
  /** Simulated customers in the main phases. */
  concurrent: positiveInt(args.concurrent, "--concurrent"),
  /** Length of each measured phase. */
  seconds: positiveInt(args.seconds, "--seconds"),
  json: args.json,
  cpuProfile: args["cpu-prof"],
  /** Share of chats whose customer asks for a person (served by simulated advisors). */
  handoffShare: share(args["handoff-share"], "--handoff-share"),
  mix: mix as Mix,
  /** Share of questions, in the `traffic` mix, that are not the bot's matter (it misses them). */
  outOfScopeShare: share(args["out-of-scope-share"], "--out-of-scope-share"),
  storageFloor: !args["no-storage-floor"],
  capacity: args.capacity,
  /** Length of each step of the capacity search. */
  capacitySeconds: positiveInt(args["capacity-seconds"], "--capacity-seconds"),
  /** The capacity search stops stepping after this long, with what it has found. */
  capacityMinutes: positiveInt(args["capacity-minutes"], "--capacity-minutes"),
  publishing: args.publishing,
  /**
   * Quiet and publishing phases measured in turn (--publishing). Each phase's p99 is its 20th
   * slowest reply of some 2,000, so one stall moves it; more rounds pool more replies.
   */
  publishingRounds: positiveInt(args["publishing-rounds"], "--publishing-rounds"),
  learning: args.learning,
};
