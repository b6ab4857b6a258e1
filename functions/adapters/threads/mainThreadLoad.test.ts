import { describe, expect, it } from "vitest";
import { watchMainThreadLoad } from "./mainThreadLoad.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The event loop is held, as by a burst of chats.
  }
}

describe("watching the main thread's load", () => {
  it("says busy until it has read the loop, quiet while it idles, busy after work", async () => {
    const load = watchMainThreadLoad({ everyMs: 50 });
    const flag = new Int32Array(load.busyFlag);
    try {
      const before = Atomics.load(flag, 0);
      await sleep(250);
      const whileIdle = Atomics.load(flag, 0);
      workFor(150);
      // The overdue reading runs before this shorter timer, and takes in the work above.
      await sleep(5);
      const afterWork = Atomics.load(flag, 0);

      expect([before, whileIdle, afterWork]).toEqual([1, 0, 1]);
    } finally {
      load.close();
    }
  });
});
