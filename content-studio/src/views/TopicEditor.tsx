/**
 * The topic editor: Finnish and Swedish side by side, shared settings below, the check's
 * problems next to their fields and in a summary, Save (blocked by errors) and Retire.
 */
import { type Lang, TOPIC_ACTIONS, type TopicAction } from "../api.ts";
import { followUpChoices, offeredAsFollowUpBy } from "../followUpChoices.ts";
import { formAnswerMessage } from "../formPreview.ts";
import {
  actorName,
  formatCount,
  formatDateTime,
  formatPercent,
  text,
  type UiText,
} from "../i18n.ts";
import {
  checkVerdict,
  controlId,
  type FieldKey,
  fieldLabel,
  type PlacedProblem,
  problemsOf,
  summaryOrder,
} from "../problems.ts";
import {
  checkFailed,
  checking,
  confirmingRetire,
  conflict,
  counts,
  currentProblems,
  discardRestored,
  earlierWarnings,
  form,
  isSystem,
  loadError,
  loadedId,
  loading,
  meta,
  mode,
  open,
  openTheirs,
  problems,
  restored,
  retire,
  revert,
  reviewByEntered,
  save,
  saveBlocked,
  saveMine,
  saveUnfinished,
  saving,
  seed,
  teaching,
  topicEdit,
  unfinishedOffered,
  update,
} from "../state/editor.ts";
import { feedback, feedbackError, helpfulnessOf } from "../state/feedback.ts";
import { changedIds, draft, draftItemName } from "../state/topics.ts";
import {
  type LocaleForm,
  lineOfIndex,
  localeCounts,
  MAX_ANSWER_CHARS,
  MAX_TITLE_CHARS,
  MIN_TESTS_PER_LANG,
  MIN_UTTERANCES_PER_LANG,
} from "../topicForm.ts";
import { AnswerPreview } from "./AnswerPreview.tsx";
import { ItemHistory } from "./ItemHistory.tsx";
import { ProblemPageLink } from "./ProblemPageLink.tsx";
import { RestoredNotice } from "./RestoredNotice.tsx";
import {
  Confirm,
  DraftForm,
  DraftSaveBar,
  describedBy,
  EditorHeading,
  Field,
  FieldProblemList,
  focusControl,
  LoadError,
  RemoveActions,
  RevertConfirm,
} from "./ui.tsx";

export function TopicEditor() {
  const t = text.value;
  const isNew = mode.value === "new";
  const id = loadedId.value ?? "";
  const m = meta.value;

  return (
    <section aria-labelledby="view-heading" class="view editor">
      <EditorHeading
        back={{ view: "topics" }}
        backLabel={t.backToTopics}
        item={isNew ? undefined : { id, saved: draft.value?.topics.find((x) => x.id === id) }}
        newTitle={t.newTopicTitle}
        editTitle={t.editTopicTitle}
      />
      {m.updatedBy || m.updatedAt ? (
        <p class="muted small-text">
          {t.lastChanged(actorName({ name: m.updatedBy }, t), formatDateTime(m.updatedAt, t))}
        </p>
      ) : null}
      {m.retired ? <p class="notice warning">{t.retiredNotice}</p> : null}
      {m.inProgress ? (
        <p class="notice warning" data-testid="topic-in-progress">
          {t.inProgressNotice}
        </p>
      ) : null}
      {!isNew && isSystem.value ? <p class="notice">{t.systemNotice}</p> : null}
      {isNew && seed.value ? (
        <p class="notice" data-testid="topic-seed">
          {t.seedNotice(seed.value.samples.length)}
        </p>
      ) : null}
      <LoadError
        message={loadError.value}
        id="topic-load-error"
        {...(isNew ? {} : { retry: () => open(id) })}
      />
      <RestoredNotice restored={restored.value} onDiscard={discardRestored} />
      {loading.value ? <p class="muted">{t.loading}</p> : null}
      {!isNew && !loading.value && !loadError.value ? <TopicFeedbackPanel id={id} /> : null}
      {isNew ? null : <ItemHistory kind="topic" id={id} />}
      {loading.value || loadError.value ? null : <EditorForm />}
    </section>
  );
}

