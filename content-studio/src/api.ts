/**
 * The studio's client for `/api/content/*` (docs: /work/design-studio.md, "HTTP contract").
 * Every call sends the staff token as `Authorization: Bearer …`; every refusal becomes one
 * of the named errors below, so views decide by class, never by parsing messages. Types are
 * restated here from the contract so that zod and the server's modules stay out of the bundle.
 */

export type Lang = "fi" | "sv";
export const LANGS: readonly Lang[] = ["fi", "sv"];

export type Severity = "error" | "warning";

/** One finding of the content check. Problems in a 400 answer carry no severity: errors. */
export interface Problem {
  severity?: Severity;
  /** The field inside the topic, e.g. `fi.utterances[3]`, `sv.answer`, `followUps[0]`. */
  path: string;
  message: string;
  fix?: string;
  /** The kind of finding (`nearDuplicate`, `tooFewTests`, ...), the same in every language. */
  code?: string;
  /** A refusal's particulars of the finding: with `code`, the server can tell it again (`tell`). */
  params?: Record<string, unknown>;
  /** The studio page where part of the fix is made, when it is not where the problem shows. */
  page?: "out-of-scope" | "uncovered";
}

export const TOPIC_ACTIONS = [
  "handoff",
  "callback",
  "appointment",
  "change-appointment",
  "end-chat",
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export interface TopicLink {
  label: string;
  url: string;
}

export interface TopicLocale {
  title: string;
  utterances: string[];
  answer: string;
  links?: TopicLink[];
  /** Personalised templates of the system topics; read-only in the studio. */
  personal?: Record<string, string>;
}

/** A topic as its YAML file holds it, and as PUT sends it. */
export interface TopicFile {
  id: string;
  demo?: boolean;
  action?: TopicAction;
  followUps?: string[];
  /** The day by which someone checks the answer is still right, YYYY-MM-DD. */
  reviewBy?: string;
  fi: TopicLocale;
  sv: TopicLocale;
}

/** A draft topic with its test messages. */
export interface DraftTopic extends TopicFile {
  tests: Record<Lang, string[]>;
}

export interface TopicSummary {
  id: string;
  system: boolean;
  retired: boolean;
  fi: { title: string; utterances: number; tests: number };
  sv: { title: string; utterances: number; tests: number };
  /** Test-split top-1 share for this topic on the last test-all, 0..1. */
  score?: number;
  /** The topic's review date, YYYY-MM-DD, when it has one. */
  reviewBy?: string;
  /** The topics it offers as follow-ups, when any. */
  followUps?: string[];
  /** Set when the review date has passed (the server's Helsinki day). */
  reviewOverdue?: boolean;
  /**
   * Saved unfinished: in the draft, out of use until a save that passes the rules finishes it
   * (counts are of what it has so far).
   */
  inProgress?: boolean;
  /** With `inProgress`: the errors its last save left to fix. */
  problems?: number;
  updatedBy?: string;
  updatedAt?: string;
}

/** One side of a referral group: where another agency's matter goes, in one language. */
export interface ReferralLocale {
  title: string;
  answer: string;
  link: { label: string; url: string };
  sentences: string[];
}

/** A referral group as the API and referrals/<id>.yaml hold it. */
export interface ReferralGroup {
  id: string;
  fi: ReferralLocale;
  sv: ReferralLocale;
}

export interface Draft {
  baseVersion: number;
  liveVersion: number;
  /** Changes with the draft's content: a test result made on another digest is out of date. */
  digest?: string;
  topics: TopicSummary[];
  outOfScope: Record<Lang, string[]>;
  /** Other agencies' matters (and small talk), with who changed each last. */
  referrals?: (ReferralGroup & { updatedBy?: string; updatedAt?: string })[];
  /** Ids of topics that differ from the live version. */
  changed: string[];
  /** Every change against live, referral groups (`kind: "referral"`) included. */
  changes?: { id: string; kind?: ChangeKind; change: TopicChange; fields?: string[] }[];
  /** Versions waiting for a reviewer, oldest first. */
  pendingReview?: number[];
  /** The reader's own versions whose review someone else decided lately, newest first. */
  decided?: DecidedVersion[];
}

export interface DraftTopicResponse {
  /** With `inProgress`, the body as it was saved unfinished: any part may be missing. */
  topic: DraftTopic;
  /** Saved unfinished: its save finishes it once the check has no errors. */
  inProgress?: boolean;
  updatedBy?: string;
  /** The subject of whoever `updatedBy` names. */
  updatedBySubject?: string;
  updatedAt?: string;
  retired: boolean;
  /** What a save of this reading sends back (If-Match), so it cannot overwrite a later one. */
  revision?: string;
}

export interface DraftReferralResponse {
  referral: ReferralGroup;
  updatedBy?: string;
  updatedBySubject?: string;
  updatedAt?: string;
  /** As a topic's: what a save of this reading sends back. */
  revision?: string;
}

/** The draft's out-of-scope examples: messages the bot must answer with no topic. */
export type OutOfScopeLists = Record<Lang, string[]>;

/** One question no topic covers, and the matter it is about (a short id such as dog-tax). */
export interface UncoveredQuestion {
  text: string;
  matter: string;
}

/** The draft's uncovered questions: tax questions the bot must not answer with a topic. */
export type UncoveredLists = Record<Lang, UncoveredQuestion[]>;

/** Who saved a list page's lists last, and the revision a save of this reading sends back. */
export interface DraftListRead {
  updatedBy?: string;
  updatedBySubject?: string;
  updatedAt?: string;
  revision?: string;
}

export interface DraftUncoveredResponse extends DraftListRead {
  uncovered: UncoveredLists;
}

export interface DraftOutOfScopeResponse {
  outOfScope: OutOfScopeLists;
  updatedBy?: string;
  updatedBySubject?: string;
  updatedAt?: string;
  /** As a topic's: what a save of this reading sends back. */
  revision?: string;
}

export interface LiveTopics {
  version: number;
  topics: { id: string; fi: { title: string }; sv: { title: string }; system?: boolean }[];
}

export interface SearchHit {
  id: string;
  fi: { title: string };
  sv: { title: string };
  /** The text that matched (a title, sentence or answer). */
  match: string;
  /** A new topic saved unfinished: outside the bundle until it passes. */
  inProgress?: true;
}

/** An out-of-scope sentence a search matched: a matter left without a topic on purpose. */
export interface OutOfScopeHit {
  lang: Lang;
  text: string;
}

// The chat protocol's own: what Try it and the previews show is what the widget gets.
export type { MessageAction, QuickReply } from "../../functions/contracts/protocol.ts";

import type { MessageAction, QuickReply } from "../../functions/contracts/protocol.ts";

/** A bot message as the widget receives it. */
export interface OutgoingMessage {
  from: "customer" | "bot" | "advisor" | "system";
  text: string;
  topic?: string;
  confidence?: number;
  quickReplies?: QuickReply[];
  actions?: MessageAction[];
}

/** What the chat's rule made of the recognition, and the thresholds it judged by. */
export interface TryWhy {
  kind: "answer" | "clarify" | "referral" | "none";
  answersFrom: number;
  closeFrom: number;
  offeredFrom: number;
}

export interface TryOutcome {
  top: { intent: string; confidence: number }[];
  /** `referral`: the group that answered another agency's matter (or small talk). */
  answer: { topic?: string; referral?: string; messages: OutgoingMessage[] };
  why: TryWhy;
}

export interface TryResult {
  draft: TryOutcome;
  live: TryOutcome;
}

export interface TopicScore {
  topic: string;
  precision: number;
  recall: number;
  support: number;
}

export interface Confusion {
  expected: string;
  got: string;
  count: number;
}

/** What customers would get in the chat for a split's messages about topics (counts). */
export type { ChatOutcomes } from "../../functions/content/chatOutcomes.ts";

import type { ChatOutcomes } from "../../functions/content/chatOutcomes.ts";

export interface LangReport {
  accuracy: number;
  noneRecall: number;
  total: number;
  perTopic: TopicScore[];
  confusions: Confusion[];
  /** The chat's outcomes after the dialogue's rule; absent from an older service's answer. */
  chat?: ChatOutcomes;
}

/** One language's questions no topic covers, as the chat would meet them. */
export interface UncoveredReport {
  cases: number;
  /** Share answered with a topic's text: the publish gate allows at most MAX_UNCOVERED_ANSWERED. */
  answered: number;
  /** Share where the bot would ask which of two topics is meant. */
  clarified: number;
  answeredWith: { text: string; topic: string }[];
}

/**
 * An uncovered question answered differently by the live version and the tested content:
 * `live` and `draft` are the topics each answers with, absent where it gives none.
 */
export interface UncoveredChange {
  text: string;
  lang: Lang;
  live?: string;
  draft?: string;
}

export type SplitName = "tests" | "dev";
export type SplitReport = Record<Lang, LangReport>;

export interface ChangedAnswer {
  text: string;
  lang: Lang;
  /** The held-out split the message is in: the publish gate counts the test split's. */
  split: SplitName;
  /** The topic the message belongs to ("none" when no topic should answer it). */
  expected: string;
  live: string;
  draft: string;
}

export interface TestAllResult {
  splits: Record<SplitName, SplitReport>;
  changed: ChangedAnswer[];
  /** What the publish gate would refuse the draft (or version) for; empty: it would pass. */
  gate: Problem[];
  /** The questions no topic covers, per language (none kept with an older version: 0 cases). */
  uncovered?: Record<Lang, UncoveredReport>;
  /** Uncovered questions the tested content answers otherwise than the live version. */
  uncoveredChanged?: UncoveredChange[];
  /** The draft's `digest` when it was tested (not for a version's test). */
  draftDigest?: string;
}

/**
 * Test all over several training orders (`POST test-all/orders`): each figure's mean and
 * range per split and language, the topics under a floor on how many orders, and on how
 * many orders the publish gate would refuse the draft. `floors`: the per-topic floors used.
 */
export type OrdersSpreadResult = OrdersSpread & {
  floors: { topic: number; gateTopic: number };
  /** The draft's `digest` when it was trained. */
  draftDigest?: string;
};
export type {
  FigureGate,
  FigureSpread,
  LangSpread,
  SpreadFigure,
} from "../../functions/content/seedSpread.ts";

import type { OrdersSpread } from "../../functions/content/seedSpread.ts";

/** A version tested against the live version: test-all's report, `draft` being the version's. */
export interface VersionTestResult extends TestAllResult {
  version: number;
  against: number;
}

// The service's own list of states: one source of truth for server and studio.
import type { TopicChange as ContentChange } from "../../functions/domain/content/bundleDiff.ts";

/** What else than a topic a change is about: a referral group, or the uncovered questions. */
export type ChangeKind = NonNullable<ContentChange["kind"]>;

import type {
  AuditAction,
  VersionOutcome,
  VersionScores,
  VersionState,
} from "../../functions/domain/content/versions.ts";

export {
  type AuditAction,
  SYSTEM_ACTOR,
  VERSION_STATES,
  type VersionOutcome,
  type VersionScores,
  type VersionState,
} from "../../functions/domain/content/versions.ts";

export interface ContentVersion {
  version: number;
  state: VersionState;
  /** The author's subject (for the four-eyes check) and the name people read. */
  author: string;
  authorName?: string;
  /** Others whose changes are in it: they may not approve it either. */
  editors?: { subject: string; name: string }[];
  createdAt: string;
  comment: string;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
  rollbackOf?: number;
  /** The live version it was published against: approving it over another one is refused. */
  basedOn?: number;
  /**
   * Why the version failed (e.g. the Lex build), was rejected or withdrawn, or was superseded
   * before anyone approved it.
   */
  error?: string;
  /** The test gate's numbers when it was published (version 1's worked out once it is live). */
  scores?: VersionScores;
  /** Who rejected it (a reviewer, or its author withdrawing it) and when. */
  rejectedBy?: string;
  rejectedByName?: string;
  rejectedAt?: string;
  /** The version whose go-live superseded it, and when. */
  supersededByVersion?: number;
  supersededAt?: string;
}

/** A review of the reader's own version that someone else decided (GET draft's `decided`). */
export interface DecidedVersion {
  version: number;
  outcome: VersionOutcome;
  /** The version's state now: an approved one may have failed, or been superseded since. */
  state: VersionState;
  /** Who decided: a subject, "system" for the service. */
  by: string;
  byName?: string;
  at: string;
  /** Why, for a rejected, failed or superseded version. */
  reason?: string;
}

export interface VersionList {
  live: number;
  versions: ContentVersion[];
  /** Older versions remain after this page. */
  more: boolean;
  /** Whether a publish waits for a reviewer (four-eyes); older servers do not say. */
  reviewRequired?: boolean;
}

export type TopicChange = "added" | "removed" | "changed";

export type {
  AnswerPreviews,
  FieldChange,
} from "../../functions/domain/content/bundleDiff.ts";

/** What publishing the draft would change against the live version `against`. */
export interface DraftDiff {
  against: number;
  topics: ContentChange[];
  /** The version waiting for review that has the draft's content already (an addition). */
  pendingWithDraft?: number;
  /** Topics saved unfinished: publishing leaves them out (an addition; none: absent). */
  inProgress?: { id: string; title?: string }[];
}

export interface VersionDiff {
  version: number;
  against: number;
  topics: ContentChange[];
}

export interface AuditEntry {
  at: string;
  /** "system" for what the service did by itself. */
  actor: string;
  actorName?: string;
  action: AuditAction;
  version?: number;
  topic?: string;
  /** The referral group a draft save or retire changed. */
  referral?: string;
  /** Set when a draft save or discard changed the out-of-scope examples. */
  outOfScope?: true;
  /** Set when a draft save or discard changed the uncovered questions. */
  uncovered?: true;
  /** Set when a topic was saved unfinished, or its unfinished work discarded. */
  inProgress?: true;
  /** Told in the studio's language when the service wrote it; a person's comment as written. */
  detail?: string;
}

/** A page of the audit trail, newest first; `next` (opaque) asks for the entries older than it. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Absent when nothing older is left; a filtered page may be short, or empty, with it. */
  next?: string;
}

