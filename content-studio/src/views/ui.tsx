/** Small pieces the views share: focus helpers, notices, confirmations, describedby lists. */
import type { Signal } from "@preact/signals";
import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { text } from "../i18n.ts";
import { type Route, routeHash } from "../route.ts";
import { announce } from "../state/app.ts";
import type { AuditPages } from "../state/auditPages.ts";
import type { DraftEditSignals, Outcome as OutcomeShown } from "../state/draftEdit.ts";

/** `aria-describedby` from the ids that exist; undefined when none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length ? list.join(" ") : undefined;
}

/**
 * Moves focus to a control by id; a group gets its first field, and a folded list it is in
 * opens. After the next render; to `fallback` when that render took the control away (a
 * version's button gone with its state).
 */
export function focusControl(id: string, fallback?: string): void {
  setTimeout(() => {
    const el = document.getElementById(id) ?? (fallback ? document.getElementById(fallback) : null);
    if (!el) return;
    const target =
      el.matches("input, select, textarea, button, a[href], [tabindex]") && !el.matches("fieldset")
        ? el
        : (el.querySelector<HTMLElement>("input, select, textarea, button") ?? el);
    for (
      let folded = target.closest("details");
      folded;
      folded = folded.parentElement?.closest("details") ?? null
    ) {
      folded.open = true;
    }
    target.focus();
    target.scrollIntoView?.({ block: "center" });
  }, 0);
}

/** An outcome line: errors are alerts; successes were already announced, so they are plain. */
export function Outcome(props: { outcome?: OutcomeShown | undefined; id?: string }) {
  const o = props.outcome;
  if (!o) return null;
  return o.kind === "error" ? (
    // Focusable by script only (a conflict moves focus here), when it has an id to be found by.
    <p class="notice error" role="alert" id={props.id} tabIndex={props.id ? -1 : undefined}>
      {o.text}
    </p>
  ) : (
    <p class="notice ok" id={props.id}>
      {o.text}
    </p>
  );
}

/**
 * A draft editor's outcome line (`${idPrefix}-outcome`) and, after a write refused because
 * someone saved first, the choices it describes: open their version, or, after a save, save
 * this form over it knowingly (or make again an item that is gone). When the refusal comes,
 * focus goes to the outcome, not to a choice: a second Enter on Save must not throw the form
 * away. Someone typing in a field keeps their place; the alert is read out either way. After
 * a choice, focus goes to the view's heading (theirs) or back to Save (`${idPrefix}-save`).
 */
