import { describe, expect, it, vi } from "vitest";
import type { ChatMessage } from "../../contracts/protocol.ts";
import { manualClock } from "../clock.ts";
import type { BotTurn } from "../dialogue/bot.ts";
import { phrase } from "../dialogue/phrases.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import type { AdvisorHours } from "../ports.ts";
import type { ReportEvent } from "../reports/reportEvents.ts";
import { createChatService } from "./chatService.ts";
import { ChatError } from "./errors.ts";
import { createIdGenerator } from "./ids.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";
import type { StoredMessage } from "./model.ts";

const taxCardAnswer: BotTurn = {
  messages: [{ from: "bot", text: "Verokortin saat OmaVerosta.", topic: "tax-card" }],
  topic: "tax-card",
  missed: false,
  contentVersion: 7,
};

type Voted = Parameters<LearningEvents["voted"]>[0];

/** The chats' clock: Tuesday 24 November 2026, 10:00 in Helsinki. */
const NOW = new Date("2026-11-24T08:00:00Z");
/** The opening hours as a chat in them sees them: a person can join. */
const ADVISORS_IN: AdvisorHours = () => undefined;

function chatService(
  learning: Partial<LearningEvents> = {},
  turn: BotTurn = taxCardAnswer,
  /** When a person can next join a chat (the opening hours); unset: the service's default. */
  advisorHours?: AdvisorHours,
) {
  const reported: ReportEvent[] = [];
  const voted: Voted[] = [];
  const shown: ChatMessage[] = [];
  const store = createMemoryChatStore();
  /** A vote should need no transcript. */
  const transcriptReads = vi.spyOn(store, "listMessages");
  const chats = createChatService({
    store,
    bot: {
      welcome: () => [{ from: "bot", text: "Hei! Kysy yksi kysymys kerrallaan." }],
      reply: async () => turn,
    },
    notifier: { message: (_chatId, m) => void shown.push(m), state() {}, surveyRequest() {} },
    clock: manualClock(NOW),
    ids: createIdGenerator(),
    settings: {
      transcriptRetentionDays: 90,
      surveyTokenTtlHours: 24,
      siteSearchUrl: {
        fi: "https://haku.example.fi/?s={query}",
        sv: "https://sok.example.fi/?s={query}",
      },
    },
    ...(advisorHours ? { advisorHours } : {}),
    reports: { record: async (event) => void reported.push(event) },
    learning: {
      answered() {},
      voted: (event) => voted.push(event),
      personRequested() {},
      personRouted() {},
      ended() {},
      ...learning,
    },
  });
  return { chats, store, reported, voted, shown, transcriptReads };
}

/** A chat where the customer asked one question and the bot answered it. */
async function answeredChat(service: ReturnType<typeof chatService>, question: string) {
  const { chat } = await service.chats.startChat({ lang: "fi" });
  await service.chats.welcome(chat);
  const asked = await service.chats.ask(chat.chatId, { text: question, clientId: "question-1" });
  await asked.answered;
  const transcript = await service.store.listMessages(chat.chatId);
  const answer = transcript.find((m) => m.topic === "tax-card");
  if (!answer) throw new Error("no answer stored");
  return { chatId: chat.chatId, transcript, answer, question: asked.message };
}

async function refusal(vote: Promise<unknown>): Promise<ChatError> {
  const error = await vote.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ChatError)) throw new Error(`expected a ChatError, got ${error}`);
  return error;
}

