/** Where a chat goes when the customer wants a person. */
export type RouteDecision =
  | { kind: "queue" }
  | { kind: "unavailable"; reason: "no-advisors" | "queue-full" }
  | { kind: "closed" };

/**
 * Decides the route: the queue while the service is open and someone serves the language and
 * the line is not over its limit; otherwise the customer is offered a callback or appointment.
 */
export function decideRoute(input: {
  open: boolean;
  availableAdvisors: number;
  waiting: number;
  queueLimit: number;
}): RouteDecision {
  if (!input.open) return { kind: "closed" };
  if (input.availableAdvisors < 1) return { kind: "unavailable", reason: "no-advisors" };
  if (input.waiting >= input.queueLimit) return { kind: "unavailable", reason: "queue-full" };
  return { kind: "queue" };
}

/** What the advisors serving a queue can take right now, as the wait estimate counts it. */
export interface QueueCapacity {
  /** Chats the available advisors can hold at once: the sum of their caps. */
  slots: number;
  /** Of those, the ones free now: caps minus the chats the advisors hold. */
  free: number;
}

/**
 * A plain estimate of the wait at a queue position. The customer is taken once `position`
 * chat slots have come free: the ones free now take the first in line at once; after them a
 * slot comes free each time one of the chats in progress ends. With `slots` chats in progress,
 * each taking the average handling time and on average half done, one ends every
 * `average / slots` seconds, the first after half that. So with no slot free, the first in
 * line waits half an average chat shared by the slots, and each customer ahead adds a share.
 * Rounded to whole minutes. An advisor who serves both languages counts in both queues; no
 * advisor available counts as one slot, so that a wait is still said.
 */
export function estimateWaitSeconds(
  position: number,
  capacity: QueueCapacity,
  averageHandlingSeconds: number,
): number {
  const slots = Math.max(1, capacity.slots);
  const free = Math.min(Math.max(0, capacity.free), slots);
  const toComeFree = position - free;
  if (toComeFree <= 0) return 0;
  const seconds = ((toComeFree - 0.5) * averageHandlingSeconds) / slots;
  return Math.round(seconds / 60) * 60;
}
