/** Lets other work on the event loop run (setImmediate, or a test's counter). */
export type Turn = () => Promise<void>;

/** The next turn of the event loop, after the I/O that is waiting. */
export const nextTurn: Turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `each` over `items`, `perTurn` at a time with a `turn` between: building an index of
 * 20,000 entries is ~5-15 ms in one go on a running service's event loop (more while its code is still cold), ~1-2 ms a slice.
 */
export async function inTurns<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  turn: Turn,
  perTurn = 2_000,
): Promise<void> {
  for (let start = 0; start < items.length; start += perTurn) {
    if (start > 0) await turn();
    const end = Math.min(items.length, start + perTurn);
    for (let i = start; i < end; i++) each(items[i] as T, i);
  }
}
