/**
 * What the content rules say about a problem, in English (content:check and the API's
 * default), Finnish and Swedish (the studio asks in its own language). A rule records a
 * finding once, as its kind and its values; each language tells it from those, so the
 * studio can show the same finding in the content owner's language without a second
 * validator. Every language tells every kind: a missing one fails the type check.
 *
 * English keeps content:check's wording, with YAML file names and field paths, for whoever
 * edits bot-content/ in git. Finnish and Swedish speak the studio's words: fields by their
 * labels, topics by id (by title where a finding carries titles), no files or lines (the
 * studio has neither).
 */
import type * as z from "zod";
import zodFi from "zod/v4/locales/fi.js";
import zodSv from "zod/v4/locales/sv.js";
import type { Lang } from "./lang.ts";
import { TOPIC_ID_MAX_LENGTH, TOPIC_ID_RULE } from "./topics.ts";

export type FindingLang = "en" | Lang;
export const FINDING_LANGS: readonly FindingLang[] = ["en", "fi", "sv"];

/** A field inside a content file or a studio form: ["fi", "utterances", 3], from 0. */
export type FieldPath = readonly (string | number)[];

/** Another place a finding points at: a file and, when read from YAML, its line. */
export interface Place {
  file: string;
  line?: number;
}

/** What the studio edits in the draft as one item with a revision of its own. */
export type DraftItemKind = "topic" | "referral" | "out-of-scope" | "uncovered";

/** Whose a training sentence is. */
export type SentenceOwner =
  | { kind: "topic" | "referral"; id: string; lang: Lang }
  | { kind: "out-of-scope"; lang: Lang };

/** A topic's title per language, as far as the content has them. */
export type TopicTitles = Partial<Record<Lang, string>>;

/** One text per language, for a schema message the rules cannot name more precisely. */
export type Texts = Record<FindingLang, string>;

/** What the content schema's own checks put in a custom issue's `params`, to be told apart. */
export type SchemaFinding =
  | { finding: "notAnAddress"; url: string }
  | { finding: "notHttps"; protocol: string }
  | { finding: "hostNotAllowed"; host: string; allowed: readonly string[] }
  | { finding: "reservedId"; ids: readonly string[] }
  | { finding: "notADate"; value: string };

/** Every kind of finding and the values it is told from (plain data: it crosses threads). */
export interface FindingParams {
  missing: { field: FieldPath };
  colonSplit: { field: FieldPath; text: string };
  wrongType: { field: FieldPath; expected: string };
  tooFewUtterances: { field: FieldPath; has: number; min: number };
  tooFewSentences: { field: FieldPath; has: number; min: number };
  answerTooLong: { field: FieldPath; length: number; max: number; referral: boolean };
  titleTooLong: { field: FieldPath; length: number; max: number };
  /** Any other text over its limit (a link's text); `en` as the schema says it. */
  textTooLong: { field: FieldPath; length: number; max: number; en: string };
  empty: { field: FieldPath; en: string };
  unknownFields: { field: FieldPath; keys: string[] };
  notAnAddress: { field: FieldPath; url: string };
  notHttps: { field: FieldPath; protocol: string };
  hostNotAllowed: { field: FieldPath; host: string; allowed: readonly string[] };
  reservedId: { field: FieldPath; ids: readonly string[] };
  /** A date field (a topic's `reviewBy`) not written as an existing YYYY-MM-DD date. */
  notADate: { field: FieldPath; value: string };
  /** A topic id (its own or a follow-up's) not of the id's form; `en` as the schema says it. */
  badId: { field: FieldPath; en: string };
  /** Any other schema message: English as the schema says it, the others from zod's locales. */
  schema: { field: FieldPath; texts: Texts; tooBig?: boolean };
  /** The studio's test messages sent in a shape other than `tests: { fi: [], sv: [] }`. */
  draftTestsShape: { field: FieldPath; texts: Texts };
  systemTopicMissing: { id: string; file: string };
  notPersonalised: { field: FieldPath; id: string; personalised: string[] };
  unknownVariant: { field: FieldPath; id: string; variants: string[] };
  unknownPlaceholder: { field: FieldPath; name: string; placeholders: readonly string[] };
  curlyBraces: { field: FieldPath };
  followUpSelf: { field: FieldPath; id: string };
  followUpUnknown: { field: FieldPath; id: string; guess?: string };
  /** A follow-up naming a topic the draft has only in progress (saved unfinished). */
  followUpInProgress: { field: FieldPath; id: string };
  sentenceTwice: { text: string; owner: SentenceOwner; line?: number };
  sentenceShared: { text: string; owner: SentenceOwner; other: SentenceOwner; at: Place };
  nearDuplicate: {
    field: FieldPath;
    text: string;
    near: string;
    own: string;
    other: string;
    at: Place;
    /**
     * The two topics' titles, by language, where the content has them: Finnish and Swedish
     * name a topic by its title (a content owner knows topics by title), English by id.
     */
    titles?: { own: TopicTitles; other: TopicTitles };
  };
  /** A training sentence under `lang` that is clearly written in the other language. */
  otherLanguage: { field: FieldPath; text: string; lang: Lang; looks: Lang };
  answersDisagree: { field: FieldPath; onlyFi: string[]; onlySv: string[] };
  /** A topic past its review date (`reviewBy`, YYYY-MM-DD): its answer may be out of date. */
  reviewOverdue: { id: string; reviewBy: string };
  /** An answer gives amounts or rates and the topic has no review date. */
  reviewDateMissing: { id: string; figures: string[] };
  intentUnknown: { intent: string; guess?: string };
  /** `uncovered`: the held-out message is one of the uncovered questions. */
  heldOutTrained: { text: string; owner: SentenceOwner; at: Place; uncovered?: true };
  heldOutRepeated: { text: string; at: Place; uncovered?: true };
  /** An uncovered question listed twice in its language (`at`: the first one). */
  uncoveredTwice: { text: string; at: Place };
  /** An uncovered question's matter that is missing ("") or not a matter id (`value`). */
  matterNotAnId: { field: FieldPath; value: string };
  tooFewTests: { id: string; lang: Lang; has: number; min: number; file: string };
  lexQuota: {
    lang: Lang;
    used: number;
    max: number;
    what: "intents" | "characters";
    over: boolean;
  };
  fileNameMismatch: { name: string; id: string; expected: string };
  idTwice: { kind: "topic" | "referral"; id: string; otherFile: string };
  /** A retired topic that other topics still offer as a follow-up. */
  stillFollowUp: { other: string; id: string };
  systemTopicRetire: { id: string };
  /** A body naming another topic or group than its address. */
  idMismatch: { named: string; id: string; folder: "topics" | "referrals" };
  /** The inbox's "teach" met a text the other split has (`into` is where it was taught). */
  teachOtherSplit: { text: string; into: "training" | "tests" };
  gateNoTests: { lang: Lang };
  gateAccuracy: { lang: Lang; share: number; min: number };
  gateNoneRecall: { lang: Lang; share: number; min: number };
  /** One topic finds too few of its own test messages, though the whole may pass. */
  gateTopicRecall: { lang: Lang; topic: string; share: number; min: number; support: number };
  /**
   * Too many of the uncovered questions (tax questions no topic covers) would be answered
   * with a topic's text; `topics` are the topics that would answer them.
   */
  gateUncovered: {
    lang: Lang;
    share: number;
    max: number;
    answered: number;
    cases: number;
    topics: string[];
  };

  // The workflow's refusals and a failed version's reason: told as `message`, no `fix`.
  noLiveVersion: Record<string, never>;
  versionMissing: { version: number };
  versionNoContent: { version: number };
  topicNotInDraft: { id: string };
  /** Only a topic the live version does not have can be saved unfinished. */
  inProgressNotNew: { id: string };
  /** An unfinished topic's body is larger than the draft keeps of one. */
  inProgressTooLarge: { bytes: number; max: number };
  referralNotInDraft: { id: string };
  questionsGone: Record<string, never>;
  nothingToPublish: Record<string, never>;
  selfApproval: Record<string, never>;
  /** The approver wrote part of the version someone else published. */
  ownChangesApproval: Record<string, never>;
  wrongState: {
    version: number;
    state: VersionStateName;
    action: "approve" | "reject" | "go-live" | "withdraw";
  };
  decidedMeanwhile: { version: number };
  /** A rollback asked for a version that is not an earlier live one. */
  rollbackNotEarlierLive: { version: number; state: VersionStateName };
  /** Someone saved the item after the person read it (`by`: who, when the item is still there). */
  editConflict: { kind: DraftItemKind; id: string; by?: string };
  /** Writes kept coming in between this one's read and its write. */
  draftContended: { kind: DraftItemKind; id: string };
  publishWhileBuilding: { building: number };
  approveWhileBuilding: { building: number; version: number };
  goLiveFailed: { version: number; reason: Finding };
  buildConcurrent: { other: number };
  buildFailed: { detail: string };
  buildNotStarted: { detail: string };
  buildAbandoned: { minutes: number };
  liveMoved: Record<string, never>;
  rejectedInReview: Record<string, never>;
  /**
   * Approving a version published against a live version that is no longer live would undo
   * what went live since (`basedOn`: none for versions stored before it was kept).
   */
  versionStale: { version: number; basedOn?: number; live: number };
  /** Why a version waiting for review was superseded: `live` went live before it was approved. */
  supersededUnreviewed: { live: number };
  /** Why a seed version was never live: another task seeded `live` first. */
  seedLost: { live: number };
  /** The draft (or a rollback's content) is what a version waiting for review has already. */
  alreadyPending: { version: number };
  /** Only a version's author can withdraw it. */
  withdrawNotAuthor: { version: number };
  /** Why a version is rejected when its author withdrew it. */
  withdrawnByAuthor: Record<string, never>;

  // Notes the service writes in the audit trail or as a version's comment: told, no `fix`.
  /** Version 1, from the bot-content/ folder that came with the service. */
  seeded: { from: SeedSource };
  /**
   * A rollback's comment: the version whose content it restores, and why, in the words of
   * whoever asked for it (masked; told as written inside each language's sentence).
   */
  rolledBack: { version: number; reason?: string };
  inboxTaught: { count: number; into: "training" | "tests" };
  inboxReferred: { count: number; referral: string };
  inboxDismissed: { count: number };
  /** Sampled questions whose answer a reviewer found right (the answer review). */
  inboxConfirmed: { count: number };
  /**
   * Questions kept as uncovered questions (no topic covers them), under `matter`; `elsewhere`:
   * those the set already kept under another matter, which they keep.
   */
  inboxUncovered: {
    count: number;
    matter: string;
    elsewhere?: { matter: string; count: number }[];
  };
  referralSentencesAdded: { count: number; lang: Lang };
  /**
   * A rollback to `version` went live: the draft took its content where it had no changes of
   * its own, and kept `kept` of them.
   */
  rollbackDraftRebased: { version: number; kept: number };
  /** A rollback to `version` went live, but the draft could not be brought along whole. */
  rollbackDraftNotRebased: { version: number; detail: string };
  /**
   * A save of the out-of-scope examples or of the uncovered questions (the audit entry says
   * which): how many sentences or questions each language gained and lost.
   */
  outOfScopeEdited: { added: Record<Lang, number>; removed: Record<Lang, number> };
}

/** Where the first content version's bot-content/ came from: a checkout, a container, a Lambda. */
export type SeedSource = "repository" | "image" | "deployment";

/** A content version's state (domain/content/versions.ts), as plain strings here. */
type VersionStateName =
  | "pending-review"
  | "building"
  | "live"
  | "superseded"
  | "rejected"
  | "failed";

/** The kinds that refuse or explain rather than point at content: they have no fix. */
export const NOTICE_CODES = [
  "noLiveVersion",
  "versionMissing",
  "versionNoContent",
  "topicNotInDraft",
  "inProgressNotNew",
  "inProgressTooLarge",
  "referralNotInDraft",
  "questionsGone",
  "nothingToPublish",
  "selfApproval",
  "ownChangesApproval",
  "wrongState",
  "decidedMeanwhile",
  "rollbackNotEarlierLive",
  "editConflict",
  "draftContended",
  "publishWhileBuilding",
  "approveWhileBuilding",
  "goLiveFailed",
  "buildConcurrent",
  "buildFailed",
  "buildNotStarted",
  "buildAbandoned",
  "liveMoved",
  "rejectedInReview",
  "versionStale",
  "supersededUnreviewed",
  "seedLost",
  "alreadyPending",
  "withdrawNotAuthor",
  "withdrawnByAuthor",
  "seeded",
  "rolledBack",
  "inboxTaught",
  "inboxReferred",
  "inboxDismissed",
  "inboxConfirmed",
  "inboxUncovered",
  "referralSentencesAdded",
  "rollbackDraftRebased",
  "rollbackDraftNotRebased",
  "outOfScopeEdited",
] as const satisfies readonly FindingCode[];

