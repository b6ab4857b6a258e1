/**
 * Cancelling and moving an appointment from the chat. The customer shows the booking is
 * theirs with the phone number it was booked with, or by being signed in as the person who
 * booked it; otherwise the reference is answered as unknown, so that a guessed reference
 * reveals nothing.
 */
import type {
  AppointmentCancelled,
  AppointmentFound,
  AppointmentRescheduled,
  OwnAppointment,
} from "../../contracts/contactRequests.ts";
import type { Lang } from "../../contracts/lang.ts";
import { phrase } from "../dialogue/phrases.ts";
import { formatOpeningTime } from "../openingHours/index.ts";
import { type AppointmentDeps, bookAppointment, cancelAppointment } from "./appointments.ts";
import type { AppointmentRecord } from "./contactStore.ts";
import { AppointmentNotFoundError, OwnAppointmentHandledError } from "./errors.ts";
import { normalisePhone, phoneEnding } from "./phone.ts";
import { appointmentMoved } from "./phrases.ts";
import { normaliseReference } from "./references.ts";

/**
 * Who asks: the chat's signed-in subject, and the phone number they typed, if any; `lang`, the
 * language they read (the chat's), for a refusal worth explaining (the booking's otherwise).
 */
export interface AppointmentAsker {
  subject?: string;
  phone?: string;
  lang?: Lang;
}

/**
 * The booked appointment `reference`, if `asker` may change it. One an advisor already marked
 * handled is said so to its owner (OwnAppointmentHandledError), since "not found" would send
 * them looking for a mistake in the reference; to anyone else it is unknown, as is the rest.
 */
async function ownAppointment(
  deps: Pick<AppointmentDeps, "appointments" | "clock">,
  referenceInput: string,
  asker: AppointmentAsker,
): Promise<AppointmentRecord> {
  const reference = normaliseReference(referenceInput);
  const record = reference ? await deps.appointments.getAppointment(reference) : undefined;
  if (record?.status !== "booked" && record?.status !== "handled") {
    throw new AppointmentNotFoundError();
  }
  const bySubject = asker.subject !== undefined && record.subject === asker.subject;
  const phone = asker.phone ? normalisePhone(asker.phone) : undefined;
  const byPhone = phone?.ok === true && record.phone === phone.e164;
  if (!bySubject && !byPhone) throw new AppointmentNotFoundError();
  if (record.status === "handled") {
    throw new OwnAppointmentHandledError(
      phrase("appointmentAlreadyHandled", asker.lang ?? record.lang),
    );
  }
  return record;
}

/**
 * The asker's own appointment `reference` still ahead, with its language, labelled in the
 * chat's language `lang`. Unknown, someone else's, cancelled and started ones all answer
 * AppointmentNotFoundError alike, so a guess learns nothing.
 */
export async function findOwnAppointment(
  deps: Pick<AppointmentDeps, "appointments" | "clock" | "openingHours">,
  reference: string,
  asker: AppointmentAsker,
  lang: Lang,
): Promise<AppointmentFound> {
  const record = await ownAppointment(deps, reference, asker);
  const now = deps.clock.now();
  if (new Date(record.start) <= now) throw new AppointmentNotFoundError();
  return {
    reference: record.reference,
    slot: {
      slotId: record.slotId,
      start: record.start,
      end: record.end,
      label: formatOpeningTime(
        new Date(record.start),
        lang,
        deps.openingHours.config.timeZone,
        now,
      ),
    },
    lang: record.lang,
  };
}

/** The signed-in customer's booked appointments still ahead, earliest first. */
export async function listOwnAppointments(
  deps: Pick<AppointmentDeps, "appointments" | "clock" | "openingHours">,
  subject: string,
  lang: Lang,
): Promise<OwnAppointment[]> {
  const now = deps.clock.now();
  const zone = deps.openingHours.config.timeZone;
  return (await deps.appointments.listBookedBySubject(subject))
    .filter((a) => new Date(a.start) > now)
    .map((a) => ({
      reference: a.reference,
      slotId: a.slotId,
      start: a.start,
      end: a.end,
      label: formatOpeningTime(new Date(a.start), lang, zone, now),
      lang: a.lang,
    }));
}

/** Cancels the asker's own appointment and frees its place at once. */
export async function cancelOwnAppointment(
  deps: AppointmentDeps,
  reference: string,
  asker: AppointmentAsker,
): Promise<AppointmentCancelled> {
  const record = await ownAppointment(deps, reference, asker);
  return cancelAppointment(deps, record.reference);
}

/**
 * Moves the asker's own appointment to `slotId`: the new time is booked first (same phone,
 * language, topic and owner), and only then is the old one cancelled, so a full slot leaves
 * the customer with the appointment they had.
 */
export async function rescheduleOwnAppointment(
  deps: AppointmentDeps,
  request: { reference: string; slotId: string; chatId?: string },
  asker: AppointmentAsker,
): Promise<AppointmentRescheduled> {
  const old = await ownAppointment(deps, request.reference, asker);
  if (!old.phone) throw new AppointmentNotFoundError();
  const booked = await bookAppointment(
    deps,
    {
      slotId: request.slotId,
      lang: old.lang,
      phone: old.phone,
      ...(old.topic ? { topic: old.topic } : {}),
      ...(request.chatId ? { chatId: request.chatId } : {}),
    },
    // The new booking takes over the old one's guards: it is the same customer's one booking.
    { ...(old.subject ? { subject: old.subject } : {}), replacing: old.reference },
  );
  await cancelAppointment(deps, old.reference);
  const now = deps.clock.now();
  const zone = deps.openingHours.config.timeZone;
  const start = new Date(booked.slot.start);
  return {
    ...booked,
    // One sentence of the move, not the new booking's confirmation and then a cancellation.
    message: appointmentMoved(old.lang, {
      from: formatOpeningTime(new Date(old.start), old.lang, zone, now),
      to: formatOpeningTime(start, old.lang, zone, now),
      minutes: Math.round((new Date(booked.slot.end).getTime() - start.getTime()) / 60_000),
      reference: booked.reference,
      previous: old.reference,
      phoneEnding: phoneEnding(old.phone),
    }),
    cancelled: old.reference,
    lang: old.lang,
  };
}
