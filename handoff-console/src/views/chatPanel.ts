import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ChatMessage } from "../../../functions/contracts/protocol.ts";
import {
  type ActiveChat,
  MESSAGE_MAX,
  type PendingMessage,
  type Result,
} from "../consoleClient.ts";
import { h, relabel, srOnly, tx, uid, uiLang } from "../dom.ts";
import { errorText, getLang, topicLabel, type UiText } from "../i18n.ts";
import { createWrapUp } from "./wrapUp.ts";

export interface ChatPanelActions {
  send(text: string): void;
  typing(): void;
  stopTyping(): void;
  transfer(lang: Lang): Promise<Result>;
  end(): Promise<Result>;
  wrapUp(reason: string, note?: string): Promise<Result>;
  /** New messages arrived while focus was elsewhere (0 again once the panel has focus). */
  unread(count: number): void;
}

export interface ChatPanel {
  el: HTMLElement;
  headingId: string;
  /** The chat's name in the current UI language (for navigation). */
  name(text: UiText): string;
  /** Shows a message last, or before the shown message `before` names. */
  addMessage(message: ChatMessage, before?: string): void;
  setPending(pending: PendingMessage[]): void;
  setTyping(typing: boolean): void;
  /** The chat's language changed: labels, `lang` marks and the transfer target follow. */
  showLanguage(): void;
  /** Scrolls the conversation to the customer's latest message (once in the document). */
  showLatest(): void;
  setEnded(): void;
  focusCompose(): void;
  focusHeading(): void;
}

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat("fi-FI", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Helsinki",
  }),
  sv: new Intl.DateTimeFormat("sv-FI", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Helsinki",
  }),
};

/**
 * One accepted chat: who and what, the whole transcript (the bot conversation first), live
 * messages in a polite live region, the message box, transfer and end, and the wrap-up once
 * the chat has ended.
 */
