/**
 * Trains the embedded recogniser off the event loop. Training a content version takes most
 * of a second of CPU, more as topics are added; on the main thread it would stall every chat
 * on the server for that long. A worker thread trains and posts a snapshot; this thread only
 * restores it, in slices of a few milliseconds.
 *
 * The worker is long-lived: started on the first job, kept for the next ones, and stopped
 * after a minute without work. A fresh worker per version cost ~0.9 s of CPU at normal
 * priority on top of the training: V8 compiling the training code again and collecting a
 * fresh heap on the process's shared helper threads, which the worker's idle scheduling
 * policy does not cover. A warm worker needs a fifth of that, and trains a quarter faster.
 */
import { Worker } from "node:worker_threads";
import type { BotContent, Topic } from "../../../contracts/content.ts";
import type { Lang } from "../../../contracts/lang.ts";
import { watchMainThreadLoad } from "../../threads/mainThreadLoad.ts";
import { EmbeddedRecogniser, type RecogniserSnapshot } from "./embeddedRecogniser.ts";
import type { ClassifierOptions } from "./intentClassifier.ts";
import {
  type PartKeys,
  RecentParts,
  type RecogniserPart,
  type RecogniserParts,
  trainParts,
} from "./trainedParts.ts";

/** File name of the worker entry beside a bundle (functions/gateway/server/Dockerfile). */
export const BUNDLED_TRAINING_WORKER = "recogniser-worker.mjs";

/** What the worker receives: BotContent with its topic Map as an array (structured clone). */
export interface TrainingJob {
  topics: Topic[];
  outOfScope: BotContent["outOfScope"];
  referrals: BotContent["referrals"];
  options?: ClassifierOptions;
  /** Messages to classify with the trained recogniser before it is posted (a test split). */
  classify?: Record<Lang, string[]>;
  /** The share of one core the worker may use for this job (`paceThisThread`); 100 when omitted. */
  cpuPercent?: number;
  /** With `cpuPercent`: the share applies only while this flag says the main thread is busy. */
  busyFlag?: SharedArrayBuffer;
  /** false: reuse kept parts but keep none of this job's (`TrainInWorkerOptions.keep`). */
  keep?: boolean;
}

/** What the worker posts: the snapshot, and the intents of the messages it was asked about. */
export interface TrainingResult {
  snapshot: RecogniserSnapshot;
  intents?: Record<Lang, string[]>;
  /** The worker's thread id: jobs in turn share one worker. */
  threadId: number;
  /** How long the worker rested during the job to keep to its `cpuPercent`. */
  restedMs: number;
  /** The parts taken from an earlier job on the same inputs rather than trained again. */
  reused: RecogniserPart[];
  /** What each part learned from: the receiving thread restores only parts it does not hold. */
  keys: PartKeys;
}

/**
 * A trained recogniser's snapshot and what each of its parts learned from: a new worker keeps
 * its parts to reuse, as though it had trained them itself.
 */
export interface PartsSeed {
  snapshot: RecogniserSnapshot;
  keys: PartKeys;
}

/** A job as posted to the worker, numbered so that its answer finds it. */
export interface TrainingRequest {
  id: number;
  job: TrainingJob;
  /** With a new worker's first job: the parts of the last recogniser trained (`PartsSeed`). */
  seed?: PartsSeed;
}

/** The worker's answer to one job: its result, or why training failed. */
export type TrainingReply =
  | { id: number; ok: true; result: TrainingResult }
  | { id: number; ok: false; message: string };

/**
 * A recogniser trained in a worker, with the intents it gave the messages it was asked about
 * and the worker's thread id and rest.
 */
export type WorkerTrainedRecogniser = EmbeddedRecogniser & {
  classified?: Record<Lang, string[]>;
  workerThreadId: number;
  /** How long the worker rested while it trained, to keep to its share of a core. */
  workerRestedMs: number;
  /** The parts the worker took from an earlier training rather than trained again. */
  workerReused: RecogniserPart[];
};

export interface TrainInWorkerOptions {
  /** Classifier options; the defaults when omitted. */
  classifier?: ClassifierOptions;
  /** Stop the worker and reject after the job has run this long; 60 s by default. */
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
  /**
   * The share of one core (1-100) the worker trains with: it rests between slices of work,
   * so a version takes longer and the chats beside it lose less (`threads/pacing.ts`).
   */
  cpuPercent?: number;
  /**
   * The main thread's busy flag (`watchMainThreadLoad`): the worker keeps to `cpuPercent`
   * only while it says busy, and uses the whole core while the chats' thread is quiet.
   */
  busyFlag?: SharedArrayBuffer;
  /**
   * false for a recogniser wanted once (another training order for Test all over orders): its
   * parts are not kept, neither in the worker nor on this thread, nor as a new worker's seed,
   * so the draft's and the live version's stay to be reused by the next edit.
   */
  keep?: boolean;
}