export type FindingCode = keyof FindingParams;

/** A finding as rules record it and issues carry it. */
export type Finding = { [K in FindingCode]: { code: K; params: FindingParams[K] } }[FindingCode];

export interface Told {
  message: string;
  fix: string;
}

/** A finding with its English text: what content:check prints, or an error's message. */
export type Said = Told & { finding: Finding };

/** A finding with its English text, as content:check prints it. */
export function finding<K extends FindingCode>(code: K, params: FindingParams[K]): Said {
  const said = { code, params } as Finding;
  return { ...tell(said, "en"), finding: said };
}

/** The finding told in `lang`. */
export function tell(said: Finding, lang: FindingLang): Told {
  const teller = TELLERS[lang][said.code] as (params: FindingParams[FindingCode]) => Told;
  return teller(said.params);
}

/**
 * A finding the client kept (code and params, from a refusal), told in `lang`; undefined for
 * a code this build does not know or params its teller cannot tell. Params are the client's:
 * only that person reads what comes of them, as text.
 */
export function tellKept(code: string, params: unknown, lang: FindingLang): Told | undefined {
  if (!Object.hasOwn(TELLERS.en, code) || typeof params !== "object" || params === null) {
    return undefined;
  }
  try {
    return tell({ code, params } as Finding, lang);
  } catch {
    return undefined;
  }
}

/** zod's own message for an issue in each language (its locales ignore custom messages). */
export function zodTexts(issue: z.core.$ZodIssue, english: string): Texts {
  const told = (map: z.core.$ZodErrorMap): string => {
    const out = map(issue as unknown as z.core.$ZodRawIssue);
    return typeof out === "string" ? out : (out?.message ?? english);
  };
  return { en: english, fi: told(zodFi().localeError), sv: told(zodSv().localeError) };
}

// ---- English --------------------------------------------------------------------------------

/** `fi.utterances[4]` from ["fi", "utterances", 3]: the field as messages name it, from 1. */
function fieldEn(path: FieldPath): string {
  let out = "";
  for (const p of path) {
    out += typeof p === "number" ? `[${p + 1}]` : out ? `.${p}` : p;
  }
  return out || "file";
}

function placeEn(at: Place): string {
  return at.line === undefined ? at.file : `${at.file} line ${at.line}`;
}

/** A page of the studio where part of a finding's fix is made, away from where it is shown. */
export type FindingPage = "out-of-scope" | "uncovered";

/**
 * Where else a finding is fixed: a sentence shared between a topic (or group) and the
 * out-of-scope lists may have to go from the lists, and a topic's sentence or test message
 * that is an uncovered question may have to go from the uncovered questions; the studio edits
 * each on a page of its own.
 */
export function findingPage(said: Finding): FindingPage | undefined {
  if (said.code === "heldOutTrained" || said.code === "heldOutRepeated") {
    return said.params.uncovered ? "uncovered" : undefined;
  }
  if (said.code !== "sentenceShared") return undefined;
  const { owner, other } = said.params as FindingParams["sentenceShared"];
  return taughtOf(owner, other) ? "out-of-scope" : undefined;
}

/**
 * The topic or referral of a sentence shared with the out-of-scope lists, if it is: the fix
 * then says where each removal is made, since the lists are edited (and saved) on their own.
 */
function taughtOf(
  owner: SentenceOwner,
  other: SentenceOwner,
): Extract<SentenceOwner, { id: string }> | undefined {
  if (owner.kind === "out-of-scope" && other.kind !== "out-of-scope") return other;
  if (other.kind === "out-of-scope" && owner.kind !== "out-of-scope") return owner;
  return undefined;
}

function ownerEn(owner: SentenceOwner): string {
  return owner.kind === "out-of-scope"
    ? `out-of-scope (${owner.lang})`
    : `${owner.kind} ${owner.id} (${owner.lang})`;
}

const LANG_EN: Record<Lang, string> = { fi: "Finnish", sv: "Swedish" };

const questionsEn = (n: number) => `${n} question${n === 1 ? "" : "s"}`;

const pctEn = (n: number) => `${(n * 100).toFixed(1)} %`;

/** Which general advice fits a field's value, by what the field is (every language's). */
type Advice = "shorten" | "address" | "id" | "followUp" | "intent" | "general";

function adviceFor(field: FieldPath, tooBig = false): Advice {
  const last = field.at(-1);
  if (tooBig && last !== "id" && last !== "intent" && field[0] !== "followUps") return "shorten";
  if (field.includes("url")) return "address";
  if (last === "id") return "id";
  if (field[0] === "followUps") return "followUp";
  if (last === "intent") return "intent";
  return "general";
}

const ADVICE_EN: Record<Advice, string> = {
  shorten: "Shorten the text.",
  address: "Use a full https:// address on an allowed site.",
  id: `Choose an id of ${TOPIC_ID_RULE}, and name the file after it (<id>.yaml).`,
  followUp: "Use the id of an existing topic (its file name without .yaml).",
  intent: 'Use the id of an existing topic, or "none".',
  general: "Correct the value as described in bot-content/README.md.",
};

const valueFixEn = (field: FieldPath, tooBig = false) => ADVICE_EN[adviceFor(field, tooBig)];

const WHOLE_FILE_FIX_EN = "Write the file's content as described in bot-content/README.md.";

type Teller = { [K in FindingCode]: (params: FindingParams[K]) => Told };

const notice = (message: string): Told => ({ message, fix: "" });

const enNotices: Pick<Teller, (typeof NOTICE_CODES)[number]> = {
  noLiveVersion: () => notice("No content version is live yet."),
  versionMissing: ({ version }) => notice(`Version ${version} does not exist.`),
  versionNoContent: ({ version }) => notice(`Version ${version} has no content.`),
  topicNotInDraft: ({ id }) => notice(`Topic "${id}" is not in the draft.`),
  inProgressNotNew: ({ id }) =>
    notice(
      `inProgress: "${id}" is a topic of the live version; only a topic the live version does not have can be saved unfinished, an edit of a live topic must pass the rules.`,
    ),
  inProgressTooLarge: ({ bytes, max }) =>
    notice(`body: an unfinished topic is at most ${max} bytes; this one is ${bytes}.`),
  referralNotInDraft: ({ id }) => notice(`Referral group "${id}" is not in the draft.`),
  questionsGone: () => notice("None of these questions is in the inbox (any more)."),
  nothingToPublish: () => notice("The draft is the same as the live version; nothing to publish."),
  selfApproval: () => notice("You published this version, so another reviewer must approve it."),
  ownChangesApproval: () =>
    notice("Some of this version's changes are yours, so another reviewer must approve it."),
  wrongState: ({ version, state, action }) =>
    notice(
      action === "go-live"
        ? `Version ${version} is ${state}; only a version being built can go live.`
        : `Version ${version} is ${state}; only a version pending review can be ${action === "approve" ? "approved" : action === "withdraw" ? "withdrawn" : "rejected"}.`,
    ),
  decidedMeanwhile: ({ version }) =>
    notice(`Version ${version} was decided by someone else meanwhile.`),
  rollbackNotEarlierLive: ({ version, state }) =>
    notice(
      state === "live"
        ? `Version ${version} is the live version already; there is nothing to roll back.`
        : `Version ${version} was never live (it is ${state}); only a version that was live before can be rolled back to.`,
    ),
  editConflict: ({ kind, id, by }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `${by ?? "Someone"} changed the ${kind === "uncovered" ? "uncovered questions" : "out-of-scope examples"} after you opened them, so your change was not saved. Open them again to see theirs, or save yours over them.`
        : `${by ?? "Someone"} changed ${kind === "topic" ? "topic" : "referral group"} "${id}" after you opened it, so your change was not saved. Open it again to see theirs, or save yours over it.`,
    ),
  draftContended: ({ kind, id }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `The ${kind === "uncovered" ? "uncovered questions" : "out-of-scope examples"} kept changing while this was saved; nothing was saved. Try again.`
        : `${kind === "topic" ? "Topic" : "Referral group"} "${id}" kept changing while this was saved; nothing was saved. Try again.`,
    ),
  publishWhileBuilding: ({ building }) =>
    notice(`Version ${building} is being built; publish again once it is live or has failed.`),
  approveWhileBuilding: ({ building, version }) =>
    notice(
      `Version ${building} is being built; approve version ${version} once that one is live or has failed.`,
    ),
  goLiveFailed: ({ version, reason }) =>
    notice(
      `Version ${version} could not be made live; the live version did not change: ${tell(reason, "en").message}`,
    ),
  buildConcurrent: ({ other }) =>
    notice(
      `Version ${other} was being built at the same time. Publish this one again once that one is done.`,
    ),
  buildFailed: ({ detail }) => notice(detail),
  buildNotStarted: ({ detail }) => notice(`Its build could not be started: ${detail}`),
  buildAbandoned: ({ minutes }) =>
    notice(
      `Its build did not finish within ${minutes} minutes; the live version did not change. Publish it again.`,
    ),
  liveMoved: () => notice("The live version changed meanwhile. Publish again."),
  rejectedInReview: () => notice("rejected in review"),
  versionStale: ({ version, basedOn, live }) =>
    notice(
      basedOn === undefined
        ? `Version ${version} is older than the live version ${live}: approving it would undo the changes made since. Publish the draft again and review the new version.`
        : `Version ${version} was published when version ${basedOn} was live, but version ${live} is live now: approving it would undo the changes of version ${live}. Publish the draft again and review the new version.`,
    ),
  supersededUnreviewed: ({ live }) =>
    notice(
      `Version ${live} went live before this version was approved; approving this one would have undone its changes. Publish the draft again.`,
    ),
  seedLost: ({ live }) =>
    notice(
      `Another task of the service seeded version ${live} at the same moment; this copy of bot-content/ was never live.`,
    ),
  alreadyPending: ({ version }) =>
    notice(
      `Version ${version}, waiting for review, already has exactly this content: there is nothing new to publish.`,
    ),
  withdrawNotAuthor: ({ version }) =>
    notice(`Only the author of version ${version} can withdraw it; a reviewer can reject it.`),
  withdrawnByAuthor: () => notice("Withdrawn by its author."),
  seeded: ({ from }) =>
    notice(
      from === "repository"
        ? "bot-content/ from the repository"
        : from === "image"
          ? "bot-content/ from the image"
          : "bot-content/ shipped with the deployment",
    ),
  rolledBack: ({ version, reason }) =>
    notice(reason ? `Rollback to version ${version}: ${reason}` : `Rollback to version ${version}`),
  inboxTaught: ({ count, into }) =>
    notice(
      `${questionsEn(count)} from the inbox to the ${into === "training" ? "training sentences" : "test split"}`,
    ),
  inboxReferred: ({ count, referral }) => notice(`${questionsEn(count)} referred to ${referral}`),
  inboxDismissed: ({ count }) => notice(`${questionsEn(count)} dismissed`),
  inboxConfirmed: ({ count }) => notice(`${questionsEn(count)} answered right (answer review)`),
  inboxUncovered: ({ count, matter, elsewhere }) =>
    notice(
      [
        count || !elsewhere
          ? `${questionsEn(count)} kept as uncovered questions (matter ${matter})`
          : "",
        ...(elsewhere ?? []).map(
          (e) => `${questionsEn(e.count)} already kept under matter ${e.matter}`,
        ),
      ]
        .filter(Boolean)
        .join("; "),
    ),
  referralSentencesAdded: ({ count, lang }) => notice(`added ${count} ${lang} sentence(s)`),
  rollbackDraftRebased: ({ version, kept }) =>
    notice(
      kept === 0
        ? `The draft took the content of version ${version}; it had no unpublished changes.`
        : `The draft took the content of version ${version} where it had no changes of its own; ${kept} unpublished change${kept === 1 ? " was" : "s were"} kept.`,
    ),
  rollbackDraftNotRebased: ({ version, detail }) =>
    notice(
      `The draft could not be updated to the content of version ${version} in full (${detail}); what it still has of the version live before shows as changes to discard.`,
    ),
  outOfScopeEdited: ({ added, removed }) =>
    notice(`added: fi ${added.fi}, sv ${added.sv}; removed: fi ${removed.fi}, sv ${removed.sv}`),
};

