import {
  dayOfMissId,
  type MissEntry,
  type MissPlace,
  type MissStatus,
  type MissStore,
  type MissUpdate,
} from "./missStore.ts";

const copy = <T>(value: T): T => structuredClone(value);

/** Kept questions in memory: domain tests and the contract suite's reference. */
export function createMemoryMissStore(): MissStore {
  const entries = new Map<string, MissEntry>();
  return {
    async put(entry) {
      entries.set(entry.id, copy(entry));
    },
    async putAll(all) {
      for (const entry of all) entries.set(entry.id, copy(entry));
    },
    async update(id: string, change: MissUpdate) {
      const found = entries.get(id);
      if (found) entries.set(id, { ...found, ...copy(change) });
    },
    async setStatus(ids: readonly string[], status: MissStatus, place: MissPlace = {}) {
      const updated: MissEntry[] = [];
      for (const id of new Set(ids)) {
        const found = entries.get(id);
        if (!found) continue;
        const { taughtTo: _t, referredTo: _r, uncoveredMatter: _u, ...rest } = found;
        const next: MissEntry = { ...rest, status, ...copy(place) };
        entries.set(id, next);
        updated.push(copy(next));
      }
      return updated;
    },
    async get(ids) {
      return [...new Set(ids)].flatMap((id) => {
        const found = entries.get(id);
        return found ? [copy(found)] : [];
      });
    },
    async listDays(fromDay, toDay) {
      return [...entries.values()]
        .filter((e) => {
          const day = dayOfMissId(e.id) ?? e.day;
          return day >= fromDay && day <= toDay;
        })
        .map(copy);
    },
  };
}
