import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import {
  type ReferralGroup,
  type TestCase,
  type TopicFile,
  type UncoveredCase,
  uncoveredFileSchema,
} from "../contracts/content.ts";
import { type Lang, langSchema } from "../contracts/lang.ts";
import {
  type CheckOptions,
  type ContentBundle,
  type ContentCheck,
  type ContentProblem,
  checkBundle,
  type FieldPath,
  type HeldOutSplit,
  schemaProblems,
} from "./rules.ts";
import { UNCOVERED_DIR } from "./uncoveredSet.ts";
import { lineAt, lineOf, readYamlSource, type YamlSource } from "./yamlSource.ts";

// The rules live in rules.ts (no fs, no YAML: the studio bundles them); this module reads
// the YAML files into a bundle and points each problem at its line.
export {
  bundleToContent,
  type CheckOptions,
  type ContentBundle,
  type ContentCheck,
  type ContentProblem,
  checkBundle,
  formatProblems,
  HELD_OUT_SPLITS,
  heldOutKey,
  MIN_TESTS_PER_LANG,
  utteranceKey,
  validateDraftReferral,
  validateDraftTopic,
} from "./rules.ts";

export interface ContentFilesCheck extends ContentCheck {
  /** What the files hold, as far as they could be read (the held-out cases for scoring). */
  bundle: ContentBundle;
}

/**
 * Reads and validates the whole content directory; never throws for content mistakes. With
 * `today` (the agency's day, YYYY-MM-DD), topics past their review date are warned about.
 */
export function checkContent(
  dir: string,
  options: Pick<CheckOptions, "today"> = {},
): ContentFilesCheck {
  const read = readSources(dir);
  const checked = checkBundle(read.bundle, { ...read.options, ...options });
  const problems = [...read.problems, ...checked.problems];
  const hasErrors = problems.some((p) => p.severity === "error");
  return {
    problems,
    bundle: read.bundle,
    ...(checked.content && !hasErrors ? { content: checked.content } : {}),
  };
}

/**
 * The content directory as a bundle, with the problems only files can have (YAML syntax,
 * missing files, the test files' own fields). `checkBundle` does the rest.
 */
export function readBundle(dir: string): { bundle: ContentBundle; problems: ContentProblem[] } {
  const { bundle, problems } = readSources(dir);
  return { bundle, problems };
}

const OUT_OF_SCOPE_FILE = "out-of-scope.yaml";

/** The test and dev files around their cases; the cases themselves are checked as rules. */
const heldOutFileSchema = z.strictObject({ lang: langSchema, cases: z.array(z.unknown()) });

function readSources(dir: string): {
  bundle: ContentBundle;
  problems: ContentProblem[];
  options: CheckOptions;
} {
  const sources = new Map<string, YamlSource>();
  const problems: ContentProblem[] = [];
  const unreadable: string[] = [];
  const lineOfField = (file: string, path: FieldPath): number => {
    const source = sources.get(file);
    return source ? lineOf(source, path) : 1;
  };
  const options: CheckOptions = { lineOf: lineOfField, unreadable };

  /** The file's data, or undefined (and one plain-words problem) when it is not valid YAML. */
  const read = (absolutePath: string, file: string): unknown => {
    const source = readYamlSource(absolutePath, file);
    sources.set(file, source);
    const syntax = yamlProblem(source);
    if (!syntax) return source.doc.toJS();
    problems.push(syntax);
    unreadable.push(file);
    return undefined;
  };

  const topicsDir = join(dir, "topics");
  const topics: TopicFile[] = [];
  const topicFiles: string[] = [];
  const names = existsSync(topicsDir)
    ? readdirSync(topicsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of names) {
    const file = `topics/${name}`;
    const data = read(join(topicsDir, name), file);
    if (data === undefined) continue;
    // Checked by the rules, which report every field that does not fit.
    topics.push(data as TopicFile);
    topicFiles.push(file);
  }
  options.topicFiles = topicFiles;

  // referrals/<id>.yaml: one file per group; a content folder from before referrals has none.
  const referralsDir = join(dir, "referrals");
  const referrals: ReferralGroup[] = [];
  const referralFiles: string[] = [];
  const referralNames = existsSync(referralsDir)
    ? readdirSync(referralsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of referralNames) {
    const file = `referrals/${name}`;
    const data = read(join(referralsDir, name), file);
    if (data === undefined) continue;
    referrals.push(data as ReferralGroup);
    referralFiles.push(file);
  }
  options.referralFiles = referralFiles;

  let outOfScope: ContentBundle["outOfScope"] = { fi: [], sv: [] };
  const oosPath = join(dir, OUT_OF_SCOPE_FILE);
  if (existsSync(oosPath)) {
    const data = read(oosPath, OUT_OF_SCOPE_FILE);
    if (data !== undefined) outOfScope = data as ContentBundle["outOfScope"];
  } else {
    problems.push({
      severity: "error",
      file: OUT_OF_SCOPE_FILE,
      path: "",
      line: 1,
      message: "out-of-scope.yaml is missing",
      fix: "Create it with `fi:` and `sv:` lists of messages the bot must not answer.",
    });
  }

  /**
   * `<folder>/<lang>.yaml`, a file of cases checked whole against `schema`; none when it is
   * missing or unreadable. `noun` names its cases in the messages ("messages", "questions").
   */
  const casesIn = <T>(
    folder: string,
    lang: Lang,
    schema: z.ZodType<{ lang: Lang; cases: T[] }>,
    noun: string,
  ): T[] => {
    const file = `${folder}/${lang}.yaml`;
    const path = join(dir, folder, `${lang}.yaml`);
    if (!existsSync(path)) return [];
    const data = read(path, file);
    if (data === undefined) return [];
    const parsed = schema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      problems.push(...schemaProblems(file, parsed.error.issues, options));
      unreadable.push(file);
      return [];
    }
    if (parsed.data.lang !== lang) {
      problems.push({
        severity: "error",
        file,
        path: "lang",
        line: lineOfField(file, ["lang"]),
        message: `${file} says lang: ${parsed.data.lang}, but its ${noun} belong to ${lang}`,
        fix: `Change it to lang: ${lang}, or move the ${noun} to ${folder}/${parsed.data.lang}.yaml.`,
      });
    }
    return parsed.data.cases;
  };
  const split = (name: HeldOutSplit) => ({
    fi: casesIn(name, "fi", heldOutFileSchema, "messages") as TestCase[],
    sv: casesIn(name, "sv", heldOutFileSchema, "messages") as TestCase[],
  });
  const tests = split("tests");
  const dev = split("dev");

  // uncovered/<lang>.yaml: checked whole here, as no rule reads them; a folder from before
  // the set was kept has none, and the version made of it then has none either.
  const uncoveredCases = (lang: Lang): UncoveredCase[] =>
    casesIn(UNCOVERED_DIR, lang, uncoveredFileSchema, "questions");
  const uncovered = existsSync(join(dir, UNCOVERED_DIR))
    ? { uncovered: { fi: uncoveredCases("fi"), sv: uncoveredCases("sv") } }
    : {};

  return {
    bundle: { topics, outOfScope, referrals, tests, dev, ...uncovered },
    problems,
    options,
  };
}

