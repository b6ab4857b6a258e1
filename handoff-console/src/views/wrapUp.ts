import { NOTE_MAX, type Result } from "../consoleClient.ts";
import { h, tx, uid } from "../dom.ts";
import { errorText, reasonLabel } from "../i18n.ts";
import { hasTopicNames, onTopicNames, wrapupReasons } from "../topicNames.ts";

export interface WrapUpView {
  el: HTMLElement;
  focus(): void;
}

/**
 * Wrap-up after a chat: the contact reason (a topic, or "other") and an optional note, as
 * advisors record today for reporting. Saving closes the chat panel. The reasons are the
 * live content's topics; if they arrive after the form is shown, the list fills in then.
 */
export function createWrapUp(save: (reason: string, note?: string) => Promise<Result>): WrapUpView {
  const titleId = uid("wrapup-title");
  const reasonId = uid("reason");
  const reasonErrorId = uid("reason-error");
  const noteId = uid("note");
  const hintId = uid("note-hint");
  const counterId = uid("note-count");

  const reason = h("select", {
    id: reasonId,
    name: "reason",
    required: true,
    "aria-describedby": reasonErrorId,
  });
  const fillReasons = () => {
    const chosen = reason.value;
    reason.replaceChildren(
      h(
        "option",
        { value: "" },
        tx((t) => t.chooseReason),
      ),
      ...wrapupReasons().map((id) =>
        h(
          "option",
          { value: id, selected: id === chosen },
          tx((t) => reasonLabel(t, id)),
        ),
      ),
    );
  };
  fillReasons();
  if (!hasTopicNames()) {
    const stop = onTopicNames(() => {
      stop();
      fillReasons();
    });
  }
  const reasonError = h("p", { id: reasonErrorId, class: "error" });
  const note = h("textarea", {
    id: noteId,
    name: "note",
    rows: "3",
    maxlength: String(NOTE_MAX),
    "aria-describedby": `${hintId} ${counterId}`,
  });
  const counter = h("p", { id: counterId, class: "muted small-text" });
  const formError = h("p", { class: "error", role: "alert" });
  const submit = h(
    "button",
    { type: "submit", class: "primary" },
    tx((t) => t.saveWrapup),
  );
  const heading = h(
    "h4",
    { id: titleId, tabindex: "-1" },
    tx((t) => t.wrapupTitle),
  );
  const form = h(
    "form",
    { class: "wrapup stack", "aria-labelledby": titleId, novalidate: true },
    heading,
    h(
      "p",
      {},
      tx((t) => t.wrapupIntro),
    ),
    h(
      "label",
      { for: reasonId },
      tx((t) => t.reason),
    ),
    reason,
    reasonError,
    h(
      "label",
      { for: noteId },
      tx((t) => t.note),
    ),
    h(
      "p",
      { id: hintId, class: "muted small-text" },
      tx((t) => t.noteHint(NOTE_MAX)),
    ),
    note,
    counter,
    formError,
    h("div", {}, submit),
  );

  const showCount = () => {
    counter.replaceChildren(tx((t) => t.charsLeft(NOTE_MAX - note.value.length)));
  };
  note.addEventListener("input", showCount);
  showCount();
  reason.addEventListener("change", () => {
    if (reason.value) {
      reason.removeAttribute("aria-invalid");
      reasonError.replaceChildren();
    }
  });

  let saving = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (saving) return;
    if (!reason.value) {
      reason.setAttribute("aria-invalid", "true");
      reasonError.replaceChildren(
        h("span", { "aria-hidden": "true" }, "⚠ "),
        tx((t) => t.reasonRequired),
      );
      reason.focus();
      return;
    }
    saving = true;
    submit.setAttribute("aria-disabled", "true");
    submit.replaceChildren(tx((t) => t.saving));
    const ack = await save(reason.value, note.value);
    saving = false;
    submit.removeAttribute("aria-disabled");
    submit.replaceChildren(tx((t) => t.saveWrapup));
    if (!ack.ok) formError.replaceChildren(tx((t) => errorText(t, ack.error)));
  });

  return { el: form, focus: () => heading.focus() };
}