/** Whose entries the audit trail gives: every item's, or one topic's or referral group's. */
export interface AuditOf {
  topic?: string;
  referral?: string;
  /** The out-of-scope lists' entries. */
  outOfScope?: true;
  /** The uncovered questions' entries. */
  uncovered?: true;
}

export interface Me {
  subject: string;
  displayName: string;
  roles: string[];
}

export interface SaveResult {
  ok: true;
  warnings: Problem[];
  /** The item's revision after the save: the next save of the same form expects it. */
  revision?: string;
}

/** A topic saved unfinished: the errors still to fix before it can be used. */
export interface UnfinishedSaveResult extends SaveResult {
  inProgress: true;
  problems: Problem[];
}

/**
 * What a write expects of the topic or group: the revision the form was read at, or "new"
 * (nobody has the id yet). Anything else was saved by someone meanwhile: EditConflictError.
 */
export type EditBase = { revision: string } | "new";

/**
 * Who saved the item after the form was read, when, its revision now and whether that save
 * retired it. Nothing of it when the item is gone (a group someone removed).
 */
export interface EditConflict {
  updatedBy?: string;
  /** Who saved it by identity (their `sub`): names are not unique. */
  updatedBySubject?: string;
  updatedAt?: string;
  revision?: string;
  retired?: boolean;
}

