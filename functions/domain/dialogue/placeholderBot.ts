import type { Lang } from "../../contracts/lang.ts";
import type { Chat, OutgoingMessage } from "../chat/model.ts";
import type { Bot, BotTurn } from "./bot.ts";
import { phrase } from "./phrases.ts";

// Walking-skeleton stand-in until the content-driven recogniser lands (issue 3).
const TOPICS: { id: string; words: Record<Lang, RegExp>; answer: Record<Lang, string> }[] = [
  {
    id: "tax-card",
    words: { fi: /verokort/i, sv: /skattekort/i },
    answer: {
      fi: "Verokortin voit tilata OmaVerossa. (Demo-sisältö.)",
      sv: "Du kan beställa skattekort i MinSkatt. (Demoinnehåll.)",
    },
  },
  {
    id: "tax-refund",
    words: { fi: /palautu/i, sv: /återbäring/i },
    answer: {
      fi: "Veronpalautukset maksetaan verotuksen päätyttyä. (Demo-sisältö.)",
      sv: "Skatteåterbäringar betalas när beskattningen är klar. (Demoinnehåll.)",
    },
  },
];

export const placeholderBot: Bot = {
  welcome(lang: Lang): OutgoingMessage[] {
    return [
      { from: "bot", text: phrase("welcome", lang) },
      { from: "bot", text: phrase("advisorHours", lang) },
    ];
  },
  async reply(chat: Chat, text: string): Promise<BotTurn> {
    const topic = TOPICS.find((t) => t.words[chat.lang].test(text));
    if (!topic) {
      return {
        missed: true,
        messages: [{ from: "bot", text: phrase("askOneQuestion", chat.lang) }],
      };
    }
    return {
      missed: false,
      topic: topic.id,
      messages: [{ from: "bot", text: topic.answer[chat.lang], topic: topic.id }],
    };
  },
};
