/**
 * What a client is shown of the bot's personal answers (those marked `personal`: the
 * signed-in customer's own data) once the chat is no longer signed in: signed out, or the
 * ID token's `exp` passed. The web chat imports the neutral line from here too, so this
 * module imports nothing but types.
 */

import type { Lang } from "../../contracts/lang.ts";
import type { ChatMessage } from "../../contracts/protocol.ts";

/** Said in place of a personal answer to a chat that is not signed in. */
export const PERSONAL_ANSWER_HIDDEN: Readonly<Record<Lang, string>> = {
  fi: "Tässä ollut henkilökohtainen vastaus ei näy, koska et ole enää tunnistautunut.",
  sv: "Det personliga svaret som fanns här visas inte, eftersom du inte längre är identifierad.",
};

/**
 * A transcript message as a chat may be shown it: while the chat is not signed in, a
 * personal answer keeps its place (and its mark) with the neutral line in its language (the
 * chat's, for an answer stored before messages kept theirs) instead of the figures.
 */
export function asShown(message: ChatMessage, signedIn: boolean, chatLang: Lang): ChatMessage {
  if (!message.personal || signedIn) return message;
  return { ...message, text: PERSONAL_ANSWER_HIDDEN[message.lang ?? chatLang] };
}
