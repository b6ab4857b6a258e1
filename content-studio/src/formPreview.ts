/**
 * The answer a topic form would give a customer, as the chat builds it: the editor shows it
 * while the owner types, so what they write is read as the customer will read it.
 */
import {
  type PreviewMessage,
  topicAnswerMessage,
} from "../../functions/domain/dialogue/answerPreview.ts";
import type { TopicLibrary } from "../../functions/domain/dialogue/answerTurn.ts";
import { answerPieces } from "../../functions/domain/dialogue/topicAnswer.ts";
import type { Lang } from "./api.ts";
import { type TopicForm, topicFromForm } from "./topicForm.ts";

// A new topic's id may not be typed yet; the answer does not depend on it.
const UNNAMED = "new-topic";

/**
 * What a customer asking about the form's topic in `lang` gets (the chat's own reply, see
 * `topicAnswerMessage`): the answer with its links, follow-ups and action. `titleOf` names
 * another topic in a language (a follow-up's quick reply is its title); a follow-up it does
 * not know is shown by its id.
 */
export function formAnswerMessage(
  form: TopicForm,
  lang: Lang,
  titleOf: (id: string, lang: Lang) => string | undefined,
): PreviewMessage | undefined {
  const topic = topicFromForm(form);
  const id = topic.id || UNNAMED;
  const library: TopicLibrary = {
    has: (other) => other === id,
    answer: (other, l) =>
      other === id
        ? answerPieces({ ...topic, id }, l)
        : {
            topicId: other,
            title: titleOf(other, l) || other,
            paragraphs: [],
            links: [],
            followUps: [],
          },
    referral: () => undefined,
  };
  return topicAnswerMessage(library, id, lang);
}
