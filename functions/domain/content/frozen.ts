/**
 * `value` with every object and array in it frozen, in place, and returned. A store hands
 * out one shared copy of a content version or the draft (~310 kB each) instead of a fresh
 * copy per call; frozen, a caller that changes it by mistake fails at once (modules run in
 * strict mode) rather than corrupting what every later caller reads. A Map's entries are
 * frozen too, but not the Map itself: it is typed ReadonlyMap where it is handed out.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      deepFreeze(key);
      deepFreeze(entry);
    }
    return value;
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
