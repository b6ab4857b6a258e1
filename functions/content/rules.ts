/**
 * The content rules: one validator for the YAML files (`checkContent`), for a stored content
 * version and for the studio's JSON as it is typed. Pure functions over in-memory data; this
 * module imports neither node:fs nor the YAML parser, so the studio's web app can bundle it.
 */
import type * as z from "zod";
import { LEX_LIMITS, lexLocaleUsage, quotaLevel } from "../adapters/lex/lexLocale.ts";
import {
  type BotContent,
  draftTestsSchema,
  isReviewOverdue,
  MAX_ANSWER_CHARS,
  MAX_TITLE_CHARS,
  MIN_REFERRAL_SENTENCES,
  MIN_UTTERANCES_PER_LANG,
  type OutOfScopeFile,
  outOfScopeFileSchema,
  PERSONAL_PLACEHOLDERS,
  type PersonalTopicId,
  type ReferralGroup,
  referralGroupSchema,
  type TestCase,
  type Topic,
  type TopicFile,
  testCaseSchema,
  topicFileSchema,
  uncoveredCaseSchema,
} from "../contracts/content.ts";
import {
  type FieldPath,
  type Finding,
  finding,
  type Place,
  type SchemaFinding,
  type SentenceOwner,
  type TopicTitles,
  zodTexts,
} from "../contracts/contentFindings.ts";
import { LANGS, type Lang } from "../contracts/lang.ts";
import { isWellFormedTopicId, NO_INTENT, SYSTEM_TOPICS } from "../contracts/topics.ts";
import {
  type ContentBundle,
  contentOf,
  HELD_OUT_SPLITS,
  type HeldOutSplit,
  heldOutKey,
  utteranceKey,
} from "../domain/content/bundle.ts";

export type { TestCase } from "../contracts/content.ts";
export type { ContentBundle } from "../domain/content/bundle.ts";

export interface ContentProblem {
  severity: "error" | "warning";
  /** The content file, relative to the content directory: topics/tax-card.yaml, tests/fi.yaml. */
  file: string;
  /**
   * The field inside that file, indexes counted from 0 as in the JSON: `fi.utterances[3]`,
   * `cases[12].intent`; "" for the file as a whole. Messages count from 1, for people.
   */
  path: string;
  /** 1-based line in the YAML source; 1 where there is no source (the studio's JSON). */
  line: number;
  /** In English, as content:check prints it. */
  message: string;
  fix: string;
  /** What was found, to tell it in another language (contracts/contentFindings.ts). */
  finding?: Finding;
}

export interface ContentCheck {
  problems: ContentProblem[];
  /** Present only when there are no errors. */
  content?: BotContent;
}

export type { FieldPath } from "../contracts/contentFindings.ts";

export interface CheckOptions {
  /** Line of a field in its source file; without it every problem is on line 1. */
  lineOf?: (file: string, path: FieldPath) => number;
  /** The file each of `bundle.topics` was read from (same order); topics/<id>.yaml otherwise. */
  topicFiles?: readonly string[];
  /** The file each of `bundle.referrals` was read from (same order); referrals/<id>.yaml otherwise. */
  referralFiles?: readonly string[];
  /**
   * Files that exist but could not be read (YAML syntax), already reported: rules that would
   * only repeat that problem stay silent (a topic file counts as an existing topic).
   */
  unreadable?: readonly string[];
  /**
   * The agency's calendar day (Europe/Helsinki), YYYY-MM-DD: a topic whose `reviewBy` is
   * before it gets a warning. The caller reads its clock; without a day no date is compared.
   */
  today?: string;
}

/** What the studio's checks of one item need besides the content. */
export type DraftCheckOptions = Pick<CheckOptions, "today">;

export {
  HELD_OUT_SPLITS,
  type HeldOutSplit,
  heldOutKey,
  utteranceKey,
} from "../domain/content/bundle.ts";

/** Fewer test messages than this per language and a topic's score is mostly noise. */
export const MIN_TESTS_PER_LANG = 8;

/**
 * A training sentence is a near duplicate when its most similar sentence in another topic
 * reaches NEAR_DUPLICATE_MIN (cosine of character 3-grams) and beats its most similar
 * sentence in its own topic by more than NEAR_DUPLICATE_MARGIN. Set on bot-content/ (about
 * 1,900 sentences then) so that it reported some 20 pairs there, each one a reviewer would
 * look at twice ("opiskelijan verokortti" in tax-card beside "vaihto-opiskelijan
 * verokortti"). At 3,250 sentences it reported 48, most of them told apart by a word of
 * their own topic; with the exceptions below it reports 15 (December 2026).
 */
export const NEAR_DUPLICATE_MIN = 0.7;
export const NEAR_DUPLICATE_MARGIN = 0.05;

/**
 * ...unless the sentence carries a word that tells its topic apart from the other one:
 * "yle" in "joudunko maksamaan yle-veroa" (yle-tax) beside "joudunko maksamaan lisää veroa"
 * (residual-tax). A word does when at least DISTINCTIVE_WORD_MIN_SENTENCES other sentences
 * of the topic use it, they are at least half of the sentences that use it, and the other
 * topic never does. Words match on their first DISTINCTIVE_WORD_PREFIX letters (after
 * folding ä/ö/å), so that most inflections of a word meet ("osingon", "osingot"; not
 * "osinko"). Too few uses or one in the other topic, and the sentence is warned about as
 * before: a word only this sentence uses teaches the topic nothing yet.
 */
export const DISTINCTIVE_WORD_MIN_SENTENCES = 3;
export const DISTINCTIVE_WORD_PREFIX = 5;

/**
 * A word is the other language's when that language's training sentences use it at least
 * OTHER_LANGUAGE_WORD_MIN times and OTHER_LANGUAGE_WORD_RATIO times as often as this
 * language's others do. Set on bot-content/, which says nothing with them, while 82 % of its
 * Swedish held-out messages put among the Finnish sentences (58 % the other way round) are
 * said; the English sentences both languages have, and names such as OmaVero, are not.
 */
export const OTHER_LANGUAGE_WORD_MIN = 2;
export const OTHER_LANGUAGE_WORD_RATIO = 20;

