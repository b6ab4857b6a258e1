/**
 * The out-of-scope examples: Finnish and Swedish lists side by side, one message per line,
 * checked as they are typed by the same rules as topics and referral groups.
 */
import { type Lang, SYSTEM_ACTOR } from "../api.ts";
import { formatDateTime, text } from "../i18n.ts";
import type { PlacedOutOfScopeProblem } from "../outOfScopeForm.ts";
import { checkVerdict } from "../problems.ts";
import {
  checkFailed,
  checking,
  discardRestoredOutOfScope,
  lastSaved,
  opened,
  openOutOfScope,
  openTheirOutOfScope,
  outOfScopeChanged,
  outOfScopeCounts,
  outOfScopeEdit,
  outOfScopeForm,
  outOfScopeProblems,
  outOfScopeRestored,
  outOfScopeSaveBlocked,
  readError,
  revertOutOfScope,
  saveMyOutOfScope,
  saveOutOfScope,
  unreadable,
  updateOutOfScope,
} from "../state/outOfScope.ts";
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

export function OutOfScope() {
  const t = text.value;
  const o = t.outOfScope;
  const blocked = outOfScopeSaveBlocked.value;
  const saved = lastSaved.value;
  return (
    <section aria-labelledby="view-heading" class="view editor">
      <h2 id="view-heading" tabIndex={-1}>
        {o.title}
      </h2>
      <p>{o.intro}</p>
      {saved ? (
        <p class="muted">
          {t.lastChanged(
            // The service seeded or rolled back the whole draft: named as the audit trail does.
            saved.by === SYSTEM_ACTOR.displayName ? t.systemActor : saved.by,
            formatDateTime(saved.at, t),
          )}
        </p>
      ) : null}
      {!opened.value && !unreadable.value ? <p class="muted">{t.loading}</p> : null}
      <LoadError message={readError.value} id="out-of-scope-load-error" retry={openOutOfScope} />
      <RestoredNotice restored={outOfScopeRestored.value} onDiscard={discardRestoredOutOfScope} />
      {opened.value ? <ItemHistory kind="out-of-scope" id="lists" /> : null}
      {/* Lists that could not be read are not shown empty: nobody should take them for empty. */}
      {unreadable.value ? null : (
        <DraftForm
          idPrefix="out-of-scope"
          edit={outOfScopeEdit}
          blocked={blocked}
          save={saveOutOfScope}
        >
          <div class="locales">
            <ListField lang="fi" />
            <ListField lang="sv" />
          </div>
          <Summary />
          <DraftSaveBar
            idPrefix="out-of-scope"
            label={t.save}
            edit={outOfScopeEdit}
            blocked={blocked}
            hint={
              unreadable.value
                ? o.unreadable
                : opened.value
                  ? t.saveBlocked(outOfScopeCounts.value.errors)
                  : undefined
            }
            onTheirs={openTheirOutOfScope}
            onMine={saveMyOutOfScope}
          />
          <RemoveActions
            idPrefix="out-of-scope"
            {...(opened.value && outOfScopeChanged.value ? { revert: t.revert } : {})}
            edit={outOfScopeEdit}
          />
          <RevertConfirm
            id="out-of-scope-revert-confirm"
            idPrefix="out-of-scope"
            question={o.revertConfirm}
            yes={t.revertYes}
            edit={outOfScopeEdit}
            revert={revertOutOfScope}
          />
        </DraftForm>
      )}
    </section>
  );
}

function problemsAt(lang: Lang): PlacedOutOfScopeProblem[] {
  return outOfScopeProblems.value
    .filter((p) => p.field === lang)
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        (a.index ?? -1) - (b.index ?? -1),
    );
}

/** The line of its list a problem is on, in words ("rivi 4"); "" for a list as a whole. */
function lineOf(p: PlacedOutOfScopeProblem): string {
  if (p.field === "general" || p.index === undefined) return "";
  const line = lineOfIndex(outOfScopeForm.value[p.field], p.index) ?? p.index + 1;
  return text.value.line(line);
}

/** Where in the lists a problem is, for the summary: "Suomi, rivi 4". */
function place(p: PlacedOutOfScopeProblem): string {
  if (p.field === "general") return "";
  return [text.value.langColumn[p.field], lineOf(p)].filter(Boolean).join(", ");
}

function ListField(props: { lang: Lang }) {
  const t = text.value;
  const o = t.outOfScope;
  const lang = props.lang;
  const id = `out-of-scope-${lang}`;
  const value = outOfScopeForm.value[lang];
  const problems = problemsAt(lang);
  return (
    <fieldset class="locale" data-lang={lang}>
      <legend>{t.localeLegend(lang)}</legend>
      <Field
        id={id}
        label={o.listLabel}
        hint={o.listHint}
        extra={
          <>
            <p id={`${id}-count`} class="counter">
              {o.count(nonBlankLines(value).length)}
            </p>
            <FieldProblemList id={`${id}-problems`} problems={problems} where={lineOf} />
          </>
        }
      >
        <textarea
          id={id}
          lang={lang}
          rows={16}
          value={value}
          readOnly={!opened.value}
          aria-invalid={problems.some((p) => p.severity === "error") ? "true" : undefined}
          aria-describedby={describedBy(
            `${id}-hint`,
            `${id}-count`,
            problems.length > 0 && `${id}-problems`,
          )}
          onInput={(event) => updateOutOfScope(lang, event.currentTarget.value)}
        />
      </Field>
    </fieldset>
  );
}

function Summary() {
  const t = text.value;
  const list = outOfScopeProblems.value;
  const counts = outOfScopeCounts.value;
  const settled = opened.value && !checking.value;
  return (
    <section id="out-of-scope-summary" tabIndex={-1} aria-labelledby="out-of-scope-summary-heading">
      <h3 id="out-of-scope-summary-heading">{t.outOfScope.summary}</h3>
      <p class="muted" aria-live="polite" data-testid="out-of-scope-check">
        {checking.value
          ? t.checking
          : settled
            ? {
                found: t.checkCounts(counts.errors, counts.warnings),
                notRun: t.checkNotRun,
                clean: t.checkOk,
              }[checkVerdict(counts, checkFailed.value)]
            : ""}
      </p>
      <FieldProblemList id="out-of-scope-summary-problems" problems={list} where={place} />
    </section>
  );
}
