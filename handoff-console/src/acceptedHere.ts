/**
 * Where the "Otit keskustelun" line goes: after the last message the advisor saw when taking
 * the chat. The service does not keep that moment, and a reload restores the chat with
 * everything said since, so the mark is kept in this tab's sessionStorage from the accept.
 */
const KEY = "asiointi-console-accepted";

/** The marks by chat; `chatId`'s set to `id`, or forgotten when `id` is undefined, if `change`. */
function marks(chatId: string, change: boolean, id?: string, storage = sessionStorage) {
  try {
    const all: Record<string, string | undefined> = JSON.parse(storage.getItem(KEY) ?? "{}");
    if (change) {
      all[chatId] = id;
      storage.setItem(KEY, JSON.stringify(all));
    }
    return all;
  } catch {
    // Storage blocked: the line is then missing after a reload, nothing worse.
    return {};
  }
}

/**
 * The id of the message the line follows. A chat just taken: its last message, remembered.
 * A chat restored (reload, sign-in in this tab): the remembered one, or none when this tab
 * did not take it, since a line at a guessed place would misstate what the advisor saw.
 */
export function acceptedAfter(
  chatId: string,
  messageIds: readonly string[],
  restored: boolean,
  storage = sessionStorage,
): string | undefined {
  if (!restored) return marks(chatId, true, messageIds.at(-1), storage)[chatId];
  const mark = marks(chatId, false, undefined, storage)[chatId];
  return mark && messageIds.includes(mark) ? mark : undefined;
}

/** Forgets a chat's mark once the chat has left this advisor. */
export function forgetAccepted(chatId: string, storage = sessionStorage): void {
  marks(chatId, true, undefined, storage);
}
