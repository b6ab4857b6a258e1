/**
 * Worker-thread entry started by `trainRecognizerInWorker`: trains one recogniser from the
 * job in `workerData`, posts its snapshot with the buffers transferred, and ends (nothing
 * keeps the thread alive once the message is posted). An error ends the thread with an
 * uncaught exception, which the parent sees as the worker's `error` event.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { BotContent } from "../../../content/schema.ts";
import { EmbeddedRecognizer, recognizerSnapshotTransferList } from "./embeddedRecognizer.ts";
import type { TrainingJob } from "./trainInWorker.ts";

if (isMainThread || !parentPort) {
  throw new Error("trainingWorker runs in a worker thread started by trainRecognizerInWorker");
}
const job = workerData as TrainingJob;
const content: BotContent = {
  topics: new Map(job.topics.map((topic) => [topic.id, topic])),
  outOfScope: job.outOfScope,
};
const snapshot = new EmbeddedRecognizer(content, job.options).toSnapshot();
parentPort.postMessage(snapshot, recognizerSnapshotTransferList(snapshot));
