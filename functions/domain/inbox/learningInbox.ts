import { ulid } from "ulid";
import type { Lang } from "../../contracts/lang.ts";
import { CONVERSATION_MOVES, NO_INTENT } from "../../contracts/topics.ts";
import { pooledRandom } from "../chat/ids.ts";
import type { Chat, StoredMessage } from "../chat/model.ts";
import type { BotTurn } from "../dialogue/bot.ts";
import type { Clock, IntentScore } from "../ports.ts";
import { maskPersonalDataStrictly } from "../privacy/personalData.ts";
import { type ReportRecorder, reportDay } from "../reports/reportEvents.ts";
import type { LearningEvents } from "./learningEvents.ts";
import type { MissEntry, MissHandoff, MissOutcome, MissReason, MissStore } from "./missStore.ts";

export interface LearningInboxSettings {
  /** An answer below this confidence keeps its question (INBOX_CONFIDENCE_BELOW). */
  confidenceBelow: number;
  /**
   * The share of surely answered questions kept anyway, at random, for an answer review
   * (INBOX_SAMPLE_RATE, reason `sampled`); 0 keeps none.
   */
  sampleRate: number;
  /** Chats whose last turn is remembered for what happens next; the oldest go first. */
  maxChats: number;
  /** A chat silent this long is forgotten; its pending question's outcome stays "unknown". */
  forgetAfterMs: number;
  /**
   * A kept question waits this long for its outcome (the chat's next turn) before it is
   * written with the outcome still "unknown"; one that learns it sooner goes with the next
   * write. A later change is an update, as before.
   */
  holdMs: number;
  /** How often held questions are written, together (one batch request per 25). */
  writeEveryMs: number;
}

export const DEFAULT_INBOX_SETTINGS: LearningInboxSettings = {
  confidenceBelow: 0.65,
  sampleRate: 0.02,
  maxChats: 5_000,
  forgetAfterMs: 60 * 60_000,
  holdMs: 30_000,
  writeEveryMs: 1_000,
};

const SWEEP_EVERY_MS = 60_000;

// Moves in the conversation ("hei", "haluan puhua ihmiselle") are not questions to teach.
const MOVES = new Set<string>(CONVERSATION_MOVES);

/**
 * A kept question: held in memory until its outcome is known (or its hold ends), then written
 * with the others held; `written` is that write, which later changes to it wait for.
 */
interface Kept {
  entry: MissEntry;
  /** When it was kept (clock time), for the hold. */
  keptAt: number;
  written?: Promise<unknown>;
}

/** The last answered turn of a chat, until the chat's next event settles it. */
interface LastTurn {
  question: StoredMessage;
  turn: BotTurn;
  kept?: Kept;
  /**
   * When `question` was the customer's pick among a which-one's topics: the question the
   * which-one was about. A vote on this turn's answer, or a request for a person after it,
   * concerns that question, not the topic's title the customer sent.
   */
  picked?: Kept;
}

interface ChatMemory {
  touchedAt: number;
  last?: LastTurn;
  /** Questions of this chat already kept, by message id (a later vote adds its reason). */
  kept?: Map<string, Kept>;
  /** The question the customer just asked for a person after, until the request is routed. */
  handedOff?: Kept;
}

/**
 * The missed-question inbox's side of the chat: decides which questions content owners see
 * and what the chat did after each. The chat's events arrive in order per chat (one message
 * at a time); the last turn of each recent chat is remembered in a bounded map, best effort
 * (a restart forgets it: those outcomes stay "unknown"). An answered turn that keeps nothing
 * writes nothing and costs a map update (a sure answer also a draw from pooled random bytes:
 * `sampleRate` of them are kept as `sampled` for the answer review, not counted as misses). A kept question is held until the chat's next turn
 * settles its outcome (at most `holdMs`) and then written with the others held, 25 to a
 * request: writing each at once and updating its outcome a turn later made the inbox a
 * quarter of the service's DynamoDB requests. The price, as with the report counters: a
 * crash loses what is held (at most `holdMs` of kept questions; the chats themselves are
 * stored as they happen); a graceful stop writes it. Never throws into the chat: failures
 * are logged.
 */
