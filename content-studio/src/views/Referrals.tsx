/**
 * Referral groups: the list, and one group's editor with Finnish and Swedish side by side
 * (title, answer, link, sentences), checked as it is typed by the same rules as topics.
 */
import type { Lang } from "../api.ts";
import { actorName, formatDateTime, text } from "../i18n.ts";
import {
  MAX_REFERRAL_ANSWER_CHARS,
  MIN_REFERRAL_SENTENCES,
  type PlacedReferralProblem,
  type ReferralFieldKey,
  type ReferralLocaleForm,
} from "../referralForm.ts";
import { routeHash } from "../route.ts";
import {
  checkFailed,
  checking,
  confirmingRetire,
  discardRestoredReferral,
  nothingRead,
  openId,
  openReferral,
  openTheirReferral,
  readError,
  referralCounts,
  referralEdit,
  referralForm,
  referralProblems,
  referralRestored,
  referralSaveBlocked,
  referrals,
  removedReferralIds,
  restoreOutcome,
  restoreReferral,
  restoring,
  retireReferral,
  revertReferral,
  saveMyReferral,
  saveReferral,
  saving,
  unreadable,
  updateReferral,
} from "../state/referrals.ts";
import { changedReferralIds, listError, listLoading, loadDraft } from "../state/topics.ts";
import { lineOfIndex, nonBlankLines } from "../topicForm.ts";
import { ItemHistory } from "./ItemHistory.tsx";
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
  Outcome,
  RemoveActions,
  RevertConfirm,
  Scroll,
} from "./ui.tsx";

