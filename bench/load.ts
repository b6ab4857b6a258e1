// Load benchmark: simulated customers over real socket.io connections against the local
// stack in its own process, and the same load against a bare socket.io echo server (the
// transport's floor). Usage: npm run bench -- [--concurrent N] [--seconds S] [--json]
// [--cpu-prof] [--storage-floor] [--publishing] [--learning]. With --json the last line of
// output is one JSON object (a stable contract).
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import { cpus } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../functions/content/loadContent.ts";
import { loadTestCases } from "../functions/content/testSet.ts";
import type { Lang } from "../functions/contracts/lang.ts";
import type {
  AdvisorToServerEvents,
  ChatMessage,
  CustomerToServerEvents,
  ServerToAdvisorEvents,
  ServerToCustomerEvents,
} from "../functions/contracts/protocol.ts";
import { NO_INTENT } from "../functions/contracts/topics.ts";
import { publishUntil } from "./publisher.ts";
import type { ServerReport, ServerStats, StatsRequest } from "./serverStats.ts";

type CustomerSocket = Socket<ServerToCustomerEvents, CustomerToServerEvents>;
type AdvisorSocket = Socket<ServerToAdvisorEvents, AdvisorToServerEvents>;

const { values: args } = parseOptions({
  options: {
    concurrent: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    json: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "handoff-share": { type: "string", default: "0.03" },
    mix: { type: "string", default: "traffic" },
    "out-of-scope-share": { type: "string", default: "0.05" },
    "storage-floor": { type: "boolean", default: false },
    publishing: { type: "boolean", default: false },
    learning: { type: "boolean", default: false },
  },
});
const CONCURRENT = positiveInt(args.concurrent, "--concurrent");
const SECONDS = positiveInt(args.seconds, "--seconds");
const ASK_EVERY_MS = 2_000;
const REPLY_TIMEOUT_MS = 10_000;
/** Share of chats in Finnish; the rest are in Swedish. */
const FINNISH_SHARE = 0.7;
/** Share of ended chats whose customer answers the survey. */
const SURVEY_SHARE = 0.5;
/** Share of chats whose customer asks for a person (served by simulated advisors). */
const HANDOFF_SHARE = share(args["handoff-share"], "--handoff-share");
/** Share of questions, in the `traffic` mix, that are not the bot's matter (it misses them). */
const OUT_OF_SCOPE_SHARE = share(args["out-of-scope-share"], "--out-of-scope-share");
const MIXES = ["traffic", "test-set"] as const;
const MIX = MIXES.find((m) => m === args.mix);
if (!MIX) usageError(`--mix must be one of ${MIXES.join(", ")}`);
/** Tuesday 10:00 in Helsinki: the human service is open, so handoffs reach advisors. */
const OPEN_HOURS_INSTANT = "2026-11-24T10:00:00+02:00";
/** Local personas that sign in as advisors; each handles up to ADVISOR_MAX_CHATS chats. */
const ADVISOR_PERSONAS = [
  { persona: "advisor-fi", languages: ["fi"] },
  { persona: "advisor-both", languages: ["fi", "sv"] },
  { persona: "advisor-sv", languages: ["sv"] },
] as const;
const ADVISOR_MAX_CHATS = 10;
/**
 * With --learning: share of bot answers a customer votes on (generous: answer-feedback
 * buttons typically get a vote on a few percent of answers), and of votes that say "helped".
 */
const VOTE_SHARE = 0.1;
const HELPFUL_SHARE = 0.7;

type ParsedResults<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** A wrong option is the caller's mistake: say which, without a stack trace. */
function usageError(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function parseOptions<const T extends ParseArgsConfig>(config: T): ParsedResults<T> {
  try {
    return parseArgs(config);
  } catch (error) {
    usageError((error as Error).message);
  }
}

function share(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) usageError(`${name} must be a number from 0 to 1`);
  return n;
}

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usageError(`${name} must be a positive integer`);
  return n;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------
// Server child processes

