/**
 * A page that edits one of the draft's lists whole (the out-of-scope examples, the uncovered
 * questions): the Finnish and Swedish lists side by side, one item per line, checked as they
 * are typed by the same rules as topics and referral groups.
 */
import type { ComponentChildren } from "preact";
import { type Lang, SYSTEM_ACTOR } from "../api.ts";
import { formatDateTime, text } from "../i18n.ts";
import type { PlacedListProblem } from "../listsForm.ts";
import { checkVerdict } from "../problems.ts";
import type { ListPage } from "../state/listPage.ts";
import { lineOfIndex, nonBlankLines } from "../topicForm.ts";
import { ItemHistory } from "./ItemHistory.tsx";
import { RestoredNotice } from "./RestoredNotice.tsx";
import {
  DraftForm,
  DraftSaveBar,
  describedBy,
  Field,
  FieldProblemList,
  LoadError,
  RemoveActions,
  RevertConfirm,
} from "./ui.tsx";

/** What a list page says, in the studio's language. */
export interface ListsPageWords {
  title: string;
  intro: string;
  listLabel: string;
  listHint: string;
  count: (n: number) => string;
  summary: string;
  revertConfirm: string;
}

export function ListsPage(props: {
  page: ListPage;
  /** Ids of the page's elements start with it: `out-of-scope-fi`, `out-of-scope-check`. */
  idPrefix: "out-of-scope" | "uncovered";
  words: ListsPageWords;
  /** More to say under the introduction. */
  children?: ComponentChildren;
}) {
  const { page, idPrefix, words } = props;
  const t = text.value;
  const blocked = page.saveBlocked.value;
  const saved = page.lastSaved.value;
  const opened = page.opened.value;
  const unreadable = page.unreadable.value;
  return (
    <section aria-labelledby="view-heading" class="view editor">
      <h2 id="view-heading" tabIndex={-1}>
        {words.title}
      </h2>
      <p>{words.intro}</p>
      {props.children}
      {saved ? (
        <p class="muted">
          {t.lastChanged(
            // The service seeded or rolled back the whole draft: named as the audit trail does.
            saved.by === SYSTEM_ACTOR.displayName ? t.systemActor : saved.by,
            formatDateTime(saved.at, t),
          )}
        </p>
      ) : null}
      {!opened && !unreadable ? <p class="muted">{t.loading}</p> : null}
      <LoadError message={page.readError.value} id={`${idPrefix}-load-error`} retry={page.open} />
      <RestoredNotice restored={page.edit.restored.value} onDiscard={page.discardRestored} />
      {opened ? <ItemHistory kind={idPrefix} id="lists" /> : null}
      {/* Lists that could not be read are not shown empty: nobody should take them for empty. */}
      {unreadable ? null : (
        <DraftForm idPrefix={idPrefix} edit={page.edit} blocked={blocked} save={page.save}>
          <div class="locales">
            <ListField page={page} idPrefix={idPrefix} words={words} lang="fi" />
            <ListField page={page} idPrefix={idPrefix} words={words} lang="sv" />
          </div>
          <Summary page={page} idPrefix={idPrefix} words={words} />
          <DraftSaveBar
            idPrefix={idPrefix}
            label={t.save}
            edit={page.edit}
            blocked={blocked}
            hint={opened ? t.saveBlocked(page.counts.value.errors) : undefined}
            onTheirs={page.openTheirs}
            onMine={page.saveMine}
          />
          <RemoveActions
            idPrefix={idPrefix}
            {...(opened && page.changed.value ? { revert: t.revert } : {})}
            edit={page.edit}
          />
          <RevertConfirm
            id={`${idPrefix}-revert-confirm`}
            idPrefix={idPrefix}
            question={words.revertConfirm}
            yes={t.revertYes}
            edit={page.edit}
            revert={page.revert}
          />
        </DraftForm>
      )}
    </section>
  );
}

function problemsAt(page: ListPage, lang: Lang): PlacedListProblem[] {
  return page.problems.value
    .filter((p) => p.field === lang)
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        (a.index ?? -1) - (b.index ?? -1),
    );
}

/** The line of its list a problem is on, in words ("rivi 4"); "" for a list as a whole. */
function lineOf(page: ListPage, p: PlacedListProblem): string {
  if (p.field === "general" || p.index === undefined) return "";
  const line = lineOfIndex(page.edit.form.value[p.field], p.index) ?? p.index + 1;
  return text.value.line(line);
}

/** Where in the lists a problem is, for the summary: "Suomi, rivi 4". */
function place(page: ListPage, p: PlacedListProblem): string {
  if (p.field === "general") return "";
  return [text.value.langColumn[p.field], lineOf(page, p)].filter(Boolean).join(", ");
}

function ListField(props: { page: ListPage; idPrefix: string; words: ListsPageWords; lang: Lang }) {
  const t = text.value;
  const { page, words, lang } = props;
  const id = `${props.idPrefix}-${lang}`;
  const value = page.edit.form.value[lang];
  const problems = problemsAt(page, lang);
  return (
    <fieldset class="locale" data-lang={lang}>
      <legend>{t.localeLegend(lang)}</legend>
      <Field
        id={id}
        label={words.listLabel}
        hint={words.listHint}
        extra={
          <>
            <p id={`${id}-count`} class="counter">
              {words.count(nonBlankLines(value).length)}
            </p>
            <FieldProblemList
              id={`${id}-problems`}
              problems={problems}
              where={(p) => lineOf(page, p)}
            />
          </>
        }
      >
        <textarea
          id={id}
          lang={lang}
          rows={16}
          value={value}
          readOnly={!page.opened.value}
          aria-invalid={problems.some((p) => p.severity === "error") ? "true" : undefined}
          aria-describedby={describedBy(
            `${id}-hint`,
            `${id}-count`,
            problems.length > 0 && `${id}-problems`,
          )}
          onInput={(event) => page.update(lang, event.currentTarget.value)}
        />
      </Field>
    </fieldset>
  );
}

function Summary(props: { page: ListPage; idPrefix: string; words: ListsPageWords }) {
  const t = text.value;
  const { page, idPrefix } = props;
  const list = page.problems.value;
  const counts = page.counts.value;
  const settled = page.opened.value && !page.edit.checking.value;
  return (
    <section
      id={`${idPrefix}-summary`}
      tabIndex={-1}
      aria-labelledby={`${idPrefix}-summary-heading`}
    >
      <h3 id={`${idPrefix}-summary-heading`}>{props.words.summary}</h3>
      <p class="muted" aria-live="polite" data-testid={`${idPrefix}-check`}>
        {page.edit.checking.value
          ? t.checking
          : settled
            ? {
                found: t.checkCounts(counts.errors, counts.warnings),
                notRun: t.checkNotRun,
                clean: t.checkOk,
              }[checkVerdict(counts, page.edit.checkFailed.value)]
            : ""}
      </p>
      <FieldProblemList
        id={`${idPrefix}-summary-problems`}
        problems={list}
        where={(p) => place(page, p)}
      />
    </section>
  );
}
