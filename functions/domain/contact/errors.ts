import { PHONE_HINT } from "../../contracts/contactRequests.ts";
import { ChatError } from "../chat/errors.ts";

/*
 * Contact errors extend ChatError so the HTTP middleware and socket acks map them the same
 * way: code and message are safe to show, httpStatus is what the HTTP API answers.
 */

/** The phone number could not be parsed as a number an advisor can call. */
export class InvalidPhoneNumberError extends ChatError {
  override name = "InvalidPhoneNumberError";
  constructor() {
    super("VALIDATION_FAILED", `phone: ${PHONE_HINT}`, 400);
  }
}

/** A list cursor the service did not hand out (or one that was altered). */
export class InvalidCursorError extends ChatError {
  override name = "InvalidCursorError";
  constructor() {
    super("VALIDATION_FAILED", "cursor: must be the nextCursor of an earlier answer", 400);
  }
}

/** Every place in the slot is taken. */
export class SlotFullError extends ChatError {
  override name = "SlotFullError";
  constructor() {
    super("SLOT_FULL", "slotId: this time is already fully booked; choose another time.", 409);
  }
}

/** The slot id is well-formed but not a time the customer may book now. */
export class SlotNotBookableError extends ChatError {
  override name = "SlotNotBookableError";
  constructor(reason: string) {
    super("SLOT_NOT_BOOKABLE", `slotId: ${reason}`, 400);
  }
}

export class AppointmentNotFoundError extends ChatError {
  override name = "AppointmentNotFoundError";
  constructor() {
    super("APPOINTMENT_NOT_FOUND", "reference: no appointment has this reference.", 404);
  }
}

/** A started or past appointment can no longer be cancelled. */
export class AppointmentAlreadyStartedError extends ChatError {
  override name = "AppointmentAlreadyStartedError";
  constructor() {
    super(
      "APPOINTMENT_ALREADY_STARTED",
      "reference: this appointment has already started and can no longer be cancelled.",
      409,
    );
  }
}

/** Handling is for after the call: an appointment whose time has not come stays on the list. */
export class AppointmentNotStartedError extends ChatError {
  override name = "AppointmentNotStartedError";
  constructor() {
    super(
      "APPOINTMENT_NOT_STARTED",
      "This appointment's time has not come yet; mark it handled after the call.",
      409,
    );
  }
}

export class AppointmentAlreadyHandledError extends ChatError {
  override name = "AppointmentAlreadyHandledError";
  constructor() {
    super("APPOINTMENT_ALREADY_HANDLED", "This appointment has already been marked handled.", 409);
  }
}

/**
 * The customer's own booking was already marked handled by an advisor: said to them in their
 * words (the chat's language), with the same code as the advisors' second close.
 */
export class OwnAppointmentHandledError extends ChatError {
  override name = "OwnAppointmentHandledError";
  constructor(message: string) {
    super("APPOINTMENT_ALREADY_HANDLED", message, 409);
  }
}

/** The customer cancelled (or moved) it: there is no call to make. */
export class AppointmentCancelledError extends ChatError {
  override name = "AppointmentCancelledError";
  constructor() {
    super("APPOINTMENT_CANCELLED", "The customer has cancelled this appointment.", 409);
  }
}

export class CallbackNotFoundError extends ChatError {
  override name = "CallbackNotFoundError";
  constructor() {
    super("CALLBACK_NOT_FOUND", "reference: no callback request has this reference.", 404);
  }
}

export class CallbackAlreadyClosedError extends ChatError {
  override name = "CallbackAlreadyClosedError";
  constructor() {
    super("CALLBACK_ALREADY_CLOSED", "This callback request has already been closed.", 409);
  }
}

/**
 * The phone number or signed-in person already has an open booking or callback request; the
 * message, in the customer's language, names its reference and what the customer can do.
 */
export class AlreadyOpenError extends ChatError {
  override name = "AlreadyOpenError";
  constructor(
    readonly kind: "booking" | "callback",
    readonly reference: string,
    message: string,
  ) {
    super("ALREADY_OPEN", message, 409);
  }
}
