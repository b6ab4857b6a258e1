import { DateTime } from "luxon";
import type {
  AppointmentBooked,
  AppointmentBooking,
  AppointmentCancelled,
  AppointmentSlotsQuery,
  AppointmentSlotView,
} from "../../contracts/contactRequests.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { AdvisorAppointmentPage } from "../../contracts/protocol.ts";
import { phrase } from "../dialogue/phrases.ts";
import { LanguageNotServedError } from "../handoff/errors.ts";
import {
  bookableSlots,
  formatClockTime,
  formatDay,
  formatOpeningTime,
  type OpeningHours,
  resolveSlot,
  type SlotRejection,
} from "../openingHours/index.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import type { ContactChanges } from "./contactChanges.ts";
import {
  type AppointmentPosition,
  type AppointmentRecord,
  type AppointmentStore,
  type ContactGuardStore,
  contactExpiry,
} from "./contactStore.ts";
import {
  AlreadyOpenError,
  AppointmentAlreadyHandledError,
  AppointmentAlreadyStartedError,
  AppointmentCancelledError,
  AppointmentNotFoundError,
  AppointmentNotStartedError,
  InvalidPhoneNumberError,
  OwnAppointmentHandledError,
  SlotFullError,
  SlotNotBookableError,
} from "./errors.ts";
import { decodePosition, encodePosition } from "./listCursor.ts";
import {
  claimOpenContact,
  type HolderState,
  openContactKeys,
  releaseOpenContact,
} from "./openContacts.ts";
import { formatPhone, normalisePhone, phoneEnding } from "./phone.ts";
import { appointmentCancellation, appointmentConfirmation, bookingAlreadyOpen } from "./phrases.ts";
import {
  normaliseReference,
  REFERENCE_ATTEMPTS,
  type ReferenceSource,
  randomReference,
} from "./references.ts";

export interface AppointmentDeps {
  appointments: AppointmentStore;
  /** One open booking per phone number and person. */
  guards: ContactGuardStore;
  clock: Clock;
  openingHours: OpeningHours;
  /** Defaults to cryptographically random references. */
  newReference?: ReferenceSource;
  /** Counts the request for supervisors' reports; never throws. */
  reports?: ReportRecorder;
  /** Tells the advisors' consoles that their list changed; never throws. */
  contactChanges?: ContactChanges;
}

/**
 * Slots of the customer's language queue that can be booked now and still have a place,
 * between the local days `from` and `to` (inclusive), within the booking horizon.
 */
export async function listSlots(
  deps: Pick<AppointmentDeps, "appointments" | "clock" | "openingHours">,
  query: AppointmentSlotsQuery,
): Promise<AppointmentSlotView[]> {
  const zone = deps.openingHours.config.timeZone;
  const now = deps.clock.now();
  const from = query.from ? DateTime.fromISO(query.from, { zone }).toJSDate() : undefined;
  const to = query.to
    ? DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).toJSDate()
    : undefined;
  const slots = bookableSlots(deps.openingHours, query.lang, now, from, to);
  if (slots.length === 0) return [];
  const labelLang = query.labelLang ?? query.lang;
  const booked = await deps.appointments.bookedCounts(slots.map((s) => s.id));
  return slots
    .map((slot) => ({ slot, remaining: slot.capacity - (booked.get(slot.id) ?? 0) }))
    .filter(({ remaining }) => remaining > 0)
    .map(({ slot, remaining }) => ({
      slotId: slot.id,
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      remaining,
      label: formatOpeningTime(slot.start, labelLang, zone, now),
      day: DateTime.fromJSDate(slot.start, { zone }).toISODate() ?? "",
      dayLabel: formatDay(slot.start, labelLang, zone, now),
      timeLabel: formatClockTime(slot.start, labelLang, zone),
    }));
}

const REJECTION: Record<SlotRejection, string> = {
  INVALID_SLOT_ID: "must be a slotId from GET /api/appointments/slots",
  NOT_A_SLOT: "is not an appointment time of the service; list the free times again",
  TOO_SOON: "starts too soon to be booked; choose a later time",
  BEYOND_HORIZON: "is too far ahead to be booked yet; choose an earlier time",
};

