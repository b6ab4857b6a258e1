/**
 * Diffs as the owner and the reviewer read them: the draft's changes before publishing and a
 * version's diff, both from the server and both as the same rows: topic, kind of change, the
 * changed fields in words, and what the changed parts say, shown word by word.
 */
import { diffWords } from "diff";
import type {
  AnswerPreviews,
  ChangeKind,
  FieldChange,
  Lang,
  TopicChange,
  VersionDiff,
} from "./api.ts";
import { formatDay, type UiText } from "./i18n.ts";
import { parsePath } from "./problems.ts";

export interface DiffRow {
  id: string;
  /** Set for a referral group's change, and the uncovered questions'. */
  kind?: ChangeKind;
  /** The topic's or group's titles, when the server sent them (a removed one's as it was). */
  title?: Record<Lang, string>;
  change: TopicChange;
  /** Changed fields in words, e.g. "suomi: vastaus"; empty when not known. */
  fields: string[];
  /** What the changed parts say before and after, when the server sent them. */
  details?: FieldChange[];
  /**
   * The one language whose answer changed while the other's did not: often a translation
   * forgotten, so the reviewer is told.
   */
  answerOnlyIn?: Lang;
  /** The answer as customers get it, when the server sent it (see `previewShown`). */
  preview?: AnswerPreviews;
}

/** A row's name: its title when it has one, and the id (a group's as a group's) beside it. */
export interface RowLabel {
  name: string;
  /** Set when `name` is a title: its language (the other one when the studio's is empty). */
  lang?: Lang;
  /** Set when `name` is a title: the id, told secondary. */
  id?: string;
  /** Set with `id` for a referral group: says what kind of id it is. */
  kindNote?: string;
}

/**
 * What a row is about: a topic or group by its title in the studio's language (else the
 * other's), its id beside it; without titles a topic by id, a referral group as such, and the
 * out-of-scope examples by their name.
 */
export function rowLabel(row: Pick<DiffRow, "id" | "kind" | "title">, t: UiText): RowLabel {
  const other: Lang = t.lang === "fi" ? "sv" : "fi";
  const lang = row.title?.[t.lang] ? t.lang : row.title?.[other] ? other : undefined;
  if (row.title && lang) {
    return {
      name: row.title[lang],
      lang,
      id: row.id,
      ...(row.kind === "referral" ? { kindNote: t.diffReferralNote } : {}),
    };
  }
  if (row.kind === "referral") return { name: t.referrals.editTitle(row.id) };
  if (row.kind === "uncovered") return { name: t.uncoveredTitle };
  if (row.id === "out-of-scope") return { name: t.outOfScopeName };
  return { name: row.id };
}

/** What a row is about, as one text: "Luovutusvoitot (capital-gains)". */
export function rowName(row: Pick<DiffRow, "id" | "kind" | "title">, t: UiText): string {
  return labelText(rowLabel(row, t));
}

/** A row's label as one text, the id in brackets after the title. */
export function labelText(label: RowLabel): string {
  if (label.id === undefined) return label.name;
  return `${label.name} (${label.kindNote ? `${label.kindNote} ` : ""}${label.id})`;
}

/**
 * A changed text as the studio names it: an action by its name, the demo flag as the editor's
 * label, a review date as the studio writes dates; "" stays "" (none).
 */
