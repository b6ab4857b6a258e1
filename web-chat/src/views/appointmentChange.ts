import type {
  AppointmentFound,
  AppointmentSlotView,
  OwnAppointment,
} from "../../../functions/contracts/contactRequests.ts";
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { Ack } from "../../../functions/contracts/protocol.ts";
import { h } from "../dom.ts";
import type { UiText } from "../i18n.ts";
import { api, checkPhone, failedSend, phoneField, shell, slotPicker } from "./contactForms.ts";
import { type FormValues, field, focusField, setOptions } from "./formFields.ts";

export interface AppointmentChangeContext {
  origin: string;
  lang: Lang;
  text: UiText;
  /** Signed in: the customer picks one of their own bookings instead of typing reference and phone. */
  own?: () => Promise<Ack<{ appointments: OwnAppointment[] }>>;
  /** The booking named by reference and phone, with the language it was booked in. */
  findAppointment(reference: string, phone?: string): Promise<Ack<AppointmentFound>>;
  cancelAppointment(reference: string, phone?: string): Promise<Ack>;
  moveAppointment(reference: string, slotId: string, phone?: string): Promise<Ack>;
  /**
   * What the customer had entered in this form before it was built anew in another
   * language: with a new time being chosen then, the times are shown again.
   */
  values?: FormValues;
  /** Done: the server has said the outcome in the chat, once. */
  done(): void;
  cancel(): void;
}

/**
 * The form behind the "change-appointment" action: which booking (the signed-in customer's
 * own list, or reference and phone number), then cancel it or move it to a free time.
 * A move keeps the booking's language (its advisors), so the new times are that language's,
 * which need not be the chat's: the form finds the booking before it lists any.
 */
