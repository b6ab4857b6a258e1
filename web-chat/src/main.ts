import type { Lang } from "../../functions/contracts/lang.ts";
import type {
  Ack,
  ChatMessage,
  ChatStateEvent,
  MessageAction,
} from "../../functions/contracts/protocol.ts";
import { CONVERSATION_MOVES } from "../../functions/contracts/topics.ts";
import { rateLimitedMessage } from "../../functions/domain/limits/requestLimits.ts";
import { ChatClient, canResend, type Pending } from "./chatClient.ts";
import { h } from "./dom.ts";
import { UI, type UiText, whyNotSent } from "./i18n.ts";
import { shownText } from "./maskedText.ts";
import { placeAdded, scrollTopShowing } from "./scrolling.ts";
import { FULL_SCREEN, STYLES } from "./styles.ts";
import { downloadTranscript } from "./transcript.ts";
import {
  countsAsUnread,
  isNews,
  launcherParts,
  NOTHING_UNREAD,
  type Unread,
  unreadNotice,
} from "./unread.ts";
import { answerFeedback, asksForVote } from "./views/answerFeedback.ts";
import { appointmentChangeForm } from "./views/appointmentChange.ts";
import { appointmentForm, callbackForm } from "./views/contactForms.ts";
import { type FormValues, formValues, restoreValues } from "./views/formFields.ts";
import { surveyForm } from "./views/survey.ts";

const OPEN_KEY = "asiointi-chat-open";
const MOVES: ReadonlySet<string> = new Set(CONVERSATION_MOVES);
/** The newest message id the customer has had in front of them (the panel open). */
const SEEN_KEY = "asiointi-chat-seen";
/** Messages of one turn arrive close together: the minimised chat says them once. */
const UNREAD_NOTICE_MS = 500;

/** The language a UI text set is in ("fi-FI" → "fi"). */
const langOf = (t: UiText): Lang => t.locale.slice(0, 2) as Lang;
const otherLang = (lang: Lang): Lang => (lang === "fi" ? "sv" : "fi");
/** An advisor's "typing" that never got its "stopped" (a dropped event) fades after this. */
const TYPING_FADE_MS = 15_000;
/** The customer counts as typing until this long after the last key. */
const TYPING_IDLE_MS = 3_000;

/**
 * Embeds the chat: `<script src=".../web-chat.js" data-lang="sv">`. Everything lives in one
 * shadow root, so the host page's styles and scripts are untouched; the only global is
 * `window.AsiointiChat`. Optional `data-login-url`: the identification page (the local
 * identity provider's `/dev/login` by default).
 */
