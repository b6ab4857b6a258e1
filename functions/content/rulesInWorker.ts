import { Worker } from "node:worker_threads";
import type { ContentBundle } from "../domain/content/bundle.ts";
import type {
  ContentIssue,
  ContentRules,
  OutOfScopeCheck,
  ReferralCheck,
  RulesContext,
  TopicCheck,
  UncoveredCheck,
} from "../domain/content/contentWorkflow.ts";
import type { RulesRequest, RulesResponse } from "./worker/rulesProtocol.ts";

/**
 * A worker without a request for this long is stopped (about 80 MB under tsx); the next
 * check starts a new one, about half a second later than a warm worker would answer.
 * Content owners check in bursts while they type, so one pause to read costs nothing.
 */
const IDLE_MS = 5 * 60_000;

/**
 * content:check's rules in a worker thread of their own. They take 50-200 ms on real content
 * (the near-duplicate search above all); run on the main thread they would stall every chat
 * the service answers each time a content owner types or publishes. One worker, started on
 * first use, stopped after `idleMs` without requests and restarted if it dies; requests are
 * answered in order.
 */
export function createWorkerContentRules(
  workerUrl = new URL("./worker/rulesWorkerFromSource.mjs", import.meta.url),
  options: { idleMs?: number } = {},
): ContentRules & { close(): Promise<void>; running(): boolean; starts(): number } {
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  /** The last worker's termination, for close() to wait on even when idling began it. */
  let stopping: Promise<number> | undefined;
  let starts = 0;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  function failAll(error: Error): void {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(workerUrl);
    starts++;
    w.unref();
    w.on("message", (response: RulesResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new Error(response.message));
      if (pending.size === 0) idle();
    });
    // Only the current worker's end fails what waits: one stopped for idling had nothing.
    w.on("error", (error) => {
      if (worker !== w) return;
      worker = undefined;
      failAll(new Error(`the content rules worker failed: ${error.message}`));
    });
    w.on("exit", () => {
      if (worker !== w) return;
      worker = undefined;
      failAll(new Error("the content rules worker stopped"));
    });
    worker = w;
    return w;
  }

  type Request = RulesRequest extends infer R
    ? R extends RulesRequest
      ? Omit<R, "id">
      : never
    : never;

  function idle(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, idleMs);
    idleTimer.unref();
  }

  function stop(): void {
    clearTimeout(idleTimer);
    const w = worker;
    worker = undefined;
    if (w) stopping = w.terminate();
  }

  function ask<T>(request: Request): Promise<T> {
    if (closed) return Promise.reject(new Error("the content rules worker stopped"));
    clearTimeout(idleTimer);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        started().postMessage({ ...request, id } as RulesRequest);
      } catch (error) {
        // Not sent (a value that cannot be cloned, no worker): nothing will answer it.
        pending.delete(id);
        if (pending.size === 0 && worker) idle();
        reject(error as Error);
      }
    });
  }

  return {
    checkTopic: (json: unknown, draft: ContentBundle, context: RulesContext) =>
      ask<TopicCheck>({ op: "checkTopic", json, bundle: draft, context }),
    checkReferral: (json: unknown, draft: ContentBundle) =>
      ask<ReferralCheck>({ op: "checkReferral", json, bundle: draft }),
    checkOutOfScope: (json: unknown, draft: ContentBundle) =>
      ask<OutOfScopeCheck>({ op: "checkOutOfScope", json, bundle: draft }),
    checkUncovered: (json: unknown, draft: ContentBundle) =>
      ask<UncoveredCheck>({ op: "checkUncovered", json, bundle: draft }),
    checkBundle: (bundle: ContentBundle, context: RulesContext) =>
      ask<ContentIssue[]>({ op: "checkBundle", bundle, context }),
    async close() {
      closed = true;
      stop();
      failAll(new Error("the content rules worker stopped"));
      await stopping;
    },
    /** Whether a worker is up now (it stops when idle). */
    running: () => worker !== undefined,
    /** How many workers were started so far. */
    starts: () => starts,
  };
}