export function Referrals() {
  const t = text.value;
  const r = t.referrals;
  const list = referrals.value;
  return (
    <section aria-labelledby="view-heading" class="view">
      <h2 id="view-heading" tabIndex={-1}>
        {r.title}
      </h2>
      <p>{r.intro}</p>
      <p>
        <a href={routeHash({ view: "referral", id: "new" })}>{r.add}</a>
      </p>
      <LoadError message={listError.value} id="referrals-load-error" retry={() => loadDraft()} />
      {listLoading.value && !list.length ? <p class="muted">{t.loading}</p> : null}
      {!listLoading.value && !list.length ? <p>{r.none}</p> : null}
      {list.length ? (
        <Scroll labelledBy="referrals-caption">
          <table class="data">
            <caption id="referrals-caption">{r.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.columns.id}</th>
                <th scope="col">{`${r.columns.title} (${t.langColumn.fi})`}</th>
                <th scope="col">{`${r.columns.title} (${t.langColumn.sv})`}</th>
                <th scope="col">{r.columns.sentences}</th>
                <th scope="col">{r.columns.changed}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <a href={routeHash({ view: "referral", id: g.id })}>{g.id}</a>
                  </th>
                  <td lang="fi">{g.fi.title}</td>
                  <td lang="sv">{g.sv.title}</td>
                  <td>{`${g.fi.sentences.length} / ${g.sv.sentences.length}`}</td>
                  <td>
                    {g.updatedBy
                      ? `${actorName({ name: g.updatedBy }, t)}, ${formatDateTime(g.updatedAt, t)}`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <RemovedReferrals />
    </section>
  );
}

/** Live groups the draft removed: each can be brought back before publishing. */
function RemovedReferrals() {
  const r = text.value.referrals;
  const ids = removedReferralIds.value;
  if (!ids.length && !restoreOutcome.value) return null;
  return (
    <section aria-labelledby="removed-referrals-title" class="stack">
      <h3 id="removed-referrals-title">{r.removedTitle}</h3>
      {ids.length ? (
        <ul data-testid="removed-referrals">
          {ids.map((id) => (
            <li key={id}>
              {`${id} `}
              <button
                type="button"
                class="secondary small"
                id={`restore-referral-${id}`}
                aria-disabled={restoring.value ? "true" : undefined}
                onClick={() => void restoreReferral(id)}
              >
                {restoring.value === id ? r.restoring : r.restore}
                <span class="sr-only">{`: ${r.editTitle(id)}`}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Outcome outcome={restoreOutcome.value} />
    </section>
  );
}

export function ReferralEditor() {
  const t = text.value;
  const r = t.referrals;
  const id = openId.value;
  const isNew = id === undefined;
  const blocked = referralSaveBlocked.value;
  const busy = saving.value;
  const canRetire = !isNew && !unreadable.value;
  const canRevert = canRetire && id !== undefined && changedReferralIds.value.has(id);
  return (
    <section aria-labelledby="view-heading" class="view editor">
      <EditorHeading
        back={{ view: "referrals" }}
        backLabel={r.back}
        item={isNew ? undefined : { id, saved: referrals.value.find((g) => g.id === id) }}
        newTitle={r.newTitle}
        editTitle={r.editTitle}
      />
      <LoadError
        message={readError.value}
        id="referral-load-error"
        {...(id === undefined ? {} : { retry: () => openReferral(id) })}
      />
      <RestoredNotice restored={referralRestored.value} onDiscard={discardRestoredReferral} />
      {nothingRead.value ? null : (
        <DraftForm idPrefix="referral" edit={referralEdit} blocked={blocked} save={saveReferral}>
          {isNew ? <IdField /> : null}
          <div class="locales">
            <LocaleFields lang="fi" />
            <LocaleFields lang="sv" />
          </div>
          <Summary />
          <DraftSaveBar
            idPrefix="referral"
            label={r.save}
            edit={referralEdit}
            blocked={blocked}
            hint={unreadable.value ? r.unreadable : t.saveBlocked(referralCounts.value.errors)}
            onTheirs={openTheirReferral}
            onMine={saveMyReferral}
          />
          <RemoveActions
            idPrefix="referral"
            {...(canRetire ? { retire: r.retire } : {})}
            {...(canRevert ? { revert: r.revert } : {})}
            edit={referralEdit}
          />
          {confirmingRetire.value && id ? (
            <Confirm
              id="referral-retire-confirm"
              question={r.retireConfirm(id)}
              yes={r.retireYes}
              busy={busy}
              onYes={() => void retireReferral()}
              onCancel={() => {
                confirmingRetire.value = false;
                focusControl("referral-retire");
              }}
            />
          ) : null}
          {id === undefined ? null : (
            <RevertConfirm
              id="referral-revert-confirm"
              idPrefix="referral"
              question={r.revertConfirm(id)}
              yes={r.revertYes}
              edit={referralEdit}
              revert={revertReferral}
            />
          )}
        </DraftForm>
      )}
      {id === undefined ? null : <ItemHistory kind="referral" id={id} />}
    </section>
  );
}

function problemsAt(field: ReferralFieldKey): PlacedReferralProblem[] {
  return referralProblems.value
    .filter((p) => p.field === field)
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        (a.index ?? -1) - (b.index ?? -1),
    );
}

const hasError = (field: ReferralFieldKey) => problemsAt(field).some((p) => p.severity === "error");

function IdField() {
  const r = text.value.referrals;
  const id = "referral-id";
  const list = problemsAt("id");
  return (
    <Field
      id={id}
      label={r.id}
      hint={r.idHint}
      extra={<FieldProblemList id={`${id}-problems`} problems={list} />}
    >
      <input
        id={id}
        type="text"
        value={referralForm.value.id}
        aria-invalid={hasError("id") ? "true" : undefined}
        aria-describedby={describedBy(`${id}-hint`, list.length > 0 && `${id}-problems`)}
        onInput={(event) => {
          const value = event.currentTarget.value;
          updateReferral((f) => ({ ...f, id: value }));
        }}
      />
    </Field>
  );
}

function LocaleFields(props: { lang: Lang }) {
  const t = text.value;
  const r = t.referrals;
  const lang = props.lang;
  const locale = referralForm.value[lang];
  const set = (change: Partial<ReferralLocaleForm>) =>
    updateReferral((f) => ({ ...f, [lang]: { ...f[lang], ...change } }));
  const answerChars = locale.answer.trim().length;
  const sentenceCount = nonBlankLines(locale.sentences).length;
  const control = (
    field: "title" | "answer" | "link" | "sentences",
    key: keyof ReferralLocaleForm,
    label: string,
    options: { multiline?: number; counter?: string; over?: boolean } = {},
  ) => {
    const id = `referral-${lang}-${key}`;
    const problems = problemsAt(`${lang}.${field}`).filter(
      (p) => field !== "link" || p.path.endsWith(key === "linkUrl" ? ".url" : ".label"),
    );
    const invalid =
      problems.some((p) => p.severity === "error") || options.over ? "true" : undefined;
    const described = describedBy(
      options.counter !== undefined && `${id}-count`,
      problems.length > 0 && `${id}-problems`,
    );
    const change = (value: string) => set({ [key]: value } as Partial<ReferralLocaleForm>);
    return (
      <Field
        id={id}
        label={label}
        extra={
          <>
            {options.counter !== undefined ? (
              <p id={`${id}-count`} class={options.over ? "counter over" : "counter"}>
                {options.counter}
              </p>
            ) : null}
            <FieldProblemList
              id={`${id}-problems`}
              problems={problems}
              where={(p) =>
                p.index === undefined
                  ? ""
                  : t.line(lineOfIndex(locale.sentences, p.index) ?? p.index + 1)
              }
            />
          </>
        }
      >
        {options.multiline ? (
          <textarea
            id={id}
            lang={lang}
            rows={options.multiline}
            value={locale[key]}
            aria-invalid={invalid}
            aria-describedby={described}
            onInput={(event) => change(event.currentTarget.value)}
          />
        ) : (
          <input
            id={id}
            lang={lang}
            // A web address keeps type text: the content check, not the browser, says what is wrong.
            type="text"
            inputMode={key === "linkUrl" ? "url" : undefined}
            value={locale[key]}
            aria-invalid={invalid}
            aria-describedby={described}
            onInput={(event) => change(event.currentTarget.value)}
          />
        )}
      </Field>
    );
  };
  return (
    <fieldset class="locale" data-lang={lang}>
      <legend>{t.localeLegend(lang)}</legend>
      {control("title", "title", r.fieldTitle)}
      {control("answer", "answer", r.answer, {
        multiline: 4,
        counter: r.answerCount(answerChars, MAX_REFERRAL_ANSWER_CHARS),
        over: answerChars > MAX_REFERRAL_ANSWER_CHARS,
      })}
      {control("link", "linkLabel", r.linkLabel)}
      {control("link", "linkUrl", r.linkUrl)}
      {control("sentences", "sentences", r.sentences, {
        multiline: 10,
        counter: r.sentencesCount(sentenceCount, MIN_REFERRAL_SENTENCES),
      })}
    </fieldset>
  );
}

function Summary() {
  const t = text.value;
  const list = referralProblems.value;
  return (
    <section id="referral-summary" tabIndex={-1} aria-labelledby="referral-summary-heading">
      <h3 id="referral-summary-heading">{t.referrals.summary}</h3>
      <p class="muted" aria-live="polite" data-testid="referral-check">
        {checking.value
          ? t.checking
          : checkFailed.value
            ? list.length
              ? t.checkFailed
              : t.checkNotRun
            : ""}
      </p>
      <FieldProblemList
        id="referral-summary-problems"
        problems={list}
        where={(p) => (p.field === "general" ? "" : p.path)}
      />
    </section>
  );
}