interface ServerProcess {
  url: string;
  stats(request?: Omit<StatsRequest, "type">): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function startServer(
  script: string,
  extraExecArgv: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ["--import", "tsx", "--expose-gc", ...extraExecArgv],
    // The server's own output goes to stderr, so that stdout ends with the JSON line.
    stdio: ["ignore", 2, 2, "ipc"],
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error", ...env },
  });
  const next = (type: ServerReport["type"]) =>
    new Promise<ServerReport>((resolve, reject) => {
      const onMessage = (report: ServerReport) => {
        if (report.type !== type && report.type !== "failed") return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(report);
      };
      const onExit = (code: number | null) => reject(new Error(`${script} exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = await next("ready");
  if (ready.type === "failed") throw new Error(`${script}: ${ready.message}`);
  if (ready.type !== "ready") throw new Error(`${script}: unexpected ${ready.type}`);
  return {
    url: ready.url,
    async stats(request = {}) {
      const answer = next("stats");
      child.send({ type: "stats", ...request } satisfies StatsRequest);
      const report = await answer;
      if (report.type !== "stats") throw new Error(`${script}: no stats`);
      return report.stats;
    },
    async stop() {
      // Disconnecting makes the child exit normally, so a --cpu-prof profile gets written.
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.disconnect();
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Simulated customers

/**
 * What customers ask, from the held-out test messages in bot-content/tests (colloquial
 * phrasing, typos, both languages). The test set is built to be hard: a quarter of it is
 * out of scope and one message in 25 asks for a person, so drawn as it is about half of all
 * chats would end up queued for an advisor (two misses in a row or a request for a person).
 * The `traffic` mix is closer to a service where the bot answers about 98 % of chats: topic
 * questions, out-of-scope ones at OUT_OF_SCOPE_SHARE, and asking for a person left to the
 * HANDOFF_SHARE of chats that press the button. `--mix test-set` asks the test set as it is.
 */
interface QuestionPool {
  topics: string[];
  outOfScope: string[];
  all: string[];
}

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

/** Topics whose answer brings in a person (their action is a handoff). */
const ASKS_FOR_PERSON = new Set(
  [...loadBotContent(DEFAULT_CONTENT_DIR).topics.values()]
    .filter((t) => t.action === "handoff")
    .map((t) => t.id as string),
);
const QUESTIONS: Record<Lang, QuestionPool> = { fi: questionPool("fi"), sv: questionPool("sv") };

function nextQuestion(lang: Lang): string {
  const pool = QUESTIONS[lang];
  if (MIX === "test-set") return pick(pool.all);
  return pick(Math.random() < OUT_OF_SCOPE_SHARE ? pool.outOfScope : pool.topics);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

interface ChatRecord {
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

interface Customer {
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

interface RunMetrics {
  replyMs: number[];
  /** Customer → advisor and advisor → customer, send to arrival. */
  relayMs: number[];
  /** The customer → advisor leg alone. */
  relayToAdvisorMs: number[];
  handoffs: number;
  /** Messages sent while the chat waited in the queue (acked, stored, not answered). */
  whileQueued: number;
  /**
   * Simulated advisors' answers refused CHAT_ENDED because the customer ended the chat
   * meanwhile: the protocol's answer to that race, not an error.
   */
  advisorRepliesAfterEnd: number;
  sent: number;
  acked: number;
  /** Acks and deliveries before the measured phase ended, for the per-second rates. */
  ackedInPhase: number;
  deliveredInPhase: number;
  /** performance.now() at which the measured phase ends (customers ask nothing after it). */
  phaseEndsAt: number;
  ackCounts: Map<string, number>;
  delivered: number;
  errors: Map<string, number>;
  chatsEnded: number;
  surveys: number;
  /** Chats that were queued for a person at some point (asked, or the bot kept missing). */
  queuedChats: Set<string>;
  /** Votes on bot answers acknowledged (chat:feedback), when customers vote. */
  votes: number;
}

function newMetrics(): RunMetrics {
  return {
    replyMs: [],
    relayMs: [],
    relayToAdvisorMs: [],
    handoffs: 0,
    whileQueued: 0,
    advisorRepliesAfterEnd: 0,
    sent: 0,
    acked: 0,
    ackedInPhase: 0,
    deliveredInPhase: 0,
    phaseEndsAt: Number.POSITIVE_INFINITY,
    ackCounts: new Map(),
    delivered: 0,
    errors: new Map(),
    chatsEnded: 0,
    surveys: 0,
    queuedChats: new Set(),
    votes: 0,
  };
}

function countError(metrics: RunMetrics, kind: string): void {
  metrics.errors.set(kind, (metrics.errors.get(kind) ?? 0) + 1);
}

async function connectAll(
  url: string,
  n: number,
  metrics: RunMetrics,
  firstIndex = 0,
): Promise<Customer[]> {
  const customers: Customer[] = [];
  const BATCH = 50;
  for (let first = 0; first < n; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - first) }, (_, i) =>
      connectCustomer(url, firstIndex + first + i, metrics),
    );
    customers.push(...(await Promise.all(batch)));
  }
  return customers;
}

async function connectCustomer(url: string, index: number, metrics: RunMetrics) {
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
        ...pickClientId(message),
      });
    if (message.from === "bot") chat.botMessagesSeen++;
    if (message.from === "advisor" && message.clientId) {
      const sentAt = advisorSentAt.get(message.clientId);
      // Live delivery only: the transcript replay at the end brings the message again.
      advisorSentAt.delete(message.clientId);
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
        metrics.replyMs.push(performance.now() - pending.sentAt);
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

function pickClientId(message: ChatMessage): { clientId?: string } {
  return message.clientId ? { clientId: message.clientId } : {};
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function startChat(customer: Customer, metrics: RunMetrics): Promise<boolean> {
  const lang: Lang = Math.random() < FINNISH_SHARE ? "fi" : "sv";
  const ack = await customer.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("chat:start", { lang });
  if (!ack.ok) {
    countError(metrics, `chat:start:${ack.error.code}`);
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
    countError(metrics, "welcome:timeout");
  }
  return true;
}

async function ask(customer: Customer, metrics: RunMetrics): Promise<void> {
  const chat = customer.current;
  if (!chat) return;
  customer.lastAnswer = undefined;
  const clientId = `bench-${customer.index}-${++customer.sequence}`.padEnd(8, "0");
  const sentAt = performance.now();
  customerSentAt.set(clientId, sentAt);
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
  if (customersVote && answer?.topic && Math.random() < VOTE_SHARE) {
    await vote(customer, answer.id, metrics);
  }
}

/** "Was this answer helpful?": most say yes; an unhelpful answer goes to the inbox. */
async function vote(customer: Customer, messageId: string, metrics: RunMetrics): Promise<void> {
  try {
    const ack = await customer.socket
      .timeout(REPLY_TIMEOUT_MS)
      .emitWithAck("chat:feedback", { messageId, helpful: Math.random() < HELPFUL_SHARE });
    if (ack.ok) metrics.votes++;
    else countError(metrics, `chat:feedback:${ack.error.code}`);
  } catch {
    countError(metrics, "chat:feedback:ack-timeout");
  }
}

async function endChat(customer: Customer, metrics: RunMetrics): Promise<void> {
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

/** One customer's life during the run: chats of 3-8 questions, 2 s apart, then end + survey. */
async function runCustomer(customer: Customer, endAt: number, metrics: RunMetrics) {
  await sleep(Math.random() * ASK_EVERY_MS);
  try {
    while (performance.now() < endAt) {
      if (!(await startChat(customer, metrics))) return;
      const withPerson = advisorsOnline && Math.random() < HANDOFF_SHARE;
      if (withPerson) await handOff(customer, metrics);
      let nextAsk = performance.now() + Math.random() * ASK_EVERY_MS;
      const questions = 3 + Math.floor(Math.random() * 6);
      for (let q = 0; q < questions; q++) {
        await sleep(nextAsk - performance.now());
        if (performance.now() >= endAt) return;
        nextAsk += ASK_EVERY_MS;
        await ask(customer, metrics);
      }
      await endChat(customer, metrics);
    }
  } catch (error) {
    countError(metrics, `customer:${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------
// Simulated advisors: take queued chats, answer every customer message at once

/** When a customer's message was sent, by clientId (an advisor may be the one to get it). */
const customerSentAt = new Map<string, number>();
/** When an advisor's message was sent, by clientId. */
const advisorSentAt = new Map<string, number>();
let advisorsOnline = false;
/** Whether customers vote on answers (the --learning phases with the inbox on). */
let customersVote = false;

/** Asks for a person and waits until an advisor has taken the chat. */
async function handOff(customer: Customer, metrics: RunMetrics): Promise<boolean> {
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

async function connectAdvisors(url: string, metrics: RunMetrics): Promise<AdvisorSocket[]> {
  return Promise.all(
    ADVISOR_PERSONAS.map(async ({ persona, languages }) => {
      const res = await fetch(`${url}/dev/token?persona=${persona}`);
      const { idToken } = (await res.json()) as { idToken: string };
      const socket: AdvisorSocket = io(`${url}/advisor`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        auth: { token: idToken },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const active = new Set<string>();
      /** When each chat was taken: messages sent before it waited in the queue, not relayed. */
      const acceptedAt = new Map<string, number>();
      const accepting = new Set<string>();
      let replies = 0;
      socket.on("queue:snapshot", ({ waiting }) => {
        for (const entry of waiting) {
          if (active.size + accepting.size >= ADVISOR_MAX_CHATS) return;
          if (!(languages as readonly string[]).includes(entry.lang)) continue;
          if (active.has(entry.chatId) || accepting.has(entry.chatId)) continue;
          accepting.add(entry.chatId);
          socket
            .timeout(REPLY_TIMEOUT_MS)
            .emitWithAck("chat:accept", { chatId: entry.chatId })
            .then((ack) => {
              const early = arrivedWhileAccepting.get(entry.chatId) ?? [];
              arrivedWhileAccepting.delete(entry.chatId);
              if (!ack.ok) return;
              active.add(entry.chatId);
              acceptedAt.set(entry.chatId, performance.now());
              for (const message of early) answer(message);
            })
            .catch(() => countError(metrics, "chat:accept:timeout"))
            .finally(() => accepting.delete(entry.chatId));
        }
      });
      /** Customer messages that came in the chat's room before our accept was acknowledged. */
      const arrivedWhileAccepting = new Map<string, ChatMessage[]>();
      socket.on("chat:message", (message) => {
        if (message.from !== "customer" || !message.clientId) return;
        if (accepting.has(message.chatId)) {
          const early = arrivedWhileAccepting.get(message.chatId) ?? [];
          early.push(message);
          arrivedWhileAccepting.set(message.chatId, early);
        } else if (active.has(message.chatId)) answer(message);
      });
      /**
       * Answers every customer message of a chat we have, also one sent before we took it
       * (its customer waits for an answer, the bot's or ours); only those sent after are
       * timed as relay.
       */
      const answer = (message: ChatMessage) => {
        const sentAt = customerSentAt.get(message.clientId ?? "");
        if (sentAt !== undefined && sentAt >= (acceptedAt.get(message.chatId) ?? 0)) {
          metrics.relayMs.push(performance.now() - sentAt);
          metrics.relayToAdvisorMs.push(performance.now() - sentAt);
        }
        const clientId = `${persona}-${++replies}`;
        advisorSentAt.set(clientId, performance.now());
        socket
          .timeout(REPLY_TIMEOUT_MS)
          .emitWithAck("chat:message", {
            chatId: message.chatId,
            text: "Selvä, katsotaan.",
            clientId,
          })
          .then((ack) => {
            if (ack.ok) return;
            if (ack.error.code === "CHAT_ENDED") metrics.advisorRepliesAfterEnd++;
            else countError(metrics, `advisor:message:${ack.error.code}`);
          })
          .catch(() => countError(metrics, "advisor:message:timeout"));
      };
      socket.on("chat:state", (state) => {
        if (state.state !== "ended" || !active.delete(state.chatId)) return;
        socket
          .timeout(REPLY_TIMEOUT_MS)
          .emitWithAck("chat:wrapup", { chatId: state.chatId, reason: "other" })
          .catch(() => undefined);
      });
      const status = await socket.timeout(REPLY_TIMEOUT_MS).emitWithAck("advisor:status", {
        status: "available",
        languages: [...languages],
        maxChats: ADVISOR_MAX_CHATS,
      });
      if (!status.ok) throw new Error(`advisor ${persona}: ${status.error.code}`);
      return socket;
    }),
  );
}

// ---------------------------------------------------------------------------------------
// Accounting: every acked message stored once and delivered once

interface Accounting {
  chatsChecked: number;
  /** Chats whose transcript could not be read back (resume failed three times). */
  unverifiedChats: number;
  /** Stored after the customer had left the chat, so only in the transcript. */
  storedAfterLeaving: number;
  storedMessages: number;
  lost: number;
  duplicated: number;
  /** Live-only notices (`transient`), delivered and by design not stored. */
  liveOnlyNotices: number;
  problems: string[];
  /** Every problem counted by kind, beyond the first ten shown in full. */
  problemKinds: Record<string, number>;
}

/** Resumes every chat with its token and compares the stored transcript with what was seen. */
async function verifyTranscripts(customers: Customer[], metrics: RunMetrics): Promise<Accounting> {
  const result: Accounting = {
    chatsChecked: 0,
    unverifiedChats: 0,
    storedAfterLeaving: 0,
    storedMessages: 0,
    lost: 0,
    duplicated: 0,
    liveOnlyNotices: 0,
    problems: [],
    problemKinds: {},
  };
  const problem = (text: string) => {
    if (result.problems.length < 10) result.problems.push(text);
    const kind = text.replace(/^\S+ (\([^)]*\) )?/, "").replace(/\d+ times/, "n times");
    result.problemKinds[kind] = (result.problemKinds[kind] ?? 0) + 1;
  };
  for (const [clientId, count] of metrics.ackCounts) {
    if (count > 1) {
      result.duplicated += count - 1;
      problem(`${clientId} acked ${count} times`);
    }
  }
  await Promise.all(
    customers.map(async (customer) => {
      for (const chat of customer.chats.values()) {
        let stored: ChatMessage[] | null = null;
        for (let attempt = 0; !stored && attempt < 3; attempt++) {
          stored = await readTranscript(customer, chat);
        }
        if (!stored) {
          // Not proof of loss, but nothing is proven either: reported on its own line.
          result.unverifiedChats++;
          problem(`chat ${chat.chatId} could not be resumed to check it`);
          continue;
        }
        result.chatsChecked++;
        result.storedMessages += stored.length;
        const storedIds = new Map<string, number>();
        const storedClientIds = new Map<string, number>();
        for (const m of stored) {
          storedIds.set(m.id, (storedIds.get(m.id) ?? 0) + 1);
          if (m.from === "customer" && m.clientId) {
            storedClientIds.set(m.clientId, (storedClientIds.get(m.clientId) ?? 0) + 1);
          }
        }
        for (const [id, count] of storedIds) {
          if (count > 1) {
            result.duplicated += count - 1;
            problem(`${id} stored ${count} times`);
          }
        }
        // After the customer left a chat (ended it, or moved on after a reply never came), its
        // tail cannot be delivered live; it is in the transcript, which is what counts then.
        let lastDelivered = -1;
        stored.forEach((m, i) => {
          if (chat.delivered.has(m.id)) lastDelivered = i;
        });
        stored.forEach((m, i) => {
          if (chat.delivered.has(m.id)) return;
          if (chat.left && i > lastDelivered) {
            result.storedAfterLeaving++;
            return;
          }
          result.lost++;
          problem(`${m.id} (${m.from}: ${m.text.slice(0, 40)}) stored, never delivered live`);
        });
        for (const [clientId, count] of storedClientIds) {
          if (count > 1) {
            result.duplicated += count - 1;
            problem(`clientId ${clientId} stored ${count} times`);
          }
        }
        for (const [clientId, id] of chat.acked) {
          if (!storedIds.has(id)) {
            result.lost++;
            problem(`${clientId} acked as ${id} but not stored`);
          }
        }
        for (const [id, seen] of chat.delivered) {
          if (seen.count > 1) {
            result.duplicated += seen.count - 1;
            problem(`${id} delivered ${seen.count} times`);
          }
          if (seen.transient) {
            result.liveOnlyNotices++;
          } else if (!storedIds.has(id)) {
            result.lost++;
            problem(
              `${id} (${seen.from} at ${seen.at}: ${seen.text.slice(0, 60)}) delivered but not stored`,
            );
          }
        }
      }
    }),
  );
  return result;
}

/** The transcript as the server replays it on resume: messages until the chat's state. */
async function readTranscript(customer: Customer, chat: ChatRecord): Promise<ChatMessage[] | null> {
  const replay: ChatMessage[] = [];
  const onMessage = (m: ChatMessage) => {
    if (m.chatId === chat.chatId) replay.push(m);
  };
  let done = false;
  const onState = (s: { chatId: string }) => {
    if (s.chatId === chat.chatId) done = true;
  };
  // Live bookkeeping must not count the replay as a second delivery.
  const live = customer.chats;
  customer.chats = new Map();
  customer.socket.on("chat:message", onMessage);
  customer.socket.on("chat:state", onState);
  try {
    const ack = await customer.socket
      .timeout(REPLY_TIMEOUT_MS)
      .emitWithAck("chat:start", { lang: chat.lang, resumeToken: chat.resumeToken });
    if (!ack.ok) return null;
    if (!(await until(() => done, REPLY_TIMEOUT_MS))) return null;
    return replay;
  } catch {
    return null;
  } finally {
    customer.socket.off("chat:message", onMessage);
    customer.socket.off("chat:state", onState);
    customer.chats = live;
  }
}

// ---------------------------------------------------------------------------------------
// One measured run against a server

interface RunResult {
  metrics: RunMetrics;
  seconds: number;
  rssPerIdleConnKb: number;
  heapPerIdleConnKb: number;
  server: ServerStats;
  driverLoopP99Ms: number;
  /** The driver's own CPU during the measured phase: it shares the cores with the servers. */
  driverCpuMs: number;
  storage?: ServerStats;
  accounting?: Accounting;
}

async function measure(
  server: ServerProcess,
  options: {
    verify: boolean;
    warmUp: boolean;
    advisors: boolean;
    /** The storage process (dynalite), read over the same measured phase as the server. */
    storage?: ServerProcess;
    /** Work run against the server during the measured phase, beside the customers. */
    during?: (url: string, endAt: number) => Promise<unknown>;
    /** Customers vote on some answers (chat:feedback). */
    votes?: boolean;
  },
): Promise<RunResult & { during?: unknown }> {
  const metrics = newMetrics();
  customersVote = options.votes === true;
  if (options.warmUp) {
    // Load the recogniser, content and JIT before the baseline, as a running service has.
    const [first] = await connectAll(server.url, 1, metrics);
    if (first) {
      await startChat(first, metrics);
      for (let i = 0; i < 5; i++) await ask(first, metrics);
      first.socket.disconnect();
    }
    Object.assign(metrics, newMetrics());
  }
  // RSS per idle connection: the growth from the first half of the connections to all of
  // them, so that memory the process gives back after warm-up does not count as negative.
  const firstHalf = Math.max(1, Math.floor(CONCURRENT / 2));
  const customers = await connectAll(server.url, firstHalf, metrics, 0);
  await sleep(2_000);
  const before = await server.stats({ gc: true });
  customers.push(...(await connectAll(server.url, CONCURRENT - firstHalf, metrics, firstHalf)));
  await sleep(500);
  const idle = await server.stats({ gc: true, reset: true });
  await options.storage?.stats({ reset: true });
  const added = Math.max(1, CONCURRENT - firstHalf);
  const rssPerIdleConnKb = (idle.rssKb - before.rssKb) / added;
  // The JavaScript heap alone: steadier than RSS, which also moves as V8 returns pages.
  const heapPerIdleConnKb = (idle.heapUsedKb - before.heapUsedKb) / added;

  const advisors = options.advisors ? await connectAdvisors(server.url, metrics) : [];
  advisorsOnline = advisors.length > 0;
  const driverLoop = monitorEventLoopDelay({ resolution: 10 });
  driverLoop.enable();
  const driverCpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const endAt = startedAt + SECONDS * 1_000;
  metrics.phaseEndsAt = endAt;
  const [during] = await Promise.all([
    options.during?.(server.url, endAt),
    ...customers.map((c) => runCustomer(c, endAt, metrics)),
  ]);
  const seconds = (performance.now() - startedAt) / 1_000;
  driverLoop.disable();
  const serverStats = await server.stats();
  const storageStats = await options.storage?.stats();
  const driverCpu = process.cpuUsage(driverCpuAtStart);
  await sleep(500);
  const accounting = options.verify ? await verifyTranscripts(customers, metrics) : undefined;
  for (const c of customers) c.socket.disconnect();
  for (const a of advisors) a.disconnect();
  return {
    metrics,
    seconds,
    rssPerIdleConnKb,
    heapPerIdleConnKb,
    server: serverStats,
    ...(storageStats ? { storage: storageStats } : {}),
    driverLoopP99Ms: driverLoop.percentile(99) / 1e6,
    driverCpuMs: (driverCpu.user + driverCpu.system) / 1_000,
    ...(accounting ? { accounting } : {}),
    ...(during !== undefined ? { during } : {}),
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] as number;
}

const round = (n: number, digits = 1) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null;

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`bench: ${CONCURRENT} concurrent customers, ${SECONDS} s per server`);
  const echoServer = await startServer("./echoServer.ts");
  const echo = await measure(echoServer, { verify: false, warmUp: true, advisors: false });
  await echoServer.stop();
  log(`bench: echo done (${echo.metrics.replyMs.length} replies)`);
  const floor = args["storage-floor"] ? await measureStorageFloor() : undefined;

  const profile = args["cpu-prof"];
  const profileDir = fileURLToPath(new URL("./profiles/", import.meta.url));
  if (profile) mkdirSync(profileDir, { recursive: true });
  const dynamo = await startServer(
    "./dynamoServer.ts",
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}dynamo`] : [],
  );
  const chatServer = await startServer(
    "./chatServer.ts",
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    { DYNAMODB_ENDPOINT: dynamo.url, FAKE_TIME: OPEN_HOURS_INSTANT },
  );
  await dynamo.stats({ reset: true });
  const chat = await measure(chatServer, {
    verify: true,
    warmUp: true,
    advisors: true,
    storage: dynamo,
  });
  const storage = chat.storage as ServerStats;
  await chatServer.stop();
  await dynamo.stop();
  if (profile) log(`bench: CPU profile written to ${profileDir}`);

  const publishing = args.publishing ? await measurePublishing() : undefined;
  const learning = args.learning ? await measureLearning() : undefined;

  const accounting = chat.accounting as Accounting;
  const errors = Object.fromEntries(chat.metrics.errors);
  const summary = {
    concurrent: CONCURRENT,
    botReplyP50Ms: round(percentile(chat.metrics.replyMs, 50)),
    botReplyP99Ms: round(percentile(chat.metrics.replyMs, 99)),
    echoP99Ms: round(percentile(echo.metrics.replyMs, 99)),
    relayP99Ms: chat.metrics.relayMs.length ? round(percentile(chat.metrics.relayMs, 99)) : null,
    // Per second of the measured phase: chats still finishing after it (a reply or an
    // advisor being waited for) would otherwise stretch the divisor.
    msgsPerSec: round(chat.metrics.ackedInPhase / SECONDS),
    rssPerIdleConnKb: round(chat.rssPerIdleConnKb),
    lost: accounting.lost,
    duplicated: accounting.duplicated,
    botReplyP95Ms: round(percentile(chat.metrics.replyMs, 95)),
    botReplyMaxMs: round(Math.max(...chat.metrics.replyMs)),
    echoP50Ms: round(percentile(echo.metrics.replyMs, 50)),
    deliveredPerSec: round(chat.metrics.deliveredInPhase / SECONDS),
    questions: chat.metrics.replyMs.length,
    chatsEnded: chat.metrics.chatsEnded,
    surveys: chat.metrics.surveys,
    chatsQueued: chat.metrics.queuedChats.size,
    chatsVerified: accounting.chatsChecked,
    chatsUnverified: accounting.unverifiedChats,
    storedAfterLeaving: accounting.storedAfterLeaving,
    liveOnlyNotices: accounting.liveOnlyNotices,
    storedMessages: accounting.storedMessages,
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    errorKinds: errors,
    serverLoopP50Ms: round(chat.server.loopP50Ms),
    serverLoopP99Ms: round(chat.server.loopP99Ms),
    serverLoopMaxMs: round(chat.server.loopMaxMs),
    serverRssMb: round(chat.server.rssKb / 1024),
    relayP50Ms: round(percentile(chat.metrics.relayMs, 50)),
    relayMessages: chat.metrics.relayMs.length,
    relayToAdvisorP99Ms: round(percentile(chat.metrics.relayToAdvisorMs, 99)),
    handoffs: chat.metrics.handoffs,
    messagesWhileQueued: chat.metrics.whileQueued,
    advisorRepliesAfterEnd: chat.metrics.advisorRepliesAfterEnd,
    // CPU per question: what the run costs whatever else the machine was doing.
    serverCpuMsPerQuestion: round(chat.server.cpuMs / Math.max(1, chat.metrics.replyMs.length), 2),
    dynamoCpuMsPerQuestion: round(storage.cpuMs / Math.max(1, chat.metrics.replyMs.length), 2),
    echoCpuMsPerReply: round(echo.server.cpuMs / Math.max(1, echo.metrics.replyMs.length), 2),
    // The same load as the service's: the echo server must keep up the same rate.
    echoMsgsPerSec: round(echo.metrics.ackedInPhase / SECONDS),
    echoErrors: [...echo.metrics.errors.values()].reduce((a, b) => a + b, 0),
    serverCpuCores: round(chat.server.cpuMs / 1_000 / chat.seconds, 2),
    dynamoLoopP99Ms: round(storage.loopP99Ms),
    dynamoRssMb: round(storage.rssKb / 1024),
    dynamoRequestsPerQuestion: round(chat.server.httpRequests / Math.max(1, chat.metrics.sent)),
    dynamoRequestsByOperation: chat.server.httpRequestsByTarget,
    heapPerIdleConnKb: round(chat.heapPerIdleConnKb),
    echoRssPerIdleConnKb: round(echo.rssPerIdleConnKb),
    driverLoopP99Ms: round(chat.driverLoopP99Ms),
    driverCpuMsPerQuestion: round(chat.driverCpuMs / Math.max(1, chat.metrics.replyMs.length), 2),
    ...(floor ? floorFigures(floor) : {}),
    ...(publishing ? publishingFigures(publishing) : {}),
    ...(learning ? learningFigures(learning) : {}),
    seconds: SECONDS,
    mix: MIX,
    node: process.version,
    cpus: cpus().length,
  };
  if (accounting.problems.length) {
    log(`bench: accounting problems:\n  ${accounting.problems.join("\n  ")}`);
    log(`bench: accounting problems by kind: ${JSON.stringify(accounting.problemKinds)}`);
  }

  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const echoBound = (summary.echoP99Ms ?? 0) * 3;
  const rows: [string, unknown, string][] = [
    ["concurrent chats", summary.concurrent, "1000"],
    ["bot reply p50 (ms)", summary.botReplyP50Ms, ""],
    ["bot reply p95 (ms)", summary.botReplyP95Ms, ""],
    ["bot reply p99 (ms)", summary.botReplyP99Ms, `<= 50 and <= 3 x echo (${round(echoBound)})`],
    ["echo p50 / p99 (ms)", `${summary.echoP50Ms} / ${summary.echoP99Ms}`, ""],
    [
      "advisor relay p50 / p99 (ms)",
      `${summary.relayP50Ms} / ${summary.relayP99Ms ?? "not measured"} (${summary.relayMessages} messages, ${summary.handoffs} handoffs)`,
      "p99 <= 20",
    ],
    ["customer messages/s", summary.msgsPerSec, ""],
    ["messages delivered/s", summary.deliveredPerSec, ""],
    [
      "RSS / JS heap per idle connection (kB)",
      `${summary.rssPerIdleConnKb} / ${summary.heapPerIdleConnKb}`,
      "RSS <= 50",
    ],
    [
      "server event-loop delay p50 / p99 / max (ms)",
      `${summary.serverLoopP50Ms} / ${summary.serverLoopP99Ms} / ${summary.serverLoopMaxMs}`,
      "",
    ],
    ["errors", summary.errors, "0"],
    ["lost / duplicated", `${summary.lost} / ${summary.duplicated}`, "0 / 0"],
    [
      "questions / chats ended / surveys",
      `${summary.questions} / ${summary.chatsEnded} / ${summary.surveys}`,
      "",
    ],
    [
      "chats queued for a person",
      `${summary.chatsQueued} (${round((100 * summary.chatsQueued) / Math.max(1, summary.chatsEnded))} % of chats ended)`,
      `mix: ${MIX}`,
    ],
    [
      "chats verified / unverifiable / messages stored",
      `${summary.chatsVerified} / ${summary.chatsUnverified} / ${summary.storedMessages}`,
      "",
    ],
    ["DynamoDB requests per question (all traffic)", summary.dynamoRequestsPerQuestion, ""],
    [
      "CPU ms per question: service / dynalite (echo per reply)",
      `${summary.serverCpuMsPerQuestion} / ${summary.dynamoCpuMsPerQuestion} (${summary.echoCpuMsPerReply})`,
      "",
    ],
    ["service CPU in use (cores)", summary.serverCpuCores, ""],
    [
      "dynalite process: event-loop p99 (ms) / RSS (MB)",
      `${summary.dynamoLoopP99Ms} / ${summary.dynamoRssMb}`,
      "",
    ],
    ["driver event-loop delay p99 (ms)", summary.driverLoopP99Ms, ""],
    ["driver CPU ms per question (it shares the cores)", summary.driverCpuMsPerQuestion, ""],
    ...(floor
      ? ([
          [
            "storage floor: reply p50 / p99 (ms)",
            `${summary.floorP50Ms} / ${summary.floorP99Ms}`,
            "",
          ],
          ["storage floor: customer messages/s", summary.floorMsgsPerSec, ""],
          [
            "storage floor: CPU ms per question, server / dynalite",
            `${summary.floorCpuMsPerQuestion} / ${summary.floorDynamoCpuMsPerQuestion}`,
            "",
          ],
        ] as [string, unknown, string][])
      : []),
    ...(publishing
      ? ([
          [
            "while publishing: bot reply p99 (ms) / quiet phases' p99 / rise",
            `${summary.publishBotReplyP99Ms} / ${summary.publishQuietP99Ms} / ${summary.publishP99Rise}`,
            "rise <= 1.2",
          ],
          [
            "while publishing: versions trained and made live / failures",
            `${summary.publishVersions} / ${summary.publishFailures} (round p50 ${summary.publishRoundP50Ms} ms)`,
            "",
          ],
          [
            "while publishing: lost / duplicated",
            `${summary.publishLost} / ${summary.publishDuplicated}`,
            "0 / 0",
          ],
        ] as [string, unknown, string][])
      : []),
    ...(learning
      ? ([
          [
            "inbox and votes: service CPU ms per question on / off / rise",
            `${summary.learningCpuMsPerQuestion} / ${summary.noLearningCpuMsPerQuestion} / ${summary.learningCpuRise}`,
            "rise <= 1.05",
          ],
          [
            "inbox and votes: bot reply p99 (ms) on / off",
            `${summary.learningP99Ms} / ${summary.noLearningP99Ms}`,
            "",
          ],
          [
            "inbox and votes: votes / errors / lost / duplicated",
            `${summary.learningVotes} / ${summary.learningErrors} / ${summary.learningLost} / ${summary.learningDuplicated}`,
            "",
          ],
        ] as [string, unknown, string][])
      : []),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\n${"metric".padEnd(width)}  value  (target)\n`);
  for (const [name, value, target] of rows) {
    process.stdout.write(`${name.padEnd(width)}  ${value}${target ? `  (${target})` : ""}\n`);
  }
  if (Object.keys(errors).length) process.stdout.write(`errors: ${JSON.stringify(errors)}\n`);
  process.stdout.write(`Node ${process.version}, ${cpus().length} CPUs\n`);
}

/**
 * The storage floor (--storage-floor): the echo server plus the two DynamoDB round trips a
 * question needs, against a dynalite of its own. What no change to the service's own logic
 * can get under on this machine.
 */
async function measureStorageFloor(): Promise<RunResult> {
  const dynamo = await startServer("./dynamoServer.ts");
  const server = await startServer("./echoServer.ts", [], { STORAGE_ENDPOINT: dynamo.url });
  try {
    const run = await measure(server, {
      verify: false,
      warmUp: true,
      advisors: false,
      storage: dynamo,
    });
    log(`bench: storage floor done (${run.metrics.replyMs.length} replies)`);
    return run;
  } finally {
    await server.stop();
    await dynamo.stop();
  }
}

/** Quiet and publishing phases, in turn, on one server (--publishing). */
const PUBLISHING_ROUNDS = 2;

/**
 * The service again on fresh storage, measured in turns: a quiet phase, then a phase in which
 * content owners publish and approve one version after another (each trained and swapped in
 * while customers are answered), PUBLISHING_ROUNDS times. Adjacent phases on one server keep
 * the machine's drift out of the comparison; the publishing phases' p99 is compared with the
 * quiet phases' of the same server.
 */
async function measurePublishing() {
  const dynamo = await startServer("./dynamoServer.ts");
  const server = await startServer("./chatServer.ts", [], {
    DYNAMODB_ENDPOINT: dynamo.url,
    FAKE_TIME: OPEN_HOURS_INSTANT,
  });
  const quiet: RunResult[] = [];
  const busy: (RunResult & { during?: unknown })[] = [];
  try {
    for (let round = 0; round < PUBLISHING_ROUNDS; round++) {
      const common = { verify: true, advisors: true, storage: dynamo };
      quiet.push(await measure(server, { ...common, warmUp: round === 0 }));
      busy.push(await measure(server, { ...common, warmUp: false, during: publishUntil }));
      log(`bench: publishing round ${round + 1} of ${PUBLISHING_ROUNDS} done`);
    }
    return { quiet, busy };
  } finally {
    await server.stop();
    await dynamo.stop();
  }
}

function publishingFigures({ quiet, busy }: Awaited<ReturnType<typeof measurePublishing>>) {
  const all = (runs: RunResult[]) => runs.flatMap((r) => r.metrics.replyMs);
  const during = busy.map((r) => r.during as Awaited<ReturnType<typeof publishUntil>>);
  const p99 = percentile(all(busy), 99);
  const quietP99 = percentile(all(quiet), 99);
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    publishBotReplyP99Ms: round(p99),
    publishQuietP99Ms: round(quietP99),
    publishP99Rise: round(p99 / quietP99, 2),
    publishVersions: sum(during.map((d) => d.versions)),
    publishFailures: sum(during.map((d) => d.failures)),
    publishRoundP50Ms: round(
      percentile(
        during.flatMap((d) => d.roundMs),
        50,
      ),
    ),
    publishLost: sum(busy.map((r) => r.accounting?.lost)),
    publishDuplicated: sum(busy.map((r) => r.accounting?.duplicated)),
    publishErrors: sum(busy.map((r) => [...r.metrics.errors.values()].reduce((a, b) => a + b, 0))),
    publishErrorKinds: Object.fromEntries(busy.flatMap((r) => [...r.metrics.errors])),
  };
}

/** Phases with the inbox on and off, in turn (--learning). */
const LEARNING_ROUNDS = 2;

/**
 * The cost of the missed-question inbox and answer votes: two services on storage of their
 * own, one keeping questions for the inbox (its customers vote on a fifth of the answers),
 * one not (nobody votes), measured in turns so that the machine's drift falls on both.
 */
async function measureLearning() {
  const start = async (inbox: boolean) => {
    const dynamo = await startServer("./dynamoServer.ts");
    const server = await startServer("./chatServer.ts", [], {
      DYNAMODB_ENDPOINT: dynamo.url,
      FAKE_TIME: OPEN_HOURS_INSTANT,
      MISSED_QUESTION_INBOX: String(inbox),
    });
    return { dynamo, server };
  };
  const on = await start(true);
  const off = await start(false);
  const withInbox: RunResult[] = [];
  const without: RunResult[] = [];
  try {
    for (let round = 0; round < LEARNING_ROUNDS; round++) {
      const common = { verify: true, advisors: true, warmUp: round === 0 };
      withInbox.push(await measure(on.server, { ...common, storage: on.dynamo, votes: true }));
      without.push(await measure(off.server, { ...common, storage: off.dynamo }));
      log(`bench: learning round ${round + 1} of ${LEARNING_ROUNDS} done`);
    }
    return { withInbox, without };
  } finally {
    for (const { server, dynamo } of [on, off]) {
      await server.stop();
      await dynamo.stop();
    }
  }
}

function learningFigures({ withInbox, without }: Awaited<ReturnType<typeof measureLearning>>) {
  const cpuPerQuestion = (runs: RunResult[]) =>
    runs.reduce((a, r) => a + r.server.cpuMs, 0) /
    Math.max(
      1,
      runs.reduce((a, r) => a + r.metrics.replyMs.length, 0),
    );
  const p99 = (runs: RunResult[]) =>
    percentile(
      runs.flatMap((r) => r.metrics.replyMs),
      99,
    );
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const on = cpuPerQuestion(withInbox);
  const off = cpuPerQuestion(without);
  const both = [...withInbox, ...without];
  return {
    learningCpuMsPerQuestion: round(on, 2),
    noLearningCpuMsPerQuestion: round(off, 2),
    learningCpuRise: round(on / off, 3),
    learningP99Ms: round(p99(withInbox)),
    noLearningP99Ms: round(p99(without)),
    learningVotes: sum(withInbox.map((r) => r.metrics.votes)),
    learningErrors: sum(both.map((r) => [...r.metrics.errors.values()].reduce((a, b) => a + b, 0))),
    learningLost: sum(both.map((r) => r.accounting?.lost)),
    learningDuplicated: sum(both.map((r) => r.accounting?.duplicated)),
  };
}

function floorFigures(floor: RunResult) {
  const questions = Math.max(1, floor.metrics.replyMs.length);
  return {
    floorP50Ms: round(percentile(floor.metrics.replyMs, 50)),
    floorP99Ms: round(percentile(floor.metrics.replyMs, 99)),
    floorMsgsPerSec: round(floor.metrics.ackedInPhase / SECONDS),
    floorCpuMsPerQuestion: round(floor.server.cpuMs / questions, 2),
    floorDynamoCpuMsPerQuestion: round((floor.storage?.cpuMs ?? 0) / questions, 2),
    floorErrors: [...floor.metrics.errors.values()].reduce((a, b) => a + b, 0),
    floorErrorKinds: Object.fromEntries(floor.metrics.errors),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
