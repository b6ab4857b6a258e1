/**
 * The console's one polite announcer. Status messages (queue size, a saved wrap-up) and the
 * chats' new customer and system messages are all said through it: the message lists are not
 * live regions, since an advisor with several chats must hear which chat spoke, in the
 * language it was written in, and never their own words read back.
 */
import { signal } from "@preact/signals";
import type { Lang } from "../../functions/contracts/lang.ts";
import { getText, type UiText } from "./i18n.ts";

/** What the announcer says: `prefix` (the chat) in the UI language, `text` in `lang`. */
export interface Announcement {
  text: string;
  prefix?: string;
  lang?: Lang;
}

/** A chat message worth hearing: who it is for (the chat's name as shown) and what it says. */
export interface HeardMessage {
  chat: string;
  from: "customer" | "system";
  text: string;
  lang: Lang;
}

const SILENT: Announcement = { text: "" };
/** The announcer's content; the page renders it in its one polite live region. */
export const announcement = signal(SILENT);
let announceTimer: ReturnType<typeof setTimeout> | undefined;

/** Says one announcement (emptied first so a repeat is read), then clears it after 8 s. */
export function announce(said: string | Announcement): void {
  announcement.value = SILENT;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    announcement.value = typeof said === "string" ? { text: said } : said;
    announceTimer = setTimeout(() => {
      announcement.value = SILENT;
    }, 8000);
  }, 50);
}

/** Messages (of one chat or several) that arrive this close together are said at once. */
export const HEAR_WINDOW_MS = 500;
/** A longer announcement is cut: the advisor reads the rest in the chat. */
export const HEARD_MAX_CHARS = 160;

/**
 * One announcement for messages that came together: from one chat, its name and their words
 * (cut at HEARD_MAX_CHARS) in their language; from several chats, which chats and how many
 * each, in the UI language, as the navigation links say it.
 */
export function heardAnnouncement(heard: readonly HeardMessage[], t: UiText): Announcement {
  const counts = new Map<string, number>();
  for (const m of heard) counts.set(m.chat, (counts.get(m.chat) ?? 0) + 1);
  if (counts.size > 1) {
    return { text: [...counts].map(([chat, n]) => `${chat} – ${t.newCount(n)}`).join(", ") };
  }
  const words = heard.map((m) => m.text).join(" ");
  const last = heard.at(-1);
  return {
    prefix: `${last?.chat}${heard.every((m) => m.from === "system") ? ` – ${t.from.system}` : ""}: `,
    text: words.length > HEARD_MAX_CHARS ? `${words.slice(0, HEARD_MAX_CHARS - 1)}…` : words,
    lang: last?.lang,
  };
}

/**
 * Collects messages for HEAR_WINDOW_MS from the first and says them as one announcement, so a
 * burst (a reconnect's missed messages, several chats at once) is one short sentence.
 */
export function messageAnnouncer(
  say: (said: Announcement) => void = announce,
  t: () => UiText = getText,
): (message: HeardMessage) => void {
  let batch: HeardMessage[] = [];
  return (message) => {
    if (batch.push(message) > 1) return;
    setTimeout(() => {
      say(heardAnnouncement(batch, t()));
      batch = [];
    }, HEAR_WINDOW_MS);
  };
}