export function partText(field: string, value: string, t: UiText): string {
  if (value === "") return value;
  if (field === "action") return (t.actions as Record<string, string>)[value] ?? value;
  if (field === "demo") return value === "true" ? t.demoLabel : value;
  if (field === "reviewBy") return formatDay(value, t);
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

/**
 * The language whose answer alone a change touched (`fi.answer` without `sv.answer`, or the
 * other way round); none when both or neither changed, or the item is new or removed.
 */
export function answerOnlyIn(change: TopicChange, fields: readonly string[]): Lang | undefined {
  if (change !== "changed") return undefined;
  const fi = fields.includes("fi.answer");
  const sv = fields.includes("sv.answer");
  if (fi === sv) return undefined;
  return fi ? "fi" : "sv";
}

/** Rows by kind of change, then by the name the reader sees. */
function byChangeThenName(t: UiText): (a: DiffRow, b: DiffRow) => number {
  return (a, b) =>
    CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
    rowLabel(a, t).name.localeCompare(rowLabel(b, t).name, t.locale) ||
    a.id.localeCompare(b.id);
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
    .map((topic): DiffRow => {
      const only = answerOnlyIn(topic.change, topic.fields);
      return {
        id: topic.id,
        ...(topic.kind ? { kind: topic.kind } : {}),
        ...(topic.title ? { title: topic.title } : {}),
        change: topic.change,
        fields: [...new Set(topic.fields.map((f) => fieldLabel(f, t)))],
        ...(topic.details ? { details: topic.details } : {}),
        ...(only ? { answerOnlyIn: only } : {}),
        ...(topic.preview ? { preview: topic.preview } : {}),
      };
    })
    .sort(byChangeThenName(t));
}

/**
 * Whether a row shows its answer as customers get it: a new topic's or group's always, a
 * changed one's when customers see something else than before (not for new training
 * sentences alone, where the answer would only repeat what they already get).
 */
export function previewShown(row: Pick<DiffRow, "change" | "preview">): boolean {
  if (!row.preview) return false;
  return row.change === "added" || row.preview.before !== undefined;
}

/** The lists a diff only counts until asked: their items run to dozens, one line each. */
export type CountedList = "utterances" | "tests" | "dev" | "outOfScope" | "uncovered" | "sentences";

const COUNTED = new Set<string>([
  "utterances",
  "tests",
  "dev",
  "outOfScope",
  "uncovered",
  "sentences",
]);

/** Which counted list a field is (`fi.utterances`, `tests.sv`...); undefined for any other. */
export function countedList(field: string): CountedList | undefined {
  const [first, second] = field.split(".");
  const name = first === "fi" || first === "sv" ? second : first;
  return name !== undefined && COUNTED.has(name) ? (name as CountedList) : undefined;
}

// What the customer reads comes first, then what else is about the answer; the rest keeps
// the server's order (finnish before swedish).
const FIELD_RANK: Record<string, number> = {
  title: 0,
  answer: 1,
  links: 2,
  link: 2,
  followUps: 3,
  action: 4,
  personal: 5,
  demo: 6,
  reviewBy: 7,
};

function rankOf(field: string): number {
  const [first, second] = field.split(".");
  const name = (first === "fi" || first === "sv" ? second : first) ?? "";
  return FIELD_RANK[name] ?? 8;
}

/**
 * A change's details in reading order: `shown`, the parts read in full (title, answer, links,
 * follow-ups, action, then the rest), and `counted`, the long lists told as counts with their
 * items folded. With the answer previewed, a new item's answer texts are left out: the
 * preview is that text as the customer reads it.
 */
export function detailSections(row: Pick<DiffRow, "change" | "preview" | "details">): {
  shown: FieldChange[];
  counted: FieldChange[];
} {
  const details = row.details ?? [];
  const previewed = previewShown(row) && row.change === "added";
  const shown = details
    .filter((d) => !countedList(d.field))
    .filter((d) => !(previewed && /^(fi|sv)\.answer$/.test(d.field)))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rankOf(a.d.field) - rankOf(b.d.field) || a.i - b.i)
    .map(({ d }) => d);
  return { shown, counted: details.filter((d) => countedList(d.field)) };
}

/**
 * A counted list's change in a few words: "+18 opetuslausetta, −2" (the noun with the first
 * count), "−2 opetuslausetta" when nothing was added; "" when only the order changed.
 */
export function listSummary(
  field: string,
  change: { added: readonly string[]; removed: readonly string[] },
  t: UiText,
): string {
  const list = countedList(field);
  const added = change.added.length;
  const removed = change.removed.length;
  if (!list || added + removed === 0) return "";
  const noun = t.listNouns[list];
  if (added === 0) return `−${removed} ${noun(removed)}`;
  const plus = `+${added} ${noun(added)}`;
  return removed ? `${plus}, −${removed}` : plus;
}

/** One row as a line of text: "Muutettu: Verokortti (tax-card) (suomi: vastaus, ruotsi: vastaus)". */
export function diffLine(row: DiffRow, t: UiText): string {
  const head = `${t.change[row.change]}: ${rowName(row, t)}`;
  return row.fields.length ? `${head} (${row.fields.join(", ")})` : head;
}

/**
 * A draft change that a rollback's content changes too. When the rollback goes live the
 * server keeps every item the draft has changed exactly as the draft has it (`planDraftRebase`
 * in functions/domain/content/draftRebase.ts): customers get the rolled-back content, the
 * draft keeps its own, which shows as a change against the new live version afterwards.
 */
export interface RollbackTouch {
  id: string;
  kind?: ChangeKind;
  /** The item's titles: the draft's, else the rolled-back version's (a removed one's as it was). */
  title?: Record<Lang, string>;
  /** What the draft did to it against live. */
  draft: TopicChange;
  /** What the rollback would do to it against live. */
  rollback: TopicChange;
}

/**
 * The items both the draft and a rollback change against the same live version (`draft`'s
 * `against` must be `rollback`'s), as the server compares them: by kind and id, the
 * out-of-scope lists being the entry without a kind. Ordered by name as the diffs are.
 */
