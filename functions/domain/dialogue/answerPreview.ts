import type { Lang } from "../../contracts/lang.ts";
import { NO_INTENT, type TopicId } from "../../contracts/topics.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import type { Recognition } from "../ports.ts";
import { answerTurn, type DialogueContext, type TopicLibrary } from "./answerTurn.ts";

/**
 * A bot message as a customer sees it, for authors and reviewers to read before customers do:
 * what the widget shows (text, quick replies, buttons), without what only the service keeps.
 */
export type PreviewMessage = Pick<OutgoingMessage, "from" | "text" | "quickReplies" | "actions">;

// A customer not signed in, on a first question, while advisors are in: the answer most get.
const firstQuestion = (lang: Lang): DialogueContext => ({
  lang,
  missesInRow: 0,
  authenticated: false,
});

const sure = (lang: Lang, intent: TopicId | typeof NO_INTENT, referral?: string): Recognition => ({
  intent,
  confidence: 1,
  detectedLang: lang,
  alternatives: intent === NO_INTENT ? [] : [{ intent, confidence: 1 }],
  ...(referral ? { referral } : {}),
});

function shown(message: OutgoingMessage | undefined): PreviewMessage | undefined {
  if (!message) return undefined;
  const { from, text, quickReplies, actions } = message;
  return { from, text, ...(quickReplies ? { quickReplies } : {}), ...(actions ? { actions } : {}) };
}

/**
 * What the bot says when it is sure a customer asks about `topic` in `lang`: the dialogue's
 * own reply, so the preview is never a copy that drifts from the chat (a personal topic's
 * with its sign-in prompt, a handing-over one with its person button). Undefined for a topic
 * the library lacks.
 */
export function topicAnswerMessage(
  library: TopicLibrary,
  topic: TopicId,
  lang: Lang,
): PreviewMessage | undefined {
  if (!library.has(topic)) return undefined;
  return shown(answerTurn(library, firstQuestion(lang), sure(lang, topic)).messages[0]);
}

/** What the bot says for referral group `group`'s matter in `lang`; undefined without the group. */
export function referralAnswerMessage(
  library: TopicLibrary,
  group: string,
  lang: Lang,
): PreviewMessage | undefined {
  if (!library.referral(group, lang)) return undefined;
  return shown(answerTurn(library, firstQuestion(lang), sure(lang, NO_INTENT, group)).messages[0]);
}
