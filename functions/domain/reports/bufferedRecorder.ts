import { COUNTERS, type CounterRow, incrementsFor, type ReportRecorder } from "./reportEvents.ts";

/** Adds one row's increments to the stored counters (adapter: DynamoDB ADD updates). */
export interface CounterRowWriter {
  addRow(row: CounterRow): Promise<void>;
}

export interface BufferedRecorder extends ReportRecorder {
  /** Writes everything recorded so far; rows that fail stay for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left (shutdown). */
  stop(): Promise<void>;
}

/**
 * Sums report increments in memory and writes them every `flushIntervalMs`, so a busy
 * gateway makes one counter update per row and interval instead of three per event: the
 * report counters were three of the eight to eleven DynamoDB calls behind each question.
 * The price: a crashed process loses at most one interval of counts (never chats, messages
 * or surveys, which are stored as they happen); a graceful stop flushes.
 */
export function createBufferedRecorder(
  writer: CounterRowWriter,
  options: { flushIntervalMs: number; onError: (error: unknown) => void },
): BufferedRecorder {
  let pending = new Map<string, CounterRow>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  function merge(row: CounterRow): void {
    const key = `${row.day}|${row.lang}|${row.topic}`;
    const into = pending.get(key);
    if (!into) {
      pending.set(key, { ...row, counts: { ...row.counts } });
      return;
    }
    for (const c of COUNTERS) {
      const n = row.counts[c];
      if (n) into.counts[c] = (into.counts[c] ?? 0) + n;
    }
  }

  function schedule(): void {
    if (timer || pending.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, options.flushIntervalMs);
    timer.unref();
  }

  async function writeOut(): Promise<void> {
    const rows = [...pending.values()];
    pending = new Map();
    const results = await Promise.allSettled(rows.map((row) => writer.addRow(row)));
    results.forEach((result, i) => {
      if (result.status === "rejected") {
        merge(rows[i] as CounterRow);
        options.onError(result.reason);
      }
    });
    schedule();
  }

  function flush(): Promise<void> {
    // One flush at a time, so a row is never written by two flushes at once.
    flushing = flushing.then(writeOut, writeOut);
    return flushing;
  }

  return {
    async record(event) {
      merge(incrementsFor(event));
      schedule();
    },
    flush,
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}