const en: Teller = {
  ...enNotices,
  missing: ({ field }) => {
    const last = field.at(-1);
    return {
      // Nothing at all where a file's content should be: the file is empty.
      message: last === undefined ? "file is empty" : `${fieldEn(field)} is missing`,
      fix:
        last === "fi" || last === "sv"
          ? `Add the ${last === "fi" ? "Finnish" : "Swedish"} section (${last}:) with title, utterances and answer; every topic needs both languages.`
          : last === undefined
            ? WHOLE_FILE_FIX_EN
            : `Add the field "${String(last)}".`,
    };
  },
  colonSplit: ({ field, text }) => ({
    message: `${fieldEn(field)} "${text}" was read as a field because of the colon`,
    fix: `Put the sentence in quotes: "${text}".`,
  }),
  wrongType: ({ field, expected }) =>
    // An empty YAML file reads as nothing at all, not as a file with no fields.
    field.length === 0 && expected === "object"
      ? { message: "file is empty or is not a set of fields", fix: WHOLE_FILE_FIX_EN }
      : { message: `${fieldEn(field)} should be ${expected}`, fix: valueFixEn(field) },
  tooFewUtterances: ({ field, has, min }) => ({
    message: `${fieldEn(field)} has ${has} training sentences; at least ${min} are needed`,
    fix: "Add more ways a customer might ask this, one per line starting with '- '.",
  }),
  tooFewSentences: ({ field, has, min }) => ({
    message: `${fieldEn(field)} has ${has} sentences; at least ${min} are needed`,
    fix: "Add more ways a customer might write this, one per line starting with '- '.",
  }),
  answerTooLong: ({ field, length, max, referral }) => ({
    message: `${fieldEn(field)} is ${length} characters; the limit is ${max}`,
    fix: referral
      ? "Shorten the answer: say where to go in a sentence or two; the link carries the rest."
      : "Shorten the answer; move details behind a link to vero.fi.",
  }),
  titleTooLong: ({ field, length, max }) => ({
    message: `${fieldEn(field)} is ${length} characters; the limit is ${max}`,
    fix: "Shorten the text.",
  }),
  textTooLong: ({ field, en }) => ({
    message: `${fieldEn(field)}: ${en}`,
    fix: valueFixEn(field, true),
  }),
  empty: ({ field, en }) => ({
    message: `${fieldEn(field)}: ${en}`,
    fix: valueFixEn(field),
  }),
  unknownFields: ({ field, keys }) => ({
    message: `${field.length === 0 ? "the file" : fieldEn(field)} has unknown field(s): ${keys.join(", ")}`,
    fix: "Check the spelling; allowed fields are listed in bot-content/README.md.",
  }),
  notAnAddress: ({ field, url }) => ({
    message: `${fieldEn(field)}: "${url}" is not a valid web address`,
    fix: valueFixEn(field),
  }),
  notHttps: ({ field, protocol }) => ({
    message: `${fieldEn(field)}: link must start with https:// (got ${protocol}//)`,
    fix: valueFixEn(field),
  }),
  hostNotAllowed: ({ field, host, allowed }) => ({
    message: `${fieldEn(field)}: link host ${host} is not allowed; use one of ${allowed.join(", ")}`,
    fix: valueFixEn(field),
  }),
  reservedId: ({ field, ids }) => ({
    message: `${fieldEn(field)}: the ids ${ids.join(" and ")} are reserved`,
    fix: valueFixEn(field),
  }),
  notADate: ({ field, value }) => ({
    message: `${fieldEn(field)}: "${value}" is not a date written YYYY-MM-DD`,
    fix: `Write a date that exists as year-month-day, YYYY-MM-DD, for example ${DATE_EXAMPLE}.`,
  }),
  badId: ({ field, en }) => ({ message: `${fieldEn(field)}: ${en}`, fix: valueFixEn(field) }),
  schema: ({ field, texts, tooBig }) => ({
    message: `${fieldEn(field)}: ${texts.en}`,
    fix: valueFixEn(field, tooBig),
  }),
  draftTestsShape: ({ field, texts }) => ({
    message: `${fieldEn(field)}: ${texts.en}`,
    fix: "Send the test messages as tests: { fi: [...], sv: [...] }, one message per item.",
  }),
  systemTopicMissing: ({ id, file }) => ({
    message: `topic "${id}" is missing: the bot's own dialogue relies on it (a system topic)`,
    fix: `Create ${file} in Finnish and Swedish (copy another topic as a template); system topics cannot be retired.`,
  }),
  notPersonalised: ({ field, id, personalised }) => ({
    message: `${fieldEn(field)}: topic "${id}" has no personalised answer`,
    fix: `Remove the personal section; only ${personalised.join(", ")} can be personalised.`,
  }),
  unknownVariant: ({ field, id, variants }) => ({
    message: `${fieldEn(field)} is not a known variant for ${id}`,
    fix: `Use ${variants.join(" / ")}.`,
  }),
  unknownPlaceholder: ({ field, name, placeholders }) => ({
    message: `${fieldEn(field)} uses unknown placeholder {${name}}`,
    fix:
      placeholders.length > 0
        ? `Use only ${placeholders.map((p) => `{${p}}`).join(", ")}.`
        : "This text cannot contain placeholders; write it without {}.",
  }),
  curlyBraces: ({ field }) => ({
    message: `${fieldEn(field)} contains { or }`,
    fix: "Remove the curly braces; they are reserved for slots in Amazon Lex.",
  }),
  followUpSelf: ({ id }) => ({
    message: `followUps lists the topic itself (${id})`,
    fix: "Remove it; a follow-up must lead somewhere else.",
  }),
  followUpInProgress: ({ id }) => ({
    message: `topic "${id}" is still in progress; finish it or remove the follow-up`,
    fix: `Finish ${id} (save it once it passes the rules), or remove it from followUps.`,
  }),
  followUpUnknown: ({ id, guess }) => ({
    message: `follow-up "${id}" is not a topic${guess ? `; did you mean ${guess}?` : ""}`,
    fix: guess
      ? `Change it to ${guess}, or remove it from followUps.`
      : "Use the id of an existing topic (its file name without .yaml), or remove it from followUps.",
  }),
  sentenceTwice: ({ text, owner, line }) => ({
    message: `"${text}" appears twice in ${ownerEn(owner)}${line === undefined ? "" : ` (also line ${line})`}`,
    fix: "Delete one of the copies.",
  }),
  sentenceShared: ({ text, owner, other, at }) => {
    const taught = taughtOf(owner, other);
    return {
      message: `"${text}" appears in both ${ownerEn(owner)} and ${ownerEn(other)} (${placeEn(at)})`,
      fix: taught
        ? `A sentence is either taught or out of scope, not both: if ${taught.kind} ${taught.id} should answer it, delete it from out-of-scope.yaml (a change of its own); otherwise delete or reword it in ${taught.kind} ${taught.id}.`
        : "A sentence can teach only one topic or referral; keep it where it belongs and delete or reword the other.",
    };
  },
  nearDuplicate: ({ field, text, near, own, other, at }) => ({
    message: `${fieldEn(field)} "${text}" is closer to "${near}" of topic ${other} (${placeEn(at)}) than to any sentence of ${own}`,
    fix: `Reword it so that it says what makes ${own} different from ${other}, or move it to ${other} if it belongs there.`,
  }),
  otherLanguage: ({ field, text, lang, looks }) => ({
    message: `${fieldEn(field)} "${text}" looks ${LANG_EN[looks]} but is under ${lang}`,
    fix: `Move it to ${fieldEn([looks, ...field.slice(1, -1)])} if it is ${LANG_EN[looks]}, or write it in ${LANG_EN[lang]}: the bot learns each language from its own sentences.`,
  }),
  answersDisagree: ({ field, onlyFi, onlySv }) => ({
    message: `${fieldEn(field)} and ${fieldEn(["fi", ...field.slice(1)])} do not have the same figures:${onlyFi.length ? ` only Finnish has ${onlyFi.join(", ")}` : ""}${onlyFi.length && onlySv.length ? ";" : ""}${onlySv.length ? ` only Swedish has ${onlySv.join(", ")}` : ""}`,
    fix: "Make both languages say the same: one of them is likely out of date.",
  }),
  reviewDateMissing: ({ id, figures }) => ({
    message: `topic ${id} gives amounts or rates (${figures.join(", ")}) but has no review date`,
    fix: "Add reviewBy: YYYY-MM-DD, the day by which someone checks the figures are still right (rates and amounts change at the turn of the year).",
  }),
  reviewOverdue: ({ id, reviewBy }) => ({
    message: `topic ${id} was due for review on ${reviewBy}`,
    fix: "Check the answer is still right in both languages (tax rates, amounts, deadlines), then set reviewBy to the next review date.",
  }),
  intentUnknown: ({ intent, guess }) => ({
    message: `intent "${intent}" is not a topic${guess ? `; did you mean ${guess}?` : ""}`,
    fix: guess
      ? `Change it to ${guess}, or to "none" for a message the bot must not answer.`
      : 'Use the id of an existing topic, or "none" for a message the bot must not answer.',
  }),
  heldOutTrained: ({ text, owner, at, uncovered }) =>
    uncovered
      ? {
          message: `uncovered question "${text}" is also a training sentence (${placeEn(at)})`,
          fix:
            owner.kind === "out-of-scope"
              ? "An out-of-scope example teaches the same sentence, so the question measures nothing: remove either the question from the uncovered questions or the example from out-of-scope.yaml (in the studio, each a save of its own)."
              : "If that topic covers the question now, remove it from the uncovered questions (a save of its own in the studio); otherwise reword the training sentence.",
        }
      : {
          message: `held-out message "${text}" is also a training sentence (${placeEn(at)})`,
          fix: "Reword the held-out message the way another customer would write it; keep the training sentence.",
        },
  heldOutRepeated: ({ text, at, uncovered }) =>
    uncovered
      ? {
          message: `uncovered question "${text}" is also a held-out message (${placeEn(at)})`,
          fix: "Keep it in one place: if a topic covers it now, remove it from the uncovered questions (a save of its own in the studio); otherwise from the test or dev messages.",
        }
      : {
          message: `held-out message "${text}" is repeated (${placeEn(at)})`,
          fix: "Keep one copy: a message belongs to one split, once.",
        },
  uncoveredTwice: ({ text, at }) => ({
    message: `uncovered question "${text}" is listed twice (${placeEn(at)})`,
    fix: "Keep one copy: a question counts once in the share answered.",
  }),
  matterNotAnId: ({ field, value }) => ({
    message:
      value === ""
        ? `${fieldEn(field)} must not be empty: every question names the matter it is about`
        : `${fieldEn(field)} "${value}" must be a matter id such as dog-tax`,
    fix: "Use a short id of lower-case letters, digits and hyphens, such as dog-tax; questions of one matter share it.",
  }),
  tooFewTests: ({ id, has, min, file }) => ({
    message: `topic ${id} has ${has} test message${has === 1 ? "" : "s"} in ${file}; at least ${min} are needed for its score to mean something`,
    fix: `Add ${min - has} more, written fresh the way a customer would ask (never copied from the training sentences).`,
  }),
  lexQuota: ({ lang, used, max, what, over }) => ({
    message: `${lang}: ${used} ${what === "intents" ? "intents" : "characters of training sentences"} is ${Math.round((used / max) * 100)} % of the Amazon Lex limit (${max})`,
    fix: over
      ? "The bot cannot be deployed like this: merge topics or remove near-identical sentences."
      : "Plan ahead with the developers: merge topics or trim near-identical sentences.",
  }),
  fileNameMismatch: ({ name, id, expected }) => ({
    message: `file name "${name}" does not match id "${id}"`,
    fix: `Rename the file to ${id}.yaml, or change the id to "${expected}".`,
  }),
  idTwice: ({ kind, id, otherFile }) => ({
    message: `${kind} id "${id}" is used twice (also ${otherFile})`,
    fix:
      kind === "topic"
        ? "Give each topic its own id, or merge the two topics."
        : "Give each referral group its own id, or merge the two groups.",
  }),
  stillFollowUp: ({ other, id }) => ({
    message: `topic "${other}" still offers "${id}" as a follow-up`,
    fix: `Remove "${id}" from ${other}'s follow-ups before publishing.`,
  }),
  systemTopicRetire: ({ id }) => ({
    message: `"${id}" is a system topic: the service relies on it`,
    fix: "Edit its answer instead; system topics cannot be retired.",
  }),
  idMismatch: ({ named, id, folder }) => ({
    message: `id "${named}" does not match the ${folder === "topics" ? "topic" : "referral group"} in the address ("${id}")`,
    fix: `Send it to /api/content/draft/${folder}/${named}, or set id to "${id}".`,
  }),
  teachOtherSplit: ({ text, into }) => {
    const other = into === "training" ? "held-out tests" : "training sentences";
    return {
      message: `"${text}" is already in the ${other}; the training and test splits never share a sentence`,
      fix: `Teach it to the ${into === "training" ? "tests" : "training"} split instead, or leave it out.`,
    };
  },
  gateNoTests: ({ lang }) => ({
    message: `${lang}: there are no test messages`,
    fix: GATE_FIX_EN,
  }),
  gateAccuracy: ({ lang, share, min }) => ({
    message: `${lang}: ${pctEn(share)} of test messages answered right; at least ${pctEn(min)} is needed`,
    fix: GATE_FIX_EN,
  }),
  gateNoneRecall: ({ lang, share, min }) => ({
    message: `${lang}: ${pctEn(share)} of out-of-scope test messages recognised as such; at least ${pctEn(min)} is needed`,
    fix: GATE_FIX_EN,
  }),
  gateTopicRecall: ({ lang, topic, share, min, support }) => ({
    message: `${lang}: topic ${topic} answered ${pctEn(share)} of its ${support} test messages; at least ${pctEn(min)} is needed`,
    fix: `Add training sentences to ${topic} like the test messages it missed, or tell apart the topic it lost them to (Test all shows which), then publish again.`,
  }),
  gateUncovered: ({ lang, share, max, answered, cases, topics }) => ({
    message: `${lang}: ${answered} of ${cases} tax questions no topic covers (${pctEn(share)}) would be answered with a topic's text (${topics.join(", ")}); at most ${pctEn(max)} may be: customers would get a confident wrong answer instead of being pointed onwards`,
    fix: UNCOVERED_FIX_EN,
  }),
};