/**
 * Books one place in a slot for the customer: never more places than the slot's capacity,
 * even under concurrent bookings, and never a second open booking for the same phone number
 * or signed-in person. Fails with SlotFullError when no place is left, AlreadyOpenError when
 * the customer already has a booking ahead.
 */
export async function bookAppointment(
  deps: AppointmentDeps,
  booking: AppointmentBooking,
  /**
   * The signed-in customer booking it, if any (their bookings can be found by them later),
   * and the booking this one replaces when an appointment is moved.
   */
  who: { subject?: string; replacing?: string } = {},
): Promise<AppointmentBooked> {
  const phone = normalisePhone(booking.phone);
  if (!phone.ok) throw new InvalidPhoneNumberError();
  const now = deps.clock.now();
  const zone = deps.openingHours.config.timeZone;
  // Only ids the schedule itself would issue now are bookable: a client-made id for a
  // closed hour, a past time or next year must not create a counter.
  const resolved = resolveSlot(deps.openingHours, booking.slotId, now);
  if (!resolved.ok) throw new SlotNotBookableError(REJECTION[resolved.reason]);
  const { slot } = resolved;
  if (slot.queue !== booking.lang) {
    throw new SlotNotBookableError(
      `belongs to the ${slot.queue} queue; list the free times with lang=${booking.lang}`,
    );
  }
  const expiresAt = contactExpiry(slot.end);
  const newReference = deps.newReference ?? randomReference;
  let reference = newReference("appointment");
  const guards = openContactKeys("booking", { phone: phone.e164, subject: who.subject });
  // The customer's one open booking first: a second one must not hold a place even briefly.
  const claim = await claimOpenContact(
    {
      guards: deps.guards,
      clock: deps.clock,
      holderState: (ref) => bookingState(deps.appointments, ref, deps.clock.now()),
    },
    {
      keys: guards,
      reference,
      // Once the appointment starts it is no longer open, and the next booking may take over.
      holdsUntil: slot.start.getTime(),
      expiresAt,
      ...(who.replacing ? { replacing: who.replacing } : {}),
    },
    (holder) =>
      new AlreadyOpenError(
        "booking",
        holder.reference,
        bookingAlreadyOpen(booking.lang, {
          reference: holder.reference,
          ...(holder.holdsUntil
            ? { when: formatOpeningTime(new Date(holder.holdsUntil), booking.lang, zone, now) }
            : {}),
        }),
      ),
  );
  if (!(await deps.appointments.reservePlace(slot.id, slot.capacity, expiresAt))) {
    await claim.rollback();
    throw new SlotFullError();
  }

  // The place and the guards are ours now; from here on every failure must give them back.
  let stored: AppointmentRecord | undefined;
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS && !stored; attempt++) {
    if (attempt > 0) {
      reference = newReference("appointment");
      await claim.moveTo(reference);
    }
    const record: AppointmentRecord = {
      reference,
      slotId: slot.id,
      lang: booking.lang,
      phone: phone.e164,
      topic: booking.topic,
      chatId: booking.chatId,
      ...(who.subject ? { subject: who.subject } : {}),
      status: "booked",
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      bookedAt: now.toISOString(),
      guards,
      expiresAt,
    };
    let put: boolean;
    try {
      put = await deps.appointments.putAppointment(record);
    } catch (error) {
      // A timed-out put may still have landed: releasing a place that is in fact taken
      // would let the slot be overbooked, so look before giving it back.
      const landed = await deps.appointments
        .getAppointment(record.reference)
        .catch(() => undefined);
      if (landed?.slotId === record.slotId && landed.bookedAt === record.bookedAt) {
        stored = landed;
        break;
      }
      await deps.appointments.releasePlace(slot.id);
      await claim.rollback();
      throw error;
    }
    if (put) stored = record;
  }
  if (!stored) {
    await deps.appointments.releasePlace(slot.id);
    await claim.rollback();
    throw new Error(`no free appointment reference after ${REFERENCE_ATTEMPTS} attempts`);
  }

  await deps.reports?.record({ kind: "booking", at: now, lang: booking.lang });
  deps.contactChanges?.changed({ list: "appointments", lang: booking.lang });
  const minutes = Math.round((slot.end.getTime() - slot.start.getTime()) / 60_000);
  return {
    reference: stored.reference,
    slot: { slotId: slot.id, start: stored.start, end: stored.end },
    message: appointmentConfirmation(booking.lang, {
      reference: stored.reference,
      phoneEnding: phoneEnding(phone.e164),
      when: formatOpeningTime(slot.start, booking.lang, zone, now),
      minutes,
    }),
  };
}