/** An utterance key without ä/ö/å's marks. */
function folded(key: string): string {
  return key.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** The bot's view of a bundle that `checkBundle` accepted: topics by id, out-of-scope lists. */
export const bundleToContent = contentOf;

/** Runs every rule on in-memory content; never throws for content mistakes. */
export function checkBundle(bundle: ContentBundle, options: CheckOptions = {}): ContentCheck {
  const { found, valid } = runRules(bundle, options);
  const problems = found.map(withoutConcerns);
  const hasErrors = problems.some((p) => p.severity === "error");
  return { problems, ...(hasErrors || !valid ? {} : { content: bundleToContent(valid) }) };
}

/**
 * Problems of one topic as the studio sends it (the topic file's fields, optionally with
 * `tests: { fi: string[], sv: string[] }`, the topic's test messages), checked in the context
 * of the rest of `bundle`. Paths are relative to the topic: `fi.utterances[3]`, `tests.sv[0]`;
 * a Lex quota the draft as a whole would exceed is reported with path "".
 */
export function validateDraftTopic(
  topic: unknown,
  bundle: ContentBundle,
  options: DraftCheckOptions = {},
): ContentProblem[] {
  const record = isRecord(topic) ? topic : undefined;
  const { tests, ...fields } = record ?? {};
  const draft: unknown = record ? fields : topic;
  const id = typeof fields.id === "string" ? fields.id : undefined;
  const problems: ContentProblem[] = [];
  const draftFile = `topics/${id ?? "new-topic"}.yaml`;
  // With the input, zod's Finnish and Swedish can say what was sent instead of text.
  const testsCheck = draftTestsSchema.safeParse(tests ?? { fi: [], sv: [] }, { reportInput: true });
  if (!testsCheck.success) {
    problems.push(
      ...testsCheck.error.issues.map((issue) => {
        const field = ["tests", ...(issue.path as FieldPath)];
        return {
          severity: "error" as const,
          file: draftFile,
          path: pathString(field),
          line: 1,
          ...finding("draftTestsShape", { field, texts: zodTexts(issue, issue.message) }),
        };
      }),
    );
  }
  const draftTests = tests !== undefined && testsCheck.success ? testsCheck.data : undefined;
  const others = bundle.topics.filter((t) => !(isRecord(t) && t.id === id));
  const heldOut = (lang: Lang): TestCase[] =>
    draftTests && id
      ? [
          ...bundle.tests[lang].filter((c) => c.intent !== id),
          ...draftTests[lang].map((text) => ({ text, intent: id })),
        ]
      : bundle.tests[lang];
  // Last in the bundle, so a sentence it shares with another topic is reported on the draft.
  const draftBundle: ContentBundle = {
    ...bundle,
    topics: [...others, draft as TopicFile],
    tests: { fi: heldOut("fi"), sv: heldOut("sv") },
  };
  const { found } = runRules(
    draftBundle,
    {
      topicFiles: [...others.map((t) => topicFileOf(t, undefined)), draftFile],
      ...(options.today ? { today: options.today } : {}),
    },
    draftFile,
  );
  return [...problems, ...problemsConcerning(found, draftFile)];
}

/**
 * Problems of one referral group as the studio sends it (the referral file's fields),
 * checked in the context of the rest of `bundle`. Paths are relative to the group:
 * `fi.sentences[3]`, `sv.link.url`; a Lex quota the draft would exceed has path "".
 */
export function validateDraftReferral(group: unknown, bundle: ContentBundle): ContentProblem[] {
  const id = isRecord(group) && typeof group.id === "string" ? group.id : undefined;
  const draftFile = `referrals/${id ?? "new-referral"}.yaml`;
  const others = (bundle.referrals ?? []).filter((r) => !(isRecord(r) && r.id === id));
  // Last in the bundle, so a sentence it shares with another group is reported on the draft.
  const draftBundle: ContentBundle = { ...bundle, referrals: [...others, group as ReferralGroup] };
  const { found } = runRules(draftBundle, {
    referralFiles: [...others.map((r) => referralFileOf(r, undefined)), draftFile],
  });
  return problemsConcerning(found, draftFile);
}

/**
 * Problems of the out-of-scope examples as the studio sends them (`{ fi: [...], sv: [...] }`,
 * the fields of out-of-scope.yaml) in place of `bundle`'s, checked with the rest of it. Paths
 * are relative to the lists: `fi[3]`; a sentence also in a topic, a referral group or a
 * held-out message is reported here naming that place; a Lex quota has path "".
 */
export function validateDraftOutOfScope(lists: unknown, bundle: ContentBundle): ContentProblem[] {
  const draftBundle = { ...bundle, outOfScope: lists } as ContentBundle;
  // The near-duplicate search compares topics' sentences only: narrowed to this file, it has
  // nothing to do, as none of the topics changed.
  const { found } = runRules(draftBundle, {}, OUT_OF_SCOPE_FILE);
  return problemsConcerning(found, OUT_OF_SCOPE_FILE);
}

/**
 * Problems of the uncovered questions as the studio sends them (`{ fi: [{ text, matter }],
 * sv: [...] }`) in place of `bundle`'s, checked with the rest of it. Paths are relative to
 * the lists: `fi[3].text`, `sv[0].matter`; a question that is also a training sentence, an
 * out-of-scope example or a held-out message is reported here, as a held-out message would be.
 */
export function validateDraftUncovered(lists: unknown, bundle: ContentBundle): ContentProblem[] {
  const draftBundle = { ...bundle, uncovered: lists } as ContentBundle;
  const { found } = runRules(draftBundle, {}, UNCOVERED_LISTS);
  return problemsConcerning(found, UNCOVERED_LISTS);
}

/**
 * The problems that concern one file the studio edits (a topic, a group, the out-of-scope
 * lists, the uncovered questions), with paths relative to it, and a Lex quota the draft as a
 * whole would exceed.
 */
function problemsConcerning(found: readonly Found[], file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const problem of found) {
    const concern = problem.concerns.find((c) => c.file === file);
    if (concern) {
      problems.push({ ...withoutConcerns(problem), path: pathString(concern.path) });
    } else if (problem.file === "topics/") {
      problems.push(withoutConcerns(problem));
    }
  }
  return problems;
}

/** Human-readable report lines, one block per problem, errors first. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const sorted = [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
  return sorted
    .map(
      (p) =>
        `${p.severity === "error" ? "ERROR" : "WARNING"} ${p.file}:${p.line}\n  ${p.message}\n  How to fix: ${p.fix}`,
    )
    .join("\n\n");
}

/** Problems for the issues of a zod parse of a content file (or of a part of it, at `prefix`). */
export function schemaProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  options: CheckOptions = {},
  prefix: FieldPath = [],
): ContentProblem[] {
  const report = new Report(options);
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as FieldPath)];
    report.add("error", file, path, describe(issue, path), []);
  }
  return report.found.map(withoutConcerns);
}

