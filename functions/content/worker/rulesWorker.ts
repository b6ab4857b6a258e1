/**
 * Worker-thread entry of `createWorkerContentRules`: runs content:check's rules on what the
 * service's main thread sends, one request at a time, until it is stopped after idling
 * (rulesInWorker.ts); a warm worker answers an as-you-type check in tens of milliseconds.
 */
import { isMainThread, parentPort } from "node:worker_threads";
import { lowerThisThreadsPriority } from "../../adapters/threads/lowPriority.ts";
import { contentRules } from "../contentRules.ts";
import type { RulesRequest, RulesResponse } from "./rulesProtocol.ts";

if (isMainThread || !parentPort) {
  throw new Error("rulesWorker runs in a worker thread started by createWorkerContentRules");
}
lowerThisThreadsPriority();
const port = parentPort;
port.on("message", (request: RulesRequest) => {
  let response: RulesResponse;
  try {
    const result =
      request.op === "checkTopic"
        ? contentRules.checkTopic(request.json, request.bundle, request.context)
        : request.op === "checkReferral"
          ? contentRules.checkReferral(request.json, request.bundle)
          : request.op === "checkOutOfScope"
            ? contentRules.checkOutOfScope(request.json, request.bundle)
            : request.op === "checkUncovered"
              ? contentRules.checkUncovered(request.json, request.bundle)
              : contentRules.checkBundle(request.bundle, request.context);
    response = { id: request.id, ok: true, result };
  } catch (error) {
    response = { id: request.id, ok: false, message: (error as Error).message };
  }
  port.postMessage(response);
});
