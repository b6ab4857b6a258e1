import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";

/** Scheduling policy and nice value of one of this process's threads, from /proc. */
function schedulingOf(tid: number): { policy: number; nice: number } {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // proc(5): nice is field 19 and policy field 41; the slice starts at field 3.
  return { nice: Number(fields[19 - 3]), policy: Number(fields[41 - 3]) };
}

const SCHED_OTHER = 0;
const SCHED_IDLE = 5;

function hasChrt(): boolean {
  try {
    execFileSync("chrt", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

describe.runIf(process.platform === "linux")("lowerThisThreadsPriority", () => {
  it("puts the calling worker thread alone at the idle policy (nice 19 without chrt)", async () => {
    const mainBefore = schedulingOf(process.pid);
    const module = new URL("./lowPriority.ts", import.meta.url).href;
    // The worker loads the TypeScript module through tsx, as the service's workers do.
    worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       import("tsx/esm/api").then(async ({ register }) => {
         register();
         const { lowerThisThreadsPriority } = await import(${JSON.stringify(module)});
         lowerThisThreadsPriority();
         const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
         parentPort.postMessage(tid);
       });`,
      { eval: true },
    );
    const tid = await new Promise<number>((resolve, reject) => {
      worker?.once("message", resolve);
      worker?.once("error", reject);
    });

    const lowered = schedulingOf(tid);
    expect(lowered.nice).toBe(19);
    expect(lowered.policy).toBe(hasChrt() ? SCHED_IDLE : SCHED_OTHER);
    // The main thread, which answers the chats, keeps its place.
    expect(schedulingOf(process.pid)).toEqual(mainBefore);
  }, 30_000);
});
