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
 * and the chat cap. The routing decision, wait estimates and the accept cap read it. Async so
 * that it can live outside the process (Redis, shared by every gateway task); the in-memory
 * registry below serves one process (the local server).
 */
export interface PresenceRegistry {
  /** Records a new connection; returns the advisor's status (kept over a reconnect). */
  connect(advisor: AdvisorIdentity): Promise<{ status: AdvisorStatus; firstConnection: boolean }>;
  /** Records a closed connection; true when no connection of the advisor is left anywhere. */
  disconnect(advisorId: string): Promise<boolean>;
  setStatus(advisorId: string, request: AdvisorStatusRequest): Promise<AdvisorStatus>;
  status(advisorId: string): Promise<AdvisorStatus | undefined>;
  isConnected(advisorId: string): Promise<boolean>;
  /**
   * How many times the advisor has connected, on any task (0 if never). A grace period
   * remembers it when it starts and releases the advisor's chats only if it is unchanged: an
   * advisor who came back (anywhere) and dropped again has a newer grace period of their own.
   */
  connections(advisorId: string): Promise<number>;
  /** Connected advisors set available who serve `lang`. */
  availableFor(lang: Lang): Promise<number>;
  /** The same advisors with their caps (what the wait estimate counts slots from). */
  availableAdvisors(lang: Lang): Promise<{ advisorId: string; maxChats: number }[]>;
  /**
   * Calls `listener` with advisors whose connections vanished without a disconnect (their
   * gateway task stopped or crashed), so that their chats go back to the queue after the
   * grace period. Registries of a single process have nothing to report.
   */
  onAdvisorsLost?(listener: (advisorIds: string[]) => void): void;
  /**
   * Calls `listener` on the one live task that claims a task that stopped or crashed, with
   * advisors or without: the chats whose idle deadlines that task kept need a new owner.
   */
  onTaskLost?(listener: () => void): void;
}

interface Entry {
  identity: AdvisorIdentity;
  status: AdvisorStatus;
  connections: number;
  /** Connections ever made (see PresenceRegistry.connections). */
  made: number;
}

/** The in-process registry (local server, one gateway task). */
export function createMemoryPresence(settings: { defaultMaxChats: number }): PresenceRegistry {
  const entries = new Map<string, Entry>();

  function require(advisorId: string): Entry {
    const entry = entries.get(advisorId);
    if (!entry) throw new Error(`advisor ${advisorId} is not connected`);
    return entry;
  }

  function available(lang: Lang): Entry[] {
    return [...entries.values()].filter(
      (entry) => entry.connections > 0 && isAvailableFor(entry.status, lang),
    );
  }

  return {
    async connect(identity) {
      const existing = entries.get(identity.advisorId);
      if (existing) {
        existing.connections += 1;
        existing.made += 1;
        existing.identity = identity;
        return { status: existing.status, firstConnection: existing.connections === 1 };
      }
      const status = initialStatus(identity, settings.defaultMaxChats);
      entries.set(identity.advisorId, { identity, status, connections: 1, made: 1 });
      return { status, firstConnection: true };
    },

    async disconnect(advisorId) {
      const entry = entries.get(advisorId);
      if (!entry) return true;
      entry.connections = Math.max(0, entry.connections - 1);
      return entry.connections === 0;
    },

    async setStatus(advisorId, request) {
      const entry = require(advisorId);
      entry.status = nextStatus(entry.status, entry.identity, request);
      return entry.status;
    },

    status: async (advisorId) => entries.get(advisorId)?.status,

    isConnected: async (advisorId) => (entries.get(advisorId)?.connections ?? 0) > 0,

    connections: async (advisorId) => entries.get(advisorId)?.made ?? 0,

    availableFor: async (lang) => available(lang).length,

    availableAdvisors: async (lang) =>
      available(lang).map((entry) => ({
        advisorId: entry.identity.advisorId,
        maxChats: entry.status.maxChats,
      })),
  };
}

/** An advisor's status on their first connection: away, every language the token allows. */
export function initialStatus(identity: AdvisorIdentity, defaultMaxChats: number): AdvisorStatus {
  return {
    status: "away",
    languages: [...identity.languages],
    maxChats: defaultMaxChats,
    displayName: identity.displayName,
  };
}

/** The status after an advisor:status request; refuses a language the token does not allow. */
export function nextStatus(
  current: AdvisorStatus,
  identity: Pick<AdvisorIdentity, "displayName" | "languages">,
  request: AdvisorStatusRequest,
): AdvisorStatus {
  const refused = request.languages.find((l) => !identity.languages.includes(l));
  if (refused) throw new LanguageNotServedError(refused);
  return {
    status: request.status,
    languages: [...new Set(request.languages)],
    maxChats: request.maxChats ?? current.maxChats,
    displayName: identity.displayName,
  };
}

/** Whether an advisor with this status counts as available for `lang`. */
export function isAvailableFor(status: AdvisorStatus | undefined, lang: Lang): boolean {
  return status?.status === "available" && status.languages.includes(lang);
}
