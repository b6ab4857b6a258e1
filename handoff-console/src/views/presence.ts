import type { Lang } from "../../../functions/contracts/lang.ts";
import type { AdvisorStatus, AdvisorStatusRequest } from "../../../functions/contracts/protocol.ts";
import { DEFAULT_MAX_CHATS, type Result } from "../consoleClient.ts";
import { h, tx, uid } from "../dom.ts";
import { errorText, getText } from "../i18n.ts";

export interface PresenceView {
  el: HTMLElement;
  /** Shows what the server holds (from an ack or an `advisor:status` event). */
  show(status: AdvisorStatus): void;
}

/**
 * Presence, languages served and the chat cap. Every change is sent at once as
 * `advisor:status`; the controls then show what the server acknowledged, so they never claim
 * a state the server does not have.
 */
export function createPresence(
  save: (request: AdvisorStatusRequest) => Promise<Result<AdvisorStatus>>,
): PresenceView {
  const name = `presence-${uid("p")}`;
  let confirmed: AdvisorStatus | undefined;

  const radios = (["available", "away"] as const).map((value) => {
    const id = uid("presence");
    const input = h("input", { type: "radio", name, id, value });
    const label = h(
      "label",
      { for: id, class: `choice ${value}` },
      h("span", { class: "dot", "aria-hidden": "true" }),
      tx((t) => t[value]),
    );
    return { value, input, label };
  });
  const checks = (["fi", "sv"] as const).map((lang) => {
    const id = uid("serves");
    const input = h("input", { type: "checkbox", id, value: lang });
    return {
      lang,
      input,
      label: h(
        "label",
        { for: id, class: "choice" },
        tx((t) => t.langName[lang]),
      ),
    };
  });
  const maxId = uid("max-chats");
  const errorId = uid("presence-error");
  const max = h("input", {
    type: "number",
    id: maxId,
    min: "1",
    max: "10",
    step: "1",
    inputmode: "numeric",
    value: String(DEFAULT_MAX_CHATS),
    "aria-describedby": errorId,
  });
  const summary = h("p", { class: "summary", role: "status" });
  const error = h("p", { id: errorId, class: "error", role: "alert" });

  // Until the server says otherwise: away, Finnish, the default cap.
  for (const r of radios) r.input.checked = r.value === "away";
  for (const c of checks) c.input.checked = c.lang === "fi";

  const form = h(
    "form",
    { class: "presence" },
    h(
      "fieldset",
      {},
      h(
        "legend",
        {},
        tx((t) => t.presence),
      ),
      ...radios.flatMap((r) => [r.input, r.label]),
    ),
    h(
      "fieldset",
      {},
      h(
        "legend",
        {},
        tx((t) => t.languagesServed),
      ),
      ...checks.flatMap((c) => [c.input, c.label]),
    ),
    h(
      "div",
      { class: "max" },
      h(
        "label",
        { for: maxId },
        tx((t) => t.maxChats),
      ),
      max,
    ),
    summary,
    error,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  form.addEventListener("change", () => void submit());

  async function submit(): Promise<void> {
    const text = getText();
    const languages = checks.filter((c) => c.input.checked).map((c) => c.lang);
    const maxChats = Number(max.value);
    if (languages.length === 0) {
      error.textContent = text.chooseLanguage;
      return;
    }
    if (!Number.isInteger(maxChats) || maxChats < 1 || maxChats > 10) {
      max.setAttribute("aria-invalid", "true");
      error.textContent = text.maxChatsInvalid;
      return;
    }
    max.removeAttribute("aria-invalid");
    const status = radios.find((r) => r.input.checked)?.value ?? "away";
    const ack = await save({ status, languages: languages as Lang[], maxChats });
    if (ack.ok) {
      error.textContent = "";
      show(ack);
    } else {
      error.textContent = errorText(text, ack.error);
      if (confirmed) show(confirmed);
    }
  }

  function show(status: AdvisorStatus): void {
    confirmed = status;
    for (const r of radios) r.input.checked = r.value === status.status;
    for (const c of checks) c.input.checked = status.languages.includes(c.lang);
    if (document.activeElement !== max) max.value = String(status.maxChats);
    form.dataset.status = status.status;
    summary.replaceChildren(
      tx((t) =>
        t.statusNow(
          t[status.status],
          status.languages.map((l) => t.langName[l]).join(", "),
          status.maxChats,
        ),
      ),
    );
  }

  return { el: form, show };
}
