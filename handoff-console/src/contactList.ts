/**
 * A list of contacts advisors work through (callback requests, booked appointments) in a
 * signal: the first page when the console connects or the advisor refreshes, the next pages
 * on request, and a handled contact taken out. Talks to the service through the two calls it
 * is given, so it runs without a socket in tests.
 */
import { type Signal, signal } from "@preact/signals";
import type { AckError } from "../../functions/contracts/protocol.ts";

export interface ContactPage<T> {
  items: T[];
  nextCursor?: string;
  now: string;
}

export interface ContactListState<T> {
  /** In the service's order, each reference once. */
  items: readonly T[];
  /** Asks for the page after `items`; absent when every contact is listed. */
  nextCursor?: string;
  loading: "" | "first" | "more";
  /** How far the service's clock is ahead of this computer's (ms): times follow the service. */
  skew: number;
  /** Why the last load failed, until one succeeds. */
  error?: { code: string; message: string };
}

type Answer<T> = ({ ok: true } & T) | AckError;

export interface ContactList<T, S> {
  state: Signal<ContactListState<T>>;
  reset(): void;
  /**
   * Loads the list again from its start, as many pages as were shown before, so that a
   * refresh never takes away rows the advisor had paged to. A shown contact the service no
   * longer lists stays where it was while `keep` says it is in use (a note being written in
   * it, focus in its row): closing it then says who was first, rather than the row vanishing.
   */
  refresh(source: S, keep?: (reference: string) => boolean): Promise<void>;
  /** Adds the next page after the shown ones; nothing when all are shown or a load is under way. */
  more(source: S): Promise<void>;
  /** Marks a contact handled; on success it leaves the list, on failure the list stays. */
  close(source: S, reference: string, note: string): Promise<Answer<object>>;
}

export function contactList<T extends { reference: string }, S>(
  page: (source: S, cursor?: string) => Promise<Answer<ContactPage<T>>>,
  handle: (source: S, reference: string, note: string) => Promise<Answer<object>>,
): ContactList<T, S> {
  const empty: ContactListState<T> = { items: [], loading: "", skew: 0 };
  const state = signal<ContactListState<T>>(empty);
  // A refresh started after another makes the earlier one's answer stale.
  let generation = 0;
  return {
    state,
    reset() {
      generation += 1;
      state.value = empty;
    },
    async refresh(source, keep) {
      const run = ++generation;
      const before = state.peek().items;
      const shown = before.length;
      state.value = { ...state.peek(), loading: "first" };
      let items: T[] = [];
      let cursor: string | undefined;
      let skew = 0;
      do {
        const ack = await page(source, cursor);
        if (run !== generation) return;
        if (!ack.ok) {
          state.value = { ...state.peek(), loading: "", error: ack.error };
          return;
        }
        items = appendPage(items, ack.items);
        cursor = ack.nextCursor;
        skew = skewOf(ack.now);
      } while (cursor && items.length < shown);
      before.forEach((item, at) => {
        if (keep?.(item.reference) && !items.some((c) => c.reference === item.reference)) {
          items.splice(Math.min(at, items.length), 0, item);
        }
      });
      state.value = { items, loading: "", skew, ...(cursor ? { nextCursor: cursor } : {}) };
    },
    async more(source) {
      const { nextCursor, loading } = state.peek();
      if (!nextCursor || loading) return;
      const run = generation;
      state.value = { ...state.peek(), loading: "more" };
      const ack = await page(source, nextCursor);
      if (run !== generation) return;
      const now = state.peek();
      state.value = ack.ok
        ? {
            items: appendPage(now.items, ack.items),
            loading: "",
            skew: skewOf(ack.now),
            ...(ack.nextCursor ? { nextCursor: ack.nextCursor } : {}),
          }
        : { ...now, loading: "", error: ack.error };
    },
    async close(source, reference, note) {
      const ack = await handle(source, reference, note);
      if (ack.ok) {
        const now = state.peek();
        state.value = { ...now, items: now.items.filter((c) => c.reference !== reference) };
      }
      return ack;
    },
  };
}

/** The service's time of reading against this computer's; 0 when the service did not say. */
export function skewOf(serviceNow: string | undefined): number {
  const at = Date.parse(serviceNow ?? "");
  return Number.isNaN(at) ? 0 : at - Date.now();
}

/** The shown contacts and a page after them, each reference once (pages may meet). */
export function appendPage<T extends { reference: string }>(
  shown: readonly T[],
  page: readonly T[],
): T[] {
  const seen = new Set(shown.map((c) => c.reference));
  return [...shown, ...page.filter((c) => !seen.has(c.reference))];
}
