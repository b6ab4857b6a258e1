/**
 * Callback requests and phone appointments: the request shapes that the HTTP API, the
 * socket gateway and the web chat share. Documented in docs/protocol.md.
 */
import * as z from "zod";
import { type Lang, langSchema } from "./lang.ts";
import { TOPIC_ID_MAX_LENGTH, TOPIC_ID_PATTERN } from "./topics.ts";

/** Shown whenever a phone number is refused, so the customer sees what to type. */
export const PHONE_HINT =
  "enter a Finnish or international phone number, e.g. 040 123 4567 or +358 40 123 4567";

/**
 * A first, cheap check of the phone field; the domain parses and normalises it to E.164
 * (functions/domain/contact/phone.ts) so the browser bundle needs no phone metadata.
 */
export const phoneSchema = z
  .string({ error: PHONE_HINT })
  .trim()
  .min(5, PHONE_HINT)
  .max(32, PHONE_HINT)
  .regex(/^\+?[0-9 ()./-]+$/, PHONE_HINT);

/**
 * Halves of the service day (9-12, 12-16 local time). Finer windows would promise more than
 * a callback queue can keep; "any" lets the next free advisor call.
 */
export const CALLBACK_WINDOWS = ["morning", "afternoon", "any"] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

// The form only: topics are content, and this shape is checked where no content is loaded.
const TOPIC_HINT = "must be a topic id, e.g. tax-card";
const topicSchema = z
  .string({ error: TOPIC_HINT })
  .max(TOPIC_ID_MAX_LENGTH, TOPIC_HINT)
  .regex(TOPIC_ID_PATTERN, TOPIC_HINT);
const chatIdSchema = z.string().min(1).max(64, "must be at most 64 characters");

export const callbackRequestSchema = z.strictObject({
  lang: langSchema,
  phone: phoneSchema,
  preferredWindow: z
    .enum(CALLBACK_WINDOWS, { error: "must be morning, afternoon or any" })
    .optional(),
  topic: topicSchema.optional(),
  chatId: chatIdSchema.optional(),
});
export type CallbackRequest = z.infer<typeof callbackRequestSchema>;

const isoDate = z.iso.date({ error: "must be a date in the form YYYY-MM-DD" });

export const appointmentSlotsQuerySchema = z
  .strictObject({
    lang: langSchema,
    /**
     * The language of each slot's `label` when not `lang`'s: a customer moving a booking of
     * the other language reads its times in their own.
     */
    labelLang: langSchema.optional(),
    /** First local (Helsinki) day to list, inclusive. */
    from: isoDate.optional(),
    /** Last local day to list, inclusive. */
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "must not be before from",
  });
export type AppointmentSlotsQuery = z.infer<typeof appointmentSlotsQuerySchema>;

/** Slot ids as the slot listing issues them, e.g. "fi-2026-11-24T0800Z". */
export const slotIdSchema = z
  .string({ error: "must be a slotId from GET /api/appointments/slots" })
  .regex(/^(fi|sv)-\d{4}-\d{2}-\d{2}T\d{4}Z$/, "must be a slotId from GET /api/appointments/slots");

export const appointmentBookingSchema = z.strictObject({
  slotId: slotIdSchema,
  lang: langSchema,
  phone: phoneSchema,
  topic: topicSchema.optional(),
  chatId: chatIdSchema.optional(),
});
export type AppointmentBooking = z.infer<typeof appointmentBookingSchema>;

/**
 * References: a prefix and Crockford base32 (no I, L, O, U), so they can be read out on the
 * phone; callbacks "SP-XXXXXX", appointments "AV-XXXXXXXX" (longer: it alone cancels).
 */
export const REFERENCE_PATTERN = /^(SP-[0-9A-HJKMNP-TV-Z]{6}|AV-[0-9A-HJKMNP-TV-Z]{8})$/;

const REFERENCE_HINT = "must be an appointment reference, e.g. AV-7KQ2M9XY";

/**
 * A customer's own appointment, named in the chat: by its reference and the phone number it
 * was booked with, or by the reference alone when the chat is signed in as the person who
 * booked it.
 */
