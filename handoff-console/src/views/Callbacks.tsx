import { type Signal, useSignal, useSignalEffect } from "@preact/signals";
import { useRef, useState } from "preact/hooks";
import type { OpenCallbackItem } from "../../../functions/contracts/protocol.ts";
import { dayTime, waitedFor } from "../callbackFormat.ts";
import {
  callbackList,
  closeCallbackRequest,
  loadMoreCallbacks,
  refreshCallbacks,
} from "../callbackList.ts";
import { CALLBACK_NOTE_LIMIT } from "../consoleClient.ts";
import { errorText, text, topicLabel, type UiText } from "../i18n.ts";
import { announce, CALLBACKS_HEADING_ID, currentClient } from "../state.ts";
import { NoteField } from "./NoteField.tsx";

/** Reloads the list from the service (the refresh button, the navigation link). */
export function refreshCallbackList(): void {
  const client = currentClient();
  if (client) void refreshCallbacks(client);
}

/**
 * Open callback requests, oldest first, a page at a time: who to call, in which language, the
 * customer's wishes and how long they have waited; each is marked done with a short note.
 */
export function Callbacks() {
  const t = text.value;
  const { items, nextCursor, loading, error, skew } = callbackList.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const now = useSignal(Date.now());

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
    await loadMoreCallbacks(client);
    if (callbackList.peek().items.length > shown) focusRow(shown);
  }

  return (
    <section aria-labelledby={CALLBACKS_HEADING_ID}>
      <div class="section-head">
        <h2 id={CALLBACKS_HEADING_ID} tabIndex={-1} ref={heading}>
          {t.callbacksTitle}{" "}
          <span class="count">
            ({items.length}
            {nextCursor ? "+" : ""})
          </span>
        </h2>
        <button
          type="button"
          class="secondary small"
          aria-disabled={loading === "first" ? "true" : undefined}
          onClick={refreshCallbackList}
        >
          {loading === "first" ? t.loading : t.refresh}
        </button>
      </div>
      <p class="notice error" role="alert">
        {error ? errorText(t, error) : null}
      </p>
      <p class="muted" hidden={items.length > 0 || loading !== ""}>
        {t.callbacksEmpty}
      </p>
      <section
        class="table-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
        aria-labelledby="callbacks-caption"
        hidden={items.length === 0}
      >
        <table class="queue">
          <caption id="callbacks-caption">{t.callbacksCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colReference}</th>
              <th scope="col">{t.colLang}</th>
              <th scope="col">{t.colPhone}</th>
              <th scope="col">{t.colWish}</th>
              <th scope="col">{t.colTopic}</th>
              <th scope="col">{t.colLeft}</th>
              <th scope="col">{t.colWaiting}</th>
              <th scope="col">{t.colAction}</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {items.map((item, index) => (
              <Row
                key={item.reference}
                t={t}
                item={item}
                now={now}
                skew={skew}
                onClosed={() => {
                  announce(t.callbackClosed(item.reference));
                  focusRow(index);
                }}
              />
            ))}
          </tbody>
        </table>
      </section>
      <p class="more" hidden={!nextCursor}>
        <span class="muted">{t.callbacksMore(items.length)}</span>{" "}
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
 * One request, and under it the form that marks it done once opened. The note lives here, so
 * it survives a failed save, closing the form and a refresh of the list.
 */
function Row(props: {
  t: UiText;
  item: OpenCallbackItem;
  now: Signal<number>;
  skew: number;
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
      <tr>
        <th scope="row">{item.reference}</th>
        <td>
          <span class="badge" aria-hidden="true">
            {item.lang.toUpperCase()}
          </span>{" "}
          {t.langName[item.lang]}
        </td>
        <td class="nowrap">
          <a href={`tel:${item.phone}`}>{item.phoneDisplay}</a>
        </td>
        <td>
          {t.windows[item.preferredWindow]}
          {Date.parse(item.callFrom) > now ? `, ${t.callFrom(dayTime(item.callFrom, t.lang))}` : ""}
        </td>
        <td>{topicLabel(t, item.topic)}</td>
        <td class="nowrap">
          <time dateTime={item.createdAt}>{dayTime(item.createdAt, t.lang)}</time>
        </td>
        <td class="clock">{waitedFor(now - Date.parse(item.createdAt), t.lang)}</td>
        <td>
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
          <td colSpan={8}>
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
                const ack = await closeCallbackRequest(client, item.reference, note);
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
