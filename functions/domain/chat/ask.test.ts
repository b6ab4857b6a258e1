import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../contracts/protocol.ts";
import { manualClock } from "../clock.ts";
import type { Bot, BotTurn } from "../dialogue/bot.ts";
import { phrase } from "../dialogue/phrases.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import type { ReportEvent } from "../reports/reportEvents.ts";
import { createChatService } from "./chatService.ts";
import { createIdGenerator } from "./ids.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";

const answerAtOnce: BotTurn = {
  messages: [{ from: "bot", text: "Verokortin saat OmaVerosta.", topic: "tax-card" }],
  topic: "tax-card",
  missed: false,
};

function chatService(reply: Bot["reply"] = async () => answerAtOnce, learning?: LearningEvents) {
  const shown: ChatMessage[] = [];
  const reported: ReportEvent[] = [];
  const chats = createChatService({
    reports: {
      async record(event) {
        reported.push(event);
      },
    },
    store: createMemoryChatStore(),
    bot: { welcome: () => [], reply },
    notifier: {
      message: (_chatId, message) => shown.push(message),
      state() {},
      surveyRequest() {},
    },
    clock: manualClock(new Date("2026-11-24T08:00:00Z")),
    ids: createIdGenerator(),
    settings: { transcriptRetentionDays: 90, surveyTokenTtlHours: 24 },
    ...(learning ? { learning } : {}),
  });
  return { chats, shown, reported };
}

describe("a customer's question", () => {
  it("is shown and answered at once when the bot answers at once", async () => {
    const { chats, shown } = chatService();
    const { chat } = await chats.startChat({ lang: "fi" });

    const asked = await chats.ask(chat.chatId, { text: "Miten saan verokortin?", clientId: "q1" });
    const turn = await asked.answered;

    expect(turn).toMatchObject({ topic: "tax-card", missesInRow: 0 });
    expect(shown.map((m) => m.from)).toEqual(["customer", "bot"]);
  });

  it("is acknowledged before a slow answer, which is shown after it", async () => {
    let release: (turn: BotTurn) => void = () => {};
    const { chats, shown } = chatService(
      () =>
        new Promise<BotTurn>((resolve) => {
          release = resolve;
        }),
    );
    const { chat } = await chats.startChat({ lang: "fi" });

    const asked = await chats.ask(chat.chatId, { text: "Miten saan verokortin?", clientId: "q2" });
    expect(shown.map((m) => m.from)).toEqual(["customer"]);

    release(answerAtOnce);
    await asked.answered;
    expect(shown.map((m) => m.from)).toEqual(["customer", "bot"]);
  });

  it("sent twice while the first copy is being stored is stored, shown and answered once", async () => {
    let replies = 0;
    const { chats, shown } = chatService(async () => {
      replies++;
      return answerAtOnce;
    });
    const started = await chats.startChat({ lang: "fi" });
    const { chatId } = started.chat;

    const [first, resend] = await Promise.all([
      chats.ask(chatId, { text: "Miten saan verokortin?", clientId: "same-id" }),
      chats.ask(chatId, { text: "Miten saan verokortin?", clientId: "same-id" }),
    ]);
    await Promise.all([first.answered, resend.answered]);

    expect(first.duplicate).toBe(false);
    expect(resend).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(replies).toBe(1);
    expect(shown.filter((m) => m.from === "customer")).toHaveLength(1);
    const stored = await (
      await chats.startChat({ lang: "fi", resumeToken: started.resumeToken })
    ).replay();
    expect(stored.map((m) => m.from)).toEqual(["customer", "bot"]);
  });

  it("with personal data is warned about once, kept masked and under a hashed clientId, and a resend is found", async () => {
    const { chats, shown } = chatService();
    const started = await chats.startChat({ lang: "fi" });
    const { chatId } = started.chat;
    const typed = { text: "Soita 040 123 4567, verokortti", clientId: "matti-0401234567" };

    const first = await chats.ask(chatId, typed);
    await first.answered;
    const resend = await chats.ask(chatId, typed);

    expect(resend).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(shown.filter((m) => m.text === phrase("personalDataWarning", "fi"))).toHaveLength(1);
    const [kept] = await (
      await chats.startChat({ lang: "fi", resumeToken: started.resumeToken })
    ).replay();
    expect(kept?.text).toBe("Soita [PHONE], verokortti");
    expect(kept?.clientId).toMatch(/^h-[0-9a-f]{40}$/);
  });

  it("reports a referral answer with its group, not as a miss, and keeps the miss streak at 0", async () => {
    const referral: BotTurn = {
      messages: [{ from: "bot", text: "Ajoneuvovero on Traficomin asia." }],
      referral: "traficom",
      missed: false,
    };
    const { chats, reported } = chatService(async () => referral);
    const { chat } = await chats.startChat({ lang: "fi" });

    const asked = await chats.ask(chat.chatId, { text: "Ajoneuvovero erääntyi", clientId: "r1" });
    const turn = await asked.answered;

    expect(turn).toMatchObject({ missesInRow: 0, handsOver: false });
    expect(reported).toContainEqual(
      expect.objectContaining({ kind: "botAnswer", missed: false, referral: "traficom" }),
    );
  });
});

