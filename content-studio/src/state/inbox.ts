/**
 * The missed-question inbox: the period and language asked for, the groups the server found,
 * and the actions on one question or a whole group; or, as the address asks, the answer
 * review's sampled questions with the review's figure, which the actions keep up to date. A handled question leaves the open list
 * at once (the groups are updated here), so the page does not jump by asking again. What the
 * bot now answers an open question with is asked only for the questions shown, a batch at a
 * time, and once per load.
 */
import { batch, computed, type Signal, signal } from "@preact/signals";
import { MAX_INBOX_ANSWERS } from "../../../functions/contracts/inbox.ts";
import { isWellFormedTopicId } from "../../../functions/contracts/topics.ts";
import { heldOutKey } from "../../../functions/domain/content/bundle.ts";
import { withoutPlaceholders } from "../../../functions/domain/privacy/placeholders.ts";
import {
  daysOf,
  helsinkiToday,
  type Period,
  periodProblem,
  presetPeriod,
} from "../../../handoff-console/src/reports/periods.ts";
import {
  type AnsweredNow,
  ContentInvalidError,
  type InboxKind,
  type Lang,
  type MissAction,
  type MissGroup,
  type MissSample,
  type MissStatus,
  type Problem,
  type ReferralSummary,
  type ReviewFigure,
  type TopicSummary,
  type UncoveredLists,
} from "../api.ts";
import { formatPercent, text, type UiText } from "../i18n.ts";
import { announce, call, errorText, onSignOut, sayWhenSlow } from "./app.ts";
import { draft } from "./topics.ts";

export type StatusFilter = "open" | "all";

/** The last 30 days in Helsinki, today included. */
export function defaultPeriod(now = new Date()): Period {
  return presetPeriod("last30", helsinkiToday(now));
}

export const period = signal<Period>(defaultPeriod());
export const langFilter = signal<Lang | "">("");
export const statusFilter = signal<StatusFilter>("open");
/** Which list the page shows, as its address says: the misses or the sampled questions. */
export const kind = signal<InboxKind>("misses");
/** The answer review's figure per language, for the sampled questions shown. */
export const review = signal<Record<Lang, ReviewFigure> | undefined>(undefined);
export const groups = signal<MissGroup[] | undefined>(undefined);
/** The period the shown groups are for (the form may have changed since). */
export const shownPeriod = signal<Period | undefined>(undefined);
export const loading = signal(false);
export const loadError = signal("");
/** A period the form cannot send, said next to the date fields. */
export const periodError = signal<{ field: "from" | "to"; text: string } | undefined>(undefined);
export const exporting = signal(false);
export const exportError = signal("");

/** The draft's referral groups: where a question can be referred. */
export const referralChoices = computed<ReferralSummary[]>(() => draft.value?.referrals ?? []);

/** A topic's title in the UI language, "no topic" for none, the id for anything unknown. */
export function topicTitle(id: string, t: UiText): string {
  if (id === "none") return t.noIntent;
  return draft.value?.topics.find((topic) => topic.id === id)?.[t.lang].title || id;
}

/**
 * A group's guesses as the inbox lists them: a guess of no topic is left out, since it names
 * nothing to teach and every missed question has it.
 */
export function shownGuesses<T extends { intent: string }>(guesses: readonly T[]): T[] {
  return guesses.filter((guess) => guess.intent !== "none");
}

/**
 * The recogniser's guesses for a question worth showing: a guess the recogniser gave
 * practically nothing (under half a percent, "0 %" when shown) points nowhere.
 */
export function likelyGuesses<T extends { confidence: number }>(guesses: readonly T[]): T[] {
  return guesses.filter((g) => g.confidence >= 0.005);
}

/** A referral group's title in the UI language, the id for one the draft does not list. */
export function referralTitle(id: string, t: UiText): string {
  return referralChoices.value.find((r) => r.id === id)?.[t.lang]?.title || id;
}

