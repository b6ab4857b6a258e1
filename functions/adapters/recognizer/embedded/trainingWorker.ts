/**
 * Worker-thread entry started by `trainRecognizerInWorker`: trains one recogniser from the
 * job in `workerData`, posts its snapshot with the buffers transferred, and ends (nothing
 * keeps the thread alive once the message is posted). An error ends the thread with an
 * uncaught exception, which the parent sees as the worker's `error` event.
 */
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { BotContent } from "../../../content/schema.ts";
import { EmbeddedRecognizer, recognizerSnapshotTransferList } from "./embeddedRecognizer.ts";
import type { TrainingJob } from "./trainInWorker.ts";

if (isMainThread || !parentPort) {
  throw new Error("trainingWorker runs in a worker thread started by trainRecognizerInWorker");
}
lowerThisThreadsPriority();
const job = workerData as TrainingJob;
const content: BotContent = {
  topics: new Map(job.topics.map((topic) => [topic.id, topic])),
  outOfScope: job.outOfScope,
};
const snapshot = new EmbeddedRecognizer(content, job.options).toSnapshot();
parentPort.postMessage(snapshot, recognizerSnapshotTransferList(snapshot));

/**
 * Training is background work: on a small machine it would otherwise take a core from the
 * chats the main thread answers. Linux schedules each thread as its own task, so this
 * thread's id (from /proc/thread-self) can be given the lowest priority alone. Elsewhere the
 * look-up fails and the thread keeps the normal priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: train at normal priority.
  }
}
