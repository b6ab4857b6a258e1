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
/** The topic list's order, kept while signed in. */
export const topicOrder = signal<TopicOrder>("id");

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
  /** How many times the bot answered with the topic. */
  answers: number;
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
      answers: row?.answers ?? 0,
      helpful,
      unhelpful,
      votes,
      share: votes ? helpful / votes : undefined,
      latestUnhelpful: row?.latestUnhelpful ?? [],
    };
  };
  return { fi: of("fi"), sv: of("sv") };
}

/** How the topic list is ordered: by id, most answered first, or least helpful first. */
export type TopicOrder = "id" | "answers" | "helpful";

/**
 * `topics` in `order`, by the votes and answers in `list` (both languages together). Least
 * helpful first puts topics without votes last, most answered first among equals: a share
 * over few votes says less than one over many. Ties go by id. Pure.
 */
export function orderTopics<T extends { id: string }>(
  topics: readonly T[],
  order: TopicOrder,
  list: readonly TopicFeedback[] | undefined,
): T[] {
  const byId = (a: T, b: T) => a.id.localeCompare(b.id);
  if (order === "id" || !list) return [...topics].sort(byId);
  const totals = new Map(
    topics.map((topic) => {
      const { fi, sv } = helpfulnessOf(list, topic.id);
      const votes = fi.votes + sv.votes;
      return [
        topic.id,
        {
          answers: fi.answers + sv.answers,
          votes,
          share: votes ? (fi.helpful + sv.helpful) / votes : undefined,
        },
      ];
    }),
  );
  const of = (topic: T) => totals.get(topic.id) ?? { answers: 0, votes: 0, share: undefined };
  return [...topics].sort((a, b) => {
    const x = of(a);
    const y = of(b);
    if (order === "helpful") {
      if (x.share !== y.share) {
        if (x.share === undefined) return 1;
        if (y.share === undefined) return -1;
        return x.share - y.share;
      }
      if (x.votes !== y.votes) return y.votes - x.votes;
    }
    return y.answers - x.answers || byId(a, b);
  });
}

onSignOut(() => {
  seq++;
  feedback.value = undefined;
  feedbackPeriod.value = undefined;
  feedbackError.value = "";
  topicOrder.value = "id";
});
