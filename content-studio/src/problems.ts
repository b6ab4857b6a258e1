/**
 * Places the content check's problems next to the editor's fields. A problem's `path` is the
 * field inside the topic (`fi.utterances[3]`, `sv.links[0].url`, `tests.fi[2]`, `followUps[1]`,
 * `id`); anything the editor has no field for goes to the summary only.
 */
import type { Lang, Problem, Severity } from "./api.ts";
import type { UiText } from "./i18n.ts";
import { routeHash } from "./route.ts";

export type LocaleField = "title" | "utterances" | "answer" | "links" | "personal" | "tests";
export type FieldKey =
  | "id"
  | "action"
  | "followUps"
  | "reviewBy"
  | "demo"
  | `${Lang}.${LocaleField}`
  | "general";

export interface PlacedProblem {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
  code?: string;
  field: FieldKey;
  /** The list position for list fields (a sentence, test message, link, follow-up). */
  index?: number;
  /** Inside a list item: `label` or `url` of a link. */
  sub?: string;
  /** The studio page where part of the fix is made (the server's `page`). */
  page?: Problem["page"];
}

const LOCALE_FIELDS: readonly LocaleField[] = [
  "title",
  "utterances",
  "answer",
  "links",
  "personal",
  "tests",
];
const ROOT_FIELDS = ["id", "action", "followUps", "reviewBy", "demo"] as const;

