import middy from "@middy/core";
import { createError } from "@middy/util";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import * as z from "zod";
import type { LiveContent } from "../../adapters/bot/liveContent.ts";
import { questionFeatures } from "../../adapters/recogniser/embedded/questionFeatures.ts";
import {
  changedAnswers,
  gateIssues,
  MIN_GATE_TOPIC_RECALL,
  MIN_TOPIC_RECALL,
  recogniseBundleYielding,
  scoreRecognised,
  scoreUncoveredRecognised,
  uncoveredChanges,
} from "../../content/scoreBundle.ts";
import { seedsFor, spreadOverOrders } from "../../content/seedSpread.ts";
import { isReviewOverdue, uncoveredCaseSchema } from "../../contracts/content.ts";
import {
  type Finding,
  type FindingLang,
  finding,
  tell,
  tellKept,
} from "../../contracts/contentFindings.ts";
import { toCsv } from "../../contracts/csv.ts";
import { MAX_INBOX_ANSWERS } from "../../contracts/inbox.ts";
import { LANGS, langSchema } from "../../contracts/lang.ts";
import { OUT_OF_SCOPE_ID, SYSTEM_TOPICS } from "../../contracts/topics.ts";
import { DEFAULT_ORDERS, MAX_ORDERS, MIN_ORDERS } from "../../contracts/trainingOrders.ts";
import { describeValidationError, wholeNumber } from "../../contracts/validation.ts";
import type { Chat } from "../../domain/chat/model.ts";
import type { ContentBundle } from "../../domain/content/bundle.ts";
import { bundleDigest } from "../../domain/content/bundleDigest.ts";
import {
  type DraftExpectation,
  type DraftTopicMeta,
  type InProgressTopic,
  isAuditPosition,
} from "../../domain/content/contentStore.ts";
import type { ContentIssue, ContentWorkflow } from "../../domain/content/contentWorkflow.ts";
import { ContentInvalidError, ContentWorkflowError } from "../../domain/content/errors.ts";
import { olderCommentFinding, olderDetailFinding } from "../../domain/content/olderNotes.ts";
import type { AuditEntry, ContentActor, VersionMeta } from "../../domain/content/versions.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../../domain/dialogue/answerTurn.ts";
import { decideWithGrounds } from "../../domain/dialogue/decision.ts";
import type { IdentityVerifier, StaffIdentity, StaffRole } from "../../domain/identity/identity.ts";
import type { VersionAnswerer } from "../../domain/inbox/answeredNow.ts";
import {
  createMissedQuestions,
  type MissedQuestions,
  type MissPeriod,
} from "../../domain/inbox/missedQuestions.ts";
import { isMissId, type MissStore } from "../../domain/inbox/missStore.ts";
import type { ListedMiss, Reopened } from "../../domain/inbox/reopening.ts";
import type { Clock } from "../../domain/ports.ts";
import { type ReportReader, reportDay } from "../../domain/reports/reportEvents.ts";
import type { Logger } from "../../observability/logger.ts";
import { findingLangOf, type IssueShown, issueIn, toldIn } from "../findingLanguage.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { verifiedStaff } from "../middleware/requireStaff.ts";
import { utf8Body } from "../middleware/utf8Body.ts";
import { etagOf, expectationOf, revisionOf } from "../revisionHeaders.ts";
import { json } from "./contactResponses.ts";

/** What the content API works on; built by the runtimes that host the studio. */
export interface ContentServices {
  workflow: ContentWorkflow;
  live: LiveContent;
}

const EDITORS: readonly StaffRole[] = ["content-owner", "content-reviewer"];
/** Customers' own words: content owners only (reviewers hold the role too). */
const OWNERS: readonly StaffRole[] = ["content-owner"];
const REVIEWERS: readonly StaffRole[] = ["content-reviewer"];

const topicId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a topic id such as capital-gains")
  .max(64);
const referralId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a referral group id such as traficom")
  .max(64);
const version = wholeNumber(1);
const commentBody = z.strictObject({
  comment: z.string().trim().max(500, "at most 500 characters").default(""),
});
const tryBody = z.strictObject({
  text: z.string().trim().min(1, "must not be empty").max(1000, "at most 1000 characters"),
  lang: langSchema,
});
const ordersExpected = `must be a whole number from ${MIN_ORDERS} to ${MAX_ORDERS} (how many training orders)`;
const ordersBody = z.strictObject({
  seeds: z
    .number({ error: ordersExpected })
    .int(ordersExpected)
    .min(MIN_ORDERS, ordersExpected)
    .max(MAX_ORDERS, ordersExpected)
    .default(DEFAULT_ORDERS),
});
const searchQuery = z.strictObject({
  q: z.string().trim().max(200, "at most 200 characters").default(""),
});
/**
 * `before` is a page's `next` as the API gave it: the store's position in the trail in
 * base64url, so that clients pass it on unread and it needs no escaping in a query string.
 */
const auditCursor = z
  .string()
  .max(200, "must be the next of an earlier page")
  .transform((cursor, ctx) => {
    const position = Buffer.from(cursor, "base64url").toString("utf8");
    // base64url decoding skips what it cannot read: only a cursor that encodes back is one.
    if (isAuditPosition(position) && auditCursorOf(position) === cursor) return position;
    ctx.addIssue({ code: "custom", message: "must be the next of an earlier page" });
    return z.NEVER;
  });
const auditQuery = z
  .strictObject({
    limit: wholeNumber(1, 500).default(100),
    before: auditCursor.optional(),
    topic: topicId.optional(),
    referral: referralId.optional(),
    outOfScope: z
      .literal("true", { error: 'must be "true" (only the out-of-scope lists\' entries)' })
      .transform(() => true as const)
      .optional(),
    uncovered: z
      .literal("true", { error: 'must be "true" (only the uncovered questions\' entries)' })
      .transform(() => true as const)
      .optional(),
  })
  .refine(
    (q) =>
      [q.topic, q.referral, q.outOfScope, q.uncovered].filter((x) => x !== undefined).length <= 1,
    {
      path: ["referral"],
      message:
        "only one of topic, referral, outOfScope and uncovered: one item's history at a time",
    },
  );