/** "did you mean": the known id closest to `id` by edit distance, if any is close enough. */
export function closestTopicId(id: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(id.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of [...known].sort()) {
    const d = editDistance(id, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// ---- Rules ---------------------------------------------------------------------------------

/** Where a problem shows up for one topic: its file and the field relative to the topic. */
interface Concern {
  file: string;
  path: FieldPath;
}

interface Found extends ContentProblem {
  /** The topics this problem is about, for the studio's per-topic view. */
  concerns: Concern[];
}

class Report {
  readonly found: Found[] = [];
  constructor(private readonly options: CheckOptions) {}

  add(
    severity: ContentProblem["severity"],
    file: string,
    path: FieldPath,
    said: Told,
    concerns: Concern[],
  ): void {
    const line = this.lineOf(file, path);
    this.found.push({ severity, file, path: pathString(path), line, ...said, concerns });
  }

  /** A problem in a topic's own file. */
  topic(
    file: string,
    path: FieldPath,
    said: Told,
    severity: ContentProblem["severity"] = "error",
  ): void {
    this.add(severity, file, path, said, [{ file, path }]);
  }

  lineOf(file: string, path: FieldPath): number {
    return this.options.lineOf?.(file, path) ?? 1;
  }

  /** Another place a message points at; its line only when read from a source that has lines. */
  where(file: string, path: FieldPath): Place {
    const line = this.options.lineOf?.(file, path);
    return line === undefined ? { file } : { file, line };
  }
}

/** A finding with its English text (`finding()`), as the rules report it. */
type Told = ReturnType<typeof finding>;

function withoutConcerns({ concerns: _, ...problem }: Found): ContentProblem {
  return problem;
}

/**
 * A topic as far as the cross-topic rules need it. Topics that fail the schema take part
 * too, with the sentences and follow-ups that are text, so that one mistake (an empty
 * answer while typing) does not hide a duplicate sentence; only valid ones become content.
 */
interface TopicEntry {
  id: string;
  file: string;
  /** The topic, when it passed the schema. */
  topic?: Topic;
  /** Sentences at their index in the file; "" where an item is not text. */
  utterances: Record<Lang, string[]>;
  followUps: string[];
  /** Its titles, as far as they are text: what Finnish and Swedish findings name it by. */
  titles: TopicTitles;
}

/**
 * All rules over a bundle. `draftFile` narrows the near-duplicate search to that topic's
 * sentences: as the studio checks one topic while it is typed, the others did not change.
 */
function runRules(
  bundle: ContentBundle,
  options: CheckOptions,
  draftFile?: string,
): { found: Found[]; valid?: ContentBundle } {
  const report = new Report(options);
  const unreadable = new Set(options.unreadable ?? []);
  const topics = new Map<string, TopicEntry>();
  /** Every topic that exists, valid or not: a file that cannot be read still names one. */
  const known = new Set<string>();
  const fileOfId = new Map<string, string>();
  for (const file of unreadable) {
    const id = /^topics\/(.+)\.ya?ml$/.exec(file)?.[1];
    if (id) known.add(id);
  }

  bundle.topics.forEach((raw, i) => {
    const file = topicFileOf(raw, options.topicFiles?.[i], i);
    const rawId = isRecord(raw) && typeof raw.id === "string" ? raw.id : undefined;
    if (rawId) known.add(rawId);
    if (rawId && !fileOfId.has(rawId)) fileOfId.set(rawId, file);
    const parsed = topicFileSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as FieldPath;
        report.topic(file, path, describe(issue, path));
      }
    }
    const topic = parsed.success ? parsed.data : undefined;
    const id = topic?.id ?? rawId;
    if (id === undefined) return;
    if (!claimsId(report, { file, id, fromFile: !!options.topicFiles?.[i], seen: topics })) {
      return;
    }
    const entry = topic ? entryOf(topic, file) : salvage(raw, id, file);
    topics.set(id, entry);
    if (topic) {
      checkPersonal(report, file, topic);
      checkAnswersAgree(report, file, topic);
      if (options.today) checkReviewDate(report, file, topic, options.today);
      checkReviewDateGiven(report, file, topic);
    }
    checkUtteranceSyntax(report, entry);
  });

  checkSystemTopics(report, known);
  const referrals = checkReferrals(report, bundle, options);

  let outOfScope: OutOfScopeFile | undefined;
  /** The out-of-scope sentences the cross-file rules compare: the text ones of invalid lists too. */
  let scopeSentences: OutOfScopeFile | undefined;
  if (!unreadable.has(OUT_OF_SCOPE_FILE)) {
    const parsed = outOfScopeFileSchema.safeParse(bundle.outOfScope, { reportInput: true });
    if (parsed.success) outOfScope = scopeSentences = parsed.data;
    else {
      // As for topics: one empty line while typing must not hide a sentence that is elsewhere.
      scopeSentences = salvageLists(bundle.outOfScope);
      for (const issue of parsed.error.issues) {
        const path = issue.path as FieldPath;
        report.add("error", OUT_OF_SCOPE_FILE, path, describe(issue, path), [
          { file: OUT_OF_SCOPE_FILE, path },
        ]);
      }
    }
  }

  for (const entry of topics.values()) checkFollowUps(report, entry, known);
  checkDuplicates(report, topics, scopeSentences, referrals);
  checkNearDuplicates(report, topics, draftFile);
  checkOtherLanguage(report, topics, outOfScope, referrals, draftFile);
  const heldOut = checkHeldOut(
    report,
    bundle,
    topics,
    scopeSentences,
    referrals,
    known,
    fileOfId,
    unreadable,
  );
  checkTestCounts(report, heldOut, known, fileOfId, unreadable);
  if (bundle.uncovered !== undefined) {
    checkUncovered(
      report,
      bundle.uncovered,
      topics,
      scopeSentences,
      referrals,
      heldOut,
      unreadable,
    );
  }
  checkLexQuotas(report, topics, referrals, scopeSentences);

  const valid: ContentBundle | undefined = outOfScope && {
    topics: [...topics.values()].flatMap((e) => (e.topic ? [e.topic] : [])),
    outOfScope,
    referrals: [...referrals.values()].flatMap((e) => (e.group ? [e.group] : [])),
    tests: { fi: heldOut.tests.fi.map((t) => t.c), sv: heldOut.tests.sv.map((t) => t.c) },
    dev: { fi: heldOut.dev.fi.map((t) => t.c), sv: heldOut.dev.sv.map((t) => t.c) },
  };
  return { found: report.found, ...(valid ? { valid } : {}) };
}

const OUT_OF_SCOPE_FILE = "out-of-scope.yaml";

/** Out-of-scope lists that failed the schema, as far as they are text: "" where an item is not. */
function salvageLists(raw: unknown): OutOfScopeFile {
  const record: Record<string, unknown> = isRecord(raw) ? raw : {};
  const texts = (value: unknown): string[] =>
    Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v.trim() : "")) : [];
  return { fi: texts(record.fi), sv: texts(record.sv) };
}

/** A referral group as the cross-file rules need it; invalid ones take part with their text. */
interface ReferralEntry {
  id: string;
  file: string;
  /** The group, when it passed the schema. */
  group?: ReferralGroup;
  /** Sentences at their index in the file; "" where an item is not text. */
  sentences: Record<Lang, string[]>;
}

function referralFileOf(raw: unknown, given: string | undefined, index?: number): string {
  if (given) return given;
  const id = isRecord(raw) && typeof raw.id === "string" && raw.id ? raw.id : undefined;
  return `referrals/${id ?? `referral-${(index ?? 0) + 1}`}.yaml`;
}

/** Each referral group against its schema, its file name and the other groups' ids. */
function checkReferrals(
  report: Report,
  bundle: ContentBundle,
  options: CheckOptions,
): Map<string, ReferralEntry> {
  const entries = new Map<string, ReferralEntry>();
  (bundle.referrals ?? []).forEach((raw, i) => {
    const file = referralFileOf(raw, options.referralFiles?.[i], i);
    const parsed = referralGroupSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as FieldPath;
        report.topic(file, path, describe(issue, path));
      }
    }
    const id = parsed.success
      ? parsed.data.id
      : isRecord(raw) && typeof raw.id === "string"
        ? raw.id
        : undefined;
    if (id === undefined) return;
    const fromFile = !!options.referralFiles?.[i];
    if (!claimsId(report, { file, id, fromFile, seen: entries, kind: "referral" })) return;
    if (parsed.success) checkAnswersAgree(report, file, parsed.data);
    const texts = (value: unknown): string[] =>
      Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v.trim() : "")) : [];
    const record: Record<string, unknown> = isRecord(raw) ? raw : {};
    const locale = (lang: Lang): Record<string, unknown> => {
      const value = record[lang];
      return isRecord(value) ? value : {};
    };
    entries.set(id, {
      id,
      file,
      ...(parsed.success ? { group: parsed.data } : {}),
      sentences: parsed.success
        ? { fi: parsed.data.fi.sentences, sv: parsed.data.sv.sentences }
        : { fi: texts(locale("fi").sentences), sv: texts(locale("sv").sentences) },
    });
  });
  return entries;
}

function entryOf(topic: Topic, file: string): TopicEntry {
  return {
    id: topic.id,
    file,
    topic,
    utterances: { fi: topic.fi.utterances, sv: topic.sv.utterances },
    followUps: topic.followUps ?? [],
    titles: { fi: topic.fi.title, sv: topic.sv.title },
  };
}

