import { type CounterRow, incrementsFor, type ReportRecorder } from "./reportEvents.ts";

/** One stored counter item and what to add to it. */
export interface CounterIncrement {
  /** Names the stored item; increments with the same target are summed before writing. */
  target: string;
  /** What to add, by the stored item's attribute names (the adapter's to choose). */
  counts: Readonly<Record<string, number>>;
}

/**
 * Where the counters are kept (adapter: DynamoDB ADD updates). A row of increments lands in
 * more than one stored item (in DynamoDB the day's and the month's), and rows of other topics
 * share them, so the buffer sums per stored item.
 */
export interface CounterWriter {
  incrementsOf(row: CounterRow): CounterIncrement[];
  add(increment: CounterIncrement): Promise<void>;
}

export interface BufferedRecorder extends ReportRecorder {
  /** Writes everything recorded so far; increments that fail stay for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left (shutdown). */
  stop(): Promise<void>;
}

/**
 * Sums report increments in memory and writes them every `flushIntervalMs`, so a busy
 * gateway makes one update per stored counter item and interval (a handful) instead of
 * two or three per event: the report counters were three of the eight to eleven DynamoDB
 * calls behind each question. The price: a crashed process loses at most one interval of counts
 * (never chats, messages or surveys, which are stored as they happen); a graceful stop flushes.
 */
export function createBufferedRecorder(
  writer: CounterWriter,
  options: {
    flushIntervalMs: number;
    onError: (error: unknown) => void;
    /**
     * Counter writes in flight at once (default 2). A flush is a few updates in DynamoDB's
     * layout, but a writer may store more items; sent all at once they would hold the event
     * loop while their requests are built and answered, and customers' questions wait.
     */
    writesInFlight?: number;
  },
): BufferedRecorder {
  const writesInFlight = Math.max(1, options.writesInFlight ?? 2);
  let pending = new Map<string, CounterIncrement>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  function merge(increment: CounterIncrement): void {
    const into = pending.get(increment.target);
    if (!into) {
      pending.set(increment.target, { target: increment.target, counts: { ...increment.counts } });
      return;
    }
    const sums = into.counts as Record<string, number>;
    for (const [name, n] of Object.entries(increment.counts)) {
      if (n) sums[name] = (sums[name] ?? 0) + n;
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
    const increments = [...pending.values()];
    pending = new Map();
    let next = 0;
    const writeNext = async (): Promise<void> => {
      for (let i = next++; i < increments.length; i = next++) {
        const increment = increments[i] as CounterIncrement;
        try {
          await writer.add(increment);
        } catch (error) {
          merge(increment);
          options.onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: writesInFlight }, writeNext));
    schedule();
  }

  function flush(): Promise<void> {
    // One flush at a time, so an item is never written by two flushes at once.
    flushing = flushing.then(writeOut, writeOut);
    return flushing;
  }

  return {
    async record(event) {
      for (const increment of writer.incrementsOf(incrementsFor(event))) merge(increment);
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