/** Discarding the draft's changes: live content back, retired (never live), or nothing to do. */
export interface RevertResult {
  result: "reverted" | "retired" | "unchanged";
  warnings: Problem[];
  /** The item's revision after the write, when one was made. */
  revision?: string;
}

export interface PublishResult {
  version: number;
  state: VersionState;
}

// Inbox and answer feedback (docs/content-api.md, "Missed questions") --------------------

import type { AnsweredNow } from "../../functions/domain/inbox/answeredNow.ts";
// The server's own shapes, as types only: nothing of the domain is bundled into the studio.
import type { MissSample, QuestionGroup } from "../../functions/domain/inbox/grouping.ts";
import type {
  MissHandoff,
  MissOutcome,
  MissReason,
  MissStatus,
} from "../../functions/domain/inbox/missStore.ts";
import type { Reopened } from "../../functions/domain/inbox/reopening.ts";

export type { AnsweredNow, MissHandoff, MissOutcome, MissReason, MissSample, MissStatus, Reopened };

export interface MissAnswers {
  liveVersion: number;
  answers: AnsweredNow[];
}
/** Similar questions; the API lists the largest group first. */
export type MissGroup = QuestionGroup;

/** The misses (default) or the answer review's sampled questions. */
export type InboxKind = "misses" | "sampled";

