import type { ChatStore } from "../chat/chatStore.ts";
import type { InactivityWatch } from "../chat/inactivity.ts";
import type { HandoffService } from "../handoff/handoffService.ts";

export interface RecoveryDeps {
  store: Pick<ChatStore, "listOpenChats">;
  inactivity: Pick<InactivityWatch, "adopt">;
  handoff: Pick<HandoffService, "graceIfAbsent">;
}

/** What a recovery took over: chats now watched for inactivity, advisors given a grace period. */
export interface Recovered {
  chats: number;
  advisors: number;
}

/**
 * Gives every open chat a live watcher again. Idle timers and grace periods live in memory,
 * so a process that restarted (SIGTERM or kill -9), or a gateway task that stopped or
 * crashed, leaves chats nobody would end for inactivity and advisors' chats nobody would
 * return to the queue. Reads the open chats from storage: each is adopted by the idle watch,
 * and every advisor holding one starts the grace period unless connected somewhere. Safe to
 * repeat and to run on several tasks: what a process watches already is left as it is.
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
  return { chats: open.length, advisors: advisors.length };
}
