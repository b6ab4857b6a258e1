import type { TopicAction } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { MessageAction, QuickReply } from "../../contracts/protocol.ts";
import { NO_INTENT, type TopicId } from "../../contracts/topics.ts";
import { advisorsAwayUntil } from "../channelPhrases.ts";
import type { OutgoingMessage } from "../chat/model.ts";
import type { Assurance } from "../identity/identity.ts";
import type { AdvisorHours, Clock, IntentScore, Recognition } from "../ports.ts";
import { maskPersonalDataStrictly, withoutPlaceholders } from "../privacy/personalData.ts";
import { type DecisionSettings, decide } from "./decision.ts";
import { PHRASES, phrase } from "./phrases.ts";
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
  assurance?: Assurance;
  /** The bound identity's subject (the identity provider's `sub`), when authenticated. */
  subject?: string;
  /** When the bound sign-in ends (ISO instant): no personal answer after it, or without it. */
  signInExpiresAt?: string;
  /**
   * The customer tried to sign in in this chat with a method too weak for personal data:
   * personal answers then say which methods are strong enough, not just "log in" again.
   */
  signInTooWeak?: boolean;
  /**
   * The bot has already answered in this chat (a topic or a miss): a greeting then gets a
   * short reply instead of the bot introducing itself again. Absent means the first turn.
   */
  answeredBefore?: boolean;
  /**
   * The customer's message as typed: the site search offered on a miss searches with the
   * customer's own words (personal data removed first).
   */
  question?: string;
  /**
   * When the message answers the bot's "which one?" with "something else": the question the
   * bot asked that about, as kept (masked). The site search offered then searches with its
   * words, since "something else" says nothing of what the customer wants.
   */
  choiceQuestion?: string;
}

/** Topics whose answer can be the customer's own figures. */
export const PERSONAL_TOPICS = new Set<TopicId>(["tax-card", "tax-refund", "residual-tax"]);

export interface DialogueSettings extends DecisionSettings {
  /** Misses in a row after which the bot says so more plainly (it offers the channels always). */
  missesBeforeHandoffOffer: number;
  /**
   * The agency's own site search per language; `{query}` becomes the customer's words,
   * URL-encoded. Offered whenever the bot has no answer.
   */
  siteSearchUrl: Record<Lang, string>;
}

/**
 * Chosen for the embedded recogniser on bot-content/dev and bot-content/uncovered, over
 * eight training seeds (docs/recogniser.md): below 0.6 it answers too many questions no topic
 * covers, and a runner-up at 70 % of the best is close enough that asking costs less than a
 * wrong answer.
 */
export const DEFAULT_DIALOGUE_SETTINGS: DialogueSettings = {
  minConfidence: 0.6,
  moveMinConfidence: 0.5,
  clarifyRatio: 0.7,
  clarifyMinConfidence: 0.15,
  missesBeforeHandoffOffer: 2,
  siteSearchUrl: {
    fi: "https://www.vero.fi/haku/?q={query}",
    sv: "https://www.vero.fi/sv/sok/?q={query}",
  },
};

/**
 * What differs with Lex as the recogniser: its confidences are its own, not the embedded
 * model's probabilities, so the dialogue answers from Lex's fallback threshold on
 * (`LEX_CONFIDENCE_THRESHOLD` in infra/stage.ts). No Lex measurement was possible here;
 * `content:test -- --recogniser lex --thresholds` is how to choose it (docs/recogniser.md).
 */
export const LEX_DECISION_SETTINGS: Pick<DialogueSettings, "minConfidence"> = {
  minConfidence: 0.5,
};

/** The dialogue's settings for the confidences of `recogniser`. */
export function dialogueSettingsFor(recogniser: "embedded" | "lex"): DialogueSettings {
  return recogniser === "lex"
    ? { ...DEFAULT_DIALOGUE_SETTINGS, ...LEX_DECISION_SETTINGS }
    : DEFAULT_DIALOGUE_SETTINGS;
}

/**
 * For one chat at one moment: undefined while a person can join it, otherwise when one next
 * can, in `lang`'s words (the queue is the chat's language, the words the reply's). Asked only
 * by a reply that would offer a person; absent, a person is offered.
 */
export type AdvisorsAway = (lang: Lang) => string | undefined;

/** A chat's AdvisorsAway by `hours` for its `queue`; the clock is read only when asked. */
export function advisorsAwayFor(
  hours: AdvisorHours | undefined,
  queue: Lang,
  clock: Clock,
): AdvisorsAway | undefined {
  return hours && ((lang) => hours(queue, clock.now(), lang));
}

