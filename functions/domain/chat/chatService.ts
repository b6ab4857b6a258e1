import { createHash } from "node:crypto";
import type { Lang } from "../../contracts/lang.ts";
import type { ChatMessage, ChatStateEvent } from "../../contracts/protocol.ts";
import {
  advisorsAwayFor,
  DEFAULT_DIALOGUE_SETTINGS,
  isSomethingElse,
  nextSteps,
  PERSONAL_TOPICS,
} from "../dialogue/answerTurn.ts";
import type { Bot } from "../dialogue/bot.ts";
import { phrase } from "../dialogue/phrases.ts";
import { type CustomerIdentity, canSeePersonalData } from "../identity/identity.ts";
import type { LearningEvents } from "../inbox/learningEvents.ts";
import type { AdvisorHours, Clock } from "../ports.ts";
import {
  containsPersonalData,
  type MaskResult,
  maskPersonalData,
} from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import { createSerialByKey } from "../serialByKey.ts";
import { type UnhelpfulVote, voteOnAnswer } from "./answerFeedback.ts";
import type { ChatStore } from "./chatStore.ts";
import {
  ChatEndedError,
  ChatNotFoundError,
  IdentityMismatchError,
  InvalidResumeTokenError,
} from "./errors.ts";
import type { IdGenerator } from "./ids.ts";
import {
  type Chat,
  type OutgoingMessage,
  type ServiceMessage,
  type StoredMessage,
  toChatMessage,
  writtenIn,
} from "./model.ts";
import type { ChatNotifier } from "./notifier.ts";
import { asShown } from "./personalAnswers.ts";
import { signInValid, withCurrentSignIn } from "./signIn.ts";
import { issueChatToken, parseChatToken, secretMatches } from "./tokens.ts";

export interface ChatServiceDeps {
  store: ChatStore;
  bot: Bot;
  notifier: ChatNotifier;
  clock: Clock;
  ids: IdGenerator;
  settings: {
    transcriptRetentionDays: number;
    surveyTokenTtlHours: number;
    /** The site search offered after a thumbs-down (the dialogue's, SITE_SEARCH_URL_*). */
    siteSearchUrl?: Record<Lang, string>;
  };
  /**
   * When a person can next join a chat (the opening hours of its language's queue): the
   * bot's replies that would offer one (a miss, "something else", the recogniser down, the
   * offer after a thumbs-down) offer one only while one can, and otherwise say when. Asked
   * only for those replies. Unset: a person is always offered.
   */
  advisorHours?: AdvisorHours;
  /** Counts answers and endings for supervisors' reports; never throws. */
  reports?: ReportRecorder;
  /** Tells the missed-question inbox what happened in the chat; never throws. */
  learning?: LearningEvents;
}

export interface StartedChat {
  chat: Chat;
  resumeToken: string;
  created: boolean;
  /**
   * Reads the messages the client has not seen yet (whole transcript, or after
   * lastMessageId). Call it once the connection receives the chat's live messages: a message
   * stored meanwhile then comes live, in the replay, or both (clients drop ids they have
   * shown), never in neither. Personal answers come as the neutral line unless the chat's
   * sign-in is current, or `signingIn` (the customer is signing in as its person on the way back).
   */
  replay(signingIn?: boolean): Promise<ChatMessage[]>;
}

export interface AcceptedMessage {
  chat: Chat;
  message: ChatMessage;
  /** True when this clientId was already stored; nothing new was written. */
  duplicate: boolean;
}

/** What routing needs to know of a bot turn. */
export interface BotTurnOutcome {
  topic?: string;
  missesInRow: number;
  /** The answered topic hands the chat to a person (BotTurn's `handsOver`). */
  handsOver: boolean;
  /** The answer itself said that advisors are away and offered the other channels. */
  saidAdvisorsAway?: boolean;
  /**
   * The language the bot answered in (a Swedish question in a Finnish chat: sv; a single
   * Swedish word in it, such as "tack": fi).
   */
  lang: Lang;
}

/**
 * Whether the customer asked for a person in words: a recognised topic whose answer hands
 * over (human-advisor, or a topic whose action is a handoff). A miss also offers a person,
 * as one choice among a callback and a booking; that is no request until the button is used.
 */
export function asksForPerson(turn: BotTurnOutcome): boolean {
  return turn.topic !== undefined && turn.handsOver;
}

