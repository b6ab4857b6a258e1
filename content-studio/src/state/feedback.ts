/**
 * Customers' answer votes per topic and language over the last 30 days, for the topic list
 * and the editor: how often an answer helped, and the latest questions it did not help with.
 */
import { batch, signal } from "@preact/signals";
import type { Period } from "../../../handoff-console/src/reports/periods.ts";
import type { Lang, TopicFeedback } from "../api.ts";
import { call, errorText, onSignOut } from "./app.ts";
import { defaultPeriod } from "./inbox.ts";

export const feedback = signal<TopicFeedback[] | undefined>(undefined);
export const feedbackPeriod = signal<Period | undefined>(undefined);
export const feedbackError = signal("");

let seq = 0;

/** Loads the votes of the last 30 days (again, so a new vote shows on the next visit). */
export async function loadFeedback(now = new Date()): Promise<void> {
  const mine = ++seq;
  const asked = defaultPeriod(now);
  const result = await call(
    (c) => c.feedback(asked),
    (e) => {
      if (mine === seq) feedbackError.value = errorText(e);
    },
  );
  if (mine !== seq || !result) return;
  batch(() => {
    feedback.value = result.topics;
    feedbackPeriod.value = asked;
    feedbackError.value = "";
  });
}

export interface LangHelpfulness {
  helpful: number;
  unhelpful: number;
  votes: number;
  /** Helpful ÷ votes, undefined without votes. */
  share: number | undefined;
  latestUnhelpful: { text: string; at: string }[];
}

/** One topic's votes in each language (zeros where nobody voted). Pure. */
export function helpfulnessOf(
  list: readonly TopicFeedback[] | undefined,
  topicId: string,
): Record<Lang, LangHelpfulness> {
  const of = (lang: Lang): LangHelpfulness => {
    const row = list?.find((f) => f.topicId === topicId && f.lang === lang);
    const helpful = row?.helpful ?? 0;
    const unhelpful = row?.unhelpful ?? 0;
    const votes = helpful + unhelpful;
    return {
      helpful,
      unhelpful,
      votes,
      share: votes ? helpful / votes : undefined,
      latestUnhelpful: row?.latestUnhelpful ?? [],
    };
  };
  return { fi: of("fi"), sv: of("sv") };
}

onSignOut(() => {
  seq++;
  feedback.value = undefined;
  feedbackPeriod.value = undefined;
  feedbackError.value = "";
});