export function createChatPanel(chat: ActiveChat, actions: ChatPanelActions): ChatPanel {
  const headingId = uid("chat-title");
  const short = chat.chatId.slice(-4).toUpperCase();
  const name = (t: UiText) => t.chatName(chat.customerName ?? t.unidentified, short);
  const heading = h("h3", { id: headingId, tabindex: "-1" }, tx(name));

  const meta = h(
    "dl",
    { class: "meta" },
    h(
      "div",
      {},
      h(
        "dt",
        {},
        tx((t) => t.chatLanguage),
      ),
      h(
        "dd",
        {},
        tx((t) => t.langName[chat.lang]),
      ),
    ),
    h(
      "div",
      {},
      h(
        "dt",
        {},
        tx((t) => t.chatTopics),
      ),
      h(
        "dd",
        {},
        tx((t) =>
          chat.topics.length ? chat.topics.map((id) => topicLabel(t, id)).join(", ") : t.noTopic,
        ),
      ),
    ),
    h(
      "div",
      {},
      h(
        "dt",
        {},
        tx((t) => t.chatAuth),
      ),
      h(
        "dd",
        {},
        tx((t) => (chat.authenticated ? t.authenticated : t.anonymous)),
      ),
    ),
  );

  // The log is filled with the transcript before it is in the document, so only messages
  // that arrive later are announced.
  const log = h("ol", {
    class: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    tabindex: "0",
    lang: chat.lang,
  });
  const logLabelEl = uiLang(srOnly(tx((t) => t.messagesLabel(name(t)))));
  logLabelEl.id = uid("log-label");
  log.setAttribute("aria-labelledby", logLabelEl.id);
  for (const message of chat.messages) log.append(messageItem(message));
  if (chat.messages.length > 0) {
    log.append(
      uiLang(
        h(
          "li",
          { class: "separator" },
          tx((t) => t.acceptedHere),
        ),
      ),
    );
  }

  const pendingList = h("ul", { class: "pending-list", lang: chat.lang });
  const typing = h("p", { class: "typing", role: "status" });

  const inputId = uid("compose");
  const hintId = uid("compose-hint");
  const input = h("textarea", {
    id: inputId,
    rows: "3",
    maxlength: String(MESSAGE_MAX),
    lang: chat.lang,
    "aria-describedby": hintId,
  });
  const sendError = h("p", { class: "error", role: "alert" });
  const compose = h(
    "form",
    { class: "compose" },
    h(
      "label",
      { for: inputId },
      tx((t) => t.messageLabel),
    ),
    h(
      "p",
      { id: hintId, class: "muted small-text" },
      tx((t) => t.composeHint),
    ),
    h(
      "div",
      { class: "compose-row" },
      input,
      h(
        "button",
        { type: "submit", class: "primary" },
        tx((t) => t.send),
      ),
    ),
    sendError,
  );
  // The customer may switch language mid-chat: the other queue is the other of the current one.
  const other = (): Lang => (chat.lang === "fi" ? "sv" : "fi");
  const transferButton = h(
    "button",
    { type: "button", class: "secondary" },
    tx((t) => t.transferTo(other())),
  );
  const endButton = h(
    "button",
    { type: "button", class: "secondary danger" },
    tx((t) => t.end),
  );
  const buttons = h("div", { class: "actions" }, transferButton, endButton);
  const confirmArea = h("div", { class: "confirm", hidden: true });
  const actionError = h("p", { class: "error", role: "alert" });
  const endedNotice = h("p", { class: "notice", hidden: true, role: "status" });
  const wrapArea = h("div");

  const el = h(
    "article",
    { class: "chat", "aria-labelledby": headingId, "data-chat-id": chat.chatId },
    heading,
    meta,
    logLabelEl,
    log,
    pendingList,
    typing,
    endedNotice,
    compose,
    buttons,
    confirmArea,
    actionError,
    wrapArea,
  );

  let unread = 0;
  el.addEventListener("focusin", () => {
    if (unread) {
      unread = 0;
      actions.unread(0);
    }
  });

  function messageItem(message: ChatMessage): HTMLLIElement {
    const date = new Date(message.at);
    const time = Number.isNaN(date.getTime())
      ? undefined
      : h("time", { datetime: message.at }, timeFormats[getLang()].format(date));
    // Each message keeps the language the chat had when it came (a switch changes the next).
    const item = h(
      "li",
      { class: `msg ${message.from}`, "data-id": message.id, lang: chat.lang },
      uiLang(
        h(
          "span",
          { class: "who" },
          tx((t) => t.from[message.from]),
          time ? " · " : undefined,
          time,
        ),
      ),
      h("span", { class: "text" }, message.text),
    );
    const choices = [...(message.quickReplies ?? []), ...(message.actions ?? [])].map(
      (c) => c.label,
    );
    if (choices.length > 0) {
      item.append(
        h(
          "span",
          { class: "choices" },
          uiLang(
            h(
              "span",
              {},
              tx((t) => t.options),
            ),
          ),
          ` ${choices.join(" | ")}`,
        ),
      );
    }
    return item;
  }

  function addMessage(message: ChatMessage, before?: string): void {
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    const next = before ? log.querySelector(`[data-id="${CSS.escape(before)}"]`) : null;
    log.insertBefore(messageItem(message), next);
    if (nearBottom || message.from === "advisor") log.scrollTop = log.scrollHeight;
    if (message.from !== "advisor" && !el.contains(document.activeElement)) {
      unread += 1;
      actions.unread(unread);
    }
  }

  function setPending(pending: PendingMessage[]): void {
    pendingList.replaceChildren(
      ...pending.map((p) =>
        h(
          "li",
          { class: "msg advisor pending" },
          uiLang(
            h(
              "span",
              { class: "who" },
              tx((t) => t.sending),
            ),
          ),
          h("span", { class: "text" }, p.text),
        ),
      ),
    );
  }

  function setTyping(on: boolean): void {
    typing.replaceChildren(...(on ? [tx((t) => t.customerTyping)] : []));
  }

  function showLanguage(): void {
    for (const marked of [log, pendingList, input]) marked.setAttribute("lang", chat.lang);
    relabel(el);
  }

  function showLatest(): void {
    const items = log.querySelectorAll<HTMLElement>(".msg.customer");
    const latest = items[items.length - 1];
    if (!latest) {
      log.scrollTop = log.scrollHeight;
      return;
    }
    // The latest question at the top of the view and what followed it below; near the end
    // the browser stops at the bottom, so the newest messages show too.
    const gap = Number.parseFloat(getComputedStyle(log).paddingTop) || 0;
    log.scrollTop += latest.getBoundingClientRect().top - log.getBoundingClientRect().top - gap;
  }

  function setEnded(): void {
    const hadFocus = el.contains(document.activeElement);
    compose.hidden = true;
    buttons.hidden = true;
    confirmArea.hidden = true;
    setTyping(false);
    endedNotice.hidden = false;
    endedNotice.replaceChildren(tx((t) => t.chatEnded));
    el.classList.add("ended");
    if (wrapArea.childElementCount === 0) {
      const form = createWrapUp((reason, note) => actions.wrapUp(reason, note));
      wrapArea.append(form.el);
      if (hadFocus) form.focus();
    }
  }

  compose.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value;
    if (!value.trim()) return;
    sendError.replaceChildren();
    actions.send(value);
    input.value = "";
    input.focus();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    if (input.value) actions.typing();
    else actions.stopTyping();
  });
  input.addEventListener("blur", () => actions.stopTyping());

  function confirm(
    question: (t: UiText) => string,
    run: () => Promise<Result>,
    from: HTMLButtonElement,
  ) {
    const yes = h(
      "button",
      { type: "button", class: "primary" },
      tx((t) => t.yes),
    );
    const no = h(
      "button",
      { type: "button", class: "secondary" },
      tx((t) => t.cancel),
    );
    const close = () => {
      confirmArea.hidden = true;
      confirmArea.replaceChildren();
      buttons.hidden = false;
      from.focus();
    };
    yes.addEventListener("click", async () => {
      yes.setAttribute("aria-disabled", "true");
      const ack = await run();
      if (!ack.ok) {
        actionError.replaceChildren(tx((t) => errorText(t, ack.error)));
        if (el.isConnected && !el.classList.contains("ended")) close();
      }
    });
    no.addEventListener("click", close);
    confirmArea.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close();
    });
    const questionId = uid("confirm");
    confirmArea.setAttribute("role", "group");
    confirmArea.setAttribute("aria-labelledby", questionId);
    confirmArea.replaceChildren(
      h("p", { id: questionId }, tx(question)),
      h("div", { class: "actions" }, yes, no),
    );
    actionError.replaceChildren();
    buttons.hidden = true;
    confirmArea.hidden = false;
    yes.focus();
  }

  transferButton.addEventListener("click", () =>
    confirm(
      (t) => t.confirmTransfer(other()),
      () => actions.transfer(other()),
      transferButton,
    ),
  );
  endButton.addEventListener("click", () =>
    confirm(
      (t) => t.confirmEnd,
      () => actions.end(),
      endButton,
    ),
  );

  setPending(chat.pending);
  setTyping(chat.customerTyping);
  if (chat.ended) setEnded();

  return {
    el,
    headingId,
    name,
    addMessage,
    setPending,
    setTyping,
    showLanguage,
    showLatest,
    setEnded,
    focusCompose: () => (compose.hidden ? heading.focus() : input.focus()),
    focusHeading: () => heading.focus(),
  };
}
