/**
 * Worker-thread entry started by `trainRecognizerInWorker`: trains one recogniser from the
 * job in `workerData`, posts its snapshot with the buffers transferred, and ends (nothing
 * keeps the thread alive once the message is posted). An error ends the thread with an
 * uncaught exception, which the parent sees as the worker's `error` event.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { BotContent } from "../../../contracts/content.ts";
import { lowerThisThreadsPriority } from "../../threads/lowPriority.ts";
import { EmbeddedRecognizer, recognizerSnapshotTransferList } from "./embeddedRecognizer.ts";
import type { TrainingJob, TrainingResult } from "./trainInWorker.ts";

if (isMainThread || !parentPort) {
  throw new Error("trainingWorker runs in a worker thread started by trainRecognizerInWorker");
}
lowerThisThreadsPriority();
const job = workerData as TrainingJob;
const content: BotContent = {
  topics: new Map(job.topics.map((topic) => [topic.id, topic])),
  outOfScope: job.outOfScope,
  referrals: job.referrals ?? [],
};
const recognizer = new EmbeddedRecognizer(content, job.options);
// Classified before the snapshot is taken: toSnapshot copies the model, so this is the same one.
const intents = job.classify
  ? {
      fi: job.classify.fi.map((text) => recognizer.classify(text, "fi").intent),
      sv: job.classify.sv.map((text) => recognizer.classify(text, "sv").intent),
    }
  : undefined;
const snapshot = recognizer.toSnapshot();
const result: TrainingResult = { snapshot, ...(intents ? { intents } : {}) };
parentPort.postMessage(result, recognizerSnapshotTransferList(snapshot));
