import type { ChatMessage } from "../../functions/contracts/protocol.ts";

/** Room left above a long message's first line when the log shows its start. */
export const START_MARGIN_PX = 12;

/** The scrolling conversation's box, as the DOM measures it. */
export interface LogView {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** A message just added last: who wrote it, where it starts in the log's content, its height. */
export interface AddedMessage {
  from: ChatMessage["from"];
  top: number;
  height: number;
}

/** The log's scroll position that shows `top` with the margin above it, or the end if nearer. */
export function scrollTopShowing(view: LogView, top: number): number {
  const end = Math.max(0, view.scrollHeight - view.clientHeight);
  return Math.min(end, Math.max(0, top - START_MARGIN_PX));
}

/**
 * Where the log scrolls when a message is added last. The customer's own message and a short
 * answer go to the end, as in any chat. An answer taller than the visible log is shown from
 * its start, so it is read from the top instead of found by scrolling back; that start (`kept`)
 * stays in view while more short messages of the turn follow, until the customer scrolls on
 * past it or writes.
 */
export function placeAdded(
  view: LogView,
  added: AddedMessage,
  kept?: number,
): { scrollTop: number; kept?: number } {
  const end = Math.max(0, view.scrollHeight - view.clientHeight);
  if (added.from === "customer") return { scrollTop: end };
  if (added.height + START_MARGIN_PX > view.clientHeight) {
    const start = Math.max(0, added.top - START_MARGIN_PX);
    return { scrollTop: Math.min(end, start), kept: start };
  }
  // Scrolled on past the kept start (more than rounding): the customer has read on.
  if (kept !== undefined && view.scrollTop <= kept + 1) {
    return { scrollTop: Math.min(end, kept), kept };
  }
  return { scrollTop: end };
}
