import { DateTime } from "luxon";
import type { CallbackRequest, CallbackWindow } from "../../contracts/contactRequests.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";
import { LanguageNotServedError } from "../handoff/errors.ts";
import {
  formatOpeningTime,
  nextOpening,
  type OpeningHours,
  openingPeriods,
} from "../openingHours/index.ts";
import type { Clock } from "../ports.ts";
import { maskPersonalData } from "../privacy/personalData.ts";
import type { ReportRecorder } from "../reports/reportEvents.ts";
import type { ContactChanges } from "./contactChanges.ts";
import {
  type CallbackRecord,
  type CallbackStore,
  type ContactGuardStore,
  contactExpiry,
} from "./contactStore.ts";
import {
  AlreadyOpenError,
  CallbackAlreadyClosedError,
  CallbackNotFoundError,
  InvalidPhoneNumberError,
} from "./errors.ts";
import { decodePosition, encodePosition } from "./listCursor.ts";
import { claimOpenContact, openContactKeys, releaseOpenContact } from "./openContacts.ts";
import { formatPhone, normalisePhone, phoneEnding } from "./phone.ts";
import { callbackAlreadyOpen, callbackConfirmation } from "./phrases.ts";
import {
  normaliseReference,
  REFERENCE_ATTEMPTS,
  type ReferenceSource,
  randomReference,
} from "./references.ts";

export interface CallbackDeps {
  callbacks: CallbackStore;
  /** One open callback request per phone number and person. */
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

/** Local hours [from, to) of each preferred window; the service day is 9-16. */
const WINDOW_HOURS: Record<CallbackWindow, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 24],
  any: [0, 24],
};

/** How far ahead to look for an opening inside the preferred window before ignoring it. */
const SEARCH_DAYS = 31;

/**
 * The earliest instant at or after `now` when the queue is open and inside the customer's
 * preferred window: when an advisor may call at the soonest.
 */
export function earliestCallTime(
  schedule: OpeningHours,
  queue: Lang,
  now: Date,
  window: CallbackWindow,
): Date {
  const [lo, hi] = WINDOW_HOURS[window];
  const zone = schedule.config.timeZone;
  const horizon = new Date(now.getTime() + SEARCH_DAYS * 24 * 3_600_000);
  for (const period of openingPeriods(schedule, queue, now, horizon)) {
    // A period normally lies within one day, but a 24-hour config can merge several.
    let day = DateTime.fromJSDate(period.start, { zone }).startOf("day");
    for (; day.toJSDate() < period.end; day = day.plus({ days: 1 })) {
      const winStart = day.set({ hour: lo }).toMillis();
      const winEnd =
        hi === 24 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: hi }).toMillis();
      const start = Math.max(period.start.getTime(), winStart, now.getTime());
      const end = Math.min(period.end.getTime(), winEnd);
      if (start < end) return new Date(start);
    }
  }
  // A config whose hours never touch the window: any opening is better than none.
  return nextOpening(schedule, queue, now);
}

/**
 * Stores a callback request with a fresh reference and returns the reference with a
 * confirmation in the customer's language saying when to expect the call. A phone number or
 * signed-in person with a request still open gets AlreadyOpenError naming it instead.
 */
export async function createCallback(
  deps: CallbackDeps,
  request: CallbackRequest,
  /** The signed-in customer asking, if any: one open request per person too. */
  who: { subject?: string } = {},
): Promise<{ reference: string; message: string; callFrom: string }> {
  const phone = normalisePhone(request.phone);
  if (!phone.ok) throw new InvalidPhoneNumberError();
  const now = deps.clock.now();
  const window = request.preferredWindow ?? "any";
  const callFrom = earliestCallTime(deps.openingHours, request.lang, now, window);
  // Kept until 90 days after the call could first happen; closing moves it.
  const expiresAt = contactExpiry(callFrom);
  const newReference = deps.newReference ?? randomReference;
  const guards = openContactKeys("callback", { phone: phone.e164, subject: who.subject });
  let reference = newReference("callback");
  const claim = await claimOpenContact(
    {
      guards: deps.guards,
      clock: deps.clock,
      holderState: async (ref) => {
        const record = await deps.callbacks.getCallback(ref);
        return !record ? "missing" : record.status === "open" ? "open" : "done";
      },
    },
    // Open until an advisor closes it: no time of its own after which it lapses.
    { keys: guards, reference, expiresAt },
    (holder) =>
      new AlreadyOpenError(
        "callback",
        holder.reference,
        callbackAlreadyOpen(request.lang, { reference: holder.reference }),
      ),
  );
  try {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        reference = newReference("callback");
        await claim.moveTo(reference);
      }
      const record: CallbackRecord = {
        reference,
        lang: request.lang,
        phone: phone.e164,
        preferredWindow: window,
        topic: request.topic,
        chatId: request.chatId,
        status: "open",
        createdAt: now.toISOString(),
        callFrom: callFrom.toISOString(),
        guards,
        expiresAt,
      };
      if (await deps.callbacks.putCallback(record)) {
        await deps.reports?.record({ kind: "callback", at: now, lang: request.lang });
        deps.contactChanges?.changed({ list: "callbacks", lang: request.lang });
        const when =
          callFrom.getTime() === now.getTime()
            ? undefined
            : formatOpeningTime(callFrom, request.lang, deps.openingHours.config.timeZone, now);
        return {
          reference: record.reference,
          callFrom: record.callFrom,
          message: callbackConfirmation(request.lang, {
            reference: record.reference,
            phoneEnding: phoneEnding(phone.e164),
            when,
          }),
        };
      }
    }
  } catch (error) {
    // A put that timed out may have landed: then its guard names a stored open request, as
    // it should; otherwise the rollback frees the number at once.
    if (!(await deps.callbacks.getCallback(reference).catch(() => undefined))) {
      await claim.rollback();
    }
    throw error;
  }
  await claim.rollback();
  throw new Error(`no free callback reference after ${REFERENCE_ATTEMPTS} attempts`);
}

