import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import { OUT_OF_SCOPE_ID } from "../../contracts/topics.ts";
import {
  type PreviewMessage,
  referralAnswerMessage,
  topicAnswerMessage,
} from "../dialogue/answerPreview.ts";
import type { TopicLibrary } from "../dialogue/answerTurn.ts";
import { createTopicLibrary } from "../dialogue/topicLibrary.ts";
import { type ContentBundle, contentOf, heldOutFor, type TopicHeldOut } from "./bundle.ts";

/**
 * What changed in one field, for a reviewer to read: a text before and after ("" for none),
 * or the items a list gained and lost. `field` is one of the change's `fields`, or finer for
 * a personalised answer's variant (`fi.personal.due`).
 */
export type FieldChange =
  | { field: string; before: string; after: string }
  | { field: string; added: string[]; removed: string[] };

export interface TopicChange {
  /**
   * A topic id, a referral group id (kind "referral"), "out-of-scope" for the examples, or
   * "uncovered" (kind "uncovered") for the questions no topic covers.
   */
  id: string;
  /**
   * Set for a referral group's change, and for the uncovered questions' ("uncovered");
   * topics and out-of-scope have none.
   */
  kind?: "referral" | "uncovered";
  /**
   * With `titles`: the topic's or group's title in each language, for a reviewer to know it by
   * (a removed one's as the version before had it); the out-of-scope examples have none.
   */
  title?: Record<Lang, string>;
  change: "added" | "removed" | "changed";
  /** Which parts changed, e.g. "fi.answer", "sv.utterances", "tests.fi", "followUps". */
  fields: string[];
  /** With `details`: what the changed parts say before and after (an added one's whole content). */
  details?: FieldChange[];
  /** With `previews`, for an added or changed topic or referral group: see `AnswerPreviews`. */
  preview?: AnswerPreviews;
}

/**
 * The answer a customer gets in each language, as the chat would send it (`topicAnswerMessage`):
 * `after` with the new content, and `before` with the old only when the customer saw something
 * else then (a changed answer, link, follow-up or action; not new training sentences).
 */
export interface AnswerPreviews {
  after: Record<Lang, PreviewMessage>;
  before?: Record<Lang, PreviewMessage>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A link as one line a reviewer can compare: its text, then where it goes. */
const linkText = (link: { label: string; url: string }) => `${link.label} <${link.url}>`;

/**
 * The parts of a topic or group in the order a reviewer reads them, each as text or a list.
 * Texts are compared without their surrounding whitespace: a version seeded from YAML keeps a
 * block's final newline, which a save in the studio trims, and that is no change to review.
 */
type Part = { field: string } & ({ text: string } | { items: readonly string[] });

function part(field: string, value: string | readonly string[]): Part {
  return typeof value === "string"
    ? { field, text: value.trim() }
    : { field, items: value.map((item) => item.trim()) };
}

/**
 * The personalised variants either side has, per language, in one order: both sides list the
 * same parts in the same order, so a variant only one side has is compared in its place.
 */
function variantsOf(...topics: (TopicFile | undefined)[]): Record<Lang, string[]> {
  const names = (lang: Lang) => [
    ...new Set(topics.flatMap((t) => Object.keys(t?.[lang].personal ?? {}))),
  ];
  return { fi: names("fi"), sv: names("sv") };
}

function topicParts(
  topic: TopicFile | undefined,
  heldOut: TopicHeldOut | undefined,
  variants: Record<Lang, string[]>,
): Part[] {
  const parts: Part[] = [
    part("demo", topic?.demo ? "true" : ""),
    part("action", topic?.action ?? ""),
    part("followUps", topic?.followUps ?? []),
    part("reviewBy", topic?.reviewBy ?? ""),
  ];
  for (const lang of LANGS) {
    const locale = topic?.[lang];
    parts.push(
      part(`${lang}.title`, locale?.title ?? ""),
      part(`${lang}.utterances`, locale?.utterances ?? []),
      part(`${lang}.answer`, locale?.answer ?? ""),
      part(`${lang}.links`, (locale?.links ?? []).map(linkText)),
    );
    for (const variant of variants[lang]) {
      const personal = locale?.personal ?? {};
      // Own keys only: the other side's "toString" variant must not find Object's method.
      const template = Object.hasOwn(personal, variant) ? personal[variant] : undefined;
      parts.push(part(`${lang}.personal.${variant}`, template ?? ""));
    }
  }
  for (const split of ["tests", "dev"] as const) {
    for (const lang of LANGS) {
      parts.push(part(`${split}.${lang}`, heldOut?.[split][lang] ?? []));
    }
  }
  return parts;
}

function referralParts(group: ReferralGroup | undefined): Part[] {
  return LANGS.flatMap((lang): Part[] => {
    const locale = group?.[lang];
    return [
      part(`${lang}.title`, locale?.title ?? ""),
      part(`${lang}.answer`, locale?.answer ?? ""),
      part(`${lang}.link`, locale ? linkText(locale.link) : ""),
      part(`${lang}.sentences`, locale?.sentences ?? []),
    ];
  });
}

/** The field a part is listed under in `fields` (a personalised variant under its answer's). */
const fieldOf = (part: string) => part.split(".").slice(0, 2).join(".");

/**
 * The parts that differ between `before` and `after`, matched by field: a part only one side
 * has (a variant added or removed) counts as empty on the other. A list whose items only moved
 * is listed with nothing added or removed.
 */
function changedParts(before: Part[], after: Part[]): FieldChange[] {
  const old = new Map(before.map((p) => [p.field, p]));
  const now = new Map(after.map((p) => [p.field, p]));
  const fields = [...new Set([...after, ...before].map((p) => p.field))];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = old.get(field);
    const b = now.get(field);
    const part = (a ?? b) as Part;
    if ("text" in part) {
      const was = a && "text" in a ? a.text : "";
      const now = b && "text" in b ? b.text : "";
      if (was !== now) changes.push({ field, before: was, after: now });
      continue;
    }
    const was = a && "items" in a ? a.items : [];
    const is = b && "items" in b ? b.items : [];
    if (same(was, is)) continue;
    const had = new Set(was);
    const has = new Set(is);
    changes.push({
      field,
      added: is.filter((item) => !had.has(item)),
      removed: was.filter((item) => !has.has(item)),
    });
  }
  return changes;
}

