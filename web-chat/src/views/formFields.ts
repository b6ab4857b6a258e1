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

/** A form's own message: an outcome that belongs to no field, such as a refused request. */
export interface FormMessage {
  element: HTMLParagraphElement;
  /** Shows `message` and moves focus to it; none: clears it. */
  show(message?: string): void;
}

/**
 * The one place a form says an outcome that no field carries. The submit button was disabled
 * while sending, which dropped focus to the page, so focus goes to the message itself: a
 * keyboard user goes on from there (Tab reaches the buttons below it) and a screen reader
 * reads it, as it reads a field with its error. Focus is what says it, so it is no alert
 * region as well, which would have it said twice.
 */
export function formMessage(): FormMessage {
  const element = h("p", { class: "field-error form-error", tabindex: "-1" });
  return {
    element,
    show(message) {
      element.textContent = message ?? "";
      if (message) focusField(element);
    },
  };
}

/** What the customer has entered or chosen in a form, by control name. */
export type FormValues = Map<string, string>;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(form: HTMLFormElement): Control[] {
  return Array.from(form.elements).filter(
    (e): e is Control =>
      (e instanceof HTMLInputElement ||
        e instanceof HTMLSelectElement ||
        e instanceof HTMLTextAreaElement) &&
      Boolean(e.name),
  );
}

/**
 * The key a select's option is kept by: its `data-key` when it has one (a time, whose slot
 * id differs between the services' languages), else its value.
 */
const keyOf = (option: HTMLOptionElement | undefined) => option?.dataset.key ?? option?.value;

/**
 * What the customer sees entered or chosen in `form`, to carry into the form built anew in
 * another language. A control in a hidden part (a step not reached) is left out.
 */
export function formValues(form: HTMLFormElement): FormValues {
  const values: FormValues = new Map();
  for (const control of controls(form)) {
    if (control.closest("[hidden]")) continue;
    if (control instanceof HTMLSelectElement) {
      values.set(control.name, keyOf(control.selectedOptions[0]) ?? "");
    } else if (control instanceof HTMLInputElement && control.type === "radio") {
      if (control.checked) values.set(control.name, control.value);
    } else values.set(control.name, control.value);
  }
  return values;
}

/**
 * Puts `values` back into `form`, each control by its name, as if the customer had entered
 * them (a change event follows, so what depends on a choice follows it). A select whose
 * options are still on their way keeps the wanted choice until setOptions lists them.
 */
export function restoreValues(form: HTMLFormElement, values: FormValues): void {
  for (const control of controls(form)) {
    const value = values.get(control.name);
    if (value === undefined) continue;
    if (control instanceof HTMLSelectElement) {
      control.dataset.keep = value;
      if (!choose(control)) continue;
    } else if (control instanceof HTMLInputElement && control.type === "radio") {
      if (control.value !== value) continue;
      control.checked = true;
    } else control.value = value;
    control.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/** Chooses the option the select is waiting for, if listed; the wait ends either way. */
function choose(select: HTMLSelectElement): boolean {
  const wanted = select.dataset.keep;
  if (wanted === undefined) return false;
  const option = Array.from(select.options).find((o) => keyOf(o) === wanted);
  if (!select.options.length) return false;
  delete select.dataset.keep;
  if (option) option.selected = true;
  return Boolean(option);
}

/**
 * Replaces a select's options (a list loaded anew), keeping the choice made while it is
 * still offered, or making the one restoreValues is waiting for.
 */
export function setOptions(select: HTMLSelectElement, options: HTMLOptionElement[]): void {
  const kept = select.dataset.keep ?? keyOf(select.selectedOptions[0]);
  select.replaceChildren(...options);
  if (kept !== undefined) select.dataset.keep = kept;
  choose(select);
  delete select.dataset.keep;
}

/** Mirrors the first, cheap phone check of the contracts (phoneSchema); the server decides. */
export function phoneLooksValid(value: string): boolean {
  const v = value.trim();
  return v.length >= 5 && v.length <= 32 && /^\+?[0-9 ()./-]+$/.test(v);
}