/** A date as the examples in messages write it. */
const DATE_EXAMPLE = "2027-01-31";

const UNCOVERED_FIX_EN =
  "Test all lists the questions and the topic each would get: add training sentences that tell those topics apart from such questions, or add questions of that kind to the out-of-scope examples, then publish again.";

const GATE_FIX_EN =
  "Add training sentences that tell the confused topics apart (Test all shows which), then publish again.";

// ---- Finnish and Swedish: the studio's words ---------------------------------------------------

/**
 * How one of the studio's languages names languages, sentence owners and numbers. Fields are
 * not named in these messages: the studio shows each problem at its field, under its label.
 */
interface StudioWords {
  langName: Record<Lang, string>;
  owner: (owner: SentenceOwner) => string;
  percent: (n: number) => string;
}

const percentIn = (locale: string) => (n: number) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(n);

const fiWords: StudioWords = {
  langName: { fi: "suomi", sv: "ruotsi" },
  owner: (o) =>
    o.kind === "topic"
      ? `aihe ${o.id} (${fiWords.langName[o.lang]})`
      : o.kind === "referral"
        ? `ohjausryhmä ${o.id} (${fiWords.langName[o.lang]})`
        : `aiheiden ulkopuoliset lauseet (${fiWords.langName[o.lang]})`,
  percent: percentIn("fi-FI"),
};

const svWords: StudioWords = {
  langName: { fi: "finska", sv: "svenska" },
  owner: (o) =>
    o.kind === "topic"
      ? `ämnet ${o.id} (${svWords.langName[o.lang]})`
      : o.kind === "referral"
        ? `hänvisningsgruppen ${o.id} (${svWords.langName[o.lang]})`
        : `meningarna utanför ämnena (${svWords.langName[o.lang]})`,
  percent: percentIn("sv-FI"),
};

const isLang = (s: unknown): s is Lang => s === "fi" || s === "sv";

const ADVICE_FI: Record<Advice, string> = {
  shorten: "Lyhennä tekstiä.",
  address:
    "Anna koko https://-osoite sallitulle julkishallinnon sivustolle, esimerkiksi https://www.vero.fi/.",
  id: `Valitse tunniste, jossa on vain pieniä kirjaimia a–z ja numeroita, sanat yhdysmerkillä, enintään ${TOPIC_ID_MAX_LENGTH} merkkiä (esimerkiksi capital-gains).`,
  followUp: "Valitse jatkoaiheeksi olemassa oleva aihe.",
  intent: "Anna olemassa olevan aiheen tunniste tai none.",
  general: "Korjaa kentän sisältö.",
};

const fiFieldFix = (field: FieldPath, tooBig = false) => ADVICE_FI[adviceFor(field, tooBig)];

const ADVICE_SV: Record<Advice, string> = {
  shorten: "Korta av texten.",
  address:
    "Ange hela https://-adressen till en godkänd offentlig webbplats, till exempel https://www.vero.fi/.",
  id: `Välj ett id med endast små bokstäver a–z och siffror, ord sammanbundna med bindestreck, högst ${TOPIC_ID_MAX_LENGTH} tecken (till exempel capital-gains).`,
  followUp: "Välj ett befintligt ämne som följdämne.",
  intent: "Ange id:t för ett befintligt ämne eller none.",
  general: "Rätta fältets innehåll.",
};

const svFieldFix = (field: FieldPath, tooBig = false) => ADVICE_SV[adviceFor(field, tooBig)];

const q = (text: string) => `”${text}”`;
/**
 * 2026-11-30 → 30.11.2026, as Finnish writes a date; Swedish keeps 2026-11-30, as the studio
 * (sv-SE) writes its dates.
 */
const dayAsWrittenInFinland = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return `${Number(day)}.${Number(month)}.${year}`;
};
/** A sentence or test message (an item of a list of texts), not a field of its own. */
const isRow = (field: FieldPath) => typeof field.at(-1) === "number";
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const FI_STATES: Record<VersionStateName, string> = {
  "pending-review": "odottaa tarkastusta",
  building: "otetaan käyttöön",
  live: "käytössä",
  superseded: "korvattu",
  rejected: "hylätty",
  failed: "epäonnistui",
};

const fiNotices: Pick<Teller, (typeof NOTICE_CODES)[number]> = {
  noLiveVersion: () => notice("Mikään sisältöversio ei ole vielä käytössä."),
  versionMissing: ({ version }) => notice(`Versiota ${version} ei ole.`),
  versionNoContent: ({ version }) => notice(`Versiolla ${version} ei ole sisältöä.`),
  topicNotInDraft: ({ id }) => notice(`Aihetta ${id} ei ole luonnoksessa.`),
  inProgressNotNew: ({ id }) =>
    notice(
      `Aihe ${id} on julkaistussa versiossa: vain uuden aiheen voi tallentaa keskeneräisenä. Julkaistun aiheen muutoksen on täytettävä säännöt.`,
    ),
  inProgressTooLarge: ({ bytes, max }) =>
    notice(`Keskeneräinen aihe saa olla enintään ${max} tavua; tämä on ${bytes}.`),
  referralNotInDraft: ({ id }) => notice(`Ohjausryhmää ${id} ei ole luonnoksessa.`),
  questionsGone: () =>
    notice("Yksikään näistä kysymyksistä ei ole (enää) vastaamattomien kysymysten joukossa."),
  nothingToPublish: () => notice("Luonnos on sama kuin julkaistu versio: julkaistavaa ei ole."),
  selfApproval: () =>
    notice("Julkaisit tämän version itse, joten toisen tarkastajan pitää hyväksyä se."),
  ownChangesApproval: () =>
    notice("Osa tämän version muutoksista on sinun, joten toisen tarkastajan pitää hyväksyä se."),
  wrongState: ({ version, state, action }) =>
    notice(
      action === "go-live"
        ? `Versio ${version} on tilassa ”${FI_STATES[state]}”; käyttöön voi ottaa vain version, joka on tilassa ”${FI_STATES.building}”.`
        : action === "withdraw"
          ? `Versio ${version} on tilassa ”${FI_STATES[state]}”; vain tarkastusta odottavan version julkaisun voi perua.`
          : `Versio ${version} on tilassa ”${FI_STATES[state]}”; vain tarkastusta odottavan version voi ${action === "approve" ? "hyväksyä" : "hylätä"}.`,
    ),
  decidedMeanwhile: ({ version }) =>
    notice(`Joku muu ehti jo hyväksyä tai hylätä version ${version}.`),
  rollbackNotEarlierLive: ({ version, state }) =>
    notice(
      state === "live"
        ? `Versio ${version} on jo käytössä; palautettavaa ei ole.`
        : `Versio ${version} ei ole koskaan ollut käytössä (se on tilassa ”${FI_STATES[state]}”); palauttaa voi vain versioon, joka on ollut aiemmin käytössä.`,
    ),
  editConflict: ({ kind, id, by }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `${by ?? "Joku muu"} muutti ${kind === "uncovered" ? "kysymyksiä, joihin mikään aihe ei vastaa," : "aiheen ulkopuolisia viestejä"} sen jälkeen, kun avasit ne, joten muutostasi ei tallennettu. Avaa ne uudelleen nähdäksesi muutoksen tai tallenna omasi niiden päälle.`
        : `${by ?? "Joku muu"} muutti ${kind === "topic" ? "aihetta" : "ohjausryhmää"} ${id} sen jälkeen, kun avasit sen, joten muutostasi ei tallennettu. Avaa se uudelleen nähdäksesi muutoksen tai tallenna omasi sen päälle.`,
    ),
  draftContended: ({ kind, id }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `${kind === "uncovered" ? "Kysymykset, joihin mikään aihe ei vastaa," : "Aiheen ulkopuoliset viestit"} muuttuivat tallennuksen aikana useaan kertaan, eikä mitään tallennettu. Yritä uudelleen.`
        : `${kind === "topic" ? "Aihe" : "Ohjausryhmä"} ${id} muuttui tallennuksen aikana useaan kertaan, eikä mitään tallennettu. Yritä uudelleen.`,
    ),
  publishWhileBuilding: ({ building }) =>
    notice(
      `Versiota ${building} otetaan parhaillaan käyttöön. Julkaise uudelleen, kun se on käytössä tai sen käyttöönotto on epäonnistunut.`,
    ),
  approveWhileBuilding: ({ building, version }) =>
    notice(
      `Versiota ${building} otetaan parhaillaan käyttöön. Hyväksy versio ${version} vasta, kun versio ${building} on käytössä tai sen käyttöönotto on epäonnistunut.`,
    ),
  goLiveFailed: ({ version, reason }) =>
    notice(
      `Versiota ${version} ei voitu ottaa käyttöön, joten käytössä oleva versio ei muuttunut. ${tell(reason, "fi").message}`,
    ),
  buildConcurrent: ({ other }) =>
    notice(
      `Versiota ${other} otettiin samaan aikaan käyttöön. Julkaise tämä versio uudelleen, kun versio ${other} on valmis.`,
    ),
  buildFailed: ({ detail }) => notice(`Käyttöönotto epäonnistui (${detail}).`),
  buildNotStarted: ({ detail }) => notice(`Käyttöönottoa ei voitu aloittaa (${detail}).`),
  buildAbandoned: ({ minutes }) =>
    notice(
      `Käyttöönotto ei valmistunut ${minutes} minuutissa, joten käytössä oleva versio ei muuttunut. Julkaise tämä versio uudelleen.`,
    ),
  liveMoved: () => notice("Toinen versio otettiin käyttöön sillä välin. Julkaise uudelleen."),
  rejectedInReview: () => notice("hylätty tarkastuksessa"),
  versionStale: ({ version, basedOn, live }) =>
    notice(
      basedOn === undefined
        ? `Versio ${version} on vanhempi kuin käytössä oleva versio ${live}, joten sen hyväksyminen kumoaisi sen jälkeen tehdyt muutokset. Julkaise luonnos uudelleen ja tarkasta uusi versio.`
        : `Versio ${version} julkaistiin, kun käytössä oli versio ${basedOn}, mutta nyt käytössä on versio ${live}: sen hyväksyminen kumoaisi version ${live} muutokset. Julkaise luonnos uudelleen ja tarkasta uusi versio.`,
    ),
  supersededUnreviewed: ({ live }) =>
    notice(
      `Versio ${live} otettiin käyttöön ennen kuin tämä versio hyväksyttiin, ja tämän hyväksyminen olisi kumonnut sen muutokset. Julkaise luonnos uudelleen.`,
    ),
  seedLost: ({ live }) =>
    notice(
      `Palvelun toinen tehtävä loi version ${live} samalla hetkellä; tämä bot-content/-kopio ei ollut koskaan käytössä.`,
    ),
  alreadyPending: ({ version }) =>
    notice(
      `Tarkastusta odottavassa versiossa ${version} on jo täsmälleen tämä sisältö: uutta julkaistavaa ei ole.`,
    ),
  withdrawNotAuthor: ({ version }) =>
    notice(`Vain version ${version} tekijä voi perua sen julkaisun; tarkastaja voi hylätä sen.`),
  withdrawnByAuthor: () => notice("Tekijä perui julkaisun."),
  seeded: ({ from }) =>
    notice(
      from === "repository"
        ? "Sisältö lähdekoodin bot-content/-kansiosta."
        : from === "image"
          ? "Sisältö palvelun konttikuvan bot-content/-kansiosta."
          : "Sisältö asennuksen mukana tulleesta bot-content/-kansiosta.",
    ),
  rolledBack: ({ version, reason }) =>
    notice(`Version ${version} sisällön palautus.${reason ? ` Syy: ${reason}` : ""}`),
  inboxTaught: ({ count, into }) =>
    notice(
      count === 1
        ? `Lisätty 1 vastaamaton kysymys ${into === "training" ? "opetuslauseeksi" : "testiviestiksi"}.`
        : `Lisätty ${count} vastaamatonta kysymystä ${into === "training" ? "opetuslauseiksi" : "testiviesteiksi"}.`,
    ),
  inboxReferred: ({ count, referral }) =>
    notice(
      `Merkitty ${unansweredFi(count)} toisen viranomaisen asiaksi (ohjausryhmä ${referral}).`,
    ),
  inboxDismissed: ({ count }) => notice(`Hylätty ${unansweredFi(count)}.`),
  inboxConfirmed: ({ count }) =>
    notice(`Pistokokeessa todettu oikeaksi ${count === 1 ? "1 vastaus" : `${count} vastausta`}.`),
  inboxUncovered: ({ count, matter, elsewhere }) =>
    notice(
      [
        count || !elsewhere
          ? `Lisätty ${unansweredFi(count)} kysymyksiin, joihin mikään aihe ei vastaa (asia ${matter}).`
          : "",
        ...(elsewhere ?? []).map(
          (e) =>
            `${e.count === 1 ? "1 kysymys oli" : `${e.count} kysymystä oli`} jo kysymyksissä, joihin mikään aihe ei vastaa (asia ${e.matter}).`,
        ),
      ]
        .filter(Boolean)
        .join(" "),
    ),
  referralSentencesAdded: ({ count, lang }) =>
    notice(
      count === 1
        ? `Lisätty 1 ${lang === "fi" ? "suomenkielinen" : "ruotsinkielinen"} lause.`
        : `Lisätty ${count} ${lang === "fi" ? "suomenkielistä" : "ruotsinkielistä"} lausetta.`,
    ),
  rollbackDraftRebased: ({ version, kept }) =>
    notice(
      kept === 0
        ? `Luonnos päivitettiin version ${version} sisältöön; julkaisemattomia muutoksia ei ollut.`
        : `Luonnos päivitettiin version ${version} sisältöön niiltä osin kuin siinä ei ollut omia muutoksia; ${kept === 1 ? "1 julkaisematon muutos säilyi" : `${kept} julkaisematonta muutosta säilyi`}.`,
    ),
  rollbackDraftNotRebased: ({ version, detail }) =>
    notice(
      `Luonnosta ei voitu päivittää kokonaan version ${version} sisältöön (${detail}); siihen jääneet aiemman version kohdat näkyvät muutoksina, jotka voi perua.`,
    ),
  outOfScopeEdited: ({ added, removed }) =>
    notice(
      `Lisätty: suomeksi ${added.fi}, ruotsiksi ${added.sv}. Poistettu: suomeksi ${removed.fi}, ruotsiksi ${removed.sv}.`,
    ),
};

