// Simulated customers: each opens a chat, asks 3-8 questions 2 s apart, ends it, answers the
// survey half the time, and starts the next chat, over a real socket.io connection.
import { io, type Socket } from "socket.io-client";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../../functions/content/loadContent.ts";
import { loadTestCases } from "../../functions/content/testSet.ts";
import type { Lang } from "../../functions/contracts/lang.ts";
import type {
  ChatMessage,
  CustomerToServerEvents,
  ServerToCustomerEvents,
} from "../../functions/contracts/protocol.ts";
import { NO_INTENT } from "../../functions/contracts/topics.ts";
import { countError, type LoadRun, sleep, until } from "./metrics.ts";
import { options } from "./options.ts";

type CustomerSocket = Socket<ServerToCustomerEvents, CustomerToServerEvents>;

export const ASK_EVERY_MS = 2_000;
export const REPLY_TIMEOUT_MS = 10_000;
/** Share of chats in Finnish; the rest are in Swedish. */
const FINNISH_SHARE = 0.7;
/** Share of ended chats whose customer answers the survey. */
const SURVEY_SHARE = 0.5;
/**
 * With --learning: share of bot answers a customer votes on (generous: answer-feedback
 * buttons typically get a vote on a few percent of answers), and of votes that say "helped".
 */
const VOTE_SHARE = 0.1;
const HELPFUL_SHARE = 0.7;

/**
 * What customers ask, from the held-out test messages in bot-content/tests (colloquial
 * phrasing, typos, both languages). The test set is built to be hard: a quarter of it is
 * out of scope and one message in 25 asks for a person, so drawn as it is about half of all
 * chats would end up queued for an advisor (two misses in a row or a request for a person).
 * The `traffic` mix is closer to a service where the bot answers about 98 % of chats: topic
 * questions, out-of-scope ones at --out-of-scope-share, and asking for a person left to the
 * --handoff-share of chats that press the button. `--mix test-set` asks the test set as it is.
 */
interface QuestionPool {
  topics: string[];
  outOfScope: string[];
  all: string[];
}

/** Topics whose answer brings in a person (their action is a handoff). */
const ASKS_FOR_PERSON = new Set(
  [...loadBotContent(DEFAULT_CONTENT_DIR).topics.values()]
    .filter((t) => t.action === "handoff")
    .map((t) => t.id as string),
);

function questionPool(lang: Lang): QuestionPool {
  const cases = loadTestCases(DEFAULT_CONTENT_DIR, lang);
  return {
    topics: cases
      .filter((c) => c.intent !== NO_INTENT && !ASKS_FOR_PERSON.has(c.intent))
      .map((c) => c.text),
    outOfScope: cases.filter((c) => c.intent === NO_INTENT).map((c) => c.text),
    all: cases.map((c) => c.text),
  };
}

const QUESTIONS: Record<Lang, QuestionPool> = { fi: questionPool("fi"), sv: questionPool("sv") };

function nextQuestion(lang: Lang): string {
  const pool = QUESTIONS[lang];
  if (options.mix === "test-set") return pick(pool.all);
  return pick(Math.random() < options.outOfScopeShare ? pool.outOfScope : pool.topics);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

export interface ChatRecord {
  chatId: string;
  resumeToken: string;
  lang: Lang;
  /** clientId → message id from the ack. */
  acked: Map<string, string>;
  /** message id → how many times it arrived live, and its sender. */
  delivered: Map<
    string,
    {
      count: number;
      from: ChatMessage["from"];
      text: string;
      at: string;
      transient: boolean;
      clientId?: string;
    }
  >;
  botMessagesSeen: number;
  ended: boolean;
  /** The customer moved on to another chat. */
  left: boolean;
}

interface PendingQuestion {
  clientId: string;
  sentAt: number;
  echoed: boolean;
  answered: () => void;
}

export interface Customer {
  index: number;
  socket: CustomerSocket;
  chats: Map<string, ChatRecord>;
  current?: ChatRecord;
  pending?: PendingQuestion;
  sequence: number;
  surveyRequested: Set<string>;
  /** The current chat's state as the server last told it. */
  state?: string;
  /** The bot answer to the customer's latest question, when it answered from a topic. */
  lastAnswer?: { id: string; topic?: string };
}

/** Connects `n` customers, 50 at a time, numbered from `firstIndex`. */
export async function connectAll(
  url: string,
  n: number,
  run: LoadRun,
  firstIndex = 0,
): Promise<Customer[]> {
  const customers: Customer[] = [];
  const BATCH = 50;
  for (let first = 0; first < n; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - first) }, (_, i) =>
      connectCustomer(url, firstIndex + first + i, run),
    );
    customers.push(...(await Promise.all(batch)));
  }
  return customers;
}

