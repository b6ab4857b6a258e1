/** "Try it": a message against the draft and the live version, side by side. */
import type { Lang, TryOutcome } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { asked, busy, error, lang, message, result, run } from "../state/tryIt.ts";
import { whyLine } from "../tryWhy.ts";
import { AnswerPreview } from "./AnswerPreview.tsx";
import { IntentName } from "./IntentName.tsx";

export function TryIt() {
  const t = text.value;
  return (
    <section aria-labelledby="view-heading" class="view">
      <h2 id="view-heading" tabIndex={-1}>
        {t.tryTitle}
      </h2>
      <p>{t.tryIntro}</p>
      <form
        class="try-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy.value) void run();
        }}
      >
        <div class="field grow">
          <label for="try-message">{t.messageLabel}</label>
          <input
            id="try-message"
            type="text"
            autocomplete="off"
            lang={lang.value}
            value={message.value}
            aria-invalid={error.value === t.messageEmpty ? "true" : undefined}
            aria-describedby={error.value ? "try-error" : undefined}
            onInput={(event) => {
              message.value = event.currentTarget.value;
            }}
          />
        </div>
        <div class="field">
          <label for="try-lang">{t.tryLang}</label>
          <select
            id="try-lang"
            value={lang.value}
            onChange={(event) => {
              lang.value = event.currentTarget.value as Lang;
            }}
          >
            <option value="fi">{t.langName.fi}</option>
            <option value="sv">{t.langName.sv}</option>
          </select>
        </div>
        <button type="submit" class="primary" aria-disabled={busy.value ? "true" : undefined}>
          {busy.value ? t.trying : t.trySubmit}
        </button>
      </form>
      {error.value ? (
        <p id="try-error" class="notice error" role="alert">
          {error.value}
        </p>
      ) : null}
      {result.value && asked.value ? (
        <div class="try-columns" aria-busy={busy.value ? "true" : undefined}>
          <TryColumn which="draft" outcome={result.value.draft} lang={asked.value.lang} />
          <TryColumn which="live" outcome={result.value.live} lang={asked.value.lang} />
        </div>
      ) : null}
    </section>
  );
}

function TryColumn(props: { which: "draft" | "live"; outcome: TryOutcome; lang: Lang }) {
  const t = text.value;
  const headingId = `try-${props.which}-title`;
  return (
    <section class="try-column" aria-labelledby={headingId} data-testid={`try-${props.which}`}>
      <h3 id={headingId}>{t.tryColumn[props.which]}</h3>
      <h4>{t.topThree}</h4>
      <ol class="top">
        {props.outcome.top.slice(0, 3).map((candidate) => {
          const percent = formatPercent(candidate.confidence, t);
          return (
            <li key={candidate.intent} data-intent={candidate.intent}>
              {/* The name says the title once (linked), the id after it in small type. */}
              <span class="intent">
                <IntentName id={candidate.intent} />
              </span>{" "}
              <span class="percent">{t.confidence(percent)}</span>
              <span class="bar" aria-hidden="true">
                <span class="fill" style={{ width: barWidth(candidate.confidence) }} />
                <span class="mark" style={{ left: barWidth(props.outcome.why.answersFrom) }} />
              </span>
            </li>
          );
        })}
      </ol>
      <h4>{t.whyTitle}</h4>
      <p class="why" data-testid={`try-${props.which}-why`}>
        {whyLine(props.outcome, t)}{" "}
        <span class="hint">{t.why.mark(formatPercent(props.outcome.why.answersFrom, t))}</span>
      </p>
      <h4>{t.answerPreview}</h4>
      <AnswerPreview
        messages={props.outcome.answer.messages}
        lang={props.lang}
        onQuickReply={(value) => void run(value)}
      />
    </section>
  );
}

/** A confidence as a share of the bar, clamped to it. */
function barWidth(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}
