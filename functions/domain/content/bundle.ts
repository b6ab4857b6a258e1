import type {
  BotContent,
  ReferralGroup,
  TopicFile,
  UncoveredCase,
} from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { TopicId } from "../../contracts/topics.ts";

/** One held-out message and the intent it should get: a topic id or "none". */
export interface HeldOutCase {
  text: string;
  intent: string;
}

/**
 * Everything one content version holds: what the bot learns from and what it is measured
 * on. The repository's bot-content/ folder and a version in the content table are two forms
 * of this one shape.
 */
export interface ContentBundle {
  topics: TopicFile[];
  /** Messages that are nobody's matter here (nonsense, shops): plain `none` examples. */
  outOfScope: Record<Lang, string[]>;
  /** Other agencies' matters and small talk, each group with its own answer and link. */
  referrals: ReferralGroup[];
  /** The held-out test split: scores the recogniser and gates publishing. */
  tests: Record<Lang, HeldOutCase[]>;
  /** The held-out dev split: what content is tuned against. */
  dev: Record<Lang, HeldOutCase[]>;
  /**
   * Tax questions no topic covers (bot-content/uncovered/): the chat must not answer them
   * with a topic's text, and the publish gate holds it to that. Versions stored before the
   * set was kept with them have none (`uncoveredOf` reads them as empty).
   */
  uncovered?: Record<Lang, UncoveredCase[]>;
}

/** A bundle's uncovered questions; none for a version stored before they were kept. */
export function uncoveredOf(bundle: ContentBundle): Record<Lang, UncoveredCase[]> {
  return bundle.uncovered ?? { fi: [], sv: [] };
}

/** Folders of held-out messages: `tests` gates CI and publishing, `dev` is what tuning looks at. */
export const HELD_OUT_SPLITS = ["tests", "dev"] as const;
export type HeldOutSplit = (typeof HELD_OUT_SPLITS)[number];

/** A topic's own held-out messages, by split and language. */
export interface TopicHeldOut {
  tests: Record<Lang, string[]>;
  dev: Record<Lang, string[]>;
}

/**
 * The same sentence for the recognisers (Lex and the embedded one ignore case and
 * punctuation): duplicate detection in the content rules, and a sentence the inbox taught or
 * referred is still in the content while a sentence with this key is.
 */
export function utteranceKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Key under which a held-out message (or an uncovered question) and a training sentence count
 * as the same message: also blind to ä/ö/å, because the recogniser folds them away.
 */
export function heldOutKey(text: string): string {
  return utteranceKey(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

/** The held-out messages that test `topicId` (or "none"), per split and language. */
export function heldOutFor(bundle: ContentBundle, topicId: string): TopicHeldOut {
  const pick = (cases: HeldOutCase[]) =>
    cases.filter((c) => c.intent === topicId).map((c) => c.text);
  return {
    tests: { fi: pick(bundle.tests.fi), sv: pick(bundle.tests.sv) },
    dev: { fi: pick(bundle.dev.fi), sv: pick(bundle.dev.sv) },
  };
}

/**
 * The bundle with `topic` put in (added or replaced, keeping its place) and its held-out
 * messages replaced by `heldOut`; `undefined` removes the topic and its messages.
 */
export function withTopic(
  bundle: ContentBundle,
  id: string,
  topic: TopicFile | undefined,
  heldOut: TopicHeldOut | undefined,
): ContentBundle {
  const at = bundle.topics.findIndex((t) => t.id === id);
  const topics = [...bundle.topics];
  if (topic && at >= 0) topics[at] = topic;
  else if (topic) topics.push(topic);
  else if (at >= 0) topics.splice(at, 1);
  const replace = (cases: HeldOutCase[], texts: string[] | undefined) => [
    ...cases.filter((c) => c.intent !== id),
    ...(texts ?? []).map((text) => ({ text, intent: id })),
  ];
  return {
    ...bundle,
    topics,
    tests: {
      fi: replace(bundle.tests.fi, heldOut?.tests.fi),
      sv: replace(bundle.tests.sv, heldOut?.tests.sv),
    },
    dev: {
      fi: replace(bundle.dev.fi, heldOut?.dev.fi),
      sv: replace(bundle.dev.sv, heldOut?.dev.sv),
    },
  };
}

/**
 * What a recogniser learns from: each topic's and referral group's id and sentences, and the
 * out-of-scope examples. Two bundles with the same inputs train the same recogniser, whatever
 * their answers, links, follow-ups or held-out messages say.
 */
export function recognitionInputs(bundle: ContentBundle): unknown {
  return [
    bundle.topics.map((t) => [t.id, t.fi.utterances, t.sv.utterances]),
    (bundle.referrals ?? []).map((g) => [g.id, g.fi.sentences, g.sv.sentences]),
    bundle.outOfScope,
  ];
}

/** What the recognisers and the dialogue read, from a bundle (checked beforehand). */
export function contentOf(bundle: ContentBundle): BotContent {
  return {
    topics: new Map(bundle.topics.map((t) => [t.id, t] as [TopicId, TopicFile])),
    outOfScope: bundle.outOfScope,
    referrals: bundle.referrals ?? [],
  };
}

/** The bundle with referral group `id` put in (added or replaced in place); `undefined` removes it. */
export function withReferral(
  bundle: ContentBundle,
  id: string,
  group: ReferralGroup | undefined,
): ContentBundle {
  const referrals = [...(bundle.referrals ?? [])];
  const at = referrals.findIndex((r) => r.id === id);
  if (group && at >= 0) referrals[at] = group;
  else if (group) referrals.push(group);
  else if (at >= 0) referrals.splice(at, 1);
  return { ...bundle, referrals };
}

/**
 * What belongs to no topic: the out-of-scope examples and the held-out messages that should
 * get `none`. The draft keeps it as one item beside the topics and groups.
 */
export interface ScopeContent {
  outOfScope: Record<Lang, string[]>;
  tests: Record<Lang, string[]>;
  dev: Record<Lang, string[]>;
}

/** A bundle's out-of-scope examples and `none` messages. */
export function scopeOf(bundle: ContentBundle): ScopeContent {
  const none = heldOutFor(bundle, "none");
  return { outOfScope: bundle.outOfScope, tests: none.tests, dev: none.dev };
}

/** The bundle with its out-of-scope examples and `none` messages replaced by `scope`'s. */
export function withScope(bundle: ContentBundle, scope: ScopeContent): ContentBundle {
  const replaced = withTopic(bundle, "none", undefined, { tests: scope.tests, dev: scope.dev });
  return { ...replaced, topics: bundle.topics, outOfScope: scope.outOfScope };
}
