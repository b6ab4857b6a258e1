import type { BotContent } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";
import type { ReferralPieces, TopicLibrary } from "./answerTurn.ts";
import { type AnswerPieces, answerPieces } from "./topicAnswer.ts";

/** The dialogue's view of bot content, with answers prepared once rather than per message. */
export function createTopicLibrary(content: BotContent): TopicLibrary {
  const prepared = new Map<string, AnswerPieces>();
  for (const [id, topic] of content.topics) {
    for (const lang of ["fi", "sv"] as const)
      prepared.set(`${id}/${lang}`, answerPieces(topic, lang));
  }
  const referrals = new Map((content.referrals ?? []).map((r) => [r.id, r]));
  return {
    referral(id: string, lang: Lang): ReferralPieces | undefined {
      const side = referrals.get(id)?.[lang];
      return side && { answer: side.answer, link: side.link };
    },
    has(topic: TopicId): boolean {
      return content.topics.has(topic);
    },
    answer(topic: TopicId, lang: Lang): AnswerPieces {
      const pieces = prepared.get(`${topic}/${lang}`);
      if (!pieces) throw new Error(`no content for topic ${topic} in ${lang}`);
      return pieces;
    },
  };
}
