/**
 * Worker-thread entry started by `trainRecogniserInWorker`: trains one recogniser from the
 * job in `workerData`, posts its snapshot with the buffers transferred, and ends (nothing
 * keeps the thread alive once the message is posted). An error ends the thread with an
 * uncaught exception, which the parent sees as the worker's `error` event.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { BotContent } from "../../../contracts/content.ts";
import { lowerThisThreadsPriority } from "../../threads/lowPriority.ts";
import { EmbeddedRecogniser, recogniserSnapshotTransferList } from "./embeddedRecogniser.ts";
import type { TrainingJob, TrainingResult } from "./trainInWorker.ts";

if (isMainThread || !parentPort) {
  throw new Error("trainingWorker runs in a worker thread started by trainRecogniserInWorker");
}
lowerThisThreadsPriority();
const job = workerData as TrainingJob;
const content: BotContent = {
  topics: new Map(job.topics.map((topic) => [topic.id, topic])),
  outOfScope: job.outOfScope,
  referrals: job.referrals ?? [],
};
const recogniser = new EmbeddedRecogniser(content, job.options);
// Classified before the snapshot is taken: toSnapshot copies the model, so this is the same one.
const intents = job.classify
  ? {
      fi: job.classify.fi.map((text) => recogniser.classify(text, "fi").intent),
      sv: job.classify.sv.map((text) => recogniser.classify(text, "sv").intent),
    }
  : undefined;
const snapshot = recogniser.toSnapshot();
const result: TrainingResult = { snapshot, ...(intents ? { intents } : {}) };
parentPort.postMessage(result, recogniserSnapshotTransferList(snapshot));
