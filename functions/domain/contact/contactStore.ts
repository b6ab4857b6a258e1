import type { CallbackWindow } from "../../contracts/contactRequests.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";

/**
 * Ports for callback requests and phone appointments. Both records hold the customer's
 * phone number, which is personal data: it lives only in these records, which expire
 * (`expiresAt`, epoch seconds) a fixed time after the contact.
 */

export interface CallbackRecord {
  reference: string;
  lang: Lang;
  /** E.164. */
  phone: string;
  preferredWindow: CallbackWindow;
  topic?: TopicId;
  chatId?: string;
  status: "open" | "closed";
  /** ISO instants. */
  createdAt: string;
  /** The earliest time the customer was told to expect the call. */
  callFrom: string;
  closedAt?: string;
  closedBy?: string;
  note?: string;
  expiresAt: number;
}

export interface CallbackStore {
  /** Stores a new open callback; false when the reference is already taken. */
  putCallback(record: CallbackRecord): Promise<boolean>;
  getCallback(reference: string): Promise<CallbackRecord | undefined>;
  /** Open callbacks, oldest first. */
  listOpenCallbacks(limit: number): Promise<CallbackRecord[]>;
  /**
   * Closes the callback if it is open (a conditional write); returns the closed record, or
   * undefined when it does not exist or was already closed.
   */
  closeCallback(
    reference: string,
    close: { closedAt: string; closedBy: string; note?: string; expiresAt: number },
  ): Promise<CallbackRecord | undefined>;
}

export interface AppointmentRecord {
  reference: string;
  slotId: string;
  lang: Lang;
  /** E.164. */
  phone?: string;
  topic?: TopicId;
  chatId?: string;
  /**
   * The identity provider's subject of the signed-in customer who booked it, so that they can
   * find their own bookings in a later chat; dropped on cancel, with the phone number.
   */
  subject?: string;
  status: "booked" | "cancelled";
  /** ISO instants. */
  start: string;
  end: string;
  bookedAt: string;
  cancelledAt?: string;
  expiresAt: number;
}

export interface AppointmentStore {
  /** Booked places per slot id; slots without a counter are absent (nothing booked). */
  bookedCounts(slotIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Takes one place in the slot in a single conditional write (`booked < capacity`),
   * creating the counter on first use; false when the slot is full.
   */
  reservePlace(slotId: string, capacity: number, expiresAt: number): Promise<boolean>;
  /** Gives one place back; never takes the counter below zero. */
  releasePlace(slotId: string): Promise<void>;
  /** Stores a new appointment; false when the reference is already taken. */
  putAppointment(record: AppointmentRecord): Promise<boolean>;
  getAppointment(reference: string): Promise<AppointmentRecord | undefined>;
  /** The booked (not cancelled) appointments a signed-in customer made, earliest first. */
  listBookedBySubject(subject: string): Promise<AppointmentRecord[]>;
  /**
   * Marks a booked appointment cancelled and drops its phone number and subject (a
   * conditional write);
   * returns the record as it was, or undefined when it was not booked.
   */
  markCancelled(reference: string, cancelledAt: string): Promise<AppointmentRecord | undefined>;
}

/** How long contact records (and so phone numbers) are kept after the contact time. */
export const CONTACT_RETENTION_DAYS = 90;

/** The TTL (epoch seconds) of a record whose contact happens at `at`. */
export function contactExpiry(at: Date): number {
  return Math.floor(at.getTime() / 1000) + CONTACT_RETENTION_DAYS * 24 * 60 * 60;
}
