/**
 * Runs work for the same key one at a time, in the order asked, in this process; work for
 * different keys runs side by side. For read-then-write steps that a batch cannot guard
 * with a condition.
 */
export function createSerialByKey(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return (key, work) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
