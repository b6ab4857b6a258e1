import { type Signal, useSignal, useSignalEffect } from "@preact/signals";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { QueueEntry } from "../../../functions/contracts/protocol.ts";
import { errorText, text, topicLabel, type UiText } from "../i18n.ts";
import {
  advisorStatus,
  allLanguages,
  currentClient,
  focusChat,
  QUEUE_HEADING_ID,
  queue,
  shownQueue,
} from "../state.ts";

/**
 * The live queue as a table of one line per chat, in a region of bounded height that scrolls
 * by itself, so the advisor's open chats below stay in sight however long the queue grows.
 * Only the chats in the advisor's languages unless asked for all. Waiting times advance
 * locally every second from the snapshot's `waitingSeconds`; the state module announces
 * changes in who is waiting, never the clock.
 */
export function Queue() {
  const t = text.value;
  const { receivedAt } = queue.value;
  const { served: entries, others } = shownQueue.value;
  const languages = advisorStatus.value?.languages;
  const heading = useRef<HTMLHeadingElement>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const now = useSignal(Date.now());
  const [accepting, setAccepting] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<{ code: string; message: string } | undefined>();

  useSignalEffect(() => {
    const ticker = setInterval(() => {
      now.value = Date.now();
    }, 1000);
    return () => clearInterval(ticker);
  });

  // Rows are keyed by chat, so a focused "Take" button stays focused while its chat waits;
  // when the row under focus leaves, focus goes to the heading instead of the page's start.
  const hadFocus = tbody.current?.contains(document.activeElement) ?? false;
  useLayoutEffect(() => {
    if (hadFocus && !tbody.current?.contains(document.activeElement)) heading.current?.focus();
  });

  async function accept(chatId: string): Promise<void> {
    const client = currentClient();
    if (!client || accepting.has(chatId)) return;
    setAccepting((set) => new Set(set).add(chatId));
    setRefusal(undefined);
    const ack = await client.accept(chatId);
    setAccepting((set) => {
      const next = new Set(set);
      next.delete(chatId);
      return next;
    });
    if (ack.ok) focusChat(chatId);
    else setRefusal(ack.error);
  }

  const warning = refusal?.code === "ALREADY_TAKEN" || refusal?.code === "NOT_IN_QUEUE";
  return (
    <section class="queue-section" aria-labelledby={QUEUE_HEADING_ID}>
      <h2 id={QUEUE_HEADING_ID} tabIndex={-1} ref={heading}>
        {t.queueTitle} <span class="count">({entries.length})</span>
      </h2>
      <p class={refusal ? (warning ? "notice warning" : "notice error") : "notice"} role="alert">
        {refusal ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {refusal.code === "ALREADY_TAKEN" ? t.alreadyTaken : errorText(t, refusal)}
          </>
        ) : null}
      </p>
      <p class="muted empty" hidden={entries.length > 0}>
        {t.queueEmpty}
      </p>
      {others > 0 ? (
        <label>
          <input
            type="checkbox"
            checked={allLanguages.value}
            onChange={(event) => {
              allLanguages.value = event.currentTarget.checked;
            }}
          />
          {t.otherLanguages(others)}
        </label>
      ) : null}
      <section
        class="table-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
        // Named by the caption, not the heading: two regions named "Jono" confuse landmark lists.
        aria-labelledby="queue-caption"
        hidden={entries.length === 0}
      >
        <table class="queue">
          <caption id="queue-caption">{t.queueCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colPosition}</th>
              <th scope="col">{t.colLang}</th>
              <th scope="col">{t.colTopic}</th>
              <th scope="col">{t.colWaiting}</th>
              <th scope="col">{t.colAuth}</th>
              <th scope="col">{t.colAction}</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {entries.map((entry) => (
              <Row
                key={entry.chatId}
                t={t}
                entry={entry}
                position={entry.position}
                receivedAt={receivedAt}
                now={now}
                accepting={accepting.has(entry.chatId)}
                // The service refuses a language the advisor does not serve: no button then.
                served={languages?.includes(entry.lang) ?? true}
                onAccept={() => void accept(entry.chatId)}
              />
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function Row(props: {
  t: UiText;
  entry: QueueEntry;
  position: number;
  receivedAt: number;
  now: Signal<number>;
  accepting: boolean;
  served: boolean;
  onAccept(): void;
}) {
  const { t, entry, position } = props;
  const topic = topicLabel(t, entry.topic);
  return (
    <tr data-chat-id={entry.chatId}>
      <td>{String(position)}</td>
      <td>
        <span class="badge" aria-hidden="true">
          {entry.lang.toUpperCase()}
        </span>{" "}
        {t.langName[entry.lang]}
      </td>
      <td>{topic}</td>
      <td class="clock">
        <Clock t={t} entry={entry} receivedAt={props.receivedAt} now={props.now} />
      </td>
      <td>
        <span class={entry.authenticated ? "auth yes" : "auth no"} aria-hidden="true">
          {entry.authenticated ? "✔ " : "– "}
        </span>
        {entry.authenticated ? t.authenticated : t.anonymous}
      </td>
      <td>
        {props.served ? (
          <button
            type="button"
            class="primary small"
            aria-disabled={props.accepting ? "true" : undefined}
            onClick={props.onAccept}
          >
            {props.accepting ? t.accepting : t.accept}
            <span class="sr-only">{t.acceptContext(position, t.langName[entry.lang], topic)}</span>
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** The waiting time, the only part of the queue that re-renders every second. */
function Clock(props: { t: UiText; entry: QueueEntry; receivedAt: number; now: Signal<number> }) {
  const elapsed = Math.max(0, props.now.value - props.receivedAt);
  const seconds = props.entry.waitingSeconds + elapsed / 1000;
  return <span>{props.t.waited(seconds)}</span>;
}