/** Customers' votes on this topic's answers per language, and what it did not help with. */
function TopicFeedbackPanel(props: { id: string }) {
  const t = text.value;
  const h = helpfulnessOf(feedback.value, props.id);
  return (
    <section
      class="topic-feedback"
      aria-labelledby="topic-feedback-title"
      data-testid="topic-feedback"
    >
      <h3 id="topic-feedback-title">{t.feedbackTitle}</h3>
      {feedbackError.value ? <p class="muted small-text">{feedbackError.value}</p> : null}
      {feedback.value ? (
        <div class="feedback-langs">
          {(["fi", "sv"] as const).map((lang) => {
            const f = h[lang];
            return (
              <section key={lang} aria-labelledby={`topic-feedback-${lang}`} data-lang={lang}>
                <h4 id={`topic-feedback-${lang}`}>{t.langColumn[lang]}</h4>
                <p>{t.answeredTimes(f.answers, formatCount(f.answers, t))}</p>
                {f.votes ? (
                  <p>
                    {t.helpfulShare}: <strong>{formatPercent(f.share, t)}</strong> (
                    {t.votes(f.helpful, f.unhelpful)})
                  </p>
                ) : (
                  <p class="muted">{t.noVotes}</p>
                )}
                <h5>{t.latestUnhelpful}</h5>
                {f.latestUnhelpful.length ? (
                  <ul class="unhelpful">
                    {f.latestUnhelpful.map((q) => (
                      <li key={`${q.at}|${q.text}`}>
                        <span lang={lang}>{q.text}</span>{" "}
                        <span class="muted small-text">{formatDateTime(q.at, t)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted small-text">{t.noUnhelpful}</p>
                )}
              </section>
            );
          })}
        </div>
      ) : feedbackError.value ? null : (
        <p class="muted">{t.loading}</p>
      )}
    </section>
  );
}

function EditorForm() {
  const t = text.value;
  const isNew = mode.value === "new";
  const blocked = saveBlocked.value;
  const busy = saving.value;
  const canRetire = !isNew && !isSystem.value && !meta.value.retired;
  const unfinished = meta.value.inProgress === true;
  const canRevert = !isNew && loadedId.value !== undefined && changedIds.value.has(loadedId.value);
  return (
    <DraftForm idPrefix="topic" edit={topicEdit} blocked={blocked} save={save}>
      {isNew ? <IdField /> : null}
      <div class="locales">
        <LocaleFields lang="fi" />
        <LocaleFields lang="sv" />
      </div>
      <SharedFields />
      <ProblemSummary />
      <DraftSaveBar
        idPrefix="topic"
        label={t.save}
        busyLabel={teaching.value ? t.seedTeaching : undefined}
        edit={topicEdit}
        blocked={blocked}
        hint={t.saveBlocked(counts.value.errors)}
        onTheirs={openTheirs}
        onMine={saveMine}
        alternative={unfinishedOffered.value ? <SaveUnfinished busy={busy} /> : null}
      />
      <RemoveActions
        idPrefix="topic"
        {...(canRetire ? { retire: unfinished ? t.discardUnfinished : t.retire } : {})}
        {...(canRevert ? { revert: t.revert } : {})}
        edit={topicEdit}
      />
      {confirmingRetire.value ? (
        <Confirm
          id="retire-confirm"
          question={
            unfinished
              ? t.discardUnfinishedConfirm(draftItemName(loadedId.value ?? "", t))
              : retireQuestion(loadedId.value ?? "")
          }
          yes={unfinished ? t.discardUnfinishedYes : t.retireYes}
          busy={busy}
          onYes={() =>
            void retire().then(() => {
              if (!conflict.value) focusControl("view-heading");
            })
          }
          onCancel={() => {
            confirmingRetire.value = false;
            focusControl("topic-retire");
          }}
        />
      ) : null}
      <RevertConfirm
        id="revert-confirm"
        idPrefix="topic"
        question={t.revertConfirm(draftItemName(loadedId.value ?? "", t))}
        yes={t.revertYes}
        edit={topicEdit}
        revert={revert}
      />
    </DraftForm>
  );
}

/**
 * Beside the blocked Save of a new topic: keep it unfinished in the draft, with the line that
 * says customers do not get it until it is finished.
 */
function SaveUnfinished(props: { busy: boolean }) {
  const t = text.value;
  return (
    <div class="save-unfinished">
      <button
        type="button"
        class="secondary"
        id="topic-save-unfinished"
        data-testid="topic-save-unfinished"
        aria-describedby="topic-save-unfinished-hint"
        aria-disabled={props.busy ? "true" : undefined}
        onClick={() => {
          if (!props.busy) void saveUnfinished();
        }}
      >
        {t.saveUnfinished}
      </button>
      <p id="topic-save-unfinished-hint" class="muted small-text">
        {t.saveUnfinishedHint}
      </p>
    </div>
  );
}

/** The field's problems, linked to its control by id; nothing when it has none. */
function FieldProblems(props: { id: string; field: FieldKey; index?: number }) {
  const t = text.value;
  const list = problemsOf(problems.value, props.field).filter(
    (p) => props.index === undefined || p.index === props.index,
  );
  return (
    <FieldProblemList
      id={props.id}
      problems={list}
      where={(p) => (props.index === undefined ? where(p, t) : "")}
    />
  );
}

/** The row a list problem points at: "rivi 5", "linkki 2", "kohta 1". */
function where(p: PlacedProblem, t: UiText): string {
  if (p.index === undefined) return "";
  const [lang, field] = p.field.split(".") as [Lang, string];
  if (field === "utterances" || field === "tests") {
    const source = form.value[lang][field];
    return t.line(lineOfIndex(source, p.index) ?? p.index + 1);
  }
  if (field === "links") return t.linkN(p.index + 1);
  return t.itemN(p.index + 1);
}

function hasError(field: FieldKey, index?: number): boolean {
  return problemsOf(problems.value, field).some(
    (p) => p.severity === "error" && (index === undefined || p.index === index),
  );
}

function hasProblems(field: FieldKey, index?: number): boolean {
  return problemsOf(problems.value, field).some((p) => index === undefined || p.index === index);
}

function IdField() {
  const t = text.value;
  const id = "topic-id";
  return (
    <Field
      id={id}
      label={t.idLabel}
      hint={t.idHint}
      extra={<FieldProblems id={`${id}-problems`} field="id" />}
    >
      <input
        id={id}
        type="text"
        autocomplete="off"
        spellcheck={false}
        value={form.value.id}
        aria-invalid={hasError("id") ? "true" : undefined}
        aria-describedby={describedBy(`${id}-hint`, hasProblems("id") && `${id}-problems`)}
        onInput={(event) => {
          const value = event.currentTarget.value;
          update((f) => ({ ...f, id: value }));
        }}
      />
    </Field>
  );
}

function LocaleFields(props: { lang: Lang }) {
  const t = text.value;
  const lang = props.lang;
  const locale = form.value[lang];
  const c = localeCounts(locale);
  const set = (change: Partial<LocaleForm>) =>
    update((f) => ({ ...f, [lang]: { ...f[lang], ...change } }));
  const ids = {
    title: `topic-${lang}-title`,
    utterances: `topic-${lang}-utterances`,
    answer: `topic-${lang}-answer`,
    tests: `topic-${lang}-tests`,
  };
  const over = c.answerChars - MAX_ANSWER_CHARS;
  return (
    <fieldset class="locale" data-lang={lang}>
      <legend>{t.localeLegend(lang)}</legend>
      <Field
        id={ids.title}
        label={t.titleLabel}
        hint={t.titleHint(MAX_TITLE_CHARS)}
        extra={<FieldProblems id={`${ids.title}-problems`} field={`${lang}.title`} />}
      >
        <input
          id={ids.title}
          type="text"
          lang={lang}
          value={locale.title}
          aria-invalid={hasError(`${lang}.title`) ? "true" : undefined}
          aria-describedby={describedBy(
            `${ids.title}-hint`,
            hasProblems(`${lang}.title`) && `${ids.title}-problems`,
          )}
          onInput={(event) => set({ title: event.currentTarget.value })}
        />
      </Field>
      <Field
        id={ids.utterances}
        label={t.utterancesLabel}
        hint={t.utterancesHint}
        extra={
          <>
            <p id={`${ids.utterances}-count`} class="counter">
              {t.utteranceCount(c.utterances, MIN_UTTERANCES_PER_LANG)}
            </p>
            <FieldProblems id={`${ids.utterances}-problems`} field={`${lang}.utterances`} />
          </>
        }
      >
        <textarea
          id={ids.utterances}
          lang={lang}
          rows={10}
          value={locale.utterances}
          aria-invalid={hasError(`${lang}.utterances`) ? "true" : undefined}
          aria-describedby={describedBy(
            `${ids.utterances}-hint`,
            `${ids.utterances}-count`,
            hasProblems(`${lang}.utterances`) && `${ids.utterances}-problems`,
          )}
          onInput={(event) => set({ utterances: event.currentTarget.value })}
        />
      </Field>
      <Field
        id={ids.answer}
        label={t.answerLabel}
        hint={t.answerHint}
        extra={
          <>
            <p id={`${ids.answer}-count`} class={over > 0 ? "counter over" : "counter"}>
              {t.answerCount(c.answerChars, MAX_ANSWER_CHARS)}
              {over > 0 ? ` – ${t.answerOver(over)}` : ""}
            </p>
            <FieldProblems id={`${ids.answer}-problems`} field={`${lang}.answer`} />
          </>
        }
      >
        <textarea
          id={ids.answer}
          lang={lang}
          rows={8}
          value={locale.answer}
          aria-invalid={hasError(`${lang}.answer`) || over > 0 ? "true" : undefined}
          aria-describedby={describedBy(
            `${ids.answer}-hint`,
            `${ids.answer}-count`,
            hasProblems(`${lang}.answer`) && `${ids.answer}-problems`,
          )}
          onInput={(event) => set({ answer: event.currentTarget.value })}
        />
      </Field>
      <EditorPreview lang={lang} />
      <LinksEditor lang={lang} />
      {locale.personal && Object.keys(locale.personal).length ? (
        <details class="personal">
          <summary>{t.personalLegend}</summary>
          <p class="hint">{t.personalHint}</p>
          <dl>
            {Object.entries(locale.personal).map(([variant, template]) => (
              <div key={variant}>
                <dt>{variant}</dt>
                <dd lang={lang}>{template}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <Field
        id={ids.tests}
        label={t.testsLabel}
        hint={t.testsHint}
        extra={
          <>
            <p id={`${ids.tests}-count`} class="counter">
              {t.testCount(c.tests, MIN_TESTS_PER_LANG)}
            </p>
            <FieldProblems id={`${ids.tests}-problems`} field={`${lang}.tests`} />
          </>
        }
      >
        <textarea
          id={ids.tests}
          lang={lang}
          rows={6}
          value={locale.tests}
          aria-invalid={hasError(`${lang}.tests`) ? "true" : undefined}
          aria-describedby={describedBy(
            `${ids.tests}-hint`,
            `${ids.tests}-count`,
            hasProblems(`${lang}.tests`) && `${ids.tests}-problems`,
          )}
          onInput={(event) => set({ tests: event.currentTarget.value })}
        />
      </Field>
    </fieldset>
  );
}

/**
 * Under the answer: the answer as customers will get it in `lang`, with its links, follow-ups
 * and action, as the form has them now.
 */
function EditorPreview(props: { lang: Lang }) {
  const t = text.value;
  const topics = draft.value?.topics ?? [];
  const message = formAnswerMessage(
    form.value,
    props.lang,
    (id, lang) => topics.find((topic) => topic.id === id)?.[lang].title,
  );
  return (
    <figure class="editor-preview" data-testid={`topic-${props.lang}-preview`}>
      <figcaption>{t.customerSees}</figcaption>
      <p class="hint">{t.editorPreviewHint}</p>
      <AnswerPreview messages={message ? [message] : []} lang={props.lang} />
    </figure>
  );
}

function LinksEditor(props: { lang: Lang }) {
  const t = text.value;
  const lang = props.lang;
  const links = form.value[lang].links;
  const field: FieldKey = `${lang}.links`;
  const setLinks = (next: LocaleForm["links"]) =>
    update((f) => ({ ...f, [lang]: { ...f[lang], links: next } }));
  const addId = `topic-${lang}-links-add`;
  const general = problemsOf(problems.value, field).filter((p) => p.index === undefined);
  return (
    <fieldset class="links" aria-describedby={`topic-${lang}-links-hint`}>
      <legend>{t.linksLegend}</legend>
      <p id={`topic-${lang}-links-hint`} class="hint">
        {t.linksHint}
      </p>
      {links.length === 0 ? <p class="muted small-text">{t.noLinks}</p> : null}
      <ol class="link-rows">
        {links.map((link, i) => {
          const base = `topic-${lang}-link-${i}`;
          const rowProblems = problemsOf(problems.value, field).filter((p) => p.index === i);
          const errorIn = (sub: string) =>
            rowProblems.some((p) => p.severity === "error" && (p.sub === sub || !p.sub));
          const problemsId = rowProblems.length ? `${base}-problems` : undefined;
          return (
            <li key={i}>
              <fieldset class="link-row">
                <legend class="row-name">{t.linkRow(i + 1)}</legend>
                <div class="field">
                  <label for={`${base}-label`}>{t.linkLabel}</label>
                  <input
                    id={`${base}-label`}
                    type="text"
                    lang={lang}
                    value={link.label}
                    aria-invalid={errorIn("label") ? "true" : undefined}
                    aria-describedby={problemsId}
                    onInput={(event) => {
                      const value = event.currentTarget.value;
                      setLinks(links.map((l, j) => (j === i ? { ...l, label: value } : l)));
                    }}
                  />
                </div>
                <div class="field">
                  <label for={`${base}-url`}>{t.linkUrl}</label>
                  <input
                    id={`${base}-url`}
                    type="url"
                    inputMode="url"
                    spellcheck={false}
                    value={link.url}
                    aria-invalid={errorIn("url") ? "true" : undefined}
                    aria-describedby={problemsId}
                    onInput={(event) => {
                      const value = event.currentTarget.value;
                      setLinks(links.map((l, j) => (j === i ? { ...l, url: value } : l)));
                    }}
                  />
                </div>
                <button
                  type="button"
                  class="secondary small danger"
                  onClick={() => {
                    setLinks(links.filter((_, j) => j !== i));
                    focusControl(addId);
                  }}
                >
                  {t.removeLink(i + 1)}
                </button>
                <FieldProblems id={`${base}-problems`} field={field} index={i} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {general.length ? <FieldProblems id={`topic-${lang}-links-problems`} field={field} /> : null}
      <button
        type="button"
        class="secondary small"
        id={addId}
        onClick={() => {
          setLinks([...links, { label: "", url: "https://" }]);
          focusControl(`topic-${lang}-link-${links.length}-label`);
        }}
      >
        {t.addLink}
      </button>
    </fieldset>
  );
}

/** The retire confirmation, naming the topics that offer this one as a follow-up. */
function retireQuestion(id: string): string {
  const t = text.value;
  const offeredBy = offeredAsFollowUpBy(draft.value?.topics ?? [], id);
  const names = offeredBy.map((topic) => draftItemName(topic.id, t)).join(", ");
  return offeredBy.length
    ? `${t.retireConfirm(draftItemName(id, t))} ${t.retireOfferedBy(names, offeredBy.length)}`
    : t.retireConfirm(draftItemName(id, t));
}

function SharedFields() {
  const t = text.value;
  const current = form.value;
  const all = followUpChoices(draft.value?.topics ?? [], current, t.lang, t.badgeInProgress);
  const name = (choice: { id: string; title: string }) =>
    choice.title ? `${choice.id} – ${choice.title}` : choice.id;
  const chosen = current.followUps.map(
    (id) => all.find((choice) => choice.id === id) ?? { id, title: "" },
  );
  return (
    <fieldset class="shared">
      <legend>{t.sharedLegend}</legend>
      <Field
        id="topic-action"
        label={t.actionLabel}
        extra={<FieldProblems id="topic-action-problems" field="action" />}
      >
        <select
          id="topic-action"
          value={current.action}
          aria-invalid={hasError("action") ? "true" : undefined}
          aria-describedby={hasProblems("action") ? "topic-action-problems" : undefined}
          onChange={(event) => {
            const value = event.currentTarget.value as TopicAction | "";
            update((f) => ({ ...f, action: value }));
          }}
        >
          {(["", ...TOPIC_ACTIONS] as const).map((action) => (
            <option key={action} value={action}>
              {t.actions[action]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        id="topic-followups"
        class="followups"
        aria-describedby={describedBy(
          "topic-followups-hint",
          hasProblems("followUps") && "topic-followups-problems",
        )}
      >
        <legend>{t.followUpsLegend}</legend>
        <p id="topic-followups-hint" class="hint">
          {t.followUpsHint}
        </p>
        {all.length === 0 ? (
          <p class="muted small-text">{t.noFollowUpChoices}</p>
        ) : (
          <>
            <p class="chosen" data-testid="topic-followups-chosen">
              {chosen.length ? t.followUpsChosen(chosen.map(name).join(", ")) : t.noFollowUps}
            </p>
            {/* Folded: every topic is a checkbox, dozens of Tab stops between the form and Save. */}
            <details>
              <summary>{t.followUpsChoose(chosen.length, all.length)}</summary>
              <ul class="choices">
                {all.map((choice) => (
                  <li key={choice.id}>
                    <input
                      type="checkbox"
                      id={`topic-followup-${choice.id}`}
                      checked={current.followUps.includes(choice.id)}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        update((f) => ({
                          ...f,
                          followUps: checked
                            ? [...f.followUps, choice.id]
                            : f.followUps.filter((x) => x !== choice.id),
                        }));
                      }}
                    />
                    <label for={`topic-followup-${choice.id}`}>{name(choice)}</label>
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
        <FieldProblems id="topic-followups-problems" field="followUps" />
      </fieldset>
      <Field
        id="topic-review-by"
        label={t.reviewByLabel}
        hint={t.reviewByHint}
        extra={<FieldProblems id="topic-review-by-problems" field="reviewBy" />}
      >
        <input
          id="topic-review-by"
          type="date"
          value={current.reviewBy}
          aria-invalid={hasError("reviewBy") ? "true" : undefined}
          aria-describedby={describedBy(
            "topic-review-by-hint",
            hasProblems("reviewBy") && "topic-review-by-problems",
          )}
          onInput={(event) => {
            const el = event.currentTarget;
            reviewByEntered(el.validity.badInput);
            update((f) => ({ ...f, reviewBy: el.value }));
          }}
          // A date typed in part from an empty field changes no value, so fires no input:
          // the field is looked at as keys go and when it is left too.
          onKeyUp={(event) => reviewByEntered(event.currentTarget.validity.badInput)}
          onBlur={(event) => reviewByEntered(event.currentTarget.validity.badInput)}
        />
      </Field>
      <div class="field checkbox">
        <input
          type="checkbox"
          id="topic-demo"
          checked={current.demo}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            update((f) => ({ ...f, demo: checked }));
          }}
        />
        <label for="topic-demo">{t.demoLabel}</label>
        <FieldProblems id="topic-demo-problems" field="demo" />
      </div>
    </fieldset>
  );
}

/** Every problem with its message and fix; each links to its field. */
function ProblemSummary() {
  const t = text.value;
  const list = summaryOrder(currentProblems.value);
  const earlier = summaryOrder(earlierWarnings.value);
  const c = counts.value;
  const verdict = checkVerdict(c, checkFailed.value);
  return (
    <section
      id="topic-summary"
      class="check"
      aria-labelledby="topic-summary-title"
      tabIndex={-1}
      data-testid="topic-check"
    >
      <h3 id="topic-summary-title">{t.checkTitle}</h3>
      <p role="status" class="check-counts" data-errors={c.errors} data-warnings={c.warnings}>
        {verdict === "found"
          ? t.checkCounts(c.errors, c.warnings)
          : verdict === "notRun"
            ? t.checkNotRun
            : t.checkOk}
      </p>
      {checking.value ? (
        <p class="muted small-text" data-testid="topic-checking">
          {t.checking}
        </p>
      ) : null}
      {checkFailed.value && verdict === "found" ? (
        <p class="muted small-text">{t.checkFailed}</p>
      ) : null}
      {list.length ? (
        <ul class="problem-list">
          {list.map((p) => (
            <SummaryItem key={`${p.path}|${p.message}|${p.severity}`} problem={p} />
          ))}
        </ul>
      ) : null}
      {earlier.length ? (
        <details class="earlier-warnings" data-testid="earlier-warnings">
          <summary>{t.earlierWarnings(earlier.length)}</summary>
          <ul class="problem-list">
            {earlier.map((p) => (
              <SummaryItem key={`${p.path}|${p.message}|${p.severity}`} problem={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** One problem in the summary: its field as a link there, the message and the fix. */
function SummaryItem(props: { problem: PlacedProblem }) {
  const t = text.value;
  const p = props.problem;
  const place = [fieldLabel(p, t), where(p, t)].filter(Boolean).join(", ");
  return (
    <li class={p.severity}>
      <strong>{t.severity[p.severity]}</strong>{" "}
      {p.field === "general" ? (
        <span>{place}</span>
      ) : (
        <a
          href={`#${controlId(p)}`}
          onClick={(event) => {
            event.preventDefault();
            focusControl(controlId(p));
          }}
        >
          {place}
        </a>
      )}
      : {p.message}
      {p.fix ? (
        <span class="fix">
          {" "}
          {t.fixLabel} {p.fix}
        </span>
      ) : null}
      <ProblemPageLink problem={p} />
    </li>
  );
}