function mount(script: HTMLScriptElement | null): void {
  if (document.getElementById("asiointi-chat")) return;
  const requested: Lang = script?.dataset.lang === "sv" ? "sv" : "fi";
  const origin = script?.src ? new URL(script.src).origin : location.origin;
  const loginUrl = new URL(script?.dataset.loginUrl ?? "/dev/login", origin);

  // An <aside> landmark: the launcher is findable by landmark navigation on any host page.
  const host = h("aside", { id: "asiointi-chat" });
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  root.append(h("style", {}, STYLES));

  let text: UiText = UI[requested];
  let state: ChatStateEvent | undefined;
  let lastTopic: string | undefined;
  let openForm: "callback" | "appointment" | "change-appointment" | "survey" | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let ownTypingTimer: ReturnType<typeof setTimeout> | undefined;

  const launcherText = h("span", {});
  // The count is seen on the badge and heard with its words around it.
  const badgeCount = h("span", { class: "badge" });
  const badgeWords = h("span", { class: "visually-hidden" });
  const badge = h("span", { hidden: true }, badgeCount, badgeWords);
  const launcher = h(
    "button",
    { class: "launcher", type: "button", "aria-haspopup": "dialog" },
    launcherText,
    badge,
  );
  // Outside the panel: a live region inside it says nothing while it is hidden.
  const minimisedNotice = h("p", { class: "visually-hidden", role: "status" });
  const title = h("h2", { id: "chat-title" });
  const advisorLine = h("p", { class: "subtitle" });
  const switchButton = h("button", { type: "button", class: "switch" });
  const closeButton = h(
    "button",
    { type: "button", class: "close" },
    h("span", { "aria-hidden": "true" }, "×"),
  );
  // While signed in: as whom (a shared computer), and the way out. Said once as it appears
  // (announce), not a live region: a language switch relabels it without a word.
  const signedInText = h("p", {});
  const signOutButton = h("button", { type: "button", class: "sign-out" });
  const signedInBar = h(
    "div",
    { class: "signed-in", hidden: true, "data-testid": "signed-in" },
    signedInText,
    signOutButton,
  );
  let signedInName: string | undefined;
  const status = h("p", { class: "status", role: "status" });
  // Short confirmations (a vote's thanks) that no visible line carries.
  const announcer = h("p", { class: "visually-hidden", role: "status" });
  const queueText = h("p", { role: "status" });
  const leaveButton = h("button", { type: "button", class: "secondary" });
  const queueBox = h("div", { class: "queue", hidden: true }, queueText, leaveButton);
  // Not a live region itself: it would read the customer's own echo and every button of an
  // answer. `speech` says what the service says, as text.
  const log = h("ol", { class: "log" });
  const speech = h("div", {
    class: "visually-hidden",
    "aria-live": "polite",
    "aria-relevant": "additions",
  });
  const pendingList = h("ol", { class: "log pending-list", "aria-hidden": "true" });
  // Messages the server refused: not transient like "sending", so read like the rest.
  const refusedList = h("ol", { class: "log pending-list" });
  const formArea = h("div", { class: "form-area" });
  const body = h(
    "div",
    { class: "body", tabindex: "0", role: "region" },
    log,
    pendingList,
    refusedList,
    formArea,
  );
  const typingLine = h("p", { class: "typing", hidden: true });
  const privacy = h("p", { class: "privacy", id: "chat-privacy" });
  const inputLabel = h("label", { for: "chat-input", class: "visually-hidden" });
  // The privacy line describes the field, also where a low screen folds it away.
  const input = h("textarea", {
    id: "chat-input",
    rows: "1",
    maxlength: "2000",
    "aria-describedby": "chat-privacy",
  });
  const sendButton = h("button", { type: "submit", class: "primary" });
  // Shown only on a low screen (styles.ts): unfolds the privacy line.
  const privacyButton = h(
    "button",
    { type: "button", class: "info", "aria-expanded": "false", "aria-controls": "chat-privacy" },
    h("span", { "aria-hidden": "true" }, "i"),
  );
  const compose = h("form", { class: "compose" }, inputLabel, input, privacyButton, sendButton);
  const downloadButton = h("button", { type: "button", class: "secondary" });
  const endButton = h("button", { type: "button", class: "secondary end" });
  const footer = h("div", { class: "actions footer" }, downloadButton, endButton);
  const panel = h(
    "div",
    {
      class: "panel",
      role: "dialog",
      "aria-labelledby": "chat-title",
      hidden: true,
    },
    h("header", {}, h("div", { class: "titles" }, title, advisorLine), switchButton, closeButton),
    signedInBar,
    status,
    announcer,
    speech,
    queueBox,
    body,
    typingLine,
    privacy,
    compose,
    footer,
  );
  // After the panel: its connection line stays the first status region.
  root.append(launcher, panel, minimisedNotice);
  let unread: Unread = NOTHING_UNREAD;
  let unreadTimer: ReturnType<typeof setTimeout> | undefined;
  let seenUpTo: string | undefined;
  /** The first message that came while minimised: opening shows the log from it. */
  let firstUnread: HTMLElement | undefined;
  /** The start of a long answer that the log keeps in view (see placeAdded). */
  let keptStart: number | undefined;
  try {
    seenUpTo = sessionStorage.getItem(SEEN_KEY) ?? undefined;
  } catch {
    // Without storage a reload counts nothing until the chat is opened again.
  }

  const client = new ChatClient(origin, requested, {
    message: (m, before) => showMessage(m, before),
    state: (s) => showState(s),
    connection: (c, reason) => {
      panel.dataset.connection = c;
      status.textContent =
        c === "online"
          ? ""
          : c === "connecting"
            ? text.connecting
            : reason === "busy"
              ? text.startRefused
              : text.reconnecting;
    },
    survey: () => showSurvey(),
    typing: (typing) => showTyping(typing),
    // Signed in: every "sign in" offered so far has done its job.
    signedIn: (signedIn, { name, hidden }) => {
      for (const button of log.querySelectorAll<HTMLButtonElement>(
        '.replies:not(.retired) button[data-action="login"]',
      )) {
        button.disabled = signedIn;
      }
      showSignedIn(signedIn ? (name ?? "") : undefined);
      for (const id of hidden) hidePersonal(id);
    },
    pending: (pending) => {
      const newlyRefused = pending.find((p) => p.refused && !shownRefused.has(p.clientId));
      // Only what is added goes to the end: a message acknowledged after the answer to it
      // came must not scroll the answer's start away.
      const added = pending.length > outbox.length || newlyRefused;
      outbox = pending;
      showPending();
      if (added) {
        keptStart = undefined;
        scrollToEnd();
      }
      // The list is no live region (it is redrawn whole): the refusal is said once, here.
      if (newlyRefused?.refused) announce(whyNotSent(newlyRefused.refused, text));
    },
  });
  let outbox: Pending[] = [];
  const shownRefused = new Set<string>();

  /** The outbox: "sending" for what waits, and each refused message with why and a resend. */
  function showPending(): void {
    pendingList.replaceChildren(
      ...outbox
        .filter((p) => !p.refused)
        .map((p) =>
          h(
            "li",
            { class: "msg customer pending", lang: client.lang },
            h("span", { class: "who" }, text.sending),
            p.text,
          ),
        ),
    );
    shownRefused.clear();
    refusedList.replaceChildren(
      ...outbox.flatMap((p) => {
        if (!p.refused) return [];
        shownRefused.add(p.clientId);
        const why = whyNotSent(p.refused, text);
        const item = h(
          "li",
          { class: "msg customer pending refused", lang: langOf(text) },
          h("span", { class: "who" }, text.notSent),
          p.text,
          h("span", { class: "why" }, why),
        );
        if (canResend(p.refused)) {
          const again = h("button", { type: "button", class: "reply" }, text.resend);
          again.addEventListener("click", () => {
            client.retry(p.clientId);
            input.focus();
          });
          item.append(h("div", { class: "replies" }, again));
        }
        return [item];
      }),
    );
  }
  text = UI[client.lang];

  function label(): void {
    // The UI's language: the chat's, or after the end the one the customer switched to.
    const lang = langOf(text);
    host.setAttribute("lang", lang);
    host.setAttribute("aria-label", text.title);
    showUnread();
    title.textContent = text.heading;
    switchButton.textContent = text.switchTo;
    switchButton.setAttribute("lang", otherLang(lang));
    closeButton.setAttribute("aria-label", text.close);
    body.setAttribute("aria-label", text.conversation);
    privacy.textContent = text.privacy;
    privacyButton.setAttribute("aria-label", text.privacyInfo);
    inputLabel.textContent = text.input;
    input.setAttribute("placeholder", text.input);
    sendButton.textContent = text.send;
    endButton.textContent = text.end;
    downloadButton.textContent = text.download;
    leaveButton.textContent = text.leaveQueue;
    typingLine.textContent = text.advisorTyping;
    labelSignedIn();
    // What is waiting or was refused is said in the UI's language, which may have switched.
    showPending();
  }

  /** The signed-in strip under the header, for `name`; without it, gone. */
  function showSignedIn(name: string | undefined): void {
    const appears = name !== undefined && signedInBar.hidden;
    const hadFocus = signedInBar.contains(root.activeElement);
    signedInName = name;
    signedInBar.hidden = name === undefined;
    labelSignedIn();
    if (appears) announce(signedInText.textContent ?? "");
    // Its button went with it: the customer goes on where they write.
    if (hadFocus && name === undefined) input.focus();
  }

  function labelSignedIn(): void {
    // A name-less token (the provider sent none) still says that the chat is signed in.
    signedInText.textContent = text.signedInAs(signedInName || "–");
    signOutButton.textContent = text.signOut;
  }

  /**
   * A personal answer shown as a replay now shows it: the neutral line (from the transcript,
   * already changed) in place of the figures. What the screen reader was read goes too.
   */
  function hidePersonal(id: string): void {
    const item = log.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    const message = client.transcript.find((m) => m.id === id);
    const said = item && Array.from(item.childNodes).find((n) => n.nodeType === Node.TEXT_NODE);
    if (said && message) said.textContent = message.text;
    speech.replaceChildren();
  }

  function showUnread(): void {
    const { shown, words } = launcherParts(text, unread);
    // The dash before the count is seen too: a hidden one would be heard after a space.
    launcherText.textContent = shown;
    badgeCount.textContent = String(unread.messages);
    badgeWords.textContent = ` ${words}`;
    badge.hidden = !unread.messages;
  }

  /** Something came while minimised: on the launcher at once, said once the turn is in. */
  function addUnread(more: Partial<Unread>): void {
    unread = {
      messages: unread.messages + (more.messages ?? 0),
      advisorJoined: unread.advisorJoined || Boolean(more.advisorJoined),
    };
    showUnread();
    clearTimeout(unreadTimer);
    // Emptied first, so that the same words after a second turn are said again.
    minimisedNotice.textContent = "";
    unreadTimer = setTimeout(() => {
      minimisedNotice.textContent = unreadNotice(text, unread);
    }, UNREAD_NOTICE_MS);
  }

  function clearUnread(): void {
    clearTimeout(unreadTimer);
    unread = NOTHING_UNREAD;
    minimisedNotice.textContent = "";
    showUnread();
  }

  /** The customer has had messages up to `id` in front of them. */
  function seen(id: string): void {
    if (seenUpTo !== undefined && id <= seenUpTo) return;
    seenUpTo = id;
    try {
      sessionStorage.setItem(SEEN_KEY, id);
    } catch {
      // See above.
    }
  }

  function scrollToEnd(): void {
    body.scrollTop = body.scrollHeight;
  }

  /** Where `item` starts in the log's scrolled content. */
  function startOf(item: HTMLElement): number {
    return item.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
  }

  /** Scrolls to show a message just added last (hidden, nothing can be measured). */
  function place(item: HTMLElement, from: ChatMessage["from"]): void {
    if (panel.hidden) return;
    const added = { from, top: startOf(item), height: item.getBoundingClientRect().height };
    const placed = placeAdded(body, added, keptStart);
    keptStart = placed.kept;
    body.scrollTop = placed.scrollTop;
  }

  function showMessage(m: ChatMessage, before?: string): void {
    const next = before ? log.querySelector(`li[data-id="${CSS.escape(before)}"]`) : null;
    // An older message from a replay says nothing about what the chat is about now, and a
    // move in the conversation (the callback's own answer) is not what it is about.
    if (m.topic && !next && !MOVES.has(m.topic)) {
      lastTopic = m.topic;
    }
    // Labelled and marked in the language the message is written in, so that a screen reader
    // reads it (and "who said it") in that voice, also after the chat switched language. An
    // old message the server kept no language for takes the chat's.
    const said = m.lang ? UI[m.lang] : text;
    const who = { customer: said.you, bot: said.bot, advisor: said.advisor, system: said.system }[
      m.from
    ];
    const item = h(
      "li",
      { class: `msg ${m.from}`, "data-id": m.id, ...(m.lang ? { lang: m.lang } : {}) },
      h("span", { class: "who" }, who),
      shownText(m.text, said),
    );
    const choices: HTMLElement[] = [];
    for (const reply of m.quickReplies ?? []) {
      const b = h("button", { type: "button", class: "reply" }, reply.label);
      b.addEventListener("click", () => {
        retireReplies();
        client.send(reply.value);
      });
      choices.push(b);
    }
    for (const action of m.actions ?? []) {
      const control = actionControl(action);
      if (control) choices.push(control);
    }
    if (choices.length) item.append(h("div", { class: "replies" }, ...choices));
    // A replay starts answers unvoted.
    if (asksForVote(m)) {
      item.append(
        answerFeedback({
          text: said,
          vote: (helpful, held) => client.feedback(m.id, helpful, held),
          announce: (thanks) => announce(thanks, said),
        }),
      );
    }
    const news = isNews(m, seenUpTo);
    if (panel.hidden) {
      if (countsAsUnread(m) && news) {
        addUnread({ messages: 1 });
        firstUnread ??= item;
      }
    } else {
      seen(m.id);
      if (news && m.from !== "customer")
        speak(`${who}: ${shownText(m.text, said)}`, m.lang ?? langOf(text));
    }
    if (next) {
      log.insertBefore(item, next);
      retire(item);
      return;
    }
    // Moved on: the customer wrote, or a newer answer offers choices of its own. A plain
    // follow-up or a notice (a sign-in too weak, say) leaves the answer's choices be, unless
    // the chat now speaks another language (a reload's replay of a switch).
    if (m.from === "customer" || (m.from !== "system" && choices.length)) retireReplies();
    else if (m.lang) retireReplies(m.lang);
    if (m.from !== "customer") showTyping(false);
    log.append(item);
    place(item, m.from);
  }

  /** Says a message's sender and text (no buttons) through the panel's live region. */
  function speak(words: string, lang: Lang): void {
    speech.append(h("p", { lang }, words));
    // What was said is said: only the last few stay, for a screen reader's review.
    while (speech.childElementCount > 3) speech.firstElementChild?.remove();
  }

  /**
   * The quick replies and actions of messages before the newest answer a question no longer
   * asked (and a quick reply would send in the old language after a switch): they go out of
   * the tab order, shown as used. Links stay: they are content. With `unlessIn`, only those of
   * messages in another language.
   */
  function retireReplies(unlessIn?: Lang): void {
    for (const item of log.querySelectorAll<HTMLElement>("li:has(> .replies:not(.retired))")) {
      if (!unlessIn || item.lang !== unlessIn) retire(item);
    }
  }

  function retire(item: HTMLElement): void {
    const replies = item.querySelector(".replies");
    if (!replies) return;
    // A disabled button drops focus to the page, where Escape and Tab mean nothing to us.
    const hadFocus = replies.contains(root.activeElement);
    replies.classList.add("retired");
    for (const button of replies.querySelectorAll("button")) button.disabled = true;
    if (hadFocus) input.focus();
  }

  function announce(message: string, inLanguageOf: UiText = text): void {
    // Emptied first, so the same thanks twice in a row is read twice.
    announcer.textContent = "";
    announcer.setAttribute("lang", langOf(inLanguageOf));
    setTimeout(() => {
      announcer.textContent = message;
    }, 50);
  }

  /** A note from the widget itself (confirmations, routing outcomes), not from the server. */
  function note(message: string, actions: MessageAction[] = []): void {
    const item = h(
      "li",
      { class: "msg system local", lang: langOf(text) },
      h("span", { class: "who" }, text.system),
      message,
    );
    const controls = actions.map(actionControl).filter((c): c is HTMLElement => Boolean(c));
    if (controls.length) item.append(h("div", { class: "replies" }, ...controls));
    log.append(item);
    if (!panel.hidden) speak(`${text.system}: ${message}`, langOf(text));
    place(item, "system");
  }

  function actionControl(action: MessageAction): HTMLElement | undefined {
    if (action.type === "link") {
      // Only web addresses open; anything else (javascript:, data:) is dropped.
      if (!action.url || !/^https:\/\//i.test(action.url)) return undefined;
      return h(
        "a",
        { href: action.url, target: "_blank", rel: "noopener noreferrer", class: "reply" },
        action.label,
        h("span", { class: "visually-hidden" }, ` ${text.newWindow}`),
      );
    }
    const button = h(
      "button",
      { type: "button", class: "reply action", "data-action": action.type },
      action.label,
    );
    if (action.type === "switch-language" && action.lang) button.setAttribute("lang", action.lang);
    if (action.type === "login") button.disabled = client.signedIn;
    button.addEventListener("click", () => {
      if (action.type === "login") startLogin();
      else if (action.type === "handoff") void requestHandoff();
      else if (
        action.type === "callback" ||
        action.type === "appointment" ||
        action.type === "change-appointment"
      )
        showForm(action.type);
      else if (action.type === "end-chat") void endChat();
      else if (action.type === "switch-language" && action.lang) void switchLanguage(action.lang);
    });
    return button;
  }

  function startLogin(): void {
    const popup = window.open(loginUrl.href, "asiointi-login", "popup,width=520,height=700");
    if (!popup) note(text.loginBlocked);
  }

  window.addEventListener("message", async (event: MessageEvent) => {
    const data = event.data as { type?: unknown; idToken?: unknown } | null;
    if (event.origin !== loginUrl.origin || data?.type !== "asiointi:login") return;
    if (typeof data.idToken !== "string") return;
    // Back from the identity provider while the chat reconnects: the sign-in waits for it.
    const ack = await client.authenticate(data.idToken, () => note(text.loginWaiting));
    // A sign-in that went through, and one refused as too weak (with the methods that would
    // do), are told by the server in the chat (stored, so a reload shows them too); only
    // another refusal, which the server does not store, is the widget's to say.
    if (!ack.ok && ack.error.code !== "ASSURANCE_TOO_LOW") note(text.loginFailed);
    input.focus();
  });

  async function requestHandoff(): Promise<void> {
    const ack = await client.handoff();
    // Said in the UI's language, in the server's words for it: the refusal's own message is in
    // the chat's language, or in both when the connection's event rate refused it.
    if (!ack.ok) return refused(ack);
    // The server says in the chat what happened (queued, closed with the next opening, or no
    // one free) with the other channels to choose from; the widget only shows the queue box.
    if (ack.outcome === "queued") showQueue(ack.queuePosition, ack.estimatedWaitSeconds);
  }

  function showQueue(position?: number, waitSeconds?: number): void {
    queueBox.hidden = false;
    queueText.textContent = text.queued(position ?? 1, waitSeconds);
  }

  leaveButton.addEventListener("click", async () => {
    const ack = await client.leaveQueue();
    // The server's own notice in the chat says the customer left; the box just goes away.
    if (ack.ok || ack.error.code === "NOT_IN_QUEUE") {
      queueBox.hidden = true;
      input.focus();
    } else refused(ack);
  });

  /** The server's own notice and survey follow an end; only a refusal is the widget's to say. */
  async function endChat(): Promise<void> {
    const ack = await client.end();
    // Already ended (in another tab, say): nothing went wrong that the customer must redo.
    if (ack.ok || ack.error.code !== "CHAT_ENDED") refused(ack);
  }

  /**
   * Says a refused request in the UI's language (the connection down, or reconnecting, among
   * others), so that nothing the customer asked for fails silently.
   */
  function refused(ack: Ack): void {
    if (ack.ok) return;
    note(ack.error.code === "RATE_LIMITED" ? rateLimitedMessage(langOf(text)) : text.formFailed);
  }

  function showState(s: ChatStateEvent): void {
    const previous = state;
    state = s;
    if (s.lang) useLanguage(s.lang);
    if (s.state === "queued") showQueue(s.queuePosition, s.estimatedWaitSeconds);
    else queueBox.hidden = true;
    const name = s.advisor?.displayName;
    // "X joined the chat" is the server's stored notice; the header line names the advisor.
    advisorLine.textContent = s.state === "advisor" && name ? text.withAdvisor(name) : "";
    if (s.state !== "advisor") showTyping(false);
    // A resume's state says nothing new; a change from queued to an advisor does.
    else if (previous && previous.state !== "advisor" && panel.hidden) {
      addUnread({ advisorJoined: true });
    }
    const ended = s.state === "ended";
    compose.hidden = ended;
    endButton.hidden = ended;
    if (ended && footer.hidden) {
      // The advisor ended it while the customer was asked whether to.
      panel.querySelector(".confirm")?.remove();
      footer.hidden = false;
    }
    // survey:request follows the end; only a chat that ended earlier (a reload) has none.
    if (ended && !previous) setTimeout(() => !openForm && !client.openSurvey && showEnded(), 1_000);
  }

  function showTyping(typing: boolean): void {
    clearTimeout(typingTimer);
    typingLine.hidden = !typing;
    if (typing) typingTimer = setTimeout(() => showTyping(false), TYPING_FADE_MS);
  }

  /**
   * Opens a form and moves focus to its heading; with `values` (the same form built anew in
   * another language) it puts back what the customer had entered and leaves focus alone.
   */
  function showForm(
    kind: "callback" | "appointment" | "change-appointment",
    values?: FormValues,
  ): void {
    openForm = kind;
    panel.dataset.form = kind;
    if (kind === "change-appointment") {
      placeForm(showChangeForm(values), values);
      return;
    }
    const make = kind === "callback" ? callbackForm : appointmentForm;
    const form = make({
      origin,
      lang: langOf(text),
      text,
      chatId: client.chatId,
      topic: lastTopic,
      done: (confirmation) => {
        closeForm();
        note(confirmation);
      },
      cancel: closeForm,
    });
    placeForm(form, values);
  }

  function placeForm(form: HTMLFormElement, values?: FormValues): void {
    formArea.replaceChildren(form);
    if (values) {
      restoreValues(form, values);
      return;
    }
    form.scrollIntoView({ block: "nearest" });
    form.querySelector<HTMLElement>("h3")?.focus();
  }

  function showChangeForm(values?: FormValues): HTMLFormElement {
    return appointmentChangeForm({
      origin,
      lang: langOf(text),
      text,
      ...(client.signedIn ? { own: () => client.ownAppointments() } : {}),
      findAppointment: (reference, phone) => client.findAppointment(reference, phone),
      cancelAppointment: (reference, phone) => client.cancelAppointment(reference, phone),
      moveAppointment: (reference, slotId, phone) =>
        client.rescheduleAppointment(reference, slotId, phone),
      values,
      done: closeForm,
      cancel: closeForm,
    });
  }

  function closeForm(): void {
    openForm = undefined;
    delete panel.dataset.form;
    formArea.replaceChildren();
    if (state?.state === "ended") showEnded();
    else input.focus();
  }

  function showSurvey(values?: FormValues): void {
    openForm = "survey";
    delete panel.dataset.form;
    const form = surveyForm({
      text,
      submit: (gotHelp, score, comment) => client.submitSurvey(gotHelp, score, comment),
      finish: (answered) => {
        client.closeSurvey();
        openForm = undefined;
        if (answered) note(text.thanks);
        showEnded();
      },
    });
    formArea.replaceChildren(form);
    if (values) {
      restoreValues(form, values);
      return;
    }
    scrollToEnd();
    form.querySelector<HTMLElement>("h3")?.focus();
  }

  function showEnded(): void {
    const again = h("button", { type: "button", class: "primary" }, text.newChat);
    // In the UI's language: the customer may have switched it after the end.
    again.addEventListener("click", () => startOver(langOf(text)));
    // The footer's download button stays after the end: one button for one thing.
    formArea.replaceChildren(h("div", { class: "actions ended" }, again));
    scrollToEnd();
    if (panel.contains(root.activeElement) || root.activeElement === null) again.focus();
  }

  function startOver(lang: Lang): void {
    text = UI[lang];
    state = undefined;
    log.replaceChildren();
    formArea.replaceChildren();
    compose.hidden = false;
    endButton.hidden = false;
    advisorLine.textContent = "";
    label();
    client.restart(lang);
    input.focus();
  }

  let switching = false;
  /**
   * The chat switches when the server says so (its chat:state, or the ack), never before:
   * a refused switch leaves everything in the chat's language and says so in it.
   */
  async function switchLanguage(lang: Lang): Promise<void> {
    if (lang === langOf(text) || switching) return;
    // An ended chat has no language left to keep in step (the server refuses CHAT_ENDED):
    // the survey and the next chat follow the customer's choice.
    if (state?.state === "ended") return useLanguage(lang);
    switching = true;
    const ack = await client.setLanguage(lang);
    switching = false;
    if (ack.ok) useLanguage(ack.lang);
    // An ack lost after the server switched: its chat:state has switched the UI already.
    else if (UI[lang] !== text) note(text.switchFailed);
  }

  /** Shows the UI (labels and any open form) in `lang`. */
  function useLanguage(lang: Lang): void {
    if (UI[lang] === text) return;
    text = UI[lang];
    label();
    // A quick reply of an answer in the other language would answer in it.
    retireReplies(lang);
    // The form is built anew in the new language, keeping what the customer had entered.
    const open = formArea.querySelector("form");
    const values = open ? formValues(open) : undefined;
    // Switched from elsewhere (another tab) while typing in the form: typing goes on there.
    const typingIn = open?.contains(root.activeElement) ? root.activeElement : null;
    if (openForm === "survey") showSurvey(values);
    else if (openForm) showForm(openForm, values);
    if (typingIn) {
      const name = (typingIn as HTMLInputElement).name;
      formArea.querySelector<HTMLElement>(name ? `[name="${CSS.escape(name)}"]` : "h3")?.focus();
    }
  }

  function setOpen(open: boolean): void {
    panel.hidden = !open;
    launcher.hidden = open;
    // From the first opening on, what comes while minimised is news; "" is before any id.
    seen(client.transcript.at(-1)?.id ?? "");
    if (open) clearUnread();
    firstUnread = undefined;
    try {
      sessionStorage.setItem(OPEN_KEY, open ? "1" : "");
    } catch {
      // Without storage the panel simply starts closed after a reload.
    }
  }

  launcher.addEventListener("click", () => {
    const from = firstUnread;
    setOpen(true);
    // What came while minimised is read from its start, kept in view as a long answer is.
    body.scrollTop = from?.isConnected ? scrollTopShowing(body, startOf(from)) : body.scrollHeight;
    keptStart =
      body.scrollTop < body.scrollHeight - body.clientHeight - 1 ? body.scrollTop : undefined;
    (compose.hidden ? formArea.querySelector<HTMLElement>("button, h3") : input)?.focus();
  });
  closeButton.addEventListener("click", () => {
    setOpen(false);
    launcher.focus();
  });
  // Filling the window the panel is modal: nothing of the page is left to reach or read, so
  // Tab goes round inside it. Smaller, the page beside it stays in reach.
  const fullScreen = matchMedia(FULL_SCREEN);
  const showModality = () => panel.setAttribute("aria-modal", String(fullScreen.matches));
  fullScreen.addEventListener("change", showModality);
  showModality();
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeButton.click();
    if (event.key === "Tab" && fullScreen.matches) keepFocusInside(event);
  });

  function keepFocusInside(event: KeyboardEvent): void {
    const stops = Array.from(
      panel.querySelectorAll<HTMLElement>(
        "button, a[href], textarea, input, select, [tabindex]:not([tabindex='-1'])",
      ),
    ).filter(
      (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length,
    );
    const first = stops[0];
    const last = stops.at(-1);
    const active = root.activeElement;
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  }
  let signingOut = false;
  signOutButton.addEventListener("click", async () => {
    // Not disabled meanwhile: a disabled button drops focus to the page, and focus is to
    // move on to the message field once the strip goes.
    if (signingOut) return;
    signingOut = true;
    const ack = await client.signOut();
    signingOut = false;
    // Signed out: the server's notice in the chat says so, and the strip has gone.
    if (ack.ok) return;
    note(ack.error.code === "RATE_LIMITED" ? rateLimitedMessage(langOf(text)) : text.signOutFailed);
  });
  switchButton.addEventListener("click", () => switchLanguage(otherLang(langOf(text))));
  privacyButton.addEventListener("click", () => {
    const open = privacyButton.getAttribute("aria-expanded") !== "true";
    privacyButton.setAttribute("aria-expanded", String(open));
    panel.toggleAttribute("data-privacy", open);
  });
  compose.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    retireReplies();
    client.send(value);
    input.value = "";
    stopOwnTyping();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    // Only a person is told that the customer is typing; the bot does not care.
    if (state?.state !== "advisor") return;
    if (!ownTypingTimer) client.typing(true);
    clearTimeout(ownTypingTimer);
    ownTypingTimer = setTimeout(stopOwnTyping, TYPING_IDLE_MS);
  });
  function stopOwnTyping(): void {
    if (!ownTypingTimer) return;
    clearTimeout(ownTypingTimer);
    ownTypingTimer = undefined;
    client.typing(false);
  }
  downloadButton.addEventListener("click", () => downloadTranscript(client.transcript, text));
  endButton.addEventListener("click", () => {
    // Leaving a person (or a place in their queue) cannot be undone: ask first, as the
    // console asks the advisor. A chat with the bot alone ends at once.
    if (state?.state === "advisor" || state?.state === "queued") confirmEnd();
    else void endChat();
  });

  /** Asks in the footer whether to end; Escape or "cancel" keeps the chat going. */
  function confirmEnd(): void {
    const question = h("p", { id: "confirm-end" }, text.confirmEnd);
    const yes = h("button", { type: "button", class: "primary" }, text.confirmEndYes);
    const no = h("button", { type: "button", class: "secondary" }, text.cancel);
    const box = h(
      "div",
      { class: "confirm", role: "group", "aria-labelledby": "confirm-end" },
      question,
      h("div", { class: "actions" }, yes, no),
    );
    const close = () => {
      box.remove();
      footer.hidden = false;
      endButton.focus();
    };
    yes.addEventListener("click", () => {
      box.remove();
      footer.hidden = false;
      void endChat();
    });
    no.addEventListener("click", close);
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      // Escape here cancels the question; it does not also minimise the chat.
      event.stopPropagation();
      close();
    });
    footer.hidden = true;
    footer.after(box);
    yes.focus();
  }

  label();
  client.connect();
  if (client.openSurvey) showSurvey();
  let wasOpen = false;
  try {
    wasOpen = sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    // No storage: start closed.
  }
  if (wasOpen) setOpen(true);
  (window as unknown as { AsiointiChat: object }).AsiointiChat = {
    open: () => launcher.click(),
    close: () => closeButton.click(),
  };
}

mount(document.currentScript as HTMLScriptElement | null);
