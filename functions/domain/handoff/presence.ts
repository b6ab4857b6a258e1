import type { Lang } from "../../contracts/lang.ts";
import type { AdvisorStatus, AdvisorStatusRequest } from "../../contracts/protocol.ts";
import { LanguageNotServedError } from "./errors.ts";

/** The staff member behind an advisor connection, as their verified token says. */
export interface AdvisorIdentity {
  advisorId: string;
  displayName: string;
  /** Languages the token allows them to serve; what they choose must be among these. */
  languages: Lang[];
}

/**
 * Who is online in the console and what they take: connections, available/away, languages
 * and the chat cap. One registry per gateway process; the routing decision and the accept
 * cap read it.
 */
export interface PresenceRegistry {
  /** Records a new connection; returns the advisor's status (kept over a reconnect). */
  connect(advisor: AdvisorIdentity): { status: AdvisorStatus; firstConnection: boolean };
  /** Records a closed connection; true when it was the advisor's last one. */
  disconnect(advisorId: string): boolean;
  setStatus(advisorId: string, request: AdvisorStatusRequest): AdvisorStatus;
  status(advisorId: string): AdvisorStatus | undefined;
  isConnected(advisorId: string): boolean;
  /** Connected advisors set available who serve `lang`. */
  availableFor(lang: Lang): number;
}

interface Entry {
  identity: AdvisorIdentity;
  status: AdvisorStatus;
  connections: number;
}

/** The in-process registry (local server, one gateway task). */
export function createMemoryPresence(settings: { defaultMaxChats: number }): PresenceRegistry {
  const entries = new Map<string, Entry>();

  function require(advisorId: string): Entry {
    const entry = entries.get(advisorId);
    if (!entry) throw new Error(`advisor ${advisorId} is not connected`);
    return entry;
  }

  return {
    connect(identity) {
      const existing = entries.get(identity.advisorId);
      if (existing) {
        existing.connections += 1;
        existing.identity = identity;
        return { status: existing.status, firstConnection: existing.connections === 1 };
      }
      const status: AdvisorStatus = {
        status: "away",
        languages: [...identity.languages],
        maxChats: settings.defaultMaxChats,
        displayName: identity.displayName,
      };
      entries.set(identity.advisorId, { identity, status, connections: 1 });
      return { status, firstConnection: true };
    },

    disconnect(advisorId) {
      const entry = entries.get(advisorId);
      if (!entry) return true;
      entry.connections = Math.max(0, entry.connections - 1);
      return entry.connections === 0;
    },

    setStatus(advisorId, request) {
      const entry = require(advisorId);
      const refused = request.languages.find((l) => !entry.identity.languages.includes(l));
      if (refused) throw new LanguageNotServedError(refused);
      entry.status = {
        status: request.status,
        languages: [...new Set(request.languages)],
        maxChats: request.maxChats ?? entry.status.maxChats,
        displayName: entry.identity.displayName,
      };
      return entry.status;
    },

    status: (advisorId) => entries.get(advisorId)?.status,

    isConnected: (advisorId) => (entries.get(advisorId)?.connections ?? 0) > 0,

    availableFor(lang) {
      let count = 0;
      for (const entry of entries.values()) {
        if (
          entry.connections > 0 &&
          entry.status.status === "available" &&
          entry.status.languages.includes(lang)
        ) {
          count += 1;
        }
      }
      return count;
    },
  };
}
