import { ChatError } from "../domain/chat/errors.ts";

/**
 * Acts once a chat's customer has been gone (no connection to the chat on any gateway task)
 * for the grace period: a waiting chat leaves the queue, since a customer who closed the tab
 * must not hold a place, nor be handed to an advisor who would wait for nobody; an advisor's
 * chat stays, and the advisor is told. A reload or a short network break within the grace
 * period changes nothing.
 */
export interface QueueDepartures {
  /** The customer's connection to `chatId` went: start its grace period. */
  customerLeft(chatId: string): void;
  /** The customer is back in `chatId`: keep the place. */
  customerBack(chatId: string): void;
  /**
   * Chats whose customers' departures no live process saw (a restart, a lost task): each
   * whose customer has no connection now, on any task, gets the grace period from now, as if
   * its customer had just left. Connected ones are left to the disconnect on their own task.
   */
  graceIfAbsent(chatIds: string[]): Promise<void>;
  /** Cancels every pending departure (shutdown). */
  stop(): void;
}

export function createQueueDepartures(deps: {
  graceMs: number;
  /** Whether any connection (on any task) is in the chat's room. */
  customerConnected: (chatId: string) => Promise<boolean>;
  /** The customer is gone: takes a waiting chat out of its queue, tells an advisor. */
  customerGone: (chatId: string) => Promise<void>;
  /** Background work: the gateway tracks it and logs failures. */
  background: (work: Promise<unknown>) => void;
}): QueueDepartures {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  function cancel(chatId: string): void {
    const timer = timers.get(chatId);
    if (timer) clearTimeout(timer);
    timers.delete(chatId);
  }

  async function depart(chatId: string): Promise<void> {
    // The customer may have come back through another task, which this one cannot see.
    if (await deps.customerConnected(chatId)) return;
    try {
      await deps.customerGone(chatId);
    } catch (error) {
      // Ended or moved meanwhile: then there is nothing to do, and that is fine.
      if (error instanceof ChatError) return;
      throw error;
    }
  }

  function customerLeft(chatId: string): void {
    if (stopped) return;
    cancel(chatId);
    const timer = setTimeout(() => {
      timers.delete(chatId);
      deps.background(depart(chatId));
    }, deps.graceMs);
    timer.unref();
    timers.set(chatId, timer);
  }

  return {
    customerLeft,
    customerBack: cancel,
    async graceIfAbsent(chatIds) {
      for (const chatId of new Set(chatIds)) {
        if (stopped || timers.has(chatId)) continue;
        if (await deps.customerConnected(chatId)) continue;
        // A customer back between the question and this line found no timer to cancel: the
        // one set now fires into a connected chat, which depart() leaves as it is.
        customerLeft(chatId);
      }
    },
    stop() {
      stopped = true;
      for (const chatId of [...timers.keys()]) cancel(chatId);
    },
  };
}
