/**
 * The lists a list page edits (the out-of-scope examples, the uncovered questions) as the
 * studio's form holds them, one item per line, and the check's problems placed next to the
 * list they are about.
 */
import type {
  Lang,
  OutOfScopeLists,
  Problem,
  Severity,
  UncoveredLists,
  UncoveredQuestion,
} from "./api.ts";
import { parsePath } from "./problems.ts";
import { nonBlankLines } from "./topicForm.ts";

/** Each language's items as typed, one per line. */
export type ListsForm = Record<Lang, string>;
/** A language's list, or the summary for what belongs to neither (a Lex quota). */
export type ListFieldKey = Lang | "general";

export interface PlacedListProblem {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
  field: ListFieldKey;
  /** The item's position among the kept lines. */
  index?: number;
}

export function emptyListsForm(): ListsForm {
  return { fi: "", sv: "" };
}

/** The items of one language's list as typed: blank lines dropped, each line trimmed. */
const linesOf = (form: ListsForm, lang: Lang) => nonBlankLines(form[lang]).map((l) => l.value);

export function formFromLists(lists: OutOfScopeLists): ListsForm {
  return { fi: lists.fi.join("\n"), sv: lists.sv.join("\n") };
}

/** The out-of-scope lists the API receives: blank lines dropped, sentences trimmed. */
export function listsFromForm(form: ListsForm): OutOfScopeLists {
  return { fi: linesOf(form, "fi"), sv: linesOf(form, "sv") };
}

/** One uncovered question as a line of its list: its matter, a colon, the question. */
export function uncoveredLine(question: UncoveredQuestion): string {
  return `${question.matter}: ${question.text}`;
}

export function formFromUncovered(lists: UncoveredLists): ListsForm {
  return { fi: lists.fi.map(uncoveredLine).join("\n"), sv: lists.sv.map(uncoveredLine).join("\n") };
}

/**
 * A line as a question: what comes before the first colon is its matter, the rest its text
 * ("dog-tax: paljonko koiravero on?"). The matter is a word with no spaces; a line without one
 * has none, and the check says so at that line rather than the studio guessing one.
 */
export function questionOfLine(line: string): UncoveredQuestion {
  const split = /^([^\s:]+)\s*:\s*(.*)$/.exec(line);
  return split ? { matter: split[1] ?? "", text: split[2] ?? "" } : { matter: "", text: line };
}

/** The uncovered questions the API receives: one per kept line, in the lines' order. */
export function uncoveredFromForm(form: ListsForm): UncoveredLists {
  return {
    fi: linesOf(form, "fi").map(questionOfLine),
    sv: linesOf(form, "sv").map(questionOfLine),
  };
}

/**
 * Where a problem belongs: `fi[3]` (or `fi[3].text`) on the Finnish list at its 4th kept
 * line; else the summary.
 */
export function placeListProblem(problem: Problem): PlacedListProblem {
  const base: PlacedListProblem = {
    severity: problem.severity ?? "error",
    path: problem.path,
    message: problem.message,
    ...(problem.fix ? { fix: problem.fix } : {}),
    field: "general",
  };
  const [head, index] = parsePath(problem.path);
  if (head !== "fi" && head !== "sv") return base;
  return { ...base, field: head, ...(typeof index === "number" ? { index } : {}) };
}