/** Whether a guard's booking is still ahead: open until cancelled or started. */
async function bookingState(
  appointments: AppointmentStore,
  reference: string,
  now: Date,
): Promise<HolderState> {
  const record = await appointments.getAppointment(reference);
  if (!record) return "missing";
  return record.status === "booked" && new Date(record.start) > now ? "open" : "done";
}

/**
 * Cancels a booked appointment by its reference and frees its place. Cancelling twice is
 * harmless: the place is freed once and the second call answers the same. A started one is
 * APPOINTMENT_ALREADY_STARTED; one an advisor marked handled APPOINTMENT_ALREADY_HANDLED, in
 * the booking's language; neither writes anything.
 */
export async function cancelAppointment(
  deps: Pick<
    AppointmentDeps,
    "appointments" | "guards" | "clock" | "openingHours" | "reports" | "contactChanges"
  >,
  referenceInput: string,
): Promise<AppointmentCancelled> {
  const reference = normaliseReference(referenceInput);
  if (!reference) throw new AppointmentNotFoundError();
  const existing = await deps.appointments.getAppointment(reference);
  if (!existing) throw new AppointmentNotFoundError();
  const now = deps.clock.now();
  // Its call has been made: said as the chat says it to the booking's owner, whom this path
  // knows by the reference alone (the chat asks for the phone or the sign-in before this).
  if (existing.status === "handled") {
    throw new OwnAppointmentHandledError(phrase("appointmentAlreadyHandled", existing.lang));
  }
  if (existing.status === "booked") {
    if (new Date(existing.start) <= now) throw new AppointmentAlreadyStartedError();
    const cancelled = await deps.appointments.markCancelled(reference, now.toISOString());
    // Only the call that flipped the status frees the place (bookable again at once) and
    // counts; a concurrent cancel did neither.
    if (cancelled) {
      await deps.appointments.releasePlace(cancelled.slotId);
      // The customer may book again at once (a reschedule's guards have already moved on).
      await releaseOpenContact(deps.guards, cancelled);
      await deps.reports?.record({
        kind: "cancellation",
        at: now,
        lang: cancelled.lang,
        bookedAt: new Date(cancelled.bookedAt),
      });
      deps.contactChanges?.changed({ list: "appointments", lang: cancelled.lang });
    }
  }
  const when = formatOpeningTime(
    new Date(existing.start),
    existing.lang,
    deps.openingHours.config.timeZone,
    now,
  );
  return {
    reference,
    status: "cancelled",
    message: appointmentCancellation(existing.lang, { reference, when }),
    lang: existing.lang,
  };
}

/** How many appointments one page of the advisors' list holds (as callbacks). */
export const APPOINTMENT_PAGE_SIZE = 200;

/**
 * One page of the booked appointments in the advisor's languages (`langs`), earliest first,
 * from the start of the local day `from` (YYYY-MM-DD; today when absent) or after `cursor`
 * (the `nextCursor` of the page before). Started ones stay until an advisor marks them
 * handled: whom to call at 10:30 is still on the list at 10:35.
 */
