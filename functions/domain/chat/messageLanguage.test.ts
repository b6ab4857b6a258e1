import { describe, expect, it } from "vitest";
import type { Lang } from "../../contracts/lang.ts";
import type { ChatMessage } from "../../contracts/protocol.ts";
import { manualClock } from "../clock.ts";
import type { BotTurn } from "../dialogue/bot.ts";
import { welcomeMessages } from "../dialogue/welcome.ts";
import type { AdvisorHours } from "../ports.ts";
import { createChatService } from "./chatService.ts";
import { createIdGenerator } from "./ids.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";

/** The bot answers in the language it read the question in: Swedish for "skattekort". */
function turnFor(text: string, chatLang: Lang): BotTurn {
  const lang: Lang = /skatt/i.test(text) ? "sv" : chatLang;
  const other = lang !== chatLang;
  return {
    messages: [
      { from: "bot", text: `svar (${lang})`, topic: "tax-card" },
      ...(other ? [{ from: "bot" as const, text: `byt språk? (${lang})` }] : []),
    ],
    topic: "tax-card",
    missed: false,
    lang,
  };
}

function chatService(advisorHours?: AdvisorHours) {
  const shown: ChatMessage[] = [];
  const store = createMemoryChatStore();
  const chats = createChatService({
    store,
    bot: { welcome: welcomeMessages, reply: async (chat, text) => turnFor(text, chat.lang) },
    notifier: { message: (_chatId, m) => void shown.push(m), state() {}, surveyRequest() {} },
    // Tuesday 24 November 2026, 20:00 in Helsinki.
    clock: manualClock(new Date("2026-11-24T18:00:00Z")),
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
    ...(advisorHours ? { advisorHours } : {}),
  });
  return { chats, shown };
}

const textAndLang = (m: ChatMessage) => [m.from, m.text, m.lang];

describe("the language each message is written in", () => {
  it("stays with every message when the chat switches language, live and in the replay", async () => {
    // Prepare: a Finnish chat; a Finnish question, then a Swedish one, then a switch to Swedish.
    const { chats, shown } = chatService();
    const opened = await chats.startChat({ lang: "fi" });
    await chats.welcome(opened.chat);
    await (await chats.ask(opened.chat.chatId, { text: "verokortti" })).answered;
    await (await chats.ask(opened.chat.chatId, { text: "skattekort" })).answered;

    // Act
    await chats.setLanguage(opened.chat.chatId, "sv");
    await (await chats.ask(opened.chat.chatId, { text: "tack" })).answered;

    // Assess: the service's messages in the language it wrote them in; people's in the chat's
    // language when they wrote (the Swedish question in the Finnish chat is not analysed).
    const expected = [
      ["bot", expect.stringMatching(/^Hei!/), "fi"],
      ["bot", expect.stringMatching(/^Voin kutsua/), "fi"],
      ["customer", "verokortti", "fi"],
      ["bot", "svar (fi)", "fi"],
      ["customer", "skattekort", "fi"],
      ["bot", "svar (sv)", "sv"],
      ["bot", "byt språk? (sv)", "sv"],
      ["system", "Chatten fortsätter på svenska.", "sv"],
      ["customer", "tack", "sv"],
      ["bot", "svar (sv)", "sv"],
    ];
    expect(shown.map(textAndLang)).toEqual(expected);
    const resumed = await chats.startChat({ lang: "sv", resumeToken: opened.resumeToken });
    expect((await resumed.replay()).map(textAndLang)).toEqual(expected);
  });

  it("is the chat's for the notice that the chat ended", async () => {
    const { chats, shown } = chatService();
    const { chat } = await chats.startChat({ lang: "sv" });

    const ended = await chats.endChat(chat.chatId, "customer");
    await ended.announce();

    expect(shown.map(textAndLang)).toEqual([["system", expect.any(String), "sv"]]);
  });

  it("is the chat's for the welcome, which outside the advisors' hours says when they are next in", async () => {
    // Prepare: hours by which the advisors are away until tomorrow, asked in the chat's queue.
    const asked: [Lang, Lang][] = [];
    const { chats, shown } = chatService((queue, _at, lang) => {
      asked.push([queue, lang]);
      return lang === "sv" ? "i morgon kl. 9.00" : "huomenna klo 9.00";
    });
    const { chat } = await chats.startChat({ lang: "sv" });

    await chats.welcome(chat);

    expect(shown.map(textAndLang)).toEqual([
      ["bot", expect.stringMatching(/^Hej!/), "sv"],
      [
        "bot",
        "Jag kan bjuda in en kundrådgivare till chatten bara på vardagar kl. 9.00–16.00. Kundrådgivarna är inte på plats nu. De är tillbaka i morgon kl. 9.00.",
        "sv",
      ],
    ]);
    expect(asked).toEqual([["sv", "sv"]]);
  });
});
