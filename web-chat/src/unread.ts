import type { ChatMessage } from "../../functions/contracts/protocol.ts";
import type { UiText } from "./i18n.ts";

/** What came while the chat was minimised; cleared when the customer opens it. */
export interface Unread {
  /** Bot and advisor messages. */
  messages: number;
  advisorJoined: boolean;
}

export const NOTHING_UNREAD: Unread = { messages: 0, advisorJoined: false };

/**
 * Whether a message is news to the customer: newer than the newest one they had in front of
 * them (ids are in stored order). Before the chat was first opened nothing is news: the
 * welcome that greets a page load is no message the customer is waiting for. A replay after a
 * reload brings only what they have seen, unless it came meanwhile.
 */
export function isNews(m: Pick<ChatMessage, "id">, seenUpTo: string | undefined): boolean {
  return seenUpTo !== undefined && m.id > seenUpTo;
}

/** Whether a message counts on the minimised launcher: the service's answer, not an echo. */
export function countsAsUnread(m: Pick<ChatMessage, "from">): boolean {
  return m.from === "bot" || m.from === "advisor";
}

/**
 * The launcher's words. While something is unread, `shown` ends with a dash and the badge
 * shows the count; `words` are only heard, so that the name holds all it shows and says the
 * rest: "Avaa chat – 1 uusi viesti".
 */
export function launcherParts(text: UiText, unread: Unread): { shown: string; words: string } {
  const shown = unread.advisorJoined ? text.advisorJoinedOpen : text.open;
  return {
    shown: unread.messages ? `${shown} – ` : shown,
    words: text.newMessages(unread.messages),
  };
}

/** The launcher's accessible name, which says what is waiting behind it. */
export function launcherName(text: UiText, unread: Unread): string {
  const { shown, words } = launcherParts(text, unread);
  return unread.messages ? `${shown}${unread.messages} ${words}` : shown;
}

/** What the live region outside the minimised panel says; empty when nothing is waiting. */
export function unreadNotice(text: UiText, unread: Unread): string {
  return [
    unread.advisorJoined ? text.advisorJoinedNotice : "",
    unread.messages ? text.unreadNotice(unread.messages) : "",
  ]
    .filter(Boolean)
    .join(" ");
}
