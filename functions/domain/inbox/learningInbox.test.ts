import { describe, expect, it, vi } from "vitest";
import type { Chat, StoredMessage } from "../chat/model.ts";
import { manualClock } from "../clock.ts";
import type { BotTurn } from "../dialogue/bot.ts";
import type { ReportEvent } from "../reports/reportEvents.ts";
import { createLearningInbox, type LearningInboxSettings } from "./learningInbox.ts";
import { createMemoryMissStore } from "./memoryMissStore.ts";
import type { MissStore } from "./missStore.ts";

const START = new Date("2026-12-02T10:00:00.000Z");

function chat(chatId = "chat-1"): Chat {
  return {
    chatId,
    lang: "fi",
    state: "bot",
    startedAt: START.toISOString(),
    resumeSecretHash: "hash",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: true,
    subject: "subject-123",
    customerName: "Maija Meikäläinen",
  };
}

let seq = 0;
function question(text: string, clock: { now(): Date }): StoredMessage {
  seq++;
  return {
    id: `m-${seq}`,
    chatId: "chat-1",
    from: "customer",
    text,
    at: clock.now().toISOString(),
    expiresAt: 1_900_000_000,
  };
}

const answeredTurn = (topic: string, confidence = 0.9): BotTurn => ({
  messages: [{ from: "bot", text: "Vastaus.", topic, confidence }],
  topic,
  missed: false,
  recognition: [
    { intent: topic, confidence },
    { intent: "tax-refund", confidence: (1 - confidence) / 2 },
  ],
});
const missedTurn = (): BotTurn => ({
  messages: [{ from: "bot", text: "En ymmärtänyt." }],
  missed: true,
  recognition: [
    { intent: "none", confidence: 0.4 },
    { intent: "tax-card", confidence: 0.3 },
    { intent: "tax-refund", confidence: 0.1 },
  ],
});
/** Another agency's pointer; the recogniser's winner is `none`, with the group beside it. */
const referralTurn = (referral: string, confidence: number): BotTurn => ({
  messages: [{ from: "bot", text: "Toisen viranomaisen asia.", referral, confidence }],
  referral,
  missed: false,
  recognition: [
    { intent: "none", confidence },
    { intent: "sickness-allowance", confidence: 1 - confidence },
  ],
});
const personTurn = (): BotTurn => ({
  messages: [
    {
      from: "bot",
      text: "Pyydän neuvojaa.",
      topic: "human-advisor",
      actions: [{ type: "handoff", label: "Neuvoja" }],
    },
  ],
  topic: "human-advisor",
  missed: false,
  recognition: [{ intent: "human-advisor", confidence: 0.95 }],
});

/**
 * `random`: the answer review's draw; by default never under a rate, so only the tests of the
 * review see sampled questions.
 */
function setup(
  settings: Partial<LearningInboxSettings> = {},
  store?: MissStore,
  random: () => number = () => 0.999,
) {
  const clock = manualClock(START);
  const memory = store ?? createMemoryMissStore();
  const writes: string[] = [];
  const counting: MissStore = {
    ...memory,
    put: (e) => {
      writes.push("put");
      return memory.put(e);
    },
    putAll: (entries) => {
      writes.push(`putAll:${entries.length}`);
      return memory.putAll(entries);
    },
    update: (id, c) => {
      writes.push("update");
      return memory.update(id, c);
    },
  };
  const reports: ReportEvent[] = [];
  const errors: unknown[] = [];
  const inbox = createLearningInbox({
    store: counting,
    clock,
    reports: { record: async (e) => void reports.push(e) },
    settings,
    random,
    onError: (e) => errors.push(e),
  });
  const all = async () => {
    await inbox.settled();
    return memory.listDays("2026-12-01", "2026-12-03");
  };
  return { clock, inbox, writes, reports, errors, all };
}

