import type { AdvisorStatus, QueueSnapshot } from "../../contracts/protocol.ts";

/**
 * Delivers handoff events that the chat notifier does not: the queue to advisors, typing
 * between customer and advisor, and which advisor connections follow which chat.
 */
export interface HandoffNotifier {
  /** The waiting chats of every queue, to every connected advisor. */
  queue(snapshot: QueueSnapshot): void;
  /** Typing indicator to the other party of the chat. */
  typing(chatId: string, to: "customer" | "advisor", typing: boolean): void;
  /** Every connection of the advisor starts (or stops) receiving the chat's events. */
  attach(advisorId: string, chatId: string): void;
  detach(advisorId: string, chatId: string): void;
  /** The advisor's status, to all of their connections. */
  advisorStatus(advisorId: string, status: AdvisorStatus): void;
}