export const appointmentCancelSchema = z.strictObject({
  reference: z
    .string({ error: REFERENCE_HINT })
    .trim()
    .min(1, REFERENCE_HINT)
    .max(40, REFERENCE_HINT),
  phone: phoneSchema.optional(),
});
export type AppointmentCancel = z.infer<typeof appointmentCancelSchema>;

/** Moves a customer's own appointment to another free slot (same phone number). */
export const appointmentRescheduleSchema = appointmentCancelSchema.extend({ slotId: slotIdSchema });
export type AppointmentReschedule = z.infer<typeof appointmentRescheduleSchema>;

/**
 * Finds a customer's own appointment still ahead, named as for a cancel, so that a move can
 * offer the times of the booking's language (the advisors serving it), whatever the chat's.
 */
export const appointmentFindSchema = appointmentCancelSchema.extend({});
export type AppointmentFind = z.infer<typeof appointmentFindSchema>;

/** The customer's own appointment, found: its time, and the language it was booked in. */
export interface AppointmentFound {
  reference: string;
  /** `label`: the start in the chat's language, e.g. "maanantaina 24.11. klo 10.00". */
  slot: { slotId: string; start: string; end: string; label: string };
  /** The booking's language: a move keeps it, so its new times are that language's. */
  lang: Lang;
}

export const appointmentsListSchema = z.strictObject({});

/** One of the signed-in customer's own booked appointments, as the chat lists them. */
export interface OwnAppointment {
  reference: string;
  slotId: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** The start in the chat's language, e.g. "maanantaina 24.11. klo 10.00". */
  label: string;
  /** The booking's language, which a move keeps: its new times are that language's. */
  lang: Lang;
}

/** A moved appointment: the new booking, and the reference it replaced (now cancelled). */
export interface AppointmentRescheduled extends AppointmentBooked {
  cancelled: string;
  /** The language `message` is written in: the booking's, which may not be the chat's. */
  lang: Lang;
}

/** One bookable slot as the listing returns it. */
export interface AppointmentSlotView {
  slotId: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** Places left in the slot, at least 1. */
  remaining: number;
  /** The start in the requested language, e.g. "maanantaina 24.11. klo 10.00". */
  label: string;
  /** The local (Helsinki) day of the start, "2026-11-24": a list groups its times by it. */
  day: string;
  /** That day as a heading over its times, e.g. "tiistai 8.12.", "huomenna, tiistai 24.11.". */
  dayLabel: string;
  /** The start's time of day, e.g. "klo 10.00" / "kl. 10.00". */
  timeLabel: string;
}

export interface CallbackCreated {
  reference: string;
  message: string;
}

export interface AppointmentBooked {
  reference: string;
  slot: { slotId: string; start: string; end: string };
  message: string;
}

export interface AppointmentCancelled {
  reference: string;
  status: "cancelled";
  message: string;
  /** The language `message` is written in: the booking's, which may not be the chat's. */
  lang: Lang;
}

/** Console: an advisor closes a callback after calling (or trying to call) the customer. */
export const CALLBACK_NOTE_MAX = 1000;
export const callbackCloseSchema = z.strictObject({
  reference: z.string().trim().min(1).max(40, "must be a callback reference, e.g. SP-7KQ2M9"),
  note: z
    .string()
    .max(CALLBACK_NOTE_MAX, `must be at most ${CALLBACK_NOTE_MAX} characters`)
    .optional(),
});
export type CallbackClose = z.infer<typeof callbackCloseSchema>;

/** Console: an advisor marks a phone appointment handled after the call (or the attempt). */
export const appointmentCloseSchema = z.strictObject({
  reference: z.string().trim().min(1).max(40, REFERENCE_HINT),
  note: z
    .string()
    .max(CALLBACK_NOTE_MAX, `must be at most ${CALLBACK_NOTE_MAX} characters`)
    .optional(),
});
export type AppointmentClose = z.infer<typeof appointmentCloseSchema>;