describe("which questions the inbox keeps", () => {
  it("keeps nothing and writes nothing for an ordinary answered turn", async () => {
    // Prepare
    const { inbox, clock, writes, reports, all } = setup();
    // Act
    inbox.answered({
      chat: chat(),
      question: question("verokortti", clock),
      turn: answeredTurn("tax-card"),
    });
    inbox.answered({
      chat: chat(),
      question: question("palautus", clock),
      turn: answeredTurn("tax-refund"),
    });
    inbox.ended(chat());
    // Assess
    expect(await all()).toEqual([]);
    expect(writes).toEqual([]);
    expect(reports).toEqual([]);
  });

  it("keeps a missed question with the recogniser's top three and counts it for the reports", async () => {
    const { inbox, clock, reports, all } = setup();
    const q = question("miten osakkeiden myyntivoitto verotetaan", clock);
    inbox.answered({ chat: chat(), question: q, turn: missedTurn() });
    const [entry] = await all();
    expect(entry).toMatchObject({
      at: q.at,
      day: "2026-12-02",
      lang: "fi",
      text: q.text,
      reasons: ["missed"],
      outcome: "unknown",
      status: "open",
      expiresAt: q.expiresAt,
      guesses: missedTurn().recognition,
    });
    expect(entry?.id).toMatch(/^2026-12-02\.[0-9A-Z]{26}$/);
    expect(entry?.id).not.toBe(q.id);
    expect(reports).toEqual([{ kind: "inboxed", at: START, lang: "fi" }]);
  });

  it("keeps a question in the language the bot took it to be in, the chat's when it does not say", async () => {
    // Prepare: Finnish chats in which the recogniser found Swedish questions.
    const { inbox, clock, reports, all } = setup();
    const inSwedish = (turn: BotTurn): BotTurn => ({ ...turn, lang: "sv" });
    const swedishAnswer: StoredMessage = {
      id: "a-sv",
      chatId: "c",
      from: "bot",
      text: "Svar.",
      topic: "tax-card",
      lang: "sv",
      at: clock.now().toISOString(),
      expiresAt: 1_900_000_000,
    };
    // Act: a miss, an answer followed by a request for a person, a vote on an answer the
    // inbox no longer remembers (a restart), and a turn that names no language (Lex).
    inbox.answered({
      chat: chat("a"),
      question: question("Hur beskattas personaloptioner?", clock),
      turn: inSwedish(missedTurn()),
    });
    inbox.answered({
      chat: chat("b"),
      question: question("Hur ändrar jag skattekortet?", clock),
      turn: inSwedish(answeredTurn("tax-card")),
    });
    inbox.personRequested(chat("b"));
    inbox.voted({
      chat: chat("c"),
      answer: swedishAnswer,
      question: question("Hur får jag skattekort?", clock),
      helpful: false,
    });
    inbox.answered({ chat: chat("d"), question: question("plörö", clock), turn: missedTurn() });
    // Assess
    const entries = (await all()).sort((a, b) => (a.text < b.text ? -1 : 1));
    expect(entries.map((e) => [e.text, e.lang])).toEqual([
      ["Hur beskattas personaloptioner?", "sv"],
      ["Hur får jag skattekort?", "sv"],
      ["Hur ändrar jag skattekortet?", "sv"],
      ["plörö", "fi"],
    ]);
    expect(reports.map((r) => r.lang).sort()).toEqual(["fi", "sv", "sv", "sv"]);
  });

  it("files a single word of the other language under its own language, not the answer's", async () => {
    // Prepare: a Finnish chat; "skattedeklarationen" read as Swedish, answered in Finnish.
    const { inbox, clock, reports, all } = setup();
    // Act
    inbox.answered({
      chat: chat("a"),
      question: question("skattedeklarationen", clock),
      turn: { ...missedTurn(), lang: "fi", questionLang: "sv" },
    });
    // Assess: taught as Swedish, and counted where it is filed.
    expect((await all()).map((e) => [e.text, e.lang])).toEqual([["skattedeklarationen", "sv"]]);
    expect(reports.map((r) => r.lang)).toEqual(["sv"]);
  });

  it("keeps an answer below the configured confidence, not one above it", async () => {
    const { inbox, clock, all } = setup({ confidenceBelow: 0.7 });
    inbox.answered({
      chat: chat("a"),
      question: question("epävarma", clock),
      turn: answeredTurn("tax-card", 0.6),
    });
    inbox.answered({
      chat: chat("b"),
      question: question("varma", clock),
      turn: answeredTurn("tax-card", 0.75),
    });
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.topic])).toEqual([
      ["epävarma", ["low-confidence"], "tax-card"],
    ]);
  });

  it("keeps no confident referral, no conversation move and nothing asked while the recogniser was down", async () => {
    const { inbox, clock, all } = setup();
    const referral = referralTurn("traficom", 0.9);
    inbox.answered({ chat: chat("a"), question: question("ajoneuvovero", clock), turn: referral });
    inbox.answered({
      chat: chat("b"),
      question: question("moi", clock),
      turn: answeredTurn("greeting", 0.3),
    });
    const down: BotTurn = { messages: [{ from: "bot", text: "Vika." }], missed: true };
    inbox.answered({ chat: chat("c"), question: question("verokortti", clock), turn: down });
    expect(await all()).toEqual([]);
  });

  it("keeps a referral below the confidence a topic's answer needs, naming the group", async () => {
    // Prepare: the recogniser only just preferred Kela to a tax topic.
    const { inbox, clock, all } = setup({ confidenceBelow: 0.65 });
    // Act
    inbox.answered({
      chat: chat("a"),
      question: question("sairauspäivärahan vero", clock),
      turn: referralTurn("kela", 0.6),
    });
    inbox.answered({
      chat: chat("b"),
      question: question("kelan tuki", clock),
      turn: referralTurn("kela", 0.65),
    });
    // Assess
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.referral, e.topic])).toEqual([
      ["sairauspäivärahan vero", ["low-confidence"], "kela", undefined],
    ]);
  });

  it("keeps as a miss the question whose which-one the customer answered 'something else'", async () => {
    // Prepare: the bot asked between VAT and light entrepreneurs.
    const { inbox, clock, all } = setup();
    const c = chat();
    const asked = question("kevytyrittäjän alv, puh 040 123 4567", clock);
    const which: BotTurn = {
      messages: [{ from: "bot", text: "Kumpaa tarkoitat?" }],
      missed: false,
      recognition: [
        { intent: "vat", confidence: 0.54 },
        { intent: "light-entrepreneur", confidence: 0.42 },
      ],
    };
    const otherWays: BotTurn = {
      messages: [{ from: "bot", text: "Kirjoita toisin." }],
      missed: false,
      recognition: [{ intent: "none", confidence: 0.9 }],
    };
    inbox.answered({ chat: c, question: asked, turn: which });
    // Act: "something else", then the customer asks again and gets an answer.
    inbox.answered({
      chat: c,
      question: question("Jotain muuta", clock),
      turn: otherWays,
      declined: asked,
    });
    inbox.answered({
      chat: c,
      question: question("kevytyrittäjän arvonlisävero", clock),
      turn: answeredTurn("vat"),
    });
    // After a restart the asking turn is forgotten: the question is still kept.
    inbox.answered({
      chat: chat("b"),
      question: question("Något annat", clock),
      turn: { ...otherWays, lang: "sv" },
      declined: question("lättföretagare moms", clock),
    });
    // Assess: masked, with the topics it was offered between, and what followed.
    const entries = (await all()).sort((a, b) => a.text.localeCompare(b.text));
    expect(
      entries.map((e) => [e.text, e.lang, e.reasons, e.guesses.map((g) => g.intent), e.outcome]),
    ).toEqual([
      [
        "kevytyrittäjän alv, puh [PHONE]",
        "fi",
        ["missed"],
        ["vat", "light-entrepreneur"],
        "answered",
      ],
      ["lättföretagare moms", "sv", ["missed"], [], "unknown"],
    ]);
  });

  it("keeps an answered question when the customer asks for a person right after it", async () => {
    const { inbox, clock, all } = setup();
    inbox.answered({
      chat: chat(),
      question: question("hei", clock),
      turn: answeredTurn("greeting"),
    });
    inbox.answered({
      chat: chat(),
      question: question("verokortin muutos", clock),
      turn: answeredTurn("tax-card"),
    });
    inbox.personRequested(chat());
    inbox.personRequested(chat());
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.outcome])).toEqual([
      ["verokortin muutos", ["person-requested"], "handed-off"],
    ]);
  });

  it("counts the human-advisor topic as the next turn as a request for a person", async () => {
    const { inbox, clock, all } = setup();
    inbox.answered({
      chat: chat(),
      question: question("perintövero", clock),
      turn: answeredTurn("tax-card"),
    });
    inbox.answered({
      chat: chat(),
      question: question("haluan puhua ihmiselle", clock),
      turn: personTurn(),
    });
    inbox.personRequested(chat());
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.outcome])).toEqual([
      ["perintövero", ["person-requested"], "handed-off"],
    ]);
  });

  it("keeps an answer voted unhelpful once, adding the reason to a question already kept", async () => {
    const { inbox, clock, all, writes } = setup();
    const c = chat();
    const low = question("alv-rekisteri", clock);
    inbox.answered({ chat: c, question: low, turn: answeredTurn("vat", 0.5) });
    const sure = question("verokortti", clock);
    inbox.answered({ chat: c, question: sure, turn: answeredTurn("tax-card") });
    const answer = (topic: string): StoredMessage => ({
      id: `a-${topic}`,
      chatId: c.chatId,
      from: "bot",
      text: "Vastaus.",
      topic,
      confidence: 0.9,
      contentVersion: 4,
      at: clock.now().toISOString(),
      expiresAt: 1_900_000_000,
    });
    inbox.voted({ chat: c, answer: answer("vat"), question: low, helpful: false });
    inbox.voted({ chat: c, answer: answer("tax-card"), question: sure, helpful: true });
    inbox.voted({ chat: c, answer: answer("tax-card"), question: sure, helpful: false });
    inbox.voted({ chat: c, answer: answer("tax-card"), question: sure, helpful: false });
    const entries = (await all()).sort((a, b) => a.text.localeCompare(b.text));
    expect(entries.map((e) => [e.text, e.reasons, e.topic])).toEqual([
      ["alv-rekisteri", ["low-confidence", "unhelpful"], "vat"],
      ["verokortti", ["unhelpful"], "tax-card"],
    ]);
    // Both held until written: one request, their reasons already in it, no updates.
    expect(writes).toEqual(["putAll:2"]);
  });

  it("remembers the question the chat's latest answer replied to, so a vote need not read the transcript", () => {
    // Prepare: two answered questions; answers are stored after their question (ids sort).
    const { inbox, clock } = setup();
    const first = { ...question("verokortti", clock), id: "01A" };
    const second = { ...question("palautus", clock), id: "01C" };
    inbox.answered({ chat: chat(), question: first, turn: answeredTurn("tax-card") });
    inbox.answered({ chat: chat(), question: second, turn: answeredTurn("tax-refund") });
    const answer = (id: string, topic = "tax-refund") => ({ id, topic });
    // Act & Assess: the latest answer's question; not for an earlier answer, nor another chat.
    expect(inbox.questionAnswered?.("chat-1", answer("01D"))).toBe(second);
    expect(inbox.questionAnswered?.("chat-1", answer("01B", "tax-card"))).toBeUndefined();
    expect(inbox.questionAnswered?.("chat-2", answer("01D"))).toBeUndefined();
    // An answer of another topic came from a turn this process did not see (another task's).
    expect(inbox.questionAnswered?.("chat-1", answer("01E", "vat"))).toBeUndefined();
    // Still remembered after the end: votes come while the survey shows.
    inbox.ended(chat());
    expect(inbox.questionAnswered?.("chat-1", answer("01D"))).toBe(second);
    // Forgotten with the chat, after an hour's quiet.
    clock.advance(60 * 60_000);
    expect(inbox.questionAnswered?.("chat-1", answer("01D"))).toBeUndefined();
  });

  it("keeps a referral voted unhelpful with the group it pointed to", async () => {
    // Prepare: a tax question the bot took for Kela's matter.
    const { inbox, clock, all } = setup();
    const c = chat();
    const asked = question("Miten sairauspäiväraha verotetaan?", clock);
    const referral: BotTurn = {
      messages: [{ from: "bot", text: "Kelan asia.", referral: "kela", confidence: 0.97 }],
      referral: "kela",
      missed: false,
      recognition: [
        { intent: "none", confidence: 0.97 },
        { intent: "appointment", confidence: 0.03 },
      ],
    };
    inbox.answered({ chat: c, question: asked, turn: referral });
    const answer: StoredMessage = {
      id: "a-kela",
      chatId: c.chatId,
      from: "bot",
      text: "Kelan asia.",
      referral: "kela",
      confidence: 0.97,
      at: clock.now().toISOString(),
      expiresAt: 1_900_000_000,
    };
    // Act
    inbox.voted({ chat: c, answer, question: asked, helpful: false });
    // A vote whose turn the inbox no longer remembers still names the group.
    const forgotten = question("Verotetaanko kotihoidon tuki?", clock);
    inbox.voted({ chat: chat("b"), answer, question: forgotten, helpful: false });
    // Assess
    const entries = (await all()).sort((a, b) => a.text.localeCompare(b.text));
    expect(entries.map((e) => [e.text, e.reasons, e.referral, e.topic, e.guesses[0]])).toEqual([
      [
        "Miten sairauspäiväraha verotetaan?",
        ["unhelpful"],
        "kela",
        undefined,
        { intent: "none", confidence: 0.97 },
      ],
      [
        "Verotetaanko kotihoidon tuki?",
        ["unhelpful"],
        "kela",
        undefined,
        { intent: "none", confidence: 0.97 },
      ],
    ]);
  });
});