/**
 * What the last action did, shown where the group acted on was (`index`, its place in the list
 * then), until the next action or load. `publish`: the change is in the draft only, so
 * customers get it once a version with it is published. `uncovered`: the questions went to
 * the uncovered questions' page, where the owner can see and edit them.
 */
export interface ActionOutcome {
  groupId: string;
  index: number;
  text: string;
  publish: boolean;
  uncovered?: boolean;
}

export const lastOutcome = signal<ActionOutcome | undefined>(undefined);

/**
 * Questions the owner took out of their group's action (unchecked): grouping can put an
 * unrelated question with the others, and a group action must not teach it too. Every
 * question is in by default; each load starts afresh.
 */
export const leftOut = signal<ReadonlySet<string>>(new Set());

/** Puts the question `id` in its group's action, or takes it out. */
export function setChosen(id: string, chosen: boolean): void {
  const next = new Set(leftOut.value);
  if (chosen) next.delete(id);
  else next.add(id);
  leftOut.value = next;
}

/** Puts every one of `ids` back in (after a group action: what is left is the next group). */
export function chooseAll(ids: readonly string[]): void {
  if (!ids.some((id) => leftOut.value.has(id))) return;
  const next = new Set(leftOut.value);
  for (const id of ids) next.delete(id);
  leftOut.value = next;
}

/**
 * The questions a group action may act on: its open ones. In the view of all questions a group
 * also holds handled ones, which acting on the group must not teach, refer or dismiss again.
 */
export function actionableIds(group: MissGroup): string[] {
  return group.openIds ?? group.ids;
}

/**
 * The questions a group action applies to: every open member but those taken out, those
 * beyond the samples shown included (they cannot be taken out, so the count says how many).
 */
export function chosenIds(group: MissGroup, out: ReadonlySet<string> = leftOut.value): string[] {
  return actionableIds(group).filter((id) => !out.has(id));
}

/** What a group's own button offers, and whether its questions have buttons of their own. */
export interface GroupOffer {
  label: string;
  /** False for a group of one question: its button and the question's would do the same. */
  perQuestion: boolean;
  /** The bot's guesses, each with how often (a group) or how sure (one question). */
  guesses: { id: string; note: string }[];
  /** The customers' picks, each with how often; a single question's pick with none. */
  choices: { id: string; note: string }[];
  choicesLabel: string;
}

/**
 * A group of one question offers that question's own action under one button: its top guesses
 * with how sure the bot was and its customer's pick (the group's counts would only say "in 1
 * question"). A larger group offers the group's, for the questions chosen.
 */
export function groupOffer(
  group: MissGroup,
  out: ReadonlySet<string> = leftOut.value,
  t: UiText = text.value,
): GroupOffer {
  const only = group.ids.length === 1 && group.samples.length === 1 ? group.samples[0] : undefined;
  if (only) {
    return {
      label: t.sampleActions,
      perQuestion: false,
      guesses: only.guesses.map((g) => ({ id: g.intent, note: formatPercent(g.confidence, t) })),
      choices: only.chosen ? [{ id: only.chosen, note: "" }] : [],
      choicesLabel: t.choiceLabel,
    };
  }
  const chosen = chosenIds(group, out);
  const open = actionableIds(group);
  return {
    label:
      chosen.length < open.length
        ? t.chosenActions(chosen.length, open.length)
        : open.length < group.ids.length
          ? t.openActions(open.length)
          : t.groupActions(group.size),
    perQuestion: true,
    guesses: group.guesses.map((g) => ({ id: g.intent, note: t.guessedIn(g.count) })),
    choices: (group.choices ?? []).map((c) => ({ id: c.topic, note: t.guessedIn(c.count) })),
    choicesLabel: t.choicesLabel,
  };
}

let loadSeq = 0;

/** What the bot now answers shown open questions with, by id; only those it answers surely. */
export const answeredNow = signal<ReadonlyMap<string, AnsweredNow>>(new Map());
/** Counts the loads: the questions shown are asked about again after each. */
export const answersRound = signal(0);
/** Ids asked about (or waiting to be) since the last load: each is asked once. */
const askedAnswers = new Set<string>();
let pendingAnswers: string[] = [];
let answersTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Asks what the bot now answers the questions `ids` with, each once per load: the ids wanted
 * in one turn (every group shown) go together, at most a request's worth each.
 */
