import { formatDateTime, text } from "../i18n.ts";

/**
 * Says that the form holds work given back from this browser, unsaved, and offers to drop it.
 * A status, not an alert: the person opened the item and the form is theirs to go on with.
 */
export function RestoredNotice(props: {
  restored: { keptAt: string; savedSince: boolean; byYou: boolean } | undefined;
  onDiscard: () => void;
}) {
  const t = text.value;
  if (!props.restored) return null;
  return (
    <div class="notice warning" role="status" data-testid="restored-notice">
      <p>
        {t.restoredWork(formatDateTime(props.restored.keptAt, t))}
        {props.restored.byYou
          ? ` ${t.restoredSavedByYou}`
          : props.restored.savedSince
            ? ` ${t.restoredSavedSince}`
            : ""}
      </p>
      <button type="button" data-testid="discard-restored" onClick={props.onDiscard}>
        {t.discardRestored}
      </button>
    </div>
  );
}
