/** Test all over several training orders: the draft's figures as the order moves them. */
import { batch, computed, signal } from "@preact/signals";
import { DEFAULT_ORDERS } from "../../../functions/contracts/trainingOrders.ts";
import type { OrdersSpreadResult } from "../api.ts";
import { text } from "../i18n.ts";
import { ordersRefusal } from "../orderSpread.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";
import { draftChangedSince, draftTested, type TestedDraft } from "./topics.ts";

/** How many orders the owner asks for (MIN_ORDERS..MAX_ORDERS): the button says the number. */
export const ordersCount = signal(DEFAULT_ORDERS);
export const ordersResult = signal<OrdersSpreadResult | undefined>(undefined);
export const ordersBusy = signal(false);
/** How many orders the run under way trains: the busy line's number, whatever is chosen meanwhile. */
export const ordersRunningCount = signal(DEFAULT_ORDERS);
export const ordersError = signal("");
/** The draft the result on screen was trained on. */
export const ordersTested = signal<TestedDraft | undefined>(undefined);
/**
 * The draft has changed since the result on screen was made: its figures are of an older
 * draft than the one Test all may show now, and it says so until it is run again.
 */
export const ordersStale = computed(
  () => ordersResult.value !== undefined && draftChangedSince(ordersTested.value),
);

export async function runOrders(): Promise<void> {
  if (ordersBusy.value) return;
  const t = text.value;
  const count = ordersCount.value;
  batch(() => {
    ordersBusy.value = true;
    ordersRunningCount.value = count;
    ordersError.value = "";
  });
  announce(t.ordersRunning(count));
  const answer = await call(
    (c) => c.testAllOrders(count),
    (e) => {
      ordersError.value = ordersRefusal(e, t) ?? errorText(e);
    },
  );
  ordersBusy.value = false;
  if (!answer) return;
  batch(() => {
    ordersResult.value = answer;
    ordersTested.value = draftTested(answer.draftDigest);
  });
  announce(t.ordersGate(answer.gateFailsOn, answer.seeds.length));
}

onSignOut(() => {
  batch(() => {
    ordersResult.value = undefined;
    ordersTested.value = undefined;
    ordersBusy.value = false;
    ordersError.value = "";
    ordersCount.value = DEFAULT_ORDERS;
  });
});
