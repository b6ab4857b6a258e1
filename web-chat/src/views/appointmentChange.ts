import type {
  AppointmentSlotView,
  OwnAppointment,
} from "../../../functions/contracts/contactRequests.ts";
import type { Ack } from "../../../functions/contracts/protocol.ts";
import { h } from "../dom.ts";
import type { UiText } from "../i18n.ts";
import { api, checkPhone, phoneField, shell } from "./contactForms.ts";
import { field, focusField } from "./formFields.ts";

export interface AppointmentChangeContext {
  origin: string;
  lang: "fi" | "sv";
  text: UiText;
  /** Signed in: the customer picks one of their own bookings instead of typing reference and phone. */
  own?: () => Promise<Ack<{ appointments: OwnAppointment[] }>>;
  cancelAppointment(reference: string, phone?: string): Promise<Ack>;
  moveAppointment(reference: string, slotId: string, phone?: string): Promise<Ack>;
  /** Done: the server has said the outcome in the chat, once. */
  done(): void;
  cancel(): void;
}

/**
 * The form behind the "change-appointment" action: which booking (the signed-in customer's
 * own list, or reference and phone number), then cancel it or move it to a free time.
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
  const slotSelect = h("select", { name: "slotId" });
  const slot = field(text.newSlot, slotSelect);
  const move = h("button", { type: "button", class: "secondary" }, text.submitMoveAppointment);
  form.append(
    heading,
    own.wrapper,
    reference.wrapper,
    phone.wrapper,
    slot.wrapper,
    formError,
    h("div", { class: "actions" }, submit, move, cancel),
  );

  let usingOwn = false;
  async function loadOwn(): Promise<void> {
    const ack = ctx.own ? await ctx.own() : undefined;
    if (!ack?.ok || ack.appointments.length === 0) return;
    usingOwn = true;
    ownSelect.replaceChildren(
      ...ack.appointments.map((a) =>
        h("option", { value: a.reference }, `${a.label} (${a.reference})`),
      ),
    );
    own.wrapper.hidden = false;
    reference.wrapper.hidden = true;
    phone.wrapper.hidden = true;
  }
  async function loadSlots(): Promise<void> {
    const answer = await api<{ slots: AppointmentSlotView[] }>(
      ctx.origin,
      `/api/appointments/slots?lang=${ctx.lang}`,
    );
    slotSelect.replaceChildren(
      h("option", { value: "" }, "–"),
      ...(answer.body.slots ?? []).map((s) => h("option", { value: s.slotId }, s.label)),
    );
  }
  void loadOwn();
  void loadSlots();

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
      if (usingOwn) formError.textContent = message;
      else {
        reference.setError(message);
        focusField(referenceInput);
      }
    } else if (code === "SLOT_FULL" || code === "SLOT_NOT_BOOKABLE") {
      void loadSlots();
      // Not bookable need not mean full: the list may be old, or the booking is in the other
      // language's queue, whose times this list (the chat's language) does not show.
      slot.setError(code === "SLOT_FULL" ? text.newSlotFull : text.newSlotNotBookable);
      focusField(slotSelect);
    } else {
      formError.textContent = text.formFailed;
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.textContent = "";
    slot.setError(undefined);
    const which = chosen();
    if (!which) return;
    submit.disabled = true;
    const ack = await ctx.cancelAppointment(which.reference, which.phone);
    submit.disabled = false;
    if (ack.ok) ctx.done();
    else failed(ack);
  });
  move.addEventListener("click", async () => {
    formError.textContent = "";
    const which = chosen();
    if (!which) return;
    slot.setError(slotSelect.value ? undefined : text.newSlotMissing);
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
