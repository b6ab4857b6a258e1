import { afterEach, describe, expect, it, vi } from "vitest";
import { STORAGE_NOT_READY, startReadinessProbe } from "./readiness.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("startReadinessProbe", () => {
  it("logs 'storage not ready' on each failed probe and once when storage is back", async () => {
    vi.useFakeTimers();
    const answers = [true, false, false, true, true];
    const lines: { level: string; message: string }[] = [];
    const logger = {
      info: (message: string) => lines.push({ level: "info", message }),
      warn: (message: string) => lines.push({ level: "warn", message }),
    };
    const stop = startReadinessProbe({
      storageReady: async () => answers.shift() ?? true,
      logger,
      intervalMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lines).toEqual([
      { level: "warn", message: STORAGE_NOT_READY },
      { level: "warn", message: STORAGE_NOT_READY },
      { level: "info", message: "storage ready again" },
    ]);
  });

  it("does not pile up probes behind one that hangs", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const stop = startReadinessProbe({
      storageReady: () => {
        calls++;
        return new Promise<boolean>(() => {});
      },
      logger: { info: () => {}, warn: () => {} },
      intervalMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    stop();
    expect(calls).toBe(1);
  });
});
