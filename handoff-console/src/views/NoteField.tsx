import { text } from "../i18n.ts";

/**
 * A staff note: its label, the reminder not to record identity codes or account numbers, the
 * text box and the characters left. The wrap-up and the callback close form share it.
 */
export function NoteField(props: {
  id: string;
  max: number;
  value: string;
  onInput(value: string): void;
  /** Another element that describes the box, such as the form's error. */
  describedBy?: string;
  /** Escape in the box: the form's cancel, where it has one. */
  onEscape?(): void;
}) {
  const t = text.value;
  const { id, max } = props;
  return (
    <>
      <label for={id}>{t.note}</label>
      <p id={`${id}-hint`} class="muted small-text">
        {t.noteHint(max)}
      </p>
      <textarea
        id={id}
        name="note"
        rows={3}
        maxLength={max}
        value={props.value}
        aria-describedby={`${id}-hint ${id}-count ${props.describedBy ?? ""}`.trim()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") props.onEscape?.();
        }}
      />
      <p id={`${id}-count`} class="muted small-text">
        {t.charsLeft(max - props.value.length)}
      </p>
    </>
  );
}
