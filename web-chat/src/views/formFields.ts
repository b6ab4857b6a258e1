import { h } from "../dom.ts";

let counter = 0;

/** A labelled control with an optional hint and an inline error tied to it for screen readers. */
export interface Field<T extends HTMLElement = HTMLElement> {
  wrapper: HTMLElement;
  control: T;
  setError(message?: string): void;
  /** Replaces the hint (none: removes it); the control is described by it. */
  setHint?(hint?: string): void;
}

/** Wraps a control (input, select, fieldset) with its label, hint and error message. */
export function field<T extends HTMLInputElement | HTMLSelectElement>(
  label: string,
  control: T,
  hint?: string,
): Field<T> {
  const id = `f${++counter}`;
  control.id = id;
  const hintEl = h("p", { class: "hint", id: `${id}-hint`, hidden: !hint }, hint ?? "");
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  let withError = false;
  const wrapper = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    hintEl,
    control,
    error,
  );
  const describe = () => {
    const ids = [hintEl.hidden ? undefined : hintEl.id, withError ? error.id : undefined]
      .filter(Boolean)
      .join(" ");
    if (ids) control.setAttribute("aria-describedby", ids);
    else control.removeAttribute("aria-describedby");
  };
  describe();
  return {
    wrapper,
    control,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = !message;
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      withError = Boolean(message);
      describe();
    },
    setHint(text) {
      hintEl.textContent = text ?? "";
      hintEl.hidden = !text;
      describe();
    },
  };
}

/** A group of radio buttons with a legend and an inline error. */
export function radioGroup(
  legend: string,
  name: string,
  options: { value: string; label: string | Node; checked?: boolean }[],
  className = "",
): Field<HTMLFieldSetElement> {
  const id = `f${++counter}`;
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const control = h(
    "fieldset",
    { class: className },
    h("legend", {}, legend),
    ...options.map((o) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name, value: o.value, checked: o.checked }),
        o.label,
      ),
    ),
    error,
  );
  return {
    wrapper: control,
    control,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = !message;
      for (const input of control.querySelectorAll("input")) {
        if (message) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", error.id);
        } else {
          input.removeAttribute("aria-invalid");
          input.removeAttribute("aria-describedby");
        }
      }
    },
  };
}

/**
 * Moves focus to a field just marked wrong. A field that has focus already (the customer
 * pressed Enter in it) is left and entered again, so that a screen reader reads it anew, now
 * invalid and with its error; focus() alone would do nothing and the error would go unsaid.
 */
export function focusField(control: HTMLElement): void {
  if ((control.getRootNode() as Document | ShadowRoot).activeElement === control) control.blur();
  control.focus();
}

/** Mirrors the first, cheap phone check of the contracts (phoneSchema); the server decides. */
export function phoneLooksValid(value: string): boolean {
  const v = value.trim();
  return v.length >= 5 && v.length <= 32 && /^\+?[0-9 ()./-]+$/.test(v);
}