const tellBody = z.strictObject({
  findings: z
    .array(z.strictObject({ code: z.string().max(64), params: z.record(z.string(), z.unknown()) }))
    .max(500, "at most 500 findings at once"),
});
/**
 * A body before the content rules see it: an object, or the request is malformed (the rules
 * would speak of a YAML file that was never there).
 */
const objectBody = (message: string) =>
  z.custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    { message },
  );
const contentBody = (what: "topic" | "referral group") =>
  objectBody(`must be a JSON object with the ${what}'s fields, as in its YAML file`);
const topicBody = contentBody("topic");
const referralBody = contentBody("referral group");
const outOfScopeBody = objectBody(
  "must be a JSON object { fi: [...], sv: [...] } with the sentences, as in out-of-scope.yaml",
);
const uncoveredBody = objectBody(
  'must be a JSON object { fi: [{ "text": ..., "matter": ... }], sv: [...] } with the questions, as in uncovered/<lang>.yaml',
);
/**
 * A version's diff against another version than live. Other query fields are ignored, as
 * before `against` existed.
 */
const diffQuery = z.object({ against: wholeNumber(1).optional() });
/**
 * A topic's save: `inProgress=true` keeps a new topic unfinished (an addition). Other query
 * fields are ignored, as before it existed.
 */
const topicSaveQuery = z.object({
  inProgress: z
    .enum(["true", "false"], { error: 'must be "true" (save unfinished) or "false"' })
    .optional(),
});
/** Without `limit` the whole history, as before paging; the studio asks a page at a time. */
const versionsQuery = z.strictObject({
  before: wholeNumber(1).optional(),
  limit: wholeNumber(1, 500).optional(),
});

/** The longest period the inbox reads at once: a quarter, one query per day. */
export const MAX_INBOX_DAYS = 92;
const day = z.iso.date("must be a date YYYY-MM-DD");
const inboxQuery = z
  .strictObject({
    from: day,
    to: day,
    lang: langSchema.optional(),
    status: z.enum(["open", "all"]).default("open"),
    /** An addition: the misses (default) or the answer review's sampled questions. */
    kind: z.enum(["misses", "sampled"]).default("misses"),
  })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (days > MAX_INBOX_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `must be at most ${MAX_INBOX_DAYS} days after from`,
      });
    }
  });
const feedbackQuery = z.strictObject({ from: day, to: day }).superRefine((q, ctx) => {
  if (q.to < q.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
});
const missIds = z
  .array(z.string().refine(isMissId, "must be an inbox question id"))
  .min(1, "must name at least one question")
  .max(500, "at most 500 questions at once");
const answersBody = z.strictObject({
  ids: z
    .array(z.string().refine(isMissId, "must be an inbox question id"))
    .min(1, "must name at least one question")
    .max(MAX_INBOX_ANSWERS, `at most ${MAX_INBOX_ANSWERS} questions at once`),
});
/**
 * The matter questions are kept under as uncovered questions: the set's own rule, refused in
 * the words the uncovered questions' editor uses (matterNotAnId), after the field's name.
 */
const uncoveredMatter = z.custom<string>(
  (value) => uncoveredCaseSchema.shape.matter.safeParse(value).success,
  {
    error: (issue) => {
      const value = issue.input;
      const said = finding("matterNotAnId", {
        field: ["matter"],
        value: value === undefined || value === null ? "" : String(value),
      });
      return `${said.message.replace(/^matter /, "")}. ${said.fix}`;
    },
  },
);
const missAction = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("teach"),
    ids: missIds,
    topicId,
    split: z.enum(["training", "tests"]),
  }),
  z.strictObject({ action: z.literal("refer"), ids: missIds, referral: topicId }),
  z.strictObject({ action: z.literal("dismiss"), ids: missIds }),
  z.strictObject({ action: z.literal("confirm"), ids: missIds }),
  z.strictObject({ action: z.literal("uncovered"), ids: missIds, matter: uncoveredMatter }),
]);

/** A position in the audit trail as the API hands it out: `next`, read back as `before`. */
function auditCursorOf(position: string): string {
  return Buffer.from(position, "utf8").toString("base64url");
}

/** Issues as the API shows them, told in the request's language. */
function shown(issues: readonly ContentIssue[], lang: FindingLang): IssueShown[] {
  return issues.map((issue) => issueIn(issue, lang));
}

/**
 * What the service noted (a version's reason or comment, an audit entry's detail) told in
 * `lang`; `english` as stored when there is no finding, or one from a newer or older build
 * that this one cannot tell.
 */
function noteIn(said: Finding | undefined, english: string, lang: FindingLang): string {
  if (!said) return english;
  try {
    return tell(said, lang).message;
  } catch {
    return english;
  }
}

/**
 * A version as the studio lists it: a reason or comment the service wrote told in `lang` (a
 * person's comment as written). Versions stored before reasons had findings said "rejected
 * in review" for a rejection without a comment.
 */
function versionShown(
  { errorFinding, commentFinding, ...v }: VersionMeta,
  lang: FindingLang,
): VersionMeta {
  const standIn = finding("rejectedInReview", {});
  const reason =
    errorFinding ??
    (v.state === "rejected" && v.error === standIn.message ? standIn.finding : undefined);
  return {
    ...v,
    comment: noteIn(commentFinding ?? olderCommentFinding(v), v.comment, lang),
    ...(v.error !== undefined ? { error: noteIn(reason, v.error, lang) } : {}),
  };
}

/** An audit entry as the studio lists it: the service's own notes told in `lang`. */
function auditShown({ detailFinding, ...entry }: AuditEntry, lang: FindingLang): AuditEntry {
  return entry.detail === undefined
    ? entry
    : { ...entry, detail: noteIn(detailFinding ?? olderDetailFinding(entry), entry.detail, lang) };
}

/**
 * A draft write's answer (save, retire, discard, a teach): `ok`, what else it says, its
 * warnings told in `lang`, and the item's revision in the body and as ETag when it wrote one.
 */
function writeAnswer<T extends { warnings?: ContentIssue[]; revision?: string }>(
  { warnings, revision, ...rest }: T,
  lang: FindingLang,
) {
  const body = { ok: true, ...rest, ...(warnings ? { warnings: shown(warnings, lang) } : {}) };
  return revision ? new Revised({ ...body, revision }, revision) : body;
}

