/**
 * The topic editor's form as plain data, and its conversion to and from the topic JSON the
 * API takes. Sentences and test messages are edited one per line; blank lines are dropped,
 * and each kept line remembers its line number so that `fi.utterances[3]` can be shown as
 * "line 5" when line 2 was blank.
 */
import {
  type DraftTopic,
  LANGS,
  type Lang,
  type Problem,
  TOPIC_ACTIONS,
  type TopicAction,
  type TopicFile,
  type TopicLink,
  type TopicLocale,
} from "./api.ts";

/** The content check's limits, restated for counters (the server's check decides). */
export const MAX_ANSWER_CHARS = 700;
export const MAX_TITLE_CHARS = 40;
export const MIN_UTTERANCES_PER_LANG = 20;
export const MIN_TESTS_PER_LANG = 8;
export const MAX_TOPIC_ID_CHARS = 64;
export const TOPIC_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface LocaleForm {
  title: string;
  utterances: string;
  answer: string;
  links: TopicLink[];
  personal?: Record<string, string>;
  tests: string;
}

export interface TopicForm {
  id: string;
  action: TopicAction | "";
  followUps: string[];
  /** YYYY-MM-DD as the date input gives it; "" for none. */
  reviewBy: string;
  demo: boolean;
  fi: LocaleForm;
  sv: LocaleForm;
}

export function emptyLocale(): LocaleForm {
  return { title: "", utterances: "", answer: "", links: [], tests: "" };
}

export function emptyForm(): TopicForm {
  return {
    id: "",
    action: "",
    followUps: [],
    reviewBy: "",
    demo: false,
    fi: emptyLocale(),
    sv: emptyLocale(),
  };
}

/**
 * A topic form as a browser kept it, in this build's shape: forms kept before topics had a
 * review date get none, so the half-written topic is given back instead of dropped.
 */
export function keptTopicForm(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return "reviewBy" in value ? value : { ...value, reviewBy: "" };
}

/** The non-blank lines of a textarea, trimmed, each with its 1-based line number. */
export function nonBlankLines(text: string): { value: string; line: number }[] {
  const lines: { value: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (value) lines.push({ value, line: i + 1 });
  });
  return lines;
}

/** The 1-based textarea line of the `index`-th kept line, or undefined when there is none. */
export function lineOfIndex(text: string, index: number): number | undefined {
  return nonBlankLines(text)[index]?.line;
}

/** Characters the content check counts for an answer: the trimmed text's length. */
export function answerLength(answer: string): number {
  return answer.trim().length;
}

function localeForm(locale: TopicLocale, tests: string[] | undefined): LocaleForm {
  return {
    title: locale.title,
    utterances: locale.utterances.join("\n"),
    answer: locale.answer,
    links: (locale.links ?? []).map((l) => ({ label: l.label, url: l.url })),
    ...(locale.personal ? { personal: { ...locale.personal } } : {}),
    tests: (tests ?? []).join("\n"),
  };
}

/** The form for a stored draft topic. */
export function formFromTopic(topic: DraftTopic | TopicFile): TopicForm {
  const tests = "tests" in topic ? topic.tests : undefined;
  return {
    id: topic.id,
    action: topic.action && TOPIC_ACTIONS.includes(topic.action) ? topic.action : "",
    followUps: [...(topic.followUps ?? [])],
    reviewBy: topic.reviewBy ?? "",
    demo: topic.demo === true,
    fi: localeForm(topic.fi, tests?.fi),
    sv: localeForm(topic.sv, tests?.sv),
  };
}

/**
 * The form for a topic saved unfinished: its body as it was sent, any part of which may be
 * missing or not of the topic's shape yet. What fits a field is given back; the rest starts
 * empty, and the check says what is still to fill in.
 */
