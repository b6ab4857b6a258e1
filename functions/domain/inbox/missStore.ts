import type { Lang } from "../../contracts/lang.ts";
import type { TeachSplit } from "../content/contentWorkflow.ts";
import type { IntentScore } from "../ports.ts";

/** Why a question was kept for content owners. */
export const MISS_REASONS = [
  /** The bot answered "did not understand" (not a referral to another agency). */
  "missed",
  /** The bot answered, but with a confidence below the inbox's setting. */
  "low-confidence",
  /** The customer voted the answer unhelpful. */
  "unhelpful",
  /** The customer asked for a person right after the answer. */
  "person-requested",
  /**
   * The bot asked which of two topics was meant; the customer picked one (`chosen`) or went
   * on without picking. "Something else" is kept as `missed` instead.
   */
  "clarified",
  /**
   * An addition: none of the above; the bot answered surely and the question was drawn at
   * random (INBOX_SAMPLE_RATE) for an answer review. Not a miss: a content owner confirms the
   * answer or corrects it.
   */
  "sampled",
] as const;
export type MissReason = (typeof MISS_REASONS)[number];

/** What the chat did next, as far as this process saw it. */
export const MISS_OUTCOMES = [
  /** The customer's next question got an answer. */
  "answered",
  /**
   * The customer's next question only got a which-one (the bot asked which of two topics was
   * meant): not an answer. An addition: questions kept before it say `answered` there.
   */
  "clarified",
  /** The customer asked again and the bot missed again. */
  "rephrased",
  /** The customer asked for a person. */
  "handed-off",
  /** The chat ended. */
  "left",
  /** Not known: nothing followed within the hour, or the process restarted meanwhile. */
  "unknown",
] as const;
export type MissOutcome = (typeof MISS_OUTCOMES)[number];

/**
 * What the service did with a request for a person (outcome `handed-off`), as the routing
 * decided it: the chat queued for an advisor, or no advisor to be had and why. Whether an
 * advisor then took the chat is not the inbox's to know.
 */
export const MISS_HANDOFFS = ["queued", "no-advisors", "queue-full", "closed"] as const;
export type MissHandoff = (typeof MISS_HANDOFFS)[number];

/**
 * Where a content owner has taken the question; `uncovered`: kept as an uncovered question (no
 * topic covers it, and the publish gate checks the bot does not answer it with one);
 * `confirmed` (an addition): a sampled question whose answer a reviewer found right.
 */
export const MISS_STATUSES = [
  "open",
  "taught",
  "referred",
  "dismissed",
  "uncovered",
  "confirmed",
] as const;
export type MissStatus = (typeof MISS_STATUSES)[number];

/**
 * One kept question. Holds no chat id, name, subject or token: the text is masked as the
 * transcript is, and nothing links it back to the chat it came from.
 */
export interface MissEntry {
  /** New for the inbox (never the message id); starts with the day it is filed under. */
  id: string;
  /** Helsinki day of `at`, YYYY-MM-DD: the store's partition. */
  day: string;
  /** When the customer asked (ISO instant). */
  at: string;
  lang: Lang;
  text: string;
  reasons: MissReason[];
  /** The recogniser's top three, winner first; empty when it was not asked. */
  guesses: IntentScore[];
  /** The topic the bot answered with, if it answered. */
  topic?: string;
  /** The referral group the bot answered with, if it pointed to another agency. */
  referral?: string;
  contentVersion?: number;
  /**
   * The topic the customer picked when the bot asked which one was meant (reason
   * `clarified`): the customer's own word on where the question belongs.
   */
  chosen?: string;
  outcome: MissOutcome;
  /**
   * With outcome `handed-off`: where the request for a person went. None for questions kept
   * before the inbox recorded it, or when the routing was not heard (a restart between).
   */
  handoff?: MissHandoff;
  status: MissStatus;
  /**
   * Where the question was taught (status `taught`): the inbox shows it open again once its
   * text is no longer in the draft. Questions taught before this was kept have none.
   */
  taughtTo?: { topicId: string; split: TeachSplit };
  /** The referral group the question was referred to (status `referred`), as `taughtTo`. */
  referredTo?: string;
  /** The matter the question was kept under as an uncovered question (status `uncovered`). */
  uncoveredMatter?: string;
  /** Epoch seconds: deleted with the transcript it came from. */
  expiresAt: number;
}

/** Where a status change took the questions: kept with the status, cleared by any other. */
export type MissPlace = Pick<MissEntry, "taughtTo" | "referredTo" | "uncoveredMatter">;

/** A change to a kept question once the chat moved on. */
export interface MissUpdate {
  outcome?: MissOutcome;
  reasons?: MissReason[];
  handoff?: MissHandoff;
  chosen?: string;
}

/**
 * Where kept questions live, one partition per Helsinki day so a period is one query per
 * day. Adapters: DynamoDB (the `misses` table), in memory (tests). Writes only ever concern
 * kept questions.
 */
export interface MissStore {
  put(entry: MissEntry): Promise<void>;
  /**
   * Stores several questions, as few requests as the store allows (DynamoDB: 25 a batch):
   * the inbox writes what it has held in one go rather than one request per question.
   */
  putAll(entries: readonly MissEntry[]): Promise<void>;
  /** Changes outcome, reasons, handoff and chosen of a kept question; nothing when it is gone (expired). */
  update(id: string, change: MissUpdate): Promise<void>;
  /**
   * Sets the status of each question that exists, with where it went (`place`; a field left
   * out is removed, so a dismissed question names no topic it was once taught to); returns
   * those, as updated.
   */
  setStatus(ids: readonly string[], status: MissStatus, place?: MissPlace): Promise<MissEntry[]>;
  /** The questions that exist among `ids`, in no particular order. */
  get(ids: readonly string[]): Promise<MissEntry[]>;
  /** Every question filed from `fromDay` to `toDay` (YYYY-MM-DD, both included). */
  listDays(fromDay: string, toDay: string): Promise<MissEntry[]>;
}

const ID_PATTERN = /^(\d{4}-\d{2}-\d{2})\.[0-9A-Z]{26}$/;

/** Whether `id` has the form of a kept question's id. */
export function isMissId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The day partition a kept question's id names. */
export function dayOfMissId(id: string): string | undefined {
  return ID_PATTERN.exec(id)?.[1];
}

/** Every day from `fromDay` to `toDay` (YYYY-MM-DD, both included). */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${toDay}T00:00:00Z`);
  for (let t = Date.parse(`${fromDay}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
