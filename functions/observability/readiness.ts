import type { ServerResponse } from "node:http";
import type { Logger } from "./logger.ts";

/**
 * Answers `GET /readyz`: 200 when storage answers, 503 when it does not (down or hung past
 * its deadline). `/healthz` stays the liveness check that the load balancer uses: a task
 * whose storage is down is not broken, and replacing it would not help.
 */
export async function answerReadiness(
  res: ServerResponse,
  storageReady: (() => Promise<boolean>) | undefined,
): Promise<void> {
  const storage = storageReady ? await storageReady() : true;
  res.writeHead(storage ? 200 : 503, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      status: storage ? "ready" : "unavailable",
      checks: { storage: storage ? "ok" : "unavailable" },
    }),
  );
}

/** The log line each failed probe writes; a metric filter in AWS counts it for an alarm. */
export const STORAGE_NOT_READY = "storage not ready";

/**
 * Probes storage every `intervalMs` and logs `storage not ready` (warn) while it does not
 * answer, and `storage ready again` once it does, so that an alarm sees a storage outage
 * even though `/healthz` (what the load balancer checks) keeps the tasks in service.
 * Returns a stop function; the timer never keeps the process alive.
 */
export function startReadinessProbe(opts: {
  storageReady: () => Promise<boolean>;
  logger: Pick<Logger, "info" | "warn">;
  intervalMs: number;
}): () => void {
  let down = false;
  let running = false;
  const probe = async () => {
    if (running) return; // a hung probe is still the one to answer
    running = true;
    try {
      const ready = await opts.storageReady();
      if (!ready) opts.logger.warn(STORAGE_NOT_READY, { check: "storage" });
      else if (down) opts.logger.info("storage ready again", { check: "storage" });
      down = !ready;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void probe(), opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
