import { execFileSync } from "node:child_process";
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";

/**
 * For worker threads doing background work (training, content checks): on a small machine
 * they would otherwise take a core from the chats the main thread answers. Linux schedules
 * each thread as its own task, so this thread's id (from /proc/thread-self) can be given the
 * lowest priority alone. Elsewhere the look-up fails and the thread keeps normal priority.
 *
 * Nice 19 is not enough on two cores: a core running only a nice-19 thread still counts as
 * busy, so when the main thread writes to DynamoDB or a socket, the woken reader is placed on
 * the main thread's own core and runs first (CPU profiles showed twice as many slow
 * `writev` calls while a version trained). A core running only SCHED_IDLE threads counts as
 * free, and any normal thread takes it at once. Node has no call for it, so util-linux's
 * `chrt` sets it (in Debian's base system, so in the gateway image too; about 6 ms, once
 * per worker); without `chrt` the thread stays at nice 19.
 */
export function lowerThisThreadsPriority(): void {
  let tid: number;
  try {
    tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return;
    setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: run at normal priority.
    return;
  }
  try {
    execFileSync("chrt", ["--idle", "--pid", "0", String(tid)], { stdio: "ignore", timeout: 2000 });
  } catch {
    // No chrt, or not allowed: nice 19 stays.
  }
}
