import { describe, expect, it } from "vitest";
import { placeAdded, START_MARGIN_PX, scrollTopShowing } from "../web-chat/src/scrolling.ts";

// Where the conversation scrolls when a message comes: a long answer is read from its start.

/** A log 400 px high whose content is `scrollHeight`, scrolled to its end unless told. */
const view = (scrollHeight: number, scrollTop = Math.max(0, scrollHeight - 400)) => ({
  scrollHeight,
  clientHeight: 400,
  scrollTop,
});

describe("placing a message added last", () => {
  it("goes to the end for a short answer and for the customer's own message, however long", () => {
    expect(placeAdded(view(1000, 500), { from: "bot", top: 880, height: 120 })).toEqual({
      scrollTop: 600,
    });
    expect(placeAdded(view(1600, 500), { from: "customer", top: 1000, height: 600 })).toEqual({
      scrollTop: 1200,
    });
  });

  it("shows an answer taller than the log from its start, with a margin above it", () => {
    // A 623 px answer in a 400 px log (the reviewer's case): its start, not its end.
    const placed = placeAdded(view(1623, 600), { from: "bot", top: 1000, height: 623 });
    expect(placed.scrollTop).toBe(1000 - START_MARGIN_PX);
    expect(placed.kept).toBe(1000 - START_MARGIN_PX);
    expect(placeAdded(view(1623), { from: "advisor", top: 1000, height: 623 }).scrollTop).toBe(
      1000 - START_MARGIN_PX,
    );
  });

  it("keeps a long answer's start in view while short messages of its turn follow", () => {
    const kept = 988;
    const more = placeAdded(view(1700, kept), { from: "system", top: 1640, height: 60 }, kept);
    expect(more).toEqual({ scrollTop: kept, kept });
  });

  it("goes to the end again once the customer has scrolled on past the kept start", () => {
    const kept = 988;
    const more = placeAdded(view(1700, 1100), { from: "bot", top: 1640, height: 60 }, kept);
    expect(more).toEqual({ scrollTop: 1300 });
  });

  it("shows the first of the messages that came while minimised from its start when they do not fit", () => {
    expect(scrollTopShowing(view(2000), 1200)).toBe(1200 - START_MARGIN_PX);
    // They fit: the end, as usual.
    expect(scrollTopShowing(view(2000), 1800)).toBe(1600);
  });
});