/** The bot's which-one between residual tax and the tax refund, as the dialogue asks it. */
const whichTurn = (): BotTurn => ({
  messages: [
    {
      from: "bot",
      text: "Kysymyksesi voi koskea kahta eri asiaa. Kumpaa tarkoitat?",
      confidence: 0.56,
      quickReplies: [
        { label: "Jäännösvero", value: "Jäännösvero" },
        { label: "Veronpalautus", value: "Veronpalautus" },
        { label: "Jotain muuta", value: "Jotain muuta" },
      ],
    },
  ],
  clarified: ["residual-tax", "tax-refund"],
  missed: false,
  recognition: [
    { intent: "residual-tax", confidence: 0.56 },
    { intent: "tax-refund", confidence: 0.43 },
  ],
});

/** A which-one about "jäännös vai palautus" in chat-1; the customer's pick, not yet told. */
function askedWhichOne(
  inbox: ReturnType<typeof setup>["inbox"],
  clock: ReturnType<typeof setup>["clock"],
): StoredMessage {
  inbox.answered({
    chat: chat(),
    question: question("jäännös vai palautus", clock),
    turn: whichTurn(),
  });
  return question("Jäännösvero", clock);
}

describe("when the bot asked which topic was meant", () => {
  it("keeps the question with the topic the customer picked, answered, and writes it once", async () => {
    // Prepare
    const { inbox, clock, all, writes, reports } = setup();
    const c = chat();
    inbox.answered({
      chat: c,
      question: question("jäännösvero vai palautus", clock),
      turn: whichTurn(),
    });
    // Act: the customer taps the second topic (typed in other case and spacing here).
    inbox.answered({
      chat: c,
      question: question("  veronpalautus ", clock),
      turn: answeredTurn("tax-refund"),
    });
    // Assess
    const entries = await all();
    expect(
      entries.map((e) => [e.text, e.reasons, e.chosen, e.outcome, e.guesses.map((g) => g.intent)]),
    ).toEqual([
      [
        "jäännösvero vai palautus",
        ["clarified"],
        "tax-refund",
        "answered",
        ["residual-tax", "tax-refund"],
      ],
    ]);
    expect(writes).toEqual(["putAll:1"]);
    expect(reports.filter((r) => r.kind === "inboxed")).toHaveLength(1);
  });

  it("never keeps the pick itself: a vote or a request for a person after its answer is the question's", async () => {
    // Prepare: the picked topic answers the title with a confidence that would keep a question.
    const { inbox, clock, all } = setup();
    const ask = (id: string, text: string, turn: BotTurn) => {
      const q = { ...question(text, clock), chatId: id };
      inbox.answered({ chat: chat(id), question: q, turn });
      return q;
    };
    ask("a", "jäännösvero vai palautus", whichTurn());
    const pickA = ask("a", "Jäännösvero", answeredTurn("residual-tax", 0.4));
    ask("b", "palautus tai jäännös", whichTurn());
    ask("b", "Veronpalautus", answeredTurn("tax-refund", 0.4));
    // Act: a votes the picked topic's answer unhelpful, b asks for a person after it; then
    // both go on to a question of their own.
    inbox.voted({
      chat: chat("a"),
      answer: {
        id: "a-answer",
        chatId: "a",
        from: "bot",
        text: "Vastaus.",
        topic: "residual-tax",
        at: clock.now().toISOString(),
        expiresAt: 1_900_000_000,
      },
      question: pickA,
      helpful: false,
    });
    inbox.personRequested(chat("b"));
    ask("a", "verokortti", answeredTurn("tax-card"));
    // Assess: two questions kept, no title among them.
    const entries = (await all()).sort((x, y) => x.text.localeCompare(y.text));
    expect(entries.map((e) => [e.text, e.reasons, e.chosen, e.outcome])).toEqual([
      ["jäännösvero vai palautus", ["clarified", "unhelpful"], "residual-tax", "answered"],
      ["palautus tai jäännös", ["clarified", "person-requested"], "tax-refund", "handed-off"],
    ]);
  });

  it("takes a vote on a pick's answer after the chat ended as the question's, keeping no title", async () => {
    // Prepare: a pick, then the chat ends; the survey shows with the answers.
    const { inbox, clock, all } = setup();
    const c = chat();
    const pick = askedWhichOne(inbox, clock);
    inbox.answered({ chat: c, question: pick, turn: answeredTurn("residual-tax", 0.4) });
    inbox.ended(c);
    // Act: a thumbs-down on the picked topic's answer, its question as the transcript has it.
    inbox.voted({
      chat: c,
      answer: {
        id: "answer-after-pick",
        chatId: c.chatId,
        from: "bot",
        text: "Vastaus.",
        topic: "residual-tax",
        at: clock.now().toISOString(),
        expiresAt: 1_900_000_000,
      },
      question: pick,
      helpful: false,
    });
    // Assess
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.chosen])).toEqual([
      ["jäännös vai palautus", ["clarified", "unhelpful"], "residual-tax"],
    ]);
  });

  it("makes the question a miss when the pick got a which-one of its own, declined", async () => {
    // Prepare: the title the customer picked is itself unsure between two topics.
    const { inbox, clock, all } = setup();
    const c = chat();
    const pick = askedWhichOne(inbox, clock);
    inbox.answered({ chat: c, question: pick, turn: whichTurn() });
    // Act
    inbox.answered({
      chat: c,
      question: question("Jotain muuta", clock),
      turn: { messages: [{ from: "bot", text: "Kirjoita toisin." }], missed: false },
      declined: pick,
    });
    // Assess: the first question, a miss; the title never kept.
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons])).toEqual([["jäännös vai palautus", ["missed"]]]);
  });

  it("keeps the question without a pick when the customer asks something else or leaves", async () => {
    // Prepare
    const { inbox, clock, all } = setup();
    const ask = (id: string, text: string, turn: BotTurn) =>
      inbox.answered({ chat: chat(id), question: question(text, clock), turn });
    for (const id of ["a", "b", "c", "d"]) ask(id, `${id}: jäännös vai palautus`, whichTurn());
    // Act: a asks another question, b one the bot misses too, c leaves, d says nothing.
    ask("a", "verokortti", answeredTurn("tax-card"));
    ask("b", "plörö", missedTurn());
    inbox.ended(chat("c"));
    // Assess
    const entries = await all();
    const clarified = entries.filter((e) => e.reasons.includes("clarified"));
    expect(
      Object.fromEntries(clarified.map((e) => [e.text, [e.reasons, e.chosen, e.outcome]])),
    ).toEqual({
      "a: jäännös vai palautus": [["clarified"], undefined, "answered"],
      "b: jäännös vai palautus": [["clarified"], undefined, "rephrased"],
      "c: jäännös vai palautus": [["clarified"], undefined, "left"],
      "d: jäännös vai palautus": [["clarified"], undefined, "unknown"],
    });
    expect(entries).toHaveLength(5);
  });

  it("keeps a question declined with 'something else' once, as a miss, also when written already", async () => {
    // Prepare: a answers the which-one at once; b after the question's hold has ended.
    const { inbox, clock, all, writes } = setup({ writeEveryMs: 5 });
    const asked = (id: string) => ({
      ...question(`${id}: jäännös vai palautus`, clock),
      chatId: id,
    });
    const other: BotTurn = {
      messages: [{ from: "bot", text: "Kirjoita toisin." }],
      missed: false,
      recognition: [{ intent: "none", confidence: 0.9 }],
    };
    const a = asked("a");
    const b = asked("b");
    inbox.answered({ chat: chat("a"), question: a, turn: whichTurn() });
    inbox.answered({ chat: chat("b"), question: b, turn: whichTurn() });
    inbox.answered({
      chat: chat("a"),
      question: question("Jotain muuta", clock),
      turn: other,
      declined: a,
    });
    clock.advance(30_000);
    await vi.waitFor(() => expect(writes).toEqual(["putAll:2"]));
    // Act
    inbox.answered({
      chat: chat("b"),
      question: question("jotain muuta", clock),
      turn: other,
      declined: b,
    });
    inbox.answered({
      chat: chat("b"),
      question: question("verokortti", clock),
      turn: answeredTurn("tax-card"),
    });
    // Assess: one entry each, a miss and no longer `clarified`; b's what came next too.
    const entries = await all();
    expect(Object.fromEntries(entries.map((e) => [e.text, [e.reasons, e.outcome]]))).toEqual({
      "a: jäännös vai palautus": [["missed"], "unknown"],
      "b: jäännös vai palautus": [["missed"], "answered"],
    });
  });
});

