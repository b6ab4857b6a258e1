/**
 * Worker-thread entry started by `trainRecogniserInWorker`: a long-lived worker that trains
 * one recogniser per job message and posts its snapshot with the buffers transferred. A
 * training error is answered as an error for that job; the worker stays for the next one.
 * It keeps the parts it trained last (`RecentParts`): a version that changed one language's
 * sentences trains that language only.
 */
import { isMainThread, parentPort, threadId } from "node:worker_threads";
import type { BotContent } from "../../../contracts/content.ts";
import type { Lang } from "../../../contracts/lang.ts";
import { lowerThisThreadsPriority } from "../../threads/lowPriority.ts";
import { pace, paceThisThread, restedMs } from "../../threads/pacing.ts";
import { EmbeddedRecogniser, recogniserSnapshotTransferList } from "./embeddedRecogniser.ts";
import { RecentParts, trainParts } from "./trainedParts.ts";
import type { TrainingReply, TrainingRequest, TrainingResult } from "./trainInWorker.ts";

if (isMainThread || !parentPort) {
  throw new Error("trainingWorker runs in a worker thread started by trainRecogniserInWorker");
}
const port = parentPort;
lowerThisThreadsPriority();
const recent = new RecentParts();

port.on("message", ({ id, job, seed }: TrainingRequest) => {
  let reply: TrainingReply;
  let transfer: ArrayBuffer[] = [];
  // The parts of a recogniser trained before this worker started, kept as though trained
  // here. Only a saving: should they not restore, the job trains them.
  try {
    if (seed) recent.keep(EmbeddedRecogniser.partsOf(seed.snapshot), seed.keys);
  } catch {}
  try {
    paceThisThread(job.cpuPercent ?? 100, job.busyFlag);
    const content: BotContent = {
      topics: new Map(job.topics.map((topic) => [topic.id, topic])),
      outOfScope: job.outOfScope,
      referrals: job.referrals ?? [],
    };
    const { parts, reused, keys } = trainParts(content, job.options, recent, job.keep !== false);
    const recogniser = new EmbeddedRecogniser(parts);
    // Classified before the snapshot is taken: toSnapshot copies the model, so this is the same one.
    const intentsOf = (texts: readonly string[], lang: Lang) =>
      texts.map((text) => {
        pace();
        return recogniser.classify(text, lang).intent;
      });
    const intents = job.classify
      ? { fi: intentsOf(job.classify.fi, "fi"), sv: intentsOf(job.classify.sv, "sv") }
      : undefined;
    const snapshot = recogniser.toSnapshot();
    const result: TrainingResult = {
      snapshot,
      threadId,
      restedMs: Math.round(restedMs()),
      reused,
      keys,
      ...(intents ? { intents } : {}),
    };
    reply = { id, ok: true, result };
    transfer = recogniserSnapshotTransferList(snapshot);
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, transfer);
});
