/**
 * "Try it": a message against the draft and the live version, side by side, and (for a
 * content owner) the message taught to a topic from there.
 */
import type { Lang, Problem, TryOutcome } from "../api.ts";
import { formatPercent, text, type UiText } from "../i18n.ts";
import { fieldLabel, placeProblem } from "../problems.ts";
import { routeHash } from "../route.ts";
import { isOwner } from "../state/app.ts";
import { topicChoices } from "../state/inbox.ts";
import { draft, draftItemName } from "../state/topics.ts";
import {
  asked,
  busy,
  chosenTopic,
  error,
  lang,
  message,
  result,
  run,
  teach,
  teachableLine,
  teaching,
  teachOutcome,
  teachRefusal,
  teachSplit,
  teachTopic,
} from "../state/tryIt.ts";
import { whyLine } from "../tryWhy.ts";
import { AnswerPreview } from "./AnswerPreview.tsx";
import { IntentName } from "./IntentName.tsx";
import { ProblemPageLink } from "./ProblemPageLink.tsx";
import { SplitChoice, TopicOptionGroups } from "./TeachFields.tsx";
import { focusControl } from "./ui.tsx";

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
      {result.value && asked.value && isOwner.value ? (
        <TeachForm outcome={result.value.draft} lang={asked.value.lang} tried={asked.value.text} />
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
        {whyLine(props.outcome, t, (id) => draftItemName(id, t, "referral"))}{" "}
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

const TEACH = {
  form: "try-teach",
  topic: "try-teach-topic",
  split: "try-teach-split",
  refusal: "try-teach-refusal",
  outcome: "try-teach-outcome",
} as const;

/**
 * The tried message taught to a topic in its language, as a training sentence or a test
 * message: the draft's likeliest topic is ready to confirm, any topic in use can be chosen.
 * Focus goes to what came of it: the outcome, or the refusal beside the button.
 */
export function TeachForm(props: { outcome: TryOutcome; lang: Lang; tried: string }) {
  const t = text.value;
  const line = teachableLine(props.tried);
  const topics = topicChoices(
    draft.value?.topics ?? [],
    props.outcome.top.map((candidate) => candidate.intent),
    t,
  );
  const busyNow = teaching.value;
  const refusal = teachRefusal.value;
  const outcome = teachOutcome.value;
  return (
    <section class="try-teach" aria-labelledby={`${TEACH.form}-title`} data-testid={TEACH.form}>
      <h3 id={`${TEACH.form}-title`}>{t.tryTeachTitle}</h3>
      <p id={`${TEACH.form}-intro`}>{t.tryTeachIntro(t.langName[props.lang])}</p>
      <p class="try-teach-line">
        <q lang={props.lang}>{line || props.tried}</q>
      </p>
      <form
        noValidate
        aria-labelledby={`${TEACH.form}-title`}
        aria-describedby={`${TEACH.form}-intro`}
        onSubmit={(event) => {
          event.preventDefault();
          if (busyNow || busy.value) return;
          void teach().then(() => {
            focusControl(teachRefusal.value ? TEACH.refusal : TEACH.outcome, TEACH.topic);
          });
        }}
      >
        <div class="field">
          <label for={TEACH.topic}>{t.teachTopic}</label>
          <select
            id={TEACH.topic}
            value={teachTopic.value}
            onChange={(event) => {
              chosenTopic.value = event.currentTarget.value;
            }}
          >
            <option value="" disabled>
              {t.chooseTopic}
            </option>
            <TopicOptionGroups
              groups={[
                { label: t.tryTeachGuesses, topics: topics.guessed },
                { label: t.allTopics, topics: topics.all },
              ]}
            />
          </select>
        </div>
        <SplitChoice
          id={TEACH.split}
          legend={t.tryTeachSplit}
          value={teachSplit.value}
          onChange={(choice) => {
            teachSplit.value = choice;
          }}
        />
        <div class="actions">
          <button
            type="submit"
            class="primary"
            aria-disabled={busyNow || busy.value ? "true" : undefined}
            data-testid="try-teach-submit"
          >
            {busyNow ? t.tryTeachBusy : t.tryTeachSubmit}
          </button>
        </div>
      </form>
      {refusal ? (
        <div id={TEACH.refusal} class="notice error" role="alert" tabIndex={-1}>
          <p>{refusal.message}</p>
          <Problems list={refusal.problems} t={t} />
        </div>
      ) : null}
      {outcome ? (
        <div
          id={TEACH.outcome}
          class={outcome.kind === "added" ? "notice ok" : "notice"}
          tabIndex={-1}
          data-testid="try-teach-outcome"
        >
          <p>{outcome.text}</p>
          {outcome.warnings.length ? (
            <>
              <p>{t.tryTeachWarnings}</p>
              <Problems list={outcome.warnings} t={t} />
            </>
          ) : null}
          <p>
            <a href={routeHash({ view: "topic", id: outcome.topicId })}>
              {t.tryOpenTopic(draftName(outcome.topicId, t))}
            </a>
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** A topic's title in the studio's language, its id when it has none. */
function draftName(id: string, t: UiText): string {
  return draft.value?.topics.find((topic) => topic.id === id)?.[t.lang].title || id;
}

/** The content check's findings on the teach, each with the field it names and its fix. */
function Problems(props: { list: readonly Problem[]; t: UiText }) {
  const { list, t } = props;
  if (!list.length) return null;
  return (
    <ul class="problem-list">
      {list.map((p) => {
        const placed = placeProblem(p);
        const severity = placed.severity === "warning" ? "warning" : "error";
        return (
          <li key={`${p.path}|${p.message}`} class={severity}>
            {placed.field === "general" ? "" : `${fieldLabel(placed, t)}: `}
            {p.message}
            {p.fix ? <span class="fix">{`${t.fixLabel} ${p.fix}`}</span> : null}
            <ProblemPageLink problem={p} />
          </li>
        );
      })}
    </ul>
  );
}
