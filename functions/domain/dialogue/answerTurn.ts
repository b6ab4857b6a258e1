import type { Lang } from "../../contracts/lang.ts";
import type { MessageAction, QuickReply } from "../../contracts/protocol.ts";
import { NO_INTENT, type TopicId } from "../../contracts/topics.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import type { IntentScore, Recognition } from "../ports.ts";
import { phrase } from "./phrases.ts";
import type { AnswerPieces } from "./topicAnswer.ts";

/** The parts of the topic library the dialogue needs. */
export interface TopicLibrary {
  /**
   * Whether the content has the topic. Topics are content, and a recogniser may know one the
   * loaded content does not (a Lex bot version ahead of or behind it): such a topic is a miss.
   */
  has(topic: TopicId): boolean;
  answer(topic: TopicId, lang: Lang): AnswerPieces;
  /** Referral group `id`'s pointer in `lang`; undefined when the content has no such group. */
  referral(id: string, lang: Lang): ReferralPieces | undefined;
}

/** What the bot says for another agency's matter: a short pointer and that agency's link. */
export interface ReferralPieces {
  answer: string;
  link: { label: string; url: string };
}

/** What the dialogue knows of the chat; set by the server, never by the client. */
export interface DialogueContext {
  lang: Lang;
  missesInRow: number;
  authenticated: boolean;
  /** Assurance of the bound identity, when authenticated. */
  assurance?: "low" | "substantial" | "high";
}

/** Topics whose answer can be the customer's own figures. */
export const PERSONAL_TOPICS = new Set<TopicId>(["tax-card", "tax-refund", "residual-tax"]);

export interface DialogueSettings {
  /** Below this confidence a recognition counts as a miss. */
  minConfidence: number;
  /** Misses in a row after which the customer is offered a person or another channel. */
  missesBeforeHandoffOffer: number;
}

export const DEFAULT_DIALOGUE_SETTINGS: DialogueSettings = {
  minConfidence: 0.5,
  missesBeforeHandoffOffer: 2,
};

/** The bot's reply to one recognised message. */
export interface DialogueTurn {
  messages: OutgoingMessage[];
  /** The answered topic; absent on a miss. */
  topic?: TopicId;
  /** The referral group answered with, for another agency's matter; never with a topic. */
  referral?: string;
  missed: boolean;
  /** Language the reply is written in (the customer's, when they wrote in the other one). */
  replyLang: Lang;
}

// Topics never offered as "did you mean" suggestions: they are not questions.
const NOT_SUGGESTED = new Set<string>([NO_INTENT, "greeting", "goodbye"]);

/**
 * Decides what the bot says to a recognised message: the topic's answer, another agency's
 * pointer for a referral (not a miss), or on a miss a
 * plain "did not understand" with the likeliest topics, and after repeated misses the other
 * channels. Pure: the same inputs always give the same turn.
 */
