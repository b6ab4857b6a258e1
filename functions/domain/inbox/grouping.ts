import type { Lang } from "../../contracts/lang.ts";
import { daysBetween, type MissEntry } from "./missStore.ts";
import type { ListedMiss, Reopened } from "./reopening.ts";

/** The recogniser's features of a question, by name with weights (an adapter supplies them). */
export type QuestionFeatures = (text: string, lang: Lang) => ReadonlyMap<string, number>;

/**
 * A kept question as the inbox lists it; `reopened` when its status is the draft's. Where a
 * handled one went (`taughtTo`, `referredTo`, `uncoveredMatter`) only while it is listed with
 * that status: once open again, `reopened` says where it had gone.
 */
export type MissSample = Pick<
  MissEntry,
  | "id"
  | "text"
  | "lang"
  | "at"
  | "reasons"
  | "guesses"
  | "topic"
  | "referral"
  | "chosen"
  | "outcome"
  | "handoff"
  | "status"
  | "taughtTo"
  | "referredTo"
  | "uncoveredMatter"
  | "contentVersion"
> & { reopened?: Reopened };

export interface QuestionGroup {
  /** The id of the group's first question: stable while the group keeps it. */
  id: string;
  size: number;
  /** Questions per day over the whole period, days without any as 0. */
  trend: { day: string; count: number }[];
  /** The recogniser's winning guesses among the group's questions, most frequent first. */
  guesses: { intent: string; count: number }[];
  /**
   * The topics customers picked when the bot asked which one they meant, most picked first;
   * only when some question of the group has a pick.
   */
  choices?: { topic: string; count: number }[];
  /** Every question of the group, newest first. */
  ids: string[];
  /**
   * The group's open questions, newest first, only when some of its questions are not open
   * (the `all` view): a group action acts on these, never again on questions already handled.
   */
  openIds?: string[];
  /** The newest questions, at most `samples`. */
  samples: MissSample[];
}

export interface GroupingOptions {
  /** Cosine similarity to a group's centre at which a question joins it. */
  threshold: number;
  samples: number;
  guesses: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { threshold: 0.25, samples: 20, guesses: 3 };

type Vector = Map<string, number>;

interface Forming {
  members: ListedMiss[];
  /** Sum of the members' unit vectors: its direction is the group's centre. */
  centre: Vector;
  norm: number;
}

// Features that pick the groups worth comparing with: whole words, stems and the longest
// character n-grams (inflected forms of one word share those).
const isCandidateKey = (name: string) =>
  name.startsWith("w:", 3) ||
  name.startsWith("s:", 3) ||
  (name.startsWith("c:", 3) && name.length >= 10);

/**
 * Groups similar questions on the recogniser's own features: TF-IDF over the questions
 * grouped, each question joining the group whose centre it is most like (oldest first), a
 * new group when none is like it enough. Languages never mix. Deterministic: the same
 * questions always give the same groups, largest first.
 */
export function groupQuestions(
  entries: readonly ListedMiss[],
  features: QuestionFeatures,
  period: { from: string; to: string },
  options: GroupingOptions = DEFAULT_GROUPING,
): QuestionGroup[] {
  const ordered = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const raw = ordered.map((e) => {
    const named = new Map<string, number>();
    for (const [name, weight] of features(e.text, e.lang)) named.set(`${e.lang}|${name}`, weight);
    return named;
  });
  const df = new Map<string, number>();
  for (const doc of raw) for (const name of doc.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const n = raw.length;
  const vectors = raw.map((doc) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [name, weight] of doc) {
      const value = Math.log1p(weight) * (Math.log((1 + n) / (1 + (df.get(name) ?? 0))) + 1);
      v.set(name, value);
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [name, value] of v) v.set(name, value * scale);
    return v;
  });

