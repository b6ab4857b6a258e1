/**
 * Trains the embedded recogniser off the event loop. Training a content version takes most
 * of a second of CPU, more as topics are added; on the main thread it would stall every chat
 * on the server for that long. A worker thread trains and posts a snapshot; this thread only
 * restores it (a few tens of milliseconds).
 */
import { Worker } from "node:worker_threads";
import type { BotContent, Topic } from "../../../contracts/content.ts";
import type { Lang } from "../../../contracts/lang.ts";
import { EmbeddedRecogniser, type RecogniserSnapshot } from "./embeddedRecogniser.ts";
import type { ClassifierOptions } from "./intentClassifier.ts";

/** File name of the worker entry beside a bundle (functions/gateway/server/Dockerfile). */
export const BUNDLED_TRAINING_WORKER = "recogniser-worker.mjs";

/** What the worker receives: BotContent with its topic Map as an array (structured clone). */
export interface TrainingJob {
  topics: Topic[];
  outOfScope: BotContent["outOfScope"];
  referrals: BotContent["referrals"];
  options?: ClassifierOptions;
  /** Messages to classify with the trained recogniser before the worker ends (a test split). */
  classify?: Record<Lang, string[]>;
}

/** What the worker posts: the snapshot, and the intents of the messages it was asked about. */
export interface TrainingResult {
  snapshot: RecogniserSnapshot;
  intents?: Record<Lang, string[]>;
}

/** A recogniser trained in a worker, with the intents it gave the messages it was asked about. */
export type WorkerTrainedRecogniser = EmbeddedRecogniser & { classified?: Record<Lang, string[]> };

export interface TrainInWorkerOptions {
  /** Classifier options; the defaults when omitted. */
  classifier?: ClassifierOptions;
  /** Stop the worker and reject after this long; 60 s by default. */
  timeoutMs?: number;
  /** Stop the worker and reject, e.g. because a newer content version superseded this one. */
  signal?: AbortSignal;
  /** The worker script; `trainingWorkerUrl()` by default. */
  workerUrl?: URL;
  /**
   * Messages per language for the worker to classify once trained (the publish gate's test
   * split): hundreds of classifications that would otherwise run on the main thread.
   */
  classify?: Record<Lang, string[]>;
}

/** Training in the worker failed, timed out or was aborted; `message` says which and why. */
export class RecogniserTrainingError extends Error {
  override readonly name = "RecogniserTrainingError";
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Trains an EmbeddedRecogniser for `content` in a worker thread, one job per worker, and
 * resolves with it restored on this thread once the worker has exited. Rejects with
 * RecogniserTrainingError on a training error (its message), a timeout or an abort.
 */
export function trainRecogniserInWorker(
  content: BotContent,
  options: TrainInWorkerOptions = {},
): Promise<WorkerTrainedRecogniser> {
  const job: TrainingJob = {
    topics: [...content.topics.values()],
    outOfScope: content.outOfScope,
    referrals: content.referrals ?? [],
    ...(options.classifier ? { options: options.classifier } : {}),
    ...(options.classify ? { classify: options.classify } : {}),
  };
  const workerUrl = options.workerUrl ?? trainingWorkerUrl();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { signal } = options;

  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new RecogniserTrainingError("recogniser training was aborted before it started"));
      return;
    }
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: job });
    } catch (error) {
      const reason = (error as Error).message;
      reject(new RecogniserTrainingError(`training worker did not start: ${reason}`));
      return;
    }
    let recogniser: WorkerTrainedRecogniser | undefined;
    let failure: Error | undefined;
    // Once the snapshot is in, a late timeout only ends a worker that failed to exit.
    const stop = (error: Error) => {
      if (!recogniser) failure ??= error;
      void worker.terminate();
    };
    const onAbort = () => stop(new RecogniserTrainingError("recogniser training was aborted"));
    const timer = setTimeout(
      () =>
        stop(new RecogniserTrainingError(`recogniser training timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });

    // Restored in pieces between other work; the worker may exit before that is done.
    let restoring: Promise<void> | undefined;
    worker.on("message", ({ snapshot, intents }: TrainingResult) => {
      restoring = EmbeddedRecogniser.restoreYielding(snapshot).then(
        (restored) => {
          recogniser = intents ? Object.assign(restored, { classified: intents }) : restored;
        },
        (error: unknown) => {
          const reason = `restoring the trained recogniser failed: ${(error as Error).message}`;
          failure ??= new RecogniserTrainingError(reason, { cause: error });
        },
      );
    });
    worker.on("error", (error: Error) => {
      failure ??= new RecogniserTrainingError(error.message, { cause: error });
    });
    worker.on("exit", async (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      await restoring;
      if (failure) reject(failure);
      else if (recogniser) resolve(recogniser);
      else reject(new RecogniserTrainingError(`training worker exited (code ${code}) unanswered`));
    });
  });
}

/**
 * The worker script for this runtime. From TypeScript sources (`npm start` under tsx, vitest)
 * it is a small .mjs file that registers tsx inside the worker and loads trainingWorker.ts:
 * Node 20 does not pass tsx's `--import` loader on to worker threads. In an esbuild bundle
 * every module's `import.meta.url` is the bundle's, and the worker is the separately bundled
 * `recogniser-worker.mjs` beside it. Either way the worker inherits the process's Node options.
 */
export function trainingWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("./trainingWorkerFromSource.mjs", here)
    : new URL(BUNDLED_TRAINING_WORKER, here);
}
