import { describe, expect, it } from "vitest";
import { acceptedAfter, forgetAccepted } from "./acceptedHere.ts";

/** A tab's sessionStorage: it outlives a reload, which is what the mark relies on. */
function tabStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe("the 'Otit keskustelun' line", () => {
  it("stays after the message it followed when the chat was taken, after a reload brings everything said since", () => {
    // Prepare: the advisor takes the chat; its transcript ends with the joined notice.
    const tab = tabStorage();
    const atAccept = ["m1-customer", "m2-bot", "m3-joined"];
    expect(acceptedAfter("chat-1", atAccept, false, tab)).toBe("m3-joined");

    // Act: a reload restores the chat with the conversation that went on after the accept.
    const restored = [...atAccept, "m4-advisor", "m5-customer"];
    const after = acceptedAfter("chat-1", restored, true, tab);

    // Assess: the line is where it was, not under the latest message.
    expect(after).toBe("m3-joined");
  });

  it("keeps each chat's own place when the advisor has several", () => {
    const tab = tabStorage();
    acceptedAfter("chat-1", ["a1", "a2"], false, tab);
    acceptedAfter("chat-2", ["b1"], false, tab);
    expect(acceptedAfter("chat-1", ["a1", "a2", "a3"], true, tab)).toBe("a2");
    expect(acceptedAfter("chat-2", ["b1", "b2"], true, tab)).toBe("b1");
  });

  it("draws no line in a restored chat this tab did not take, rather than one at a guessed place", () => {
    const tab = tabStorage();
    expect(acceptedAfter("chat-9", ["x1", "x2"], true, tab)).toBeUndefined();
  });

  it("forgets a chat that has left the advisor, so taking it again later marks the new moment", () => {
    const tab = tabStorage();
    acceptedAfter("chat-1", ["m1"], false, tab);
    forgetAccepted("chat-1", tab);
    expect(acceptedAfter("chat-1", ["m1", "m2"], true, tab)).toBeUndefined();
    expect(acceptedAfter("chat-1", ["m1", "m2", "m3"], false, tab)).toBe("m3");
  });

  it("still opens the chat when storage is blocked, only without the line after a reload", () => {
    const blocked = {
      ...tabStorage(),
      getItem: () => {
        throw new Error("SecurityError");
      },
    } as Storage;
    expect(acceptedAfter("chat-1", ["m1"], true, blocked)).toBeUndefined();
  });
});
