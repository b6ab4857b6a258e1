import { useId, useRef, useState } from "preact/hooks";
import { NOTE_MAX, type Result } from "../consoleClient.ts";
import { errorText, reasonLabel, text } from "../i18n.ts";
import { wrapupReasons } from "../topicNames.ts";
import { NoteField } from "./NoteField.tsx";

/**
 * Wrap-up after a chat: the contact reason (a topic, or "other") and an optional note, as
 * advisors record today for reporting. Saving closes the chat panel. The reasons are the
 * live content's topics (the chat's own first); if they arrive after the form is shown, the
 * list fills in then.
 */
export function WrapUp(props: {
  /** The chat's heading: the form is named by both, so two chats' wrap-ups differ. */
  chatHeadingId: string;
  /** The topics the bot recognised in the chat: offered first. */
  chatTopics: readonly string[];
  save(reason: string, note: string): Promise<Result>;
}) {
  const t = text.value;
  const id = useId();
  const headingId = `${props.chatHeadingId}-wrapup`;
  const select = useRef<HTMLSelectElement>(null);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<{ code: string; message: string } | undefined>();
  const { fromChat, others } = wrapupReasons(t.lang, props.chatTopics);
  const option = (reasonId: string) => (
    <option key={reasonId} value={reasonId}>
      {reasonLabel(t, reasonId)}
    </option>
  );
  const ids = {
    reason: `${id}-reason`,
    reasonError: `${id}-reason-error`,
    note: `${id}-note`,
  };

  return (
    <form
      class="wrapup stack"
      aria-labelledby={`${headingId} ${props.chatHeadingId}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (saving) return;
        if (!reason) {
          setMissing(true);
          select.current?.focus();
          return;
        }
        setSaving(true);
        const ack = await props.save(reason, note);
        setSaving(false);
        setFailed(ack.ok ? undefined : ack.error);
      }}
    >
      <h4 id={headingId} tabIndex={-1}>
        {t.wrapupTitle}
      </h4>
      <p>{t.wrapupIntro}</p>
      <label for={ids.reason}>{t.reason}</label>
      <select
        id={ids.reason}
        ref={select}
        name="reason"
        required
        value={reason}
        aria-describedby={ids.reasonError}
        aria-invalid={missing ? "true" : undefined}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          if (event.currentTarget.value) setMissing(false);
        }}
      >
        <option value="">{t.chooseReason}</option>
        {fromChat.length ? (
          <>
            <optgroup label={t.reasonsFromChat}>{fromChat.map(option)}</optgroup>
            <optgroup label={t.reasonsOthers}>{others.map(option)}</optgroup>
          </>
        ) : (
          others.map(option)
        )}
      </select>
      <p id={ids.reasonError} class="error">
        {missing ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {t.reasonRequired}
          </>
        ) : null}
      </p>
      <NoteField id={ids.note} max={NOTE_MAX} value={note} onInput={setNote} />
      <p class="error" role="alert">
        {failed ? errorText(t, failed) : ""}
      </p>
      <div>
        <button type="submit" class="primary" aria-disabled={saving ? "true" : undefined}>
          {saving ? t.saving : t.saveWrapup}
        </button>
      </div>
    </form>
  );
}
