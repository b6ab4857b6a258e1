import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";

/**
 * For worker threads doing background work (training, content checks): on a small machine
 * they would otherwise take a core from the chats the main thread answers. Linux schedules
 * each thread as its own task, so this thread's id (from /proc/thread-self) can be given the
 * lowest priority alone. Elsewhere the look-up fails and the thread keeps normal priority.
 */
export function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: run at normal priority.
  }
}
