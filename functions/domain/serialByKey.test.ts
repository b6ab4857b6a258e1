import { describe, expect, it } from "vitest";
import { createSerialByKey } from "./serialByKey.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("serial by key", () => {
  it("runs work for one key in order, one at a time, and other keys alongside", async () => {
    const serial = createSerialByKey();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };

    const results = await Promise.all([
      serial("a", step("a1")),
      serial("a", step("a2")),
      serial("b", step("b1")),
    ]);

    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(log.indexOf("a2 start")).toBeGreaterThan(log.indexOf("a1 end"));
    expect(log.indexOf("b1 start")).toBeLessThan(log.indexOf("a1 end"));
  });

  it("goes on with the next work after a failure, which only its own caller sees", async () => {
    const serial = createSerialByKey();

    const failed = serial("a", () => Promise.reject(new Error("boom")));
    const next = serial("a", async () => "next");

    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });
});