export function rollbackTouches(
  draft: Pick<VersionDiff, "topics" | "against">,
  rollback: Pick<VersionDiff, "topics" | "against">,
  t: UiText,
): RollbackTouch[] {
  if (draft.against !== rollback.against) return [];
  const key = (c: { id: string; kind?: ChangeKind }) => `${c.kind ?? "topic"}:${c.id}`;
  const rolled = new Map(rollback.topics.map((c) => [key(c), c]));
  return draft.topics
    .flatMap((mine): RollbackTouch[] => {
      const theirs = rolled.get(key(mine));
      if (!theirs) return [];
      const title = mine.title ?? theirs.title;
      return [
        {
          id: mine.id,
          ...(mine.kind ? { kind: mine.kind } : {}),
          ...(title ? { title } : {}),
          draft: mine.change,
          rollback: theirs.change,
        },
      ];
    })
    .sort(
      (a, b) =>
        rowLabel(a, t).name.localeCompare(rowLabel(b, t).name, t.locale) ||
        a.id.localeCompare(b.id),
    );
}

/** A kept draft topic whose follow-up is a topic the rolled-back content does not have. */
export interface BrokenFollowUp {
  topic: { id: string; title?: Record<Lang, string> };
  followUp: { id: string; title?: Record<Lang, string> };
}

type ChangeRow = Pick<VersionDiff, "topics">["topics"][number];

/** A topic's `followUps` change in a diff: the follow-ups one side has and the other lacks. */
function followUpChange(row: ChangeRow | undefined): { added: string[]; removed: string[] } {
  const detail = row?.details?.find((d) => d.field === "followUps");
  return detail && "added" in detail ? detail : { added: [], removed: [] };
}

/** The draft's topic changes the server keeps as they are when the rollback goes live. */
function keptTopics(draft: Pick<VersionDiff, "topics">): ChangeRow[] {
  return draft.topics.filter((c) => !c.kind && c.id !== "out-of-scope" && c.change !== "removed");
}

/**
 * Topics the rolled-back content does not have (it retires or never had them) that the draft
 * does not keep of its own either: after the rollback, the draft has none of them.
 */
function goneAfterRollback(
  draft: Pick<VersionDiff, "topics">,
  rollback: Pick<VersionDiff, "topics">,
): Map<string, ChangeRow> {
  const own = new Set(draft.topics.filter((c) => !c.kind).map((c) => c.id));
  return new Map(
    rollback.topics
      .filter((c) => !c.kind && c.change === "removed" && !own.has(c.id))
      .map((c) => [c.id, c]),
  );
}

/**
 * The kept draft topics whose follow-ups the two diffs cannot tell: those the rolled-back
 * content does not have (its diff lists nothing for a removed topic). Asked only when the
 * rollback leaves some topic out, since only then can a follow-up break.
 */
export function followUpsToRead(
  draft: Pick<VersionDiff, "topics" | "against">,
  rollback: Pick<VersionDiff, "topics" | "against">,
): string[] {
  if (draft.against !== rollback.against || !goneAfterRollback(draft, rollback).size) return [];
  const rolled = new Map(rollback.topics.filter((c) => !c.kind).map((c) => [c.id, c]));
  return keptTopics(draft)
    .filter((c) => c.change === "changed" && rolled.get(c.id)?.change === "removed")
    .map((c) => c.id);
}

/**
 * The draft topics the rollback keeps whose follow-ups name a topic that the draft will not
 * have once the rollback is live (see `goneAfterRollback`): the next publish's check refuses
 * a follow-up to a topic that is not there. A kept topic's follow-ups are what live's has
 * plus what the draft added, less what it took away; live's that the rolled-back content
 * lacks are what the version's diff says it removes (the version's own topic, valid when it
 * was published, names none of the topics it does not have). `read` gives the whole list for
 * the topics `followUpsToRead` names.
 */
export function rollbackBrokenFollowUps(
  draft: Pick<VersionDiff, "topics" | "against">,
  rollback: Pick<VersionDiff, "topics" | "against">,
  read: ReadonlyMap<string, readonly string[]>,
  t: UiText,
): BrokenFollowUp[] {
  if (draft.against !== rollback.against) return [];
  const gone = goneAfterRollback(draft, rollback);
  if (!gone.size) return [];
  const rolled = new Map(rollback.topics.filter((c) => !c.kind).map((c) => [c.id, c]));
  const named = (c: ChangeRow) => ({ id: c.id, ...(c.title ? { title: c.title } : {}) });
  return keptTopics(draft)
    .flatMap((mine) => {
      const own = followUpChange(mine);
      const live =
        rolled.get(mine.id)?.change === "changed"
          ? followUpChange(rolled.get(mine.id)).removed
          : [];
      const has =
        read.get(mine.id) ??
        (mine.change === "added"
          ? own.added
          : [...live.filter((id) => !own.removed.includes(id)), ...own.added]);
      return [...new Set(has)].flatMap((id) => {
        const target = gone.get(id);
        return target ? [{ topic: named(mine), followUp: named(target) }] : [];
      });
    })
    .sort(
      (a, b) =>
        rowLabel(a.topic, t).name.localeCompare(rowLabel(b.topic, t).name, t.locale) ||
        rowLabel(a.followUp, t).name.localeCompare(rowLabel(b.followUp, t).name, t.locale),
    );
}
