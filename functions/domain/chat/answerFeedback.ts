import type { Lang } from "../../contracts/lang.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import type { Clock } from "../ports.ts";
import { NO_TOPIC, type ReportRecorder } from "../reports/reportEvents.ts";
import type { ChatStore } from "./chatStore.ts";
import { ChatNotFoundError, NotABotAnswerError } from "./errors.ts";
import type { Chat, StoredMessage } from "./model.ts";

/** What recording a vote needs: a part of the chat service's dependencies. */
export interface FeedbackDeps {
  store: ChatStore;
  clock: Clock;
  reports?: ReportRecorder;
  learning?: LearningEvents;
}

/**
 * Records a customer's vote on one of the bot's answers in their chat ("was this helpful?"):
 * one vote per answer, a second replaces the first. Another agency's pointer (a referral)
 * is voted on like a topic's answer. Counted in the reports per topic and language, and told
 * to the missed-question inbox. Votes are taken after the chat ended too
 * (the survey shows then, and the answers are still on screen), as long as the chat exists.
 * Throws NotABotAnswerError for a message that is not a bot answer of this chat. Resolves to
 * what offering the next steps needs when the vote turned the answer unhelpful.
 */
export async function voteOnAnswer(
  deps: FeedbackDeps,
  chatId: string,
  messageId: string,
  helpful: boolean,
): Promise<UnhelpfulVote | undefined> {
  const { store, clock } = deps;
  // Read within the chat's own partition: an id from another chat is simply not found.
  const [chat, answer] = await Promise.all([
    store.getChat(chatId),
    store.getMessage(chatId, messageId),
  ]);
  if (!chat) throw new ChatNotFoundError();
  // A topic's answer, or another agency's pointer: a wrong referral is as worth hearing of.
  if (answer?.from !== "bot" || !(answer.topic || answer.referral)) throw new NotABotAnswerError();
  const now = clock.now();
  // The language the answer is written in: the customer's, when they wrote in the other one.
  const lang = answer.lang ?? chat.lang;
  const earlier = await store.putFeedback({
    chatId,
    messageId,
    ...(answer.topic ? { topic: answer.topic } : {}),
    ...(answer.referral ? { referral: answer.referral } : {}),
    ...(answer.contentVersion === undefined ? {} : { contentVersion: answer.contentVersion }),
    lang,
    helpful,
    at: now.toISOString(),
    // Kept as long as the answer it is about.
    expiresAt: answer.expiresAt,
  });
  // The same vote again changes nothing.
  if (earlier?.helpful === helpful) return undefined;
  await deps.reports?.record({
    kind: "feedback",
    at: now,
    // A changed vote is taken back in the language the first one was counted in.
    lang: earlier?.lang ?? lang,
    // A referral is counted under no topic, as its answer is.
    topic: answer.topic ?? NO_TOPIC,
    helpful,
    ...(earlier ? { replacesVote: true } : {}),
  });
  // Only an unhelpful answer makes its question worth reading (for the inbox, and for the
  // words of the search offered next); a helpful one needs no read. Usually the inbox still
  // remembers it; otherwise the transcript is read. Without it the vote still stands: the
  // inbox is a derived view, and the search is offered without words.
  const question = helpful
    ? undefined
    : (deps.learning?.questionAnswered?.(chatId, answer) ??
      (await questionBefore(deps, chatId, answer).catch(() => undefined)));
  tellInbox(deps, { chat, answer, ...(question ? { question } : {}), helpful });
  return helpful ? undefined : { chat, lang, ...(question ? { question } : {}) };
}

/** A vote that turned an answer unhelpful. */
export interface UnhelpfulVote {
  /** The chat as read for the vote. */
  chat: Chat;
  /** The language the answer is written in. */
  lang: Lang;
  /** The customer's question the answer replied to (masked, as stored), if still there. */
  question?: StoredMessage;
}

function tellInbox(deps: FeedbackDeps, event: Parameters<LearningEvents["voted"]>[0]): void {
  if (!deps.learning) return;
  try {
    const told: unknown = deps.learning.voted(event);
    // The port promises not to throw; an async implementation that rejects anyway must not
    // become an unhandled rejection, which would end the process.
    if (told instanceof Promise) told.catch(() => undefined);
  } catch {
    // The inbox is a derived view: the vote is stored and counted, the customer is answered.
  }
}

/** The customer's message the answer answered: the last one from the customer before it. */
async function questionBefore(
  deps: FeedbackDeps,
  chatId: string,
  answer: StoredMessage,
): Promise<StoredMessage | undefined> {
  const transcript = await deps.store.listMessages(chatId);
  // Ids sort in the order messages were stored, and a question is stored before its answer.
  return transcript.findLast((m) => m.from === "customer" && m.id < answer.id);
}