/** A draft item as read: `body`, who changed it last, and its revision (body and ETag). */
function itemAnswer(body: Record<string, unknown>, meta: DraftTopicMeta | undefined) {
  const revision = revisionOf(meta);
  return new Revised(
    {
      ...body,
      ...(meta
        ? {
            updatedBy: meta.updatedByName,
            updatedBySubject: meta.updatedBy,
            updatedAt: meta.updatedAt,
          }
        : {}),
      revision,
    },
    revision,
  );
}

/** A file the API answers with instead of JSON (the inbox's CSV export). */
class CsvFile {
  constructor(
    readonly name: string,
    readonly body: string,
  ) {}
}

/**
 * A draft item as the API answers with it: its revision also as the ETag, for clients that
 * save it back with If-Match (revisionHeaders.ts).
 */
class Revised {
  constructor(
    readonly body: Record<string, unknown>,
    readonly revision: string,
  ) {}
}

interface Request {
  staff: StaffIdentity;
  /** The language the content check's findings are told in (Accept-Language). */
  lang: FindingLang;
  actor: ContentActor;
  params: string[];
  body: unknown;
  query: Record<string, string | undefined>;
  /**
   * What a write expects of the item it changes (If-Match, If-None-Match), if anything; read
   * only by the routes that write one item, so a header elsewhere refuses nothing.
   */
  expected(mayCreate?: boolean): DraftExpectation | undefined;
}

interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below /api/content/, with `*` for one segment. */
  path: string;
  /** Roles that may call it; undefined: any staff role. */
  roles?: readonly StaffRole[];
  run(req: Request): Promise<unknown>;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    // A path parameter is the value itself: "version: must be ...", not "version: payload: ...".
    const whole = result.error.issues.every((issue) => issue.path.length === 0);
    const message = whole
      ? describeValidationError(result.error, where)
      : `${where}: ${describeValidationError(result.error)}`;
    throw createError(400, message, {
      expose: true,
      cause: { code: "VALIDATION_FAILED" },
    });
  }
  return result.data;
}

/** What a draft list kept as one item offers the API: the workflow's calls for it. */
interface DraftListAccess<S extends z.ZodType> {
  /** Below `draft/`, `draft/validate/`; `revert` is below it. */
  path: string;
  body: S;
  read(): Promise<{ body: Record<string, unknown>; meta: DraftTopicMeta | undefined }>;
  save(
    actor: ContentActor,
    lists: z.infer<S>,
    expected?: DraftExpectation,
  ): Promise<{ warnings?: ContentIssue[]; revision?: string }>;
  revert(
    actor: ContentActor,
    expected?: DraftExpectation,
  ): Promise<{ warnings?: ContentIssue[]; revision?: string }>;
  check(lists: z.infer<S>): Promise<readonly ContentIssue[]>;
}

/**
 * The four routes of a draft list kept as one item (the out-of-scope examples, the uncovered
 * questions): read, save, discard the draft's changes, and check. The item always exists, so
 * If-None-Match (create only) cannot apply to it, and is refused.
 */
function draftListRoutes<S extends z.ZodType>(list: DraftListAccess<S>): Route[] {
  return [
    {
      method: "GET",
      path: `draft/${list.path}`,
      roles: EDITORS,
      async run() {
        const { body, meta } = await list.read();
        return itemAnswer(body, meta);
      },
    },
    {
      method: "PUT",
      path: `draft/${list.path}`,
      roles: EDITORS,
      async run({ body, actor, lang, expected }) {
        const lists = parse(list.body, body, "body");
        return writeAnswer(await list.save(actor, lists, expected(false)), lang);
      },
    },
    {
      method: "POST",
      path: `draft/${list.path}/revert`,
      roles: EDITORS,
      async run({ actor, lang, expected }) {
        return writeAnswer(await list.revert(actor, expected(false)), lang);
      },
    },
    {
      method: "POST",
      path: `draft/validate/${list.path}`,
      roles: EDITORS,
      async run({ body, lang }) {
        const lists = parse(list.body, body, "body");
        return { problems: shown(await list.check(lists), lang) };
      },
    },
  ];
}

/** A stand-in chat for trying a message: anonymous, first turn, in `lang`. */
function tryChat(lang: "fi" | "sv", now: Date): Chat {
  return {
    chatId: "studio-try",
    lang,
    state: "bot",
    startedAt: now.toISOString(),
    resumeSecretHash: "",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: false,
  };
}

/**
 * The content studio's API under /api/content/: one Lambda, a small route table. Editing and
 * publishing need the content-owner or content-reviewer role, approving the reviewer role;
 * the live topic list is open to all staff (the console names topics from it).
 */