describe("when the inbox writes", () => {
  it("holds a kept question until its outcome is known, then writes it with the others in one request", async () => {
    const { inbox, clock, writes, reports, all } = setup({ writeEveryMs: 5, holdMs: 30_000 });
    const ask = (id: string, text: string, turn: BotTurn) =>
      inbox.answered({ chat: chat(id), question: question(text, clock), turn });
    ask("a", "a1", missedTurn());
    ask("b", "b1", missedTurn());
    ask("c", "c1", missedTurn());
    await new Promise((r) => setTimeout(r, 30));
    // No outcome yet and the hold not over: nothing written, nothing counted.
    expect(writes).toEqual([]);
    expect(reports).toEqual([]);
    ask("a", "a2", answeredTurn("tax-card"));
    inbox.personRequested(chat("b"));
    await vi.waitFor(() => expect(writes).toEqual(["putAll:2"]));
    // The third waits for its hold to end, then goes with the outcome still unknown.
    clock.advance(30_000);
    await vi.waitFor(() => expect(writes).toEqual(["putAll:2", "putAll:1"]));
    // Written already: what the chat does next is an update.
    inbox.ended(chat("c"));
    const outcomes = Object.fromEntries((await all()).map((e) => [e.text, e.outcome]));
    expect(outcomes).toEqual({ a1: "answered", b1: "handed-off", c1: "left" });
    expect(writes).toEqual(["putAll:2", "putAll:1", "update"]);
    expect(reports.filter((r) => r.kind === "inboxed")).toHaveLength(3);
  });

  it("writes what it holds when the service stops", async () => {
    const { inbox, clock, writes, all } = setup({ writeEveryMs: 60_000 });
    inbox.answered({ chat: chat(), question: question("q", clock), turn: missedTurn() });
    expect(writes).toEqual([]);
    expect((await all()).map((e) => [e.text, e.outcome])).toEqual([["q", "unknown"]]);
  });
});