async function connectCustomer(url: string, index: number, run: LoadRun) {
  const { metrics } = run;
  const socket: CustomerSocket = io(`${url}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const customer: Customer = {
    index,
    socket,
    chats: new Map(),
    sequence: 0,
    surveyRequested: new Set(),
  };
  socket.on("disconnect", (reason) => {
    if (reason !== "io client disconnect") countError(metrics, `disconnect:${reason}`);
  });
  socket.on("chat:message", (message) => {
    metrics.delivered++;
    if (performance.now() <= metrics.phaseEndsAt) metrics.deliveredInPhase++;
    const chat = chatRecord(customer, message.chatId);
    const seen = chat.delivered.get(message.id);
    if (seen) seen.count++;
    else
      chat.delivered.set(message.id, {
        count: 1,
        from: message.from,
        text: message.text,
        at: message.at,
        transient: message.transient === true,
        ...(message.clientId ? { clientId: message.clientId } : {}),
      });
    if (message.from === "bot") chat.botMessagesSeen++;
    if (message.from === "advisor" && message.clientId) {
      const sentAt = run.advisorSentAt.get(message.clientId);
      // Live delivery only: the transcript replay at the end brings the message again.
      run.advisorSentAt.delete(message.clientId);
      if (sentAt !== undefined) metrics.relayMs.push(performance.now() - sentAt);
    }
    const pending = customer.pending;
    if (!pending) return;
    if (message.from === "customer" && message.clientId === pending.clientId) {
      pending.echoed = true;
    } else if ((message.from === "bot" || message.from === "advisor") && pending.echoed) {
      // The first answer after the customer's own message (ordered on this connection). A
      // question that brings in a person is answered by the advisor, timed as relay.
      if (message.from === "bot") {
        const now = performance.now();
        metrics.replyMs.push(now - pending.sentAt);
        metrics.replyAt.push(now);
        metrics.replyTopic.push(message.topic ?? "no topic");
        customer.lastAnswer = {
          id: message.id,
          ...(message.topic ? { topic: message.topic } : {}),
        };
      }
      customer.pending = undefined;
      pending.answered();
    }
  });
  socket.on("survey:request", ({ chatId }) => customer.surveyRequested.add(chatId));
  socket.on("chat:state", (state) => {
    if (state.chatId === customer.current?.chatId) customer.state = state.state;
    if (state.state === "queued") metrics.queuedChats.add(state.chatId);
  });
  return customer;
}

/**
 * The record of a chat, made on first sight: the welcome can arrive in the same network read
 * as the chat:start ack, before the code awaiting that ack has run.
 */
function chatRecord(customer: Customer, chatId: string): ChatRecord {
  let chat = customer.chats.get(chatId);
  if (!chat) {
    chat = {
      chatId,
      resumeToken: "",
      lang: "fi",
      acked: new Map(),
      delivered: new Map(),
      botMessagesSeen: 0,
      ended: false,
      left: false,
    };
    customer.chats.set(chatId, chat);
  }
  return chat;
}

export async function startChat(customer: Customer, run: LoadRun): Promise<boolean> {
  const lang: Lang = Math.random() < FINNISH_SHARE ? "fi" : "sv";
  const ack = await customer.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("chat:start", { lang });
  if (!ack.ok) {
    countError(run.metrics, `chat:start:${ack.error.code}`);
    return false;
  }
  if (customer.current) customer.current.left = true;
  const chat = chatRecord(customer, ack.chatId);
  chat.resumeToken = ack.resumeToken;
  chat.lang = lang;
  customer.current = chat;
  customer.state = ack.state;
  // Questions go after the welcome, so that a reply is never confused with it.
  if (!(await until(() => chat.botMessagesSeen >= 2, REPLY_TIMEOUT_MS))) {
    countError(run.metrics, "welcome:timeout");
  }
  return true;
}

export async function ask(customer: Customer, run: LoadRun): Promise<void> {
  const { metrics } = run;
  const chat = customer.current;
  if (!chat) return;
  customer.lastAnswer = undefined;
  const clientId = `bench-${customer.index}-${++customer.sequence}`.padEnd(8, "0");
  const sentAt = performance.now();
  run.customerSentAt.set(clientId, sentAt);
  const answered = new Promise<void>((resolve) => {
    customer.pending = { clientId, sentAt, echoed: false, answered: resolve };
  });
  metrics.sent++;
  try {
    const ack = await customer.socket
      .timeout(REPLY_TIMEOUT_MS)
      .emitWithAck("chat:message", { text: nextQuestion(chat.lang), clientId });
    metrics.ackCounts.set(clientId, (metrics.ackCounts.get(clientId) ?? 0) + 1);
    if (!ack.ok) {
      countError(metrics, `chat:message:${ack.error.code}`);
      customer.pending = undefined;
      return;
    }
    metrics.acked++;
    if (performance.now() <= metrics.phaseEndsAt) metrics.ackedInPhase++;
    chat.acked.set(clientId, ack.id);
    if (customer.state === "queued") {
      // Waiting for a person: nobody answers until an advisor takes the chat.
      metrics.whileQueued++;
      customer.pending = undefined;
      return;
    }
  } catch {
    countError(metrics, "chat:message:ack-timeout");
    customer.pending = undefined;
    return;
  }
  const replied = await Promise.race([answered.then(() => true), sleep(REPLY_TIMEOUT_MS)]);
  if (replied !== true) {
    // With the chat's state then (bot, queued, advisor), to tell routing from a lost answer.
    countError(metrics, `reply:timeout:${customer.state}`);
    customer.pending = undefined;
    return;
  }
  // Set by the message listener meanwhile (the compiler narrowed it to undefined above).
  const answer = customer.lastAnswer as Customer["lastAnswer"];
  if (run.customersVote && answer?.topic && Math.random() < VOTE_SHARE) {
    await vote(customer, answer.id, run);
  }
}

/** "Was this answer helpful?": most say yes; an unhelpful answer goes to the inbox. */
async function vote(customer: Customer, messageId: string, run: LoadRun): Promise<void> {
  try {
    const ack = await customer.socket
      .timeout(REPLY_TIMEOUT_MS)
      .emitWithAck("chat:feedback", { messageId, helpful: Math.random() < HELPFUL_SHARE });
    if (ack.ok) run.metrics.votes++;
    else countError(run.metrics, `chat:feedback:${ack.error.code}`);
  } catch {
    countError(run.metrics, "chat:feedback:ack-timeout");
  }
}

async function endChat(customer: Customer, run: LoadRun): Promise<void> {
  const { metrics } = run;
  const chat = customer.current;
  if (!chat) return;
  const ack = await customer.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("chat:end", {});
  if (!ack.ok) {
    countError(metrics, `chat:end:${ack.error.code}`);
    return;
  }
  chat.ended = true;
  metrics.chatsEnded++;
  // The closing message and survey request follow the ack; wait for them before moving on.
  if (!(await until(() => customer.surveyRequested.has(chat.chatId), REPLY_TIMEOUT_MS))) {
    countError(metrics, "survey:request:timeout");
  }
  if (Math.random() < SURVEY_SHARE) {
    const answer = await customer.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("survey:submit", {
      surveyToken: ack.surveyToken,
      gotHelp: Math.random() < 0.8,
      score: 1 + Math.floor(Math.random() * 5),
    });
    if (answer.ok) metrics.surveys++;
    else countError(metrics, `survey:submit:${answer.error.code}`);
  }
}

/** Asks for a person and waits until an advisor has taken the chat. */
async function handOff(customer: Customer, run: LoadRun): Promise<boolean> {
  const { metrics } = run;
  const ack = await customer.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("chat:handoff", {});
  if (!ack.ok || ack.outcome !== "queued") {
    countError(metrics, `chat:handoff:${ack.ok ? ack.outcome : ack.error.code}`);
    return false;
  }
  if (await until(() => customer.state === "advisor", 30_000)) {
    metrics.handoffs++;
    return true;
  }
  countError(metrics, "handoff:not-accepted");
  await customer.socket
    .timeout(REPLY_TIMEOUT_MS)
    .emitWithAck("chat:leave-queue", {})
    .catch(() => undefined);
  return false;
}

/** One customer's life during the run: chats of 3-8 questions, 2 s apart, then end + survey. */
/** Questions in one chat: 3 to 8. */
const questionsInAChat = () => 3 + Math.floor(Math.random() * 6);

/**
 * Starts every customer's first chat before the measured phase, a few at a time. In steady
 * traffic customers are spread over their chats' lives; had all of them started a chat in
 * the phase's first two seconds, its p99 would measure that herd of starts (five times the
 * steady rate of starts at 300 customers), not the service.
 */
export async function startChatsBeforePhase(customers: Customer[], run: LoadRun): Promise<void> {
  for (let i = 0; i < customers.length; i += 25) {
    await Promise.all(customers.slice(i, i + 25).map((c) => startChat(c, run)));
  }
}

export async function runCustomer(customer: Customer, endAt: number, run: LoadRun) {
  // A chat started before the phase is somewhere in its life: it has 1 to 8 questions left.
  let leftInFirstChat = customer.current ? 1 + Math.floor(Math.random() * 8) : 0;
  await sleep(Math.random() * ASK_EVERY_MS);
  try {
    while (performance.now() < endAt) {
      const continuing = leftInFirstChat > 0;
      if (!continuing && !(await startChat(customer, run))) return;
      const withPerson = !continuing && run.advisorsOnline && Math.random() < options.handoffShare;
      if (withPerson) await handOff(customer, run);
      let nextAsk = performance.now() + Math.random() * ASK_EVERY_MS;
      const questions = continuing ? leftInFirstChat : questionsInAChat();
      leftInFirstChat = 0;
      for (let q = 0; q < questions; q++) {
        await sleep(nextAsk - performance.now());
        if (performance.now() >= endAt) return;
        nextAsk += ASK_EVERY_MS;
        await ask(customer, run);
      }
      await endChat(customer, run);
    }
  } catch (error) {
    countError(run.metrics, `customer:${(error as Error).message}`);
  }
}
