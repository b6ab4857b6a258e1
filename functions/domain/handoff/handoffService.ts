import type { ChatService } from "../chat/chatService.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import type { ChatNotifier } from "../chat/notifier.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import type { OpeningHours } from "../openingHours/index.ts";
import type { Clock } from "../ports.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import { createAdvisorActions } from "./advisorActions.ts";
import { createAdvisorSessions } from "./advisorSession.ts";
import type { HandoffNotifier } from "./notifier.ts";
import type { PresenceRegistry } from "./presence.ts";
import { createHandoffQueue } from "./queue.ts";
import { createRequestPerson } from "./requestPerson.ts";
import type { Schedule } from "./schedule.ts";

export interface HandoffSettings {
  /** Waiting chats per queue beyond which customers are offered other channels. */
  queueLimit: number;
  averageHandlingSeconds: number;
  /** How long a disconnected advisor keeps their chats. */
  graceMs: number;
}

export interface HandoffDeps {
  store: ChatStore;
  chats: ChatService;
  notifier: ChatNotifier;
  handoffNotifier: HandoffNotifier;
  presence: PresenceRegistry;
  clock: Clock;
  /** The schedule; a function so that the YAML is read on first use. */
  openingHours: () => OpeningHours;
  settings: HandoffSettings;
  schedule?: Schedule;
  /** Background work (grace-period releases): the gateway tracks it and logs failures. */
  background?: (work: Promise<unknown>) => void;
  /** Counts handoff outcomes for supervisors' reports; never throws. */
  reports?: ReportRecorder;
  /** Tells the missed-question inbox when a customer asks for a person; never throws. */
  learning?: LearningEvents;
  /**
   * Whether the bot's content has this topic, where content is loaded in this process; a
   * wrap-up reason is then one of them. Without it, any well-formed topic id is accepted.
   */
  isKnownTopic?: (topic: string) => boolean;
}

export type HandoffService = ReturnType<typeof createHandoffService>;

/**
 * Routing a chat to a person and everything an advisor does with it, transport-free: the
 * queue and its updates (queue.ts), the customer asking and waiting (requestPerson.ts), the
 * advisor's console session with its grace period (advisorSession.ts), and the advisor's
 * actions on a chat (advisorActions.ts). One queue is shared, so every change is published
 * through the same snapshot runner.
 */
export function createHandoffService(deps: HandoffDeps) {
  const { settings } = deps;
  const queue = createHandoffQueue({
    ...deps,
    averageHandlingSeconds: settings.averageHandlingSeconds,
  });
  const customer = createRequestPerson({ ...deps, queue, queueLimit: settings.queueLimit });
  const sessions = createAdvisorSessions({ ...deps, queue, graceMs: settings.graceMs });
  const actions = createAdvisorActions({ ...deps, queue });
  return {
    ...customer,
    ...sessions,
    ...actions,
    /** The queue as advisors see it. */
    queueSnapshot: queue.snapshot,
  };
}