describe("what the chat did next", () => {
  it("records answered, clarified, rephrased, handed-off and left", async () => {
    const { inbox, clock, all } = setup();
    const ask = (id: string, text: string, turn: BotTurn) =>
      inbox.answered({ chat: chat(id), question: question(text, clock), turn });
    ask("a", "a1", missedTurn());
    ask("a", "a2", answeredTurn("tax-card"));
    ask("b", "b1", missedTurn());
    ask("b", "b2", missedTurn());
    inbox.ended(chat("b"));
    ask("c", "c1", missedTurn());
    inbox.personRequested(chat("c"));
    ask("d", "d1", missedTurn());
    ask("e", "e1", missedTurn());
    // f's next message got only a which-one: a question back, not an answer.
    ask("f", "f1", missedTurn());
    ask("f", "f2", whichTurn());
    const outcomes = Object.fromEntries((await all()).map((e) => [e.text, e.outcome]));
    expect(outcomes).toEqual({
      a1: "answered",
      b1: "rephrased",
      b2: "left",
      c1: "handed-off",
      d1: "unknown",
      e1: "unknown",
      f1: "clarified",
      f2: "unknown",
    });
  });

  it("records where a request for a person went, by button or in words, held or written", async () => {
    // Prepare: three chats whose question is followed by a request for a person.
    const { inbox, clock, all } = setup({ writeEveryMs: 5 });
    const ask = (id: string, text: string, turn: BotTurn) =>
      inbox.answered({ chat: chat(id), question: question(text, clock), turn });
    ask("a", "a1", missedTurn());
    ask("b", "b1", answeredTurn("tax-card"));
    ask("c", "c1", missedTurn());
    // Act: a asks by button while closed; b in words, routed to the queue; c is routed only
    // once its question has been written (an update, not the first write).
    inbox.personRequested(chat("a"));
    inbox.personRouted(chat("a"), "closed");
    ask("b", "haluan puhua ihmiselle", personTurn());
    inbox.personRouted(chat("b"), "queued");
    inbox.personRequested(chat("c"));
    await new Promise((r) => setTimeout(r, 30));
    inbox.personRouted(chat("c"), "no-advisors");
    // A route with no request before it (the service asked on the customer's behalf) and a
    // second route for a request already routed change nothing.
    inbox.personRouted(chat("d"), "queue-full");
    inbox.personRouted(chat("a"), "queued");
    // Assess
    const entries = await all();
    expect(Object.fromEntries(entries.map((e) => [e.text, [e.outcome, e.handoff]]))).toEqual({
      a1: ["handed-off", "closed"],
      b1: ["handed-off", "queued"],
      c1: ["handed-off", "no-advisors"],
    });
  });

  it("forgets the least recent chats beyond its bound", async () => {
    const { inbox, clock, all } = setup({ maxChats: 20 });
    for (let i = 0; i < 21; i++) {
      inbox.answered({
        chat: chat(`c${i}`),
        question: question(`q${i}`, clock),
        turn: missedTurn(),
      });
    }
    inbox.ended(chat("c0"));
    inbox.ended(chat("c20"));
    const outcomes = Object.fromEntries((await all()).map((e) => [e.text, e.outcome]));
    expect(outcomes.q0).toBe("unknown");
    expect(outcomes.q20).toBe("left");
  });

  it("forgets a chat silent for an hour", async () => {
    const { inbox, clock, all } = setup();
    inbox.answered({ chat: chat("a"), question: question("a1", clock), turn: missedTurn() });
    clock.advance(30 * 60_000);
    inbox.answered({ chat: chat("b"), question: question("b1", clock), turn: missedTurn() });
    clock.advance(31 * 60_000);
    inbox.ended(chat("a"));
    inbox.ended(chat("b"));
    const outcomes = Object.fromEntries((await all()).map((e) => [e.text, e.outcome]));
    expect(outcomes).toEqual({ a1: "unknown", b1: "left" });
  });
});

