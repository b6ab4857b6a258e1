import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type * as z from "zod";
import { LEX_LIMITS, lexLocaleUsage, quotaLevel } from "../adapters/lex/lexLocale.ts";
import { LANGS, type Lang } from "../contracts/lang.ts";
import { TOPIC_IDS, type TopicId } from "../contracts/topics.ts";
import {
  type BotContent,
  MAX_ANSWER_CHARS,
  MAX_TITLE_CHARS,
  MIN_UTTERANCES_PER_LANG,
  type OutOfScopeFile,
  outOfScopeFileSchema,
  PERSONAL_PLACEHOLDERS,
  type PersonalTopicId,
  type TestFile,
  type Topic,
  testFileSchema,
  topicFileSchema,
} from "./schema.ts";
import { lineAt, lineOf, readYamlSource, type YamlSource } from "./yamlSource.ts";

export interface ContentProblem {
  severity: "error" | "warning";
  /** Path relative to the content directory, e.g. topics/tax-card.yaml. */
  file: string;
  line: number;
  message: string;
  fix: string;
}

export interface ContentCheck {
  problems: ContentProblem[];
  /** Present only when there are no errors. */
  content?: BotContent;
}

/** Canonical form for duplicate detection: Lex and the recogniser ignore case and punctuation. */
export function utteranceKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Key under which a held-out message and a training sentence count as the same message:
 * also blind to ä/ö/å, because the recogniser folds them away.
 */