function DraftOutcome(props: {
  /** The editor's signals: its conflict is read again once a choice has run. */
  edit: DraftEditSignals;
  idPrefix: string;
  onTheirs: () => Promise<unknown>;
  onMine: () => Promise<unknown>;
}) {
  const c = props.edit.conflict.value;
  const busy = props.edit.saving.value;
  const outcomeId = `${props.idPrefix}-outcome`;
  useLayoutEffect(() => {
    if (!c) return;
    const at = document.activeElement;
    if (at instanceof HTMLElement && at.matches("input, textarea, select")) return;
    document.getElementById(outcomeId)?.focus();
  }, [c, outcomeId]);
  const t = text.value;
  const gone = c?.revision === undefined;
  const theirs = c !== undefined && !gone;
  const mine = c?.on === "save";
  const choice = (which: "theirs" | "mine", label: string, run: () => Promise<unknown>) => (
    <button
      type="button"
      class="secondary"
      id={`${props.idPrefix}-conflict-${which}`}
      aria-describedby={outcomeId}
      aria-disabled={busy ? "true" : undefined}
      onClick={() => {
        if (busy) return;
        void run().then(() => {
          // Another refusal puts focus on its own outcome.
          if (which === "theirs") focusControl("view-heading");
          else if (!props.edit.conflict.value) focusControl(`${props.idPrefix}-save`);
        });
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      <Outcome outcome={props.edit.outcome.value} id={outcomeId} />
      {theirs || mine ? (
        <div class="actions">
          {theirs ? choice("theirs", t.conflictOpenTheirs, props.onTheirs) : null}
          {mine
            ? choice("mine", gone ? t.conflictMakeAgain : t.conflictSaveMine, props.onMine)
            : null}
        </div>
      ) : null}
    </>
  );
}

/**
 * An item editor's way back and its heading (`view-heading`): the item's title as saved, in
 * the studio's language or else the other, with its id, so the heading does not change
 * while typing. `item` is undefined for a new one.
 */
export function EditorHeading(props: {
  back: Route;
  backLabel: string;
  item:
    | { id: string; saved: { fi: { title: string }; sv: { title: string } } | undefined }
    | undefined;
  newTitle: string;
  editTitle: (id: string) => string;
}) {
  const t = text.value;
  const item = props.item;
  const saved = item?.saved;
  const title = saved ? saved[t.lang].title || saved[t.lang === "fi" ? "sv" : "fi"].title : "";
  return (
    <>
      <p>
        <a href={routeHash(props.back)}>{props.backLabel}</a>
      </p>
      <h2 id="view-heading" tabIndex={-1}>
        {!item ? (
          props.newTitle
        ) : title ? (
          <>
            {title} <span class="heading-id">{t.idNote(item.id)}</span>
          </>
        ) : (
          props.editTitle(item.id)
        )}
      </h2>
    </>
  );
}

/**
 * A draft editor's form (`<idPrefix>-form`): Save, Enter in a field and the shortcut all run
 * `save`, one at a time; asked again while it runs, it says a save is under way. Blocked, or
 * refused by the check, focus goes to the form's list of problems, `<idPrefix>-summary`.
 * Failed for another reason (no answer, a refusal of the person), the problems are not the
 * content's: someone typing in a field keeps their place, else focus goes to the outcome
 * (`<idPrefix>-outcome`); the alert is read out either way. A conflict's choices take focus
 * themselves.
 */
export function DraftForm(props: {
  idPrefix: string;
  edit: DraftEditSignals;
  blocked: boolean;
  save: () => Promise<boolean>;
  children: ComponentChildren;
}) {
  const form = useRef<HTMLFormElement>(null);
  useSaveShortcut(form);
  const { blocked, save, edit } = props;
  const summary = `${props.idPrefix}-summary`;
  return (
    <form
      ref={form}
      noValidate
      data-testid={`${props.idPrefix}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        if (edit.saving.peek()) {
          // Not silent: the first save is still waiting for its answer (its row says how long).
          announce(text.value.saveAlreadyRunning);
          return;
        }
        if (blocked) {
          focusControl(summary);
          void save();
          return;
        }
        void save().then((ok) => {
          if (ok || edit.conflict.value) return;
          const outcome = edit.outcome.value;
          if (outcome?.kind !== "error" || outcome.byCheck) {
            focusControl(summary);
            return;
          }
          const at = document.activeElement;
          if (at instanceof HTMLElement && at.matches("input, textarea, select")) return;
          focusControl(`${props.idPrefix}-outcome`);
        });
      }}
    >
      {props.children}
    </form>
  );
}

/**
 * A draft editor's Save row (`<idPrefix>-save-bar`): Save, why it is blocked while it is
 * (`hint`, left out while there is nothing to say yet), and the outcome of the last write
 * with a conflict's choices.
 */
export function DraftSaveBar(props: {
  idPrefix: string;
  label: string;
  /** What Save says while busy, when that is more than saving. */
  busyLabel?: string | undefined;
  edit: DraftEditSignals;
  blocked: boolean;
  hint?: string | undefined;
  onTheirs: () => Promise<unknown>;
  onMine: () => Promise<unknown>;
  /** Another way to save beside the blocked Save (a new topic's "Save unfinished"). */
  alternative?: ComponentChildren;
}) {
  const { idPrefix, blocked, hint } = props;
  return (
    <SaveBar testId={`${idPrefix}-save-bar`}>
      <SaveButton
        idPrefix={idPrefix}
        label={props.label}
        busyLabel={props.busyLabel}
        busy={props.edit.saving.value}
        blocked={blocked}
      />
      <SlowNotice slow={props.edit.slow} testId={`${idPrefix}-slow`} />
      {blocked && hint ? (
        <p id={`${idPrefix}-save-hint`} class="muted small-text">
          {hint}
        </p>
      ) : null}
      {props.alternative}
      <DraftOutcome
        edit={props.edit}
        idPrefix={idPrefix}
        onTheirs={props.onTheirs}
        onMine={props.onMine}
      />
    </SaveBar>
  );
}

/**
 * An editor's Save row with its outcome: sticky at the bottom of the window while the form is
 * longer than it (styles.ts). Its height goes to `--save-bar-height`, which the page keeps
 * free below a field that takes focus, so the bar never hides what is being typed.
 */
function SaveBar(props: { testId: string; children: ComponentChildren }) {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty("--save-bar-height", `${el.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--save-bar-height");
    };
  }, []);
  return (
    <div class="save-bar" ref={bar} data-testid={props.testId}>
      {props.children}
    </div>
  );
}

const ON_APPLE = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The save shortcut as this computer writes it: "⌘S" on a Mac, else "Ctrl+S". */
export const SAVE_KEYS = ON_APPLE ? "⌘S" : "Ctrl+S";

/**
 * Ctrl+S (⌘S on a Mac) submits the editor's form, the same as pressing its Save, while the
 * form is shown; never the browser's own "save page" dialog. While a save runs the form says
 * so; a held key's repeats are ignored.
 */
function useSaveShortcut(form: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== "s" || event.isComposing) return;
      event.preventDefault();
      if (event.repeat) return;
      form.current?.requestSubmit();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [form]);
}

