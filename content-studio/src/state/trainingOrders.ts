/** Test all over several training orders: the draft's figures as the order moves them. */
import { batch, signal } from "@preact/signals";
import type { OrdersSpreadResult } from "../api.ts";
import { text } from "../i18n.ts";
import { ordersRefusal } from "../orderSpread.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";

/** How many orders the studio asks for: the button says "five". */
export const ORDERS = 5;

export const ordersResult = signal<OrdersSpreadResult | undefined>(undefined);
export const ordersBusy = signal(false);
export const ordersError = signal("");

export async function runOrders(): Promise<void> {
  if (ordersBusy.value) return;
  const t = text.value;
  batch(() => {
    ordersBusy.value = true;
    ordersError.value = "";
  });
  announce(t.ordersRunning(ORDERS));
  const answer = await call(
    (c) => c.testAllOrders(ORDERS),
    (e) => {
      ordersError.value = ordersRefusal(e, t) ?? errorText(e);
    },
  );
  ordersBusy.value = false;
  if (!answer) return;
  ordersResult.value = answer;
  announce(t.ordersGate(answer.gateFailsOn, answer.seeds.length));
}

onSignOut(() => {
  batch(() => {
    ordersResult.value = undefined;
    ordersBusy.value = false;
    ordersError.value = "";
  });
});