/** A callback as the advisor console shows it. */
export interface OpenCallback {
  reference: string;
  lang: Lang;
  /** E.164, for dialling. */
  phone: string;
  /** e.g. "+358 40 1234567", for reading. */
  phoneDisplay: string;
  preferredWindow: CallbackWindow;
  topic?: TopicId;
  chatId?: string;
  createdAt: string;
  callFrom: string;
}

/** How many open callbacks one page of the advisors' list holds. */
export const CALLBACK_PAGE_SIZE = 200;

/** Open callback requests, oldest first, for advisors to work through (the first page). */
export async function listOpenCallbacks(
  deps: Pick<CallbackDeps, "callbacks" | "clock">,
  options: { limit?: number; langs?: readonly Lang[] } = {},
): Promise<OpenCallback[]> {
  return (await listOpenCallbacksPage(deps, options)).callbacks;
}

/**
 * One page of the open callback requests, oldest first, from `cursor` (the `nextCursor` of
 * the page before); `nextCursor` is there while more follow, so every request can be reached.
 * `now` is the service's time of reading: waits are measured from it, not from the clock of
 * the advisor's computer.
 */
export async function listOpenCallbacksPage(
  deps: Pick<CallbackDeps, "callbacks" | "clock">,
  /** `langs`: only requests in these languages (the advisor's); all when absent. */
  options: { limit?: number; cursor?: string; langs?: readonly Lang[] } = {},
): Promise<{ callbacks: OpenCallback[]; nextCursor?: string; now: string }> {
  const limit = options.limit ?? CALLBACK_PAGE_SIZE;
  if (options.langs?.length === 0) return { callbacks: [], now: deps.clock.now().toISOString() };
  const after = options.cursor === undefined ? undefined : decodePosition(options.cursor);
  // One more than the page: whether it exists says whether there is a next page.
  const records = await deps.callbacks.listOpenCallbacks(
    limit + 1,
    after && { createdAt: after.at, reference: after.reference },
    options.langs,
  );
  const page = records.slice(0, limit);
  const last = page.at(-1);
  return {
    callbacks: page.map((r) => ({
      reference: r.reference,
      lang: r.lang,
      phone: r.phone,
      phoneDisplay: formatPhone(r.phone),
      preferredWindow: r.preferredWindow,
      topic: r.topic,
      chatId: r.chatId,
      createdAt: r.createdAt,
      callFrom: r.callFrom,
    })),
    ...(records.length > limit && last
      ? { nextCursor: encodePosition({ at: last.createdAt, reference: last.reference }) }
      : {}),
    now: deps.clock.now().toISOString(),
  };
}

/**
 * Closes an open callback once, recording who closed it and an optional note; a second
 * close of the same request fails with CallbackAlreadyClosedError, one in a language not in
 * `langs` (when given: the advisor's) with LanguageNotServedError.
 */
export async function closeCallback(
  deps: Pick<CallbackDeps, "callbacks" | "guards" | "clock" | "contactChanges">,
  input: { reference: string; advisorId: string; note?: string; langs?: readonly Lang[] },
): Promise<{ reference: string; closedAt: string }> {
  const reference = normaliseReference(input.reference);
  if (!reference) throw new CallbackNotFoundError();
  if (input.langs) {
    const existing = await deps.callbacks.getCallback(reference);
    if (!existing) throw new CallbackNotFoundError();
    if (!input.langs.includes(existing.lang)) throw new LanguageNotServedError(existing.lang);
  }
  const now = deps.clock.now();
  const closed = await deps.callbacks.closeCallback(reference, {
    closedAt: now.toISOString(),
    closedBy: input.advisorId,
    // Staff type personal data too: the note is kept masked, like customers' text.
    note: input.note?.trim() ? maskPersonalData(input.note.trim()).text : undefined,
    expiresAt: contactExpiry(now),
  });
  if (closed) {
    // The customer may ask for a call again.
    await releaseOpenContact(deps.guards, closed);
    deps.contactChanges?.changed({ list: "callbacks", lang: closed.lang });
    return { reference, closedAt: now.toISOString() };
  }
  const existing = await deps.callbacks.getCallback(reference);
  if (!existing) throw new CallbackNotFoundError();
  throw new CallbackAlreadyClosedError();
}