export function createContentApiHandler(deps: {
  content?: ContentServices;
  identity?: IdentityVerifier;
  clock: Clock;
  logger: Logger;
  /** The missed-question inbox's kept questions. */
  misses?: MissStore;
  /** Report counters (votes per topic for the feedback view). */
  reports?: ReportReader;
  /** INBOX_CONFIDENCE_BELOW: an answer at least this sure would not be kept again. */
  inboxConfidenceBelow?: number;
}) {
  // Per-topic recall from the last "test all", shown in the topic list until the next one.
  let lastScores = new Map<string, number>();
  // Test all over several orders costs N trainings of the draft: one run at a time per
  // process, so that the editors' clicks cannot queue minutes of work ahead of a publish.
  let ordersRunning = false;

  /**
   * Scores `bundle` on its test and dev splits, and lists the held-out messages whose answer
   * differs from the live version's: test-all for the draft, and a version's test.
   */
  async function testAgainstLive(
    bundle: ContentBundle,
    liveBundle: ContentBundle,
    lang: FindingLang,
  ) {
    const { live } = services();
    const [rec, liveRec] = await Promise.all([live.trained(bundle), live.trained(liveBundle)]);
    // Recognised a few dozen at a time, so the chats this process serves are not stalled; the
    // live version is asked the same messages, so what changes is the version's doing.
    const [now, before] = await Promise.all([
      recogniseBundleYielding(bundle, (t, l) => rec.classify(t, l)),
      recogniseBundleYielding(bundle, (t, l) => liveRec.classify(t, l)),
    ]);
    const splits = {
      tests: scoreRecognised(bundle, "tests", now.tests),
      dev: scoreRecognised(bundle, "dev", now.dev),
    };
    const intentsOf = (r: typeof now.tests) => ({
      fi: r.fi.map((x) => x.intent),
      sv: r.sv.map((x) => x.intent),
    });
    // The gate counts the test split's by the same rule when the version is published.
    const changed = (["tests", "dev"] as const).flatMap((split) =>
      changedAnswers(bundle, split, intentsOf(now[split]), intentsOf(before[split])),
    );
    // The chat's honesty on the questions no topic covers, scored as content:test scores it
    // (the live version's recogniser deciding under the live version's topics).
    const uncovered = scoreUncoveredRecognised(bundle, now.uncovered);
    const uncoveredLive = scoreUncoveredRecognised(bundle, before.uncovered, liveBundle);
    const uncoveredChanged = uncoveredChanges(bundle, uncovered, uncoveredLive);
    // What the publish gate would say of it: empty when it would let the version through.
    return {
      splits,
      changed,
      uncovered,
      uncoveredChanged,
      gate: shown(gateIssues(splits.tests, uncovered), lang),
    };
  }

  const routes: Route[] = [
    {
      method: "GET",
      path: "topics",
      async run() {
        const { workflow } = services();
        const live = await workflow.liveVersion();
        return {
          version: live.version,
          topics: live.bundle.topics.map((t) => ({
            id: t.id,
            fi: { title: t.fi.title },
            sv: { title: t.sv.title },
            system: (SYSTEM_TOPICS as readonly string[]).includes(t.id),
          })),
        };
      },
    },
    {
      method: "GET",
      path: "me",
      roles: EDITORS,
      async run({ staff }) {
        return { subject: staff.subject, displayName: staff.displayName, roles: staff.roles };
      },
    },
    {
      method: "GET",
      path: "draft/diff",
      roles: EDITORS,
      async run() {
        return services().workflow.draftDiff();
      },
    },
    {
      method: "GET",
      path: "draft",
      roles: EDITORS,
      async run({ actor, lang }) {
        const { draft, liveVersion, changed, pendingReview, decided } =
          await services().workflow.draft(actor);
        // Topic ids only: a referral group may share an id with a topic, and the out-of-scope
        // lists' entry (no kind either) is no topic.
        const changedIds = new Set(
          changed.filter((c) => !c.kind && c.id !== OUT_OF_SCOPE_ID).map((c) => c.id),
        );
        const count = (id: string, lang: "fi" | "sv") =>
          draft.bundle.tests[lang].filter((c) => c.intent === id).length;
        const today = reportDay(deps.clock.now());
        const unfinished = draft.inProgress ?? new Map<string, InProgressTopic>();
        const summary = (t: ContentBundle["topics"][number], retired: boolean) => {
          const meta = draft.meta.get(t.id);
          const score = lastScores.get(t.id);
          const work = unfinished.get(t.id);
          return {
            id: t.id,
            system: (SYSTEM_TOPICS as readonly string[]).includes(t.id),
            retired,
            // Work in progress beside a topic in use: a rollback or import brought it in.
            ...(work ? { inProgress: true, problems: work.problems } : {}),
            fi: { title: t.fi.title, utterances: t.fi.utterances.length, tests: count(t.id, "fi") },
            sv: { title: t.sv.title, utterances: t.sv.utterances.length, tests: count(t.id, "sv") },
            ...(score !== undefined ? { score } : {}),
            ...(t.reviewBy ? { reviewBy: t.reviewBy } : {}),
            // Retiring a topic others offer as a follow-up blocks the next publish: the
            // studio's confirmation names them from this.
            ...(t.followUps?.length ? { followUps: t.followUps } : {}),
            // Judged here, on the service's clock, by the rule that warns about it.
            ...(isReviewOverdue(t.reviewBy, today) ? { reviewOverdue: true } : {}),
            ...(meta ? { updatedBy: meta.updatedByName, updatedAt: meta.updatedAt } : {}),
          };
        };
        return {
          liveVersion,
          // What a Test all result is compared with, to tell one made on an older draft.
          digest: bundleDigest(draft.bundle),
          topics: [
            ...draft.bundle.topics.map((t) => summary(t, false)),
            ...draft.retired.map((t) => summary(t, true)),
            ...[...unfinished]
              .filter(([id]) => !draft.bundle.topics.some((t) => t.id === id))
              .filter(([id]) => !draft.retired.some((t) => t.id === id))
              .map(([id, work]) => workSummary(id, work, draft.meta.get(id))),
          ],
          outOfScope: draft.bundle.outOfScope,
          referrals: draft.bundle.referrals.map((r) => {
            const meta = draft.referralMeta.get(r.id);
            return {
              ...r,
              ...(meta ? { updatedBy: meta.updatedByName, updatedAt: meta.updatedAt } : {}),
            };
          }),
          changed: [...changedIds],
          changes: changed,
          pendingReview,
          // The reader's own versions someone decided lately: the author learns the outcome.
          decided: decided.map(({ version, outcome, by, at }) => {
            const { error } = versionShown(version, lang);
            return {
              version: version.version,
              outcome,
              state: version.state,
              by: by.subject,
              byName: by.displayName,
              at,
              ...(error !== undefined ? { reason: error } : {}),
            };
          }),
        };
      },
    },
    {
      method: "GET",
      path: "draft/topics/*",
      roles: EDITORS,
      async run({ params }) {
        const id = parse(topicId, params[0], "id");
        const work = await services().workflow.draftWork(id);
        // The owner's unfinished work as it was sent: what the editor goes on with.
        if (work) {
          return itemAnswer(
            {
              topic: work.inProgress.body,
              inProgress: true,
              retired: false,
              system: (SYSTEM_TOPICS as readonly string[]).includes(id),
            },
            work.meta,
          );
        }
        const view = await services().workflow.draftTopic(id);
        return itemAnswer(
          {
            topic: { ...view.topic, tests: view.tests },
            retired: view.retired,
            system: view.system,
          },
          view.meta,
        );
      },
    },
    {
      method: "PUT",
      path: "draft/topics/*",
      roles: EDITORS,
      async run({ params, body, actor, lang, expected, query }) {
        const id = parse(topicId, params[0], "id");
        const { inProgress } = parse(topicSaveQuery, query, "query");
        const topic = parse(topicBody, body, "body");
        const { workflow } = services();
        if (inProgress !== "true") {
          return writeAnswer(await workflow.saveTopic(actor, id, topic, expected()), lang);
        }
        const { problems, ...saved } = await workflow.saveTopicInProgress(
          actor,
          id,
          topic,
          expected(),
        );
        return writeAnswer({ ...saved, problems: shown(problems, lang) }, lang);
      },
    },
    {
      method: "DELETE",
      path: "draft/topics/*",
      roles: EDITORS,
      async run({ params, actor, lang, expected }) {
        const id = parse(topicId, params[0], "id");
        return writeAnswer(await services().workflow.retireTopic(actor, id, expected(false)), lang);
      },
    },
    {
      method: "POST",
      path: "draft/topics/*/revert",
      roles: EDITORS,
      async run({ params, actor, lang, expected }) {
        const id = parse(topicId, params[0], "id");
        return writeAnswer(await services().workflow.revertTopic(actor, id, expected()), lang);
      },
    },
    {
      method: "POST",
      path: "draft/referrals/*/revert",
      roles: EDITORS,
      async run({ params, actor, lang, expected }) {
        const id = parse(referralId, params[0], "id");
        return writeAnswer(await services().workflow.revertReferral(actor, id, expected()), lang);
      },
    },
    {
      method: "GET",
      path: "draft/referrals/*",
      roles: EDITORS,
      async run({ params }) {
        const view = await services().workflow.draftReferral(parse(referralId, params[0], "id"));
        return itemAnswer({ referral: view.referral }, view.meta);
      },
    },
    {
      method: "PUT",
      path: "draft/referrals/*",
      roles: EDITORS,
      async run({ params, body, actor, lang, expected }) {
        const id = parse(referralId, params[0], "id");
        const group = parse(referralBody, body, "body");
        return writeAnswer(
          await services().workflow.saveReferral(actor, id, group, expected()),
          lang,
        );
      },
    },
    {
      method: "DELETE",
      path: "draft/referrals/*",
      roles: EDITORS,
      async run({ params, actor, lang, expected }) {
        const id = parse(referralId, params[0], "id");
        return writeAnswer(
          await services().workflow.retireReferral(actor, id, expected(false)),
          lang,
        );
      },
    },
    {
      method: "POST",
      path: "draft/validate/referrals/*",
      roles: EDITORS,
      async run({ params, body, lang }) {
        const id = parse(referralId, params[0], "id");
        const group = parse(referralBody, body, "body");
        return { problems: shown(await services().workflow.checkReferral(id, group), lang) };
      },
    },
    ...draftListRoutes({
      path: "out-of-scope",
      body: outOfScopeBody,
      async read() {
        const view = await services().workflow.draftOutOfScope();
        return { body: { outOfScope: view.outOfScope }, meta: view.meta };
      },
      save: (actor, lists, expected) => services().workflow.saveOutOfScope(actor, lists, expected),
      revert: (actor, expected) => services().workflow.revertOutOfScope(actor, expected),
      check: (lists) => services().workflow.checkOutOfScope(lists),
    }),
    ...draftListRoutes({
      path: "uncovered",
      body: uncoveredBody,
      async read() {
        const view = await services().workflow.draftUncovered();
        return { body: { uncovered: view.uncovered }, meta: view.meta };
      },
      save: (actor, lists, expected) => services().workflow.saveUncovered(actor, lists, expected),
      revert: (actor, expected) => services().workflow.revertUncovered(actor, expected),
      check: (lists) => services().workflow.checkUncovered(lists),
    }),
    {
      method: "POST",
      path: "draft/validate/topics/*",
      roles: EDITORS,
      async run({ params, body, lang }) {
        const id = parse(topicId, params[0], "id");
        const topic = parse(topicBody, body, "body");
        return { problems: shown(await services().workflow.checkTopic(id, topic), lang) };
      },
    },
    {
      // A refusal's findings told again in the caller's language (the studio after a switch).
      method: "POST",
      path: "tell",
      roles: EDITORS,
      async run({ body, lang }) {
        const { findings } = parse(tellBody, body, "body");
        return {
          told: findings.map(({ code, params }, i) => {
            const told = tellKept(code, params, lang);
            if (!told) {
              throw createError(400, `findings[${i}]: must be a finding this service can tell`, {
                expose: true,
                cause: { code: "VALIDATION_FAILED" },
              });
            }
            return told;
          }),
        };
      },
    },
    {
      method: "GET",
      path: "search",
      roles: EDITORS,
      async run({ query }) {
        const { q } = parse(searchQuery, query, "query");
        const { draft } = await services().workflow.draftAndLive();
        return {
          topics: [
            ...searchTopics(draft.bundle.topics, q),
            ...searchUnfinished(draft.inProgress ?? new Map(), q, draft.bundle),
          ],
          outOfScope: searchOutOfScope(draft.bundle, q),
        };
      },
    },
    {
      method: "POST",
      path: "try",
      roles: EDITORS,
      async run({ body }) {
        const { text, lang } = parse(tryBody, body, "body");
        const { workflow, live } = services();
        const { draft, live: liveNow } = await workflow.draftAndLive();
        const [draftTry, liveTry] = await Promise.all([
          tryOn(live, draft.bundle, text, lang),
          tryOn(live, liveNow.bundle, text, lang),
        ]);
        return { draft: draftTry, live: liveTry };
      },
    },
    {
      method: "POST",
      path: "test-all",
      roles: EDITORS,
      async run({ lang }) {
        const { workflow } = services();
        const { draft, live: liveNow } = await workflow.draftAndLive();
        const report = await testAgainstLive(draft.bundle, liveNow.bundle, lang);
        const { splits } = report;
        lastScores = new Map();
        for (const lang of LANGS) {
          for (const t of splits.tests[lang].perTopic) {
            lastScores.set(t.topic, Math.min(lastScores.get(t.topic) ?? 1, t.recall));
          }
        }
        return { ...report, draftDigest: bundleDigest(draft.bundle) };
      },
    },
    {
      method: "POST",
      path: "test-all/orders",
      roles: EDITORS,
      async run({ body }) {
        const { seeds } = parse(ordersBody, body ?? {}, "body");
        const { workflow, live } = services();
        const trainedInOrder = live.trainedInOrder;
        if (!trainedInOrder) {
          throw unavailable(
            "Test all over several training orders runs in the service that trains the embedded recogniser beside the chats (the local server); this deployment's content API trains inline under a short time limit. Use npm run content:test -- --seeds N.",
          );
        }
        if (ordersRunning) {
          throw createError(
            409,
            "Test all over several training orders is already running on this server; try again when it has finished.",
            { expose: true, cause: { code: "CONFLICT" } },
          );
        }
        ordersRunning = true;
        try {
          const { draft } = await workflow.draftAndLive();
          const spread = await spreadOverOrders(draft.bundle, seedsFor(seeds), (seed) =>
            trainedInOrder(draft.bundle, seed),
          );
          return {
            ...spread,
            floors: { topic: MIN_TOPIC_RECALL, gateTopic: MIN_GATE_TOPIC_RECALL },
            draftDigest: bundleDigest(draft.bundle),
          };
        } finally {
          ordersRunning = false;
        }
      },
    },
    {
      method: "POST",
      path: "versions/*/test",
      roles: EDITORS,
      async run({ params, lang }) {
        const tested = parse(version, params[0], "version");
        const { bundle, live } = await services().workflow.versionAndLive(tested);
        // The same report as test-all, `draft` being the version's answer: what approving it
        // would change for customers.
        const report = await testAgainstLive(bundle, live.bundle, lang);
        return { version: tested, against: live.version, ...report };
      },
    },
    {
      method: "POST",
      path: "publish",
      roles: EDITORS,
      async run({ body, actor }) {
        const { comment } = parse(commentBody, body ?? {}, "body");
        return services().workflow.publish(actor, comment);
      },
    },
    {
      method: "GET",
      path: "versions",
      roles: EDITORS,
      async run({ query, lang }) {
        const page = await services().workflow.versions(parse(versionsQuery, query, "query"));
        // A failed version's reason in the studio's language; a reviewer's words as written.
        return { ...page, versions: page.versions.map((v) => versionShown(v, lang)) };
      },
    },
    {
      method: "GET",
      path: "versions/*/diff",
      roles: EDITORS,
      async run({ params, query }) {
        const { against } = parse(diffQuery, query, "query");
        return services().workflow.diff(parse(version, params[0], "version"), against);
      },
    },
    {
      method: "POST",
      path: "versions/*/approve",
      roles: REVIEWERS,
      async run({ params, actor }) {
        return services().workflow.approve(actor, parse(version, params[0], "version"));
      },
    },
    {
      method: "POST",
      path: "versions/*/reject",
      roles: REVIEWERS,
      async run({ params, body, actor }) {
        const { comment } = parse(commentBody, body ?? {}, "body");
        return services().workflow.reject(actor, parse(version, params[0], "version"), comment);
      },
    },
    {
      // The author takes back their own version waiting for review (any editor role).
      method: "POST",
      path: "versions/*/withdraw",
      roles: EDITORS,
      async run({ params, actor }) {
        return services().workflow.withdraw(actor, parse(version, params[0], "version"));
      },
    },
    {
      method: "POST",
      path: "versions/*/rollback",
      roles: EDITORS,
      async run({ params, body, actor }) {
        // Why, for the reviewer and the audit trail; none (the outside checks) as before.
        const { comment } = parse(commentBody, body ?? {}, "body");
        return services().workflow.rollback(actor, parse(version, params[0], "version"), comment);
      },
    },
    {
      method: "GET",
      path: "misses",
      roles: OWNERS,
      async run({ query }) {
        return inbox().groups(parse(inboxQuery, query, "query"));
      },
    },
    {
      method: "GET",
      path: "misses.csv",
      roles: OWNERS,
      async run({ query }) {
        const period = parse(inboxQuery, query, "query");
        return new CsvFile(
          `${period.kind === "sampled" ? "pistokoe" : "kysymykset"}_${period.from}_${period.to}.csv`,
          missesCsv(await inbox().rows(period)),
        );
      },
    },
    {
      method: "POST",
      path: "misses/actions",
      roles: OWNERS,
      async run({ body, actor, expected, lang }) {
        const action = parse(missAction, body, "body");
        // If-Match applies to the topic a teach writes (the studio teaching what it just saved).
        const { applied, revision, alreadyKept } = await inbox().act(
          actor,
          action,
          action.action === "teach" ? expected(false) : undefined,
        );
        return writeAnswer(
          {
            applied,
            ...(alreadyKept ? { alreadyKept } : {}),
            ...(revision ? { revision } : {}),
          },
          lang,
        );
      },
    },
    {
      // Off the customers' path: asked by the studio for the questions it shows.
      method: "POST",
      path: "misses/answers",
      roles: OWNERS,
      async run({ body }) {
        const { ids } = parse(answersBody, body, "body");
        const { workflow, live } = services();
        const { draft, live: liveNow } = await workflow.draftAndLive();
        // The recognisers Try it asks: trained once per content, shared with it.
        const [draftAnswerer, liveAnswerer] = await Promise.all([
          answererFor(live, draft.bundle),
          answererFor(live, liveNow.bundle),
        ]);
        const answers = await inbox().answers(ids, { live: liveAnswerer, draft: draftAnswerer });
        return { liveVersion: liveNow.version, answers };
      },
    },
    {
      method: "GET",
      path: "feedback",
      roles: OWNERS,
      async run({ query }) {
        const period: MissPeriod = parse(feedbackQuery, query, "query");
        if (!deps.reports) throw unavailable("The reports are not available in this deployment.");
        const { byTopic } = await deps.reports.rows(period.from, period.to);
        return inbox().feedback(period, byTopic);
      },
    },
    {
      method: "GET",
      path: "audit",
      roles: EDITORS,
      async run({ query, lang }) {
        const page = await services().workflow.auditTrail(parse(auditQuery, query, "query"));
        return {
          entries: page.entries.map((e) => auditShown(e, lang)),
          ...(page.next === undefined ? {} : { next: auditCursorOf(page.next) }),
        };
      },
    },
  ];

  function unavailable(message: string) {
    return createError(503, message, { expose: true, cause: { code: "SERVICE_UNAVAILABLE" } });
  }

  function services(): ContentServices {
    if (!deps.content) throw unavailable("The content studio is not available in this deployment.");
    return deps.content;
  }

  let missed: MissedQuestions | undefined;
  function inbox(): MissedQuestions {
    const { workflow } = services();
    if (!deps.misses) throw unavailable("The missed-question inbox is not available here.");
    missed ??= createMissedQuestions({
      store: deps.misses,
      workflow,
      features: questionFeatures,
      ...(deps.inboxConfidenceBelow !== undefined
        ? { answering: { confidenceBelow: deps.inboxConfidenceBelow } }
        : {}),
    });
    return missed;
  }

  /** `bundle`'s recogniser and topics, as the inbox asks what a version answers. */
  async function answererFor(live: LiveContent, bundle: ContentBundle): Promise<VersionAnswerer> {
    const recogniser = await live.trained(bundle);
    const topics = new Set(bundle.topics.map((t) => t.id));
    return {
      recognise: (text, lang) => recogniser.classify(text, lang),
      has: (topic) => topics.has(topic),
    };
  }

  async function tryOn(live: LiveContent, bundle: ContentBundle, text: string, lang: "fi" | "sv") {
    const recogniser = await live.trained(bundle);
    const topics = new Set(bundle.topics.map((t) => t.id));
    const recognition = recogniser.classify(text, lang);
    const top = [
      recognition,
      ...recognition.alternatives.filter((a) => a.intent !== recognition.intent),
    ]
      .slice(0, 3)
      .map(({ intent, confidence }) => ({ intent, confidence }));
    const turn = await live.botFor(bundle, recogniser).reply(tryChat(lang, deps.clock.now()), text);
    // The embedded recogniser's thresholds: try-it always classifies with it, in AWS too.
    const grounds = decideWithGrounds(
      recognition,
      (id) => topics.has(id),
      DEFAULT_DIALOGUE_SETTINGS,
    );
    return {
      top,
      why: {
        kind: grounds.decision.kind,
        answersFrom: grounds.answersFrom,
        closeFrom: grounds.closeFrom,
        offeredFrom: grounds.offeredFrom,
      },
      answer: {
        ...(turn.topic ? { topic: turn.topic } : {}),
        ...(turn.referral ? { referral: turn.referral } : {}),
        messages: turn.messages,
      },
    };
  }

  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(
      jsonErrors(deps.logger) as middy.MiddlewareObj<
        APIGatewayProxyEventV2,
        APIGatewayProxyResultV2
      >,
    )
    .use(utf8Body() as middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2>)
    .handler(async (event) => {
      const method = event.requestContext.http.method;
      const rest = event.rawPath.replace(/^\/api\/content\/?/, "").replace(/\/$/, "");
      const segments = rest.split("/").map((s) => decodeURIComponent(s));
      const candidates = routes.filter((r) => matches(r.path, segments));
      if (candidates.length === 0) {
        throw createError(404, `No content route ${rest}`, {
          expose: true,
          cause: { code: "NOT_FOUND" },
        });
      }
      const route = candidates.find((r) => r.method === method);
      if (!route) {
        throw createError(405, `${method} is not allowed here`, {
          expose: true,
          cause: { code: "METHOD_NOT_ALLOWED" },
        });
      }
      const staff = await verifiedStaff(deps.identity, event, route.roles ?? ANY_STAFF);
      const params = route.path
        .split("/")
        .flatMap((part, i) => (part === "*" ? [segments[i] ?? ""] : []));
      const body = parseJson(event.body);
      const lang = findingLangOf(
        event.headers?.["accept-language"] ?? event.headers?.["Accept-Language"],
      );
      const result = await route
        .run({
          staff,
          actor: { subject: staff.subject, displayName: staff.displayName },
          lang,
          params,
          body,
          query: event.queryStringParameters ?? {},
          expected: (mayCreate = true) => expectationOf(event.headers, mayCreate),
        })
        .catch((error: unknown) => {
          // The refusal's problems in the caller's language, like the check's answers.
          if (error instanceof ContentInvalidError) {
            throw new ContentInvalidError(error.problems.map((p) => toldIn(p, lang)));
          }
          // A new error, not the old one changed: a rejection may be shared (a training).
          if (error instanceof ContentWorkflowError && error.finding && lang !== "en") {
            const said = { ...tell(error.finding, lang), finding: error.finding };
            throw Object.assign(new ContentWorkflowError(error.code, said, error.httpStatus), {
              cause: error,
            });
          }
          throw error;
        });
      if (result instanceof CsvFile) {
        return {
          statusCode: 200,
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="${result.name}"`,
            "cache-control": "no-store",
          },
          body: result.body,
        };
      }
      if (result instanceof Revised) {
        const answer = json(200, result.body);
        return { ...answer, headers: { ...answer.headers, etag: etagOf(result.revision) } };
      }
      return json(200, result);
    });
}

/**
 * The inbox as CSV, one question per line, grouped (largest group first) with the reports'
 * conventions. Confidence with a decimal comma; times as ISO instants.
 */
function missesCsv(rows: Awaited<ReturnType<MissedQuestions["rows"]>>): string {
  const decimal = (n: number | undefined) =>
    n === undefined ? "" : n.toFixed(2).replace(".", ",");
  return toCsv([
    [
      "group",
      "group_size",
      "id",
      "at",
      "lang",
      "text",
      "reasons",
      "top_guess",
      "confidence",
      "topic",
      "content_version",
      "outcome",
      "status",
      // Added last, so readers of the earlier columns are not moved.
      "reopened",
      "referral",
      "handoff",
      "chosen",
      "went_to",
    ],
    ...rows.map(({ entry, group }) => [
      group.id,
      group.size,
      entry.id,
      entry.at,
      entry.lang,
      entry.text,
      entry.reasons.join(" "),
      entry.guesses[0]?.intent ?? "",
      decimal(entry.guesses[0]?.confidence),
      entry.topic ?? "",
      entry.contentVersion ?? "",
      entry.outcome,
      entry.status,
      reopenedCell(entry.reopened),
      entry.referral ?? "",
      entry.handoff ?? "",
      entry.chosen ?? "",
      wentTo(entry),
    ]),
  ]);
}

/**
 * Where a handled question went while it is listed so: the topic it was taught to, the group it
 * was referred to, the matter it is kept under; empty for any other (and when not kept).
 */
function wentTo(entry: ListedMiss): string {
  if (entry.status === "taught") return entry.taughtTo?.topicId ?? "";
  if (entry.status === "referred") return entry.referredTo ?? "";
  if (entry.status === "uncovered") return entry.uncoveredMatter ?? "";
  return "";
}

/**
 * Why a question is open again, in one cell: `taught:pension`, `referred:kela`,
 * `uncovered:dog-tax`, `taught`.
 */
function reopenedCell(reopened: Reopened | undefined): string {
  if (!reopened) return "";
  const where = reopened.topicId ?? reopened.referral ?? reopened.matter;
  return where ? `${reopened.was}:${where}` : reopened.was;
}

const ANY_STAFF: readonly StaffRole[] = [];

/**
 * A topic in progress as the draft's topics list tells it: counted from what its body has (a
 * language or list not there yet counts 0), with the errors left at its last save.
 */
function workSummary(id: string, work: InProgressTopic, meta: DraftTopicMeta | undefined) {
  const { body } = work;
  const part = (lang: "fi" | "sv") => {
    const { title, utterances } = unfinishedSide(body, lang);
    const tests = isObject(body.tests) ? body.tests[lang] : undefined;
    return { title, utterances: utterances.length, tests: Array.isArray(tests) ? tests.length : 0 };
  };
  return {
    id,
    system: false,
    retired: false,
    inProgress: true,
    problems: work.problems,
    fi: part("fi"),
    sv: part("sv"),
    ...(meta ? { updatedBy: meta.updatedByName, updatedAt: meta.updatedAt } : {}),
  };
}

/** One language of an unfinished topic's body as saved: any part may be missing or malformed. */
function unfinishedSide(body: InProgressTopic["body"], lang: "fi" | "sv") {
  const side = isObject(body[lang]) ? body[lang] : {};
  return {
    title: typeof side.title === "string" ? side.title : "",
    utterances: Array.isArray(side.utterances) ? (side.utterances as unknown[]) : [],
    answer: typeof side.answer === "string" ? side.answer : "",
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function matches(path: string, segments: string[]): boolean {
  const parts = path.split("/");
  return parts.length === segments.length && parts.every((p, i) => p === "*" || p === segments[i]);
}

function parseJson(body: string | undefined): unknown {
  if (body === undefined || body === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw createError(400, "body: must be valid JSON", {
      expose: true,
      cause: { code: "VALIDATION_FAILED" },
    });
  }
}

/** What a search reads of a topic, in use or unfinished. */
interface SearchableTopic {
  id: string;
  fi: { title: string; utterances: readonly string[]; answer: string };
  sv: { title: string; utterances: readonly string[]; answer: string };
}

/** Topics whose title, sentences or answer contain `q`, in either language, with what matched. */
export function searchTopics(topics: readonly SearchableTopic[], q: string) {
  const needle = q.toLocaleLowerCase("fi");
  const hit = (text: string) => text.toLocaleLowerCase("fi").includes(needle);
  return topics.flatMap((t) => {
    if (!needle)
      return [{ id: t.id, fi: { title: t.fi.title }, sv: { title: t.sv.title }, match: "" }];
    for (const lang of LANGS) {
      const locale = t[lang];
      const found =
        (hit(t.id) && t.id) ||
        (hit(locale.title) && locale.title) ||
        locale.utterances.find(hit) ||
        (hit(locale.answer) && snippet(locale.answer, needle));
      if (found)
        return [{ id: t.id, fi: { title: t.fi.title }, sv: { title: t.sv.title }, match: found }];
    }
    return [];
  });
}

/**
 * Unfinished topics (saved with `inProgress`, outside the bundle) whose saved text contains
 * `q`: an owner looks for the Finnish-first topic waiting for its translation by its words,
 * and a search that skipped it sent them to write it a second time. Any part may be missing.
 */
export function searchUnfinished(
  unfinished: ReadonlyMap<string, InProgressTopic>,
  q: string,
  bundle: ContentBundle,
) {
  const inBundle = new Set(bundle.topics.map((t) => t.id));
  const asLocale = (body: InProgressTopic["body"], lang: "fi" | "sv") => {
    const side = unfinishedSide(body, lang);
    return { ...side, utterances: side.utterances.filter((u) => typeof u === "string") };
  };
  const topics = [...unfinished]
    // Work beside a topic in use (a rollback brought it in) is found as that topic.
    .filter(([id]) => !inBundle.has(id))
    .map(([id, { body }]) => ({ id, fi: asLocale(body, "fi"), sv: asLocale(body, "sv") }));
  return searchTopics(topics, q).map((hit) => ({
    ...hit,
    inProgress: true as const,
  }));
}

/** How many out-of-scope sentences a search names: enough to recognise the matter. */
export const OUT_OF_SCOPE_HITS = 3;

/**
 * Out-of-scope sentences of the draft that contain `q`, in either language: a matter left
 * without a topic on purpose, which an owner searching for its topic should learn.
 */
export function searchOutOfScope(bundle: ContentBundle, q: string) {
  const needle = q.trim().toLocaleLowerCase("fi");
  if (!needle) return [];
  return LANGS.flatMap((lang) =>
    bundle.outOfScope[lang]
      .filter((text) => text.toLocaleLowerCase("fi").includes(needle))
      .map((text) => ({ lang, text })),
  ).slice(0, OUT_OF_SCOPE_HITS);
}

function snippet(text: string, needle: string): string {
  const at = text.toLocaleLowerCase("fi").indexOf(needle);
  const start = Math.max(0, at - 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, at + needle.length + 40)}${at + needle.length + 40 < text.length ? "…" : ""}`;
}
