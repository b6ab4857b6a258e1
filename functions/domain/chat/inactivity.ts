import type { Lang } from "../../contracts/lang.ts";
import type { Clock } from "../ports.ts";
import type { ChatService } from "./chatService.ts";
import type { ChatStore } from "./chatStore.ts";
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
  /**
   * Takes over chats whose watch was lost (a restart, a gateway task gone), unless this
   * process watches them already. Their deadlines come from the stored transcript, and this
   * watch acts a little after them, so that a live task that also watches a chat acts first.
   */
  adopt(chatIds: string[]): void;
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
  /**
   * The stored transcript, for gateways on several tasks: a task's timers only see what
   * happens on that task (a customer who moved to another task leaves a stale timer here),
   * so before warning or ending, the watch checks when the customer or advisor last wrote
   * and whether another task already warned. Without it, the timers alone decide.
   */
  transcript?: { store: Pick<ChatStore, "listMessages">; clock: Clock };
}): InactivityWatch {
  const { chats, settings, schedule, background } = deps;
  const timers = new Map<string, () => void>();
  /** Adopted chats that nobody has used through this process since: their deadlines lag. */
  const adopted = new Set<string>();
  // Enough for a live task's own timer to act first; small against the idle times.
  const lagMs = Math.min(5_000, settings.warnAfterMs / 10);
  // Adopted chats are first looked at over this span, not all at once after a restart.
  const adoptSpreadMs = Math.min(30_000, settings.warnAfterMs);

  function lagOf(chatId: string): number {
    return adopted.has(chatId) ? lagMs : 0;
  }

  function warningText(lang: Lang): string {
    const minutes = String(Math.max(1, Math.round(settings.endAfterMs / 60_000)));
    return PHRASES.warning[lang].replace("{minutes}", minutes);
  }

  /**
   * How long nobody has written, and how long ago the warning was given since (undefined if
   * it was not); from the store.
   */
  async function idleness(
    chatId: string,
    lang: Lang,
  ): Promise<{ idleMs: number; warnedMs: number | undefined } | undefined> {
    if (!deps.transcript) return undefined;
    const messages = await deps.transcript.store.listMessages(chatId);
    const lastActive = messages.findLastIndex((m) => m.from === "customer" || m.from === "advisor");
    const anchor = messages[lastActive] ?? messages[0];
    if (!anchor) return undefined;
    const warning = warningText(lang);
    const warned = messages
      .slice(lastActive + 1)
      .findLast((m) => m.from === "system" && m.text === warning);
    const now = deps.transcript.clock.now().getTime();
    return {
      idleMs: now - Date.parse(anchor.at),
      warnedMs: warned ? now - Date.parse(warned.at) : undefined,
    };
  }

  function arm(chatId: string, ms: number, run: () => Promise<void>): void {
    timers.get(chatId)?.();
    timers.set(
      chatId,
      schedule(ms, () => {
        timers.delete(chatId);
        background(
          run()
            .catch((error: unknown) => {
              // Ended meanwhile (by someone else, or the chat expired): nothing to do.
              if (error instanceof ChatError) return;
              throw error;
            })
            .finally(() => {
              // Not watched any more (ended, or gone): nothing to lag.
              if (!timers.has(chatId)) adopted.delete(chatId);
            }),
        );
      }),
    );
  }

  /**
   * The chat if the watch should act on it now: an ended chat needs nothing, and a queued one
   * is waiting for a person, not idle, so its watch starts over.
   */
  async function watchedChat(chatId: string) {
    const chat = await chats.requireChat(chatId);
    if (chat.state === "ended") return undefined;
    if (chat.state === "queued") {
      arm(chatId, settings.warnAfterMs, () => warn(chatId));
      return undefined;
    }
    return chat;
  }

  async function warn(chatId: string): Promise<void> {
    const chat = await watchedChat(chatId);
    if (!chat) return;
    const lag = lagOf(chatId);
    const seen = await idleness(chatId, chat.lang);
    if (seen && seen.idleMs < settings.warnAfterMs + lag) {
      // Someone wrote meanwhile, through another task: wait for the rest of the idle time.
      arm(chatId, settings.warnAfterMs + lag - seen.idleMs, () => warn(chatId));
      return;
    }
    if (seen?.warnedMs !== undefined) {
      // Another task's watch warned already (or this one, before a restart): the customer
      // hears it once, and the chat ends when the time since that warning runs out.
      arm(chatId, Math.max(0, settings.endAfterMs + lag - seen.warnedMs), () => end(chatId));
      return;
    }
    await chats.post(chatId, { from: "system", text: warningText(chat.lang), lang: chat.lang });
    arm(chatId, settings.endAfterMs, () => end(chatId));
  }

  async function end(chatId: string): Promise<void> {
    const chat = await watchedChat(chatId);
    if (!chat) return;
    const lag = lagOf(chatId);
    const seen = await idleness(chatId, chat.lang);
    if (seen && seen.warnedMs === undefined) {
      // Someone wrote after the warning, through another task: the idle clock starts again.
      arm(chatId, Math.max(0, settings.warnAfterMs + lag - seen.idleMs), () => warn(chatId));
      return;
    }
    if (seen?.warnedMs !== undefined && seen.warnedMs < settings.endAfterMs + lag) {
      // Warned later than this timer knew (by another task's watch).
      arm(chatId, settings.endAfterMs + lag - seen.warnedMs, () => end(chatId));
      return;
    }
    const ended = await chats.endChat(chatId, "inactivity");
    await ended.announce();
  }

  return {
    touch(chatId) {
      if (settings.warnAfterMs <= 0) return;
      adopted.delete(chatId);
      arm(chatId, settings.warnAfterMs, () => warn(chatId));
    },
    forget(chatId) {
      timers.get(chatId)?.();
      timers.delete(chatId);
      adopted.delete(chatId);
    },
    adopt(chatIds) {
      if (settings.warnAfterMs <= 0) return;
      const orphans = chatIds.filter((chatId) => !timers.has(chatId));
      const step = orphans.length > 1 ? adoptSpreadMs / orphans.length : 0;
      orphans.forEach((chatId, i) => {
        adopted.add(chatId);
        // The first look reads the transcript and waits out whatever is left of the idle time.
        arm(chatId, Math.round(i * step), () => warn(chatId));
      });
    },
    stop() {
      for (const cancel of timers.values()) cancel();
      timers.clear();
      adopted.clear();
    },
  };
}
