import type { Lang } from "../../contracts/lang.ts";
import { advisorsAwayUntil } from "../channelPhrases.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import type { AdvisorsAway } from "./answerTurn.ts";
import { phrase } from "./phrases.ts";

/**
 * The bot's opening lines: how to ask, and when a person can be reached. Outside those hours
 * (`advisorsAway` says when advisors are next in) the hours line says so too, so the customer
 * does not learn it only when asking for one.
 */
export function welcomeMessages(lang: Lang, advisorsAway?: AdvisorsAway): OutgoingMessage[] {
  const when = advisorsAway?.(lang);
  const hours = phrase("advisorHours", lang);
  return [
    { from: "bot", text: phrase("welcome", lang) },
    { from: "bot", text: when === undefined ? hours : `${hours} ${advisorsAwayUntil(when, lang)}` },
  ];
}
