import { Worker } from "node:worker_threads";
import type { ContentBundle } from "../domain/content/bundle.ts";
import type {
  ContentIssue,
  ContentRules,
  ReferralCheck,
  TopicCheck,
} from "../domain/content/contentWorkflow.ts";
import type { RulesRequest, RulesResponse } from "./worker/rulesProtocol.ts";

/**
 * content:check's rules in a worker thread of their own. They take 50-200 ms on real content
 * (the near-duplicate search above all); run on the main thread they would stall every chat
 * the service answers each time a content owner types or publishes. One long-lived worker,
 * started on first use and restarted if it dies; requests are answered in order.
 */
export function createWorkerContentRules(
  workerUrl = new URL("./worker/rulesWorkerFromSource.mjs", import.meta.url),
): ContentRules & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  function failAll(error: Error): void {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(workerUrl);
    w.unref();
    w.on("message", (response: RulesResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new Error(response.message));
    });
    w.on("error", (error) => {
      worker = undefined;
      failAll(new Error(`the content rules worker failed: ${error.message}`));
    });
    w.on("exit", () => {
      if (worker === w) worker = undefined;
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

  function ask<T>(request: Request): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      started().postMessage({ ...request, id } as RulesRequest);
    });
  }

  return {
    checkTopic: (json: unknown, draft: ContentBundle) =>
      ask<TopicCheck>({ op: "checkTopic", json, bundle: draft }),
    checkReferral: (json: unknown, draft: ContentBundle) =>
      ask<ReferralCheck>({ op: "checkReferral", json, bundle: draft }),
    checkBundle: (bundle: ContentBundle) => ask<ContentIssue[]>({ op: "checkBundle", bundle }),
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