describe("what the inbox holds of a question", () => {
  it("holds the text masked and nothing that leads back to the chat or the customer", async () => {
    const { inbox, clock, all } = setup();
    const c = chat();
    // As if a caller passed text that is not masked: the inbox masks it itself.
    const q = question("tunnus 010190-123A tili FI21 1234 5600 0007 85 puh 040 123 4567", clock);
    inbox.answered({ chat: c, question: q, turn: missedTurn() });
    const [entry] = await all();
    expect(entry?.text).toBe("tunnus [ID-CODE] tili [IBAN] puh [PHONE]");
    const stored = JSON.stringify(entry);
    for (const secret of [c.chatId, "subject-123", "Maija", "hash", q.id]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("never throws into the chat when the store fails; the failure is reported", async () => {
    const failing: MissStore = {
      ...createMemoryMissStore(),
      put: async () => {
        throw new Error("table down");
      },
      putAll: async () => {
        throw new Error("table down");
      },
    };
    const { inbox, clock, errors } = setup({}, failing);
    expect(() =>
      inbox.answered({ chat: chat(), question: question("x", clock), turn: missedTurn() }),
    ).not.toThrow();
    inbox.ended(chat());
    await inbox.settled();
    expect(errors).toHaveLength(1);
  });
});

describe("the answer review's sample of surely answered questions", () => {
  /** A draw that gives each of `values` in turn, then never samples again. */
  const draws = (...values: number[]) => {
    const left = [...values];
    return () => left.shift() ?? 0.999;
  };

  it("keeps a sure answer as sampled when the draw is under the rate, with the topic it was answered with", async () => {
    // Prepare: the first draw under 5 %, the second just at it.
    const { inbox, clock, all } = setup({ sampleRate: 0.05 }, undefined, draws(0.049, 0.05));
    // Act
    inbox.answered({
      chat: chat("a"),
      question: question("verokortin muutos", clock),
      turn: answeredTurn("tax-card", 0.9),
    });
    inbox.answered({
      chat: chat("b"),
      question: question("veronpalautus", clock),
      turn: answeredTurn("tax-refund", 0.9),
    });
    // Assess
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.topic, e.status])).toEqual([
      ["verokortin muutos", ["sampled"], "tax-card", "open"],
    ]);
  });

  it("samples a sure referral to another agency as an answer too", async () => {
    const { inbox, clock, all } = setup({ sampleRate: 0.5 }, undefined, draws(0.1));
    inbox.answered({
      chat: chat(),
      question: question("ajoneuvovero", clock),
      turn: referralTurn("traficom", 0.9),
    });
    const entries = await all();
    expect(entries.map((e) => [e.reasons, e.referral])).toEqual([[["sampled"], "traficom"]]);
  });

  it("never samples a conversation move, a miss, a which-one or a doubtful answer, and draws for none of them", async () => {
    // Prepare: every draw would sample; count the draws asked.
    let drawn = 0;
    const { inbox, clock, all } = setup({ sampleRate: 1 }, undefined, () => {
      drawn++;
      return 0;
    });
    const which: BotTurn = {
      messages: [{ from: "bot", text: "Kumpaa tarkoitat?" }],
      missed: false,
      clarified: ["vat", "tax-card"],
      recognition: [
        { intent: "vat", confidence: 0.5 },
        { intent: "tax-card", confidence: 0.45 },
      ],
    };
    // Act
    inbox.answered({
      chat: chat("a"),
      question: question("moi", clock),
      turn: answeredTurn("greeting"),
    });
    inbox.answered({ chat: chat("b"), question: question("plörö", clock), turn: missedTurn() });
    inbox.answered({ chat: chat("c"), question: question("alv", clock), turn: which });
    inbox.answered({
      chat: chat("d"),
      question: question("epävarma", clock),
      turn: answeredTurn("tax-card", 0.5),
    });
    // Assess
    const reasons = Object.fromEntries((await all()).map((e) => [e.text, e.reasons]));
    expect(reasons).toEqual({
      plörö: ["missed"],
      alv: ["clarified"],
      epävarma: ["low-confidence"],
    });
    expect(drawn).toBe(0);
  });

  it("keeps none at rate 0 without drawing", async () => {
    const random = vi.fn(() => 0);
    const { inbox, clock, all } = setup({ sampleRate: 0 }, undefined, random);
    inbox.answered({
      chat: chat(),
      question: question("verokortti", clock),
      turn: answeredTurn("tax-card"),
    });
    expect(await all()).toEqual([]);
    expect(random).not.toHaveBeenCalled();
  });

  it("does not count a sampled question as inboxed for the reports, yet follows its outcome", async () => {
    const { inbox, clock, reports, all } = setup({ sampleRate: 0.02 }, undefined, draws(0));
    inbox.answered({
      chat: chat(),
      question: question("verokortti", clock),
      turn: answeredTurn("tax-card"),
    });
    inbox.answered({
      chat: chat(),
      question: question("kiitos", clock),
      turn: answeredTurn("thanks"),
    });
    const entries = await all();
    expect(entries.map((e) => [e.text, e.reasons, e.outcome])).toEqual([
      ["verokortti", ["sampled"], "answered"],
    ]);
    expect(reports.filter((r) => r.kind === "inboxed")).toEqual([]);
  });

  it("adds a later unhelpful vote or request for a person to a sampled question, and counts it inboxed then", async () => {
    // Prepare: two sampled questions in two chats, written before anything follows them.
    const { inbox, clock, reports, all, writes } = setup(
      { sampleRate: 0.5, writeEveryMs: 5, holdMs: 0 },
      undefined,
      draws(0, 0),
    );
    const voted = question("verokortin muutos", clock);
    inbox.answered({ chat: chat("a"), question: voted, turn: answeredTurn("tax-card") });
    inbox.answered({
      chat: chat("b"),
      question: question("palautus", clock),
      turn: answeredTurn("tax-refund"),
    });
    await vi.waitFor(() => expect(writes).toEqual(["putAll:2"]));
    expect(reports).toEqual([]);
    // Act: the customer of one votes the answer down, the other asks for a person.
    const answer: StoredMessage = {
      id: "a-1",
      chatId: "a",
      from: "bot",
      text: "Vastaus.",
      topic: "tax-card",
      confidence: 0.9,
      at: clock.now().toISOString(),
      expiresAt: 1_900_000_000,
    };
    inbox.voted({ chat: chat("a"), answer, question: voted, helpful: false });
    inbox.personRequested(chat("b"));
    // Assess: misses now, each counted once, as a question kept for that reason alone would be.
    const reasons = Object.fromEntries((await all()).map((e) => [e.text, e.reasons]));
    expect(reasons).toEqual({
      "verokortin muutos": ["sampled", "unhelpful"],
      palautus: ["sampled", "person-requested"],
    });
    expect(
      reports
        .filter((r) => r.kind === "inboxed")
        .map((r) => r.topic)
        .sort(),
    ).toEqual(["tax-card", "tax-refund"]);
  });
});
