import type { SurveySubmission } from "../../contracts/protocol.ts";
import type { ChatStore } from "../chat/chatStore.ts";
import {
  InvalidSurveyTokenError,
  SurveyAlreadySubmittedError,
  SurveyTokenExpiredError,
} from "../chat/errors.ts";
import { parseChatToken, secretMatches } from "../chat/tokens.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";

export interface SurveyDeps {
  store: ChatStore;
  clock: Clock;
  /** Counts the answers for supervisors' reports; never throws. */
  reports?: ReportRecorder;
}

/**
 * Stores the end-of-chat survey of the chat the token names, once, if the customer wrote in
 * that chat. The record says whether the customer was authenticated, never who they are.
 */
export async function submitSurvey(
  deps: SurveyDeps,
  submission: SurveySubmission,
): Promise<{ counted: boolean }> {
  const parsed = parseChatToken(submission.surveyToken);
  if (!parsed) throw new InvalidSurveyTokenError();
  const chat = await deps.store.getChat(parsed.chatId);
  if (!chat?.endedAt || !secretMatches(parsed.secret, chat.surveySecretHash)) {
    throw new InvalidSurveyTokenError();
  }
  const now = deps.clock.now();
  if (chat.surveyExpiresAt && now.toISOString() > chat.surveyExpiresAt) {
    throw new SurveyTokenExpiredError();
  }
  // A chat in which the customer wrote nothing is no experience of the service to rate: a
  // script opening throwaway chats must not move the satisfaction figures. Answered as
  // thanked (nothing for the customer to do), but neither stored nor counted.
  // Marked with the bot's state when the customer wrote to the bot; a chat that went to a
  // person at once is read from its transcript.
  const wrote =
    chat.customerWrote === true ||
    (await deps.store.listMessages(chat.chatId)).some((m) => m.from === "customer");
  if (!wrote) return { counted: false };
  const stored = await deps.store.putSurvey({
    chatId: chat.chatId,
    lang: chat.lang,
    topics: chat.topics,
    handledBy: chat.handledBy,
    authenticated: chat.authenticated,
    gotHelp: submission.gotHelp,
    score: submission.score,
    // Survey records are kept without a time limit, so they must hold no personal data.
    comment: submission.comment?.trim()
      ? maskPersonalData(submission.comment.trim()).text
      : undefined,
    chatStartedAt: chat.startedAt,
    chatEndedAt: chat.endedAt,
    submittedAt: now.toISOString(),
  });
  if (!stored) throw new SurveyAlreadySubmittedError();
  await deps.reports?.record({
    kind: "survey",
    at: now,
    lang: chat.lang,
    topic: chat.topics[0],
    gotHelp: submission.gotHelp,
    score: submission.score,
  });
  return { counted: true };
}
