/**
 * Diffs as the owner and the reviewer read them: the draft's changes before publishing and a
 * version's diff, both from the server and both as the same rows: topic, kind of change, the
 * changed fields in words, and what the changed parts say, shown word by word.
 */
import { diffWords } from "diff";
import type { FieldChange, Lang, TopicChange, VersionDiff } from "./api.ts";
import type { UiText } from "./i18n.ts";
import { parsePath } from "./problems.ts";

export interface DiffRow {
  id: string;
  /** Set for a referral group's change. */
  kind?: "referral";
  change: TopicChange;
  /** Changed fields in words, e.g. "suomi: vastaus"; empty when not known. */
  fields: string[];
  /** What the changed parts say before and after, when the server sent them. */
  details?: FieldChange[];
}

/** What a row is about, in words: a topic by id, a referral group, the out-of-scope examples. */
export function rowName(row: Pick<DiffRow, "id" | "kind">, t: UiText): string {
  if (row.kind === "referral") return t.referrals.editTitle(row.id);
  if (row.id === "out-of-scope") return t.outOfScopeName;
  return row.id;
}

/**
 * A changed text as the studio names it: an action by its name, the demo flag as the editor's
 * label; "" stays "" (none).
 */
export function partText(field: string, value: string, t: UiText): string {
  if (value === "") return value;
  if (field === "action") return (t.actions as Record<string, string>)[value] ?? value;
  if (field === "demo") return value === "true" ? t.demoLabel : value;
  return value;
}

/** A piece of a changed text: kept, or only in the text before or after. */
export interface TextPiece {
  text: string;
  mark?: "added" | "removed";
}

/**
 * A text change word by word, so a reviewer sees that "3 %" became "4 %" in a long answer. A
 * text that is new or gone altogether is one piece.
 */
export function textPieces(before: string, after: string): TextPiece[] {
  if (before === "") return [{ text: after, mark: "added" }];
  if (after === "") return [{ text: before, mark: "removed" }];
  return diffWords(before, after).map((part) =>
    part.added
      ? { text: part.value, mark: "added" }
      : part.removed
        ? { text: part.value, mark: "removed" }
        : { text: part.value },
  );
}

const CHANGE_ORDER: Record<TopicChange, number> = { added: 0, changed: 1, removed: 2 };

function byChangeThenId(a: DiffRow, b: DiffRow): number {
  return CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || a.id.localeCompare(b.id);
}

/**
 * A changed field's name in words: `fi.utterances` → "suomi: opetuslauseet", a personalised
 * answer's variant with its name: `fi.personal.due` → "suomi: henkilökohtaiset vastaukset (due)".
 */
export function fieldLabel(path: string, t: UiText): string {
  const segments = parsePath(path).filter((s): s is string => typeof s === "string");
  const isLang = (s: string | undefined): s is Lang => s === "fi" || s === "sv";
  const [first, second, third] = segments;
  const fields: Record<string, string> = { ...t.fields, ...t.diffParts };
  if (first === "tests" && isLang(second)) return `${t.langName[second]}: ${fields.tests}`;
  if (first && fields[first] && isLang(second)) return `${t.langName[second]}: ${fields[first]}`;
  if (isLang(first) && second === "personal" && third)
    return `${t.langName[first]}: ${fields.personal} (${third})`;
  if (isLang(first) && second) return `${t.langName[first]}: ${fields[second] ?? second}`;
  if (isLang(first)) return t.langName[first];
  if (first && fields[first]) return (fields[first] as string).toLowerCase();
  return path;
}

/** The server's diff of a version as rows, fields in words and each named once. */
export function versionDiffRows(diff: Pick<VersionDiff, "topics">, t: UiText): DiffRow[] {
  return diff.topics
    .map((topic) => ({
      id: topic.id,
      ...(topic.kind ? { kind: topic.kind } : {}),
      change: topic.change,
      fields: [...new Set(topic.fields.map((f) => fieldLabel(f, t)))],
      ...(topic.details ? { details: topic.details } : {}),
    }))
    .sort(byChangeThenId);
}

/** One row as a line of text: "Muutettu: tax-card (suomi: vastaus, ruotsi: vastaus)". */
export function diffLine(row: DiffRow, t: UiText): string {
  const head = `${t.change[row.change]}: ${rowName(row, t)}`;
  return row.fields.length ? `${head} (${row.fields.join(", ")})` : head;
}
