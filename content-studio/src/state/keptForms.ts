/**
 * Unsaved editor forms kept in the browser (localStorage), per person and item, so that a
 * reload, a closed tab or a click elsewhere in the studio does not lose a topic half
 * written: a topic cannot be saved until it has its sentences, and writing them takes time.
 * The editors give a kept form back when the same person opens the same item again. What
 * is kept is the agency's content (inbox questions in it are masked already), under the
 * person's subject, so nobody else who signs in on the machine is shown it.
 */
import { tokenSubject } from "../../../handoff-console/src/reports/reportsApi.ts";
import { session } from "./app.ts";

/** A form as it was left, and the revision it was read at (what its save still expects). */
export interface KeptForm<F> {
  form: F;
  revision?: string;
  /** When it was last changed (ISO time): the editor says how old the kept work is. */
  keptAt: string;
  /** Anything else the editor needs to carry on (the inbox questions a new topic came from). */
  extra?: unknown;
}

export type KeptKind = "topic" | "referral" | "out-of-scope" | "uncovered";

/** Kept work older than this is dropped on reading: it is no longer anyone's work in hand. */
export const KEPT_FOR_MS = 14 * 24 * 60 * 60 * 1000;
const PREFIX = "studio.unsaved.v1:";

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be switched off (a privacy setting): the studio works, keeping nothing.
    return undefined;
  }
}

function keyOf(kind: KeptKind, id: string): string | undefined {
  const token = session.peek()?.token;
  const subject = token ? tokenSubject(token) : undefined;
  return subject ? `${PREFIX}${subject}:${kind}:${id}` : undefined;
}

/**
 * The kept forms of one editor. `isForm` tells a stored value that is still a form of this
 * studio's shape from one an older build (or a hand) left: that one is dropped, not shown.
 */
export function keptForms<F>(
  kind: KeptKind,
  isForm: (value: unknown) => value is F,
  /** Brings a form an earlier build kept up to this one's shape (a field added since). */
  upgrade: (value: unknown) => unknown = (value) => value,
) {
  return {
    keep(id: string, kept: Omit<KeptForm<F>, "keptAt">, now = new Date()): void {
      const key = keyOf(kind, id);
      if (!key) return;
      try {
        storage()?.setItem(key, JSON.stringify({ ...kept, keptAt: now.toISOString() }));
      } catch {
        // Full or refused: the form in hand is still there; only the spare copy is missing.
      }
    },

    read(id: string, now = new Date()): KeptForm<F> | undefined {
      const key = keyOf(kind, id);
      const raw = key ? storage()?.getItem(key) : undefined;
      if (!key || !raw) return undefined;
      try {
        const kept = JSON.parse(raw) as Partial<KeptForm<F>>;
        const at = Date.parse(String(kept.keptAt));
        const form = upgrade(kept.form);
        if (isForm(form) && at > now.getTime() - KEPT_FOR_MS) {
          return { ...kept, form, keptAt: String(kept.keptAt) };
        }
      } catch {
        // Not JSON: dropped below like any other copy that cannot be given back.
      }
      storage()?.removeItem(key);
      return undefined;
    },

    forget(id: string): void {
      const key = keyOf(kind, id);
      if (key) storage()?.removeItem(key);
    },
  };
}

/** Whether `value` is an object with exactly the string fields of `shape` (nested alike). */
export function sameShape(value: unknown, shape: unknown): boolean {
  if (typeof shape === "string") return typeof value === "string";
  if (typeof shape === "boolean") return typeof value === "boolean";
  if (Array.isArray(shape)) return Array.isArray(value);
  if (typeof shape !== "object" || shape === null) return false;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(shape);
  return (
    keys.length === Object.keys(value).length &&
    keys.every((k) =>
      sameShape((value as Record<string, unknown>)[k], (shape as Record<string, unknown>)[k]),
    )
  );
}

/** Two forms alike field by field: one that equals what was read is no unsaved work. */
export function sameForm(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
