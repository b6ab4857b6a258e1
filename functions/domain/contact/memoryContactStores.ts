import type { Lang } from "../../contracts/lang.ts";
import type {
  AppointmentPosition,
  AppointmentRecord,
  AppointmentStore,
  CallbackRecord,
  CallbackStore,
  ContactGuard,
  ContactGuardStore,
} from "./contactStore.ts";

/*
 * In-memory adapters with the same conditional semantics as the DynamoDB ones, for unit
 * tests of the domain and of callers (gateway, console) that need no database.
 */

/** A CallbackStore in a Map. */
export function createMemoryCallbackStore(): CallbackStore & {
  items: Map<string, CallbackRecord>;
} {
  const items = new Map<string, CallbackRecord>();
  return {
    items,
    async putCallback(record) {
      if (items.has(record.reference)) return false;
      items.set(record.reference, structuredClone(record));
      return true;
    },
    async getCallback(reference) {
      const item = items.get(reference);
      return item && structuredClone(item);
    },
    async listOpenCallbacks(limit, after, langs) {
      const order = (r: { createdAt: string; reference: string }) =>
        `${r.createdAt} ${r.reference}`;
      return [...items.values()]
        .filter(
          (r) =>
            r.status === "open" &&
            (!after || order(r) > order(after)) &&
            (!langs || langs.includes(r.lang)),
        )
        .sort((a, b) => order(a).localeCompare(order(b)))
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },
    async closeCallback(reference, close) {
      const item = items.get(reference);
      if (item?.status !== "open") return undefined;
      const closed: CallbackRecord = { ...item, ...close, status: "closed" };
      if (close.note === undefined) delete closed.note;
      items.set(reference, closed);
      return structuredClone(closed);
    },
  };
}

/** An AppointmentStore in Maps; `failPut` makes the next appointment writes throw. */
export function createMemoryAppointmentStore(): AppointmentStore & {
  counters: Map<string, { booked: number; capacity: number; expiresAt: number }>;
  items: Map<string, AppointmentRecord>;
  failPut: number;
} {
  const counters = new Map<string, { booked: number; capacity: number; expiresAt: number }>();
  const items = new Map<string, AppointmentRecord>();
  const store = {
    counters,
    items,
    failPut: 0,
    async bookedCounts(slotIds: readonly string[]) {
      const out = new Map<string, number>();
      for (const id of slotIds) {
        const c = counters.get(id);
        if (c) out.set(id, c.booked);
      }
      return out;
    },
    async reservePlace(slotId: string, capacity: number, expiresAt: number) {
      const c = counters.get(slotId);
      if (c && c.booked >= capacity) return false;
      counters.set(slotId, {
        booked: (c?.booked ?? 0) + 1,
        capacity,
        expiresAt: c?.expiresAt ?? expiresAt,
      });
      return true;
    },
    async releasePlace(slotId: string) {
      const c = counters.get(slotId);
      if (c && c.booked > 0) c.booked -= 1;
    },
    async putAppointment(record: AppointmentRecord) {
      if (store.failPut > 0) {
        store.failPut -= 1;
        throw new Error("simulated storage failure");
      }
      if (items.has(record.reference)) return false;
      items.set(record.reference, structuredClone(record));
      return true;
    },
    async getAppointment(reference: string) {
      const item = items.get(reference);
      return item && structuredClone(item);
    },
    async listBookedBySubject(subject: string) {
      return [...items.values()]
        .filter((item) => item.subject === subject && item.status === "booked")
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((item) => structuredClone(item));
    },
    async markCancelled(reference: string, cancelledAt: string) {
      const item = items.get(reference);
      if (item?.status !== "booked") return undefined;
      const before = structuredClone(item);
      const { phone: _phone, subject: _subject, ...rest } = item;
      items.set(reference, { ...rest, status: "cancelled", cancelledAt });
      return before;
    },
    async listBookedByLang(lang: Lang, limit: number, after: AppointmentPosition) {
      const order = (r: AppointmentPosition) => `${r.start}#${r.reference}`;
      return [...items.values()]
        .filter((r) => r.status === "booked" && r.lang === lang && order(r) > order(after))
        .sort((a, b) => (order(a) < order(b) ? -1 : 1))
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },
    async markHandled(
      reference: string,
      handled: { handledAt: string; handledBy: string; note?: string },
    ) {
      const item = items.get(reference);
      if (item?.status !== "booked" || item.start > handled.handledAt) return undefined;
      const done: AppointmentRecord = { ...item, ...handled, status: "handled" };
      if (handled.note === undefined) delete done.note;
      items.set(reference, done);
      return structuredClone(done);
    },
  };
  return store;
}

/** A ContactGuardStore in a Map, with the DynamoDB adapter's conditions. */
export function createMemoryGuardStore(): ContactGuardStore & { items: Map<string, ContactGuard> } {
  const items = new Map<string, ContactGuard>();
  return {
    items,
    async claim(guard, now, over) {
      const held = items.get(guard.key);
      const free =
        !held ||
        (held.holdsUntil !== undefined && held.holdsUntil <= now) ||
        (over !== undefined && held.reference === over);
      if (!free) return { ok: false, holder: structuredClone(held) };
      items.set(guard.key, structuredClone(guard));
      return held ? { ok: true, previous: held } : { ok: true };
    },
    async release(key, reference) {
      if (items.get(key)?.reference === reference) items.delete(key);
    },
  };
}