/** Of the sampled questions reviewed in a language, how many were found answered right. */
export interface ReviewFigure {
  reviewed: number;
  confirmed: number;
}

export interface MissesResult {
  from: string;
  to: string;
  groups: MissGroup[];
  /** With `kind: "sampled"` only: the answer review's figure per language. */
  review?: Record<Lang, ReviewFigure>;
}

export interface MissesQuery {
  from: string;
  to: string;
  lang?: Lang;
  status?: "open" | "all";
  kind?: InboxKind;
}

export type TestSplit = "training" | "tests";

export type MissAction =
  | { action: "teach"; ids: string[]; topicId: string; split: TestSplit }
  | { action: "refer"; ids: string[]; referral: string }
  | { action: "dismiss"; ids: string[] }
  | { action: "uncovered"; ids: string[]; matter: string }
  /** The answer review: the answer the bot gave these sampled questions was right. */
  | { action: "confirm"; ids: string[] };

/** A topic's answer votes in one language, and its latest questions voted unhelpful. */
export interface TopicFeedback {
  topicId: string;
  lang: Lang;
  /** How many times the bot answered with the topic in the period. */
  answers: number;
  helpful: number;
  unhelpful: number;
  latestUnhelpful: { text: string; at: string }[];
}

/** A referral group as the draft lists it (only the id when the draft has no titles). */
export interface ReferralSummary {
  id: string;
  fi?: { title: string };
  sv?: { title: string };
}