/** What the cross-topic rules can still use of a topic that failed the schema. */
function salvage(raw: unknown, id: string, file: string): TopicEntry {
  const texts = (value: unknown): string[] =>
    Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v.trim() : "")) : [];
  const record = isRecord(raw) ? raw : {};
  const locale = (lang: Lang) => (isRecord(record[lang]) ? record[lang] : {});
  return {
    id,
    file,
    utterances: { fi: texts(locale("fi").utterances), sv: texts(locale("sv").utterances) },
    // Malformed ids get their own schema problem; only well-formed ones are looked up.
    followUps: texts(record.followUps).map((f) => (isWellFormedTopicId(f) ? f : "")),
    titles: Object.fromEntries(
      LANGS.flatMap((lang) => {
        const title = locale(lang).title;
        return typeof title === "string" && title.trim() ? [[lang, title.trim()]] : [];
      }),
    ),
  };
}

function topicFileOf(raw: unknown, given: string | undefined, index?: number): string {
  if (given) return given;
  const id = isRecord(raw) && typeof raw.id === "string" && raw.id ? raw.id : undefined;
  return `topics/${id ?? `topic-${(index ?? 0) + 1}`}.yaml`;
}

function checkSystemTopics(report: Report, known: ReadonlySet<string>): void {
  for (const id of SYSTEM_TOPICS) {
    if (known.has(id)) continue;
    const file = `topics/${id}.yaml`;
    report.add("error", file, [], finding("systemTopicMissing", { id, file }), [
      { file, path: [] },
    ]);
  }
}

function checkPersonal(report: Report, file: string, topic: Topic): void {
  for (const lang of LANGS) {
    const personal = topic[lang].personal;
    if (!personal) continue;
    const allowed = PERSONAL_PLACEHOLDERS[topic.id as PersonalTopicId] as
      | Record<string, readonly string[]>
      | undefined;
    if (!allowed) {
      const field = [lang, "personal"];
      report.topic(
        file,
        field,
        finding("notPersonalised", {
          field,
          id: topic.id,
          personalised: Object.keys(PERSONAL_PLACEHOLDERS),
        }),
      );
      continue;
    }
    for (const [variant, template] of Object.entries(personal)) {
      // Own keys only: a variant named "toString" is no variant of any topic.
      const placeholders = Object.hasOwn(allowed, variant) ? allowed[variant] : undefined;
      if (!placeholders) {
        const field = [lang, "personal", variant];
        report.topic(
          file,
          field,
          finding("unknownVariant", { field, id: topic.id, variants: Object.keys(allowed) }),
        );
        continue;
      }
      for (const match of template.matchAll(/\{([^}]*)\}/g)) {
        const name = match[1] ?? "";
        if (!placeholders.includes(name)) {
          const field = [lang, "personal", variant];
          report.topic(file, field, finding("unknownPlaceholder", { field, name, placeholders }));
        }
      }
    }
  }
}

/**
 * Warns when an answer's Finnish and Swedish texts carry different figures (amounts,
 * percentages, dates, hours) or placeholders: one of them is likely out of date, and each
 * customer would be told something else (750 € in Finnish, 760 € in Swedish). Figures are
 * compared as written, thousands spaces aside and with one decimal sign ("1 600" is
 * "1600", "25.5" is "25,5"); a figure written out in words is not seen.
 */
function checkAnswersAgree(
  report: Report,
  file: string,
  item: { fi: AnswerTexts; sv: AnswerTexts },
): void {
  const pairs: [FieldPath, string, string][] = [[["sv", "answer"], item.fi.answer, item.sv.answer]];
  for (const [variant, fi] of Object.entries(item.fi.personal ?? {})) {
    const sv = item.sv.personal?.[variant];
    if (sv !== undefined) pairs.push([["sv", "personal", variant], fi, sv]);
  }
  for (const [field, fi, sv] of pairs) {
    const [inFi, inSv] = [figuresOf(fi), figuresOf(sv)];
    const onlyFi = [...inFi].filter((f) => !inSv.has(f));
    const onlySv = [...inSv].filter((f) => !inFi.has(f));
    if (onlyFi.length === 0 && onlySv.length === 0) continue;
    report.add("warning", file, field, finding("answersDisagree", { field, onlyFi, onlySv }), [
      { file, path: field },
      { file, path: ["fi", ...field.slice(1)] },
    ]);
  }
}

type AnswerTexts = { answer: string; personal?: Record<string, string> };

/**
 * Warns when a topic is past its review date: its answer may carry last year's rates or
 * deadlines, which the bot would give with confidence. A warning, never an error: a date
 * passing must not stop CI or a publish, only tell the owner to check.
 */
function checkReviewDate(report: Report, file: string, topic: Topic, today: string): void {
  if (!topic.reviewBy || !isReviewOverdue(topic.reviewBy, today)) return;
  report.topic(
    file,
    ["reviewBy"],
    finding("reviewOverdue", { id: topic.id, reviewBy: topic.reviewBy }),
    "warning",
  );
}

/**
 * Warns when a topic's answer gives amounts or percentages and the topic has no review date:
 * such figures change at the turn of a year, and without a date nobody is told to check them
 * (a reviewer found VAT, capital gains and inheritance tax answers with rates and no date).
 * Years and days alone ("from 2023") are facts that do not expire, and are not counted.
 */
function checkReviewDateGiven(report: Report, file: string, topic: Topic): void {
  if (topic.reviewBy) return;
  const figures = [
    ...new Set(
      [...topic.fi.answer.matchAll(AMOUNT_OR_RATE)].map(([figure]) =>
        figure.replace(/\u00a0/g, " "),
      ),
    ),
  ];
  if (figures.length === 0) return;
  report.topic(
    file,
    ["reviewBy"],
    finding("reviewDateMissing", { id: topic.id, figures: figures.slice(0, 3) }),
    "warning",
  );
}

/** An amount or a rate as answers write them: "25,5 %", "1 600 euroa", "170 €". */
const AMOUNT_OR_RATE = /\d+(?:[ \u00a0]\d{3})*(?:[,.]\d+)?[ \u00a0]?(?:%|€|euroa?\b|prosenttia\b)/g;

/** The figures and placeholders of a text, each once, as compared across languages. */
function figuresOf(text: string): Set<string> {
  const figures = new Set<string>();
  for (const [figure] of text.matchAll(/\d+(?:[ \u00a0]\d{3})*(?:[,.:]\d+)*/g)) {
    figures.add(figure.replace(/[ \u00a0]/g, "").replace(/[.:]/g, ","));
  }
  for (const [placeholder] of text.matchAll(/\{[^}]*\}/g)) figures.add(placeholder);
  return figures;
}

function checkUtteranceSyntax(report: Report, { file, utterances }: TopicEntry): void {
  for (const lang of LANGS) {
    utterances[lang].forEach((u, i) => {
      // Lex V2 reads {name} in a sample utterance as a slot reference and rejects unknown ones.
      if (/[{}]/.test(u)) {
        const field = [lang, "utterances", i];
        report.topic(file, field, finding("curlyBraces", { field }));
      }
    });
  }
}

function checkFollowUps(
  report: Report,
  { id: self, file, followUps }: TopicEntry,
  known: ReadonlySet<string>,
): void {
  followUps.forEach((id, i) => {
    const path = ["followUps", i];
    if (id === "") return;
    if (id === self) {
      report.topic(file, path, finding("followUpSelf", { field: path, id }));
    } else if (!known.has(id)) {
      const guess = closestTopicId(id, known);
      report.topic(
        file,
        path,
        finding("followUpUnknown", { field: path, id, ...(guess ? { guess } : {}) }),
      );
    }
  });
}

