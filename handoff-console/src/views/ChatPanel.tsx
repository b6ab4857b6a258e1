import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ChatMessage } from "../../../functions/contracts/protocol.ts";
import { type ActiveChat, MESSAGE_MAX, type Result } from "../consoleClient.ts";
import { errorText, text, topicLabel, type UiText, uiLang } from "../i18n.ts";
import {
  type ChatView,
  chatHeadingId,
  chatName,
  composeId,
  connection,
  currentClient,
  focusLater,
} from "../state.ts";
import { questionTopics } from "../topicNames.ts";
import { WrapUp } from "./WrapUp.tsx";

const timeFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Helsinki",
  });
const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  fi: timeFormat("fi-FI"),
  sv: timeFormat("sv-FI"),
};

/**
 * One accepted chat: who and what, the whole transcript (the bot conversation first), live
 * messages (said by the page's announcer, not by the list), the message box, transfer and
 * end, and the wrap-up once the chat has ended.
 */
export function ChatPanel(props: { view: ChatView }) {
  const { view } = props;
  const t = text.value;
  const chat = view.chat.value;
  const headingId = chatHeadingId(chat.chatId);
  const article = useRef<HTMLElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const compose = useRef<HTMLFormElement>(null);
  const [confirming, setConfirming] = useState<"transfer" | "end" | undefined>(undefined);
  const [actionError, setActionError] = useState<{ code: string; message: string }>();
  // The queue the chat is not in: after a transfer or a switch the chat's language may be either.
  const other: Lang = (chat.queue ?? chat.lang) === "fi" ? "sv" : "fi";
  const client = currentClient();

  // A chat that ends while the advisor works in it hands focus to the wrap-up; read before
  // this render hides the message box that may hold it.
  const focusWrapUp = useRef(false);
  const endedBefore = useRef(chat.ended);
  if (chat.ended && !endedBefore.current) {
    endedBefore.current = true;
    focusWrapUp.current = article.current?.contains(document.activeElement) ?? false;
  }
  useLayoutEffect(() => {
    if (!focusWrapUp.current) return;
    focusWrapUp.current = false;
    document.getElementById(`${headingId}-wrapup`)?.focus();
  }, [chat.ended]);

  return (
    <article
      class={chat.ended ? "chat ended" : "chat"}
      aria-labelledby={headingId}
      data-chat-id={chat.chatId}
      ref={article}
      onFocusIn={() => {
        if (view.unread.peek()) view.unread.value = 0;
      }}
    >
      <h3 id={headingId} tabIndex={-1}>
        {chatName(chat, t)}
      </h3>
      <dl class="meta">
        <div>
          <dt>{t.chatLanguage}</dt>
          <dd>{t.langName[chat.lang]}</dd>
        </div>
        <div>
          <dt>{t.chatTopics}</dt>
          <dd>
            {questionTopics(chat.topics)
              .map((id) => topicLabel(t, id))
              .join(", ") || t.noTopic}
          </dd>
        </div>
        <div>
          <dt>{t.chatAuth}</dt>
          <dd>{chat.authenticated ? t.authenticated : t.anonymous}</dd>
        </div>
      </dl>
      <span class="sr-only" id={`${headingId}-log`} lang={t.lang}>
        {t.messagesLabel(chatName(chat, t))}
      </span>
      <MessageLog view={view} chat={chat} t={t} labelledBy={`${headingId}-log`} />
      <ul class="pending-list" lang={chat.lang}>
        {chat.pending.map((p) => (
          <li key={p.clientId} class="msg advisor pending">
            <span class="who" lang={t.lang}>
              {connection.value === "online" ? t.sending : t.sendWhenOnline}
            </span>
            <span class="text">{p.text}</span>
          </li>
        ))}
      </ul>
      <p class="typing" role="status">
        {chat.customerGone && !chat.ended
          ? t.customerGone
          : chat.customerTyping
            ? t.customerTyping
            : ""}
      </p>
      <p class="notice" hidden={!chat.ended} role="status">
        {chat.ended ? t.chatEnded : ""}
      </p>
      <form
        class="compose"
        ref={compose}
        hidden={chat.ended}
        onSubmit={(event) => {
          event.preventDefault();
          const box = input.current;
          if (!box?.value.trim()) return;
          client?.send(chat.chatId, box.value);
          box.value = "";
          box.focus();
        }}
      >
        <label for={composeId(chat.chatId)}>{t.messageLabel}</label>
        <p id={`${headingId}-hint`} class="muted small-text">
          {t.composeHint}
        </p>
        <div class="compose-row">
          <textarea
            id={composeId(chat.chatId)}
            ref={input}
            rows={3}
            maxLength={MESSAGE_MAX}
            lang={chat.lang}
            aria-describedby={`${headingId}-hint`}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                compose.current?.requestSubmit();
              }
            }}
            onInput={(event) => {
              if (event.currentTarget.value) client?.typing(chat.chatId);
              else client?.stopTyping(chat.chatId);
            }}
            onBlur={() => client?.stopTyping(chat.chatId)}
          />
          <button type="submit" class="primary">
            {t.send}
          </button>
        </div>
      </form>
      <div class="actions" hidden={chat.ended || confirming !== undefined}>
        <button
          type="button"
          class="secondary"
          id={`${headingId}-transfer`}
          onClick={() => {
            setActionError(undefined);
            setConfirming("transfer");
          }}
        >
          {t.transferTo(other)}
        </button>
        <button
          type="button"
          class="secondary danger"
          id={`${headingId}-end`}
          onClick={() => {
            setActionError(undefined);
            setConfirming("end");
          }}
        >
          {t.end}
        </button>
      </div>
      {confirming && !chat.ended ? (
        <Confirm
          question={confirming === "transfer" ? t.confirmTransfer(other) : t.confirmEnd}
          run={() =>
            confirming === "transfer" && client
              ? client.transfer(chat.chatId, other)
              : client
                ? client.end(chat.chatId)
                : Promise.resolve({ ok: true })
          }
          onFailed={(error) => {
            setActionError(error);
            setConfirming(undefined);
            focusLater(`${headingId}-${confirming}`);
          }}
          onClose={() => {
            setConfirming(undefined);
            // Back to the button that asked, once it is shown again.
            focusLater(`${headingId}-${confirming}`);
          }}
        />
      ) : null}
      <p class="error" role="alert">
        {actionError ? errorText(t, actionError) : ""}
      </p>
      <div>
        {chat.ended ? (
          <WrapUp
            chatHeadingId={headingId}
            chatTopics={chat.topics}
            save={(reason, note) =>
              client ? client.wrapUp(chat.chatId, reason, note) : Promise.resolve({ ok: true })
            }
          />
        ) : null}
      </div>
    </article>
  );
}

