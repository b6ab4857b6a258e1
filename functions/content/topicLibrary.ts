import type { Lang } from "../contracts/lang.ts";
import type { TopicId } from "../contracts/topics.ts";
import type { TopicLibrary } from "../domain/dialogue/answerTurn.ts";
import type { BotContent } from "./schema.ts";
import { type AnswerPieces, answerPieces } from "./topicAnswer.ts";

/** The dialogue's view of bot content, with answers prepared once rather than per message. */
export function createTopicLibrary(content: BotContent): TopicLibrary {
  const prepared = new Map<string, AnswerPieces>();
  for (const [id, topic] of content.topics) {
    for (const lang of ["fi", "sv"] as const)
      prepared.set(`${id}/${lang}`, answerPieces(topic, lang));
  }
  return {
    // Ids from the recogniser are strings; the content decides which of them are topics.
    has: (topic) => content.topics.has(topic as TopicId),
    answer(topic: TopicId, lang: Lang): AnswerPieces {
      const pieces = prepared.get(`${topic}/${lang}`);
      if (!pieces) throw new Error(`no content for topic ${topic} in ${lang}`);
      return pieces;
    },
  };
}
