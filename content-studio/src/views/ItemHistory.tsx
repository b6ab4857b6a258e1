/**
 * A topic's, referral group's, the out-of-scope lists' or the uncovered questions' change
 * history in its editor:
 * collapsed at first, read from
 * the audit trail when opened (newest first), older entries on request. Entries are told as
 * on the Versions page (`tellAuditEntry`).
 */
import { useEffect } from "preact/hooks";
import type { AuditOf } from "../api.ts";
import { text } from "../i18n.ts";
import { historyOpen, itemHistory, sameItem } from "../state/auditPages.ts";
import { outOfScopePage } from "../state/outOfScope.ts";
import { draft } from "../state/topics.ts";
import { uncoveredPage } from "../state/uncovered.ts";
import { AuditTable } from "./AuditTable.tsx";
import { LoadError, OlderEntries } from "./ui.tsx";

export function ItemHistory(props: {
  kind: "topic" | "referral" | "out-of-scope" | "uncovered";
  id: string;
}) {
  const t = text.value;
  const key = `${props.kind}:${props.id}`;
  const item: AuditOf =
    props.kind === "topic"
      ? { topic: props.id }
      : props.kind === "referral"
        ? { referral: props.id }
        : props.kind === "uncovered"
          ? { uncovered: true }
          : { outOfScope: true };
  const open = historyOpen.value === key;
  const shown = sameItem(itemHistory.of.value, item);
  const entries = shown ? itemHistory.entries.value : undefined;
  const error = shown ? itemHistory.error.value : "";
  // When the item last changed, as the draft (read again after every write) says.
  const changedAt =
    props.kind === "topic"
      ? draft.value?.topics.find((x) => x.id === props.id)?.updatedAt
      : props.kind === "referral"
        ? draft.value?.referrals?.find((g) => g.id === props.id)?.updatedAt
        : (props.kind === "uncovered" ? uncoveredPage : outOfScopePage).lastSaved.value?.at;

  // An open history is read again for another item or a change of this one (a save, a
  // retire): not for each render, whose `item` is a new object.
  useEffect(() => {
    if (historyOpen.peek() === key) void itemHistory.load(item);
  }, [key, changedAt]);

  // Not saved yet (or not read yet): it has no history to ask for.
  if (!props.id) return null;
  return (
    <section
      class="panel item-history"
      aria-labelledby="item-history-title"
      data-testid="item-history"
    >
      <h3 id="item-history-title">
        <button
          type="button"
          class="secondary small"
          id="item-history-toggle"
          aria-expanded={open ? "true" : "false"}
          aria-controls="item-history-body"
          onClick={() => {
            if (open) historyOpen.value = undefined;
            else {
              historyOpen.value = key;
              void itemHistory.load(item);
            }
          }}
        >
          {t.historyTitle}
        </button>
      </h3>
      <div id="item-history-body" hidden={!open}>
        {open ? (
          <>
            <LoadError
              message={error}
              id="item-history-load-error"
              retry={() => itemHistory.load(item)}
              after="item-history-toggle"
            />
            {entries === undefined && !error ? <p class="muted">{t.loading}</p> : null}
            {entries && entries.length === 0 && itemHistory.next.value === undefined ? (
              <p class="muted">{t.noAudit}</p>
            ) : null}
            {entries && entries.length > 0 ? (
              <AuditTable
                entries={entries}
                caption={t.historyCaption}
                captionId="item-history-caption"
                testId="item-history-table"
                rowId={(i) => `history-entry-${i}`}
              />
            ) : null}
            {entries ? (
              <OlderEntries
                pages={itemHistory}
                rowId={(i) => `history-entry-${i}`}
                context={t.historyTitle}
                afterLast="item-history-toggle"
                testId="older-history"
              />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