/** `fi.links[0].url` → `["fi", "links", 0, "url"]`. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

const isLang = (s: unknown): s is Lang => s === "fi" || s === "sv";

/** Where in the editor a problem belongs. */
export function placeProblem(problem: Problem): PlacedProblem {
  const base: PlacedProblem = {
    severity: problem.severity ?? "error",
    path: problem.path,
    message: problem.message,
    ...(problem.fix ? { fix: problem.fix } : {}),
    ...(problem.code ? { code: problem.code } : {}),
    ...(problem.page ? { page: problem.page } : {}),
    field: "general",
  };
  const segments = parsePath(problem.path);
  // Tolerate a prefix such as `topics/capital-gains.` before the topic's own fields.
  const start = segments.findIndex(
    (s) => isLang(s) || s === "tests" || (ROOT_FIELDS as readonly unknown[]).includes(s),
  );
  if (start < 0) return base;
  const [head, second, third, fourth] = segments.slice(start);
  const at = (field: FieldKey, index: unknown, sub?: unknown): PlacedProblem => ({
    ...base,
    field,
    ...(typeof index === "number" ? { index } : {}),
    ...(typeof sub === "string" ? { sub } : {}),
  });
  if (head === "tests" && isLang(second)) return at(`${second}.tests`, third);
  if (isLang(head) && (LOCALE_FIELDS as readonly unknown[]).includes(second)) {
    return at(`${head}.${second as LocaleField}`, third, fourth);
  }
  if (isLang(head)) return base;
  if (head === "tests") return base;
  return at(head as FieldKey, second);
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function countProblems(problems: readonly { severity?: Severity }[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if ((p.severity ?? "error") === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/**
 * What a check summary's headline says: the counts when something was found; else, if the
 * last check had no answer, that it could not be run (no answer is no finding), or else that
 * nothing was found.
 */
export function checkVerdict(counts: ProblemCounts, failed: boolean): "found" | "notRun" | "clean" {
  if (counts.errors || counts.warnings) return "found";
  return failed ? "notRun" : "clean";
}

/** Errors block Save; warnings never do. */
export function blocksSave(problems: readonly { severity?: Severity }[]): boolean {
  return countProblems(problems).errors > 0;
}

/** The placed problems of one field, errors first, in list order within each severity. */
export function problemsOf(problems: readonly PlacedProblem[], field: FieldKey): PlacedProblem[] {
  return problems
    .filter((p) => p.field === field)
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        (a.index ?? -1) - (b.index ?? -1),
    );
}

/** The DOM id of the control a problem points at, so the summary can move focus there. */
export function controlId(problem: Pick<PlacedProblem, "field" | "index" | "sub">): string {
  switch (problem.field) {
    case "general":
      return "topic-summary";
    case "id":
      return "topic-id";
    case "action":
      return "topic-action";
    case "demo":
      return "topic-demo";
    case "followUps":
      return "topic-followups";
    case "reviewBy":
      return "topic-review-by";
    default: {
      const [lang, field] = problem.field.split(".") as [Lang, LocaleField];
      if (field === "links" && problem.index !== undefined)
        return `topic-${lang}-link-${problem.index}-${problem.sub === "label" ? "label" : "url"}`;
      if (field === "links") return `topic-${lang}-links-add`;
      return `topic-${lang}-${field}`;
    }
  }
}

/** Problems in a stable order for the summary: by field as the editor shows them, then index. */
export function summaryOrder(problems: readonly PlacedProblem[]): PlacedProblem[] {
  const order: FieldKey[] = [
    "id",
    ...(["fi", "sv"] as const).flatMap((lang) =>
      LOCALE_FIELDS.map((f) => `${lang}.${f}` as FieldKey),
    ),
    "action",
    "followUps",
    "reviewBy",
    "demo",
    "general",
  ];
  return [...problems].sort(
    (a, b) =>
      order.indexOf(a.field) - order.indexOf(b.field) ||
      (a.index ?? -1) - (b.index ?? -1) ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
}

/** The field a placed problem belongs to, as the editor labels it: "Suomi: opetuslauseet". */
export function fieldLabel(p: Pick<PlacedProblem, "field">, t: UiText): string {
  if (p.field.includes(".")) {
    const [lang, field] = p.field.split(".") as [Lang, keyof UiText["fields"]];
    return `${t.langColumn[lang]}: ${t.fields[field]}`;
  }
  return t.fields[p.field as keyof UiText["fields"]];
}

/**
 * Where a problem of a whole version is (a refused publish names the file too:
 * `topics/vat.yaml fi.utterances[3]`, or `tests` for the test gate), in the studio's words.
 */
export function versionProblemPlace(path: string, t: UiText): string {
  const file = /^(topics|referrals)\/([^ /]+)\.yaml(?: (.+))?$/.exec(path);
  if (file) {
    const [, folder, id = "", inside] = file;
    const placed = inside ? placeProblem({ path: inside, message: "" }) : undefined;
    // Fields the topic editor has labels for are named; others by their topic or group alone.
    const field =
      placed && placed.field !== "general"
        ? [fieldLabel(placed, t), placed.index === undefined ? "" : t.itemN(placed.index + 1)]
            .filter(Boolean)
            .join(", ")
        : "";
    const owner = folder === "topics" ? t.refusedAt(id) : t.referrals.editTitle(id);
    return [owner, field].filter(Boolean).join(" – ");
  }
  const scope = /^out-of-scope\.yaml(?: (.+))?$/.exec(path);
  if (scope) {
    // `fi[3]`: the language's list and the sentence's place in it.
    const [lang, index] = parsePath(scope[1] ?? "");
    const at =
      lang === "fi" || lang === "sv"
        ? [t.langColumn[lang], typeof index === "number" ? t.itemN(index + 1) : ""]
        : [];
    return [t.outOfScopeName, at.filter(Boolean).join(", ")].filter(Boolean).join(" – ");
  }
  const uncovered = /^uncovered\/(fi|sv)\.yaml(?: (.+))?$/.exec(path);
  if (uncovered) {
    // `cases[3]`: the question's place in its language's list.
    const [, lang = "fi", inside = ""] = uncovered;
    const [, index] = parsePath(inside);
    const at = [
      t.langColumn[lang as "fi" | "sv"],
      typeof index === "number" ? t.itemN(index + 1) : "",
    ];
    return [t.uncoveredTitle, at.filter(Boolean).join(", ")].join(" – ");
  }
  // The test gate's and the Lex quotas' messages name what they are about themselves.
  if (path === "tests" || path === "topics/") return "";
  return path;
}

/**
 * Which warning this is across checks, so one already there when the topic was opened is
 * told from one the edit brought: its kind and field, and for a sentence or test message
 * the line's text (lines move as others are added above them).
 */
export function warningKey(p: PlacedProblem, lineText: (p: PlacedProblem) => string | undefined) {
  const kind = p.code ?? p.message;
  const line = p.index === undefined ? undefined : lineText(p);
  return line === undefined ? `${kind}|${p.path}` : `${kind}|${p.field}|${line}`;
}

/**
 * A link to the page where part of a problem's fix is made, when that is not where the problem
 * shows: a sentence also in the out-of-scope lists (or a topic's sentence or test message that is
 * an uncovered question) is removed from them on their own page.
 */
export function problemPageLink(
  p: Pick<Problem, "page">,
  t: UiText,
): { href: string; label: string } | undefined {
  if (p.page === "out-of-scope") {
    return { href: routeHash({ view: "out-of-scope" }), label: t.openOutOfScope };
  }
  if (p.page === "uncovered") {
    return { href: routeHash({ view: "uncovered" }), label: t.openUncovered };
  }
  return undefined;
}