describe("a vote on a bot answer", () => {
  it("is counted for the answer's topic and told to the inbox without reading the transcript", async () => {
    const service = chatService();
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    service.reported.length = 0;
    service.transcriptReads.mockClear();

    await service.chats.feedback(chatId, answer.id, true);

    expect(service.reported).toEqual([
      { kind: "feedback", at: expect.any(Date), lang: "fi", topic: "tax-card", helpful: true },
    ]);
    expect(service.voted).toEqual([
      { chat: expect.objectContaining({ chatId }), answer, helpful: true },
    ]);
    // The chat and the answer, then the vote: the transcript is not read.
    expect(service.transcriptReads).not.toHaveBeenCalled();
  });

  it("counts in the language the answer is written in: the customer's, not the chat's", async () => {
    // Prepare: a Finnish chat whose customer wrote in Swedish, answered in Swedish.
    const service = chatService(
      {},
      {
        ...taxCardAnswer,
        messages: [{ from: "bot", text: "Skattekortet får du i MinSkatt.", topic: "tax-card" }],
        lang: "sv",
      },
    );
    const { chatId, answer } = await answeredChat(service, "Hur får jag skattekort?");
    service.reported.length = 0;
    // Act: a vote, then a change of mind, which is taken back in the stored vote's language.
    await service.chats.feedback(chatId, answer.id, false);
    await service.chats.feedback(chatId, answer.id, true);
    // Assess
    expect(service.reported.map((e) => e.kind === "feedback" && [e.helpful, e.lang])).toEqual([
      [false, "sv"],
      [true, "sv"],
    ]);
    // The customer's screen is told it too, so the answer is read in its own language.
    expect(service.shown.find((m) => m.id === answer.id)?.lang).toBe("sv");
  });

  it("counts in the language of the answer, not the one the chat was switched to after it", async () => {
    // Prepare: a Finnish answer from a bot that names no language (Lex: the chat's).
    const service = chatService();
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    await service.chats.setLanguage(chatId, "sv");
    service.reported.length = 0;
    // Act
    await service.chats.feedback(chatId, answer.id, true);
    // Assess
    expect(service.reported).toMatchObject([{ kind: "feedback", helpful: true, lang: "fi" }]);
  });

  it("replaces the earlier vote: a change is counted once and taken back, the same vote again not at all", async () => {
    const service = chatService();
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    service.reported.length = 0;

    await service.chats.feedback(chatId, answer.id, true);
    await service.chats.feedback(chatId, answer.id, false);
    await service.chats.feedback(chatId, answer.id, false);

    expect(
      service.reported.map((e) => e.kind === "feedback" && [e.helpful, e.replacesVote]),
    ).toEqual([
      [true, undefined],
      [false, true],
    ]);
    expect(service.voted.map((v) => v.helpful)).toEqual([true, false]);
  });

  it("marked unhelpful, gives the inbox the question it answered, as stored (masked)", async () => {
    const service = chatService();
    const { chatId, answer } = await answeredChat(
      service,
      "Miten saan verokortin? Numeroni on 040 123 4567",
    );

    await service.chats.feedback(chatId, answer.id, false);

    const [event] = service.voted;
    expect(event).toMatchObject({ helpful: false, answer: { id: answer.id, contentVersion: 7 } });
    expect(event?.question).toMatchObject({
      from: "customer",
      text: expect.stringContaining("[PHONE]"),
    });
    expect(event?.question?.text).not.toContain("040 123 4567");
  });

  it("marked unhelpful, takes the question from the inbox's memory when it has it, without reading the transcript", async () => {
    // Prepare: an inbox that remembers the chat's latest question.
    let remembered: { question: StoredMessage; answerId?: string } | undefined;
    const service = chatService({
      answered: ({ question }) => {
        remembered = { question: { ...question, text: "as the inbox keeps it" } };
      },
      questionAnswered: (_chatId, answer) => {
        if (remembered) remembered.answerId = answer.id;
        return remembered?.question;
      },
    });
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    service.transcriptReads.mockClear();
    // Act
    const voted = await service.chats.feedback(chatId, answer.id, false);
    await voted.offerNextSteps?.();
    // Assess
    expect(remembered?.answerId).toBe(answer.id);
    expect(service.voted[0]?.question?.text).toBe("as the inbox keeps it");
    expect(service.transcriptReads).not.toHaveBeenCalled();
    // The search offered next has the question's words too.
    expect(service.shown.at(-1)?.actions?.[0]?.url).toContain("as%20the%20inbox");
  });

  it("takes a vote on another agency's pointer: counted under no topic, its question to the inbox", async () => {
    // Prepare: the bot pointed a question about taxing a Kela benefit to Kela.
    const service = chatService(
      {},
      {
        messages: [
          {
            from: "bot",
            text: "Sairauspäiväraha on Kelan asia.",
            referral: "kela",
            confidence: 0.97,
          },
        ],
        referral: "kela",
        missed: false,
        contentVersion: 7,
      },
    );
    const { chat } = await service.chats.startChat({ lang: "fi" });
    const asked = await service.chats.ask(chat.chatId, {
      text: "Miten sairauspäiväraha verotetaan?",
    });
    await asked.answered;
    const pointer = service.shown.find((m) => m.referral === "kela");
    service.reported.length = 0;
    // Act
    await service.chats.feedback(chat.chatId, pointer?.id ?? "", false);
    // Assess: the customer's screen learns which answers take a vote; the vote counts where
    // the referral's answer counts (no topic), and the inbox hears of the question.
    expect(pointer).toMatchObject({ from: "bot", referral: "kela" });
    expect(service.reported).toEqual([
      { kind: "feedback", at: expect.any(Date), lang: "fi", topic: "none", helpful: false },
    ]);
    expect(service.voted).toMatchObject([
      {
        helpful: false,
        answer: { referral: "kela", lang: "fi", contentVersion: 7 },
        question: { from: "customer", text: "Miten sairauspäiväraha verotetaan?" },
      },
    ]);
  });

  it("is refused naming messageId for a customer's message, a message without a topic and an unknown id", async () => {
    const service = chatService();
    const { chatId, transcript, question } = await answeredChat(service, "Miten saan verokortin?");
    const welcome = transcript.find((m) => m.from === "bot" && !m.topic);
    service.reported.length = 0;

    for (const id of [question.id, welcome?.id ?? "", "01KNOWNNOTHING0000000000000"]) {
      const error = await refusal(service.chats.feedback(chatId, id, true));
      expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
      expect(error.message).toMatch(/^messageId: must be the id of a bot answer in this chat/);
    }
    expect(service.reported).toEqual([]);
    expect(service.voted).toEqual([]);
  });

  it("cannot reach another chat's answer, even with its id", async () => {
    const service = chatService();
    const theirs = await answeredChat(service, "Miten saan verokortin?");
    const mine = await answeredChat(service, "Milloin veronpalautus tulee?");
    service.reported.length = 0;

    const error = await refusal(service.chats.feedback(mine.chatId, theirs.answer.id, false));

    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(service.reported).toEqual([]);
    // Nothing was stored against their answer: their own first vote is still a first.
    await service.chats.feedback(theirs.chatId, theirs.answer.id, false);
    expect(service.reported).toMatchObject([{ helpful: false }]);
    expect(service.reported[0]).not.toHaveProperty("replacesVote");
  });

  it("is taken after the chat ended, while the survey shows", async () => {
    const service = chatService();
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    await service.chats.endChat(chatId, "customer");
    service.reported.length = 0;

    await service.chats.feedback(chatId, answer.id, true);

    expect(service.reported).toMatchObject([{ kind: "feedback", helpful: true }]);
  });

  it.each([
    [
      "throws",
      () => {
        throw new Error("inbox down");
      },
    ],
    ["rejects", async () => Promise.reject(new Error("inbox down"))],
  ])("is stored and counted even when the inbox %s", async (_how, voted) => {
    const service = chatService({ voted });
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    service.reported.length = 0;

    await service.chats.feedback(chatId, answer.id, false);
    await new Promise((r) => setTimeout(r, 10));

    expect(service.reported).toMatchObject([{ kind: "feedback", helpful: false }]);
  });
});