/**
 * The conversation. Not a live region: the announcer says new customer and system messages
 * with the chat's name. It opens at the customer's latest message and follows new ones while
 * the advisor is at the bottom (or has just sent one).
 */
function MessageLog(props: { view: ChatView; chat: ActiveChat; t: UiText; labelledBy: string }) {
  const { view, chat, t } = props;
  const log = useRef<HTMLOListElement>(null);
  const shown = useRef(chat.messages.length);
  const follow = useRef(false);
  if (chat.messages.length !== shown.current) {
    // Read before the new message is in the list.
    const el = log.current;
    const nearBottom = el ? el.scrollHeight - el.scrollTop - el.clientHeight < 48 : false;
    follow.current = nearBottom || chat.messages.at(-1)?.from === "advisor";
    shown.current = chat.messages.length;
  }

  useLayoutEffect(() => {
    const el = log.current;
    if (!el) return;
    const items = el.querySelectorAll<HTMLElement>(".msg.customer");
    const latest = items[items.length - 1];
    if (!latest) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    // The latest question at the top of the view and what followed it below; near the end
    // the browser stops at the bottom, so the newest messages show too.
    const gap = Number.parseFloat(getComputedStyle(el).paddingTop) || 0;
    el.scrollTop += latest.getBoundingClientRect().top - el.getBoundingClientRect().top - gap;
  }, []);
  useLayoutEffect(() => {
    if (!follow.current || !log.current) return;
    follow.current = false;
    log.current.scrollTop = log.current.scrollHeight;
  });

  return (
    <ol
      class="log"
      ref={log}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so keyboard users must reach it (WCAG 2.1.1).
      tabIndex={0}
      lang={chat.lang}
      aria-labelledby={props.labelledBy}
    >
      {chat.messages.flatMap((message) => {
        const item = (
          <Message
            key={message.id}
            message={message}
            lang={view.messageLang.get(message.id) ?? chat.lang}
            t={t}
          />
        );
        return message.id === view.lastBeforeAccept
          ? [
              item,
              <li key="accepted-here" class="separator" lang={t.lang}>
                {t.acceptedHere}
              </li>,
            ]
          : [item];
      })}
    </ol>
  );
}

function Message(props: { message: ChatMessage; lang: Lang; t: UiText }) {
  const { message, t } = props;
  const date = new Date(message.at);
  const time = Number.isNaN(date.getTime()) ? undefined : (
    <time dateTime={message.at}>{timeFormats[uiLang.value].format(date)}</time>
  );
  const choices = [...(message.quickReplies ?? []), ...(message.actions ?? [])].map((c) => c.label);
  return (
    <li class={`msg ${message.from}`} data-id={message.id} lang={props.lang}>
      <span class="who" lang={t.lang}>
        {t.from[message.from]}
        {time ? " · " : null}
        {time}
      </span>
      <span class="text">{message.text}</span>
      {choices.length > 0 ? (
        <span class="choices">
          <span lang={t.lang}>{t.options}</span>
          {` ${choices.join(" | ")}`}
        </span>
      ) : null}
    </li>
  );
}

/** An inline confirmation: focus goes to "Yes" when it opens, Escape cancels. */
export function Confirm(props: {
  question: string;
  run(): Promise<Result>;
  onFailed(error: { code: string; message: string }): void;
  onClose(): void;
}) {
  const t = text.value;
  const yes = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  useLayoutEffect(() => yes.current?.focus(), []);
  return (
    <fieldset
      class="confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
    >
      <legend>{props.question}</legend>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ref={yes}
          aria-disabled={busy ? "true" : undefined}
          onClick={async () => {
            setBusy(true);
            const ack = await props.run();
            setBusy(false);
            if (!ack.ok) props.onFailed(ack.error);
          }}
        >
          {t.yes}
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t.cancel}
        </button>
      </div>
    </fieldset>
  );
}
