import type { Topic, TopicAction, TopicLink } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";

/** What fulfillment needs to answer with one topic in one language. */
export interface AnswerPieces {
  topicId: TopicId;
  title: string;
  /** Answer text split at blank lines, trimmed, without empty paragraphs. */
  paragraphs: string[];
  links: TopicLink[];
  followUps: TopicId[];
  action?: TopicAction;
  /** Personalised templates by variant (e.g. due / none); placeholders like {refundAmount}. */
  personal?: Record<string, string>;
}

/** The topic's answer in `lang`, split into the parts a chat reply is built from. */
export function answerPieces(topic: Topic, lang: Lang): AnswerPieces {
  const locale = topic[lang];
  return {
    topicId: topic.id,
    title: locale.title,
    paragraphs: locale.answer
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
    links: locale.links ?? [],
    followUps: topic.followUps ?? [],
    ...(topic.action ? { action: topic.action } : {}),
    ...(locale.personal ? { personal: locale.personal } : {}),
  };
}

/** Fills {placeholders} from `values`; unknown placeholders are left visible rather than blanked. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