describe("after a thumbs-down", () => {
  it("offers, once acknowledged, another wording, the search with the question's words and a person", async () => {
    // Prepare
    const service = chatService({}, taxCardAnswer, ADVISORS_IN);
    const { chatId, answer } = await answeredChat(
      service,
      "Miten saan verokortin? Puh 040 123 4567",
    );
    service.shown.length = 0;
    // Act: the vote is recorded and nothing said yet; the offer comes when asked for.
    const voted = await service.chats.feedback(chatId, answer.id, false);
    expect(service.shown).toEqual([]);
    await voted.offerNextSteps?.();
    // Assess: the same ways onward as after "something else", worded once (phrases.ts).
    expect(service.shown).toHaveLength(1);
    const [offer] = service.shown;
    expect(offer).toMatchObject({ from: "bot", text: phrase("rephrase", "fi") });
    expect(offer?.actions).toEqual([
      {
        type: "link",
        label: "Hae vero.fi:stä",
        url: "https://haku.example.fi/?s=Miten%20saan%20verokortin%3F%20Puh",
      },
      { type: "handoff", label: phrase("talkToPerson", "fi") },
      { type: "callback", label: phrase("requestCallback", "fi") },
      { type: "appointment", label: phrase("bookAppointment", "fi") },
    ]);
    // Stored like every bot message, so a reload shows it too.
    expect((await service.store.listMessages(chatId)).at(-1)?.text).toBe(phrase("rephrase", "fi"));
  });

  it("outside the hours of the chat's queue says when advisors are next in, with a callback and a booking but no person, in the answer's language", async () => {
    // Prepare: a Finnish chat answered in Swedish, at an hour the Finnish queue is closed.
    const asked: Parameters<AdvisorHours>[] = [];
    const service = chatService(
      {},
      {
        ...taxCardAnswer,
        messages: [{ from: "bot", text: "Skattekort.", topic: "tax-card" }],
        lang: "sv",
      },
      (...question) => {
        asked.push(question);
        return "måndag 30.11 kl. 9.00";
      },
    );
    const { chatId, answer } = await answeredChat(service, "Hur får jag skattekort?");
    service.shown.length = 0;

    // Act
    await (await service.chats.feedback(chatId, answer.id, false)).offerNextSteps?.();

    // Assess: the hours of the chat's queue, now, worded in the answer's language.
    expect(asked).toEqual([["fi", NOW, "sv"]]);
    expect(service.shown[0]?.text).toBe(
      `${phrase("rephrase", "sv")} Kundrådgivarna är inte på plats nu. De är tillbaka måndag 30.11 kl. 9.00.`,
    );
    expect(service.shown[0]?.actions?.map((a) => [a.type, a.label])).toEqual([
      ["link", "Sök på vero.fi"],
      ["callback", phrase("requestCallback", "sv")],
      ["appointment", phrase("bookAppointment", "sv")],
    ]);
    expect(service.shown[0]?.actions?.[0]?.url).toMatch(
      /^https:\/\/sok\.example\.fi\/\?s=Hur%20f%C3%A5r/,
    );
  });

  it("offers nothing on a helpful vote, on the same thumbs-down again, or once the chat ended", async () => {
    const service = chatService({}, taxCardAnswer, ADVISORS_IN);
    const { chatId, answer } = await answeredChat(service, "Miten saan verokortin?");
    const later = await answeredChat(service, "Miten saan verokortin?");

    const helpful = await service.chats.feedback(chatId, answer.id, true);
    const first = await service.chats.feedback(chatId, answer.id, false);
    const again = await service.chats.feedback(chatId, answer.id, false);
    await service.chats.endChat(later.chatId, "customer");
    const ended = await service.chats.feedback(later.chatId, later.answer.id, false);

    expect(helpful.offerNextSteps).toBeUndefined();
    expect(first.offerNextSteps).toBeInstanceOf(Function);
    expect(again.offerNextSteps).toBeUndefined();
    expect(ended.offerNextSteps).toBeUndefined();
  });
});