interface Sentence {
  file: string;
  path: FieldPath;
  text: string;
  owner: SentenceOwner;
}

/**
 * Every training sentence of one language: the topics' utterances, the referral groups'
 * sentences, then the out-of-scope list.
 */
function* trainingSentences(
  lang: Lang,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry> = new Map(),
): Generator<Sentence> {
  for (const { id, file, utterances } of topics.values()) {
    for (const [i, text] of utterances[lang].entries()) {
      if (text === "") continue;
      yield { file, path: [lang, "utterances", i], text, owner: { kind: "topic", id, lang } };
    }
  }
  for (const { id, file, sentences } of referrals.values()) {
    for (const [i, text] of sentences[lang].entries()) {
      if (text === "") continue;
      yield {
        file,
        path: [lang, "sentences", i],
        text,
        owner: { kind: "referral", id, lang },
      };
    }
  }
  if (outOfScope) {
    for (const [i, text] of outOfScope[lang].entries()) {
      if (text === "") continue;
      yield {
        file: OUT_OF_SCOPE_FILE,
        path: [lang, i],
        text,
        owner: { kind: "out-of-scope", lang },
      };
    }
  }
}

/** Every training sentence of one language by the key a held-out message is compared by. */
function trainingByKey(
  lang: Lang,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry>,
): Map<string, Sentence> {
  const training = new Map<string, Sentence>();
  for (const s of trainingSentences(lang, topics, outOfScope, referrals)) {
    training.set(heldOutKey(s.text), s);
  }
  return training;
}

/**
 * A held-out message (or uncovered question) at `at` of `file` that is also training sentence
 * `trained`: an error shown where it is (`concerns`) and at the sentence.
 */
function reportTrained(
  report: Report,
  file: string,
  at: FieldPath,
  text: string,
  trained: Sentence | undefined,
  concerns: Concern[],
  uncovered?: true,
): void {
  if (!trained) return;
  report.add(
    "error",
    file,
    at,
    finding("heldOutTrained", {
      text,
      owner: trained.owner,
      at: report.where(trained.file, trained.path),
      ...(uncovered ? { uncovered } : {}),
    }),
    [...concerns, ...sentenceConcerns(trained)],
  );
}

/** A concern for a training sentence: its file's (a topic's, a group's, the out-of-scope list's). */
function sentenceConcerns(s: Sentence): Concern[] {
  return [{ file: s.file, path: s.path }];
}

function checkDuplicates(
  report: Report,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry>,
): void {
  for (const lang of LANGS) {
    const seen = new Map<string, Sentence>();
    for (const s of trainingSentences(lang, topics, outOfScope, referrals)) {
      const key = utteranceKey(s.text);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        continue;
      }
      const at = report.where(first.file, first.path);
      report.add(
        "error",
        s.file,
        s.path,
        first.file === s.file && first.path[0] === s.path[0]
          ? finding("sentenceTwice", {
              text: s.text,
              owner: s.owner,
              ...(at.line === undefined ? {} : { line: at.line }),
            })
          : finding("sentenceShared", { text: s.text, owner: s.owner, other: first.owner, at }),
        [...sentenceConcerns(s), ...sentenceConcerns(first)],
      );
    }
  }
}

// ---- Near duplicates -----------------------------------------------------------------------

/**
 * Warns about a training sentence that looks more like a sentence of another topic than like
 * any of its own topic's: the recogniser learns it as evidence for the wrong topic, or the
 * two topics blur. Sentences are unit vectors of their character 3-grams (words padded,
 * ä/ö folded, so inflections and compounds still match), each gram weighted by how few
 * topics use it; similarity is the cosine. An inverted index over the grams visits only
 * sentences sharing a gram, so each sentence costs at most one pass over the others.
 * Not reported: a sentence carrying a word that tells its topic apart from the other one
 * (DISTINCTIVE_WORD_MIN_SENTENCES), and a pair that differs only in a repeated word. A bare
 * sentence that another topic's more specific one contains ("ennakonpidätys" beside
 * "eläkkeen ennakonpidätys") is still reported: nothing in it says which topic it is.
 * A pair that points at each other is reported once, on the later sentence (as for copies).
 */
function checkNearDuplicates(
  report: Report,
  topics: ReadonlyMap<string, TopicEntry>,
  onlyFile?: string,
): void {
  const entries = [...topics.values()];
  if (entries.length < 2) return;
  for (const lang of LANGS) {
    const sentences: { topic: number; index: number; text: string; key: string; folded: string }[] =
      [];
    entries.forEach(({ utterances }, t) => {
      utterances[lang].forEach((text, index) => {
        if (text === "") return;
        const key = utteranceKey(text);
        sentences.push({ topic: t, index, text, key, folded: folded(key) });
      });
    });
    // Exact copies are errors already; leave them out here so each is reported once.
    const copies = new Map<string, number>();
    for (const s of sentences) copies.set(s.key, (copies.get(s.key) ?? 0) + 1);
    const similarity = sentenceSimilarity(
      sentences.map((s) => gramsOf(s.folded)),
      sentences.map((s) => s.topic),
      entries.length,
    );
    const distinguishing = distinguishingWord(
      sentences.map((s) => s.folded),
      sentences.map((s) => s.topic),
    );
    const verdicts = new Map<number, { other: number; similar: number }>();
    sentences.forEach((s, i) => {
      if (onlyFile && entries[s.topic]?.file !== onlyFile) return;
      if ((copies.get(s.key) ?? 0) > 1) return;
      const v = similarity(i);
      if (v.similar < 0 || v.other < NEAR_DUPLICATE_MIN) return;
      if (v.other <= v.own + NEAR_DUPLICATE_MARGIN) return;
      if (distinguishing(i, v.similar) !== undefined) return;
      if (onlyRepeated(s.key, (sentences[v.similar] as (typeof sentences)[number]).key)) return;
      verdicts.set(i, v);
    });
    for (const [i, v] of verdicts) {
      // The partner will say the same about this one: leave it to the later of the two.
      if (verdicts.get(v.similar)?.similar === i && v.similar > i) continue;
      const s = sentences[i] as (typeof sentences)[number];
      const near = sentences[v.similar] as (typeof sentences)[number];
      const own = entries[s.topic] as TopicEntry;
      const other = entries[near.topic] as TopicEntry;
      const path = [lang, "utterances", s.index];
      report.add(
        "warning",
        own.file,
        path,
        finding("nearDuplicate", {
          field: path,
          text: s.text,
          near: near.text,
          own: own.id,
          other: other.id,
          at: report.where(other.file, [lang, "utterances", near.index]),
          titles: { own: own.titles, other: other.titles },
        }),
        [
          { file: own.file, path },
          { file: other.file, path: [lang, "utterances", near.index] },
        ],
      );
    }
  }
}

// ---- The other language ---------------------------------------------------------------------

/**
 * Warns about a topic's or referral group's training sentence that is clearly written in the
 * other language (a Swedish question taught from the inbox among the Finnish sentences): the
 * bot would learn Finnish from it. Clearly: at least two of its words, and more than half,
 * are the other language's by the content's own vocabulary, and none is only this one's. A
 * sentence is measured against the others, not itself, and one found in the other language
 * no longer vouches for its words, so that questions taught together do not hide each other.
 * The recogniser's language detector is not used: it tells Finnish from Swedish only, and
 * takes the English sentences both languages have for Swedish.
 */