/**
 * The first syntax error of a file, in plain words: one mistake usually confuses the parser
 * for the rest of the file, so later errors would only repeat it.
 */
function yamlProblem(source: YamlSource): ContentProblem | undefined {
  const first = source.doc.errors[0];
  if (!first) return undefined;
  let line = lineAt(source, first.pos[0]);
  // The parser notices an unclosed quote only where the file ends: point at where it opened.
  if (first.code === "MISSING_CHAR" && /quote/i.test(first.message)) {
    line = openingQuoteLine(source.text, line) ?? line;
  }
  const explained = explainYamlError(
    first.code,
    first.message,
    sourceLine(source, line),
    line,
    source.file,
  );
  return { severity: "error", file: source.file, path: "", line, ...explained };
}

function openingQuoteLine(text: string, before: number): number | undefined {
  const lines = text.split("\n").slice(0, before);
  const index = lines.findIndex((l) => /^\s*(?:- )?(?:[\w.-]+:\s+)?(["'])(?:(?!\1).)*$/.test(l));
  return index < 0 ? undefined : index + 1;
}

function sourceLine(source: YamlSource, line: number): string {
  const start = source.lineCounter.lineStarts[line - 1] ?? 0;
  const end = source.lineCounter.lineStarts[line] ?? source.text.length;
  return source.text.slice(start, end).replace(/\r?\n$/, "");
}

/** A YAML parser error as a content owner can act on it. */
export function explainYamlError(
  code: string,
  parserMessage: string,
  lineText: string,
  line: number,
  file: string,
): { message: string; fix: string } {
  if (code === "TAB_AS_INDENT" || /^\t| \t/.test(lineText.match(/^\s*/)?.[0] ?? "")) {
    return {
      message: `line ${line} is indented with a tab; YAML only accepts spaces`,
      fix: "Replace the tab with spaces (two per level, lined up with the lines around it).",
    };
  }
  const colon = unquotedColon(lineText);
  if (colon) {
    return {
      message: `line ${line} has a colon (:) inside the text, so YAML reads the text as a new field`,
      fix: `Put the sentence in quotes: ${colon}`,
    };
  }
  if (code === "MISSING_CHAR" && /quote/i.test(parserMessage)) {
    return {
      message: `the quotation mark opened on line ${line} is never closed`,
      fix: 'Close the quote at the end of the sentence (a " inside the text is written \\").',
    };
  }
  if (code === "DUPLICATE_KEY") {
    return {
      message: `line ${line} repeats a field that is already given above it`,
      fix: "Keep one of the two: each field appears once at its level.",
    };
  }
  if (/flow (sequence|collection|mapping)/i.test(parserMessage) || /[[{]/.test(lineText)) {
    return {
      message: `a list or group in [ ] or { } near line ${line} is not closed`,
      fix: "Close it with ] or } on the same line, or write the list one item per line starting with '- '.",
    };
  }
  if (/indent|implicit key|mapping|sequence/i.test(parserMessage)) {
    return {
      message: `the indentation at line ${line} does not line up with the lines around it`,
      fix: "Indent with spaces so that fields at the same level start in the same column, and list items start with '- '.",
    };
  }
  return {
    message: `line ${line} of ${file} could not be read as YAML`,
    fix: "Compare the line with the same place in another file; text that contains a colon (:) or starts with a special character must be in quotes.",
  };
}

/**
 * The line rewritten with its value quoted, when an unquoted value contains ": " (or ends
 * with ":"); undefined when there is no such value.
 */
function unquotedColon(lineText: string): string | undefined {
  const match = /^(\s*(?:- )?[\w.-]+:[ \t]+)([^\s"'[{#|>].*)$/.exec(lineText);
  if (!match) return undefined;
  const [, lead = "", value = ""] = match;
  const trimmed = value.replace(/\s+#.*$/, "").trimEnd();
  if (!/:(\s|$)/.test(trimmed)) return undefined;
  return `${lead}"${trimmed.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`.trim();
}