export function appointmentChangeForm(ctx: AppointmentChangeContext): HTMLFormElement {
  const { text } = ctx;
  const { heading, formError, submit, cancel, form } = shell(
    text.changeTitle,
    { text, cancel: ctx.cancel },
    text.submitCancelAppointment,
  );
  cancel.textContent = text.closeForm;
  const referenceInput = h("input", {
    type: "text",
    name: "reference",
    autocomplete: "off",
    required: true,
    "aria-required": "true",
  });
  const reference = field(text.reference, referenceInput, text.referenceHint);
  const phone = phoneField(text);
  const ownSelect = h("select", { name: "own" });
  const own = field(text.ownAppointments, ownSelect);
  own.wrapper.hidden = true;
  const slot = slotPicker(text, text.newSlot);
  const slotSelect = slot.time.control;
  slot.wrapper.hidden = true;
  const move = h("button", { type: "button", class: "secondary" }, text.submitMoveAppointment);
  form.append(
    heading,
    own.wrapper,
    reference.wrapper,
    phone.wrapper,
    slot.wrapper,
    formError.element,
    h("div", { class: "actions" }, submit, move, cancel),
  );

  let usingOwn = false;
  /** The own list's bookings' languages, by reference: a signed-in move needs no lookup. */
  const ownLangs = new Map<string, Lang>();
  async function loadOwn(): Promise<void> {
    const ack = ctx.own ? await ctx.own() : undefined;
    if (!ack?.ok || ack.appointments.length === 0) return;
    usingOwn = true;
    for (const a of ack.appointments) ownLangs.set(a.reference, a.lang);
    setOptions(
      ownSelect,
      ack.appointments.map((a) =>
        h("option", { value: a.reference }, `${a.label} (${a.reference})`),
      ),
    );
    own.wrapper.hidden = false;
    reference.wrapper.hidden = true;
    phone.wrapper.hidden = true;
  }
  /** The booking the listed times are for; a different one named means finding it again. */
  let movingFor: { key: string; lang: Lang } | undefined;
  const keyOf = (which: { reference: string; phone?: string }) =>
    `${which.reference}|${which.phone ?? ""}`;
  function forgetMove(): void {
    movingFor = undefined;
    slot.wrapper.hidden = true;
    slot.time.setError(undefined);
  }
  // Another booking named: its language, and so its times, may differ.
  form.addEventListener("input", (event) => {
    if (!slot.wrapper.contains(event.target as Node)) forgetMove();
  });

  /** The booking language's free times, labelled in the chat's language. */
  async function loadSlots(lang: Lang): Promise<void> {
    const answer = await api<{ slots: AppointmentSlotView[] }>(
      ctx.origin,
      `/api/appointments/slots?lang=${lang}&labelLang=${ctx.lang}`,
    );
    const slots = answer.body.slots ?? [];
    slot.show(slots);
    const unavailable =
      answer.status !== 200 ? text.formFailed : slots.length ? undefined : text.noSlots;
    // Above both lists: it says what the times below are.
    slot.day.setHint?.(
      [lang === ctx.lang ? undefined : text.otherServiceSlots, unavailable]
        .filter(Boolean)
        .join(" ") || undefined,
    );
  }
  const ownLoaded = loadOwn();

  /** Finds the booking, then shows its language's free times; a booking not found is an error. */
  async function prepareMove(
    which: { reference: string; phone?: string },
    focus = true,
  ): Promise<void> {
    let lang = usingOwn ? ownLangs.get(which.reference) : undefined;
    if (!lang) {
      const found = await ctx.findAppointment(which.reference, which.phone);
      if (!found.ok) return failed(found);
      lang = found.lang;
    }
    await loadSlots(lang);
    movingFor = { key: keyOf(which), lang };
    slot.wrapper.hidden = false;
    // The first of the two lists, under the sentence that says whose times they are.
    if (focus) focusField(slot.day.control);
  }
  // Built anew in another language while a new time was being chosen: the times come back,
  // worded in it, with the choice kept; focus stays where the customer switched language.
  if (ctx.values?.has(slotSelect.name)) {
    void ownLoaded.then(() => {
      const which = chosen();
      if (which) void prepareMove(which, false);
    });
  }

  /** The booking named, or undefined after showing what is missing. */
  function chosen(): { reference: string; phone?: string } | undefined {
    if (usingOwn) return { reference: ownSelect.value };
    const ref = referenceInput.value.trim();
    reference.setError(ref ? undefined : text.referenceMissing);
    const phoneOk = checkPhone(phone, text);
    if (!ref || !phoneOk) {
      focusField(ref ? phone.control : referenceInput);
      return undefined;
    }
    return { reference: ref, phone: phone.control.value.trim() };
  }

  function failed(ack: Ack): void {
    if (ack.ok) return;
    const code = ack.error.code;
    if (code === "APPOINTMENT_NOT_FOUND" || code === "APPOINTMENT_ALREADY_STARTED") {
      const message =
        code === "APPOINTMENT_NOT_FOUND" ? text.appointmentNotFound : text.appointmentStarted;
      forgetMove();
      if (usingOwn) formError.show(message);
      else {
        reference.setError(message);
        focusField(referenceInput);
      }
    } else if (code === "APPOINTMENT_ALREADY_HANDLED") {
      // The service's own words (in the chat's language): the call was made, nothing to change.
      forgetMove();
      formError.show(ack.error.message);
    } else if (code === "SLOT_FULL" || code === "SLOT_NOT_BOOKABLE") {
      if (movingFor) void loadSlots(movingFor.lang);
      // Not bookable need not mean full: the list may be old (the time too near by now).
      slot.time.setError(code === "SLOT_FULL" ? text.newSlotFull : text.newSlotNotBookable);
      focusField(slotSelect);
    } else {
      formError.show(failedSend(code, ctx.lang, text));
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.show();
    slot.time.setError(undefined);
    const which = chosen();
    if (!which) return;
    submit.disabled = true;
    const ack = await ctx.cancelAppointment(which.reference, which.phone);
    submit.disabled = false;
    if (ack.ok) ctx.done();
    else failed(ack);
  });
  move.addEventListener("click", async () => {
    formError.show();
    const which = chosen();
    if (!which) return;
    if (movingFor?.key !== keyOf(which)) {
      move.disabled = true;
      await prepareMove(which);
      move.disabled = false;
      return;
    }
    slot.time.setError(slotSelect.value ? undefined : text.newSlotMissing);
    if (!slotSelect.value) {
      focusField(slotSelect);
      return;
    }
    move.disabled = true;
    const ack = await ctx.moveAppointment(which.reference, slotSelect.value, which.phone);
    move.disabled = false;
    if (ack.ok) ctx.done();
    else failed(ack);
  });
  return form;
}