function checkOtherLanguage(
  report: Report,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry>,
  onlyFile?: string,
): void {
  const uses: Record<Lang, Map<string, number>> = { fi: new Map(), sv: new Map() };
  const count = (lang: Lang, words: readonly string[], by: number) => {
    for (const word of words) uses[lang].set(word, (uses[lang].get(word) ?? 0) + by);
  };
  for (const lang of LANGS) {
    for (const s of trainingSentences(lang, topics, outOfScope, referrals)) {
      count(lang, wordsOf(s.text), 1);
    }
  }
  const candidates = LANGS.flatMap((lang) =>
    [...trainingSentences(lang, topics, undefined, referrals)]
      .filter((s) => !onlyFile || s.file === onlyFile)
      .map((s) => ({ s, lang, words: wordsOf(s.text) })),
  );
  const found = new Set<(typeof candidates)[number]>();
  for (let more = true; more; ) {
    more = false;
    for (const candidate of candidates) {
      if (found.has(candidate) || !inOtherLanguage(candidate.words, candidate.lang, uses)) continue;
      found.add(candidate);
      count(candidate.lang, candidate.words, -1);
      more = true;
    }
  }
  for (const candidate of candidates) {
    if (!found.has(candidate)) continue;
    const { s, lang } = candidate;
    report.add(
      "warning",
      s.file,
      s.path,
      finding("otherLanguage", {
        field: s.path,
        text: s.text,
        lang,
        looks: lang === "fi" ? "sv" : "fi",
      }),
      sentenceConcerns(s),
    );
  }
}

/** Whether `words`, a sentence counted under `lang` in `uses`, are clearly the other language. */
function inOtherLanguage(
  words: readonly string[],
  lang: Lang,
  uses: Record<Lang, ReadonlyMap<string, number>>,
): boolean {
  const other: Lang = lang === "fi" ? "sv" : "fi";
  const own = new Map<string, number>();
  for (const word of words) own.set(word, (own.get(word) ?? 0) + 1);
  let theirs = 0;
  let ours = 0;
  for (const word of words) {
    const here = (uses[lang].get(word) ?? 0) - (own.get(word) ?? 0);
    const there = uses[other].get(word) ?? 0;
    if (there >= OTHER_LANGUAGE_WORD_MIN && here * OTHER_LANGUAGE_WORD_RATIO <= there) theirs++;
    else if (here > 0 && there * OTHER_LANGUAGE_WORD_RATIO <= here) ours++;
  }
  return theirs >= 2 && ours === 0 && theirs * 2 > words.length;
}

/** A sentence's words as the recogniser sees them (case and punctuation aside); no numbers. */
function wordsOf(text: string): string[] {
  return utteranceKey(text)
    .split(" ")
    .filter((w) => w !== "" && !/^\d+$/.test(w));
}

type Grams = Set<string>;

/** The character 3-grams of a sentence's words; `folded` is its heldOutKey. */
function gramsOf(folded: string): Grams {
  const grams: Grams = new Set();
  for (const word of folded.split(" ")) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/**
 * For sentence `i`: the best cosine to a sentence of its own topic, the best to a sentence
 * of any other topic, and which sentence that is (-1 when none shares a gram).
 */
function sentenceSimilarity(
  grams: readonly Grams[],
  topicOf: readonly number[],
  topicCount: number,
): (i: number) => { own: number; other: number; similar: number } {
  // Grams used by many topics ("ver", "ska") say little about any one of them.
  const topicsWith = new Map<string, number>();
  const lastTopic = new Map<string, number>();
  grams.forEach((set, i) => {
    const t = topicOf[i] as number;
    for (const g of set) {
      if (lastTopic.get(g) === t) continue;
      lastTopic.set(g, t);
      topicsWith.set(g, (topicsWith.get(g) ?? 0) + 1);
    }
  });
  const gramIds = new Map<string, number>();
  const postingIds: number[][] = [];
  const postingWeights: number[][] = [];
  const vectors = grams.map((set, i) => {
    const ids: number[] = [];
    const weights: number[] = [];
    let squared = 0;
    for (const g of set) {
      let id = gramIds.get(g);
      if (id === undefined) {
        id = gramIds.size;
        gramIds.set(g, id);
        postingIds.push([]);
        postingWeights.push([]);
      }
      const w = Math.log((1 + topicCount) / (1 + (topicsWith.get(g) ?? 0))) + 1;
      ids.push(id);
      weights.push(w);
      squared += w * w;
    }
    const norm = Math.sqrt(squared) || 1;
    for (let k = 0; k < ids.length; k++) {
      const w = (weights[k] as number) / norm;
      weights[k] = w;
      postingIds[ids[k] as number]?.push(i);
      postingWeights[ids[k] as number]?.push(w);
    }
    return { ids, weights };
  });
  const dots = new Float64Array(grams.length);
  const touched: number[] = [];
  return (i) => {
    const { ids, weights } = vectors[i] as { ids: number[]; weights: number[] };
    for (let k = 0; k < ids.length; k++) {
      const w = weights[k] as number;
      const others = postingIds[ids[k] as number] as number[];
      const otherWeights = postingWeights[ids[k] as number] as number[];
      for (let m = 0; m < others.length; m++) {
        const j = others[m] as number;
        if (dots[j] === 0) touched.push(j);
        dots[j] = (dots[j] as number) + w * (otherWeights[m] as number);
      }
    }
    let own = 0;
    let other = 0;
    let similar = -1;
    const topic = topicOf[i];
    for (const j of touched) {
      const d = dots[j] as number;
      dots[j] = 0;
      if (j === i) continue;
      if (topicOf[j] === topic) {
        if (d > own) own = d;
      } else if (d > other || (d === other && j < similar)) {
        other = d;
        similar = j;
      }
    }
    touched.length = 0;
    return { own, other, similar };
  };
}

/**
 * For sentence `i` and its near sentence `j` of another topic: a word of `i` that tells its
 * topic apart from `j`'s, or undefined. Such a word is in at least
 * DISTINCTIVE_WORD_MIN_SENTENCES other sentences of `i`'s topic, in at least half of all the
 * sentences that use it, and in none of `j`'s topic ("lapsen" of "lapsen vuokratulot" in
 * children-income beside "vuokratulot" of rental-income). Words are compared by their first
 * DISTINCTIVE_WORD_PREFIX letters, so that inflections count as one ("osingon", "osingot").
 * The counts are built once, in one pass over the words; a call looks at one sentence's words.
 */
function distinguishingWord(
  foldedKeys: readonly string[],
  topicOf: readonly number[],
): (i: number, j: number) => string | undefined {
  let wordsOfSentence: Set<string>[] | undefined;
  /** Per word: how many sentences use it, in all and per topic. */
  const uses = new Map<string, { all: number; byTopic: Map<number, number> }>();
  // Counted on the first question only: most checks of a topic while it is typed have none.
  const count = (): Set<string>[] => {
    const all = foldedKeys.map((key) => new Set(wordKeysOf(key)));
    all.forEach((words, i) => {
      const t = topicOf[i] as number;
      for (const word of words) {
        let use = uses.get(word);
        if (!use) {
          use = { all: 0, byTopic: new Map() };
          uses.set(word, use);
        }
        use.all++;
        use.byTopic.set(t, (use.byTopic.get(t) ?? 0) + 1);
      }
    });
    return all;
  };
  return (i, j) => {
    wordsOfSentence ??= count();
    const own = topicOf[i] as number;
    const other = topicOf[j] as number;
    for (const word of wordsOfSentence[i] as Set<string>) {
      const use = uses.get(word);
      if (!use || (use.byTopic.get(other) ?? 0) > 0) continue;
      // Not counting sentence `i` itself: a word only it uses teaches its topic nothing yet.
      const inOwn = (use.byTopic.get(own) ?? 0) - 1;
      if (inOwn >= DISTINCTIVE_WORD_MIN_SENTENCES && inOwn * 2 >= use.all - 1) return word;
    }
    return undefined;
  };
}

/**
 * Whether two sentences (as utterance keys) have the same words and differ only in how often
 * one is said: "hei" (greeting) and "hei hei" (goodbye). Their grams are the same set, so the
 * cosine cannot see what the recogniser's word pairs do.
 */
function onlyRepeated(a: string, b: string): boolean {
  const wordsA = a.split(" ");
  const wordsB = b.split(" ");
  if (wordsA.length === wordsB.length) return false;
  const setA = new Set(wordsA);
  const setB = new Set(wordsB);
  return setA.size === setB.size && [...setA].every((w) => setB.has(w));
}

/** A sentence's words (from its heldOutKey) as the near-duplicate check compares them. */
function wordKeysOf(folded: string): string[] {
  return folded
    .split(" ")
    .filter((w) => w !== "" && !/^\d+$/.test(w))
    .map((w) => w.slice(0, DISTINCTIVE_WORD_PREFIX));
}

// ---- Held-out messages ---------------------------------------------------------------------

/**
 * The cases that passed the schema, each with its place in the file and the topic's view of
 * it (a topic's test message is shown in its editor).
 */
type HeldOut = Record<
  HeldOutSplit,
  Record<Lang, { c: TestCase; index: number; concerns: Concern[] }[]>
>;

/**
 * Held-out messages (tests/, dev/) must name a topic that exists and be new wording: one
 * that is also a training sentence measures memory, and one in both splits lets tuning leak
 * into the test score. Returns the cases that passed the schema.
 */
function checkHeldOut(
  report: Report,
  bundle: ContentBundle,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry>,
  known: ReadonlySet<string>,
  fileOfId: ReadonlyMap<string, string>,
  unreadable: ReadonlySet<string>,
): HeldOut {
  const valid: HeldOut = { tests: { fi: [], sv: [] }, dev: { fi: [], sv: [] } };
  for (const lang of LANGS) {
    const training = trainingByKey(lang, topics, outOfScope, referrals);
    const earlierSplit = new Map<string, Place>();
    for (const split of HELD_OUT_SPLITS) {
      const file = `${split}/${lang}.yaml`;
      if (unreadable.has(file)) continue;
      const inThisSplit = new Map<string, Place>();
      const perTopic = new Map<string, number>();
      (bundle[split][lang] ?? []).forEach((raw, i) => {
        const at: FieldPath = ["cases", i];
        const parsed = testCaseSchema.safeParse(raw, { reportInput: true });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const path = [...at, ...(issue.path as FieldPath)];
            report.add("error", file, path, describe(issue, path), []);
          }
          return;
        }
        const c = parsed.data;
        // The topic's own view of its test messages: tests.fi[k], k-th of that topic.
        const k = perTopic.get(c.intent) ?? 0;
        perTopic.set(c.intent, k + 1);
        const topicFile = fileOfId.get(c.intent);
        const concerns: Concern[] =
          split === "tests" && topicFile ? [{ file: topicFile, path: ["tests", lang, k] }] : [];
        valid[split][lang].push({ c, index: i, concerns });
        if (c.intent !== NO_INTENT && !known.has(c.intent)) {
          const guess = closestTopicId(c.intent, known);
          report.add(
            "error",
            file,
            [...at, "intent"],
            finding("intentUnknown", { intent: c.intent, ...(guess ? { guess } : {}) }),
            concerns,
          );
        }
        const key = heldOutKey(c.text);
        // Punctuation-only messages ("???") have no words to compare.
        if (key === "") return;
        const line = report.where(file, at);
        reportTrained(report, file, at, c.text, training.get(key), concerns);
        const elsewhere = earlierSplit.get(key) ?? inThisSplit.get(key);
        if (elsewhere) {
          report.add(
            "error",
            file,
            at,
            finding("heldOutRepeated", { text: c.text, at: elsewhere }),
            concerns,
          );
        }
        inThisSplit.set(key, line);
      });
      for (const [key, where] of inThisSplit) earlierSplit.set(key, where);
    }
  }
  return valid;
}

