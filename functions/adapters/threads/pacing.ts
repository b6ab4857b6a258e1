/**
 * A CPU share for a background thread: `pace()` in its long loops sleeps the thread for a
 * while after each slice of work, so that it uses at most `percent` of one core however long
 * the job. Low scheduling priority (`lowerThisThreadsPriority`) decides who runs first when
 * both want a core; it does not stop a busy background thread from costing the chats on a
 * two-vCPU VM (most likely through what the cores share below the scheduler: the host's
 * sibling thread, caches, memory): a spinner at idle priority alone raised the chats' p99 by
 * 9-30 % (`BENCH_PUBLISH_SPIN`). Resting lets the machine be idle part of the time, at the
 * price of a longer job. The work and its result are the same; only when it runs changes.
 *
 * The share belongs to the thread: only worker threads set one, and the main thread, which
 * must never sleep, keeps `pace()` a no-op. With a busy flag (`watchMainThreadLoad`), the
 * thread rests only while the flag says the chats' thread is busy, and otherwise works on.
 */

/** How long a slice of work lasts before the thread rests. */
const SLICE_MS = 10;
/** `pace()` reads the clock only every this many calls: it sits in loops of microseconds. */
const CALLS_PER_CHECK = 32;

let restMs = 0;
let sliceStartedAt = 0;
let calls = 0;
let rested = 0;
let busy: Int32Array | undefined;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Gives this thread `percent` (1-100) of one core from now on; 100 never rests. With
 * `busyFlag` (an Int32 flag another thread sets, `watchMainThreadLoad`), only while it is 1.
 * For worker threads only: a rest blocks the thread.
 */
export function paceThisThread(percent: number, busyFlag?: SharedArrayBuffer): void {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw new RangeError(`pacing: percent must be in (0, 100], not ${percent}`);
  }
  restMs = percent >= 100 ? 0 : (SLICE_MS * (100 - percent)) / percent;
  busy = busyFlag ? new Int32Array(busyFlag) : undefined;
  sliceStartedAt = performance.now();
  calls = 0;
  rested = 0;
}

/** How long this thread has rested since `paceThisThread`, in milliseconds. */
export function restedMs(): number {
  return rested;
}

/** Rests the thread when its slice of work is used up; nothing on an unpaced thread. */
export function pace(): void {
  if (restMs === 0) return;
  calls++;
  if (calls < CALLS_PER_CHECK) return;
  calls = 0;
  const now = performance.now();
  if (now - sliceStartedAt < SLICE_MS) return;
  if (busy && Atomics.load(busy, 0) === 0) {
    sliceStartedAt = now;
    return;
  }
  // Atomics.wait blocks without spinning; nothing ever notifies, so it always times out.
  Atomics.wait(sleeper, 0, 0, restMs);
  sliceStartedAt = performance.now();
  rested += sliceStartedAt - now;
}