/**
 * What an action says while it runs long (`sayWhenSlow`), shown by where its outcome comes
 * for as long as it holds. The store announced it once through the live region.
 */
export function SlowNotice(props: { slow: Signal<string>; testId: string }) {
  const said = props.slow.value;
  return said ? (
    <p class="muted small-text" data-testid={props.testId}>
      {said}
    </p>
  ) : null;
}

/**
 * An error line for a load that failed; an alert, so it is read when it appears. With
 * `retry`, a "Try again" button (`<id>-retry`) runs it: failing again, the new alert is read
 * and focus comes back to the button; done, focus goes to `after` (the view's heading), as
 * when the view was opened.
 */
export function LoadError(props: {
  message: string;
  id?: string;
  retry?: () => Promise<unknown>;
  after?: string;
}) {
  const [busy, setBusy] = useState(false);
  // Each failed try puts the alert in anew: a screen reader reads an alert when it appears.
  const [tries, setTries] = useState(0);
  if (!props.message) return null;
  const t = text.value;
  const { retry } = props;
  const id = props.id ?? "load-error";
  return (
    <div class="notice error load-error" id={id}>
      <p role="alert" id={`${id}-message`} key={tries}>
        {props.message}
      </p>
      {retry ? (
        <button
          type="button"
          class="secondary small"
          id={`${id}-retry`}
          aria-describedby={`${id}-message`}
          aria-disabled={busy ? "true" : undefined}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            void retry().finally(() => {
              setBusy(false);
              setTries((n) => n + 1);
              focusControl(`${id}-retry`, props.after ?? "view-heading");
            });
          }}
        >
          {busy ? t.loading : t.retry}
        </button>
      ) : null}
    </div>
  );
}

/**
 * An editor's Save (`<idPrefix>-save`) with its shortcut named beside it: described by the
 * hint `<idPrefix>-save-hint` that says why it is blocked, while it is.
 */
function SaveButton(props: {
  idPrefix: string;
  label: string;
  busyLabel?: string | undefined;
  busy: boolean;
  blocked: boolean;
}) {
  const t = text.value;
  return (
    <>
      <button
        type="submit"
        class="primary"
        id={`${props.idPrefix}-save`}
        aria-keyshortcuts="Control+S Meta+S"
        aria-disabled={props.blocked || props.busy ? "true" : undefined}
        aria-describedby={props.blocked ? `${props.idPrefix}-save-hint` : undefined}
      >
        {props.busy ? (props.busyLabel ?? t.saving) : props.label}
      </button>
      <p class="muted small-text shortcut">{t.saveShortcut(SAVE_KEYS)}</p>
    </>
  );
}

/**
 * Retire and discard-changes under an editor's form (`<idPrefix>-retire`, `-revert`); each
 * opens its inline confirmation and closes the other's. A missing label leaves its button out.
 */
export function RemoveActions(props: {
  idPrefix: string;
  retire?: string;
  revert?: string;
  edit: DraftEditSignals;
}) {
  const { confirmingRetire, confirmingRevert } = props.edit;
  if (!props.retire && !props.revert) return null;
  return (
    <div class="actions">
      {props.retire ? (
        <button
          type="button"
          class="secondary danger"
          id={`${props.idPrefix}-retire`}
          onClick={() => {
            confirmingRevert.value = false;
            confirmingRetire.value = true;
          }}
        >
          {props.retire}
        </button>
      ) : null}
      {props.revert ? (
        <button
          type="button"
          class="secondary"
          id={`${props.idPrefix}-revert`}
          onClick={() => {
            confirmingRetire.value = false;
            confirmingRevert.value = true;
          }}
        >
          {props.revert}
        </button>
      ) : null}
    </div>
  );
}

/**
 * Discarding the draft's changes to the open item, confirmed inline while the editor's
 * `confirmingRevert` holds. Done, focus goes to the heading; refused or cancelled, back to
 * `<idPrefix>-revert` (a conflict's choices take focus themselves).
 */