/** The bot's reply to one recognised message. */
export interface DialogueTurn {
  messages: OutgoingMessage[];
  /** The answered topic; absent on a miss. */
  topic?: TopicId;
  /** The referral group answered with, for another agency's matter; never with a topic. */
  referral?: string;
  /**
   * The two topics the bot asked the customer to choose between, when it was unsure: its
   * first two quick replies, in this order.
   */
  clarified?: [TopicId, TopicId];
  /**
   * The answered topic hands the chat to a person (its action is `handoff`): routing starts by
   * itself, whether or not the answer carries the person button.
   */
  handsOver?: true;
  /**
   * With `handsOver`, outside the advisors' hours: the answer already says that no one can
   * join, when they are next in and the other channels, so routing adds no message of its own.
   */
  saidAdvisorsAway?: true;
  missed: boolean;
  /** Language the reply is written in (the customer's, when they wrote in the other one). */
  replyLang: Lang;
}

// Topics never offered as "did you mean" suggestions: they are not questions.
const NOT_SUGGESTED = new Set<string>([NO_INTENT, "greeting", "goodbye"]);

/**
 * Decides what the bot says to a recognised message (decision.ts): the topic's answer; a
 * question when two topics are about equally likely; another agency's pointer for a
 * referral (not a miss); or, when no topic fits, an honest "no answer" with the site search,
 * a person (outside the advisors' hours, when they are next in), a callback and a booking.
 * Pure: the same inputs always give the same turn.
 */
