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

/**
 * A plain estimate of the wait at a queue position: the customers ahead are served in
 * parallel by the advisors available, each taking the average handling time.
 */
export function estimateWaitSeconds(
  position: number,
  availableAdvisors: number,
  averageHandlingSeconds: number,
): number {
  const ahead = Math.max(0, position - 1);
  const rounds = Math.floor(ahead / Math.max(1, availableAdvisors)) + (ahead > 0 ? 0.5 : 0);
  return Math.round((rounds * averageHandlingSeconds) / 60) * 60;
}
