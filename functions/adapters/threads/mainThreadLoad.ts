import { performance } from "node:perf_hooks";

/**
 * Whether the main thread is serving customers, for background threads to read without a
 * message: a shared flag, 1 while the event loop was busy more than `busyAbove` of the last
 * `everyMs`, 0 while quiet. The training worker rests to its share of a core only while the
 * flag says busy (`paceThisThread`): resting costs a content owner seconds on every Try it,
 * and spares the chats only when there are chats to spare. Half a million chats a year is
 * under one question a second even at peak, under 1 % of a loop that spends ~4 ms on each;
 * the load bench's 300 customers kept it 57 % busy in a profile.
 */
export interface MainThreadLoad {
  /** Int32 flag at index 0: 1 busy, 0 quiet. Posted to a worker, it stays shared. */
  readonly busyFlag: SharedArrayBuffer;
  /** Stops watching; the flag keeps its last value. */
  close(): void;
}

export interface MainThreadLoadOptions {
  /** Event-loop utilisation (0-1) above which the thread counts as busy; 0.1 by default. */
  busyAbove?: number;
  /** How often the utilisation is read, over the time since the read before; 500 ms by default. */
  everyMs?: number;
}

/** Starts watching this (the main) thread's event loop. Busy until the first reading. */
export function watchMainThreadLoad(options: MainThreadLoadOptions = {}): MainThreadLoad {
  const busyAbove = options.busyAbove ?? 0.1;
  const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  Atomics.store(flag, 0, 1);
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const recent = performance.eventLoopUtilization(now, last);
    last = now;
    Atomics.store(flag, 0, recent.utilization > busyAbove ? 1 : 0);
  }, options.everyMs ?? 500);
  // Watching must not keep a stopping process alive.
  timer.unref();
  return { busyFlag: flag.buffer as SharedArrayBuffer, close: () => clearInterval(timer) };
}
