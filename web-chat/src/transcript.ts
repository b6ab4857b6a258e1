import type { ChatMessage } from "../../functions/contracts/protocol.ts";
import { UI, type UiText } from "./i18n.ts";
import { shownText } from "./maskedText.ts";

/** The conversation as plain text, one message per paragraph, times in the UI's locale. */
export function transcriptText(messages: readonly ChatMessage[], text: UiText): string {
  const when = new Intl.DateTimeFormat(text.locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  });
  const who = { customer: text.you, bot: text.bot, advisor: text.advisor, system: text.system };
  const lines = messages.map(
    (m) =>
      `[${when.format(new Date(m.at))}] ${who[m.from]}:\n${shownText(m.text, m.lang ? UI[m.lang] : text)}`,
  );
  return `${text.transcriptHeading}\n\n${lines.join("\n\n")}\n`;
}

/** Saves the conversation as a UTF-8 text file through the browser's download. */
export function downloadTranscript(messages: readonly ChatMessage[], text: UiText): void {
  const blob = new Blob([transcriptText(messages, text)], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${text.transcriptFile}-${new Date().toISOString().slice(0, 10)}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