const fieldsOf = (details: FieldChange[]) => [...new Set(details.map((d) => fieldOf(d.field)))];

/**
 * How each language's out-of-scope list changes from `before` to `after`, compared as the
 * diff compares them (`outOfScope.fi`: sentences added and removed); none when alike.
 */
export function outOfScopeDiff(
  before: ContentBundle["outOfScope"],
  after: ContentBundle["outOfScope"],
): FieldChange[] {
  const parts = (lists: ContentBundle["outOfScope"]) =>
    LANGS.map((l) => part(`outOfScope.${l}`, lists[l]));
  return changedParts(parts(before), parts(after));
}

/**
 * How each language's uncovered questions change from `before` to `after` (`uncovered.fi`:
 * questions added and removed, each as "text (matter)"); none when alike.
 */
export function uncoveredDiff(
  before: ContentBundle["uncovered"],
  after: ContentBundle["uncovered"],
): FieldChange[] {
  // A question is its text and matter; a version stored before the set was kept has none.
  const parts = (set: ContentBundle["uncovered"]) =>
    LANGS.map((l) =>
      part(
        `uncovered.${l}`,
        (set?.[l] ?? []).map((c) => `${c.text} (${c.matter})`),
      ),
    );
  return changedParts(parts(before), parts(after));
}

/** What a diff says beyond which parts changed: for a person reading it, not for comparing. */
export interface DiffOptions {
  /** What the changed parts said before and after. */
  details?: boolean;
  /** Each topic's and group's titles. */
  titles?: boolean;
  /** Each added or changed topic's and group's answer as customers get it. */
  previews?: boolean;
}

/** An item's answer in both languages, or none when one cannot be built (see `previewsOf`). */
function answersOf(
  answer: (library: TopicLibrary, id: string, lang: Lang) => PreviewMessage | undefined,
  library: TopicLibrary,
  id: string,
): Record<Lang, PreviewMessage> | undefined {
  try {
    const fi = answer(library, id, "fi");
    const sv = answer(library, id, "sv");
    return fi && sv ? { fi, sv } : undefined;
  } catch {
    // A draft may name a follow-up it no longer has (the publish check refuses it): such an
    // answer cannot be shown as the chat would, and the diff is still wanted without it.
    return undefined;
  }
}

/**
 * What changes, topic by topic, when `after` replaces `before`; unchanged topics are left out.
 * With `details`, each change also says what its parts said before and after (the studio's
 * review shows it); without, only which parts changed. With `titles`, each names its titles.
 */
export function diffBundles(
  before: ContentBundle,
  after: ContentBundle,
  options: DiffOptions = {},
): TopicChange[] {
  return diffItems(before, after, options).map(({ change }) => change);
}

/** Which items of a bundle differ between two bundles, by what kind of item each is. */
export interface ChangedItems {
  topics: ReadonlySet<string>;
  referrals: ReadonlySet<string>;
  /** The out-of-scope examples with the "none" held-out messages. */
  scope: boolean;
  /** The uncovered questions (`kind: "uncovered"`). */
  uncovered: boolean;
}

/**
 * The items `diffBundles` lists as changed, added or removed, by kind: a topic named
 * "out-of-scope" is still told from the out-of-scope examples, and a group from a topic of
 * the same id.
 */