function unansweredFi(n: number): string {
  return n === 1 ? "1 vastaamaton kysymys" : `${n} vastaamatonta kysymystä`;
}

const fi: Teller = {
  ...fiNotices,
  missing: ({ field }) => {
    const last = field.at(-1);
    return isLang(last)
      ? {
          message: `${last === "fi" ? "Suomenkielinen" : "Ruotsinkielinen"} osio puuttuu.`,
          fix: `Lisää ${last === "fi" ? "suomenkielinen" : "ruotsinkielinen"} osio: otsikko, opetuslauseet ja vastaus. Jokainen aihe tarvitsee molemmat kielet.`,
        }
      : field.length === 0
        ? {
            message: "Sisältö puuttuu.",
            fix: "Kirjoita sisältö.",
          }
        : { message: "Kenttä puuttuu.", fix: "Täytä kenttä." };
  },
  colonSplit: ({ text }) => ({
    message: `${q(text)} luettiin kentäksi kaksoispisteen takia.`,
    fix: `Laita lause lainausmerkkeihin: "${text}".`,
  }),
  wrongType: ({ field, expected }) => ({
    message: `Arvon pitää olla ${EXPECTED_FI[expected] ?? expected}.`,
    fix: fiFieldFix(field),
  }),
  tooFewUtterances: ({ has, min }) => ({
    message: `Opetuslauseita on ${has}; tarvitaan vähintään ${min}.`,
    fix: "Lisää tapoja, joilla asiakas voisi kysyä tästä, yksi lause riville.",
  }),
  tooFewSentences: ({ has, min }) => ({
    message: `Lauseita on ${has}; tarvitaan vähintään ${min}.`,
    fix: "Lisää tapoja, joilla asiakas voisi kirjoittaa tästä, yksi lause riville.",
  }),
  answerTooLong: ({ length, max, referral }) => ({
    message: `Vastauksessa on ${length} merkkiä; enintään ${max} on sallittu.`,
    fix: referral
      ? "Lyhennä vastausta: kerro lauseella tai kahdella, minne asiakas voi kääntyä; linkki kertoo loput."
      : "Lyhennä vastausta ja jätä yksityiskohdat vero.fi-sivulle, johon linkki vie.",
  }),
  titleTooLong: ({ length, max }) => ({
    message: `Otsikossa on ${length} merkkiä; enintään ${max} on sallittu.`,
    fix: "Lyhennä tekstiä.",
  }),
  textTooLong: ({ length, max }) => ({
    message: `Tekstissä on ${length} merkkiä; enintään ${max} on sallittu.`,
    fix: "Lyhennä tekstiä.",
  }),
  empty: ({ field }) => ({
    message: isRow(field) ? "Rivi on tyhjä." : "Kenttä on tyhjä.",
    fix: isRow(field) ? "Kirjoita tekstiä tai poista tyhjä rivi." : "Kirjoita kenttään tekstiä.",
  }),
  unknownFields: ({ keys }) => ({
    message: `Tuntemattomia kenttiä: ${keys.join(", ")}.`,
    fix: "Poista tuntemattomat kentät tai korjaa niiden nimet.",
  }),
  notAnAddress: ({ field, url }) =>
    url.trim() === ""
      ? { message: "Osoite puuttuu.", fix: "Anna linkin osoite." }
      : { message: `${q(url)} ei ole kelvollinen verkko-osoite.`, fix: fiFieldFix(field) },
  notHttps: ({ field, protocol }) => ({
    message: `Osoitteen alussa pitää olla https:// (nyt ${protocol}//).`,
    fix: fiFieldFix(field),
  }),
  hostNotAllowed: ({ field, host, allowed }) => ({
    message: `Sivusto ${host} ei ole sallittujen joukossa. Sallitut: ${allowed.join(", ")}.`,
    fix: fiFieldFix(field),
  }),
  reservedId: ({ field, ids }) => ({
    message: `Tunnisteet ${ids.join(" ja ")} on varattu.`,
    fix: fiFieldFix(field),
  }),
  notADate: ({ value }) => ({
    message: value.trim() === "" ? "Päivämäärä puuttuu." : `${q(value)} ei ole päivämäärä.`,
    fix: `Valitse päivämäärä tai kirjoita se muodossa vvvv-kk-pp, esimerkiksi ${DATE_EXAMPLE}.`,
  }),
  badId: ({ field }) => ({
    message: "Tunniste ei ole sallitun muotoinen.",
    fix: fiFieldFix(field),
  }),
  schema: ({ field, texts, tooBig }) => ({
    message: texts.fi,
    fix: fiFieldFix(field, tooBig),
  }),
  draftTestsShape: ({ texts }) => ({
    message: texts.fi,
    fix: "Testiviestien pitää olla tekstiä, yksi viesti riville.",
  }),
  systemTopicMissing: ({ id }) => ({
    message: `Aihe ${id} puuttuu: botin oma keskustelu tarvitsee sitä (järjestelmäaihe).`,
    fix: `Luo aihe ${id} suomeksi ja ruotsiksi (mallina voi käyttää toista aihetta). Järjestelmäaiheita ei voi poistaa käytöstä.`,
  }),
  notPersonalised: ({ id, personalised }) => ({
    message: `Aiheella ${id} ei voi olla henkilökohtaisia vastauksia.`,
    fix: `Henkilökohtaisia vastauksia voi olla vain näillä aiheilla: ${personalised.join(", ")}. Pyydä kehittäjiä poistamaan ne tästä aiheesta.`,
  }),
  unknownVariant: ({ field, id, variants }) => ({
    message: `Aiheella ${id} ei ole vaihtoehtoa ${q(String(field.at(-1)))}.`,
    fix: `Käytä jotakin näistä: ${variants.join(" / ")}.`,
  }),
  unknownPlaceholder: ({ name, placeholders }) => ({
    message: `Tuntematon paikkamerkki {${name}}.`,
    fix:
      placeholders.length > 0
        ? `Käytä vain näitä: ${placeholders.map((p) => `{${p}}`).join(", ")}.`
        : "Tässä tekstissä ei voi olla paikkamerkkejä; kirjoita se ilman aaltosulkeita {}.",
  }),
  curlyBraces: () => ({
    message: "Lauseessa on aaltosulje { tai }.",
    fix: "Poista aaltosulkeet: Amazon Lex varaa ne omaan käyttöönsä.",
  }),
  followUpSelf: ({ id }) => ({
    message: `Aihe ${id} on merkitty omaksi jatkoaiheekseen.`,
    fix: "Poista se: jatkoaiheen pitää viedä toiseen aiheeseen.",
  }),
  followUpInProgress: ({ id }) => ({
    message: `Aihe ${id} on vielä kesken.`,
    fix: `Viimeistele aihe ${id} (tallenna se, kun se täyttää säännöt) tai poista jatkoaihe.`,
  }),
  followUpUnknown: ({ id, guess }) => ({
    message: `Aihetta ${id} ei ole.${guess ? ` Tarkoititko aihetta ${guess}?` : ""}`,
    fix: guess
      ? `Vaihda tilalle ${guess} tai poista jatkoaihe.`
      : "Valitse olemassa oleva aihe tai poista jatkoaihe.",
  }),
  sentenceTwice: ({ text, owner }) => ({
    message: `${q(text)} on kahdesti: ${fiWords.owner(owner)}.`,
    fix: "Poista toinen kopioista.",
  }),
  sentenceShared: ({ text, owner, other }) => {
    const taught = taughtOf(owner, other);
    const [whose, from] =
      taught?.kind === "referral"
        ? [`ohjausryhmän ${taught.id}`, `ohjausryhmästä ${taught.id}`]
        : [`aiheen ${taught?.id}`, `aiheesta ${taught?.id}`];
    return {
      message: `${q(text)} on kahdessa paikassa: ${fiWords.owner(owner)} ja ${fiWords.owner(other)}.`,
      fix: taught
        ? `Lause voi olla joko opetettu tai aiheen ulkopuolinen, ei molempia. Jos ${whose} kuuluu vastata siihen, poista se sivulla Aiheen ulkopuoliset (poisto tallennetaan siellä erikseen); muuten poista se ${from} tai muotoile se uudelleen.`
        : "Sama lause voi kuulua vain yhteen aiheeseen tai ohjausryhmään. Pidä se siellä, minne se kuuluu, ja poista toinen tai muotoile se uudelleen.",
    };
  },
  nearDuplicate: ({ text, near, own: ownId, other: otherId, titles }) => {
    const own = titles?.own.fi || ownId;
    const other = titles?.other.fi || otherId;
    return {
      message: `${q(text)} on lähempänä aiheen ${other} lausetta ${q(near)} kuin yhtäkään aiheen ${own} lausetta.`,
      fix: `Muotoile lause niin, että siitä näkyy, mikä erottaa aiheen ${own} aiheesta ${other}, tai siirrä se aiheeseen ${other}, jos se kuuluu sinne.`,
    };
  },
  otherLanguage: ({ text, lang, looks }) => {
    const [lookName, isName] =
      looks === "sv" ? ["ruotsinkieliseltä", "ruotsia"] : ["suomenkieliseltä", "suomea"];
    const [among, into] =
      lang === "fi"
        ? ["suomenkielisten", "ruotsinkielisiin"]
        : ["ruotsinkielisten", "suomenkielisiin"];
    return {
      message: `${q(text)} näyttää ${lookName}, mutta se on ${among} lauseiden joukossa.`,
      fix: `Siirrä se ${into} lauseisiin, jos se on ${isName}, tai kirjoita se ${lang === "fi" ? "suomeksi" : "ruotsiksi"}: botti oppii kummankin kielen sen omista lauseista.`,
    };
  },
  answersDisagree: ({ onlyFi, onlySv }) => ({
    message: `Vastauksen suomen- ja ruotsinkielisessä tekstissä on eri luvut:${onlyFi.length ? ` vain suomeksi ${onlyFi.join(", ")}` : ""}${onlyFi.length && onlySv.length ? ";" : ""}${onlySv.length ? ` vain ruotsiksi ${onlySv.join(", ")}` : ""}.`,
    fix: "Korjaa kielet sanomaan samaa: toinen niistä on luultavasti vanhentunut.",
  }),
  reviewDateMissing: ({ id, figures }) => ({
    message: `Aiheen ${id} vastaus kertoo määriä tai prosentteja (${figures.join(", ")}), mutta aiheella ei ole tarkistuspäivää.`,
    fix: "Anna tarkistuspäivä (vvvv-kk-pp), johon mennessä joku tarkistaa luvut: prosentit ja euromäärät muuttuvat yleensä vuodenvaihteessa.",
  }),
  reviewOverdue: ({ id, reviewBy }) => ({
    message: `Aiheen ${id} vastaus piti tarkistaa viimeistään ${dayAsWrittenInFinland(reviewBy)}.`,
    fix: "Tarkista, että vastaus pitää yhä paikkansa molemmilla kielillä (veroprosentit, euromäärät, määräajat), ja anna sitten seuraava tarkistuspäivä.",
  }),
  intentUnknown: ({ intent, guess }) => ({
    message: `Aihetta ${intent} ei ole.${guess ? ` Tarkoititko aihetta ${guess}?` : ""}`,
    fix: guess
      ? `Vaihda tilalle ${guess} tai none, jos botti ei saa vastata viestiin.`
      : "Anna olemassa olevan aiheen tunniste tai none, jos botti ei saa vastata viestiin.",
  }),
  heldOutTrained: ({ text, owner, uncovered }) =>
    uncovered
      ? {
          message: `Kysymys ${q(text)} on kysymyksissä, joihin mikään aihe ei vastaa, ja myös opetuslause: ${fiWords.owner(owner)}.`,
          fix:
            owner.kind === "out-of-scope"
              ? "Aiheen ulkopuolinen esimerkki opettaa botille saman lauseen, joten kysymys ei mittaa mitään: poista joko kysymys sivulla Kysymykset ilman aihetta tai esimerkki sivulla Aiheen ulkopuoliset (kumpikin tallennetaan erikseen)."
              : "Jos aihe nyt kattaa kysymyksen, poista se sivulla Kysymykset ilman aihetta (poisto tallennetaan siellä erikseen); muuten muotoile opetuslause toisin.",
        }
      : {
          message: `Testiviesti ${q(text)} on myös opetuslause: ${fiWords.owner(owner)}.`,
          fix: "Kirjoita testiviesti uudelleen niin kuin toinen asiakas sen kirjoittaisi; pidä opetuslause ennallaan.",
        },
  heldOutRepeated: ({ text, uncovered }) =>
    uncovered
      ? {
          message: `Kysymys ${q(text)} on kysymyksissä, joihin mikään aihe ei vastaa, ja myös testi- tai kehitysjoukossa.`,
          fix: "Pidä se vain yhdessä paikassa: jos aihe nyt kattaa kysymyksen, poista se sivulla Kysymykset ilman aihetta (poisto tallennetaan siellä erikseen); muuten poista se testiviesteistä.",
        }
      : {
          message: `Testiviesti ${q(text)} on jo testi- tai kehitysjoukossa.`,
          fix: "Jätä viestistä vain yksi kopio: sama viesti saa olla vain yhdessä joukossa ja vain kerran.",
        },
  uncoveredTwice: ({ text }) => ({
    message: `Kysymys ${q(text)} on listalla kahdesti.`,
    fix: "Jätä kysymyksestä vain yksi kopio: kukin kysymys lasketaan osuuteen vain kerran.",
  }),
  matterNotAnId: ({ value }) =>
    value === ""
      ? {
          message: "Kysymykseltä puuttuu asia.",
          fix: "Kirjoita riville ensin asia ja kaksoispiste, esimerkiksi dog-tax: paljonko koiravero on?",
        }
      : {
          message: `Asia ${q(value)} ei kelpaa tunnisteeksi.`,
          fix: "Käytä lyhyttä tunnistetta pienin kirjaimin, numeroin ja väliviivoin, esimerkiksi dog-tax.",
        },
  tooFewTests: ({ id, lang, has, min }) => ({
    message: `Aiheella ${id} on ${has} ${has === 1 ? "testiviesti" : "testiviestiä"} (${fiWords.langName[lang]}); tarvitaan vähintään ${min}, jotta aiheen tulos kertoisi jotain.`,
    fix: `Lisää ${min - has === 1 ? "yksi uusi viesti" : `${min - has} uutta viestiä`} niin kuin asiakas kysyisi (älä kopioi opetuslauseita).`,
  }),
  lexQuota: ({ lang, used, max, what, over }) => ({
    message:
      what === "intents"
        ? `${cap(fiWords.langName[lang])}: aiheita ja ohjausryhmiä on yhteensä ${used}, mikä on ${Math.round((used / max) * 100)} % Amazon Lexin rajasta (${max}).`
        : `${cap(fiWords.langName[lang])}: opetuslauseissa on yhteensä ${used} merkkiä, mikä on ${Math.round((used / max) * 100)} % Amazon Lexin rajasta (${max}).`,
    fix: over
      ? "Bottia ei voi ottaa käyttöön näin: yhdistä aiheita tai poista lähes samanlaisia lauseita."
      : "Suunnittele jatko kehittäjien kanssa: yhdistä aiheita tai karsi lähes samanlaisia lauseita.",
  }),
  fileNameMismatch: ({ name, id }) => ({
    message: `Tiedoston nimi ${q(name)} ei vastaa tunnistetta ${q(id)}.`,
    fix: `Nimeä tiedosto ${id}.yaml tai vaihda tunniste.`,
  }),
  idTwice: ({ kind, id }) => ({
    message: `${kind === "topic" ? "Tunniste" : "Tunnus"} ${id} on käytössä kahdesti.`,
    fix:
      kind === "topic"
        ? "Anna jokaiselle aiheelle oma tunniste tai yhdistä aiheet."
        : "Anna jokaiselle ohjausryhmälle oma tunniste tai yhdistä ryhmät.",
  }),
  stillFollowUp: ({ other, id }) => ({
    message: `Aihe ${other} tarjoaa yhä aihetta ${id} jatkoaiheena.`,
    fix: `Poista ${id} aiheen ${other} jatkoaiheista ennen julkaisua.`,
  }),
  systemTopicRetire: ({ id }) => ({
    message: `Aihe ${id} on järjestelmäaihe: palvelu tarvitsee sitä.`,
    fix: "Muokkaa sen vastausta; järjestelmäaiheita ei voi poistaa käytöstä.",
  }),
  idMismatch: ({ named, id }) => ({
    message: `Tunniste ${q(named)} ei vastaa osoitteen tunnistetta ${q(id)}.`,
    fix: `Käytä tunnistetta ${id} tai tallenna tunnisteella ${named}.`,
  }),
  teachOtherSplit: ({ text, into }) => ({
    message: `${q(text)} on jo ${into === "training" ? "testiviesteissä" : "opetuslauseissa"}. Sama lause ei voi olla sekä opetuslause että testiviesti.`,
    fix: `Valitse ${into === "training" ? "”Testiviesteiksi”" : "”Opetuslauseiksi”"} tai jätä kysymys opettamatta.`,
  }),
  gateNoTests: ({ lang }) => ({
    message: `${cap(fiWords.langName[lang])}: testiviestejä ei ole.`,
    fix: GATE_FIX_FI,
  }),
  gateAccuracy: ({ lang, share, min }) => ({
    message: `${cap(fiWords.langName[lang])}: testiviesteistä ${fiWords.percent(share)} sai oikean vastauksen; tarvitaan vähintään ${fiWords.percent(min)}.`,
    fix: GATE_FIX_FI,
  }),
  gateNoneRecall: ({ lang, share, min }) => ({
    message: `${cap(fiWords.langName[lang])}: aiheiden ulkopuolisista testiviesteistä ${fiWords.percent(share)} tunnistettiin sellaisiksi; tarvitaan vähintään ${fiWords.percent(min)}.`,
    fix: GATE_FIX_FI,
  }),
  gateTopicRecall: ({ lang, topic, share, min, support }) => ({
    message: `${cap(fiWords.langName[lang])}: aihe ${topic} vastasi oikein ${fiWords.percent(share)} omista testiviesteistään (${support}); tarvitaan vähintään ${fiWords.percent(min)}.`,
    fix: `Lisää aiheeseen ${topic} opetuslauseita, jotka muistuttavat sen ohittamia testiviestejä, tai erota se aiheesta, joka vei ne (Testaa kaikki näyttää, mikä), ja julkaise uudelleen.`,
  }),
  gateUncovered: ({ lang, share, max, answered, cases, topics }) => ({
    message: `${cap(fiWords.langName[lang])}: verokysymyksistä, joihin mikään aihe ei vastaa, ${answered}/${cases} (${fiWords.percent(share)}) saisi vastaukseksi aiheen tekstin (${topics.join(", ")}); enintään ${fiWords.percent(max)} sallitaan. Asiakas saisi varman mutta väärän vastauksen, kun hänet pitäisi ohjata muualle.`,
    fix: UNCOVERED_FIX_FI,
  }),
};