export function RevertConfirm(props: {
  id: string;
  idPrefix: string;
  question: string;
  yes: string;
  edit: DraftEditSignals;
  revert: () => Promise<boolean>;
}) {
  const { confirmingRevert, conflict } = props.edit;
  if (!confirmingRevert.value) return null;
  const back = `${props.idPrefix}-revert`;
  return (
    <Confirm
      id={props.id}
      question={props.question}
      yes={props.yes}
      busy={props.edit.saving.value}
      onYes={() =>
        void props.revert().then((done) => {
          if (!conflict.value) focusControl(done ? "view-heading" : back);
        })
      }
      onCancel={() => {
        confirmingRevert.value = false;
        focusControl(back);
      }}
    />
  );
}

/**
 * An inline confirmation: focus goes to the confirming button when it opens, Escape cancels,
 * and whoever opened it gets focus back through `onCancel`. `status` stands right under its
 * buttons, where the person who pressed one is looking (a slow action's `SlowNotice`).
 */
export function Confirm(props: {
  id: string;
  question: string;
  yes: string;
  busy?: boolean;
  onYes: () => void;
  onCancel: () => void;
  children?: ComponentChildren;
  status?: ComponentChildren;
}) {
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLFieldSetElement>(null);
  useLayoutEffect(() => {
    const field = first.current?.querySelector<HTMLElement>("textarea, input");
    (field ?? yes.current)?.focus();
  }, []);
  const t = text.value;
  return (
    <fieldset
      class="confirm"
      ref={first}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <legend id={`${props.id}-question`}>{props.question}</legend>
      {props.children}
      <div class="actions">
        <button
          type="button"
          class="primary"
          ref={yes}
          aria-disabled={props.busy ? "true" : undefined}
          onClick={() => {
            if (!props.busy) props.onYes();
          }}
        >
          {props.yes}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      {props.status}
    </fieldset>
  );
}

/** A state shown as text in a bordered badge (colour is never the only carrier). */
export function Badge(props: { kind: string; children: ComponentChildren }) {
  return <span class={`badge state-${props.kind}`}>{props.children}</span>;
}

/**
 * A wide table's horizontal scroller: a named region that takes focus, so keyboard users can
 * scroll it too (data tables are exempt from reflow; the page itself never scrolls sideways).
 */
export function Scroll(props: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-scroll" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}

/** A field's problems, errors first, linked to its control by `id`; nothing when it has none. */
export function FieldProblemList<
  P extends { severity: "error" | "warning"; path: string; message: string; fix?: string },
>(props: {
  id: string;
  problems: readonly P[];
  /** Where in the field a problem is ("rivi 5"), when it points at a part of it. */
  where?: (p: P) => string;
}) {
  const t = text.value;
  if (!props.problems.length) return null;
  return (
    <ul id={props.id} class="field-problems">
      {props.problems.map((p) => {
        const at = props.where?.(p) ?? "";
        return (
          <li key={`${p.path}|${p.message}`} class={p.severity}>
            <strong>{t.severity[p.severity]}</strong>
            {at ? ` (${at})` : ""}: {p.message}
            {p.fix ? <span class="fix">{`${t.fixLabel} ${p.fix}`}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A labelled control with its hint (`<id>-hint`) and whatever follows it (counters, problems). */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  extra?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.extra}
    </div>
  );
}

/**
 * "Show older" under a page of the audit trail: appends the next page and moves focus to its
 * first entry (`rowId`), or, when nothing is left and the button goes, to `afterLast`. The
 * store announces how many entries came. Nothing when no older page is left.
 */
export function OlderEntries(props: {
  pages: AuditPages;
  rowId: (index: number) => string;
  /** What the entries are of, for a screen reader: two such buttons may share a page. */
  context: string;
  afterLast: string;
  testId: string;
}) {
  const t = text.value;
  const { pages } = props;
  if (pages.next.value === undefined) return null;
  const busy = pages.loadingOlder.value;
  return (
    <button
      type="button"
      class="secondary small"
      data-testid={props.testId}
      aria-disabled={busy ? "true" : undefined}
      onClick={() =>
        void pages.loadOlder().then((first) => {
          if (first !== undefined) focusControl(props.rowId(first));
          else if (pages.next.peek() === undefined) focusControl(props.afterLast);
        })
      }
    >
      {busy ? t.loading : t.olderEntries}
      <span class="sr-only">{`: ${props.context}`}</span>
    </button>
  );
}
