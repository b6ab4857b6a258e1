/**
 * The out-of-scope lists as the studio's form holds them (one sentence per line, as training
 * sentences), and the check's problems placed next to the list they are about.
 */
import type { Lang, OutOfScopeLists, Problem, Severity } from "./api.ts";
import { parsePath } from "./problems.ts";
import { nonBlankLines } from "./topicForm.ts";

/** Each language's sentences as typed, one per line. */
export type OutOfScopeForm = Record<Lang, string>;
/** A language's list, or the summary for what belongs to neither (a Lex quota). */
export type OutOfScopeFieldKey = Lang | "general";

export interface PlacedOutOfScopeProblem {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
  field: OutOfScopeFieldKey;
  /** The sentence's position among the kept lines. */
  index?: number;
}

export function emptyOutOfScopeForm(): OutOfScopeForm {
  return { fi: "", sv: "" };
}

export function formFromLists(lists: OutOfScopeLists): OutOfScopeForm {
  return { fi: lists.fi.join("\n"), sv: lists.sv.join("\n") };
}

/** The lists the API receives: blank lines dropped, sentences trimmed. */
export function listsFromForm(form: OutOfScopeForm): OutOfScopeLists {
  const list = (lang: Lang) => nonBlankLines(form[lang]).map((l) => l.value);
  return { fi: list("fi"), sv: list("sv") };
}

/** Where a problem belongs: `fi[3]` on the Finnish list at its 4th kept line; else the summary. */
export function placeOutOfScopeProblem(problem: Problem): PlacedOutOfScopeProblem {
  const base: PlacedOutOfScopeProblem = {
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
