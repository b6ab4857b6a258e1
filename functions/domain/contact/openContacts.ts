/**
 * At most one open booking and one open callback request per phone number, and per person
 * when signed in: one client could otherwise book every time of a day or bury advisors'
 * callback list under requests to arbitrary numbers, within any rate limit.
 *
 * Each phone number and person has a guard item naming the reference that holds it, taken
 * with one conditional write, so of two concurrent requests exactly one wins. Cancelling or
 * closing releases it, and a booking's guard lapses by itself at the appointment's start. A
 * guard left behind by a crash or a failed release does not lock the customer out: its
 * holder's own record is read, and a holder that is done (or was never stored) is replaced.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../ports.ts";
import type { ContactGuard, ContactGuardStore } from "./contactStore.ts";

export type ContactKind = "booking" | "callback";

/** What a guard holder's own record says: still open, done (cancelled, closed), or absent. */
export type HolderState = "open" | "done" | "missing";

/**
 * A holder whose record is not stored yet is a request still under way for this long (well
 * past the storage deadline); after it, the guard is left over from a failure.
 */
export const IN_FLIGHT_MS = 60_000;

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 40);
}

/**
 * The guard keys of a request: its E.164 phone number and, when signed in, the identity
 * provider's subject, both hashed so that neither sits in a key.
 */
export function openContactKeys(
  kind: ContactKind,
  who: { phone: string; subject?: string },
): string[] {
  return [
    `${kind}#phone#${digest(who.phone)}`,
    ...(who.subject ? [`${kind}#person#${digest(who.subject)}`] : []),
  ];
}

export interface OpenContactDeps {
  guards: ContactGuardStore;
  clock: Clock;
}

/** A request's hold on its guards, until its record is stored (or the request fails). */
export interface OpenContactClaim {
  /** Points the guards at another reference (the first one was taken by another record). */
  moveTo(reference: string): Promise<void>;
  /** Gives the guards back (or to the booking being moved), as if never claimed; never throws. */
  rollback(): Promise<void>;
}

/**
 * Claims every key for `request.reference`, or throws what `refuse` makes of the holder when
 * another open contact holds one (nothing is left claimed then). `replacing` is the
 * reference a reschedule moves from: its guards pass to the new booking.
 */
export async function claimOpenContact(
  deps: OpenContactDeps & { holderState(reference: string): Promise<HolderState> },
  request: {
    keys: readonly string[];
    reference: string;
    holdsUntil?: number;
    expiresAt: number;
    replacing?: string;
  },
  refuse: (holder: ContactGuard) => Error,
): Promise<OpenContactClaim> {
  let reference = request.reference;
  const claimed: { key: string; previous?: ContactGuard }[] = [];
  const guardFor = (key: string): ContactGuard => ({
    key,
    reference,
    ...(request.holdsUntil === undefined ? {} : { holdsUntil: request.holdsUntil }),
    claimedAt: deps.clock.now().toISOString(),
    expiresAt: request.expiresAt,
  });
  const rollback = async () => {
    for (const { key, previous } of claimed.reverse()) {
      // A failed rollback leaves a guard whose record never appears: it goes stale by itself.
      if (previous && previous.reference === request.replacing) {
        await deps.guards.claim(previous, deps.clock.now().getTime(), reference).catch(() => {});
      } else {
        await deps.guards.release(key, reference).catch(() => {});
      }
    }
  };

  try {
    for (const key of request.keys) {
      let over = request.replacing;
      // Two rounds: the first may find a stale holder, the second replaces exactly that one.
      for (let round = 0; ; round++) {
        const now = deps.clock.now().getTime();
        const result = await deps.guards.claim(guardFor(key), now, over);
        if (result.ok) {
          claimed.push({ key, ...(result.previous ? { previous: result.previous } : {}) });
          break;
        }
        const { holder } = result;
        if (round > 0 || (await holdsOpen(deps, holder, now))) throw refuse(holder);
        over = holder.reference;
      }
    }
  } catch (error) {
    await rollback();
    throw error;
  }

  return {
    async moveTo(next) {
      const from = reference;
      reference = next;
      for (const entry of claimed) {
        await deps.guards.claim(guardFor(entry.key), deps.clock.now().getTime(), from);
      }
    },
    rollback,
  };
}

async function holdsOpen(
  deps: { holderState(reference: string): Promise<HolderState> },
  holder: ContactGuard,
  now: number,
): Promise<boolean> {
  const state = await deps.holderState(holder.reference);
  if (state === "missing") return now - new Date(holder.claimedAt).getTime() < IN_FLIGHT_MS;
  return state === "open";
}

/**
 * Releases the guards a cancelled booking or a closed callback held. Best effort: a guard
 * that stays is replaced on the next request, since its record is done.
 */
export async function releaseOpenContact(
  guards: ContactGuardStore,
  record: { reference: string; guards?: readonly string[] },
): Promise<void> {
  await Promise.allSettled(
    (record.guards ?? []).map((key) => guards.release(key, record.reference)),
  );
}
