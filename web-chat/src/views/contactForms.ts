import type {
  AppointmentBooked,
  AppointmentSlotView,
  CallbackCreated,
  CallbackWindow,
} from "../../../functions/contracts/contactRequests.ts";
import type { Lang } from "../../../functions/contracts/lang.ts";
import { rateLimitedMessage } from "../../../functions/domain/limits/requestLimits.ts";
import { h } from "../dom.ts";
import type { UiText } from "../i18n.ts";
import {
  type Field,
  field,
  focusField,
  formMessage,
  phoneLooksValid,
  radioGroup,
  setOptions,
} from "./formFields.ts";

export interface ContactFormContext {
  origin: string;
  lang: Lang;
  text: UiText;
  chatId?: string;
  topic?: string;
  /**
   * The request went through: show the server's confirmation in the chat as it is (it names
   * the reference once).
   */
  done(confirmation: string): void;
  cancel(): void;
}

interface ApiAnswer<T> {
  status: number;
  body: Partial<T> & { error?: { code: string; message: string } };
}

export async function api<T>(origin: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  try {
    const response = await fetch(`${origin}${path}`, {
      method: body ? "POST" : "GET",
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  } catch {
    return { status: 0, body: {} };
  }
}

/** The field a 400 answer names ("phone: ..."), so the error shows beside that field. */
function namedField(answer: ApiAnswer<unknown>): string | undefined {
  return answer.status === 400 ? answer.body.error?.message.split(":")[0]?.trim() : undefined;
}

/**
 * The server's own refusal when the customer already has an open booking or callback: it is
 * in their language and names the open reference, so it is shown as it is.
 */
function alreadyOpen(answer: ApiAnswer<unknown>): string | undefined {
  return answer.body.error?.code === "ALREADY_OPEN" ? answer.body.error.message : undefined;
}

/**
 * What a form says when a request failed for no field's sake: too many requests in the
 * server's polite words for it, in the form's language; anything else (refused, unreachable)
 * as a failed send.
 */
export function failedSend(code: string | undefined, lang: Lang, text: UiText): string {
  return code === "RATE_LIMITED" ? rateLimitedMessage(lang) : text.formFailed;
}

export function shell(
  title: string,
  ctx: Pick<ContactFormContext, "text" | "cancel">,
  submitLabel: string,
) {
  const heading = h("h3", { tabindex: "-1" }, title);
  const formError = formMessage();
  const submit = h("button", { type: "submit", class: "primary" }, submitLabel);
  const cancel = h("button", { type: "button", class: "secondary" }, ctx.text.cancel);
  cancel.addEventListener("click", () => ctx.cancel());
  const form = h("form", { class: "contact-form", novalidate: true });
  form.setAttribute("aria-label", title);
  return { heading, formError, submit, cancel, form };
}

export function phoneField(text: UiText) {
  const input = h("input", {
    type: "tel",
    name: "phone",
    autocomplete: "tel",
    inputmode: "tel",
    required: true,
    "aria-required": "true",
  });
  return field(text.phone, input, text.phoneHint);
}

export function checkPhone(phone: ReturnType<typeof phoneField>, text: UiText): boolean {
  const value = phone.control.value.trim();
  const message = !value
    ? text.phoneMissing
    : phoneLooksValid(value)
      ? undefined
      : text.phoneInvalid;
  phone.setError(message);
  return !message;
}

/** A free time chosen in two steps: the day, then one of that day's times. */
export interface SlotPicker {
  /** The day field, then the time field. */
  wrapper: HTMLElement;
  day: Field<HTMLSelectElement>;
  time: Field<HTMLSelectElement>;
  /** Lists `slots`, keeping the day and time chosen while they are still offered. */
  show(slots: AppointmentSlotView[]): void;
}

/**
 * Two short lists instead of one of a hundred times: the days (the first chosen), then the
 * chosen day's times. Each option reads whole on its own, in a list named for what it
 * holds, which a screen reader says as it is and a phone shows as its own picker; a list's
 * groups (optgroup) are said by some screen readers and not others. Day and time are worded
 * by the server (`dayLabel`, `timeLabel`), as it words every time in the chat.
 */
export function slotPicker(text: UiText, timeLabel: string): SlotPicker {
  const daySelect = h("select", { name: "slotDay" });
  const timeSelect = h("select", { name: "slotId", required: true, "aria-required": "true" });
  const day = field(text.slotDay, daySelect);
  const time = field(timeLabel, timeSelect);
  let byDay = new Map<string, AppointmentSlotView[]>();
  const showTimes = () =>
    setOptions(timeSelect, [
      h("option", { value: "" }, "–"),
      ...(byDay.get(daySelect.value) ?? []).map((s) =>
        // Kept by its start: after a language switch the same time is the other service's.
        h("option", { value: s.slotId, "data-key": s.start }, s.timeLabel),
      ),
    ]);
  daySelect.addEventListener("change", showTimes);
  return {
    wrapper: h("div", { class: "slot-picker" }, day.wrapper, time.wrapper),
    day,
    time,
    show(slots) {
      byDay = new Map();
      for (const s of slots) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
      setOptions(
        daySelect,
        [...byDay.values()].map((list) => h("option", { value: list[0]?.day }, list[0]?.dayLabel)),
      );
      showTimes();
    },
  };
}

/** The callback request form shown inside the chat (POST /api/callbacks). */
export function callbackForm(ctx: ContactFormContext): HTMLFormElement {
  const { text } = ctx;
  const { heading, formError, submit, cancel, form } = shell(
    text.callbackTitle,
    ctx,
    text.submitCallback,
  );
  const phone = phoneField(text);
  const windows = radioGroup(
    text.window,
    "preferredWindow",
    (["any", "morning", "afternoon"] as const).map((value) => ({
      value,
      label: text.windows[value],
      checked: value === "any",
    })),
    "choices",
  );
  form.append(
    heading,
    phone.wrapper,
    windows.wrapper,
    formError.element,
    h("div", { class: "actions" }, submit, cancel),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.show();
    if (!checkPhone(phone, text)) {
      focusField(phone.control);
      return;
    }
    const preferredWindow = (new FormData(form).get("preferredWindow") ?? "any") as CallbackWindow;
    submit.disabled = true;
    const answer = await api<CallbackCreated>(ctx.origin, "/api/callbacks", {
      lang: ctx.lang,
      phone: phone.control.value.trim(),
      preferredWindow,
      ...(ctx.topic ? { topic: ctx.topic } : {}),
      ...(ctx.chatId ? { chatId: ctx.chatId } : {}),
    });
    submit.disabled = false;
    if (answer.status === 201 && answer.body.reference) {
      ctx.done(answer.body.message ?? answer.body.reference);
    } else if (alreadyOpen(answer)) {
      formError.show(alreadyOpen(answer));
    } else if (namedField(answer) === "phone") {
      phone.setError(text.phoneInvalid);
      focusField(phone.control);
    } else {
      formError.show(failedSend(answer.body.error?.code, ctx.lang, text));
    }
  });
  return form;
}

/** The phone appointment form shown inside the chat: free slots, then POST /api/appointments. */
export function appointmentForm(ctx: ContactFormContext): HTMLFormElement {
  const { text } = ctx;
  const { heading, formError, submit, cancel, form } = shell(
    text.appointmentTitle,
    ctx,
    text.submitAppointment,
  );
  const slot = slotPicker(text, text.slot);
  const select = slot.time.control;
  const loading = h("p", { role: "status" }, text.slotsLoading);
  const phone = phoneField(text);
  form.append(
    heading,
    loading,
    slot.wrapper,
    phone.wrapper,
    formError.element,
    h("div", { class: "actions" }, submit, cancel),
  );

  async function loadSlots(): Promise<void> {
    loading.textContent = text.slotsLoading;
    const answer = await api<{ slots: AppointmentSlotView[] }>(
      ctx.origin,
      `/api/appointments/slots?lang=${ctx.lang}`,
    );
    const slots = answer.body.slots ?? [];
    slot.show(slots);
    loading.textContent =
      answer.status !== 200 ? text.formFailed : slots.length ? "" : text.noSlots;
    loading.hidden = !loading.textContent;
  }
  void loadSlots();

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.show();
    const slotOk = Boolean(select.value);
    slot.time.setError(slotOk ? undefined : text.slotMissing);
    const phoneOk = checkPhone(phone, text);
    if (!slotOk || !phoneOk) {
      focusField(slotOk ? phone.control : select);
      return;
    }
    submit.disabled = true;
    const answer = await api<AppointmentBooked>(ctx.origin, "/api/appointments", {
      slotId: select.value,
      lang: ctx.lang,
      phone: phone.control.value.trim(),
      ...(ctx.topic ? { topic: ctx.topic } : {}),
      ...(ctx.chatId ? { chatId: ctx.chatId } : {}),
    });
    submit.disabled = false;
    const named = namedField(answer);
    if (answer.status === 201 && answer.body.reference) {
      ctx.done(answer.body.message ?? answer.body.reference);
    } else if (alreadyOpen(answer)) {
      formError.show(alreadyOpen(answer));
    } else if (
      answer.status === 409 ||
      named === "slotId" ||
      answer.body.error?.code === "SLOT_NOT_BOOKABLE"
    ) {
      await loadSlots();
      slot.time.setError(text.slotFull);
      focusField(select);
    } else if (named === "phone") {
      phone.setError(text.phoneInvalid);
      focusField(phone.control);
    } else {
      formError.show(failedSend(answer.body.error?.code, ctx.lang, text));
    }
  });
  return form;
}
