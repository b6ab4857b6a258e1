import type { Lang } from "../../contracts/lang.ts";
import type { ChatService } from "./chatService.ts";
import { ChatError } from "./errors.ts";

/** Runs `run` after `ms`; returns a function that cancels it. */
export type Schedule = (ms: number, run: () => void) => () => void;

const PHRASES = {
  warning: {
    fi: "Oletko vielä paikalla? Keskustelu päättyy, jos et kirjoita mitään {minutes} minuutin kuluessa.",
    sv: "Är du kvar? Chatten avslutas om du inte skriver något inom {minutes} minuter.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export interface InactivitySettings {
  /** Idle time after which the customer is asked whether they are still there; 0 turns it off. */
  warnAfterMs: number;
  /** Further idle time after the warning before the chat ends with the survey. */
  endAfterMs: number;
}

export interface InactivityWatch {
  /** Someone in the chat did something: the idle clock starts again. */
  touch(chatId: string): void;
  /** The chat ended or left this process: forget it. */
  forget(chatId: string): void;
  /** Cancels every timer (shutdown). */
  stop(): void;
}

/**
 * Ends chats nobody uses any more: after `warnAfterMs` without activity a system message
 * (which the advisor sees too) asks whether the customer is still there; after `endAfterMs`
 * more the chat ends with endedBy "inactivity" and the survey, like any other ending. A chat
 * waiting in the queue is never idle: waiting is not the customer's doing.
 */
export function createInactivityWatch(deps: {
  chats: ChatService;
  settings: InactivitySettings;
  schedule: Schedule;
  /** Background work: the gateway tracks it and logs failures. */
  background: (work: Promise<unknown>) => void;
}): InactivityWatch {
  const { chats, settings, schedule, background } = deps;
  const timers = new Map<string, () => void>();

  function arm(chatId: string, ms: number, run: () => Promise<void>): void {
    timers.get(chatId)?.();
    timers.set(
      chatId,
      schedule(ms, () => {
        timers.delete(chatId);
        background(
          run().catch((error: unknown) => {
            // Ended meanwhile (by someone else, or the chat expired): nothing to do.
            if (error instanceof ChatError) return;
            throw error;
          }),
        );
      }),
    );
  }

  async function warn(chatId: string): Promise<void> {
    const chat = await chats.requireChat(chatId);
    if (chat.state === "ended") return;
    if (chat.state === "queued") {
      arm(chatId, settings.warnAfterMs, () => warn(chatId));
      return;
    }
    const minutes = String(Math.max(1, Math.round(settings.endAfterMs / 60_000)));
    await chats.post(chatId, {
      from: "system",
      text: PHRASES.warning[chat.lang].replace("{minutes}", minutes),
    });
    arm(chatId, settings.endAfterMs, () => end(chatId));
  }

  async function end(chatId: string): Promise<void> {
    const chat = await chats.requireChat(chatId);
    if (chat.state === "ended") return;
    if (chat.state === "queued") {
      arm(chatId, settings.warnAfterMs, () => warn(chatId));
      return;
    }
    const ended = await chats.endChat(chatId, "inactivity");
    await ended.announce();
  }

  return {
    touch(chatId) {
      if (settings.warnAfterMs <= 0) return;
      arm(chatId, settings.warnAfterMs, () => warn(chatId));
    },
    forget(chatId) {
      timers.get(chatId)?.();
      timers.delete(chatId);
    },
    stop() {
      for (const cancel of timers.values()) cancel();
      timers.clear();
    },
  };
}