export function formFromUnfinished(body: unknown, id: string): TopicForm {
  const record = asRecord(body);
  const tests = asRecord(record.tests);
  return formFromTopic({
    id,
    ...(typeof record.action === "string" ? { action: record.action as TopicAction } : {}),
    followUps: strings(record.followUps),
    ...(typeof record.reviewBy === "string" ? { reviewBy: record.reviewBy } : {}),
    demo: record.demo === true,
    fi: unfinishedLocale(record.fi),
    sv: unfinishedLocale(record.sv),
    tests: { fi: strings(tests.fi), sv: strings(tests.sv) },
  } as DraftTopic);
}

function unfinishedLocale(value: unknown): TopicLocale {
  const side = asRecord(value);
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const links = Array.isArray(side.links)
    ? side.links.map((l) => ({ label: text(asRecord(l).label), url: text(asRecord(l).url) }))
    : [];
  const personal = asRecord(side.personal);
  const variants = Object.entries(personal).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return {
    title: text(side.title),
    utterances: strings(side.utterances),
    answer: text(side.answer),
    ...(links.length ? { links } : {}),
    ...(variants.length ? { personal: Object.fromEntries(variants) } : {}),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function localeFromForm(form: LocaleForm): TopicLocale {
  // Rows left entirely empty are unfinished, not content; half-filled rows go to the check.
  const links = form.links
    .map((l) => ({ label: l.label.trim(), url: l.url.trim() }))
    .filter((l) => l.label || l.url);
  return {
    title: form.title.trim(),
    utterances: nonBlankLines(form.utterances).map((l) => l.value),
    answer: form.answer.trim(),
    ...(links.length ? { links } : {}),
    ...(form.personal && Object.keys(form.personal).length ? { personal: form.personal } : {}),
  };
}

/** The topic JSON for validate and PUT: same fields as the YAML file, plus its test messages. */
export function topicFromForm(form: TopicForm): DraftTopic {
  return {
    id: form.id.trim(),
    ...(form.demo ? { demo: true } : {}),
    ...(form.action ? { action: form.action } : {}),
    ...(form.followUps.length ? { followUps: [...form.followUps] } : {}),
    // Sent as typed: the server's check names a date that is not one at the field.
    ...(form.reviewBy.trim() ? { reviewBy: form.reviewBy.trim() } : {}),
    fi: localeFromForm(form.fi),
    sv: localeFromForm(form.sv),
    tests: {
      fi: nonBlankLines(form.fi.tests).map((l) => l.value),
      sv: nonBlankLines(form.sv.tests).map((l) => l.value),
    },
  };
}

/** Messages of the checks only the studio can make: the server needs a valid id in the URL. */
export interface IdCheckText {
  idRequired: string;
  idFormat: string;
  idFormatFix: string;
  idTooLong: (max: number) => string;
  idInUse: (id: string) => string;
  idInUseFix: string;
}

/**
 * Problems with a new topic's id, found before the server can be asked (its check runs on
 * `/validate/topics/{id}`). An empty list means the id can go into the URL.
 */
export function idProblems(
  id: string,
  existingIds: ReadonlySet<string>,
  text: IdCheckText,
): Problem[] {
  const value = id.trim();
  if (!value) return [{ severity: "error", path: "id", message: text.idRequired }];
  if (value.length > MAX_TOPIC_ID_CHARS)
    return [{ severity: "error", path: "id", message: text.idTooLong(MAX_TOPIC_ID_CHARS) }];
  if (!TOPIC_ID_PATTERN.test(value))
    return [{ severity: "error", path: "id", message: text.idFormat, fix: text.idFormatFix }];
  if (existingIds.has(value))
    return [{ severity: "error", path: "id", message: text.idInUse(value), fix: text.idInUseFix }];
  return [];
}

/** Counts shown next to each language's fields. */
export function localeCounts(form: LocaleForm): {
  utterances: number;
  tests: number;
  answerChars: number;
} {
  return {
    utterances: nonBlankLines(form.utterances).length,
    tests: nonBlankLines(form.tests).length,
    answerChars: answerLength(form.answer),
  };
}

export function otherLang(lang: Lang): Lang {
  return lang === "fi" ? "sv" : "fi";
}

export { LANGS };
