import { type Signal, useSignal, useSignalEffect } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ConsoleClient } from "../consoleClient.ts";
import { CALLBACK_NOTE_LIMIT } from "../consoleClient.ts";
import type { ContactList } from "../contactList.ts";
import { errorText, text, type UiText } from "../i18n.ts";
import { announce, currentClient, inUse, supervising } from "../state.ts";
import { NoteField } from "./NoteField.tsx";

type Contact = { reference: string };
export type Contacts<T extends Contact> = ContactList<T, ConsoleClient>;

/** Reloads a list from the service (its refresh button, its navigation link). */
export function refreshList(list: Contacts<Contact>): void {
  const client = currentClient();
  if (client) void list.refresh(client, inUse);
}

/** "Soittopyynnöt (200+)": a list's name and how many it shows, "+" while more pages follow. */
export function counted(title: string, list: Contacts<Contact>): string {
  const { items, nextCursor } = list.state.value;
  return `${title} (${items.length}${nextCursor ? "+" : ""})`;
}

/** The language cell of a contact's row. */
export function LangCell(props: { lang: Lang }) {
  const t = text.value;
  return (
    <td>
      <span class="badge" aria-hidden="true">
        {props.lang.toUpperCase()}
      </span>{" "}
      {t.langName[props.lang]}
    </td>
  );
}

/** The number to call, as a `tel:` link for a softphone; none for a supervisor (none came). */
export function PhoneCell(props: { item: { phone?: string; phoneDisplay?: string } }) {
  return props.item.phone ? (
    <td class="nowrap">
      <a href={`tel:${props.item.phone}`}>{props.item.phoneDisplay}</a>
    </td>
  ) : null;
}

export interface ContactSectionProps<T extends Contact> {
  list: Contacts<T>;
  headingId: string;
  title: string;
  caption: string;
  empty: string;
  more(shown: number): string;
  closed(reference: string): string;
  /** Column headings, the action's last. */
  columns: string[];
  /** The row's header cell and data cells before the action; `now` on the service's clock. */
  cells(item: T, now: number): ComponentChildren;
}

/**
 * Contacts advisors work through (callback requests, booked appointments), a page at a time:
 * who to call, in which language, and what about; each is marked handled with a short note.
 */
export function ContactSection<T extends Contact>(props: ContactSectionProps<T>) {
  const t = text.value;
  const { list } = props;
  const { items, nextCursor, loading, error, skew } = list.state.value;
  // A supervisor follows the list: no numbers to call, nothing to mark handled.
  const readOnly = supervising.value;
  const columns = readOnly
    ? props.columns.filter((c) => c !== t.colPhone && c !== t.colAction)
    : props.columns;
  const heading = useRef<HTMLHeadingElement>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const now = useSignal(Date.now());
  const captionId = `${props.headingId}-caption`;

  // Waits are shown in minutes: a tick every 30 s keeps them within a minute.
  useSignalEffect(() => {
    const ticker = setInterval(() => {
      now.value = Date.now();
    }, 30_000);
    return () => clearInterval(ticker);
  });

  /** Focus to the n-th row's button once rendered (the button under focus may be gone). */
  function focusRow(index: number): void {
    setTimeout(() => {
      const buttons = tbody.current?.querySelectorAll<HTMLElement>("button[aria-expanded]");
      (buttons?.[index] ?? heading.current)?.focus();
    }, 0);
  }

  async function more(): Promise<void> {
    const client = currentClient();
    if (!client) return;
    const shown = items.length;
    await list.more(client);
    if (list.state.peek().items.length > shown) focusRow(shown);
  }

  return (
    <section aria-labelledby={props.headingId}>
      <div class="section-head">
        <h2 id={props.headingId} tabIndex={-1} ref={heading}>
          {props.title}{" "}
          <span class="count">
            ({items.length}
            {nextCursor ? "+" : ""})
          </span>
        </h2>
        <button
          type="button"
          class="secondary small"
          aria-disabled={loading === "first" ? "true" : undefined}
          onClick={() => refreshList(list)}
        >
          {loading === "first" ? t.loading : t.refresh}
        </button>
      </div>
      <p class="notice error" role="alert">
        {error ? errorText(t, error) : null}
      </p>
      <p class="muted" hidden={items.length > 0 || loading !== ""}>
        {props.empty}
      </p>
      <section
        class="table-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
        aria-labelledby={captionId}
        hidden={items.length === 0}
      >
        <table class="queue">
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={tbody}>
            {items.map((item, index) => (
              <Row
                key={item.reference}
                t={t}
                item={item}
                list={list}
                span={columns.length}
                readOnly={readOnly}
                cells={(at) => props.cells(item, at)}
                now={now}
                skew={skew}
                onClosed={() => {
                  announce(props.closed(item.reference));
                  focusRow(index);
                }}
              />
            ))}
          </tbody>
        </table>
      </section>
      <p class="more" hidden={!nextCursor}>
        <span class="muted">{props.more(items.length)}</span>{" "}
        <button
          type="button"
          class="secondary"
          aria-disabled={loading === "more" ? "true" : undefined}
          onClick={() => void more()}
        >
          {loading === "more" ? t.loading : t.showMore}
        </button>
      </p>
    </section>
  );
}

/**
 * One contact, and under it the form that marks it done once opened. The note lives here, so
 * it survives a failed save, closing the form and a refresh of the list.
 */
function Row(props: {
  t: UiText;
  item: Contact;
  list: Contacts<Contact>;
  span: number;
  cells(now: number): ComponentChildren;
  now: Signal<number>;
  skew: number;
  readOnly: boolean;
  onClosed(): void;
}) {
  const { t, item } = props;
  // The service's time: the customer's wait and call time are on its clock, not this computer's.
  const now = props.now.value + props.skew;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<{ code: string; message: string } | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const ids = {
    form: `close-${item.reference}`,
    note: `close-${item.reference}-note`,
    error: `close-${item.reference}-error`,
  };

  function cancel(): void {
    setOpen(false);
    setNote("");
    setFailed(undefined);
    toggle.current?.focus();
  }

  return (
    <>
      <tr data-ref={item.reference}>
        {props.cells(now)}
        <td hidden={props.readOnly}>
          <button
            type="button"
            class="secondary small"
            ref={toggle}
            aria-expanded={open ? "true" : "false"}
            aria-controls={open ? ids.form : undefined}
            onClick={() => {
              setOpen(!open);
              if (!open) setTimeout(() => document.getElementById(ids.note)?.focus(), 0);
            }}
          >
            {t.markDone}
            <span class="sr-only"> {item.reference}</span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr class="close-row">
          <td colSpan={props.span}>
            <form
              id={ids.form}
              class="stack"
              aria-label={`${t.markDone}: ${item.reference}`}
              noValidate
              onSubmit={async (event) => {
                event.preventDefault();
                const client = currentClient();
                if (saving || !client) return;
                setSaving(true);
                const ack = await props.list.close(client, item.reference, note);
                setSaving(false);
                if (ack.ok) props.onClosed();
                else setFailed(ack.error);
              }}
            >
              <NoteField
                id={ids.note}
                max={CALLBACK_NOTE_LIMIT}
                value={note}
                onInput={setNote}
                describedBy={ids.error}
                onEscape={cancel}
              />
              <p id={ids.error} class="error" role="alert">
                {failed ? errorText(t, failed) : ""}
              </p>
              <div class="actions">
                <button type="submit" class="primary" aria-disabled={saving ? "true" : undefined}>
                  {saving ? t.saving : t.markDone}
                </button>
                <button type="button" class="secondary" onClick={cancel}>
                  {t.cancel}
                </button>
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