const UNCOVERED_FIX_FI =
  "Testaa kaikki näyttää kysymykset ja aiheen, jonka vastauksen kukin saisi. Lisää noihin aiheisiin opetuslauseita, jotka erottavat ne tällaisista kysymyksistä, tai lisää samanlaisia kysymyksiä aiheen ulkopuolisiin viesteihin, ja julkaise uudelleen.";

const GATE_FIX_FI =
  "Lisää opetuslauseita, jotka erottavat sekoittuvat aiheet toisistaan (Testaa kaikki näyttää, mitkä), ja julkaise uudelleen.";

const EXPECTED_FI: Record<string, string> = {
  string: "tekstiä",
  array: "luettelo",
  object: "kenttäryhmä",
  boolean: "kyllä tai ei",
  number: "luku",
};

const SV_STATES: Record<VersionStateName, string> = {
  "pending-review": "väntar på granskning",
  building: "tas i bruk",
  live: "i bruk",
  superseded: "ersatt",
  rejected: "avvisad",
  failed: "misslyckades",
};

const svNotices: Pick<Teller, (typeof NOTICE_CODES)[number]> = {
  noLiveVersion: () => notice("Ingen innehållsversion är i bruk ännu."),
  versionMissing: ({ version }) => notice(`Version ${version} finns inte.`),
  versionNoContent: ({ version }) => notice(`Version ${version} har inget innehåll.`),
  topicNotInDraft: ({ id }) => notice(`Ämnet ${id} finns inte i utkastet.`),
  inProgressNotNew: ({ id }) =>
    notice(
      `Ämnet ${id} finns i den publicerade versionen: bara ett nytt ämne kan sparas som påbörjat. En ändring av ett publicerat ämne måste följa reglerna.`,
    ),
  inProgressTooLarge: ({ bytes, max }) =>
    notice(`Ett påbörjat ämne får vara högst ${max} byte; det här är ${bytes}.`),
  referralNotInDraft: ({ id }) => notice(`Hänvisningsgruppen ${id} finns inte i utkastet.`),
  questionsGone: () =>
    notice("Ingen av de här frågorna finns (längre) bland de obesvarade frågorna."),
  nothingToPublish: () =>
    notice("Utkastet är detsamma som den publicerade versionen: inget att publicera."),
  selfApproval: () =>
    notice("Du publicerade den här versionen själv, så en annan granskare måste godkänna den."),
  ownChangesApproval: () =>
    notice(
      "En del av ändringarna i den här versionen är dina, så en annan granskare måste godkänna den.",
    ),
  wrongState: ({ version, state, action }) =>
    notice(
      action === "go-live"
        ? `Version ${version} har status ”${SV_STATES[state]}”; bara för en version med status ”${SV_STATES.building}” kan ibruktagningen slutföras.`
        : `Version ${version} har status ”${SV_STATES[state]}”; bara en version som väntar på granskning kan ${action === "approve" ? "godkännas" : action === "withdraw" ? "återkallas" : "avvisas"}.`,
    ),
  decidedMeanwhile: ({ version }) =>
    notice(`Någon annan hann redan godkänna eller avvisa version ${version}.`),
  rollbackNotEarlierLive: ({ version, state }) =>
    notice(
      state === "live"
        ? `Version ${version} är redan i bruk; det finns inget att återställa.`
        : `Version ${version} har aldrig varit i bruk (den har status ”${SV_STATES[state]}”); bara en version som tidigare har varit i bruk kan återställas.`,
    ),
  editConflict: ({ kind, id, by }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `${by ?? "Någon annan"} ändrade ${kind === "uncovered" ? "frågorna som inget ämne svarar på" : "meddelandena utanför ämnena"} efter att du öppnade dem, så dina ändringar sparades inte. Öppna dem igen för att se ändringen, eller spara dina över dem.`
        : kind === "topic"
          ? `${by ?? "Någon annan"} ändrade ämnet ${id} efter att du öppnade det, så dina ändringar sparades inte. Öppna det igen för att se ändringen, eller spara dina över det.`
          : `${by ?? "Någon annan"} ändrade hänvisningsgruppen ${id} efter att du öppnade den, så dina ändringar sparades inte. Öppna den igen för att se ändringen, eller spara dina över den.`,
    ),
  draftContended: ({ kind, id }) =>
    notice(
      kind === "out-of-scope" || kind === "uncovered"
        ? `${kind === "uncovered" ? "Frågorna som inget ämne svarar på" : "Meddelandena utanför ämnena"} ändrades flera gånger medan de sparades, och inget sparades. Försök igen.`
        : `${kind === "topic" ? "Ämnet" : "Hänvisningsgruppen"} ${id} ändrades flera gånger medan ${kind === "topic" ? "det" : "den"} sparades, och inget sparades. Försök igen.`,
    ),
  publishWhileBuilding: ({ building }) =>
    notice(
      `Version ${building} håller på att tas i bruk. Publicera igen när den är i bruk eller ibruktagningen har misslyckats.`,
    ),
  approveWhileBuilding: ({ building, version }) =>
    notice(
      `Version ${building} håller på att tas i bruk. Godkänn version ${version} först när version ${building} är i bruk eller dess ibruktagning har misslyckats.`,
    ),
  goLiveFailed: ({ version, reason }) =>
    notice(
      `Version ${version} kunde inte tas i bruk, så versionen i bruk ändrades inte. ${tell(reason, "sv").message}`,
    ),
  buildConcurrent: ({ other }) =>
    notice(
      `Version ${other} höll samtidigt på att tas i bruk. Publicera den här versionen igen när version ${other} är klar.`,
    ),
  buildFailed: ({ detail }) => notice(`Ibruktagningen misslyckades (${detail}).`),
  buildNotStarted: ({ detail }) => notice(`Ibruktagningen kunde inte påbörjas (${detail}).`),
  buildAbandoned: ({ minutes }) =>
    notice(
      `Ibruktagningen blev inte klar inom ${minutes} minuter, så versionen i bruk ändrades inte. Publicera den här versionen igen.`,
    ),
  liveMoved: () => notice("En annan version togs i bruk under tiden. Publicera igen."),
  rejectedInReview: () => notice("avvisad vid granskningen"),
  versionStale: ({ version, basedOn, live }) =>
    notice(
      basedOn === undefined
        ? `Version ${version} är äldre än version ${live} som är i bruk, så att godkänna den skulle ångra ändringarna som gjorts sedan dess. Publicera utkastet igen och granska den nya versionen.`
        : `Version ${version} publicerades när version ${basedOn} var i bruk, men nu är version ${live} i bruk: att godkänna den skulle ångra ändringarna i version ${live}. Publicera utkastet igen och granska den nya versionen.`,
    ),
  supersededUnreviewed: ({ live }) =>
    notice(
      `Version ${live} togs i bruk innan den här versionen godkändes, och att godkänna den här skulle ha ångrat dess ändringar. Publicera utkastet igen.`,
    ),
  seedLost: ({ live }) =>
    notice(
      `En annan uppgift i tjänsten skapade version ${live} i samma stund; den här kopian av bot-content/ var aldrig i bruk.`,
    ),
  alreadyPending: ({ version }) =>
    notice(
      `Version ${version}, som väntar på granskning, har redan exakt det här innehållet: det finns inget nytt att publicera.`,
    ),
  withdrawNotAuthor: ({ version }) =>
    notice(
      `Bara den som skapade version ${version} kan återkalla den; en granskare kan avvisa den.`,
    ),
  withdrawnByAuthor: () => notice("Skaparen återkallade publiceringen."),
  seeded: ({ from }) =>
    notice(
      from === "repository"
        ? "Innehåll från mappen bot-content/ i källkoden."
        : from === "image"
          ? "Innehåll från mappen bot-content/ i tjänstens containeravbildning."
          : "Innehåll från mappen bot-content/ som följde med installationen.",
    ),
  rolledBack: ({ version, reason }) =>
    notice(`Återställning av innehållet i version ${version}.${reason ? ` Orsak: ${reason}` : ""}`),
  // "Done: what", one pattern for every count: "Tillagd som träningsmening: 1 obesvarad fråga."
  inboxTaught: ({ count, into }) =>
    notice(
      count === 1
        ? `Tillagd som ${into === "training" ? "träningsmening" : "testmeddelande"}: ${unansweredSv(count)}.`
        : `Tillagda som ${into === "training" ? "träningsmeningar" : "testmeddelanden"}: ${unansweredSv(count)}.`,
    ),
  inboxReferred: ({ count, referral }) =>
    notice(
      `${count === 1 ? "Markerad" : "Markerade"} som en annan myndighets ärende (hänvisningsgrupp ${referral}): ${unansweredSv(count)}.`,
    ),
  inboxDismissed: ({ count }) =>
    notice(`${count === 1 ? "Avvisad" : "Avvisade"}: ${unansweredSv(count)}.`),
  inboxConfirmed: ({ count }) =>
    notice(`Rätt enligt stickprovet: ${count === 1 ? "1 svar" : `${count} svar`}.`),
  inboxUncovered: ({ count, matter, elsewhere }) =>
    notice(
      [
        count || !elsewhere
          ? `${count === 1 ? "Tillagd" : "Tillagda"} bland frågorna som inget ämne svarar på (ärende ${matter}): ${unansweredSv(count)}.`
          : "",
        ...(elsewhere ?? []).map(
          (e) =>
            `${e.count === 1 ? "1 fråga fanns" : `${e.count} frågor fanns`} redan bland frågorna som inget ämne svarar på (ärende ${e.matter}).`,
        ),
      ]
        .filter(Boolean)
        .join(" "),
    ),
  referralSentencesAdded: ({ count, lang }) =>
    notice(
      count === 1
        ? `Tillagd: 1 ${lang === "fi" ? "finskspråkig" : "svenskspråkig"} mening.`
        : `Tillagda: ${count} ${lang === "fi" ? "finskspråkiga" : "svenskspråkiga"} meningar.`,
    ),
  rollbackDraftRebased: ({ version, kept }) =>
    notice(
      kept === 0
        ? `Utkastet uppdaterades till innehållet i version ${version}; det fanns inga opublicerade ändringar.`
        : `Utkastet uppdaterades till innehållet i version ${version} där det inte hade egna ändringar; ${kept === 1 ? "1 opublicerad ändring behölls" : `${kept} opublicerade ändringar behölls`}.`,
    ),
  rollbackDraftNotRebased: ({ version, detail }) =>
    notice(
      `Utkastet kunde inte helt uppdateras till innehållet i version ${version} (${detail}); det som finns kvar av den tidigare versionen visas som ändringar som kan ångras.`,
    ),
  outOfScopeEdited: ({ added, removed }) =>
    notice(
      `Tillagda: ${added.fi} på finska, ${added.sv} på svenska. Borttagna: ${removed.fi} på finska, ${removed.sv} på svenska.`,
    ),
};