export function wantAnswers(ids: readonly string[]): void {
  const fresh = ids.filter((id) => !askedAnswers.has(id));
  if (fresh.length === 0) return;
  for (const id of fresh) askedAnswers.add(id);
  pendingAnswers.push(...fresh);
  answersTimer ??= setTimeout(() => void flushAnswers(), 0);
}

/** Sends the ids waiting, a batch at a time; a failure only leaves their hints out. */
export async function flushAnswers(): Promise<void> {
  if (answersTimer) clearTimeout(answersTimer);
  answersTimer = undefined;
  const round = answersRound.value;
  while (pendingAnswers.length > 0) {
    const chunk = pendingAnswers.splice(0, MAX_INBOX_ANSWERS);
    // A hint, not the page's content: a failure is not worth an alert.
    const result = await call(
      (c) => c.missAnswers(chunk),
      () => {},
      { background: true },
    );
    if (round !== answersRound.value) return;
    if (!result) continue;
    const next = new Map(answeredNow.value);
    for (const answer of result.answers) next.set(answer.id, answer);
    answeredNow.value = next;
  }
}

/** Forgets the hints: the next questions shown are asked about afresh. */
function resetAnswers(): void {
  askedAnswers.clear();
  pendingAnswers = [];
  if (answersTimer) clearTimeout(answersTimer);
  answersTimer = undefined;
  answeredNow.value = new Map();
  answersRound.value++;
}

/**
 * Shows the list `next` (the address changed): what is shown of the other list goes, so the
 * page never shows one list's groups under the other's heading while it loads.
 */
export function showKind(next: InboxKind): void {
  if (kind.value === next) return;
  batch(() => {
    kind.value = next;
    forgetShown();
  });
}

/** Forgets the list shown and what was asked of it; a load under way is left unheard. */
function forgetShown(): void {
  loadSeq++;
  batch(() => {
    resetAnswers();
    groups.value = undefined;
    review.value = undefined;
    lastOutcome.value = undefined;
    leftOut.value = new Set();
    shownPeriod.value = undefined;
    loading.value = false;
    loadError.value = "";
  });
}

/** Asks the server for the groups of the chosen period, language and status. */
export async function loadInbox(options: { announce?: boolean } = {}): Promise<void> {
  const t = text.value;
  const asked = period.value;
  const problem = periodProblem(asked);
  if (problem) {
    periodError.value = {
      field: problem === "fromInvalid" ? "from" : "to",
      text: t.inboxPeriodProblem[problem],
    };
    return;
  }
  periodError.value = undefined;
  const seq = ++loadSeq;
  loading.value = true;
  const lang = langFilter.value;
  const sampled = kind.value === "sampled";
  const result = await call(
    (c) =>
      c.misses({
        ...asked,
        ...(lang ? { lang } : {}),
        status: statusFilter.value,
        ...(sampled ? { kind: "sampled" as const } : {}),
      }),
    (e) => {
      if (seq === loadSeq) loadError.value = errorText(e);
    },
  );
  if (seq !== loadSeq) return;
  batch(() => {
    loading.value = false;
    if (!result) return;
    resetAnswers();
    groups.value = result.groups;
    review.value = result.review;
    lastOutcome.value = undefined;
    leftOut.value = new Set();
    shownPeriod.value = { from: result.from, to: result.to };
    loadError.value = "";
  });
  if (result && options.announce)
    announce(t.inboxCount(result.groups.length, totalOf(result.groups)));
}

/**
 * The question a group is known by: the one it was formed around (whose id is the group's) while
 * it is listed, else its newest. It stays as other groups and questions are handled, where a
 * number by place would change under the owner's eyes.
 */