export function createLearningInbox(deps: {
  store: MissStore;
  clock: Clock;
  /** Counts each kept question (`inboxed`) for the reports; a sampled one is no miss to count. */
  reports?: ReportRecorder;
  settings?: Partial<LearningInboxSettings>;
  /**
   * Uniform in [0, 1): the draw that samples a surely answered question (tests inject one).
   * By default two bytes of the pooled source, so a rate such as 0.02 is kept to 1/65536.
   */
  random?: () => number;
  onError: (error: unknown) => void;
}): LearningEvents & { settled(): Promise<void> } {
  const settings = { ...DEFAULT_INBOX_SETTINGS, ...deps.settings };
  // Entry ids from a pool of random bytes, as message ids: ulid's default asks the system for
  // each of an id's sixteen characters.
  const random = pooledRandom();
  const draw = deps.random ?? (() => random() + random() / 256);
  const chats = new Map<string, ChatMemory>();
  const inFlight = new Set<Promise<unknown>>();
  /** Kept questions not yet written, oldest first. */
  let held: Kept[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function track(work: Promise<unknown>): Promise<unknown> {
    const safe = work.catch(deps.onError);
    inFlight.add(safe);
    void safe.finally(() => inFlight.delete(safe));
    return safe;
  }

  let sweptAt = 0;

  /**
   * The chat's memory if still fresh. Forgotten chats are dropped in one pass a minute, not
   * on every call: walking the map from its old end costs more the more chats it has seen.
   */
  function recall(chatId: string, now: number): ChatMemory | undefined {
    if (now - sweptAt >= SWEEP_EVERY_MS) {
      sweptAt = now;
      for (const [id, memory] of chats) {
        if (now - memory.touchedAt >= settings.forgetAfterMs) chats.delete(id);
      }
    }
    const memory = chats.get(chatId);
    return memory && now - memory.touchedAt < settings.forgetAfterMs ? memory : undefined;
  }

  /**
   * Stores the memory as the most recent. Beyond the bound the least recent tenth goes at
   * once: dropping one at a time would walk past the map's deleted slots on every call.
   */
  function remember(chatId: string, memory: ChatMemory): void {
    chats.delete(chatId);
    chats.set(chatId, memory);
    if (chats.size <= settings.maxChats) return;
    let drop = chats.size - settings.maxChats + Math.ceil(settings.maxChats / 10);
    for (const id of chats.keys()) {
      if (drop-- <= 0) break;
      chats.delete(id);
    }
  }

  function reasonsFor(turn: BotTurn): MissReason[] {
    // No recognition: the recogniser was down, an outage rather than a gap in the content.
    if (!turn.recognition) return [];
    if (turn.missed) return ["missed"];
    // Kept at once, as any kept question is held: what the customer says next (a pick, or
    // not) only changes it, and a chat that goes quiet still leaves it, with outcome unknown.
    if (turn.clarified) return ["clarified"];
    // Another agency's pointer is an answer too, and a doubtful one is kept as a doubtful
    // topic's answer is: sending a tax question elsewhere is worse than not answering it.
    if (!turn.referral && (turn.topic === undefined || MOVES.has(turn.topic))) return [];
    if (confidenceOf(turn) < settings.confidenceBelow) return ["low-confidence"];
    // Answered surely: invisible to content owners unless voted down, so a few are drawn for
    // an answer review (a confident wrong answer is worse than none). Drawn only here, so the
    // rate is of the answers that would keep nothing.
    return settings.sampleRate > 0 && draw() < settings.sampleRate ? ["sampled"] : [];
  }

  function keep(
    chat: Chat,
    memory: ChatMemory,
    question: StoredMessage,
    answer: {
      topic?: string;
      referral?: string;
      contentVersion?: number;
      lang?: Lang;
      questionLang?: Lang;
      guesses: IntentScore[];
    },
    reasons: MissReason[],
    outcome: MissOutcome,
  ): Kept {
    const at = new Date(question.at);
    const day = reportDay(at);
    const entry: MissEntry = {
      id: `${day}.${ulid(at.getTime(), random)}`,
      day,
      at: question.at,
      // The language the question is written in, not the chat's nor always the answer's: a
      // Swedish question in a Finnish chat is taught as Swedish, and so is a single Swedish
      // word answered in Finnish.
      lang: answer.questionLang ?? answer.lang ?? chat.lang,
      // Stored masked already; masked again, more strictly, since other people read it here.
      text: maskPersonalDataStrictly(question.text),
      reasons,
      guesses: answer.guesses.map(({ intent, confidence }) => ({ intent, confidence })),
      ...(answer.topic ? { topic: answer.topic } : {}),
      ...(answer.referral ? { referral: answer.referral } : {}),
      ...(answer.contentVersion ? { contentVersion: answer.contentVersion } : {}),
      outcome,
      status: "open",
      expiresAt: question.expiresAt,
    };
    const kept: Kept = { entry, keptAt: deps.clock.now().getTime() };
    held.push(kept);
    scheduleWrite();
    memory.kept ??= new Map();
    memory.kept.set(question.id, kept);
    return kept;
  }

  function scheduleWrite(): void {
    if (timer || held.length === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      writeHeld(false);
      scheduleWrite();
    }, settings.writeEveryMs);
    // A pending write must not keep a stopping process alive: `settled` writes what is left.
    timer.unref?.();
  }

  /** Writes the held questions whose outcome is known or whose hold is over (all: every one). */
  function writeHeld(all: boolean): void {
    const now = deps.clock.now().getTime();
    const due = all
      ? held
      : held.filter((k) => k.entry.outcome !== "unknown" || now - k.keptAt >= settings.holdMs);
    if (due.length === 0) return;
    const writing = new Set(due);
    held = held.filter((k) => !writing.has(k));
    // Copies: a change arriving while the write is under way is an update of its own.
    const entries = due.map((k) => ({ ...k.entry, reasons: [...k.entry.reasons] }));
    const written = track(
      deps.store
        .putAll(entries)
        .then(() =>
          Promise.all(entries.filter((entry) => isMiss(entry.reasons)).map(countInboxed)),
        ),
    );
    for (const kept of due) kept.written = written;
  }

  function countInboxed(entry: MissEntry): Promise<void> | undefined {
    return deps.reports?.record({
      kind: "inboxed",
      at: deps.clock.now(),
      lang: entry.lang,
      ...(entry.topic ? { topic: entry.topic } : {}),
    });
  }

  /** Changes a kept question; `replacing`: a reason that `reason` takes the place of. */
  function change(
    kept: Kept,
    to: {
      outcome?: MissOutcome;
      reason?: MissReason;
      replacing?: MissReason;
      handoff?: MissHandoff;
      chosen?: string;
    },
  ): void {
    const { entry } = kept;
    const wasMiss = isMiss(entry.reasons);
    const reasons = to.reason ? reasonsAfter(entry.reasons, to.reason, to.replacing) : undefined;
    if (reasons) entry.reasons = reasons;
    if (to.outcome) entry.outcome = to.outcome;
    if (to.handoff) entry.handoff = to.handoff;
    if (to.chosen) entry.chosen = to.chosen;
    if (!reasons && !to.outcome && !to.handoff && !to.chosen) return;
    // Still held: the write to come carries the change.
    if (!kept.written) return;
    const update = {
      ...(to.outcome ? { outcome: to.outcome } : {}),
      ...(reasons ? { reasons } : {}),
      ...(to.handoff ? { handoff: to.handoff } : {}),
      ...(to.chosen ? { chosen: to.chosen } : {}),
    };
    // A sampled question written already that a vote or a person makes a miss counts now, as
    // a question kept for that reason alone would.
    const nowMiss = !wasMiss && reasons !== undefined && isMiss(reasons);
    kept.written = track(
      kept.written
        .then(() => deps.store.update(entry.id, update))
        .then(() => (nowMiss ? countInboxed(entry) : undefined)),
    );
  }

  function turnAnswer(turn: BotTurn) {
    return {
      ...(turn.topic ? { topic: turn.topic } : {}),
      ...(turn.referral ? { referral: turn.referral } : {}),
      ...(turn.contentVersion ? { contentVersion: turn.contentVersion } : {}),
      ...(turn.lang ? { lang: turn.lang } : {}),
      ...(turn.questionLang ? { questionLang: turn.questionLang } : {}),
      guesses: turn.recognition ?? [],
    };
  }

  /** The customer asked for a person right after `last`: it is kept, or its outcome set. */
  function personAfter(chat: Chat, memory: ChatMemory, last: LastTurn): void {
    const kept = last.kept ?? last.picked;
    if (kept) {
      change(kept, { outcome: "handed-off", reason: "person-requested" });
      memory.handedOff = kept;
    } else if (last.turn.topic === undefined || !MOVES.has(last.turn.topic)) {
      memory.handedOff = keep(
        chat,
        memory,
        last.question,
        turnAnswer(last.turn),
        ["person-requested"],
        "handed-off",
      );
    }
  }

  /**
   * "Something else" to the bot's which-one about `asked`: none of the topics offered fits it,
   * a miss. Its guesses are those of the turn that asked, when remembered. What the customer
   * does next is its outcome, so it becomes the chat's last turn.
   */
  function declinedChoice(
    chat: Chat,
    memory: ChatMemory,
    asked: StoredMessage,
    previous: LastTurn | undefined,
    turn: BotTurn,
  ): LastTurn {
    const choice = previous?.question.id === asked.id ? previous : undefined;
    // When the declined which-one came on a pick, the question is the one the pick was about.
    let kept = choice?.kept ?? choice?.picked;
    // Kept as `clarified` when the bot asked: declining every topic offered makes it a miss.
    if (kept) change(kept, { reason: "missed", replacing: "clarified" });
    else {
      const answer = choice
        ? turnAnswer(choice.turn)
        : { ...(turn.lang ? { lang: turn.lang } : {}), guesses: [] };
      kept = keep(chat, memory, asked, answer, ["missed"], "unknown");
    }
    return { question: asked, turn: choice?.turn ?? turn, kept };
  }

  function guarded<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        run(...args);
      } catch (error) {
        deps.onError(error);
      }
    };
  }

  return {
    answered: guarded(({ chat, question, turn, declined }) => {
      const now = deps.clock.now().getTime();
      const memory = recall(chat.chatId, now) ?? { touchedAt: now };
      memory.touchedAt = now;
      const previous = memory.last;
      // The customer's pick among a which-one's topics, and the question the which-one was
      // about (should the pick get a which-one of its own, a pick there is still about it).
      const chosen = previous && !declined ? pickedTopic(previous, question.text) : undefined;
      const about = chosen ? (previous?.kept ?? previous?.picked) : undefined;
      // A which-one on the next message is a question back, not an answer to it.
      const outcome: MissOutcome = turn.missed
        ? "rephrased"
        : turn.clarified
          ? "clarified"
          : "answered";
      if (previous) {
        if (asksForPerson(turn)) {
          if (about) change(about, { chosen });
          personAfter(chat, memory, previous);
        } else if (about) change(about, { chosen, outcome });
        // A "something else" does not answer the which-one's question; it stays to be settled.
        else if (previous.kept && previous.question.id !== declined?.id) {
          change(previous.kept, { outcome });
        }
      }
      const last: LastTurn = { question, turn };
      if (about) {
        // The pick is a topic's title the customer clicked, no question to teach: never kept.
        // What follows its answer (a vote, a person) is the asked question's.
        last.picked = about;
        memory.kept?.set(question.id, about);
      } else {
        const reasons = reasonsFor(turn);
        if (reasons.length > 0) {
          last.kept = keep(chat, memory, question, turnAnswer(turn), reasons, "unknown");
        }
      }
      memory.last = declined ? declinedChoice(chat, memory, declined, previous, turn) : last;
      remember(chat.chatId, memory);
    }),

    voted: guarded(({ chat, answer, question, helpful }) => {
      if (helpful || !question) return;
      const now = deps.clock.now().getTime();
      const memory = recall(chat.chatId, now) ?? { touchedAt: now };
      const already = memory.kept?.get(question.id);
      if (already) {
        change(already, { reason: "unhelpful" });
        return;
      }
      // A referral is the recogniser's `none`, with the group beside it.
      const guesses =
        answer.topic || answer.referral
          ? [{ intent: answer.topic ?? NO_INTENT, confidence: answer.confidence ?? 0 }]
          : [];
      const fromLast = memory.last?.question.id === question.id ? memory.last : undefined;
      const kept = keep(
        chat,
        memory,
        question,
        fromLast
          ? turnAnswer(fromLast.turn)
          : {
              ...(answer.topic ? { topic: answer.topic } : {}),
              ...(answer.referral ? { referral: answer.referral } : {}),
              ...(answer.contentVersion ? { contentVersion: answer.contentVersion } : {}),
              ...(answer.lang ? { lang: answer.lang } : {}),
              guesses,
            },
        ["unhelpful"],
        "unknown",
      );
      // The question is still the chat's latest: what comes next is its outcome.
      if (fromLast) fromLast.kept = kept;
      memory.touchedAt = now;
      remember(chat.chatId, memory);
    }),

    personRequested: guarded((chat) => {
      const memory = recall(chat.chatId, deps.clock.now().getTime());
      const last = memory?.last;
      if (!memory || !last) return;
      personAfter(chat, memory, last);
      // Settled: a second request is no longer "right after" the answer.
      memory.last = undefined;
    }),

    personRouted: guarded((chat, route) => {
      const memory = recall(chat.chatId, deps.clock.now().getTime());
      const kept = memory?.handedOff;
      if (!memory || !kept) return;
      memory.handedOff = undefined;
      change(kept, { handoff: route });
    }),

    questionAnswered(chatId, answer) {
      try {
        const last = recall(chatId, deps.clock.now().getTime())?.last;
        // Ids sort in the order messages were stored, and every bot answer of this process
        // comes from a question told here: an answer after the latest question, with that
        // turn's topic or referral, answered it. One from another task (the chat moved and
        // came back) differs in them, or in the worst case names the same topic.
        const sameTurn =
          last !== undefined &&
          last.question.id < answer.id &&
          last.turn.topic === answer.topic &&
          last.turn.referral === answer.referral;
        return sameTurn ? last.question : undefined;
      } catch (error) {
        deps.onError(error);
        return undefined;
      }
    },

    ended: guarded((chat) => {
      const memory = recall(chat.chatId, deps.clock.now().getTime());
      if (memory?.last?.kept) change(memory.last.kept, { outcome: "left" });
      // Remembered until forgotten like any quiet chat: votes come after the end too (the
      // survey shows with the answers), and a vote on a pick's answer must still find the
      // question the pick was about, not keep the topic's title as a question.
    }),

    /** Writes every held question and resolves once all writes have finished (tests, shutdown). */
    async settled() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      writeHeld(true);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/**
 * The topic the customer picked, when `text` is one of the quick replies of `last`'s which-one
 * (as the widget sends a tapped one, or typed: case and surrounding spaces aside).
 */
function pickedTopic(last: LastTurn, text: string): string | undefined {
  const topics = last.turn.clarified;
  if (!topics) return undefined;
  const replies = last.turn.messages.find((m) => m.quickReplies?.length)?.quickReplies ?? [];
  const said = comparable(text);
  // The which-one offers its topics first, in the order of `clarified`.
  const index = topics.findIndex((_, i) => {
    const reply = replies[i];
    return reply !== undefined && comparable(reply.value) === said;
  });
  return index >= 0 ? topics[index] : undefined;
}

function comparable(text: string): string {
  return text.trim().toLocaleLowerCase("fi");
}

/** `reasons` with `reason` (in place of `replacing`), or undefined when that changes nothing. */
function reasonsAfter(
  reasons: readonly MissReason[],
  reason: MissReason,
  replacing: MissReason | undefined,
): MissReason[] | undefined {
  const kept = reasons.filter((r) => r !== replacing);
  const next = kept.includes(reason) ? kept : [...kept, reason];
  const same = next.length === reasons.length && next.every((r, i) => r === reasons[i]);
  return same ? undefined : next;
}

/** Whether a question was kept for any reason but the answer review's draw: a miss to count. */
function isMiss(reasons: readonly MissReason[]): boolean {
  return reasons.some((r) => r !== "sampled");
}

/** The turn answered a request for a person (the human-advisor topic, or one that hands off). */
function asksForPerson(turn: BotTurn): boolean {
  if (turn.topic === undefined || turn.missed) return false;
  return turn.topic === "human-advisor" || turn.handsOver === true;
}

/** How sure the recogniser was of the answered topic (of `none`, for a referral). */
function confidenceOf(turn: BotTurn): number {
  const winner = turn.recognition?.find((r) => r.intent === (turn.topic ?? NO_INTENT));
  return winner?.confidence ?? turn.messages.find((m) => m.topic || m.referral)?.confidence ?? 1;
}