export interface AskedMessage extends AcceptedMessage {
  /**
   * Settles once the bot's answer is stored and shown, after the question: the turn's
   * outcome, or undefined when the bot did not answer (the chat is not with the bot, or the
   * message was a resend). Rejects when the answer could not be stored.
   */
  answered: Promise<BotTurnOutcome | undefined>;
}

const NO_ANSWER: Promise<undefined> = Promise.resolve(undefined);

/**
 * A clientId as kept in the transcript and its sort key. The client chooses it, and one that
 * is an identity code or a phone number would sit unmasked in a key: such an id is kept as
 * its hash, which still finds a resend of the same message.
 */
export function clientIdAtRest(clientId: string): string {
  if (!containsPersonalData(clientId)) return clientId;
  return `h-${createHash("sha256").update(clientId).digest("hex").slice(0, 40)}`;
}

export type ChatService = ReturnType<typeof createChatService>;

/** Chat lifecycle and the customer's side of the conversation; transport-free. */
export function createChatService(deps: ChatServiceDeps) {
  const { store, bot, notifier, clock, ids } = deps;
  const settings = { siteSearchUrl: DEFAULT_DIALOGUE_SETTINGS.siteSearchUrl, ...deps.settings };
  /** A resend waits for the first copy to be stored, and then finds it. */
  const oncePerClientKey = createSerialByKey();

  function expiresAt(now: Date): number {
    return Math.floor(now.getTime() / 1000) + settings.transcriptRetentionDays * 86_400;
  }

  /**
   * Stores a message with personal data masked, and returns it as typed: the live
   * conversation shows what the person wrote, the transcript at rest never holds an identity
   * code, IBAN, phone number or e-mail address.
   */
  function stored(chatId: string, out: OutgoingMessage): StoredMessage {
    const now = clock.now();
    return {
      ...out,
      id: ids.messageId(now),
      chatId,
      at: now.toISOString(),
      expiresAt: expiresAt(now),
    };
  }

  /**
   * What is kept of a message: what people type is masked (a clientId that holds personal data
   * is hashed), the service's own words are not. `scanned` passes in scans already made.
   */
  function atRest(
    message: StoredMessage,
    scanned?: { masked: MaskResult; clientId: string | undefined },
  ): StoredMessage {
    if (message.from !== "customer" && message.from !== "advisor") return message;
    const text = (scanned?.masked ?? maskPersonalData(message.text)).text;
    const clientId = scanned
      ? scanned.clientId
      : message.clientId && clientIdAtRest(message.clientId);
    return { ...message, text, ...(clientId ? { clientId } : {}) };
  }

  /**
   * Stores the service's messages and then shows them, in order. They are stored together
   * (the adapter shares one write among everything stored in the same moment), and no one
   * sees a message before it is stored, nor before `after` (what must be shown first).
   */
  async function sayAll(
    chatId: string,
    outs: ServiceMessage[],
    after?: Promise<unknown>,
  ): Promise<ChatMessage[]> {
    const messages = outs.map((out) => stored(chatId, out));
    await Promise.all([...messages.map((m) => store.appendMessage(atRest(m))), after]);
    const shown = messages.map(toChatMessage);
    for (const message of shown) notifier.message(chatId, message);
    return shown;
  }

  /** Stores a message and tells everyone in the chat. */
  async function say(chatId: string, out: ServiceMessage): Promise<ChatMessage> {
    const [message] = await sayAll(chatId, [out]);
    return message as ChatMessage;
  }

  async function requireChat(chatId: string): Promise<Chat> {
    const chat = await store.getChat(chatId);
    if (!chat) throw new ChatNotFoundError();
    return chat;
  }

  function stateEvent(chat: Chat): ChatStateEvent {
    return { chatId: chat.chatId, state: chat.state, lang: chat.lang };
  }

  /**
   * The bot's turn on a customer message while the chat is with the bot: its answer is
   * stored with its state (in the same batch as the question, when the bot answers at once)
   * and shown after `question` is. `chat` is as read when the message was accepted; the
   * caller runs one message of a chat at a time, so the bot's state in it is the latest.
   */
  async function answer(
    chat: Chat,
    text: string,
    question: Promise<unknown>,
    kept: StoredMessage,
    typedPersonalData: boolean,
  ): Promise<BotTurnOutcome | undefined> {
    if (chat.state !== "bot") return undefined;
    const warning: ServiceMessage[] = typedPersonalData
      ? [{ from: "bot", text: phrase("personalDataWarning", chat.lang), lang: chat.lang }]
      : [];
    // "Something else" to the bot's which-one: the question that was about is read back (the
    // one kind of answer that reads the transcript, and a rare one), for the words of the site
    // search offered and for the inbox, which keeps it as a miss.
    const declined = isSomethingElse(text) ? await choiceOfferedFor(chat.chatId, kept) : undefined;
    // An expired sign-in answers as anonymous: general answer and the offer to sign in again.
    const turn = await bot.reply(
      withCurrentSignIn(chat, clock.now()),
      text,
      declined?.text,
      advisorsAwayFor(deps.advisorHours, chat.lang, clock),
    );
    const topicIsNew = turn.topic !== undefined && !chat.topics.includes(turn.topic);
    const topics = topicIsNew ? [...chat.topics, turn.topic as string] : chat.topics;
    const missesInRow = turn.missed ? chat.missesInRow + 1 : 0;
    // Every message of the turn keeps the language it is written in, and the answer (a
    // topic's, or another agency's pointer) the version it came from, so that feedback on it
    // counts against that version and in that language (not the chat's, when the bot answered
    // in the other one, nor the one the chat is switched to later; nor the question's, when
    // a single word of the other language was answered in the chat's).
    const lang = turn.lang ?? chat.lang;
    const answers = writtenIn(
      lang,
      turn.messages.map((m) =>
        (m.topic || m.referral) && turn.contentVersion
          ? { ...m, contentVersion: turn.contentVersion }
          : m,
      ),
    );
    await Promise.all([
      sayAll(chat.chatId, [...warning, ...answers], question),
      // Most answered turns change nothing of the bot's state; those write nothing for it.
      // The first also marks that the customer wrote, so the survey need not read the
      // transcript to find out (it nearly always changes the topics or misses anyway).
      topicIsNew || missesInRow !== chat.missesInRow || !chat.customerWrote
        ? store.saveBotState(chat, { topics, missesInRow, customerWrote: true })
        : undefined,
    ]);
    // The question as kept at rest (masked), never as typed.
    deps.learning?.answered({ chat, question: kept, turn, ...(declined ? { declined } : {}) });
    await deps.reports?.record({
      kind: "botAnswer",
      at: clock.now(),
      // Counted in the language answered in, as its votes are (the inbox files a question
      // under the language it is written in, which differs for a single word).
      lang,
      topic: turn.topic,
      missed: turn.missed,
      ...(turn.referral ? { referral: turn.referral } : {}),
    });
    return {
      ...(turn.topic ? { topic: turn.topic } : {}),
      missesInRow,
      handsOver: turn.handsOver === true,
      ...(turn.saidAdvisorsAway ? { saidAdvisorsAway: true } : {}),
      lang,
    };
  }

  /**
   * After a thumbs-down the customer is not left with a thank-you: the bot offers the ways
   * onward of its "something else" reply, in the answer's language, with the site search for
   * the question's words. A person is offered while one can join; otherwise the reply says
   * when advisors are next in, and offers the callback and the booking.
   */
  async function offerNextSteps({ chat, lang, question }: UnhelpfulVote): Promise<void> {
    await say(chat.chatId, {
      ...nextSteps(
        lang,
        settings,
        question?.text,
        advisorsAwayFor(deps.advisorHours, chat.lang, clock),
      ),
      lang,
    });
  }

  /**
   * The customer's question that the bot answered with "which one?" (offering "something
   * else"), when `reply` is the customer's next message; undefined otherwise.
   */
  async function choiceOfferedFor(
    chatId: string,
    reply: StoredMessage,
  ): Promise<StoredMessage | undefined> {
    // Ids sort in the order messages were stored; the reply may still be on its way.
    const before = (await store.listMessages(chatId)).filter((m) => m.id < reply.id);
    const asked = before.findLastIndex((m) => m.from === "customer");
    const offered = before
      .slice(asked + 1)
      .some((m) => m.from === "bot" && m.quickReplies?.some((q) => isSomethingElse(q.value)));
    return asked >= 0 && offered ? before[asked] : undefined;
  }

  /**
   * Stores a customer's or advisor's message once (idempotent per clientId) and shows it to
   * everyone in the chat; with `botAnswers`, the bot answers it too. One round trip reads the
   * chat, the bot's state and any earlier copy; the next stores the message and, when the
   * bot answers at once, its answer.
   */
  async function accept(
    chatId: string,
    from: "customer" | "advisor",
    input: { text: string; clientId?: string },
    botAnswers: boolean,
    admit?: (chat: Chat) => void,
  ): Promise<AskedMessage> {
    // The clientId and the text are each scanned for personal data once: the clientId for its
    // key and the kept copy, the text for the kept copy and the bot's warning.
    const keptClientId = input.clientId ? clientIdAtRest(input.clientId) : undefined;
    const clientKey = keptClientId ? `${from}:${keptClientId}` : undefined;
    const work = async (): Promise<AskedMessage> => {
      const [chat, earlier] = await Promise.all([
        requireChat(chatId),
        clientKey ? store.findClientMessage(chatId, clientKey) : undefined,
      ]);
      admit?.(chat);
      if (chat.state === "ended") throw new ChatEndedError();
      if (earlier) {
        return { chat, message: toChatMessage(earlier), duplicate: true, answered: NO_ANSWER };
      }
      // What people write is not analysed for its language: the chat's stands in.
      const message = stored(chatId, {
        from,
        text: input.text,
        clientId: input.clientId,
        lang: chat.lang,
      });
      // The live conversation shows what the person typed; the transcript keeps it masked.
      const masked = maskPersonalData(input.text);
      const kept = atRest(message, { masked, clientId: keptClientId });
      const shownMessage = toChatMessage(message);
      const shown = (
        clientKey ? store.putClientMessage(kept, clientKey) : store.appendMessage(kept)
      ).then(() => notifier.message(chatId, shownMessage));
      // Started before the question is stored, so that an answer ready at once shares its
      // write. Should the question's write fail after all retries while the answer's went
      // through, the transcript keeps an answer never shown; the customer is told to resend.
      const answered = botAnswers
        ? answer(chat, input.text, shown, kept, masked.kinds.length > 0)
        : NO_ANSWER;
      // Awaited by the caller only once the question is stored.
      answered.catch(() => undefined);
      await shown;
      return { chat, message: shownMessage, duplicate: false, answered };
    };
    return clientKey ? oncePerClientKey(`${chatId}\u0000${clientKey}`, work) : work();
  }

  return {
    /** Opens a new chat, or reattaches to the chat a valid resume token names. */
    async startChat(request: {
      lang: Lang;
      resumeToken?: string;
      lastMessageId?: string;
    }): Promise<StartedChat> {
      if (request.resumeToken) {
        const parsed = parseChatToken(request.resumeToken);
        if (!parsed) throw new InvalidResumeTokenError();
        const chat = await store.getChat(parsed.chatId);
        if (!chat || !secretMatches(parsed.secret, chat.resumeSecretHash)) {
          throw new InvalidResumeTokenError();
        }
        return {
          chat,
          resumeToken: request.resumeToken,
          created: false,
          replay: async (signingIn = false) => {
            const signedIn = signingIn || signInValid(chat, clock.now());
            return (await store.listMessages(chat.chatId, request.lastMessageId)).map((m) =>
              asShown(toChatMessage(m), signedIn, chat.lang),
            );
          },
        };
      }
      const chatId = ids.chatId();
      const issued = issueChatToken(chatId);
      const chat: Chat = {
        chatId,
        lang: request.lang,
        state: "bot",
        startedAt: clock.now().toISOString(),
        resumeSecretHash: issued.secretHash,
        topics: [],
        missesInRow: 0,
        handledBy: "bot",
        authenticated: false,
        expiresAt: expiresAt(clock.now()),
      };
      await store.createChat(chat);
      return { chat, resumeToken: issued.token, created: true, replay: async () => [] };
    },

    /**
     * Sends the bot's welcome into a freshly created chat; outside the advisors' hours it says
     * when they are next in.
     */
    async welcome(chat: Chat): Promise<void> {
      const away = advisorsAwayFor(deps.advisorHours, chat.lang, clock);
      await sayAll(chat.chatId, writtenIn(chat.lang, bot.welcome(chat.lang, away)));
    },

    /**
     * Stores an advisor's message once (idempotent per clientId) and shows it in the chat.
     * `admit` throws to refuse the message, given the chat as read for storing it.
     */
    async acceptAdvisorMessage(
      chatId: string,
      input: { text: string; clientId?: string },
      admit?: (chat: Chat) => void,
    ): Promise<AcceptedMessage> {
      const { answered: _none, ...accepted } = await accept(chatId, "advisor", input, false, admit);
      return accepted;
    },

    /**
     * Stores a customer's message once (idempotent per clientId), shows it, and lets the bot
     * answer it while the chat is with the bot. Resolves when the message is stored; its
     * `answered` when the answer is.
     */
    ask(chatId: string, input: { text: string; clientId?: string }): Promise<AskedMessage> {
      return accept(chatId, "customer", input, true);
    },

    /**
     * Binds a verified identity to the chat. A chat that already belongs to someone else is
     * refused, and nothing about either person is revealed.
     */
    async authenticate(chatId: string, identity: CustomerIdentity): Promise<Chat> {
      const chat = await requireChat(chatId);
      if (chat.state === "ended") throw new ChatEndedError();
      const signInExpiresAt = identity.expiresAt.toISOString();
      const bound = await store.bindIdentity(chatId, {
        subject: identity.subject,
        customerName: identity.name,
        assurance: identity.assurance,
        signInExpiresAt,
      });
      if (!bound) throw new IdentityMismatchError();
      const updated: Chat = {
        ...chat,
        authenticated: true,
        subject: identity.subject,
        customerName: identity.name,
        assurance: identity.assurance,
        signInExpiresAt,
      };
      // Signing in again after the sign-in expired is news to the customer, like the first.
      if (!signInValid(chat, clock.now())) {
        await say(chatId, {
          from: "system",
          text: phrase("authenticated", chat.lang),
          lang: chat.lang,
        });
      }
      return updated;
    },

    /**
     * Ends the chat's sign-in now, as if its ID token had expired: personal topics get the
     * general answer with the offer to sign in. The chat stays bound to its person, so the
     * same person may sign in again and another is still refused. Says so in the chat once;
     * a chat not signed in (never, or no longer) is left as it is.
     */
    async signOut(chatId: string): Promise<Chat> {
      const chat = await requireChat(chatId);
      const now = clock.now();
      const { subject, customerName, assurance } = chat;
      if (!signInValid(chat, now) || !subject || !assurance) return withCurrentSignIn(chat, now);
      const signInExpiresAt = now.toISOString();
      // The binding as it is, with its expiry brought to now: the one write that both keeps
      // the chat the person's and ends what the sign-in opened.
      await store.bindIdentity(chatId, {
        subject,
        customerName: customerName ?? "",
        assurance,
        signInExpiresAt,
      });
      if (chat.state !== "ended") {
        await say(chatId, {
          from: "system",
          text: phrase("signedOut", chat.lang),
          lang: chat.lang,
        });
      }
      return withCurrentSignIn({ ...chat, signInExpiresAt }, now);
    },

    /**
     * A sign-in refused as too weak for personal data: the chat goes on anonymous, is told
     * once why and which methods are strong enough, and its later personal answers name
     * those methods. A second weak attempt right after the first adds no second notice.
     */
    async refuseWeakSignIn(chatId: string): Promise<void> {
      const chat = await requireChat(chatId);
      if (chat.state === "ended") return;
      await store.markSignInTooWeak(chatId);
      const notice = phrase("signInTooWeak", chat.lang);
      const latest = (await store.listMessages(chatId)).at(-1);
      if (latest?.from === "system" && latest.text === notice) return;
      await say(chatId, { from: "system", text: notice, lang: chat.lang });
    },

    /**
     * After a sign-in strong enough for personal data: when the bot's latest answer was a
     * personal topic's general answer offering the sign-in, answers the customer's question
     * again, now with their own figures, so they need not ask twice. Nothing otherwise.
     */
    async answerAfterSignIn(chat: Chat): Promise<void> {
      if (chat.state !== "bot" || !chat.assurance) return;
      if (!canSeePersonalData({ assurance: chat.assurance })) return;
      const transcript = await store.listMessages(chat.chatId);
      const lastBot = transcript.findLastIndex((m) => m.from === "bot");
      const offer = transcript[lastBot];
      const offeredSignIn =
        offer?.topic !== undefined &&
        PERSONAL_TOPICS.has(offer.topic) &&
        offer.actions?.some((a) => a.type === "login");
      if (!offeredSignIn) return;
      const question = transcript.slice(0, lastBot).findLast((m) => m.from === "customer");
      if (!question) return;
      // The question as kept (masked): it names the topic, and personal data never mattered.
      const turn = await bot.reply(chat, question.text);
      // A recogniser that now reads the question otherwise gives no answer the customer did
      // not ask for; the question is not counted again in the reports either.
      if (turn.topic !== offer.topic) return;
      await sayAll(
        chat.chatId,
        writtenIn(
          turn.lang ?? chat.lang,
          turn.contentVersion
            ? turn.messages.map((m) =>
                m.topic ? { ...m, contentVersion: turn.contentVersion } : m,
              )
            : turn.messages,
        ),
      );
    },

    /** Switches the chat to the other national language and confirms it in that language. */
    async setLanguage(chatId: string, lang: Lang): Promise<void> {
      const chat = await requireChat(chatId);
      if (chat.state === "ended") throw new ChatEndedError();
      if (chat.lang === lang) return;
      await store.setLanguage(chatId, lang);
      await say(chatId, { from: "system", text: phrase("languageSwitched", lang), lang });
      notifier.state(stateEvent({ ...chat, lang }));
    },

    /**
     * Ends the chat (once, whoever asks first) and issues the survey token. The caller
     * acknowledges first and then calls `announce` to say so in the chat and ask for the survey.
     */
    async endChat(
      chatId: string,
      endedBy: "customer" | "advisor" | "inactivity",
    ): Promise<{ surveyToken: string; announce: () => Promise<void> }> {
      const chat = await requireChat(chatId);
      if (chat.state === "ended") throw new ChatEndedError();
      const now = clock.now();
      const survey = issueChatToken(chatId);
      const ended = await store.endChat(chatId, {
        endedAt: now.toISOString(),
        endedBy,
        surveySecretHash: survey.secretHash,
        surveyExpiresAt: new Date(
          now.getTime() + settings.surveyTokenTtlHours * 3_600_000,
        ).toISOString(),
      });
      if (!ended) throw new ChatEndedError();
      deps.learning?.ended(chat);
      await deps.reports?.record({
        kind: "chatEnded",
        at: now,
        lang: chat.lang,
        topic: chat.topics[0],
        handledBy: chat.handledBy === "advisor" ? "advisor" : "bot",
        authenticated: chat.authenticated,
        // Ended while waiting for a first advisor: an abandoned request for the supervisors.
        ...(chat.state === "queued" && chat.handledBy !== "advisor" ? { inQueue: true } : {}),
      });
      return {
        surveyToken: survey.token,
        announce: async () => {
          await say(chatId, {
            from: "system",
            text: phrase("chatEnded", chat.lang),
            lang: chat.lang,
          });
          notifier.state(stateEvent({ ...chat, state: "ended" }));
          notifier.surveyRequest(chatId, survey.token);
        },
      };
    },

    /**
     * Tells the customer, live only, that their stored message got no answer because the
     * service failed meanwhile (storage down): not stored, since storing is what failed, and a
     * reload no longer needs it. Never throws.
     */
    noticeAnswerFailed(chat: Chat): void {
      const now = clock.now();
      notifier.message(chat.chatId, {
        id: ids.messageId(now),
        chatId: chat.chatId,
        from: "system",
        text: phrase("answerFailed", chat.lang),
        lang: chat.lang,
        at: now.toISOString(),
        actions: [{ type: "callback", label: phrase("requestCallback", chat.lang) }],
        transient: true,
      });
    },

    /**
     * Records the customer's vote on a bot answer of the chat (a second vote replaces the
     * first); NotABotAnswerError for any other message id. When the vote turned the answer
     * unhelpful while the chat is with the bot, `offerNextSteps` says in the chat what the
     * customer can do next: the caller acknowledges the vote first, then calls it in line with
     * the chat's messages.
     */
    async feedback(
      chatId: string,
      messageId: string,
      helpful: boolean,
    ): Promise<{ offerNextSteps?: () => Promise<void> }> {
      const unhelpful = await voteOnAnswer(deps, chatId, messageId, helpful);
      // Not after the end, nor over a person's conversation.
      if (unhelpful?.chat.state !== "bot") return {};
      return { offerNextSteps: () => offerNextSteps(unhelpful) };
    },

    /** Says something in the chat in the service's own voice (system or bot), in `lang`. */
    post: say,

    /** The chat as personal-data paths may see it now: anonymous once its sign-in expired. */
    currentSignIn: (chat: Chat): Chat => withCurrentSignIn(chat, clock.now()),

    requireChat,
    stateEvent,
  };
}