export function answerTurn(
  library: TopicLibrary,
  context: DialogueContext,
  recognition: Recognition,
  settings: DialogueSettings = DEFAULT_DIALOGUE_SETTINGS,
  /** The customer's own answer for a personal topic, already filled in; absent otherwise. */
  personalText?: string,
  advisorsAway?: AdvisorsAway,
): DialogueTurn {
  const replyLang = replyLanguage(context, recognition);
  const languageOffer = replyLang !== context.lang ? [switchLanguageOffer(replyLang)] : [];
  if (context.question !== undefined && isSomethingElse(context.question)) {
    // No guess: the other ways onward, the search with the words of the question it was about.
    return {
      missed: false,
      replyLang,
      messages: [
        nextSteps(replyLang, settings, context.choiceQuestion, advisorsAway),
        ...languageOffer,
      ],
    };
  }
  const decision = decide(recognition, (topic) => library.has(topic), settings);

  if (decision.kind === "answer") {
    const topic = decision.topic;
    const pieces = library.answer(topic, replyLang);
    const actions: MessageAction[] = pieces.links.map((link) => ({
      type: "link",
      label: link.label,
      url: link.url,
    }));
    // A topic that hands over starts routing by itself. Outside the advisors' hours its answer
    // is routing's whole outcome at once: the hours, when they are next in and the other
    // channels, with no person button or follow-ups. Its usual "let me check" would be
    // followed by a second message saying there is no one to check for.
    let asked = false;
    let awayUntil: string | undefined;
    const away = () => {
      if (!asked) awayUntil = advisorsAway?.(replyLang);
      asked = true;
      return awayUntil;
    };
    const isAway = () => away() !== undefined;
    const closed = pieces.action === "handoff" && isAway();
    // A topic that hands over has asked for the person already: a button for one under its
    // answer would ask again and do nothing the customer could see.
    if (pieces.action && pieces.action !== "handoff") {
      actions.push(channelAction(pieces.action, replyLang));
    }
    // Nor a follow-up to a topic that hands over ("Asiakasneuvoja" under the callback's
    // answer): outside the hours it would only lead to the closed message.
    const leadsToPerson = (id: TopicId) => library.answer(id, replyLang).action === "handoff";
    const followUps = closed
      ? []
      : pieces.followUps.some(leadsToPerson) && isAway()
        ? pieces.followUps.filter((id) => !leadsToPerson(id))
        : pieces.followUps;
    const quickReplies = followUps.map((id) => quickReply(library, id, replyLang));
    const personal = PERSONAL_TOPICS.has(topic);
    // A current strong sign-in outweighs an earlier weak attempt in the same chat.
    const weakSignIn = context.authenticated
      ? context.assurance === "low"
      : context.signInTooWeak === true;
    let text = pieces.paragraphs.join("\n\n");
    /** The answer tells the signed-in customer about their own taxes (even "none found"). */
    let ownData = false;
    if (closed) {
      text = sentences(
        phrase("advisorHours", replyLang),
        advisorsAwayUntil(away() as string, replyLang),
        phrase("otherChannels", replyLang),
      );
      actions.push(channelAction("callback", replyLang), channelAction("appointment", replyLang));
    } else if (topic === "greeting" && context.answeredBefore) {
      text = phrase("greetAgain", replyLang);
    } else if (personal && personalText) {
      text = personalText;
      ownData = true;
    } else if (personal && weakSignIn) {
      text = `${text}\n\n${phrase("strongSignInForOwnData", replyLang)}`;
      actions.unshift({ type: "login", label: phrase("logIn", replyLang) });
    } else if (personal && context.authenticated) {
      text = `${phrase("noPersonalData", replyLang)}\n\n${text}`;
      ownData = true;
    } else if (personal) {
      text = `${text}\n\n${phrase("logInForOwnData", replyLang)}`;
      actions.unshift({ type: "login", label: phrase("logIn", replyLang) });
    }
    return {
      topic,
      missed: false,
      replyLang,
      ...(pieces.action === "handoff" ? { handsOver: true as const } : {}),
      ...(closed ? { saidAdvisorsAway: true as const } : {}),
      messages: [
        {
          from: "bot",
          text,
          topic,
          confidence: round(recognition.confidence),
          ...(quickReplies.length ? { quickReplies } : {}),
          ...(actions.length ? { actions } : {}),
          ...(ownData ? { personal: true as const } : {}),
        },
        ...languageOffer,
      ],
    };
  }

  if (decision.kind === "clarify") {
    // Neither answer is given: a wrong topic's text is worse than one more question.
    const quickReplies = [
      ...decision.topics.map((id) => quickReply(library, id, replyLang)),
      { label: phrase("somethingElse", replyLang), value: phrase("somethingElse", replyLang) },
    ];
    return {
      missed: false,
      clarified: decision.topics,
      replyLang,
      messages: [
        {
          from: "bot",
          text: phrase("whichOne", replyLang),
          confidence: round(recognition.confidence),
          quickReplies,
        },
        ...languageOffer,
      ],
    };
  }

  // Another agency's matter is understood, just not ours: point there, with no miss and no
  // offer of our own advisors (who could not help with it either).
  const referral =
    decision.kind === "referral" ? library.referral(decision.group, replyLang) : undefined;
  if (referral && decision.kind === "referral") {
    return {
      referral: decision.group,
      missed: false,
      replyLang,
      messages: [
        {
          from: "bot",
          text: referral.answer.trim(),
          // Named on the message, so the customer can vote on it as on a topic's answer.
          referral: decision.group,
          confidence: round(recognition.confidence),
          actions: [{ type: "link", label: referral.link.label, url: referral.link.url }],
        },
        ...languageOffer,
      ],
    };
  }

  // No topic fits: say so, and point to where an answer may be (the site search with the
  // customer's own words, a person, a callback, a booking) rather than guess.
  const misses = context.missesInRow + 1;
  const plainly = misses >= settings.missesBeforeHandoffOffer;
  const suggestions = plainly
    ? []
    : likelyTopics(recognition.alternatives, library, settings).map((id) =>
        quickReply(library, id, replyLang),
      );
  const onward = channelsOnward(replyLang, advisorsAway);
  const lead = plainly
    ? phrase(onward.away ? "offerOtherChannelsNoPerson" : "offerOtherChannels", replyLang)
    : phrase("noAnswer", replyLang);
  // A customer writing English may read neither national language: the agency's English
  // pages are where an answer is, so they come first, named in English too.
  const english = recognition.foreign === "en";
  return {
    missed: true,
    replyLang,
    messages: [
      {
        from: "bot",
        // "Did you mean" last, right above the topics it asks about.
        text: sentences(
          lead,
          onward.away,
          english ? phrase("inEnglish", replyLang) : undefined,
          suggestions.length ? phrase("didYouMean", replyLang) : undefined,
        ),
        confidence: round(recognition.confidence),
        ...(suggestions.length ? { quickReplies: suggestions } : {}),
        actions: [
          ...(english ? [englishServiceAction(replyLang)] : []),
          siteSearchAction(settings, replyLang, context.question),
          ...onward.actions,
        ],
      },
      ...languageOffer,
    ],
  };
}

/**
 * The language the bot answers a recognised message in: the one it is written in, unless
 * that would take the chat's language away on a single word. One word of the other language
 * ("Kela", "OmaVero", "moi", "tack", "verokortti") is how bilingual customers name things,
 * greet and thank in either language, not a choice of language: it is recognised in its own
 * language (so "verokortti" still finds the tax card) and answered in the chat's, with no
 * offer to switch. Two words or more clearly in the other language are answered in it.
 * Without the question's words (`context.question`), the recogniser's language stands.
 */
export function replyLanguage(
  context: Pick<DialogueContext, "lang" | "question">,
  recognition: Pick<Recognition, "detectedLang">,
): Lang {
  if (recognition.detectedLang === context.lang) return context.lang;
  if (context.question !== undefined && wordsIn(context.question) < 2) return context.lang;
  return recognition.detectedLang;
}

/**
 * Words as the customer typed them: runs between spaces with a letter in them, so that
 * "Kela:n", "e-lasku" and "OmaVero?" are one word each and a year or "???" none.
 */
