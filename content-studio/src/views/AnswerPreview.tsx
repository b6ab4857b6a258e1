/**
 * Bot messages as the customer widget shows them: paragraphs, link buttons and quick replies
 * as chips. Everything is text; a link opens only when it is https. Try it, the editor and a
 * version's diff all show answers with it.
 */
import { LANGS, type Lang, type MessageAction, type OutgoingMessage } from "../api.ts";
import { text } from "../i18n.ts";

/** Paragraphs as the widget shows them: a blank line starts a new one. */
export function paragraphs(value: string): string[] {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * `messages` in the widget's bubbles. With `onQuickReply` a quick reply is a button that
 * runs it (Try it); without, a chip that only shows it, since nothing would happen on a press.
 */
export function AnswerPreview(props: {
  messages: OutgoingMessage[];
  lang: Lang;
  onQuickReply?: (value: string) => void;
}) {
  const t = text.value;
  if (!props.messages.length) return <p class="muted">{t.noMessages}</p>;
  return (
    <ul class="preview" lang={props.lang}>
      {props.messages.map((message, i) => (
        <li key={i} class={`bubble ${message.from}`}>
          <span class="who" lang={t.lang}>
            {message.from === "bot" ? t.bot : message.from}
          </span>
          {paragraphs(message.text).map((p, j) => (
            <p key={j}>{p}</p>
          ))}
          {message.quickReplies?.length || message.actions?.length ? (
            <div class="chips">
              {(message.quickReplies ?? []).map((reply) => {
                const run = props.onQuickReply;
                return run ? (
                  <button
                    key={`q-${reply.value}`}
                    type="button"
                    class="chip"
                    onClick={() => run(reply.value)}
                  >
                    <span class="sr-only" lang={t.lang}>
                      {t.quickReplyTry("")}
                    </span>
                    {reply.label}
                  </button>
                ) : (
                  <span key={`q-${reply.value}`} class="chip shown">
                    <span class="sr-only" lang={t.lang}>
                      {`${t.quickReplyNote}: `}
                    </span>
                    {reply.label}
                  </span>
                );
              })}
              {(message.actions ?? []).map((action) => (
                <ActionChip key={`a-${action.type}-${action.label}`} action={action} />
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ActionChip(props: { action: MessageAction }) {
  const t = text.value;
  const { action } = props;
  if (action.type === "link") {
    if (!action.url || !/^https:\/\//i.test(action.url)) return null;
    return (
      <a class="chip" href={action.url} target="_blank" rel="noopener noreferrer">
        {action.label}
        <span class="sr-only" lang={t.lang}>
          {` ${t.newWindow}`}
        </span>
      </a>
    );
  }
  return (
    <span class="chip action" lang={action.lang}>
      <span class="sr-only" lang={t.lang}>
        {`${t.actionNote}: `}
      </span>
      {action.label}
    </span>
  );
}

/**
 * One answer as customers get it in each language, side by side (one under the other on a
 * narrow screen), each under the language it is in. A language without a message says so.
 */
export function AnswerSideBySide(props: { messages: Partial<Record<Lang, OutgoingMessage>> }) {
  const t = text.value;
  return (
    <div class="answer-previews">
      {LANGS.map((lang) => {
        const message = props.messages[lang];
        return (
          <figure key={lang} class="answer-preview" data-lang={lang}>
            <figcaption>{t.previewIn[lang]}</figcaption>
            <AnswerPreview messages={message ? [message] : []} lang={lang} />
          </figure>
        );
      })}
    </div>
  );
}
