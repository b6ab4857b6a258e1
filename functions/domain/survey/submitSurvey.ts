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
 * Stores the end-of-chat survey of the chat the token names, once. The record says whether
 * the customer was authenticated, never who they are.
 */
export async function submitSurvey(deps: SurveyDeps, submission: SurveySubmission): Promise<void> {
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
}