// Errors -----------------------------------------------------------------------------------

/** Any refusal or failure of a content API call; `status` 0 means no answer at all. */
export class ContentApiError extends Error {
  override readonly name: string = "ContentApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
/** 401: no token, or one the server no longer accepts. Sign in again. */
export class UnauthorizedError extends ContentApiError {
  override readonly name = "UnauthorizedError";
}
/** 403: the token's roles do not allow this. */
export class ForbiddenError extends ContentApiError {
  override readonly name = "ForbiddenError";
}
/** 403 SELF_APPROVAL: a reviewer tried to approve their own version (four-eyes rule). */
export class SelfApprovalError extends ContentApiError {
  override readonly name = "SelfApprovalError";
}
/**
 * 409 VERSION_STALE: the version was published against a live version that is no longer
 * live; approving it would undo what went live since. The server marks it superseded.
 */
export class VersionStaleError extends ContentApiError {
  override readonly name = "VersionStaleError";
}
/** 400 CONTENT_INVALID: the content check refused the topic; `problems` say where and why. */
export class ContentInvalidError extends ContentApiError {
  override readonly name = "ContentInvalidError";
}
/** 412 EDIT_CONFLICT: someone saved the topic or group after it was read; nothing was written. */
export class EditConflictError extends ContentApiError {
  override readonly name = "EditConflictError";
  constructor(
    status: number,
    code: string,
    message: string,
    readonly current: EditConflict,
  ) {
    super(status, code, message);
  }
}
/** 404: the topic or version does not exist. */
export class NotFoundError extends ContentApiError {
  override readonly name = "NotFoundError";
}
/** No answer (network down, server restarting) or an answer that is not the contract's. */
export class ServiceUnavailableError extends ContentApiError {
  override readonly name: string = "ServiceUnavailableError";
}
/**
 * No answer within the call's time (REQUEST_TIMEOUT_MS): the studio stopped waiting. A write
 * may still have been done by the server; its next save over the same revision then meets it
 * as an edit conflict, never overwrites it unseen.
 */
export class RequestTimeoutError extends ServiceUnavailableError {
  override readonly name = "RequestTimeoutError";
}

function asProblems(value: unknown, severity?: Severity): Problem[] {
  if (!Array.isArray(value)) return [];
  const problems: Problem[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const p = item as Record<string, unknown>;
    if (typeof p.message !== "string") continue;
    const given = p.severity === "error" || p.severity === "warning" ? p.severity : severity;
    problems.push({
      path: typeof p.path === "string" ? p.path : "",
      message: p.message,
      ...(typeof p.fix === "string" && p.fix ? { fix: p.fix } : {}),
      ...(given ? { severity: given } : {}),
      ...(typeof p.code === "string" ? { code: p.code } : {}),
      ...(typeof p.params === "object" && p.params !== null && !Array.isArray(p.params)
        ? { params: p.params as Record<string, unknown> }
        : {}),
      ...(p.page === "out-of-scope" || p.page === "uncovered" ? { page: p.page } : {}),
    });
  }
  return problems;
}

/** The conditional headers of a write (revisionHeaders.ts on the server). */
function baseHeaders(base: EditBase | undefined): Record<string, string> {
  if (base === undefined) return {};
  return base === "new" ? { "if-none-match": "*" } : { "if-match": `"${base.revision}"` };
}

/** A save's, retire's answer: its warnings, and the item's revision now when it has one. */
function saved(answer: { warnings?: unknown; revision?: unknown }): SaveResult {
  return {
    ok: true,
    warnings: asProblems(answer.warnings, "warning"),
    ...(typeof answer.revision === "string" ? { revision: answer.revision } : {}),
  };
}

/**
 * The named error for a refused answer: `{ error: { code, message, problems } }` with its
 * HTTP status. A body that is not that shape still gives an error with the status.
 */
export function toApiError(status: number, body: unknown): ContentApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === "string" ? error.message : "";
  const problems = asProblems(error?.problems, "error");
  if (status === 401) return new UnauthorizedError(status, code, message);
  if (status === 403 && code === "SELF_APPROVAL")
    return new SelfApprovalError(status, code, message);
  if (status === 403) return new ForbiddenError(status, code, message);
  if (status === 400 && code === "CONTENT_INVALID")
    return new ContentInvalidError(status, code, message, problems);
  if (status === 404) return new NotFoundError(status, code, message);
  if (status === 409 && code === "VERSION_STALE")
    return new VersionStaleError(status, code, message);
  if (status === 412 && code === "EDIT_CONFLICT") {
    const current = (error?.current ?? {}) as Record<string, unknown>;
    const text = (key: string) =>
      typeof current[key] === "string" ? { [key]: current[key] as string } : {};
    return new EditConflictError(status, code, message, {
      ...text("updatedBy"),
      ...text("updatedBySubject"),
      ...text("updatedAt"),
      ...text("revision"),
      ...(current.retired === true ? { retired: true } : {}),
    });
  }
  if (status === 0 || status >= 500) return new ServiceUnavailableError(status, code, message);
  return new ContentApiError(status, code, message, problems);
}

