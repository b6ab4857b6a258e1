import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "./recentlyUsed.ts";

describe("RecentlyUsed", () => {
  it("drops the least recently used key once more than `keep` are held", () => {
    const cache = new RecentlyUsed<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now newer than b
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("replaces a key's value without growing, and forgets a deleted key", () => {
    const cache = new RecentlyUsed<string, string>(3);
    cache.set("a", "first");
    cache.set("a", "second");
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe("second");
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
  });

  it("refuses a size that would keep nothing", () => {
    expect(() => new RecentlyUsed(0)).toThrow(/keep must be a whole number of at least 1, got 0/);
  });
});