  const groups: Forming[] = [];
  const byFeature = new Map<string, Set<number>>();
  ordered.forEach((entry, i) => {
    const v = vectors[i] as Vector;
    const candidates = new Set<number>();
    for (const name of v.keys()) {
      if (!isCandidateKey(name)) continue;
      for (const g of byFeature.get(name) ?? []) candidates.add(g);
    }
    let best = -1;
    let bestScore = options.threshold;
    for (const g of [...candidates].sort((a, b) => a - b)) {
      const group = groups[g] as Forming;
      let dot = 0;
      for (const [name, value] of v) dot += value * (group.centre.get(name) ?? 0);
      const score = group.norm > 0 ? dot / group.norm : 0;
      if (score >= bestScore && (best === -1 || score > bestScore)) {
        best = g;
        bestScore = score;
      }
    }
    const index = best >= 0 ? best : groups.length;
    if (best < 0) groups.push({ members: [], centre: new Map(), norm: 0 });
    const group = groups[index] as Forming;
    group.members.push(entry);
    for (const [name, value] of v) {
      group.centre.set(name, (group.centre.get(name) ?? 0) + value);
      if (!isCandidateKey(name)) continue;
      const set = byFeature.get(name) ?? new Set<number>();
      byFeature.set(name, set);
      set.add(index);
    }
    let norm = 0;
    for (const value of group.centre.values()) norm += value * value;
    group.norm = Math.sqrt(norm);
  });

  const days = daysBetween(period.from, period.to);
  return groups
    .map((g) => describe(g.members, days, options))
    .sort(
      (a, b) =>
        b.size - a.size ||
        (b.samples[0]?.at ?? "").localeCompare(a.samples[0]?.at ?? "") ||
        a.id.localeCompare(b.id),
    );
}

function describe(members: ListedMiss[], days: string[], options: GroupingOptions): QuestionGroup {
  const newestFirst = [...members].sort(
    (a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id),
  );
  const perDay = new Map<string, number>();
  const perGuess = new Map<string, number>();
  const perChoice = new Map<string, number>();
  for (const m of members) {
    perDay.set(m.day, (perDay.get(m.day) ?? 0) + 1);
    const winner = m.guesses[0]?.intent;
    if (winner) perGuess.set(winner, (perGuess.get(winner) ?? 0) + 1);
    if (m.chosen) perChoice.set(m.chosen, (perChoice.get(m.chosen) ?? 0) + 1);
  }
  const choices = mostFrequent(perChoice, options.guesses).map(([topic, count]) => ({
    topic,
    count,
  }));
  const open = newestFirst.filter((m) => m.status === "open");
  return {
    id: (members[0] as MissEntry).id,
    size: members.length,
    trend: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    guesses: mostFrequent(perGuess, options.guesses).map(([intent, count]) => ({
      intent,
      count,
    })),
    ...(choices.length ? { choices } : {}),
    ids: newestFirst.map((m) => m.id),
    ...(open.length < members.length ? { openIds: open.map((m) => m.id) } : {}),
    samples: newestFirst.slice(0, options.samples).map(sampleOf),
  };
}

/** The `most` most frequent of `counts`, ties by name. */
function mostFrequent(counts: Map<string, number>, most: number): [string, number][] {
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, most);
}

/** What the inbox shows of a kept question. */
export function sampleOf(entry: ListedMiss): MissSample {
  const {
    id,
    text,
    lang,
    at,
    reasons,
    guesses,
    topic,
    referral,
    chosen,
    outcome,
    handoff,
    status,
    reopened,
    taughtTo,
    referredTo,
    uncoveredMatter,
    contentVersion,
  } = entry;
  return {
    id,
    text,
    lang,
    at,
    reasons,
    guesses,
    ...(topic ? { topic } : {}),
    ...(referral ? { referral } : {}),
    ...(chosen ? { chosen } : {}),
    outcome,
    ...(handoff ? { handoff } : {}),
    status,
    ...(status === "taught" && taughtTo ? { taughtTo } : {}),
    ...(status === "referred" && referredTo ? { referredTo } : {}),
    ...(status === "uncovered" && uncoveredMatter ? { uncoveredMatter } : {}),
    ...(reopened ? { reopened } : {}),
    // Which version answered: a wrong answer before a rollback is not the live one's.
    ...(contentVersion ? { contentVersion } : {}),
  };
}
