import type { ServerResponse } from "node:http";

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