function wordsIn(text: string): number {
  return text.split(/\s+/u).filter((part) => /\p{L}/u.test(part)).length;
}

/**
 * The channels a reply offers where the bot has no answer (a miss, "something else", the
 * recogniser down, the offer after a thumbs-down): a person while one can join; otherwise a
 * callback and a booking, and `away`, the sentence saying when advisors are next in. With a
 * topic that hands over, the only places that ask `advisorsAway`, so other replies never pay
 * for asking.
 */
function channelsOnward(
  lang: Lang,
  advisorsAway: AdvisorsAway | undefined,
): { actions: MessageAction[]; away?: string } {
  const when = advisorsAway?.(lang);
  if (when === undefined) {
    return {
      actions: (["handoff", "callback", "appointment"] as const).map((a) => channelAction(a, lang)),
    };
  }
  return {
    actions: (["callback", "appointment"] as const).map((a) => channelAction(a, lang)),
    away: advisorsAwayUntil(when, lang),
  };
}

function sentences(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined).join(" ");
}

/**
 * What the bot offers when none of what it said fits: to ask again in other words, the site
 * search with `question`'s words (personal data removed), a person (outside the advisors'
 * hours, when they are next in), a callback, a booking.
 */
export function nextSteps(
  lang: Lang,
  settings: Pick<DialogueSettings, "siteSearchUrl">,
  question?: string,
  advisorsAway?: AdvisorsAway,
): OutgoingMessage {
  const onward = channelsOnward(lang, advisorsAway);
  return {
    from: "bot",
    text: sentences(phrase("rephrase", lang), onward.away),
    actions: [siteSearchAction(settings, lang, question), ...onward.actions],
  };
}

/** Whether `text` is the "something else" choice of the bot's "which one?" question. */
export function isSomethingElse(text: string): boolean {
  const said = text.trim().toLocaleLowerCase("fi");
  return Object.values(PHRASES.somethingElse).some((p) => p.toLocaleLowerCase("fi") === said);
}

// Long enough for any question; a search URL should not carry a pasted document.
const MAX_QUERY_LENGTH = 200;

/** A link to the agency's site search with the customer's words, personal data removed. */
function siteSearchAction(
  settings: Pick<DialogueSettings, "siteSearchUrl">,
  lang: Lang,
  question?: string,
): MessageAction {
  const words = question
    ? withoutPlaceholders(maskPersonalDataStrictly(question)).slice(0, MAX_QUERY_LENGTH)
    : "";
  return {
    type: "link",
    label: phrase("searchSite", lang),
    url: settings.siteSearchUrl[lang].replace("{query}", encodeURIComponent(words)),
  };
}

/** What the bot says when the recogniser itself is down: the chat goes on with other channels. */
export function recogniserDownTurn(lang: Lang, advisorsAway?: AdvisorsAway): DialogueTurn {
  const onward = channelsOnward(lang, advisorsAway);
  return {
    missed: true,
    replyLang: lang,
    messages: [
      {
        from: "bot",
        text: sentences(
          phrase(onward.away ? "recogniserDownNoPerson" : "recogniserDown", lang),
          onward.away,
        ),
        actions: onward.actions,
      },
    ],
  };
}

/**
 * The topics a miss suggests ("did you mean"): a suggestion is a choice offered like the
 * which-one's, so the same floor holds. At 0.05 a question about tips was offered crypto
 * assets; on bot-content/tests the floor of 0.15 keeps 57 of the 60 right suggestions among
 * 71 missed topic questions and halves those on out-of-scope messages (36 of 103 to 16).
 */
function likelyTopics(
  alternatives: IntentScore[],
  library: TopicLibrary,
  settings: DecisionSettings,
): TopicId[] {
  return alternatives
    .filter(
      (a) =>
        !NOT_SUGGESTED.has(a.intent) &&
        library.has(a.intent) &&
        a.confidence >= settings.clarifyMinConfidence,
    )
    .slice(0, 3)
    .map((a) => a.intent as TopicId);
}

function quickReply(library: TopicLibrary, topic: TopicId, lang: Lang): QuickReply {
  const title = library.answer(topic, lang).title;
  return { label: title, value: title };
}

function channelAction(action: TopicAction, lang: Lang): MessageAction {
  const label = {
    handoff: phrase("talkToPerson", lang),
    callback: phrase("requestCallback", lang),
    appointment: phrase("bookAppointment", lang),
    "change-appointment": phrase("changeAppointment", lang),
    "end-chat": phrase("endChat", lang),
  }[action];
  return { type: action, label };
}

/** The agency's pages in English (its own address, on the link allow-list). */
export const ENGLISH_SERVICE_URL = "https://www.vero.fi/en/";

function englishServiceAction(lang: Lang): MessageAction {
  return { type: "link", label: phrase("englishService", lang), url: ENGLISH_SERVICE_URL };
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
