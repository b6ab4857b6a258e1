/**
 * Test all over several training orders, read for the content owner: where a figure's range
 * stands against the publish gate, and what a refusal of the run means in the studio's words.
 */
import { ContentApiError, type FigureSpread } from "./api.ts";
import type { UiText } from "./i18n.ts";

/**
 * A figure's range against its gate: `clear` on every order, `crosses` when some orders
 * pass and others do not (the verdict is the order's, not the content's), `fails` on every
 * order; `none` for a figure the gate does not hold.
 */
export type GateStanding = "none" | "clear" | "crosses" | "fails";

export function gateStanding(figure: FigureSpread): GateStanding {
  const gate = figure.gate;
  if (!gate) return "none";
  if ("min" in gate) {
    if (figure.min >= gate.min) return "clear";
    return figure.max < gate.min ? "fails" : "crosses";
  }
  if (figure.max <= gate.max) return "clear";
  return figure.min > gate.max ? "fails" : "crosses";
}

/**
 * A refusal said for this run: another run on the server (409), a deployment that cannot
 * train other orders (503 with the service's reason); undefined for what `errorText` tells.
 */
export function ordersRefusal(error: unknown, t: UiText): string | undefined {
  if (!(error instanceof ContentApiError)) return undefined;
  if (error.status === 409 && error.code === "CONFLICT") return t.ordersBusy;
  if (error.status === 503 && error.code === "SERVICE_UNAVAILABLE") return t.ordersUnavailable;
  return undefined;
}