export function groupLabel(group: MissGroup): { text: string; lang: Lang } | undefined {
  const sample = group.samples.find((s) => s.id === group.id) ?? group.samples[0];
  if (!sample) return undefined;
  return { text: shortened(sample.text, 80), lang: sample.lang };
}

/** `text` cut at a word before `max` characters, with an ellipsis, when longer. */
function shortened(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function totalOf(list: readonly MissGroup[]): number {
  return list.reduce((sum, g) => sum + g.size, 0);
}

/** The status a question has after an action. */
export function statusAfter(action: MissAction["action"]): MissStatus {
  switch (action) {
    case "teach":
      return "taught";
    case "refer":
      return "referred";
    case "uncovered":
      return "uncovered";
    case "dismiss":
      return "dismissed";
    case "confirm":
      return "confirmed";
  }
}

/** The statuses a reviewer's answer to a sampled question leaves it with, as the server counts. */
const REVIEWED: ReadonlySet<MissStatus> = new Set(["confirmed", "taught", "referred", "uncovered"]);

/**
 * The review's figure after the questions `ids` of `list` got `status`, each counted in its
 * group's language (groups never mix them) as it moved from its status shown (open when not
 * shown: a group action acts only on open ones). Pure.
 */
export function reviewAfter(
  figure: Record<Lang, ReviewFigure>,
  list: readonly MissGroup[],
  ids: readonly string[],
  status: MissStatus,
): Record<Lang, ReviewFigure> {
  const next = { fi: { ...figure.fi }, sv: { ...figure.sv } };
  const count = (s: MissStatus) => ({
    reviewed: REVIEWED.has(s) ? 1 : 0,
    confirmed: s === "confirmed" ? 1 : 0,
  });
  for (const id of ids) {
    const group = list.find((g) => g.ids.includes(id));
    const lang = group?.samples[0]?.lang;
    if (!group || !lang) continue;
    const before = count(group.samples.find((s) => s.id === id)?.status ?? "open");
    const after = count(status);
    next[lang].reviewed += after.reviewed - before.reviewed;
    next[lang].confirmed += after.confirmed - before.confirmed;
  }
  return next;
}

/**
 * "Of 48 reviewed answers 45 right (94 %)" for a language's figure, or that none is reviewed
 * yet.
 */
export function reviewText(figure: ReviewFigure, t: UiText): string {
  if (figure.reviewed === 0) return t.noneReviewed;
  const share = new Intl.NumberFormat(t.locale, {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(figure.confirmed / figure.reviewed);
  return t.reviewFigure(figure.reviewed, figure.confirmed, share);
}

/** Where a handled question went, as a sample of `GET misses` says it. */
export type SamplePlace = Pick<MissSample, "taughtTo" | "referredTo" | "uncoveredMatter">;

/**
 * Where each question of an action went, as the server marked it: a question kept as
 * uncovered that the set already had under another matter (`alreadyKept`) has that matter.
 */
export function placesAfter(
  action: MissAction,
  alreadyKept: readonly { id: string; matter: string }[] = [],
): (id: string) => SamplePlace {
  switch (action.action) {
    case "teach":
      return () => ({ taughtTo: { topicId: action.topicId, split: action.split } });
    case "refer":
      return () => ({ referredTo: action.referral });
    case "uncovered": {
      const kept = new Map(alreadyKept.map((k) => [k.id, k.matter]));
      return (id) => ({ uncoveredMatter: kept.get(id) ?? action.matter });
    }
    case "dismiss":
    case "confirm":
      return () => ({});
  }
}

/**
 * A question's status as the inbox lists it, with where a handled one went: the topic or
 * referral group by its title in the UI language, the matter it is kept under.
 */
export function statusText(sample: MissSample, t: UiText): string {
  const placed = t.placedStatuses;
  if (sample.status === "taught" && sample.taughtTo) {
    return placed.taught(topicTitle(sample.taughtTo.topicId, t), sample.taughtTo.split);
  }
  if (sample.status === "referred" && sample.referredTo) {
    return placed.referred(referralTitle(sample.referredTo, t));
  }
  if (sample.status === "uncovered" && sample.uncoveredMatter) {
    return placed.uncovered(sample.uncoveredMatter);
  }
  return t.statuses[sample.status];
}

/**
 * The groups after the questions `ids` got `status`: an open-only list drops them (and a
 * group left empty); a list of every status keeps them with their new status and where they
 * went (`placeOf`; none, as for a dismissal, clears it), no longer open again. Pure.
 */
export function afterAction(
  list: readonly MissGroup[],
  ids: readonly string[],
  status: MissStatus,
  filter: StatusFilter,
  placeOf: (id: string) => SamplePlace = () => ({}),
): MissGroup[] {
  const handled = new Set(ids);
  if (filter === "all") {
    return list.map((g) => ({
      ...g,
      // Handled now, they are out of the group's action, as the server would leave them.
      openIds: actionableIds(g).filter((id) => !handled.has(id)),
      samples: g.samples.map((s) => {
        if (!handled.has(s.id)) return s;
        const { taughtTo, referredTo, uncoveredMatter, reopened, ...rest } = s;
        return { ...rest, status, ...placeOf(s.id) };
      }),
    }));
  }
  return list.flatMap((g) => {
    const left = g.ids.filter((id) => !handled.has(id));
    if (left.length === g.ids.length) return [g];
    if (left.length === 0) return [];
    // What is left of the group is counted without the questions gone, as far as the samples
    // tell (a group's trend and guesses would otherwise still count a question taken out).
    const gone = g.samples.filter((s) => handled.has(s.id));
    const perDay = countBy(gone.map((s) => helsinkiToday(new Date(s.at))));
    const perGuess = countBy(gone.flatMap((s) => s.guesses[0]?.intent ?? []));
    const perChoice = countBy(gone.flatMap((s) => s.chosen ?? []));
    const choices = g.choices && countsLess(g.choices, (c) => c.topic, perChoice);
    return [
      {
        ...g,
        size: Math.max(0, g.size - (g.ids.length - left.length)),
        trend: g.trend.map((d) => ({
          ...d,
          count: Math.max(0, d.count - (perDay.get(d.day) ?? 0)),
        })),
        guesses: countsLess(g.guesses, (guess) => guess.intent, perGuess),
        choices: choices?.length ? choices : undefined,
        ids: left,
        samples: g.samples.filter((s) => !handled.has(s.id)),
      },
    ];
  });
}

/** `counts` less what `gone` took of each, those left at none dropped, most first. */
function countsLess<T extends { count: number }>(
  counts: readonly T[],
  keyOf: (entry: T) => string,
  gone: Map<string, number>,
): T[] {
  return counts
    .map((entry) => ({ ...entry, count: entry.count - (gone.get(keyOf(entry)) ?? 0) }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export type ActionResult =
  | { ok: true; applied: number }
  | { ok: false; message: string; problems: Problem[] };

/**
 * What an action did, in words: how many questions, to which topic or group by its title, and
 * that customers get it only once it is published. Kept as uncovered, those the set already
 * had under another matter (`alreadyKept`) are told apart, by matter: they keep theirs.
 */
export function outcomeOf(
  action: MissAction,
  applied: number,
  t: UiText,
  alreadyKept: readonly { matter: string }[] = [],
): { text: string; publish: boolean; uncovered?: boolean } {
  if (action.action === "uncovered" && alreadyKept.length > 0) {
    const added = applied - alreadyKept.length;
    const byMatter = countBy(alreadyKept.map((k) => k.matter));
    const text = [
      added > 0 ? t.uncoveredOutcome(added, action.matter) : "",
      ...[...byMatter].map(([matter, n]) => t.alreadyKeptOutcome(n, matter)),
    ]
      .filter(Boolean)
      .join(" ");
    // Nothing new in the set: nothing to publish either.
    return { text, publish: added > 0, uncovered: true };
  }
  switch (action.action) {
    case "teach":
      return {
        text: t.taughtOutcome(applied, topicTitle(action.topicId, t), action.split),
        publish: true,
      };
    case "refer":
      return { text: t.referredOutcome(applied, referralTitle(action.referral, t)), publish: true };
    case "dismiss":
      return { text: t.dismissedOutcome(applied), publish: false };
    case "confirm":
      return { text: t.confirmedOutcome(applied), publish: false };
    case "uncovered":
      return { text: t.uncoveredOutcome(applied, action.matter), publish: true, uncovered: true };
  }
}

/**
 * The matters the draft's uncovered questions are kept under, both languages, sorted: what the
 * inbox suggests for a question kept as uncovered, so one matter keeps one id.
 */
export const uncoveredMatters = signal<readonly string[]>([]);

/** The draft's uncovered questions as last read: which of the chosen ones it keeps already. */
export const uncoveredSet = signal<UncoveredLists | undefined>(undefined);

/**
 * Reads the matters in use afresh (each time the action is chosen); a failure only leaves the
 * suggestions out.
 */
export async function loadUncoveredMatters(): Promise<void> {
  const result = await call(
    (c) => c.draftUncovered(),
    () => {},
    { background: true },
  );
  if (!result) return;
  batch(() => {
    uncoveredMatters.value = mattersOf(result.uncovered);
    uncoveredSet.value = result.uncovered;
  });
}

/**
 * Which of `questions` the set keeps already, counted by matter (most first): they keep that
 * matter whatever the form says, as the server marks them. Compared as the server compares
 * (without the masking placeholders; case, punctuation and ä/ö/å aside). Pure.
 */
export function keptAlready(
  questions: readonly { text: string; lang: Lang }[],
  set: UncoveredLists | undefined,
): { matter: string; count: number }[] {
  if (!set) return [];
  const matterOf = {
    fi: new Map(set.fi.map((q) => [heldOutKey(q.text), q.matter])),
    sv: new Map(set.sv.map((q) => [heldOutKey(q.text), q.matter])),
  };
  const kept = questions.flatMap(
    (q) => matterOf[q.lang].get(heldOutKey(withoutPlaceholders(q.text))) ?? [],
  );
  return [...countBy(kept)]
    .map(([matter, count]) => ({ matter, count }))
    .sort((a, b) => b.count - a.count || a.matter.localeCompare(b.matter));
}

/** Every matter of `lists` once, sorted. Pure. */
export function mattersOf(lists: UncoveredLists): string[] {
  const all = [...lists.fi, ...lists.sv].map((q) => q.matter).filter(Boolean);
  return [...new Set(all)].sort();
}

/**
 * What is wrong with a matter as typed, by the uncovered questions' own rule; "" when it can be
 * sent. Checked here so the owner is told in the studio's language before anything is sent.
 */
export function matterProblem(matter: string, t: UiText): string {
  const value = matter.trim();
  if (value === "") return t.matterMissing;
  return isWellFormedTopicId(value) ? "" : t.matterInvalid(value);
}

/**
 * Runs an action on questions of the group `where.groupId` (at `where.index` in the list); the
 * groups update and `lastOutcome` says what was done (`done`, when given, says it instead), or
 * the refusal is returned. The view takes focus to the outcome, which reads it out: it is not
 * announced a second time.
 */
export async function act(
  action: MissAction,
  where: { groupId: string; index: number },
  options: {
    done?: (applied: number) => string;
    /** The form's: says, once the action is slow, that it is (`sayWhenSlow`). */
    slow?: Signal<string>;
  } = {},
): Promise<ActionResult> {
  const t = text.value;
  const { done, slow = signal("") } = options;
  let failure: ActionResult | undefined;
  const result = await sayWhenSlow(
    slow,
    () => text.value.actionSlow,
    () =>
      call(
        (c) => c.missAction(action),
        (e) => {
          failure =
            e instanceof ContentInvalidError
              ? { ok: false, message: t.actionRefused, problems: e.problems }
              : { ok: false, message: errorText(e), problems: [] };
        },
      ),
  );
  if (!result) return failure ?? { ok: false, message: t.noAnswer, problems: [] };
  const said = done
    ? { text: done(result.applied), publish: false }
    : outcomeOf(action, result.applied, t, result.alreadyKept);
  // Together: the group leaves and its outcome takes its place in one render.
  batch(() => {
    if (groups.value && review.value && kind.value === "sampled") {
      review.value = reviewAfter(
        review.value,
        groups.value,
        action.ids,
        statusAfter(action.action),
      );
    }
    if (groups.value) {
      groups.value = afterAction(
        groups.value,
        action.ids,
        statusAfter(action.action),
        statusFilter.value,
        placesAfter(action, result.alreadyKept),
      );
    }
    lastOutcome.value = { ...where, ...said };
  });
  return { ok: true, applied: result.applied };
}

/** One click on a question the bot now answers: dismissed, as needing nothing more. */
export function dismissAsAnswered(
  id: string,
  where: { groupId: string; index: number },
  slow?: Signal<string>,
): Promise<ActionResult> {
  return act({ action: "dismiss", ids: [id] }, where, {
    done: (n) => text.value.markedAnswered(n),
    ...(slow ? { slow } : {}),
  });
}

/** A topic as the teach form offers it: id and title in the UI language. */
export interface TopicChoice {
  id: string;
  title: string;
}

/**
 * The teach form's topics: those customers picked when the bot asked which one they meant
 * (`chosen`, in their order), then those of `guessed` (the bot's own guesses, in their order)
 * not picked already, each only if a draft topic in use; then every topic in use by title. A
 * guess of no topic (`none`), a retired topic or one the draft does not have is left out of
 * the first two. A topic in progress is in none: nothing is taught to unfinished work.
 */
export function topicChoices(
  topics: readonly TopicSummary[],
  guessed: readonly string[],
  t: UiText,
  chosen: readonly string[] = [],
): { chosen: TopicChoice[]; guessed: TopicChoice[]; all: TopicChoice[] } {
  const all = topics
    .filter((topic) => !topic.retired && !topic.inProgress)
    .map((topic) => ({ id: topic.id, title: topic[t.lang].title || topic.id }))
    .sort((a, b) => a.title.localeCompare(b.title, t.locale));
  const byId = new Map(all.map((topic) => [topic.id, topic]));
  const picked = [...new Set(chosen)].flatMap((id) => byId.get(id) ?? []);
  const pickedIds = new Set(picked.map((topic) => topic.id));
  const first = [...new Set(guessed)].flatMap((id) =>
    pickedIds.has(id) ? [] : (byId.get(id) ?? []),
  );
  return { chosen: picked, guessed: first, all };
}

/**
 * The topic the teach form has ready to confirm: the customers' pick (their own word on where
 * the question belongs) before the bot's likeliest guess.
 */
export function preselectedTopic(choices: {
  chosen: readonly TopicChoice[];
  guessed: readonly TopicChoice[];
}): string {
  return choices.chosen[0]?.id ?? choices.guessed[0]?.id ?? "";
}

/** Each day of the period with its count (days without questions as 0), for the trend. */
export function trendDays(
  trend: readonly { day: string; count: number }[],
  shown: Period,
): { day: string; count: number }[] {
  const counts = new Map(trend.map((d) => [d.day, d.count]));
  return daysOf(shown).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** The downloaded CSV of the period and of the list shown (as the server writes it). */
export async function exportCsv(): Promise<void> {
  const asked = period.value;
  if (periodProblem(asked)) return void loadInbox();
  exporting.value = true;
  exportError.value = "";
  const sampled = kind.value === "sampled";
  const blob = await call(
    (c) => c.missesCsv({ ...asked, ...(sampled ? { kind: "sampled" as const } : {}) }),
    (e) => {
      exportError.value = errorText(e);
    },
  );
  exporting.value = false;
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${sampled ? text.value.sampledFile : text.value.inboxFile}_${asked.from}_${asked.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

onSignOut(() => {
  batch(() => {
    forgetShown();
    periodError.value = undefined;
    exportError.value = "";
  });
});