/** Where the studio shows the uncovered questions' problems: one page, both languages. */
const UNCOVERED_LISTS = "uncovered/";

/**
 * The uncovered questions (uncovered/<lang>.yaml) are a test set: each must be a question of
 * its own, once, that nothing trains on and neither held-out split has, or the share answered
 * would measure memory, or count a question twice. Told as a held-out message's problems are;
 * the studio shows each at `fi[3].text` (UNCOVERED_LISTS), and at the training sentence or
 * topic test message it collides with.
 */
function checkUncovered(
  report: Report,
  lists: unknown,
  topics: ReadonlyMap<string, TopicEntry>,
  outOfScope: OutOfScopeFile | undefined,
  referrals: ReadonlyMap<string, ReferralEntry>,
  heldOut: HeldOut,
  unreadable: ReadonlySet<string>,
): void {
  const record = isRecord(lists) ? lists : undefined;
  if (!record) {
    report.add(
      "error",
      UNCOVERED_LISTS,
      [],
      finding("wrongType", { field: [], expected: "object" }),
      [{ file: UNCOVERED_LISTS, path: [] }],
    );
    return;
  }
  for (const key of Object.keys(record).filter((k) => !(LANGS as readonly string[]).includes(k))) {
    report.add(
      "error",
      UNCOVERED_LISTS,
      [key],
      finding("unknownFields", { field: [], keys: [key] }),
      [{ file: UNCOVERED_LISTS, path: [key] }],
    );
  }
  for (const lang of LANGS) {
    const file = `uncovered/${lang}.yaml`;
    if (unreadable.has(file)) continue;
    const cases = record[lang];
    if (!Array.isArray(cases)) {
      // Both lists are sent whole, an empty one as []: a missing one would read as emptied.
      const said = finding("wrongType", { field: [lang], expected: "array" });
      report.add("error", file, ["cases"], said, [{ file: UNCOVERED_LISTS, path: [lang] }]);
      continue;
    }
    const training = trainingByKey(lang, topics, outOfScope, referrals);
    const tested = new Map<string, { file: string; index: number; concerns: Concern[] }>();
    for (const split of HELD_OUT_SPLITS) {
      for (const { c, index, concerns } of heldOut[split][lang]) {
        tested.set(heldOutKey(c.text), { file: `${split}/${lang}.yaml`, index, concerns });
      }
    }
    const listed = new Map<string, Place>();
    cases.forEach((raw, i) => {
      const at: FieldPath = ["cases", i];
      const shown = (path: FieldPath = []): Concern => ({
        file: UNCOVERED_LISTS,
        path: [lang, i, ...path],
      });
      const parsed = uncoveredCaseSchema.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path as FieldPath;
          const path = [lang, i, ...field];
          // The matter in the content owner's terms: missing, or not the id it must be.
          const said =
            field[0] === "matter"
              ? finding("matterNotAnId", { field: path, value: matterOf(raw) })
              : describe(issue, path);
          report.add("error", file, [...at, ...field], said, [shown(field)]);
        }
        return;
      }
      const { text } = parsed.data;
      const key = heldOutKey(text);
      if (key === "") return;
      reportTrained(report, file, at, text, training.get(key), [shown(["text"])], true);
      const test = tested.get(key);
      if (test) {
        report.add(
          "error",
          file,
          at,
          finding("heldOutRepeated", {
            text,
            at: report.where(test.file, ["cases", test.index]),
            uncovered: true,
          }),
          [shown(["text"]), ...test.concerns],
        );
      }
      const first = listed.get(key);
      if (first) {
        report.add("error", file, at, finding("uncoveredTwice", { text, at: first }), [
          shown(["text"]),
        ]);
      } else listed.set(key, report.where(file, at));
    });
  }
}

