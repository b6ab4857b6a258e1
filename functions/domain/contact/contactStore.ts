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
  /** The open-contact guard keys it holds (hashed: no phone number or person in them). */
  guards?: string[];
  expiresAt: number;
}

/** Where a callback sits in the open list: the list's order is by createdAt, then reference. */
export interface CallbackPosition {
  createdAt: string;
  reference: string;
}

export interface CallbackStore {
  /** Stores a new open callback; false when the reference is already taken. */
  putCallback(record: CallbackRecord): Promise<boolean>;
  getCallback(reference: string): Promise<CallbackRecord | undefined>;
  /**
   * Open callbacks, oldest first, after `after` (the last one of the previous page); only
   * those in `langs` when given.
   */
  listOpenCallbacks(
    limit: number,
    after?: CallbackPosition,
    langs?: readonly Lang[],
  ): Promise<CallbackRecord[]>;
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
  /** "handled": an advisor marked it done after its time had come (the call made or tried). */
  status: "booked" | "cancelled" | "handled";
  /** ISO instants. */
  start: string;
  end: string;
  bookedAt: string;
  cancelledAt?: string;
  handledAt?: string;
  handledBy?: string;
  /** The advisor's note on handling it, masked. */
  note?: string;
  /** The open-contact guard keys it holds (hashed: no phone number or person in them). */
  guards?: string[];
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
  /**
   * Booked appointments in one language, by start then reference, after `after` (the last one
   * of the previous page, or the start of the first day wanted with an empty reference).
   */
  listBookedByLang(
    lang: Lang,
    limit: number,
    after: AppointmentPosition,
  ): Promise<AppointmentRecord[]>;
  /**
   * Marks a booked appointment that has started handled (a conditional write: booked and
   * `start <= handledAt`); returns the handled record, or undefined when that did not hold.
   */
  markHandled(
    reference: string,
    handled: { handledAt: string; handledBy: string; note?: string },
  ): Promise<AppointmentRecord | undefined>;
}

/** Where an appointment sits in the advisors' list: by start, then reference. */
export interface AppointmentPosition {
  start: string;
  reference: string;
}

/**
 * One customer's claim on "their one open booking" or "their one open callback": an item per
 * normalised phone number and per signed-in person, naming the reference that holds it. A
 * claim is a single conditional write, so of two concurrent requests exactly one wins.
 */
export interface ContactGuard {
  /** e.g. "booking#phone#<sha-256>": hashed, so no phone number or person sits in a key. */
  key: string;
  reference: string;
  /** Epoch ms after which the guard no longer holds by itself (a booking's start). */
  holdsUntil?: number;
  /** ISO instant of the claim: a holder whose record is not written yet is still in flight. */
  claimedAt: string;
  /** Epoch seconds: the item's TTL. */
  expiresAt: number;
}

export type GuardClaim =
  | { ok: true; previous?: ContactGuard }
  | { ok: false; holder: ContactGuard };

export interface ContactGuardStore {
  /**
   * Writes `guard` if its key is free, its holder's `holdsUntil` has passed (`now`, epoch
   * ms), or it is held by `over`; otherwise answers the holder. `previous` is what it replaced.
   */
  claim(guard: ContactGuard, now: number, over?: string): Promise<GuardClaim>;
  /** Deletes the guard if `reference` still holds it; a guard someone else took stays. */
  release(key: string, reference: string): Promise<void>;
}

/** How long contact records (and so phone numbers) are kept after the contact time. */
export const CONTACT_RETENTION_DAYS = 90;

/** The TTL (epoch seconds) of a record whose contact happens at `at`. */
export function contactExpiry(at: Date): number {
  return Math.floor(at.getTime() / 1000) + CONTACT_RETENTION_DAYS * 24 * 60 * 60;
}
