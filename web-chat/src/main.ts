import type { Lang } from "../../functions/contracts/lang.ts";
import type { ChatMessage, ChatStateEvent } from "../../functions/contracts/protocol.ts";
import { ChatClient } from "./chatClient.ts";
import { h } from "./dom.ts";
import { UI, type UiText } from "./i18n.ts";
import { STYLES } from "./styles.ts";

/**
 * Embeds the chat: `<script src=".../web-chat.js" data-lang="sv">`. Everything lives in one
 * shadow root, so the host page's styles and scripts are untouched; the only global is
 * `window.AsiointiChat`.
 */
function mount(script: HTMLScriptElement | null): void {
  const requested = script?.dataset.lang === "sv" ? "sv" : "fi";
  const origin = script?.src ? new URL(script.src).origin : location.origin;
  const host = h("div", { id: "asiointi-chat" });
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  root.append(h("style", {}, STYLES));

  let text: UiText = UI[requested];
  let surveyToken: string | undefined;
  const launcher = h("button", { class: "launcher", type: "button", "aria-haspopup": "dialog" });
  const title = h("h2", { id: "chat-title" });
  const switchButton = h("button", { type: "button", class: "switch" });
  const closeButton = h("button", { type: "button", class: "close" });
  const status = h("p", { class: "status", role: "status" });
  const log = h("ol", { class: "log", "aria-live": "polite", "aria-relevant": "additions" });
  const pendingList = h("ol", { class: "log pending-list", "aria-hidden": "true" });
  const privacy = h("p", { class: "privacy" });
  const inputLabel = h("label", { for: "chat-input", class: "visually-hidden" });
  const input = h("textarea", { id: "chat-input", rows: "2", maxlength: "2000" });
  const sendButton = h("button", { type: "submit", class: "primary" });
  const compose = h("form", { class: "compose" }, inputLabel, input, sendButton);
  const endButton = h("button", { type: "button", class: "secondary end" });
  const footer = h("div", { class: "actions", style: "padding: 0 .6rem .6rem" }, endButton);
  const surveyArea = h("div", {});
  const panel = h(
    "div",
    { class: "panel", role: "dialog", "aria-labelledby": "chat-title", hidden: true },
    h("header", {}, title, switchButton, closeButton),
    status,
    log,
    pendingList,
    surveyArea,
    privacy,
    compose,
    footer,
  );
  root.append(launcher, panel);

  const client = new ChatClient(origin, requested, {
    message: (m) => appendMessage(m),
    state: (s) => showState(s),
    connection: (c) => {
      status.textContent =
        c === "online" ? "" : c === "connecting" ? text.connecting : text.reconnecting;
    },
    survey: (token) => showSurvey(token),
    pending: (pending) => {
      pendingList.replaceChildren(
        ...pending.map((p) =>
          h(
            "li",
            { class: "msg customer pending" },
            h("span", { class: "who" }, text.sending),
            p.text,
          ),
        ),
      );
    },
  });
  text = UI[client.lang];

  function label(): void {
    host.setAttribute("lang", client.lang);
    launcher.textContent = text.open;
    title.textContent = text.title;
    switchButton.textContent = text.switchTo;
    switchButton.setAttribute("lang", client.lang === "fi" ? "sv" : "fi");
    closeButton.textContent = "×";
    closeButton.setAttribute("aria-label", text.close);
    privacy.textContent = text.privacy;
    inputLabel.textContent = text.input;
    input.setAttribute("placeholder", text.input);
    sendButton.textContent = text.send;
    endButton.textContent = text.end;
    log.setAttribute("aria-label", text.title);
  }

  function appendMessage(m: ChatMessage): void {
    const who = { customer: text.you, bot: text.bot, advisor: text.advisor, system: text.system }[
      m.from
    ];
    const item = h(
      "li",
      { class: `msg ${m.from}`, "data-id": m.id },
      h("span", { class: "who" }, who),
      m.text,
    );
    const choices: HTMLElement[] = [];
    for (const reply of m.quickReplies ?? []) {
      const b = h("button", { type: "button" }, reply.label);
      b.addEventListener("click", () => client.send(reply.value));
      choices.push(b);
    }
    for (const action of m.actions ?? []) {
      if (action.type === "link" && action.url?.startsWith("https://")) {
        choices.push(
          h("a", { href: action.url, target: "_blank", rel: "noopener noreferrer" }, action.label),
        );
      }
    }
    if (choices.length) item.append(h("div", { class: "replies" }, ...choices));
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function showState(s: ChatStateEvent): void {
    const ended = s.state === "ended";
    compose.hidden = ended;
    endButton.hidden = ended;
  }

  function showSurvey(token: string): void {
    surveyToken = token;
    const error = h("p", { class: "error", role: "alert" });
    const yesNo = ([true, false] as const).map((value) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name: "gotHelp", value: String(value) }),
        value ? text.yes : text.no,
      ),
    );
    const stars = [1, 2, 3, 4, 5].map((n) =>
      h("label", {}, h("input", { type: "radio", name: "score", value: String(n) }), text.star(n)),
    );
    const comment = h("textarea", { id: "survey-comment", maxlength: "1000" });
    const submit = h("button", { type: "submit", class: "primary" }, text.submit);
    const skip = h("button", { type: "button", class: "secondary" }, text.skip);
    const form = h(
      "form",
      { class: "survey", "aria-labelledby": "survey-title" },
      h("h3", { id: "survey-title" }, text.surveyTitle),
      h("fieldset", {}, h("legend", {}, text.gotHelp), ...yesNo),
      h("fieldset", {}, h("legend", {}, text.score), ...stars),
      h("label", { for: "survey-comment" }, text.comment),
      comment,
      error,
      h("div", { class: "actions" }, submit, skip),
    );
    const finish = () => {
      surveyArea.replaceChildren(
        h("p", { class: "survey", role: "status" }, text.thanks),
        newChatButton(),
      );
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const gotHelp = data.get("gotHelp");
      const score = Number(data.get("score"));
      if (gotHelp === null || !score || !surveyToken) {
        error.textContent = text.chooseAnswers;
        return;
      }
      const note = String(data.get("comment") ?? "").trim();
      client.submitSurvey(surveyToken, gotHelp === "true", score, note || undefined).then(finish);
    });
    comment.setAttribute("name", "comment");
    skip.addEventListener("click", () => surveyArea.replaceChildren(newChatButton()));
    surveyArea.replaceChildren(form);
    form.querySelector("input")?.focus();
  }

  function newChatButton(): HTMLElement {
    const b = h(
      "button",
      { type: "button", class: "secondary", style: "margin: .6rem" },
      text.newChat,
    );
    b.addEventListener("click", () => startOver(client.lang));
    return b;
  }

  function startOver(lang: Lang): void {
    text = UI[lang];
    log.replaceChildren();
    surveyArea.replaceChildren();
    showState({ chatId: "", state: "bot" });
    label();
    client.restart(lang);
  }

  launcher.addEventListener("click", () => {
    panel.hidden = false;
    launcher.hidden = true;
    input.focus();
  });
  closeButton.addEventListener("click", () => {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeButton.click();
  });
  switchButton.addEventListener("click", () => startOver(client.lang === "fi" ? "sv" : "fi"));
  compose.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    client.send(value);
    input.value = "";
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });
  endButton.addEventListener("click", () => {
    client.end();
  });

  label();
  client.connect();
  (window as unknown as { AsiointiChat: object }).AsiointiChat = {
    open: () => launcher.click(),
  };
}

mount(document.currentScript as HTMLScriptElement | null);