/** An uncovered question's matter as typed, "" when there is none. */
function matterOf(raw: unknown): string {
  const matter = isRecord(raw) ? raw.matter : undefined;
  return matter === undefined || matter === null ? "" : String(matter);
}

function checkTestCounts(
  report: Report,
  heldOut: HeldOut,
  known: ReadonlySet<string>,
  fileOfId: ReadonlyMap<string, string>,
  unreadable: ReadonlySet<string>,
): void {
  for (const lang of LANGS) {
    const file = `tests/${lang}.yaml`;
    if (unreadable.has(file)) continue;
    const counts = new Map<string, number>();
    const last = new Map<string, number>();
    for (const { c, index } of heldOut.tests[lang]) {
      counts.set(c.intent, (counts.get(c.intent) ?? 0) + 1);
      last.set(c.intent, index);
    }
    for (const id of [...known].sort()) {
      const topicFile = fileOfId.get(id);
      if (!topicFile) continue;
      const n = counts.get(id) ?? 0;
      if (n >= MIN_TESTS_PER_LANG) continue;
      // At the topic's last test message, where more would go; at the list when it has none.
      const at = last.get(id);
      report.add(
        "warning",
        file,
        at === undefined ? ["cases"] : ["cases", at],
        finding("tooFewTests", { id, lang, has: n, min: MIN_TESTS_PER_LANG, file }),
        [{ file: topicFile, path: ["tests", lang] }],
      );
    }
  }
}

// The same content becomes the Lex bot: warn while there is time to plan, and stop here
// rather than at synth once a quota would be exceeded.
function checkLexQuotas(
  report: Report,
  topics: ReadonlyMap<string, TopicEntry>,
  referrals: ReadonlyMap<string, ReferralEntry>,
  outOfScope: OutOfScopeFile | undefined,
): void {
  // Each referral group is an intent of its own in the Lex bot, its sentences its utterances,
  // and so are the out-of-scope examples (lexBotDefinition.ts).
  const all = [
    ...[...topics.values()].flatMap((e) => (e.topic ? [e.topic] : [])),
    ...[...referrals.values()].map((e) => ({
      fi: { utterances: e.sentences.fi },
      sv: { utterances: e.sentences.sv },
    })),
    ...(outOfScope
      ? [{ fi: { utterances: outOfScope.fi }, sv: { utterances: outOfScope.sv } }]
      : []),
  ];
  for (const lang of LANGS) {
    const usage = lexLocaleUsage(all, lang);
    checkQuota(report, lang, usage.intents, LEX_LIMITS.intentsPerLocale, "intents");
    checkQuota(
      report,
      lang,
      usage.utteranceChars,
      LEX_LIMITS.utteranceCharsPerLocale,
      "characters",
    );
  }
}

function checkQuota(
  report: Report,
  lang: Lang,
  used: number,
  max: number,
  what: "intents" | "characters",
) {
  const level = quotaLevel(used, max);
  if (level === "ok") return;
  const over = level === "over";
  report.add(
    over ? "error" : "warning",
    "topics/",
    [],
    finding("lexQuota", { lang, used, max, what, over }),
    [],
  );
}

// ---- Messages for schema issues ------------------------------------------------------------

/** `fi.utterances[3]` from ["fi", "utterances", 3]: the field path problems carry. */
export function pathString(path: FieldPath): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** An unquoted "a: b" in YAML reads as a one-field object where a sentence was meant. */
function colonSplitText(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined;
  const entries = Object.entries(input);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0] as [string, unknown];
  if (value !== null && typeof value !== "string" && typeof value !== "number") return undefined;
  return value === null ? `${key}:` : `${key}: ${value}`;
}

/** A schema issue as a finding: the common mistakes by name, the rest in zod's words. */
function describe(issue: z.core.$ZodIssue, field: FieldPath): Told {
  const last = field.at(-1);
  const custom = issue.code === "custom" ? (issue.params as SchemaFinding | undefined) : undefined;
  if (custom?.finding === "notAnAddress") {
    return finding("notAnAddress", { field, url: custom.url });
  }
  if (custom?.finding === "notHttps") {
    return finding("notHttps", { field, protocol: custom.protocol });
  }
  if (custom?.finding === "hostNotAllowed") {
    return finding("hostNotAllowed", { field, host: custom.host, allowed: custom.allowed });
  }
  if (custom?.finding === "reservedId") return finding("reservedId", { field, ids: custom.ids });
  if (custom?.finding === "notADate") return finding("notADate", { field, value: custom.value });
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return finding("missing", { field });
      const text = issue.expected === "string" ? colonSplitText(issue.input) : undefined;
      if (text !== undefined) return finding("colonSplit", { field, text });
      return finding("wrongType", { field, expected: issue.expected });
    }
    case "too_small": {
      const has = Array.isArray(issue.input) ? issue.input.length : 0;
      if (last === "utterances") {
        return finding("tooFewUtterances", { field, has, min: MIN_UTTERANCES_PER_LANG });
      }
      if (last === "sentences") {
        return finding("tooFewSentences", { field, has, min: MIN_REFERRAL_SENTENCES });
      }
      if (issue.origin === "string" && Number(issue.minimum) === 1) {
        return finding("empty", { field, en: issue.message });
      }
      break;
    }
    case "too_big": {
      const length = typeof issue.input === "string" ? issue.input.length : 0;
      const max = Number(issue.maximum);
      if (last === "answer") {
        return finding("answerTooLong", {
          field,
          length,
          max,
          referral: max < MAX_ANSWER_CHARS,
        });
      }
      if (last === "title") return finding("titleTooLong", { field, length, max: MAX_TITLE_CHARS });
      if (last === "id" || field[0] === "followUps") {
        return finding("badId", { field, en: issue.message });
      }
      if (issue.origin === "string") {
        return finding("textTooLong", { field, length, max, en: issue.message });
      }
      return finding("schema", { field, texts: zodTexts(issue, issue.message), tooBig: true });
    }
    case "unrecognized_keys":
      return finding("unknownFields", { field, keys: issue.keys });
    case "invalid_format":
      if (last === "id" || field[0] === "followUps") {
        return finding("badId", { field, en: issue.message });
      }
  }
  return finding("schema", { field, texts: zodTexts(issue, issue.message) });
}

// ---- Small helpers -------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}

/**
 * Whether a topic or referral group may have its id: a file must be named after it, and no
 * other entry of the same kind may hold it (each refusal reported on the id).
 */
function claimsId(
  report: Report,
  entry: {
    file: string;
    id: string;
    fromFile: boolean;
    seen: ReadonlyMap<string, { file: string }>;
    kind?: "topic" | "referral";
  },
): boolean {
  const { file, id, kind = "topic" } = entry;
  const expectedId = /([^/]+)\.ya?ml$/.exec(file)?.[1];
  if (entry.fromFile && expectedId !== id) {
    report.topic(
      file,
      ["id"],
      finding("fileNameMismatch", {
        name: file.replace(/^[^/]+\//, ""),
        id,
        expected: expectedId ?? "",
      }),
    );
    return false;
  }
  const first = entry.seen.get(id);
  if (first) {
    report.topic(file, ["id"], finding("idTwice", { kind, id, otherFile: first.file }));

    return false;
  }
  return true;
}
