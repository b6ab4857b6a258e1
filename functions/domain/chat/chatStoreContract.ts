import { describe, expect, it } from "vitest";
import type { ChatStore } from "./chatStore.ts";
import { ChatNotFoundError } from "./errors.ts";
import type { Chat, StoredMessage } from "./model.ts";

/** A store under test and its stand-in for DynamoDB's TTL: deletes what expired before `now`. */
export interface ChatStoreUnderTest {
  store: ChatStore;
  expire(now: Date): Promise<unknown>;
}

/** Minute `m` of one morning, as the ISO instants chats and queues are kept with. */
const at = (m: number) => `2026-11-23T10:${String(m).padStart(2, "0")}:00.000Z`;
const NOW_SECONDS = Date.parse(at(0)) / 1000;

/** A Finnish chat with the bot, started at 10:00. */
export function sampleChat(chatId: string, over: Partial<Chat> = {}): Chat {
  return {
    chatId,
    lang: "fi",
    state: "bot",
    startedAt: at(0),
    resumeSecretHash: "hash",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: false,
    ...over,
  };
}

/** A customer's message with the id given (ids sort in time order, as ULIDs do). */
export function sampleMessage(chatId: string, id: string, text: string): StoredMessage {
  return { id, chatId, from: "customer", text, at: at(0), expiresAt: 2_000_000_000 };
}

const ended = (m: number) => ({
  endedAt: at(m),
  endedBy: "customer" as const,
  surveySecretHash: "survey-hash",
  surveyExpiresAt: at(m + 60),
});

/**
 * What every ChatStore promises, run against each implementation (in memory beside it, the
 * DynamoDB store in its adapter's tests). `fresh` gives an empty store per test.
 */