function unansweredSv(n: number): string {
  return n === 1 ? "1 obesvarad fråga" : `${n} obesvarade frågor`;
}

const sv: Teller = {
  ...svNotices,
  missing: ({ field }) => {
    const last = field.at(-1);
    return isLang(last)
      ? {
          message: `Den ${last === "fi" ? "finska" : "svenska"} delen saknas.`,
          fix: `Lägg till den ${last === "fi" ? "finska" : "svenska"} delen: rubrik, träningsmeningar och svar. Varje ämne behöver båda språken.`,
        }
      : field.length === 0
        ? {
            message: "Innehållet saknas.",
            fix: "Skriv innehållet.",
          }
        : { message: "Fältet saknas.", fix: "Fyll i fältet." };
  },
  colonSplit: ({ text }) => ({
    message: `${q(text)} lästes som ett fält på grund av kolonet.`,
    fix: `Sätt meningen inom citattecken: "${text}".`,
  }),
  wrongType: ({ field, expected }) => ({
    message: `Värdet ska vara ${EXPECTED_SV[expected] ?? expected}.`,
    fix: svFieldFix(field),
  }),
  tooFewUtterances: ({ has, min }) => ({
    message: `Det finns ${has} träningsmeningar; minst ${min} behövs.`,
    fix: "Lägg till fler sätt som en kund kan fråga om det här, en mening per rad.",
  }),
  tooFewSentences: ({ has, min }) => ({
    message: `Det finns ${has} meningar; minst ${min} behövs.`,
    fix: "Lägg till fler sätt som en kund kan skriva om det här, en mening per rad.",
  }),
  answerTooLong: ({ length, max, referral }) => ({
    message: `Svaret har ${length} tecken; högst ${max} är tillåtna.`,
    fix: referral
      ? "Korta av svaret: säg med en eller två meningar vart kunden ska vända sig; länken berättar resten."
      : "Korta av svaret och flytta detaljerna bakom en länk till vero.fi.",
  }),
  titleTooLong: ({ length, max }) => ({
    message: `Rubriken har ${length} tecken; högst ${max} är tillåtna.`,
    fix: "Korta av texten.",
  }),
  textTooLong: ({ length, max }) => ({
    message: `Texten har ${length} tecken; högst ${max} är tillåtna.`,
    fix: "Korta av texten.",
  }),
  empty: ({ field }) => ({
    message: isRow(field) ? "Raden är tom." : "Fältet är tomt.",
    fix: isRow(field) ? "Skriv text eller ta bort den tomma raden." : "Skriv text i fältet.",
  }),
  unknownFields: ({ keys }) => ({
    message: `Okända fält: ${keys.join(", ")}.`,
    fix: "Ta bort de okända fälten eller rätta deras namn.",
  }),
  notAnAddress: ({ field, url }) =>
    url.trim() === ""
      ? { message: "Adressen saknas.", fix: "Fyll i länkens adress." }
      : { message: `${q(url)} är ingen giltig webbadress.`, fix: svFieldFix(field) },
  notHttps: ({ field, protocol }) => ({
    message: `Adressen ska börja med https:// (nu ${protocol}//).`,
    fix: svFieldFix(field),
  }),
  hostNotAllowed: ({ field, host, allowed }) => ({
    message: `Webbplatsen ${host} är inte godkänd. Godkända: ${allowed.join(", ")}.`,
    fix: svFieldFix(field),
  }),
  reservedId: ({ field, ids }) => ({
    message: `Id:na ${ids.join(" och ")} är reserverade.`,
    fix: svFieldFix(field),
  }),
  notADate: ({ value }) => ({
    message: value.trim() === "" ? "Datumet saknas." : `${q(value)} är inget datum.`,
    fix: `Välj ett datum eller skriv det i formatet åååå-mm-dd, till exempel ${DATE_EXAMPLE}.`,
  }),
  badId: ({ field }) => ({
    message: "Id:t har inte rätt form.",
    fix: svFieldFix(field),
  }),
  schema: ({ field, texts, tooBig }) => ({
    message: texts.sv,
    fix: svFieldFix(field, tooBig),
  }),
  draftTestsShape: ({ texts }) => ({
    message: texts.sv,
    fix: "Testmeddelandena ska vara text, ett meddelande per rad.",
  }),
  systemTopicMissing: ({ id }) => ({
    message: `Ämnet ${id} saknas: botens egen dialog behöver det (ett systemämne).`,
    fix: `Skapa ämnet ${id} på finska och svenska (ett annat ämne kan tjäna som mall). Systemämnen kan inte tas ur bruk.`,
  }),
  notPersonalised: ({ id, personalised }) => ({
    message: `Ämnet ${id} kan inte ha personliga svar.`,
    fix: `Bara de här ämnena kan ha personliga svar: ${personalised.join(", ")}. Be utvecklarna ta bort dem från det här ämnet.`,
  }),
  unknownVariant: ({ field, id, variants }) => ({
    message: `Ämnet ${id} har inget alternativ ${q(String(field.at(-1)))}.`,
    fix: `Använd något av dessa: ${variants.join(" / ")}.`,
  }),
  unknownPlaceholder: ({ name, placeholders }) => ({
    message: `Okänd platshållare {${name}}.`,
    fix:
      placeholders.length > 0
        ? `Använd bara dessa: ${placeholders.map((p) => `{${p}}`).join(", ")}.`
        : "Den här texten kan inte ha platshållare; skriv den utan klammerparenteser {}.",
  }),
  curlyBraces: () => ({
    message: "Meningen innehåller { eller }.",
    fix: "Ta bort klammerparenteserna: Amazon Lex reserverar dem för eget bruk.",
  }),
  followUpSelf: ({ id }) => ({
    message: `Ämnet ${id} är sitt eget följdämne.`,
    fix: "Ta bort det: ett följdämne ska leda till ett annat ämne.",
  }),
  followUpInProgress: ({ id }) => ({
    message: `Ämnet ${id} är fortfarande påbörjat.`,
    fix: `Gör ämnet ${id} färdigt (spara det när det följer reglerna) eller ta bort följdämnet.`,
  }),
  followUpUnknown: ({ id, guess }) => ({
    message: `Ämnet ${id} finns inte.${guess ? ` Menade du ${guess}?` : ""}`,
    fix: guess
      ? `Byt till ${guess} eller ta bort följdämnet.`
      : "Välj ett befintligt ämne eller ta bort följdämnet.",
  }),
  sentenceTwice: ({ text, owner }) => ({
    message: `${q(text)} finns två gånger: ${svWords.owner(owner)}.`,
    fix: "Ta bort den ena kopian.",
  }),
  sentenceShared: ({ text, owner, other }) => {
    const taught = taughtOf(owner, other);
    const whose =
      taught?.kind === "referral" ? `hänvisningsgruppen ${taught.id}` : `ämnet ${taught?.id}`;
    return {
      message: `${q(text)} finns på två ställen: ${svWords.owner(owner)} och ${svWords.owner(other)}.`,
      fix: taught
        ? `En mening kan vara antingen inlärd eller utanför ämnena, inte båda. Om ${whose} ska svara på den, ta bort den på sidan Utanför ämnena (borttagningen sparas där för sig); annars ta bort den ur ${whose} eller formulera om den.`
        : "En mening kan höra till bara ett ämne eller en hänvisningsgrupp. Behåll den där den hör hemma och ta bort eller formulera om den andra.",
    };
  },
  nearDuplicate: ({ text, near, own: ownId, other: otherId, titles }) => {
    const own = titles?.own.sv || ownId;
    const other = titles?.other.sv || otherId;
    return {
      message: `${q(text)} ligger närmare meningen ${q(near)} i ämnet ${other} än någon mening i ämnet ${own}.`,
      fix: `Formulera om meningen så att den visar vad som skiljer ${own} från ${other}, eller flytta den till ${other} om den hör hemma där.`,
    };
  },
  otherLanguage: ({ text, lang, looks }) => ({
    message: `${q(text)} ser ut att vara på ${svWords.langName[looks]} men står bland de ${svWords.langName[lang]} meningarna.`,
    fix: `Flytta den till de ${svWords.langName[looks]} meningarna om den är på ${svWords.langName[looks]}, eller skriv den på ${svWords.langName[lang]}: boten lär sig varje språk av dess egna meningar.`,
  }),
  answersDisagree: ({ onlyFi, onlySv }) => ({
    message: `Svarets finska och svenska text har olika siffror:${onlyFi.length ? ` bara på finska ${onlyFi.join(", ")}` : ""}${onlyFi.length && onlySv.length ? ";" : ""}${onlySv.length ? ` bara på svenska ${onlySv.join(", ")}` : ""}.`,
    fix: "Rätta så att båda språken säger samma sak: det ena är troligen inaktuellt.",
  }),
  reviewDateMissing: ({ id, figures }) => ({
    message: `Svaret i ämnet ${id} anger belopp eller procentsatser (${figures.join(", ")}), men ämnet har inget granskningsdatum.`,
    fix: "Ange ett granskningsdatum (åååå-mm-dd) då någon kontrollerar siffrorna: procentsatser och eurobelopp ändras oftast vid årsskiftet.",
  }),
  reviewOverdue: ({ id, reviewBy }) => ({
    message: `Svaret i ämnet ${id} skulle ha granskats senast ${dayAsWrittenInFinland(reviewBy)}.`,
    fix: "Kontrollera att svaret fortfarande stämmer på båda språken (skattesatser, eurobelopp, tidsfrister) och ange sedan nästa granskningsdatum.",
  }),
  intentUnknown: ({ intent, guess }) => ({
    message: `Ämnet ${intent} finns inte.${guess ? ` Menade du ${guess}?` : ""}`,
    fix: guess
      ? `Byt till ${guess}, eller till none om boten inte ska svara på meddelandet.`
      : "Ange id:t för ett befintligt ämne, eller none om boten inte ska svara på meddelandet.",
  }),
  heldOutTrained: ({ text, owner, uncovered }) =>
    uncovered
      ? {
          message: `Frågan ${q(text)} finns bland frågorna som inget ämne svarar på och är också en träningsmening: ${svWords.owner(owner)}.`,
          fix:
            owner.kind === "out-of-scope"
              ? "Ett exempel utanför ämnena lär boten samma mening, så frågan mäter ingenting: ta bort antingen frågan på sidan Frågor utan ämne eller exemplet på sidan Utanför ämnena (vart och ett sparas för sig)."
              : "Om ämnet nu täcker frågan, ta bort den på sidan Frågor utan ämne (borttagningen sparas där för sig); annars formulera om träningsmeningen.",
        }
      : {
          message: `Testmeddelandet ${q(text)} är också en träningsmening: ${svWords.owner(owner)}.`,
          fix: "Skriv om testmeddelandet så som en annan kund skulle skriva det; behåll träningsmeningen.",
        },
  heldOutRepeated: ({ text, uncovered }) =>
    uncovered
      ? {
          message: `Frågan ${q(text)} finns bland frågorna som inget ämne svarar på och också i test- eller utvecklingsmängden.`,
          fix: "Behåll den på ett ställe: om ett ämne nu täcker frågan, ta bort den på sidan Frågor utan ämne (borttagningen sparas där för sig); annars ta bort den bland testmeddelandena.",
        }
      : {
          message: `Testmeddelandet ${q(text)} finns redan i test- eller utvecklingsmängden.`,
          fix: "Behåll bara en kopia: ett meddelande får finnas i bara en mängd, och bara en gång.",
        },
  uncoveredTwice: ({ text }) => ({
    message: `Frågan ${q(text)} finns två gånger i listan.`,
    fix: "Behåll bara en kopia: varje fråga räknas bara en gång i andelen.",
  }),
  matterNotAnId: ({ value }) =>
    value === ""
      ? {
          message: "Frågan saknar ärende.",
          fix: "Skriv först ärendet och ett kolon på raden, till exempel dog-tax: vad kostar hundskatten?",
        }
      : {
          message: `Ärendet ${q(value)} duger inte som beteckning.`,
          fix: "Använd en kort beteckning med små bokstäver, siffror och bindestreck, till exempel dog-tax.",
        },
  tooFewTests: ({ id, lang, has, min }) => ({
    message: `Ämnet ${id} har ${has} ${has === 1 ? "testmeddelande" : "testmeddelanden"} (${svWords.langName[lang]}). Minst ${min} behövs för att resultatet ska säga något.`,
    fix: `Lägg till ${min - has === 1 ? "ett nytt meddelande" : `${min - has} nya meddelanden`} så som en kund skulle fråga (kopiera inte träningsmeningar).`,
  }),
  lexQuota: ({ lang, used, max, what, over }) => ({
    message:
      what === "intents"
        ? `${cap(svWords.langName[lang])}: ämnen och hänvisningsgrupper är sammanlagt ${used}, ${Math.round((used / max) * 100)} % av gränsen i Amazon Lex (${max}).`
        : `${cap(svWords.langName[lang])}: träningsmeningarna har sammanlagt ${used} tecken, ${Math.round((used / max) * 100)} % av gränsen i Amazon Lex (${max}).`,
    fix: over
      ? "Boten kan inte tas i bruk så här: slå ihop ämnen eller ta bort nästan likadana meningar."
      : "Planera i tid med utvecklarna: slå ihop ämnen eller gallra nästan likadana meningar.",
  }),
  fileNameMismatch: ({ name, id }) => ({
    message: `Filnamnet ${q(name)} motsvarar inte id:t ${q(id)}.`,
    fix: `Döp om filen till ${id}.yaml eller byt id.`,
  }),
  idTwice: ({ kind, id }) => ({
    message: `Id:t ${id} används två gånger.`,
    fix:
      kind === "topic"
        ? "Ge varje ämne ett eget id eller slå ihop ämnena."
        : "Ge varje hänvisningsgrupp ett eget id eller slå ihop grupperna.",
  }),
  stillFollowUp: ({ other, id }) => ({
    message: `Ämnet ${other} erbjuder fortfarande ${id} som följdämne.`,
    fix: `Ta bort ${id} ur följdämnena för ${other} före publiceringen.`,
  }),
  systemTopicRetire: ({ id }) => ({
    message: `Ämnet ${id} är ett systemämne: tjänsten behöver det.`,
    fix: "Redigera dess svar i stället; systemämnen kan inte tas ur bruk.",
  }),
  idMismatch: ({ named, id }) => ({
    message: `Id:t ${q(named)} motsvarar inte id:t i adressen ${q(id)}.`,
    fix: `Använd id:t ${id} eller spara med id:t ${named}.`,
  }),
  teachOtherSplit: ({ text, into }) => ({
    message: `${q(text)} finns redan bland ${into === "training" ? "testmeddelandena" : "träningsmeningarna"}. Samma mening kan inte vara både träningsmening och testmeddelande.`,
    fix: `Välj ${into === "training" ? "”Som testmeddelanden”" : "”Som träningsmeningar”"} eller lär inte in frågan.`,
  }),
  gateNoTests: ({ lang }) => ({
    message: `${cap(svWords.langName[lang])}: det finns inga testmeddelanden.`,
    fix: GATE_FIX_SV,
  }),
  gateAccuracy: ({ lang, share, min }) => ({
    message: `${cap(svWords.langName[lang])}: ${svWords.percent(share)} av testmeddelandena fick rätt svar; minst ${svWords.percent(min)} behövs.`,
    fix: GATE_FIX_SV,
  }),
  gateNoneRecall: ({ lang, share, min }) => ({
    message: `${cap(svWords.langName[lang])}: ${svWords.percent(share)} av testmeddelandena utanför ämnena kändes igen som sådana; minst ${svWords.percent(min)} behövs.`,
    fix: GATE_FIX_SV,
  }),
  gateTopicRecall: ({ lang, topic, share, min, support }) => ({
    message: `${cap(svWords.langName[lang])}: ämnet ${topic} svarade rätt på ${svWords.percent(share)} av sina testmeddelanden (${support}); minst ${svWords.percent(min)} behövs.`,
    fix: `Lägg till träningsmeningar i ${topic} som liknar de testmeddelanden det missade, eller skilj det från ämnet som tog dem (Testa allt visar vilket), och publicera igen.`,
  }),
  gateUncovered: ({ lang, share, max, answered, cases, topics }) => ({
    message: `${cap(svWords.langName[lang])}: av skattefrågorna som inget ämne svarar på skulle ${answered}/${cases} (${svWords.percent(share)}) få ett ämnes text som svar (${topics.join(", ")}); högst ${svWords.percent(max)} tillåts. Kunden skulle få ett säkert men fel svar när hen borde hänvisas vidare.`,
    fix: UNCOVERED_FIX_SV,
  }),
};

const UNCOVERED_FIX_SV =
  "Testa allt visar frågorna och ämnet som vart och ett skulle få svar från. Lägg till träningsmeningar som skiljer de ämnena från sådana frågor, eller lägg till liknande frågor bland meddelandena utanför ämnena, och publicera igen.";

const GATE_FIX_SV =
  "Lägg till träningsmeningar som skiljer de ämnen som blandas ihop (Testa allt visar vilka) och publicera igen.";

const EXPECTED_SV: Record<string, string> = {
  string: "text",
  array: "en lista",
  object: "en grupp av fält",
  boolean: "ja eller nej",
  number: "ett tal",
};

const TELLERS: Record<FindingLang, Teller> = { en, fi, sv };