export async function listBookedAppointmentsPage(
  deps: Pick<AppointmentDeps, "appointments" | "clock" | "openingHours">,
  options: { langs: readonly Lang[]; from?: string; cursor?: string; limit?: number },
): Promise<AdvisorAppointmentPage> {
  const limit = options.limit ?? APPOINTMENT_PAGE_SIZE;
  const now = deps.clock.now();
  const zone = deps.openingHours.config.timeZone;
  let after: AppointmentPosition;
  if (options.cursor !== undefined) {
    const p = decodePosition(options.cursor);
    after = { start: p.at, reference: p.reference };
  } else {
    const day = options.from
      ? DateTime.fromISO(options.from, { zone })
      : DateTime.fromJSDate(now, { zone });
    // An empty reference sorts before every appointment that starts at that instant.
    after = { start: day.startOf("day").toUTC().toISO() ?? "", reference: "" };
  }
  // One more than the page from each language: whether it exists says whether more follow.
  const perLang = await Promise.all(
    [...new Set(options.langs)].map((lang) =>
      deps.appointments.listBookedByLang(lang, limit + 1, after),
    ),
  );
  // Code-unit order, as the store compares the positions (not the locale's collation).
  const order = (r: AppointmentPosition) => `${r.start}#${r.reference}`;
  const records = perLang.flat().sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const page = records.slice(0, limit);
  const last = page.at(-1);
  return {
    appointments: page.flatMap((r) =>
      // A booked appointment always has a number (a cancel drops it); none, none to call.
      r.phone
        ? [
            {
              reference: r.reference,
              lang: r.lang,
              phone: r.phone,
              phoneDisplay: formatPhone(r.phone),
              start: r.start,
              end: r.end,
              label: formatOpeningTime(new Date(r.start), r.lang, zone, now),
              ...(r.topic ? { topic: r.topic } : {}),
              ...(r.chatId ? { chatId: r.chatId } : {}),
              createdAt: r.bookedAt,
            },
          ]
        : [],
    ),
    ...(records.length > limit && last
      ? { nextCursor: encodePosition({ at: last.start, reference: last.reference }) }
      : {}),
    now: now.toISOString(),
  };
}

/**
 * Marks a booked appointment handled after its call, once, recording who and an optional
 * note (masked). Only from the appointment's start: until then the customer may still cancel
 * or move it, and it holds their one open booking. It stays counted as a booking in reports
 * (a handled appointment is not a cancelled one). Refusals name why: APPOINTMENT_NOT_STARTED,
 * APPOINTMENT_ALREADY_HANDLED, APPOINTMENT_CANCELLED, APPOINTMENT_NOT_FOUND, and
 * LANGUAGE_NOT_SERVED for an appointment outside `langs` (the advisor's).
 */
export async function closeAppointment(
  deps: Pick<AppointmentDeps, "appointments" | "clock" | "contactChanges">,
  input: { reference: string; advisorId: string; note?: string; langs: readonly Lang[] },
): Promise<{ reference: string; handledAt: string }> {
  const reference = normaliseReference(input.reference);
  if (!reference) throw new AppointmentNotFoundError();
  const existing = await deps.appointments.getAppointment(reference);
  if (!existing) throw new AppointmentNotFoundError();
  if (!input.langs.includes(existing.lang)) throw new LanguageNotServedError(existing.lang);
  const now = deps.clock.now();
  const handled = await deps.appointments.markHandled(reference, {
    handledAt: now.toISOString(),
    handledBy: input.advisorId,
    // Staff type personal data too: the note is kept masked, like customers' text.
    ...(input.note?.trim() ? { note: maskPersonalData(input.note.trim()).text } : {}),
  });
  if (handled) {
    deps.contactChanges?.changed({ list: "appointments", lang: existing.lang });
    return { reference, handledAt: now.toISOString() };
  }
  const current = (await deps.appointments.getAppointment(reference)) ?? existing;
  if (current.status === "handled") throw new AppointmentAlreadyHandledError();
  if (current.status === "cancelled") throw new AppointmentCancelledError();
  throw new AppointmentNotStartedError();
}