export function changedItems(before: ContentBundle, after: ContentBundle): ChangedItems {
  const items = diffItems(before, after, {});
  const ids = (item: DiffItem) =>
    new Set(items.filter((i) => i.item === item).map(({ change }) => change.id));
  return {
    topics: ids("topic"),
    referrals: ids("referral"),
    scope: items.some((i) => i.item === "scope"),
    uncovered: items.some((i) => i.item === "uncovered"),
  };
}

type DiffItem = "topic" | "referral" | "scope" | "uncovered";

/** The id of the uncovered questions' entry in a diff (with `kind: "uncovered"`). */
export const UNCOVERED_DIFF_ID = "uncovered";

/** The titles of a topic or group as a diff entry names it. */
const titlesOf = (item: TopicFile | ReferralGroup): Record<Lang, string> => ({
  fi: item.fi.title,
  sv: item.sv.title,
});

function diffItems(
  before: ContentBundle,
  after: ContentBundle,
  options: DiffOptions,
): { item: DiffItem; change: TopicChange }[] {
  const changes: { item: DiffItem; change: TopicChange }[] = [];
  const libraries = options.previews
    ? { before: createTopicLibrary(contentOf(before)), after: createTopicLibrary(contentOf(after)) }
    : undefined;
  const previewOf = (item: DiffItem, change: TopicChange): AnswerPreviews | undefined => {
    if (!libraries || change.change === "removed") return undefined;
    if (item !== "topic" && item !== "referral") return undefined;
    const answer = item === "topic" ? topicAnswerMessage : referralAnswerMessage;
    const now = answersOf(answer, libraries.after, change.id);
    if (!now) return undefined;
    const was =
      change.change === "changed" ? answersOf(answer, libraries.before, change.id) : undefined;
    return { after: now, ...(was && !same(was, now) ? { before: was } : {}) };
  };
  const push = (
    change: TopicChange,
    details: FieldChange[],
    item: DiffItem = "topic",
    // The side that has it: a removed one is known by the title it had.
    named?: TopicFile | ReferralGroup,
  ) => {
    const preview = previewOf(item, change);
    changes.push({
      item,
      change: {
        ...change,
        ...(options.titles && named ? { title: titlesOf(named) } : {}),
        ...(options.details ? { details } : {}),
        ...(preview ? { preview } : {}),
      },
    });
  };
  const old = new Map(before.topics.map((t) => [t.id, t]));
  const now = new Map(after.topics.map((t) => [t.id, t]));
  for (const topic of after.topics) {
    const prior = old.get(topic.id);
    const variants = variantsOf(prior, topic);
    const details = changedParts(
      prior ? topicParts(prior, heldOutFor(before, topic.id), variants) : [],
      topicParts(topic, heldOutFor(after, topic.id), variants),
    );
    if (!prior) push({ id: topic.id, change: "added", fields: [] }, details, "topic", topic);
    else if (details.length > 0)
      push({ id: topic.id, change: "changed", fields: fieldsOf(details) }, details, "topic", topic);
  }
  for (const topic of before.topics) {
    if (!now.has(topic.id))
      push({ id: topic.id, change: "removed", fields: [] }, [], "topic", topic);
  }
  const noneParts = (bundle: ContentBundle): Part[] => {
    const none = heldOutFor(bundle, "none");
    return (["tests", "dev"] as const).flatMap((split) =>
      LANGS.map((l) => part(`${split}.${l}`, none[split][l])),
    );
  };
  const scope = [
    ...outOfScopeDiff(before.outOfScope, after.outOfScope),
    ...changedParts(noneParts(before), noneParts(after)),
  ];
  if (scope.length > 0) {
    push({ id: OUT_OF_SCOPE_ID, change: "changed", fields: fieldsOf(scope) }, scope, "scope");
  }
  const uncovered = uncoveredDiff(before.uncovered, after.uncovered);
  if (uncovered.length > 0) {
    push(
      { id: UNCOVERED_DIFF_ID, kind: "uncovered", change: "changed", fields: fieldsOf(uncovered) },
      uncovered,
      "uncovered",
    );
  }
  // Versions stored before referrals existed have none.
  const oldReferrals = new Map((before.referrals ?? []).map((r) => [r.id, r]));
  const newReferrals = new Map((after.referrals ?? []).map((r) => [r.id, r]));
  for (const [id, group] of newReferrals) {
    const prior = oldReferrals.get(id);
    const details = changedParts(prior ? referralParts(prior) : [], referralParts(group));
    if (!prior)
      push({ id, kind: "referral", change: "added", fields: [] }, details, "referral", group);
    else if (details.length > 0)
      push(
        { id, kind: "referral", change: "changed", fields: fieldsOf(details) },
        details,
        "referral",
        group,
      );
  }
  for (const [id, group] of oldReferrals) {
    if (!newReferrals.has(id))
      push({ id, kind: "referral", change: "removed", fields: [] }, [], "referral", group);
  }
  return changes;
}