/** Training in the worker failed, timed out or was aborted; `message` says which and why. */
export class RecogniserTrainingError extends Error {
  override readonly name = "RecogniserTrainingError";
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** A worker without work for this long is stopped; the next job starts a new one. */
const IDLE_MS = 60_000;

/**
 * Trains an EmbeddedRecogniser for `content` in the training worker, one job at a time in the
 * order asked, and resolves with it restored on this thread. Rejects with
 * RecogniserTrainingError on a training error (its message), a timeout or an abort; a timeout
 * or an abort of the running job stops the worker, and the next job starts a fresh one.
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
    ...(options.cpuPercent !== undefined ? { cpuPercent: options.cpuPercent } : {}),
    ...(options.busyFlag ? { busyFlag: options.busyFlag } : {}),
    ...(options.keep === false ? { keep: false } : {}),
  };
  return hostFor(options.workerUrl ?? trainingWorkerUrl()).train(
    job,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    options.signal,
  );
}

/**
 * Training beside the chats: `train` with a share of a core, `trainHere` before any chat is
 * served, and `stop` when the process ends.
 */
export interface TrainingBesideChats {
  train(
    content: BotContent,
    options?: Omit<TrainInWorkerOptions, "cpuPercent" | "busyFlag">,
  ): Promise<WorkerTrainedRecogniser>;
  /**
   * Trains on this thread; with `toClassify` (the test split) also classifies those messages,
   * so that the first publish gate compares with this version without classifying them again
   * beside the chats.
   */
  trainHere(content: BotContent, toClassify?: Record<Lang, string[]>): RecogniserTrainedHere;
  stop(): void;
}

/** A recogniser trained on this thread, with the intents of the messages it was asked to classify. */
export type RecogniserTrainedHere = EmbeddedRecogniser & {
  classified?: Record<Lang, string[]>;
  classifiedTexts?: Record<Lang, string[]>;
};

/**
 * Trains in the worker at `cpuPercent` of a core while this (the main) thread is serving
 * chats, and at a whole core while it is quiet (`watchMainThreadLoad`): the local server and
 * each gateway task train their versions this way.
 */
export function trainBesideChats(cpuPercent: number): TrainingBesideChats {
  const load = watchMainThreadLoad();
  return {
    train: (content, options = {}) =>
      trainRecogniserInWorker(content, { ...options, cpuPercent, busyFlag: load.busyFlag }),
    trainHere: (content, toClassify) => {
      const recogniser = trainRecogniserHere(content);
      if (!toClassify) return recogniser;
      const intentsOf = (lang: Lang) =>
        toClassify[lang].map((text) => recogniser.classify(text, lang).intent);
      return Object.assign(recogniser, {
        classified: { fi: intentsOf("fi"), sv: intentsOf("sv") },
        classifiedTexts: toClassify,
      });
    },
    stop: () => load.close(),
  };
}

/**
 * Trains on this thread, as a process does at start while it serves nothing yet (a warm main
 * thread trains faster than a new worker starts and trains), and hands the parts to the
 * training worker's host: the worker's first job, a content owner's first edit, reuses them
 * and trains only what the edit changed.
 */
export function trainRecogniserHere(
  content: BotContent,
  options: { classifier?: ClassifierOptions; workerUrl?: URL } = {},
): EmbeddedRecogniser {
  const { parts, keys } = trainParts(content, options.classifier);
  const recogniser = new EmbeddedRecogniser(parts);
  hostFor(options.workerUrl ?? trainingWorkerUrl()).keep(recogniser, keys, parts);
  return recogniser;
}

function hostFor(url: URL): TrainingWorkerHost {
  let host = hosts.get(url.href);
  if (!host) {
    host = new TrainingWorkerHost(url);
    hosts.set(url.href, host);
  }
  return host;
}

/** One host per worker script: the service has one, tests may start others. */
const hosts = new Map<string, TrainingWorkerHost>();

interface QueuedJob {
  job: TrainingJob;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  resolve(recogniser: WorkerTrainedRecogniser): void;
  reject(error: Error): void;
  /** Ends the job's wait on its signal, once it is settled. */
  unlisten(): void;
}

/** The long-lived worker of one script, its queue of jobs and the job it is running. */
class TrainingWorkerHost {
  private worker: Worker | undefined;
  private readonly queue: QueuedJob[] = [];
  private running: { id: number; queued: QueuedJob; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /**
   * Parts restored here from this worker's answers: a version that changed one language
   * restores that language only, and shares the other's classifier with the version before.
   */
  private readonly restored = new RecentParts();
  /**
   * The last recogniser trained, for a new worker to start from: a worker stops after a
   * minute without work, and its successor would otherwise train every part again.
   */
  private last: { recogniser: EmbeddedRecogniser; keys: PartKeys } | undefined;
  /** Whether the worker has had its seed (its first job carries it). */
  private seeded = false;

  constructor(private readonly url: URL) {}

  /** Keeps a recogniser trained elsewhere (this thread) as though this worker had trained it. */
  keep(recogniser: EmbeddedRecogniser, keys: PartKeys, parts: RecogniserParts): void {
    this.restored.keep(parts, keys);
    this.last = { recogniser, keys };
    // The worker (running or not) has not seen it: its next job carries it.
    this.seeded = false;
  }

  train(job: TrainingJob, timeoutMs: number, signal?: AbortSignal) {
    return new Promise<WorkerTrainedRecogniser>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new RecogniserTrainingError("recogniser training was aborted before it started"));
        return;
      }
      const queued: QueuedJob = { job, timeoutMs, signal, resolve, reject, unlisten: () => {} };
      const onAbort = () => this.abort(queued);
      signal?.addEventListener("abort", onAbort, { once: true });
      queued.unlisten = () => signal?.removeEventListener("abort", onAbort);
      this.queue.push(queued);
      this.next();
    });
  }

  /** Starts the next queued job when nothing runs. */
  private next(): void {
    if (this.running) return;
    const queued = this.queue.shift();
    if (!queued) {
      this.idle();
      return;
    }
    clearTimeout(this.idleTimer);
    let worker: Worker;
    try {
      worker = this.started();
    } catch (error) {
      const reason = (error as Error).message;
      this.settle(queued, new RecogniserTrainingError(`training worker did not start: ${reason}`));
      this.next();
      return;
    }
    const id = this.nextId++;
    const timer = setTimeout(
      () =>
        this.fail(
          new RecogniserTrainingError(`recogniser training timed out after ${queued.timeoutMs} ms`),
        ),
      queued.timeoutMs,
    );
    this.running = { id, queued, timer };
    worker.ref();
    // Copied, not transferred: the recogniser goes on answering on this thread.
    const seed =
      !this.seeded && this.last
        ? { snapshot: this.last.recogniser.toSnapshot(), keys: this.last.keys }
        : undefined;
    this.seeded = true;
    worker.postMessage({
      id,
      job: queued.job,
      ...(seed ? { seed } : {}),
    } satisfies TrainingRequest);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url);
    this.seeded = false;
    worker.on("message", (reply: TrainingReply) => this.answered(reply));
    worker.on("error", (error: Error) => {
      if (this.worker === worker)
        this.fail(new RecogniserTrainingError(error.message, { cause: error }));
    });
    worker.on("exit", (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.fail(new RecogniserTrainingError(`training worker exited (code ${code}) unanswered`));
    });
    this.worker = worker;
    return worker;
  }

  private answered(reply: TrainingReply): void {
    const running = this.running;
    if (!running || reply.id !== running.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    const { queued } = running;
    if (!reply.ok) this.settle(queued, new RecogniserTrainingError(reply.message));
    else {
      // Restored in slices between other work, while the worker goes on with the next job.
      const { snapshot, intents, threadId, restedMs, reused, keys } = reply.result;
      const keepNew = queued.job.keep !== false;
      EmbeddedRecogniser.restoreYielding(snapshot, { parts: this.restored, keys, keepNew }).then(
        (restored) => {
          // The worker has these parts already; a worker started later gets them as a seed.
          if (keepNew) this.last = { recogniser: restored, keys };
          this.settle(
            queued,
            Object.assign(restored, {
              workerThreadId: threadId,
              workerRestedMs: restedMs,
              workerReused: reused,
              ...(intents ? { classified: intents } : {}),
            }),
          );
        },
        (error: unknown) => {
          const reason = `restoring the trained recogniser failed: ${(error as Error).message}`;
          this.settle(queued, new RecogniserTrainingError(reason, { cause: error }));
        },
      );
    }
    this.next();
  }

  /** The running job failed (timeout, abort, a dead worker): stop the worker, go on. */
  private fail(error: Error): void {
    const running = this.running;
    this.stopWorker();
    if (running) {
      clearTimeout(running.timer);
      this.running = undefined;
      this.settle(running.queued, error);
    }
    this.next();
  }

  private abort(queued: QueuedJob): void {
    const error = new RecogniserTrainingError("recogniser training was aborted");
    if (this.running?.queued === queued) {
      this.fail(error);
      return;
    }
    const at = this.queue.indexOf(queued);
    if (at >= 0) this.queue.splice(at, 1);
    this.settle(queued, error);
  }

  private settle(queued: QueuedJob, outcome: WorkerTrainedRecogniser | Error): void {
    queued.unlisten();
    if (outcome instanceof Error) queued.reject(outcome);
    else queued.resolve(outcome);
  }

  /** Nothing to do: the worker no longer keeps the process alive, and goes after a while. */
  private idle(): void {
    if (!this.worker) return;
    this.worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopWorker(), IDLE_MS);
    this.idleTimer.unref();
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    void worker?.terminate();
  }
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
