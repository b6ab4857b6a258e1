import type { Lang } from "../../contracts/lang.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import { phrase } from "./phrases.ts";

/** The bot's opening lines: how to ask, and when a person can be reached. */
export function welcomeMessages(lang: Lang): OutgoingMessage[] {
  return [
    { from: "bot", text: phrase("welcome", lang) },
    { from: "bot", text: phrase("advisorHours", lang) },
  ];
}
