/**
 * Diffs as the reviewer reads them: the draft's changes before publishing (from the draft's
 * `changed` ids and the live topic list) and a version's diff (from the server), both as the
 * same rows: topic, kind of change, and the changed fields in words.
 */
import type { Draft, Lang, TopicChange, VersionDiff } from "./api.ts";
import type { UiText } from "./i18n.ts";
import { parsePath } from "./problems.ts";

export interface DiffRow {
  id: string;
  change: TopicChange;
  /** Changed fields in words, e.g. "suomi: vastaus"; empty when not known. */
  fields: string[];
}

const CHANGE_ORDER: Record<TopicChange, number> = { added: 0, changed: 1, removed: 2 };

function byChangeThenId(a: DiffRow, b: DiffRow): number {
  return CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || a.id.localeCompare(b.id);
}

/**
 * The draft's changes against live: a changed topic that is retired will be removed, one the
 * live version does not have is added, any other has changed.
 */
export function draftChanges(draft: Draft, liveIds: ReadonlySet<string>): DiffRow[] {
  const summaries = new Map(draft.topics.map((t) => [t.id, t]));
  return [...new Set(draft.changed)]
    .map((id): DiffRow => {
      const retired = summaries.get(id)?.retired === true;
      const change: TopicChange = retired ? "removed" : liveIds.has(id) ? "changed" : "added";
      return { id, change, fields: [] };
    })
    .filter((row) => !(row.change === "removed" && !liveIds.has(row.id)))
    .sort(byChangeThenId);
}

/** A changed field's name in words: `fi.utterances` → "suomi: opetuslauseet". */
export function fieldLabel(path: string, t: UiText): string {
  const segments = parsePath(path).filter((s): s is string => typeof s === "string");
  const isLang = (s: string | undefined): s is Lang => s === "fi" || s === "sv";
  const [first, second] = segments;
  const fields = t.fields as Record<string, string>;
  if (first === "tests" && isLang(second)) return `${t.langName[second]}: ${fields.tests}`;
  if (isLang(first) && second) return `${t.langName[first]}: ${fields[second] ?? second}`;
  if (isLang(first)) return t.langName[first];
  if (first && fields[first]) return (fields[first] as string).toLowerCase();
  return path;
}

/** The server's diff of a version as rows, fields in words and each named once. */
export function versionDiffRows(diff: VersionDiff, t: UiText): DiffRow[] {
  return diff.topics
    .map((topic) => ({
      id: topic.id,
      change: topic.change,
      fields: [...new Set(topic.fields.map((f) => fieldLabel(f, t)))],
    }))
    .sort(byChangeThenId);
}

/** One row as a line of text: "Muutettu: tax-card (suomi: vastaus, ruotsi: vastaus)". */
export function diffLine(row: DiffRow, t: UiText): string {
  const head = `${t.change[row.change]}: ${row.id}`;
  return row.fields.length ? `${head} (${row.fields.join(", ")})` : head;
}
