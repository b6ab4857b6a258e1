import type { Lang } from "../../contracts/lang.ts";

/** Which of the advisors' lists a change touches. */
export type ContactListName = "callbacks" | "appointments";

export interface ContactChange {
  list: ContactListName;
  lang: Lang;
}

/**
 * Tells whoever shows the advisors' lists (the gateway, to the consoles serving `lang`) that
 * a callback request or booking was made, closed, cancelled or handled. In-process: a runtime
 * without listeners (a Lambda) says it to nobody, and the consoles' timed refresh catches up.
 * A listener's failure never fails the change itself.
 */
export interface ContactChanges {
  changed(change: ContactChange): void;
  /** Adds a listener; returns its removal. */
  listen(listener: (change: ContactChange) => void): () => void;
}

export function createContactChanges(): ContactChanges {
  const listeners = new Set<(change: ContactChange) => void>();
  return {
    changed(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch {
          // Telling the consoles is best effort; the change is stored either way.
        }
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
