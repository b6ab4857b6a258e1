import { Fragment } from "preact";
import { useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { AdvisorStatus } from "../../../functions/contracts/protocol.ts";
import { DEFAULT_MAX_CHATS } from "../consoleClient.ts";
import { errorText, text } from "../i18n.ts";
import { advisorStatus, currentClient } from "../state.ts";

const STATES = ["available", "away"] as const;
const LANGS = ["fi", "sv"] as const;
type Shown = Pick<AdvisorStatus, "status" | "languages" | "maxChats">;

/** Until the server says otherwise: away, Finnish, the default cap. */
const INITIAL: Shown = { status: "away", languages: ["fi"], maxChats: DEFAULT_MAX_CHATS };

/**
 * Presence, languages served and the chat cap. Every change is sent at once as
 * `advisor:status`; the controls then show what the server acknowledged, so they never claim
 * a state the server does not have. The controls are the browser's own between changes (an
 * invalid entry stays to be corrected) and are set from the server's answer.
 */
export function Presence() {
  const t = text.value;
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string>("");
  const [maxInvalid, setMaxInvalid] = useState(false);
  const confirmed = advisorStatus.value;

  /** Sets the controls to what the server holds. */
  function show(status: Shown): void {
    const el = form.current;
    if (!el) return;
    for (const input of el.querySelectorAll<HTMLInputElement>("input[type=radio]"))
      input.checked = input.value === status.status;
    for (const input of el.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
      input.checked = status.languages.includes(input.value as Lang);
    const max = el.querySelector<HTMLInputElement>("input[type=number]");
    if (max && document.activeElement !== max) max.value = String(status.maxChats);
  }

  useLayoutEffect(() => show(confirmed ?? INITIAL), [confirmed]);

  async function submit(): Promise<void> {
    const el = form.current;
    const client = currentClient();
    if (!el || !client) return;
    const languages = [
      ...el.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked"),
    ].map((input) => input.value as Lang);
    const maxChats = Number(el.querySelector<HTMLInputElement>("input[type=number]")?.value);
    if (languages.length === 0) {
      setError(t.chooseLanguage);
      return;
    }
    if (!Number.isInteger(maxChats) || maxChats < 1 || maxChats > 10) {
      setMaxInvalid(true);
      setError(t.maxChatsInvalid);
      return;
    }
    setMaxInvalid(false);
    const status =
      el.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value === "available"
        ? "available"
        : "away";
    const ack = await client.setPresence({ status, languages, maxChats });
    if (ack.ok) {
      setError("");
    } else {
      setError(errorText(text.value, ack.error));
      if (advisorStatus.value) show(advisorStatus.value);
    }
  }

  return (
    <form
      class="presence"
      ref={form}
      data-status={confirmed?.status}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onChange={() => void submit()}
    >
      <fieldset>
        <legend>{t.presence}</legend>
        {STATES.map((value) => (
          <Fragment key={value}>
            <input type="radio" name={`${id}-presence`} id={`${id}-${value}`} value={value} />
            <label for={`${id}-${value}`} class={`choice ${value}`}>
              <span class="dot" aria-hidden="true" />
              {t[value]}
            </label>
          </Fragment>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.languagesServed}</legend>
        {LANGS.map((lang) => (
          <Fragment key={lang}>
            <input type="checkbox" id={`${id}-${lang}`} value={lang} />
            <label for={`${id}-${lang}`} class="choice">
              {t.langName[lang]}
            </label>
          </Fragment>
        ))}
      </fieldset>
      <div class="max">
        <label for={`${id}-max`}>{t.maxChats}</label>
        <input
          type="number"
          id={`${id}-max`}
          min="1"
          max="10"
          step="1"
          inputMode="numeric"
          aria-describedby={`${id}-error`}
          aria-invalid={maxInvalid ? "true" : undefined}
        />
      </div>
      <p class="summary" role="status">
        {confirmed
          ? t.statusNow(
              t[confirmed.status],
              confirmed.languages.map((l) => t.langName[l]).join(", "),
              confirmed.maxChats,
            )
          : ""}
      </p>
      <p id={`${id}-error`} class="error" role="alert">
        {error}
      </p>
    </form>
  );
}