describe("a bot answer in the reports", () => {
  it("counts in the language the bot answered in, not the chat's", async () => {
    // Prepare: a Finnish chat whose customer wrote in Swedish, answered in Swedish.
    const swedish: BotTurn = {
      messages: [{ from: "bot", text: "Skattekortet får du i MinSkatt.", topic: "tax-card" }],
      topic: "tax-card",
      missed: false,
      lang: "sv",
    };
    const { chats, reported } = chatService(async () => swedish);
    const { chat } = await chats.startChat({ lang: "fi" });
    // Act
    const asked = await chats.ask(chat.chatId, { text: "Hur får jag skattekort?", clientId: "s1" });
    await asked.answered;
    // Assess
    expect(reported).toContainEqual(
      expect.objectContaining({ kind: "botAnswer", topic: "tax-card", lang: "sv" }),
    );
  });
});

describe("what the missed-question inbox hears of a chat", () => {
  it("gets each answered question as stored at rest (masked), after the answer, and the end", async () => {
    // Prepare
    const heard: string[] = [];
    const learning: LearningEvents = {
      answered: ({ question, turn }) => heard.push(`answered ${question.text} ${turn.topic}`),
      voted: () => undefined,
      personRequested: () => undefined,
      personRouted: () => undefined,
      ended: (chat) => heard.push(`ended ${chat.chatId}`),
    };
    const { chats, shown } = chatService(undefined, learning);
    const { chat } = await chats.startChat({ lang: "fi" });
    // Act
    const asked = await chats.ask(chat.chatId, { text: "Verokortti, tunnus 131052-308T" });
    await asked.answered;
    await chats.endChat(chat.chatId, "customer");
    // Assess: the live chat showed what was typed; the inbox heard only the masked text.
    expect(shown.map((m) => m.text)).toContain("Verokortti, tunnus 131052-308T");
    expect(heard).toEqual([
      "answered Verokortti, tunnus [ID-CODE] tax-card",
      `ended ${chat.chatId}`,
    ]);
  });

  it("after 'something else' to the bot's which-one, gets the question it was about (masked)", async () => {
    // Prepare: the bot asks which topic is meant, offering "something else".
    const which: BotTurn = {
      messages: [
        {
          from: "bot",
          text: phrase("whichOne", "fi"),
          quickReplies: [
            { label: "Arvonlisävero", value: "Arvonlisävero" },
            { label: phrase("somethingElse", "fi"), value: phrase("somethingElse", "fi") },
          ],
        },
      ],
      missed: false,
    };
    const declined: string[] = [];
    const choiceQuestions: (string | undefined)[] = [];
    const learning: LearningEvents = {
      answered: (event) => void (event.declined && declined.push(event.declined.text)),
      voted: () => undefined,
      personRequested: () => undefined,
      personRouted: () => undefined,
      ended: () => undefined,
    };
    const { chats } = chatService(async (_chat, _text, choiceQuestion) => {
      choiceQuestions.push(choiceQuestion);
      return choiceQuestions.length === 1 ? which : { messages: [], missed: false };
    }, learning);
    const { chat } = await chats.startChat({ lang: "fi" });
    const ask = async (text: string) => (await chats.ask(chat.chatId, { text })).answered;
    // Act
    await ask("Pitääkö kevytyrittäjän maksaa alvia, soita 040 123 4567");
    await ask("Jotain muuta");
    // A "something else" that answers no which-one is about nothing earlier.
    await ask("Jotain muuta");
    // Assess
    const asked = "Pitääkö kevytyrittäjän maksaa alvia, soita [PHONE]";
    expect(choiceQuestions).toEqual([undefined, asked, undefined]);
    expect(declined).toEqual([asked]);
  });
});
