import type { Lang } from "../../contracts/lang.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import { signInValid } from "../chat/signIn.ts";
import { systemClock } from "../clock.ts";
import type { CustomerData } from "../customerData/customerData.ts";
import { canSeePersonalData } from "../identity/identity.ts";
import type { Clock, Recognition } from "../ports.ts";
import {
  type AdvisorsAway,
  answerTurn,
  DEFAULT_DIALOGUE_SETTINGS,
  type DialogueContext,
  type DialogueSettings,
  type DialogueTurn,
  replyLanguage,
  type TopicLibrary,
} from "./answerTurn.ts";
import { decide } from "./decision.ts";
import { isPersonalTopic, personalAnswer } from "./personalAnswer.ts";
import { welcomeMessages } from "./welcome.ts";

export interface DialogueDeps {
  library: TopicLibrary;
  /** Source of personalised answers; without it every customer gets the general answer. */
  customerData?: CustomerData;
  clock?: Clock;
  settings?: DialogueSettings;
}

/** Where a recognised customer message becomes the bot's answer, whichever recogniser read it. */
export interface Dialogue {
  /** The bot's opening lines; `advisorsAway` as in `answer`. */
  welcome(lang: Lang, advisorsAway?: AdvisorsAway): OutgoingMessage[];
  /**
   * The answer to one recognised message: the topic's text, the customer's own figures for a
   * personal topic when their sign-in allows it, a question, a referral, or an honest miss.
   * `advisorsAway`: whether a person can join the chat now (absent: always).
   */
  answer(
    context: DialogueContext,
    recognition: Recognition,
    advisorsAway?: AdvisorsAway,
  ): Promise<DialogueTurn>;
}

/**
 * The dialogue on one content version. Both runtimes answer through it: the Lex code hook
 * in AWS with what Lex recognised, the recognising bot with the embedded recogniser's result.
 */
export function createDialogue(deps: DialogueDeps): Dialogue {
  const settings = deps.settings ?? DEFAULT_DIALOGUE_SETTINGS;
  const clock = deps.clock ?? systemClock;

  /** The customer's own answer, only for a current, strong sign-in bound to the chat. */
  async function personalTextFor(
    context: DialogueContext,
    recognition: Recognition,
    now: Date,
  ): Promise<string | undefined> {
    const { subject, assurance } = context;
    if (!deps.customerData || !subject || !context.authenticated || !assurance) return undefined;
    if (!canSeePersonalData({ assurance })) return undefined;
    // Read the customer's data only for an answer that will use it.
    const decision = decide(recognition, (topic) => deps.library.has(topic), settings);
    if (decision.kind !== "answer" || !isPersonalTopic(decision.topic)) return undefined;
    const lang = replyLanguage(context, recognition);
    const templates = deps.library.answer(decision.topic, lang).personal ?? {};
    const data = await deps.customerData.find(subject);
    return personalAnswer(decision.topic, lang, data, templates, { today: now });
  }

  return {
    welcome: welcomeMessages,
    async answer(context, recognition, advisorsAway) {
      const now = clock.now();
      const current = withCurrentSignIn(context, now);
      const personalText = await personalTextFor(current, recognition, now);
      return answerTurn(deps.library, current, recognition, settings, personalText, advisorsAway);
    },
  };
}

/**
 * The context with the sign-in as it stands now: Lex keeps session attributes across turns,
 * so an expired (or expiry-less) sign-in is dropped here too, by the dialogue's own clock,
 * and the customer gets the general answer with the offer to sign in.
 */
function withCurrentSignIn(context: DialogueContext, now: Date): DialogueContext {
  if (signInValid(context, now)) return context;
  const { assurance: _a, subject: _s, signInExpiresAt: _e, ...anonymous } = context;
  return { ...anonymous, authenticated: false };
}
