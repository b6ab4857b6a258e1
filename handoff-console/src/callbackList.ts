/**
 * The advisors' list of open callback requests in a signal: the first page when the console
 * connects or the advisor refreshes, the next pages on request, and a closed request taken
 * out. Talks to the service through the two calls below, so it runs without a socket in tests.
 */
import { signal } from "@preact/signals";
import type { OpenCallbackItem } from "../../functions/contracts/protocol.ts";
import type { ConsoleClient } from "./consoleClient.ts";

export type CallbackSource = Pick<ConsoleClient, "listCallbacks" | "closeCallback">;

export interface CallbackListState {
  /** Oldest first, each reference once. */
  items: readonly OpenCallbackItem[];
  /** Asks for the page after `items`; absent when every open request is listed. */
  nextCursor?: string;
  loading: "" | "first" | "more";
  /** How far the service's clock is ahead of this computer's (ms): waits follow the service. */
  skew: number;
  /** Why the last load failed, until one succeeds. */
  error?: { code: string; message: string };
}

const EMPTY: CallbackListState = { items: [], loading: "", skew: 0 };

export const callbackList = signal<CallbackListState>(EMPTY);

// A refresh started after another makes the earlier one's answer stale.
let generation = 0;

export function resetCallbacks(): void {
  generation += 1;
  callbackList.value = EMPTY;
}

/**
 * Loads the list again from the oldest request, as many pages as were shown before, so that
 * a refresh never takes away rows the advisor had paged to (or a note being written in one).
 */
export async function refreshCallbacks(source: CallbackSource): Promise<void> {
  const run = ++generation;
  const shown = callbackList.peek().items.length;
  callbackList.value = { ...callbackList.peek(), loading: "first" };
  let items: OpenCallbackItem[] = [];
  let cursor: string | undefined;
  let skew = 0;
  do {
    const ack = await source.listCallbacks(cursor);
    if (run !== generation) return;
    if (!ack.ok) {
      callbackList.value = { ...callbackList.peek(), loading: "", error: ack.error };
      return;
    }
    items = appendPage(items, ack.callbacks);
    cursor = ack.nextCursor;
    skew = skewOf(ack.now);
  } while (cursor && items.length < shown);
  callbackList.value = { items, loading: "", skew, ...(cursor ? { nextCursor: cursor } : {}) };
}

/** Adds the next page after the shown ones; nothing when all are shown or a load is under way. */
export async function loadMoreCallbacks(source: CallbackSource): Promise<void> {
  const { nextCursor, loading } = callbackList.peek();
  if (!nextCursor || loading) return;
  const run = generation;
  callbackList.value = { ...callbackList.peek(), loading: "more" };
  const ack = await source.listCallbacks(nextCursor);
  if (run !== generation) return;
  const now = callbackList.peek();
  if (!ack.ok) {
    callbackList.value = { ...now, loading: "", error: ack.error };
    return;
  }
  callbackList.value = {
    items: appendPage(now.items, ack.callbacks),
    loading: "",
    skew: skewOf(ack.now),
    ...(ack.nextCursor ? { nextCursor: ack.nextCursor } : {}),
  };
}

/** Marks a request done; on success it leaves the list, on failure the list stays as it was. */
export async function closeCallbackRequest(
  source: CallbackSource,
  reference: string,
  note: string,
): ReturnType<CallbackSource["closeCallback"]> {
  const ack = await source.closeCallback(reference, note);
  if (ack.ok) {
    const now = callbackList.peek();
    callbackList.value = { ...now, items: now.items.filter((c) => c.reference !== reference) };
  }
  return ack;
}

/** The service's time of reading against this computer's; 0 when the service did not say. */
export function skewOf(serviceNow: string | undefined): number {
  const at = Date.parse(serviceNow ?? "");
  return Number.isNaN(at) ? 0 : at - Date.now();
}

/** The shown requests and a page after them, each reference once (pages may meet). */
export function appendPage(
  shown: readonly OpenCallbackItem[],
  page: readonly OpenCallbackItem[],
): OpenCallbackItem[] {
  const seen = new Set(shown.map((c) => c.reference));
  return [...shown, ...page.filter((c) => !seen.has(c.reference))];
}
