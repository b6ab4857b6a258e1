import type { ChatStore } from "../chat/chatStore.ts";
import type { InactivityWatch } from "../chat/inactivity.ts";
import type { HandoffService } from "../handoff/handoffService.ts";

export interface RecoveryDeps {
  store: Pick<ChatStore, "listOpenChats">;
  inactivity: Pick<InactivityWatch, "adopt">;
  handoff: Pick<HandoffService, "graceIfAbsent">;
  /**
   * Customers' departures (the gateway's): a chat given to it is treated as left by its
   * customer now, unless the customer has a connection to it on some task.
   */
  departures?: { graceIfAbsent(chatIds: string[]): Promise<void> };
}

/** What a recovery took over: chats now watched for inactivity, advisors given a grace period. */
export interface Recovered {
  chats: number;
  advisors: number;
}

/**
 * Gives every open chat a live watcher again. Idle timers and grace periods live in memory,
 * so a process that restarted (SIGTERM or kill -9), or a gateway task that stopped or
 * crashed, leaves chats nobody would end for inactivity, advisors' chats nobody would return
 * to the queue, and chats of customers who closed the tab that would hold a queue place (or
 * an advisor) for good. Reads the open chats from storage: each is adopted by the idle watch,
 * every advisor holding one starts the grace period unless connected somewhere, and every
 * queued chat, and advisor's chat whose customer was not yet reported gone, starts the
 * customer's grace period unless the customer is connected somewhere. Safe to repeat and to
 * run on several tasks: what a process watches already is left as it is.
 */
export async function recoverOpenChats(deps: RecoveryDeps): Promise<Recovered> {
  const open = await deps.store.listOpenChats();
  deps.inactivity.adopt(open.map((chat) => chat.chatId));
  const advisors = [
    ...new Set(
      open.flatMap((chat) => (chat.state === "advisor" && chat.advisorId ? [chat.advisorId] : [])),
    ),
  ];
  await deps.handoff.graceIfAbsent(advisors);
  await deps.departures?.graceIfAbsent(
    open.flatMap((chat) =>
      chat.state === "queued" || (chat.state === "advisor" && !chat.customerGoneAt)
        ? [chat.chatId]
        : [],
    ),
  );
  return { chats: open.length, advisors: advisors.length };
}

/**
 * Recovery runs right after a start or a lost task, when storage is often slow (a whole
 * service coming back, a table warming up): one refused read must not leave the open chats
 * with no idle deadline and advisors' chats never returned to the queue. Recovery is safe to
 * repeat, so it is tried again with pauses that double (1, 2, 4, 8, 16 s by default, about
 * half a minute of storage trouble) before the last error is thrown.
 */
export async function recoverOpenChatsPersistently(
  deps: RecoveryDeps,
  options: {
    attempts?: number;
    firstPauseMs?: number;
    pause?: (ms: number) => Promise<void>;
    onRetry?: (error: unknown, attempt: number) => void;
  } = {},
): Promise<Recovered> {
  const attempts = options.attempts ?? 6;
  const pause = options.pause ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms).unref()));
  for (let attempt = 1; ; attempt++) {
    try {
      return await recoverOpenChats(deps);
    } catch (error) {
      if (attempt >= attempts) throw error;
      options.onRetry?.(error, attempt);
      await pause((options.firstPauseMs ?? 1_000) * 2 ** (attempt - 1));
    }
  }
}
