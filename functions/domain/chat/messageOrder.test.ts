import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertInIdOrder } from "./messageOrder.ts";

const ids = (list: { id: string }[]) => list.map((m) => m.id);

describe("insertInIdOrder", () => {
  it("appends a message newer than all, and returns its index", () => {
    const list = [{ id: "01A" }, { id: "01B" }];
    expect(insertInIdOrder(list, { id: "01C" })).toBe(2);
    expect(ids(list)).toEqual(["01A", "01B", "01C"]);
  });

  it("puts an older message from a replay before the newer ones", () => {
    const list = [{ id: "01A" }, { id: "01C" }, { id: "01D" }];
    expect(insertInIdOrder(list, { id: "01B" })).toBe(1);
    expect(ids(list)).toEqual(["01A", "01B", "01C", "01D"]);
    expect(insertInIdOrder(list, { id: "00Z" })).toBe(0);
    expect(ids(list)[0]).toBe("00Z");
  });

  it("keeps any arrival order sorted", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9A-Z]{1,4}$/)), (arrived) => {
        const list: { id: string }[] = [];
        for (const id of arrived) insertInIdOrder(list, { id });
        expect(ids(list)).toEqual([...arrived].sort());
      }),
    );
  });
});