export function answerTurn(
  library: TopicLibrary,
  context: DialogueContext,
  recognition: Recognition,
  settings: DialogueSettings = DEFAULT_DIALOGUE_SETTINGS,
  /** The customer's own answer for a personal topic, already filled in; absent otherwise. */
  personalText?: string,
): DialogueTurn {
  const replyLang = recognition.detectedLang;
  const languageOffer = replyLang !== context.lang ? [switchLanguageOffer(replyLang)] : [];
  // A topic this content does not have counts as a miss: in AWS, Lex can move to a new
  // content version a few seconds before the answers follow it.
  const understood =
    recognition.intent !== NO_INTENT &&
    library.has(recognition.intent) &&
    recognition.confidence >= settings.minConfidence;

  if (understood) {
    const topic = recognition.intent as TopicId;
    const pieces = library.answer(topic, replyLang);
    const actions: MessageAction[] = pieces.links.map((link) => ({
      type: "link",
      label: link.label,
      url: link.url,
    }));
    if (pieces.action) actions.push(channelAction(pieces.action, replyLang));
    const quickReplies = pieces.followUps.map((id) => quickReply(library, id, replyLang));
    const personal = PERSONAL_TOPICS.has(topic);
    let text = pieces.paragraphs.join("\n\n");
    if (personal && personalText) {
      text = personalText;
    } else if (personal && context.authenticated && context.assurance === "low") {
      text = `${text}\n\n${phrase("assuranceTooLow", replyLang)}`;
      actions.unshift({ type: "login", label: phrase("logIn", replyLang) });
    } else if (personal && context.authenticated) {
      text = `${phrase("noPersonalData", replyLang)}\n\n${text}`;
    } else if (personal) {
      text = `${text}\n\n${phrase("logInForOwnData", replyLang)}`;
      actions.unshift({ type: "login", label: phrase("logIn", replyLang) });
    }
    return {
      topic,
      missed: false,
      replyLang,
      messages: [
        {
          from: "bot",
          text,
          topic,
          confidence: round(recognition.confidence),
          ...(quickReplies.length ? { quickReplies } : {}),
          ...(actions.length ? { actions } : {}),
        },
        ...languageOffer,
      ],
    };
  }

  // Another agency's matter is understood, just not ours: point there, with no miss and no
  // offer of our own advisors (who could not help with it either).
  const referral =
    recognition.intent === NO_INTENT && recognition.referral
      ? library.referral(recognition.referral, replyLang)
      : undefined;
  if (referral && recognition.referral) {
    return {
      referral: recognition.referral,
      missed: false,
      replyLang,
      messages: [
        {
          from: "bot",
          text: referral.answer.trim(),
          confidence: round(recognition.confidence),
          actions: [{ type: "link", label: referral.link.label, url: referral.link.url }],
        },
        ...languageOffer,
      ],
    };
  }

  const misses = context.missesInRow + 1;
  if (misses >= settings.missesBeforeHandoffOffer) {
    return {
      missed: true,
      replyLang,
      messages: [
        {
          from: "bot",
          text: phrase("offerOtherChannels", replyLang),
          confidence: round(recognition.confidence),
          actions: (["handoff", "callback", "appointment"] as const).map((a) =>
            channelAction(a, replyLang),
          ),
        },
        ...languageOffer,
      ],
    };
  }
  const suggestions = likelyTopics(recognition.alternatives, library).map((id) =>
    quickReply(library, id, replyLang),
  );
  return {
    missed: true,
    replyLang,
    messages: [
      {
        from: "bot",
        text: `${phrase("notUnderstood", replyLang)} ${phrase("askOneQuestion", replyLang)}${
          suggestions.length ? ` ${phrase("didYouMean", replyLang)}` : ""
        }`,
        confidence: round(recognition.confidence),
        ...(suggestions.length ? { quickReplies: suggestions } : {}),
      },
      ...languageOffer,
    ],
  };
}

/** What the bot says when the recogniser itself is down: the chat goes on with other channels. */
export function recognizerDownTurn(lang: Lang): DialogueTurn {
  return {
    missed: true,
    replyLang: lang,
    messages: [
      {
        from: "bot",
        text: phrase("recognizerDown", lang),
        actions: (["handoff", "callback", "appointment"] as const).map((a) =>
          channelAction(a, lang),
        ),
      },
    ],
  };
}

function likelyTopics(alternatives: IntentScore[], library: TopicLibrary): TopicId[] {
  return alternatives
    .filter((a) => !NOT_SUGGESTED.has(a.intent) && library.has(a.intent) && a.confidence > 0.05)
    .slice(0, 3)
    .map((a) => a.intent as TopicId);
}

function quickReply(library: TopicLibrary, topic: TopicId, lang: Lang): QuickReply {
  const title = library.answer(topic, lang).title;
  return { label: title, value: title };
}

function channelAction(action: "handoff" | "callback" | "appointment", lang: Lang): MessageAction {
  const label = {
    handoff: phrase("talkToPerson", lang),
    callback: phrase("requestCallback", lang),
    appointment: phrase("bookAppointment", lang),
  }[action];
  return { type: action, label };
}

function switchLanguageOffer(lang: Lang): OutgoingMessage {
  return {
    from: "bot",
    text: phrase("otherLanguageDetected", lang),
    actions: [{ type: "switch-language", label: phrase("switchToThis", lang), lang }],
  };
}

function round(confidence: number): number {
  return Math.round(confidence * 1000) / 1000;
}