export function heldOutKey(text: string): string {
  return utteranceKey(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

/** Folders of held-out messages: `tests` gates CI, `dev` is what tuning looks at. */
export const HELD_OUT_SPLITS = ["tests", "dev"] as const;

/** Reads and validates the whole content directory; never throws for content mistakes. */
export function checkContent(dir: string): ContentCheck {
  const problems: ContentProblem[] = [];
  const topicsDir = join(dir, "topics");
  const topics = new Map<TopicId, Topic>();
  const topicSources = new Map<TopicId, YamlSource>();

  const topicFiles = existsSync(topicsDir)
    ? readdirSync(topicsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of topicFiles) {
    const source = readYamlSource(join(topicsDir, name), `topics/${name}`);
    const topic = validate(source, topicFileSchema, problems);
    if (!topic) continue;
    const expectedName = basename(name).replace(/\.ya?ml$/, "");
    if (topic.id !== expectedName) {
      problems.push(
        error(
          source,
          lineOf(source, ["id"]),
          `file name "${name}" does not match id "${topic.id}"`,
          `Rename the file to ${topic.id}.yaml, or change the id to "${expectedName}".`,
        ),
      );
      continue;
    }
    topics.set(topic.id, topic);
    topicSources.set(topic.id, source);
    checkPersonal(source, topic, problems);
    checkUtteranceSyntax(source, topic, problems);
  }

  for (const id of TOPIC_IDS) {
    if (!topics.has(id) && !topicFiles.some((f) => f.replace(/\.ya?ml$/, "") === id)) {
      problems.push({
        severity: "error",
        file: `topics/${id}.yaml`,
        line: 1,
        message: `topic "${id}" is listed in functions/contracts/topics.ts but has no content file`,
        fix: `Create topics/${id}.yaml (copy an existing topic as a template).`,
      });
    }
  }

  let outOfScope: OutOfScopeFile | undefined;
  let outOfScopeSource: YamlSource | undefined;
  const oosPath = join(dir, "out-of-scope.yaml");
  if (existsSync(oosPath)) {
    outOfScopeSource = readYamlSource(oosPath, "out-of-scope.yaml");
    outOfScope = validate(outOfScopeSource, outOfScopeFileSchema, problems);
  } else {
    problems.push({
      severity: "error",
      file: "out-of-scope.yaml",
      line: 1,
      message: "out-of-scope.yaml is missing",
      fix: "Create it with `fi:` and `sv:` lists of messages the bot must not answer.",
    });
  }

  for (const topic of topics.values()) {
    checkFollowUps(topicSources.get(topic.id) as YamlSource, topic, topics, problems);
  }
  checkDuplicates(topics, topicSources, outOfScope, outOfScopeSource, problems);
  checkHeldOut(dir, topics, topicSources, outOfScope, outOfScopeSource, problems);
  checkLexQuotas(topics, problems);

  const hasErrors = problems.some((p) => p.severity === "error");
  return {
    problems,
    content: hasErrors || !outOfScope ? undefined : { topics, outOfScope },
  };
}

function error(source: YamlSource, line: number, message: string, fix: string): ContentProblem {
  return { severity: "error", file: source.file, line, message, fix };
}

function validate<T>(
  source: YamlSource,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): T | undefined {
  if (source.doc.errors.length > 0) {
    for (const e of source.doc.errors) {
      problems.push(
        error(
          source,
          lineAt(source, e.pos[0]),
          `the file is not valid YAML: ${e.message.split("\n")[0]}`,
          "Check indentation (spaces, not tabs) and that text containing a colon is in quotes.",
        ),
      );
    }
    return undefined;
  }
  const parsed = schema.safeParse(source.doc.toJS(), { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push(error(source, lineOf(source, issue.path), describe(issue), fixFor(issue)));
  }
  return undefined;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p + 1}]` : String(p))).join(".") || "file";
}

function describe(issue: z.core.$ZodIssue): string {
  const where = fieldName(issue.path);
  const last = issue.path.at(-1);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${where} is missing`;
      return `${where} should be ${issue.expected}`;
    case "too_small":
      if (last === "utterances") {
        const has = Array.isArray(issue.input) ? issue.input.length : 0;
        return `${where} has ${has} training sentences; at least ${MIN_UTTERANCES_PER_LANG} are needed`;
      }
      return `${where}: ${issue.message}`;
    case "too_big": {
      const length = typeof issue.input === "string" ? issue.input.length : undefined;
      if (last === "answer")
        return `${where} is ${length} characters; the limit is ${MAX_ANSWER_CHARS}`;
      if (last === "title")
        return `${where} is ${length} characters; the limit is ${MAX_TITLE_CHARS}`;
      return `${where} is too long`;
    }
    case "unrecognized_keys":
      return `${where === "file" ? "the file" : where} has unknown field(s): ${issue.keys.join(", ")}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function fixFor(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    if (last === "fi" || last === "sv") {
      return `Add the ${last === "fi" ? "Finnish" : "Swedish"} section (${String(last)}:) with title, utterances and answer; every topic needs both languages.`;
    }
    return `Add the field "${String(last)}".`;
  }
  if (issue.code === "too_small" && last === "utterances") {
    return "Add more ways a customer might ask this, one per line starting with '- '.";
  }
  if (issue.code === "too_big" && last === "answer") {
    return "Shorten the answer; move details behind a link to vero.fi.";
  }
  if (issue.code === "too_big") return "Shorten the text.";
  if (issue.code === "unrecognized_keys") {
    return "Check the spelling; allowed fields are listed in bot-content/README.md.";
  }
  if (issue.path.includes("url")) return "Use a full https:// address on an allowed site.";
  if (issue.path.includes("followUps") || last === "id") {
    return "Use an id from functions/contracts/topics.ts (ask a developer to add a new one).";
  }
  return "Correct the value as described in bot-content/README.md.";
}

function checkPersonal(source: YamlSource, topic: Topic, problems: ContentProblem[]): void {
  for (const lang of LANGS) {
    const personal = topic[lang].personal;
    if (!personal) continue;
    const allowed = PERSONAL_PLACEHOLDERS[topic.id as PersonalTopicId] as
      | Record<string, readonly string[]>
      | undefined;
    if (!allowed) {
      problems.push(
        error(
          source,
          lineOf(source, [lang, "personal"]),
          `${lang}.personal: topic "${topic.id}" has no personalised answer`,
          `Remove the personal section; only ${Object.keys(PERSONAL_PLACEHOLDERS).join(", ")} can be personalised.`,
        ),
      );
      continue;
    }
    for (const [variant, template] of Object.entries(personal)) {
      const placeholders = allowed[variant];
      if (!placeholders) {
        problems.push(
          error(
            source,
            lineOf(source, [lang, "personal", variant]),
            `${lang}.personal.${variant} is not a known variant for ${topic.id}`,
            `Use ${Object.keys(allowed).join(" / ")}.`,
          ),
        );
        continue;
      }
      for (const match of template.matchAll(/\{([^}]*)\}/g)) {
        const name = match[1] ?? "";
        if (!placeholders.includes(name)) {
          problems.push(
            error(
              source,
              lineOf(source, [lang, "personal", variant]),
              `${lang}.personal.${variant} uses unknown placeholder {${name}}`,
              placeholders.length > 0
                ? `Use only ${placeholders.map((p) => `{${p}}`).join(", ")}.`
                : "This text cannot contain placeholders; write it without {}.",
            ),
          );
        }
      }
    }
  }
}

function checkUtteranceSyntax(source: YamlSource, topic: Topic, problems: ContentProblem[]): void {
  for (const lang of LANGS) {
    topic[lang].utterances.forEach((u, i) => {
      // Lex V2 reads {name} in a sample utterance as a slot reference and rejects unknown ones.
      if (/[{}]/.test(u)) {
        problems.push(
          error(
            source,
            lineOf(source, [lang, "utterances", i]),
            `${lang}.utterances[${i + 1}] contains { or }`,
            "Remove the curly braces; they are reserved for slots in Amazon Lex.",
          ),
        );
      }
    });
  }
}

function checkFollowUps(
  source: YamlSource,
  topic: Topic,
  topics: Map<TopicId, Topic>,
  problems: ContentProblem[],
): void {
  (topic.followUps ?? []).forEach((id, i) => {
    if (id === topic.id) {
      problems.push(
        error(
          source,
          lineOf(source, ["followUps", i]),
          `followUps lists the topic itself (${id})`,
          "Remove it; a follow-up must lead somewhere else.",
        ),
      );
    } else if (!topics.has(id)) {
      problems.push(
        error(
          source,
          lineOf(source, ["followUps", i]),
          `follow-up topic "${id}" has no valid content file`,
          `Create or fix topics/${id}.yaml, or remove it from followUps.`,
        ),
      );
    }
  });
}

interface Seen {
  source: YamlSource;
  where: string;
  line: number;
}

function checkDuplicates(
  topics: Map<TopicId, Topic>,
  sources: Map<TopicId, YamlSource>,
  outOfScope: OutOfScopeFile | undefined,
  outOfScopeSource: YamlSource | undefined,
  problems: ContentProblem[],
): void {
  for (const lang of LANGS) {
    const seen = new Map<string, Seen>();
    const visit = (source: YamlSource, path: (string | number)[], text: string, where: string) => {
      const key = utteranceKey(text);
      const line = lineOf(source, path);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { source, where, line });
        return;
      }
      const same = first.where === where;
      problems.push(
        error(
          source,
          line,
          same
            ? `"${text}" appears twice in ${where} (also line ${first.line})`
            : `"${text}" appears in both ${where} and ${first.where} (${first.source.file} line ${first.line})`,
          same
            ? "Delete one of the copies."
            : "A sentence can teach only one topic; keep it where it belongs and delete or reword the other.",
        ),
      );
    };
    for (const s of trainingSentences(lang, topics, sources, outOfScope, outOfScopeSource)) {
      visit(s.source, s.path, s.text, s.where);
    }
  }
}

/** Every training sentence of one language: the topics' utterances, then the out-of-scope list. */
function* trainingSentences(
  lang: Lang,
  topics: Map<TopicId, Topic>,
  sources: Map<TopicId, YamlSource>,
  outOfScope: OutOfScopeFile | undefined,
  outOfScopeSource: YamlSource | undefined,
): Generator<{ source: YamlSource; path: (string | number)[]; text: string; where: string }> {
  for (const topic of topics.values()) {
    const source = sources.get(topic.id) as YamlSource;
    for (const [i, text] of topic[lang].utterances.entries()) {
      yield { source, path: [lang, "utterances", i], text, where: `topic ${topic.id} (${lang})` };
    }
  }
  if (outOfScope && outOfScopeSource) {
    for (const [i, text] of outOfScope[lang].entries()) {
      yield { source: outOfScopeSource, path: [lang, i], text, where: `out-of-scope (${lang})` };
    }
  }
}

/**
 * Held-out messages (tests/, dev/) must be new wording: one that is also a training
 * sentence measures memory, and one in both splits lets tuning leak into the test score.
 */
function checkHeldOut(
  dir: string,
  topics: Map<TopicId, Topic>,
  sources: Map<TopicId, YamlSource>,
  outOfScope: OutOfScopeFile | undefined,
  outOfScopeSource: YamlSource | undefined,
  problems: ContentProblem[],
): void {
  for (const lang of LANGS) {
    const training = new Map<string, string>();
    for (const s of trainingSentences(lang, topics, sources, outOfScope, outOfScopeSource)) {
      training.set(heldOutKey(s.text), `${s.source.file} line ${lineOf(s.source, s.path)}`);
    }
    const earlierSplit = new Map<string, string>();
    for (const split of HELD_OUT_SPLITS) {
      const path = join(dir, split, `${lang}.yaml`);
      if (!existsSync(path)) continue;
      const source = readYamlSource(path, `${split}/${lang}.yaml`);
      const file: TestFile | undefined = validate(source, testFileSchema, problems);
      if (!file) continue;
      const inThisSplit = new Map<string, string>();
      file.cases.forEach((c, i) => {
        const key = heldOutKey(c.text);
        // Punctuation-only messages ("???") have no words to compare.
        if (key === "") return;
        const line = lineOf(source, ["cases", i]);
        const trained = training.get(key);
        if (trained) {
          problems.push(
            error(
              source,
              line,
              `held-out message "${c.text}" is also a training sentence (${trained})`,
              "Reword the held-out message the way another customer would write it; keep the training sentence.",
            ),
          );
        }
        const elsewhere = earlierSplit.get(key) ?? inThisSplit.get(key);
        if (elsewhere) {
          problems.push(
            error(
              source,
              line,
              `held-out message "${c.text}" is repeated (${elsewhere})`,
              "Keep one copy: a message belongs to one split, once.",
            ),
          );
        }
        inThisSplit.set(key, `${source.file} line ${line}`);
      });
      for (const [key, where] of inThisSplit) earlierSplit.set(key, where);
    }
  }
}

// The same content becomes the Lex bot: warn while there is time to plan, and stop here
// rather than at synth once a quota would be exceeded.
function checkLexQuotas(topics: Map<TopicId, Topic>, problems: ContentProblem[]): void {
  for (const lang of LANGS) {
    const usage = lexLocaleUsage(topics.values(), lang);
    checkQuota(lang, usage.intents, LEX_LIMITS.intentsPerLocale, "intents", problems);
    checkQuota(
      lang,
      usage.utteranceChars,
      LEX_LIMITS.utteranceCharsPerLocale,
      "characters of training sentences",
      problems,
    );
  }
}

function checkQuota(
  lang: Lang,
  used: number,
  max: number,
  what: string,
  problems: ContentProblem[],
) {
  const level = quotaLevel(used, max);
  if (level === "ok") return;
  problems.push({
    severity: level === "over" ? "error" : "warning",
    file: "topics/",
    line: 1,
    message: `${lang}: ${used} ${what} is ${Math.round((used / max) * 100)} % of the Amazon Lex limit (${max})`,
    fix:
      level === "over"
        ? "The bot cannot be deployed like this: merge topics or remove near-identical sentences."
        : "Plan ahead with the developers: merge topics or trim near-identical sentences.",
  });
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
