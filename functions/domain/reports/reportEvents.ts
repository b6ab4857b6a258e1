/**
 * What the service counts for supervisors' reports. Each event adds to daily counters per
 * language and topic, so a report over any period reads a few thousand small rows instead
 * of every chat. Counters carry no personal data: no chat ids, no text, no identities.
 */
import type { Lang } from "../../contracts/lang.ts";
import { WAIT_BUCKETS, waitBucket } from "./queueWaits.ts";

export const COUNTERS = [
  "chats",
  "botOnlyChats",
  "advisorChats",
  "authenticatedChats",
  "botAnswers",
  "misses",
  "handoffs",
  "handoffsQueued",
  "handoffsUnavailable",
  "handoffsClosed",
  "callbacks",
  /** Appointments booked and still standing: a cancel takes its booking back off. */
  "bookings",
  /** Appointments cancelled (moving one cancels the old booking), on the day it was booked. */
  "cancellations",
  "surveys",
  "gotHelp",
  "scoreSum",
  "score1",
  "score2",
  "score3",
  "score4",
  "score5",
  /** Votes on bot answers ("was this helpful?"); a changed vote moves one to the other. */
  "helpful",
  "unhelpful",
  /** Out-of-scope questions answered with another agency's referral (not misses). */
  "referrals",
  /** Questions kept in the missed-question inbox for content owners. */
  "inboxed",
  /**
   * Advisors' wrap-ups, counted under the reason they recorded (a topic id or "other") as
   * the row's topic, not under the chat's topic: the reason is what the contact was about.
   */
  "wrapups",
  /** Queued requests the customer left before an advisor took them (ended, left, went away). */
  "queueAbandoned",
  ...WAIT_BUCKETS,
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

/** Topic used when a chat or answer has none (the bot did not recognise anything). */
export const NO_TOPIC = "none";

export type ReportEvent =
  | {
      kind: "chatEnded";
      at: Date;
      lang: Lang;
      /** The chat's first recognised topic, the one it is reported under. */
      topic?: string;
      handledBy: "bot" | "advisor";
      authenticated: boolean;
      /** Ended while waiting for its first advisor: the request is counted as abandoned. */
      inQueue?: boolean;
    }
  | {
      kind: "botAnswer";
      at: Date;
      lang: Lang;
      topic?: string;
      missed: boolean;
      /** The referral group the bot answered with, for another agency's matter. */
      referral?: string;
    }
  | {
      kind: "feedback";
      at: Date;
      lang: Lang;
      /** The answered topic the vote is about. */
      topic: string;
      helpful: boolean;
      /** The customer changed an earlier vote on the same answer: that one is taken back. */
      replacesVote?: boolean;
    }
  | { kind: "inboxed"; at: Date; lang: Lang; topic?: string }
  | {
      kind: "handoff";
      at: Date;
      lang: Lang;
      topic?: string;
      outcome: "queued" | "unavailable" | "closed";
    }
  /** An advisor took a chat that had never had one: how long its customer waited for it. */
  | { kind: "queueTaken"; at: Date; lang: Lang; topic?: string; waitSeconds: number }
  /** The customer left the queue (or was gone past the grace) before any advisor took it. */
  | { kind: "queueLeft"; at: Date; lang: Lang; topic?: string }
  | {
      kind: "wrapup";
      /** When the chat was first wrapped up: a correction moves the count within that day. */
      at: Date;
      lang: Lang;
      reason: string;
      /** A correction takes the earlier reason's count back (`-1`) before adding the new one. */
      count: 1 | -1;
    }
  | { kind: "callback"; at: Date; lang: Lang }
  | { kind: "booking"; at: Date; lang: Lang }
  | {
      kind: "cancellation";
      at: Date;
      lang: Lang;
      /** When the cancelled appointment was booked: its booking is taken off that day. */
      bookedAt: Date;
    }
  | { kind: "survey"; at: Date; lang: Lang; topic?: string; gotHelp: boolean; score: number };

/** One day's counters for one language and topic: the unit stored and summed. */
export interface CounterRow {
  /** Calendar day in Europe/Helsinki, YYYY-MM-DD: reports follow the agency's days. */
  day: string;
  lang: Lang;
  topic: string;
  counts: Partial<Counts>;
}

/** Records report events. Adapter: atomic ADD updates on DynamoDB counter rows. */
export interface ReportRecorder {
  record(event: ReportEvent): Promise<void>;
}

/**
 * Rows for a period: `daily` sums over topics per day and language (topic "*"), or the one
 * topic's daily rows when a topic is asked for; `byTopic` per topic and language, possibly
 * rolled up per month (dated to its first day), only for the days in the period.
 */
export interface ReportRows {
  daily: CounterRow[];
  byTopic: CounterRow[];
}

/** Reads counter rows for whole days from `fromDay` to `toDay`, both included. */
export interface ReportReader {
  rows(fromDay: string, toDay: string, topic?: string): Promise<ReportRows>;
}

// Built on first use: the first time-zone-aware Intl formatter in a process loads ICU's zone
// data (~20 ms), which a Lambda function that never records or reads a report day (cancel,
// slot listing, the Lex hook) should not pay at cold start.
let helsinkiDay: Intl.DateTimeFormat | undefined;

/** The UTC hour whose Helsinki day `reportDay` last worked out, and that day. */
let cachedHour = Number.NaN;
let cachedDay = "";
const HOUR_MS = 3_600_000;

/**
 * The Helsinki calendar day of an instant, as YYYY-MM-DD. Every report event and kept question
 * asks this, and formatting with a time zone cost about 0.5 % of the service's CPU under load.
 * Helsinki's offset from UTC is whole hours, so a day never changes within a UTC hour: the
 * hour's day is kept, after checking that the hour's first and last millisecond agree (an
 * hour that straddles midnight, as under an old local mean time, is formatted every time).
 */
export function reportDay(at: Date): string {
  helsinkiDay ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Helsinki",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const ms = at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  if (hour === cachedHour) return cachedDay;
  const day = helsinkiDay.format(at);
  const first = helsinkiDay.format(hour * HOUR_MS);
  if (first === day && helsinkiDay.format(hour * HOUR_MS + HOUR_MS - 1) === day) {
    cachedHour = hour;
    cachedDay = day;
  }
  return day;
}

/** The counter row an event adds to, and what it adds. */
export function incrementsFor(event: ReportEvent): CounterRow {
  const base = { day: reportDay(event.at), lang: event.lang };
  switch (event.kind) {
    case "chatEnded":
      return {
        ...base,
        topic: event.topic ?? NO_TOPIC,
        counts: {
          chats: 1,
          ...(event.handledBy === "bot" ? { botOnlyChats: 1 } : { advisorChats: 1 }),
          ...(event.authenticated ? { authenticatedChats: 1 } : {}),
          ...(event.inQueue ? { queueAbandoned: 1 } : {}),
        },
      };
    case "queueTaken":
      return {
        ...base,
        topic: event.topic ?? NO_TOPIC,
        counts: { [waitBucket(event.waitSeconds)]: 1 },
      };
    case "queueLeft":
      return { ...base, topic: event.topic ?? NO_TOPIC, counts: { queueAbandoned: 1 } };
    case "wrapup":
      return { ...base, topic: event.reason, counts: { wrapups: event.count } };
    case "botAnswer":
      return {
        ...base,
        topic: event.topic ?? NO_TOPIC,
        counts: {
          botAnswers: 1,
          ...(event.missed ? { misses: 1 } : {}),
          ...(event.referral ? { referrals: 1 } : {}),
        },
      };
    case "feedback":
      return {
        ...base,
        topic: event.topic,
        counts: event.helpful
          ? { helpful: 1, ...(event.replacesVote ? { unhelpful: -1 } : {}) }
          : { unhelpful: 1, ...(event.replacesVote ? { helpful: -1 } : {}) },
      };
    case "inboxed":
      return { ...base, topic: event.topic ?? NO_TOPIC, counts: { inboxed: 1 } };
    case "handoff": {
      const outcome = {
        queued: "handoffsQueued",
        unavailable: "handoffsUnavailable",
        closed: "handoffsClosed",
      } as const;
      return {
        ...base,
        topic: event.topic ?? NO_TOPIC,
        counts: { handoffs: 1, [outcome[event.outcome]]: 1 },
      };
    }
    case "callback":
      return { ...base, topic: "callback", counts: { callbacks: 1 } };
    case "booking":
      return { ...base, topic: "appointment", counts: { bookings: 1 } };
    case "cancellation":
      // Counted on the booking's day, so that a day's bookings never go below zero and a
      // cancelled appointment no longer counts as booked in any period that holds it.
      return {
        day: reportDay(event.bookedAt),
        lang: event.lang,
        topic: "appointment",
        counts: { bookings: -1, cancellations: 1 },
      };
    case "survey":
      return {
        ...base,
        topic: event.topic ?? NO_TOPIC,
        counts: {
          surveys: 1,
          ...(event.gotHelp ? { gotHelp: 1 } : {}),
          scoreSum: event.score,
          [`score${event.score}` as Counter]: 1,
        },
      };
  }
}

/**
 * Records without ever failing the customer's action: the report is a derived view, and a
 * lost increment costs less than a lost message or booking. Failures are logged for alarms.
 */
export function safeRecorder(
  recorder: ReportRecorder,
  onError: (error: unknown) => void,
): ReportRecorder {
  return {
    async record(event) {
      try {
        await recorder.record(event);
      } catch (error) {
        onError(error);
      }
    },
  };
}
