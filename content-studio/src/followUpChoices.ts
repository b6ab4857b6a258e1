import type { Lang, TopicSummary } from "./api.ts";

/**
 * The topics in use that offer `id` as a follow-up: retiring it leaves them pointing at
 * nothing, and the next publish is refused until they are fixed.
 */
export function offeredAsFollowUpBy(topics: readonly TopicSummary[], id: string): TopicSummary[] {
  return topics.filter((topic) => !topic.retired && topic.followUps?.includes(id));
}

/** A topic the follow-up picker offers: its id and the name shown in the editor's language. */
export interface FollowUpChoice {
  id: string;
  title: string;
}

/**
 * What a topic's follow-up picker offers. Not itself, not a retired topic, and not an
 * unfinished one: a follow-up to an unfinished topic blocks this topic's save until that one
 * is finished. A follow-up chosen already stays (an unfinished one marked, a retired or
 * removed one by its id) so it can be seen and removed.
 */
export function followUpChoices(
  topics: readonly TopicSummary[],
  current: { id: string; followUps: readonly string[] },
  lang: Lang,
  unfinishedMark: string,
): FollowUpChoice[] {
  const offered = topics
    .filter((topic) => !topic.retired && topic.id !== current.id)
    .filter((topic) => !topic.inProgress || current.followUps.includes(topic.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((topic) => ({
      id: topic.id,
      title: topic.inProgress ? `${topic[lang].title} (${unfinishedMark})` : topic[lang].title,
    }));
  const missing = current.followUps
    .filter((id) => !offered.some((choice) => choice.id === id))
    .map((id) => ({ id, title: "" }));
  return [...offered, ...missing];
}