export function describeChatStoreContract(
  name: string,
  fresh: () => Promise<ChatStoreUnderTest>,
): void {
  describe(`chat store (${name})`, () => {
    it("gives a chat back as stored, as a copy, and nothing for an unknown id", async () => {
      const { store } = await fresh();
      const chat = sampleChat("c1", { expiresAt: 2_000_000_000 });
      await store.createChat(chat);

      const read = await store.getChat("c1");
      expect(read).toMatchObject(chat);
      read?.topics.push("changed by the caller");

      expect((await store.getChat("c1"))?.topics).toEqual([]);
      expect(await store.getChat("nobody")).toBeUndefined();
    });

    it("returns the chat with the bot's state saved last, and queues it with the topics given", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("topics"));

      await store.saveBotState({ chatId: "topics" }, { topics: ["tax-card"], missesInRow: 0 });
      await store.saveBotState(
        { chatId: "topics" },
        { topics: ["tax-card", "vat"], missesInRow: 1 },
      );
      const chat = await store.getChat("topics");
      await store.enqueue("topics", { lang: "fi", queuedAt: at(1), front: false, topics: ["x"] });

      expect(chat).toMatchObject({ topics: ["tax-card", "vat"], missesInRow: 1, state: "bot" });
      expect(chat?.customerWrote).toBeUndefined();
      await store.saveBotState(
        { chatId: "topics" },
        { topics: ["tax-card", "vat"], missesInRow: 1, customerWrote: true },
      );
      expect(await store.getChat("topics")).toMatchObject({ customerWrote: true });
      expect(await store.listQueue("fi")).toMatchObject([{ chatId: "topics", topics: ["x"] }]);
      // The state is not a message: the transcript does not show it.
      expect(await store.listMessages("topics")).toEqual([]);
    });

    it("binds one person to a chat, renews their sign-in and refuses anyone else", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("c1"));
      const maija = {
        subject: "maija",
        customerName: "Maija Meikäläinen",
        assurance: "substantial" as const,
        signInExpiresAt: at(30),
      };

      expect(await store.bindIdentity("c1", maija)).toBe(true);
      expect(await store.bindIdentity("c1", { ...maija, signInExpiresAt: at(50) })).toBe(true);
      expect(await store.bindIdentity("c1", { ...maija, subject: "matti" })).toBe(false);
      expect(await store.bindIdentity("nobody", maija)).toBe(false);

      expect(await store.getChat("c1")).toMatchObject({
        authenticated: true,
        subject: "maija",
        customerName: "Maija Meikäläinen",
        assurance: "substantial",
        signInExpiresAt: at(50),
      });
    });

    it("queues only a chat with the bot, per language, those sent back first and then by time", async () => {
      const { store } = await fresh();
      for (const id of ["second", "first", "sent-back", "swedish", "left"]) {
        await store.createChat(sampleChat(id));
      }
      await store.enqueue("second", { lang: "fi", queuedAt: at(2), front: false });
      await store.enqueue("first", { lang: "fi", queuedAt: at(1), front: false });
      await store.enqueue("sent-back", { lang: "fi", queuedAt: at(3), front: true });
      await store.enqueue("swedish", { lang: "sv", queuedAt: at(0), front: false });
      await store.enqueue("left", { lang: "fi", queuedAt: at(0), front: false });

      expect(await store.enqueue("first", { lang: "fi", queuedAt: at(4), front: true })).toBe(
        false,
      );
      expect(await store.enqueue("nobody", { lang: "fi", queuedAt: at(4), front: false })).toBe(
        false,
      );
      expect(await store.leaveQueue("left")).toBe(true);
      expect(await store.leaveQueue("left")).toBe(false);

      const fi = await store.listQueue("fi");
      expect(fi.map((c) => c.chatId)).toEqual(["sent-back", "first", "second"]);
      expect(fi[1]).toMatchObject({ state: "queued", queuedAt: at(1), queueLang: "fi" });
      expect((await store.listQueue("sv")).map((c) => c.chatId)).toEqual(["swedish"]);
      expect(await store.getChat("left")).toMatchObject({ state: "bot" });
      expect(await store.getChat("left")).not.toHaveProperty("queuedAt");
    });

    it("gives a queued chat to the first advisor only, and takes it back only from them", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("waiting", { startedAt: at(1) }));
      await store.createChat(sampleChat("taken"));
      await store.enqueue("waiting", { lang: "fi", queuedAt: at(1), front: false });
      await store.enqueue("taken", { lang: "fi", queuedAt: at(0), front: false });

      expect(await store.assignAdvisor("taken", { id: "anna", name: "Anna" })).toBe(true);
      expect(await store.assignAdvisor("taken", { id: "ville", name: "Ville" })).toBe(false);
      expect(await store.assignAdvisor("nobody", { id: "ville", name: "Ville" })).toBe(false);
      expect(await store.getChat("taken")).toMatchObject({
        state: "advisor",
        handledBy: "advisor",
        advisorId: "anna",
        advisorName: "Anna",
      });
      expect((await store.listQueue("fi")).map((c) => c.chatId)).toEqual(["waiting"]);
      expect((await store.listAdvisorChats("anna")).map((c) => c.chatId)).toEqual(["taken"]);

      const back = { lang: "fi" as const, front: true, at: at(5) };
      expect(await store.requeueFromAdvisor("taken", "ville", back)).toBe(false);
      expect(await store.requeueFromAdvisor("taken", "anna", back)).toBe(true);
      expect(await store.requeueFromAdvisor("taken", "anna", back)).toBe(false);

      expect((await store.listQueue("fi")).map((c) => c.chatId)).toEqual(["taken", "waiting"]);
      const requeued = await store.getChat("taken");
      expect(requeued).toMatchObject({ state: "queued", handledBy: "advisor", queuedAt: at(0) });
      expect(requeued).not.toHaveProperty("advisorId");
      expect(await store.listAdvisorChats("anna")).toEqual([]);
    });

    it("lists the chats not ended, whatever their state, oldest first", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("later", { startedAt: at(3) }));
      await store.createChat(sampleChat("with-advisor", { startedAt: at(2) }));
      await store.createChat(sampleChat("ended", { startedAt: at(1) }));
      await store.createChat(sampleChat("bot", { startedAt: at(0) }));
      await store.createChat(sampleChat("stored-ended", { state: "ended" }));
      await store.enqueue("with-advisor", { lang: "fi", queuedAt: at(2), front: false });
      await store.assignAdvisor("with-advisor", { id: "anna", name: "Anna" });
      await store.endChat("ended", ended(4));

      const open = await store.listOpenChats();

      expect(open.map((c) => [c.chatId, c.state])).toEqual([
        ["bot", "bot"],
        ["with-advisor", "advisor"],
        ["later", "bot"],
      ]);
      expect(open[1]).toMatchObject({ advisorId: "anna" });
    });

    it("ends a chat once, whoever asks first, and takes it out of its queue", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("queued"));
      await store.enqueue("queued", { lang: "fi", queuedAt: at(1), front: false });

      expect(await store.endChat("queued", ended(2))).toBe(true);
      expect(await store.endChat("queued", { ...ended(3), endedBy: "advisor" })).toBe(false);
      expect(await store.endChat("nobody", ended(3))).toBe(false);

      expect(await store.getChat("queued")).toMatchObject({ state: "ended", ...ended(2) });
      expect(await store.listQueue("fi")).toEqual([]);
      expect(await store.leaveQueue("queued")).toBe(false);
      expect(await store.assignAdvisor("queued", { id: "anna", name: "Anna" })).toBe(false);
    });

    it("keeps an ended chat on its advisor's list until the wrap-up, and never overwrites one", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("c1"));
      await store.enqueue("c1", { lang: "fi", queuedAt: at(0), front: false });
      await store.assignAdvisor("c1", { id: "anna", name: "Anna" });
      await store.endChat("c1", ended(5));
      const first = { reason: "tax-card", at: at(6), advisorId: "anna" };
      const second = { reason: "vat", note: "korjattu", at: at(7), advisorId: "anna" };

      expect((await store.listAdvisorChats("anna")).map((c) => c.chatId)).toEqual(["c1"]);
      expect(await store.saveWrapup("c1", { ...first, advisorId: "ville" })).toBe(false);
      expect(await store.saveWrapup("c1", first)).toBe("saved");
      expect(await store.listAdvisorChats("anna")).toEqual([]);
      expect(await store.saveWrapup("c1", second)).toBe("corrected");
      expect(await store.saveWrapup("nobody", first)).toBe(false);

      expect(await store.getChat("c1")).toMatchObject({
        wrapup: first,
        wrapupCorrections: [second],
      });
    });

    it("notes a weak sign-in without binding anyone, and refuses an unknown chat with ChatNotFoundError", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("c1"));

      await store.markSignInTooWeak("c1");

      const chat = await store.getChat("c1");
      expect(chat).toMatchObject({ signInTooWeak: true, authenticated: false });
      expect(chat?.subject).toBeUndefined();
      await expect(store.markSignInTooWeak("nobody")).rejects.toBeInstanceOf(ChatNotFoundError);
      expect(await store.getChat("nobody")).toBeUndefined();
    });

    it("keeps since when an advisor chat's customer is gone until they are back, and ignores an unknown chat", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("c1"));

      await store.setCustomerGone("c1", "2026-11-24T08:05:00.000Z");
      expect(await store.getChat("c1")).toMatchObject({
        customerGoneAt: "2026-11-24T08:05:00.000Z",
      });
      await store.setCustomerGone("c1", undefined);
      expect((await store.getChat("c1"))?.customerGoneAt).toBeUndefined();

      await store.setCustomerGone("nobody", "2026-11-24T08:05:00.000Z");
      expect(await store.getChat("nobody")).toBeUndefined();
    });

    it("switches a chat's language, and refuses an unknown chat with ChatNotFoundError", async () => {
      const { store } = await fresh();
      await store.createChat(sampleChat("c1"));

      await store.setLanguage("c1", "sv");

      expect(await store.getChat("c1")).toMatchObject({ lang: "sv" });
      await expect(store.setLanguage("nobody", "sv")).rejects.toBeInstanceOf(ChatNotFoundError);
      expect(await store.getChat("nobody")).toBeUndefined();
    });

    it("keeps a person's message under its clientId, beside the service's own, in time order", async () => {
      const { store } = await fresh();

      expect(await store.findClientMessage("c1", "customer:abc12345")).toBeUndefined();
      await store.putClientMessage(sampleMessage("c1", "01A", "hei"), "customer:abc12345");
      await store.appendMessage({ ...sampleMessage("c1", "01C", "vastaus"), from: "bot" });
      await store.appendMessage({ ...sampleMessage("c1", "01B", "hetki"), from: "bot" });
      // The same message stored again (a retried write) is still one message.
      await store.putClientMessage(sampleMessage("c1", "01A", "hei"), "customer:abc12345");
      await store.appendMessage({ ...sampleMessage("c1", "01C", "vastaus"), from: "bot" });

      expect(await store.findClientMessage("c1", "customer:abc12345")).toMatchObject({
        id: "01A",
        text: "hei",
      });
      // Another sender's clientId is another key, and another chat another transcript.
      expect(await store.findClientMessage("c1", "advisor:abc12345")).toBeUndefined();
      expect(await store.findClientMessage("c2", "customer:abc12345")).toBeUndefined();
      expect((await store.listMessages("c1")).map((m) => m.id)).toEqual(["01A", "01B", "01C"]);
      expect((await store.listMessages("c1", "01A")).map((m) => m.id)).toEqual(["01B", "01C"]);
      expect(await store.listMessages("c2")).toEqual([]);
      expect(await store.getMessage("c1", "01A")).toMatchObject({ text: "hei" });
      expect(await store.getMessage("c1", "01C")).toMatchObject({ from: "bot" });
      expect(await store.getMessage("c2", "01C")).toBeUndefined();
    });

    it("keeps one vote per answer beside the transcript, returning the vote it replaced", async () => {
      const { store } = await fresh();
      await store.appendMessage({ ...sampleMessage("votes", "01B", "vastaus"), from: "bot" });
      const vote = {
        chatId: "votes",
        messageId: "01B",
        topic: "tax-card",
        contentVersion: 3,
        lang: "fi" as const,
        helpful: true,
        at: at(1),
        expiresAt: 2_000_000_000,
      };

      const first = await store.putFeedback(vote);
      const again = await store.putFeedback({ ...vote, at: at(2) });
      // Voted after switching language: the vote stays counted in the language it was cast in.
      const changed = await store.putFeedback({ ...vote, helpful: false, lang: "sv" });
      const last = await store.putFeedback({ ...vote, lang: "sv" });

      expect(first).toBeUndefined();
      expect(again).toEqual({ helpful: true, lang: "fi" });
      expect(changed).toEqual({ helpful: true, lang: "fi" });
      expect(last).toEqual({ helpful: false, lang: "fi" });
      // Another answer's vote is its own.
      expect(await store.putFeedback({ ...vote, messageId: "01C" })).toBeUndefined();
      // Another agency's pointer has a referral group instead of a topic.
      const { topic: _topic, ...untopical } = vote;
      const pointer = { ...untopical, messageId: "01D", referral: "kela" };
      expect(await store.putFeedback({ ...pointer, helpful: false })).toBeUndefined();
      expect(await store.putFeedback(pointer)).toEqual({ helpful: false, lang: "fi" });
      // Votes are not messages: the transcript and a replay do not show them.
      expect((await store.listMessages("votes")).map((m) => m.id)).toEqual(["01B"]);
      expect(await store.getMessage("votes", "01C")).toBeUndefined();
    });

    it("keeps one survey per chat", async () => {
      const { store } = await fresh();
      const survey = {
        chatId: "c1",
        lang: "fi",
        topics: ["tax-card"],
        handledBy: "bot" as const,
        authenticated: false,
        gotHelp: true,
        score: 5,
        chatStartedAt: at(0),
        chatEndedAt: at(5),
        submittedAt: at(6),
      };

      expect(await store.putSurvey(survey)).toBe(true);
      expect(await store.putSurvey({ ...survey, score: 1 })).toBe(false);
      expect(await store.putSurvey({ ...survey, chatId: "c2" })).toBe(true);
    });

    it("keeps a chat and its transcript until their expiresAt, then loses both, as DynamoDB's TTL", async () => {
      const { store, expire } = await fresh();
      const soon = NOW_SECONDS + 60;
      const later = NOW_SECONDS + 86_400;
      await store.createChat(sampleChat("old", { expiresAt: soon }));
      await store.createChat(sampleChat("new", { expiresAt: later }));
      await store.createChat(sampleChat("kept-forever"));
      await store.saveBotState(
        { chatId: "old", expiresAt: soon },
        { topics: ["vat"], missesInRow: 2 },
      );
      await store.appendMessage({ ...sampleMessage("old", "01A", "hei"), expiresAt: soon });
      await store.putClientMessage(
        { ...sampleMessage("old", "01B", "moi"), expiresAt: soon },
        "customer:x",
      );
      await store.appendMessage({ ...sampleMessage("new", "01A", "hei"), expiresAt: later });
      const vote = {
        chatId: "old",
        messageId: "01A",
        topic: "vat",
        lang: "fi" as const,
        helpful: true,
        at: at(1),
        expiresAt: soon,
      };
      await store.putFeedback(vote);

      // Before the expiry nothing goes.
      await expire(new Date((soon - 1) * 1000));
      expect(await store.getChat("old")).toMatchObject({ topics: ["vat"], missesInRow: 2 });
      expect(await store.listMessages("old")).toHaveLength(2);

      await expire(new Date((soon + 1) * 1000));

      expect(await store.getChat("old")).toBeUndefined();
      expect(await store.listMessages("old")).toEqual([]);
      expect(await store.findClientMessage("old", "customer:x")).toBeUndefined();
      // The vote went with the answer: a new one is a first vote again.
      expect(await store.putFeedback({ ...vote, expiresAt: later })).toBeUndefined();
      expect(await store.getChat("new")).toMatchObject({ chatId: "new" });
      expect(await store.listMessages("new")).toHaveLength(1);
      expect(await store.getChat("kept-forever")).toMatchObject({ chatId: "kept-forever" });
      // The bot's state went too: the same id stored again starts with none.
      await store.createChat(sampleChat("old", { expiresAt: later }));
      expect(await store.getChat("old")).toMatchObject({ topics: [], missesInRow: 0 });
    });
  });
}
