/**
 * Work the gateway has started and not finished (socket event handlers, background sweeps).
 * Shutdown waits for it before closing the database, so nothing acknowledged to a customer
 * is cut off half-written.
 */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when everything tracked so far has settled, or after `timeoutMs`. */
  drain(timeoutMs?: number): Promise<void>;
  readonly size: number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      settled.finally(() => pending.delete(settled));
      return work;
    },
    async drain(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        timer.unref();
      });
      // Work may start more work while draining (a bot answer after an ack): loop until quiet.
      while (pending.size > 0) {
        const done = await Promise.race([
          Promise.all([...pending]).then(() => true),
          timeout.then(() => false),
        ]);
        if (!done) break;
      }
      clearTimeout(timer);
    },
    get size() {
      return pending.size;
    },
  };
}