// Client -----------------------------------------------------------------------------------

/**
 * How long the studio waits for an ordinary call (a read, a check, a save). A healthy service
 * answers in well under a second; past this the person is told and can try again, instead
 * of watching "Saving…" for ever.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Calls that train and test the bot (test-all, a version's test, publish, approve, roll
 * back) or export a period's questions: minutes are normal for them, so they get longer.
 */
export const LONG_REQUEST_TIMEOUT_MS = 5 * 60_000;

export interface ContentApiOptions {
  token: string;
  fetch?: typeof fetch;
  /** The studio's language, asked at each call: the server tells the check's findings in it. */
  lang?: () => Lang;
}

const enc = encodeURIComponent;

/** Calls of the content API for one signed-in user; each resolves or throws a ContentApiError. */
export function createContentApi(options: ContentApiOptions) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  /**
   * Runs `exchange` (the fetch and the reading of its body) with a deadline of `ms`: past it
   * the request is aborted and RequestTimeoutError thrown, even by a fetch that ignores the
   * abort. Any other failure to get an answer is ServiceUnavailableError.
   */
  async function withDeadline<T>(
    ms: number,
    exchange: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new RequestTimeoutError(0, "TIMEOUT", ""));
        controller.abort();
      }, ms);
    });
    try {
      return await Promise.race([exchange(controller.signal), deadline]);
    } catch (error) {
      if (error instanceof ContentApiError) throw error;
      // The fetch's own AbortError may win the race: it is the deadline all the same.
      if (controller.signal.aborted) throw new RequestTimeoutError(0, "TIMEOUT", "");
      throw new ServiceUnavailableError(0, "NO_ANSWER", "");
    } finally {
      clearTimeout(timer);
    }
  }

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    base?: EditBase,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${options.token}`,
      ...baseHeaders(base),
    };
    if (options.lang) headers["accept-language"] = options.lang();
    if (body !== undefined) headers["content-type"] = "application/json";
    const { response, parsed } = await withDeadline(timeoutMs, async (signal) => {
      const response = await fetchImpl(path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      });
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch (error) {
        // A body cut off by the deadline is no answer; one that is not JSON is judged below.
        if (signal.aborted) throw error;
        parsed = undefined;
      }
      return { response, parsed };
    });
    if (!response.ok) throw toApiError(response.status, parsed);
    if (typeof parsed !== "object" || parsed === null)
      throw new ServiceUnavailableError(response.status, "BAD_RESPONSE", "");
    return parsed as T;
  }

  /** A file download: the body as a Blob; a refusal still becomes the named error. */
  async function download(path: string, accept: string): Promise<Blob> {
    return withDeadline(LONG_REQUEST_TIMEOUT_MS, async (signal) => {
      const response = await fetchImpl(path, {
        method: "GET",
        headers: { accept, authorization: `Bearer ${options.token}` },
        signal,
      });
      if (!response.ok) {
        let parsed: unknown;
        try {
          parsed = await response.json();
        } catch {
          parsed = undefined;
        }
        throw toApiError(response.status, parsed);
      }
      return response.blob();
    });
  }

  const LONG = LONG_REQUEST_TIMEOUT_MS;

  const period = (q: { from: string; to: string }) => `from=${enc(q.from)}&to=${enc(q.to)}`;

  async function revert(path: string, base?: EditBase): Promise<RevertResult> {
    const answer = await request<{ result?: unknown; warnings?: unknown; revision?: unknown }>(
      "POST",
      path,
      {},
      base,
    );
    const result =
      answer.result === "retired" || answer.result === "unchanged" ? answer.result : "reverted";
    return {
      result,
      warnings: asProblems(answer.warnings, "warning"),
      ...(typeof answer.revision === "string" ? { revision: answer.revision } : {}),
    };
  }

  /**
   * One of the draft's lists edited whole on a page of its own (`draft/<path>`): read, check
   * as typed, save and discard. The lists always exist: a save sends the revision read, never
   * "new".
   */
  function draftList<L, R>(path: string) {
    return {
      read: () => request<R>("GET", `/api/content/draft/${path}`),
      validate: async (lists: L) => {
        const result = await request<{ problems?: unknown }>(
          "POST",
          `/api/content/draft/validate/${path}`,
          lists,
        );
        return asProblems(result.problems, "error");
      },
      save: async (lists: L, base?: { revision: string }): Promise<SaveResult> =>
        saved(await request("PUT", `/api/content/draft/${path}`, lists, base)),
      revert: (base?: { revision: string }) => revert(`/api/content/draft/${path}/revert`, base),
    };
  }
  const outOfScope = draftList<OutOfScopeLists, DraftOutOfScopeResponse>("out-of-scope");
  const uncovered = draftList<UncoveredLists, DraftUncoveredResponse>("uncovered");

  return {
    me: () => request<Me>("GET", "/api/content/me"),
    liveTopics: () => request<LiveTopics>("GET", "/api/content/topics"),
    draft: () => request<Draft>("GET", "/api/content/draft"),
    draftTopic: (id: string) =>
      request<DraftTopicResponse>("GET", `/api/content/draft/topics/${enc(id)}`),
    validateTopic: async (topic: DraftTopic) => {
      const result = await request<{ problems?: unknown }>(
        "POST",
        `/api/content/draft/validate/topics/${enc(topic.id)}`,
        topic,
      );
      return asProblems(result.problems, "error");
    },
    saveTopic: async (topic: DraftTopic, base?: EditBase): Promise<SaveResult> =>
      saved(await request("PUT", `/api/content/draft/topics/${enc(topic.id)}`, topic, base)),
    /** Saves a new topic unfinished: kept in the draft, out of use, whatever the check finds. */
    saveTopicUnfinished: async (
      topic: DraftTopic,
      base?: EditBase,
    ): Promise<UnfinishedSaveResult> => {
      const answer = await request<{ warnings?: unknown; revision?: unknown; problems?: unknown }>(
        "PUT",
        `/api/content/draft/topics/${enc(topic.id)}?inProgress=true`,
        topic,
        base,
      );
      return { ...saved(answer), inProgress: true, problems: asProblems(answer.problems, "error") };
    },
    retireTopic: async (id: string, base?: EditBase): Promise<SaveResult> =>
      saved(await request("DELETE", `/api/content/draft/topics/${enc(id)}`, undefined, base)),
    revertTopic: (id: string, base?: EditBase) =>
      revert(`/api/content/draft/topics/${enc(id)}/revert`, base),
    validateReferral: async (group: ReferralGroup) => {
      const result = await request<{ problems?: unknown }>(
        "POST",
        `/api/content/draft/validate/referrals/${enc(group.id)}`,
        group,
      );
      return asProblems(result.problems, "error");
    },
    saveReferral: async (group: ReferralGroup, base?: EditBase): Promise<SaveResult> =>
      saved(await request("PUT", `/api/content/draft/referrals/${enc(group.id)}`, group, base)),
    retireReferral: async (id: string, base?: EditBase): Promise<SaveResult> =>
      saved(await request("DELETE", `/api/content/draft/referrals/${enc(id)}`, undefined, base)),
    draftReferral: (id: string) =>
      request<DraftReferralResponse>("GET", `/api/content/draft/referrals/${enc(id)}`),
    revertReferral: (id: string, base?: EditBase) =>
      revert(`/api/content/draft/referrals/${enc(id)}/revert`, base),
    draftOutOfScope: outOfScope.read,
    validateOutOfScope: outOfScope.validate,
    saveOutOfScope: outOfScope.save,
    revertOutOfScope: outOfScope.revert,
    draftUncovered: uncovered.read,
    validateUncovered: uncovered.validate,
    saveUncovered: uncovered.save,
    revertUncovered: uncovered.revert,
    /** Findings (code and params) told again in the studio's language, in order. */
    tell: async (findings: { code: string; params: Record<string, unknown> }[]) => {
      const answer = await request<{ told?: unknown }>("POST", "/api/content/tell", { findings });
      return asProblems(answer.told).map(({ message, fix }) => ({ message, fix: fix ?? "" }));
    },
    search: (q: string) =>
      request<{ topics: SearchHit[]; outOfScope?: OutOfScopeHit[] }>(
        "GET",
        `/api/content/search?q=${enc(q)}`,
      ),
    tryMessage: (text: string, lang: Lang) =>
      request<TryResult>("POST", "/api/content/try", { text, lang }),
    testAll: () => request<TestAllResult>("POST", "/api/content/test-all", {}, undefined, LONG),
    /** Test all over `seeds` training orders (the service's default when omitted). */
    testAllOrders: (seeds?: number) =>
      request<OrdersSpreadResult>(
        "POST",
        "/api/content/test-all/orders",
        seeds === undefined ? {} : { seeds },
        undefined,
        LONG,
      ),
    testVersion: (version: number) =>
      request<VersionTestResult>(
        "POST",
        `/api/content/versions/${version}/test`,
        {},
        undefined,
        LONG,
      ),
    versions: (page: { limit: number; before?: number }) =>
      request<VersionList>(
        "GET",
        `/api/content/versions?limit=${page.limit}${page.before ? `&before=${page.before}` : ""}`,
      ),
    draftDiff: () => request<DraftDiff>("GET", "/api/content/draft/diff"),
    /** Against live (or the live one against its base); with `against`, that version. */
    versionDiff: (version: number, against?: number) =>
      request<VersionDiff>(
        "GET",
        `/api/content/versions/${version}/diff${against ? `?against=${against}` : ""}`,
      ),
    publish: (comment: string) =>
      request<PublishResult>("POST", "/api/content/publish", { comment }, undefined, LONG),
    approve: (version: number) =>
      request<PublishResult>(
        "POST",
        `/api/content/versions/${version}/approve`,
        {},
        undefined,
        LONG,
      ),
    reject: (version: number, comment: string) =>
      request<PublishResult>("POST", `/api/content/versions/${version}/reject`, { comment }),
    /** `comment`: why, for the reviewer and the audit trail (none: the service's words only). */
    rollback: (version: number, comment?: string) =>
      request<PublishResult>(
        "POST",
        `/api/content/versions/${version}/rollback`,
        comment ? { comment } : {},
        undefined,
        LONG,
      ),
    /** The author takes back their own version waiting for review: it ends rejected. */
    withdraw: (version: number) =>
      request<PublishResult>("POST", `/api/content/versions/${version}/withdraw`, {}),
    /** A page of the audit trail: `limit` entries at most, older than `before` (a `next`). */
    audit: (q: AuditOf & { limit: number; before?: string }) =>
      request<AuditPage>(
        "GET",
        `/api/content/audit?limit=${q.limit}${q.topic ? `&topic=${enc(q.topic)}` : ""}${
          q.referral ? `&referral=${enc(q.referral)}` : ""
        }${q.outOfScope ? "&outOfScope=true" : ""}${q.uncovered ? "&uncovered=true" : ""}${q.before ? `&before=${enc(q.before)}` : ""}`,
      ),
    misses: (q: MissesQuery) =>
      request<MissesResult>(
        "GET",
        `/api/content/misses?${period(q)}${q.lang ? `&lang=${q.lang}` : ""}${
          q.status ? `&status=${q.status}` : ""
        }${q.kind ? `&kind=${q.kind}` : ""}`,
      ),
    missesCsv: (q: { from: string; to: string; kind?: InboxKind }) =>
      download(
        `/api/content/misses.csv?${period(q)}${q.kind ? `&kind=${q.kind}` : ""}`,
        "text/csv",
      ),
    /** An inbox action; a teach with `base` writes only over that revision, and says the new one. */
    missAction: (body: MissAction, base?: EditBase) =>
      request<{
        ok: true;
        applied: number;
        revision?: string;
        /** Kept as uncovered: those the set already had under another matter, which they keep. */
        alreadyKept?: { id: string; matter: string }[];
      }>("POST", "/api/content/misses/actions", body, base),
    /** What live and the draft now answer open questions with (at most 100 ids). */
    missAnswers: (ids: readonly string[]) =>
      request<MissAnswers>("POST", "/api/content/misses/answers", { ids }),
    feedback: (q: { from: string; to: string }) =>
      request<{ topics: TopicFeedback[] }>("GET", `/api/content/feedback?${period(q)}`),
  };
}

export type ContentApi = ReturnType<typeof createContentApi>;
