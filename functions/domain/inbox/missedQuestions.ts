import { finding } from "../../contracts/contentFindings.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { DraftExpectation } from "../content/contentStore.ts";
import type { ContentWorkflow, TeachSplit } from "../content/contentWorkflow.ts";
import { ContentNotFoundError } from "../content/errors.ts";
import type { ContentActor } from "../content/versions.ts";
import { withoutPlaceholders } from "../privacy/personalData.ts";
import { type CounterRow, NO_TOPIC } from "../reports/reportEvents.ts";
import {
  type AnsweredNow,
  type AnsweredNowSettings,
  answeredNow,
  DEFAULT_ANSWERED_NOW_SETTINGS,
  type VersionAnswerer,
} from "./answeredNow.ts";
import { groupQuestions, type QuestionFeatures, type QuestionGroup } from "./grouping.ts";
import type { MissEntry, MissPlace, MissStatus, MissStore } from "./missStore.ts";
import { type ListedMiss, needsDraft, withDraftStatus } from "./reopening.ts";

export type MissAction =
  | { action: "teach"; ids: string[]; topicId: string; split: TeachSplit }
  | { action: "refer"; ids: string[]; referral: string }
  | { action: "dismiss"; ids: string[] }
  /** The answer review: the answer the bot gave these (sampled) questions was right. */
  | { action: "confirm"; ids: string[] }
  /** Kept as uncovered questions of `matter` (a matter id such as dog-tax): no topic covers them. */
  | { action: "uncovered"; ids: string[]; matter: string };

export interface MissPeriod {
  from: string;
  to: string;
  lang?: Lang;
  /**
   * "open" (default): only questions nobody has acted on, and those whose teaching, referral or
   * uncovered question has left the draft since; "all": every one.
   */
  status?: "open" | "all";
  /**
   * "misses" (default): questions kept for any reason but the answer review's draw;
   * "sampled": those drawn for the answer review (a sampled question a customer then voted
   * down, or left for a person after, is in both).
   */
  kind?: MissKind;
}

export type MissKind = "misses" | "sampled";

/** Of the sampled questions reviewed in a language, how many were found answered right. */
export interface ReviewFigure {
  /** Confirmed right, or corrected: taught, referred or kept as uncovered (as listed now). */
  reviewed: number;
  confirmed: number;
}

/** Whether `entry` is of `kind`: a miss (any reason but `sampled`), or sampled. */
export function isOfKind(entry: Pick<MissEntry, "reasons">, kind: MissKind): boolean {
  return kind === "sampled"
    ? entry.reasons.includes("sampled")
    : entry.reasons.some((r) => r !== "sampled");
}

/**
 * The answer review's figure per language over `entries` (the period's sampled questions):
 * a confirmed question counts as right, a taught, referred or uncovered one as corrected. An
 * open one is not reviewed yet, nor a dismissed one (set aside, neither right nor fixed); one
 * whose correction has left the draft is open again, so no longer reviewed.
 */
export function reviewFigure(entries: readonly ListedMiss[]): Record<Lang, ReviewFigure> {
  const figure: Record<Lang, ReviewFigure> = {
    fi: { reviewed: 0, confirmed: 0 },
    sv: { reviewed: 0, confirmed: 0 },
  };
  for (const e of entries) {
    if (!isOfKind(e, "sampled") || e.status === "open" || e.status === "dismissed") continue;
    figure[e.lang].reviewed++;
    if (e.status === "confirmed") figure[e.lang].confirmed++;
  }
  return figure;
}

/**
 * What an action did: how many questions it applied to; after a teach the topic's revision;
 * after keeping questions as uncovered ones, those the set already kept under another matter
 * (each is marked with that matter, not the one asked).
 */
export interface MissActionResult {
  applied: number;
  revision?: string;
  alreadyKept?: { id: string; matter: string }[];
}

const LATEST_UNHELPFUL = 5;

/** How many of `kept` each other matter has, most first, for the audit note. */
function elsewhereOf(kept: readonly { matter: string }[]): { matter: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { matter } of kept) counts.set(matter, (counts.get(matter) ?? 0) + 1);
  return [...counts]
    .map(([matter, count]) => ({ matter, count }))
    .sort((a, b) => b.count - a.count || a.matter.localeCompare(b.matter));
}

/**
 * The content owners' side of the missed-question inbox: the kept questions of a period
 * grouped, and what is done with them (teach to a topic, refer to another agency, dismiss,
 * keep as an uncovered question), each action in the content audit trail. A question's status
 * is listed as the draft has it: one taught, referred or kept whose sentence has left the
 * draft is open again.
 */
export function createMissedQuestions(deps: {
  store: MissStore;
  workflow: Pick<
    ContentWorkflow,
    "teach" | "recordInboxAction" | "addReferralSentences" | "addUncovered" | "draftBundle"
  >;
  features: QuestionFeatures;
  /** When a version's answer counts as answering a question (the bot's rule by default). */
  answering?: Partial<AnsweredNowSettings>;
}) {
  const answering = { ...DEFAULT_ANSWERED_NOW_SETTINGS, ...deps.answering };
  /** The questions with the status the draft gives them (one cached read of the draft). */
  async function listed(entries: MissEntry[]): Promise<ListedMiss[]> {
    if (!needsDraft(entries)) return entries;
    return withDraftStatus(entries, await deps.workflow.draftBundle());
  }

  /** The period's questions of its kind, as listed (before the language and status filters). */
  async function ofKind(period: MissPeriod): Promise<ListedMiss[]> {
    const kind = period.kind ?? "misses";
    const stored = await deps.store.listDays(period.from, period.to);
    return listed(stored.filter((e) => isOfKind(e, kind)));
  }

  function filtered(entries: readonly ListedMiss[], period: MissPeriod): ListedMiss[] {
    return entries.filter(
      (e) =>
        (!period.lang || e.lang === period.lang) &&
        ((period.status ?? "open") === "all" || e.status === "open"),
    );
  }

  async function entriesOf(period: MissPeriod): Promise<ListedMiss[]> {
    return filtered(await ofKind(period), period);
  }

  async function found(ids: readonly string[]): Promise<MissEntry[]> {
    const entries = await deps.store.get(ids);
    if (entries.length === 0) {
      throw new ContentNotFoundError(finding("questionsGone", {}));
    }
    // In the order asked, so the sentences go in as the studio listed them.
    const order = new Map(ids.map((id, i) => [id, i]));
    return entries.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  async function mark(
    entries: MissEntry[],
    status: MissStatus,
    place?: MissPlace,
  ): Promise<number> {
    return (
      await deps.store.setStatus(
        entries.map((e) => e.id),
        status,
        place,
      )
    ).length;
  }

  return {
    /**
     * The period's questions of its kind grouped, largest group first; for the sampled ones
     * the answer review's figure too (both languages, whatever the filters).
     */
    async groups(period: MissPeriod): Promise<{
      from: string;
      to: string;
      groups: QuestionGroup[];
      review?: Record<Lang, ReviewFigure>;
    }> {
      const all = await ofKind(period);
      return {
        from: period.from,
        to: period.to,
        groups: groupQuestions(filtered(all, period), deps.features, period),
        ...(period.kind === "sampled" ? { review: reviewFigure(all) } : {}),
      };
    },

    /** Every question of the period with the group it falls in, groups largest first. */
    async rows(period: MissPeriod): Promise<{ entry: ListedMiss; group: QuestionGroup }[]> {
      const entries = await entriesOf(period);
      const byId = new Map(entries.map((e) => [e.id, e]));
      return groupQuestions(entries, deps.features, period).flatMap((group) =>
        group.ids.map((id) => ({ entry: byId.get(id) as ListedMiss, group })),
      );
    },

    /**
     * What the live version and the draft now answer the questions `ids` with, for those still
     * open (as listed) that either answers outright and surely; in the order of `ids`. The
     * caller bounds `ids` (a page of the inbox): each is recognised twice.
     */
    async answers(
      ids: readonly string[],
      versions: { live: VersionAnswerer; draft: VersionAnswerer },
    ): Promise<AnsweredNow[]> {
      const order = new Map(ids.map((id, i) => [id, i]));
      const open = (await listed(await deps.store.get(ids)))
        .filter((e) => e.status === "open")
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return answeredNow(open, versions, answering);
    },

    /**
     * Applies a content owner's action; returns how many questions it applied to, and after
     * a teach the topic's revision. `expected`, for a teach: the revision the person's form
     * was read at (the studio teaching the topic it has just saved).
     */
    async act(
      actor: ContentActor,
      request: MissAction,
      expected?: DraftExpectation,
    ): Promise<MissActionResult> {
      const entries = await found(request.ids);
      const count = entries.length;
      switch (request.action) {
        case "teach": {
          const { revision } = await deps.workflow.teach(
            actor,
            request.topicId,
            request.split,
            entries.map((e) => ({ lang: e.lang, text: withoutPlaceholders(e.text) })),
            finding("inboxTaught", { count, into: request.split }),
            expected,
          );
          const applied = await mark(entries, "taught", {
            taughtTo: { topicId: request.topicId, split: request.split },
          });
          return { applied, ...(revision ? { revision } : {}) };
        }
        case "refer": {
          const textsByLang: Record<Lang, string[]> = { fi: [], sv: [] };
          for (const e of entries) textsByLang[e.lang].push(withoutPlaceholders(e.text));
          // Into the group's training sentences, language by language: the bot then answers
          // such questions with the referral.
          for (const lang of ["fi", "sv"] as const) {
            if (textsByLang[lang].length === 0) continue;
            await deps.workflow.addReferralSentences(
              actor,
              request.referral,
              lang,
              textsByLang[lang],
            );
          }
          const applied = await mark(entries, "referred", { referredTo: request.referral });
          await deps.workflow.recordInboxAction(
            actor,
            "inbox-refer",
            finding("inboxReferred", { count, referral: request.referral }),
            request.referral,
          );
          return { applied };
        }
        case "uncovered": {
          // Into the draft's set first: a refusal (a text that trains something) marks nothing.
          const { keptUnder } = await deps.workflow.addUncovered(
            actor,
            entries.map((e) => ({ lang: e.lang, text: withoutPlaceholders(e.text) })),
            request.matter,
          );
          // A question the set already keeps under another matter is marked with that one, the
          // matter the set (and so the publish gate) says; the owner is told which.
          const byMatter = new Map<string, MissEntry[]>();
          entries.forEach((e, i) => {
            const matter = keptUnder[i] ?? request.matter;
            byMatter.set(matter, [...(byMatter.get(matter) ?? []), e]);
          });
          let applied = 0;
          const alreadyKept: { id: string; matter: string }[] = [];
          for (const [matter, marked] of byMatter) {
            const done = await deps.store.setStatus(
              marked.map((e) => e.id),
              "uncovered",
              { uncoveredMatter: matter },
            );
            applied += done.length;
            if (matter !== request.matter) {
              alreadyKept.push(...done.map((e) => ({ id: e.id, matter })));
            }
          }
          await deps.workflow.recordInboxAction(
            actor,
            "inbox-uncovered",
            finding("inboxUncovered", {
              count: count - alreadyKept.length,
              matter: request.matter,
              ...(alreadyKept.length ? { elsewhere: elsewhereOf(alreadyKept) } : {}),
            }),
          );
          return { applied, ...(alreadyKept.length ? { alreadyKept } : {}) };
        }
        case "confirm": {
          const applied = await mark(entries, "confirmed");
          await deps.workflow.recordInboxAction(
            actor,
            "inbox-confirm",
            finding("inboxConfirmed", { count }),
          );
          return { applied };
        }
        case "dismiss": {
          const applied = await mark(entries, "dismissed");
          await deps.workflow.recordInboxAction(
            actor,
            "inbox-dismiss",
            finding("inboxDismissed", { count }),
          );
          return { applied };
        }
      }
    },

    /**
     * Helpfulness per topic and language: how often the bot answered with the topic and the
     * votes, from the report counters, and the latest questions whose answer was voted
     * unhelpful, from the inbox.
     */
    async feedback(period: MissPeriod, counters: readonly CounterRow[]) {
      const key = (topic: string, lang: Lang) => `${topic}\u0000${lang}`;
      const topics = new Map<
        string,
        {
          topicId: string;
          lang: Lang;
          answers: number;
          helpful: number;
          unhelpful: number;
          latestUnhelpful: { text: string; at: string }[];
        }
      >();
      const row = (topicId: string, lang: Lang) => {
        const k = key(topicId, lang);
        let found = topics.get(k);
        if (!found) {
          found = { topicId, lang, answers: 0, helpful: 0, unhelpful: 0, latestUnhelpful: [] };
          topics.set(k, found);
        }
        return found;
      };
      for (const c of counters) {
        const helpful = c.counts.helpful ?? 0;
        const unhelpful = c.counts.unhelpful ?? 0;
        // No topic's answers are misses and referrals: only their votes (a referral's) count.
        const answers = c.topic === NO_TOPIC ? 0 : (c.counts.botAnswers ?? 0);
        if (helpful === 0 && unhelpful === 0 && answers === 0) continue;
        const r = row(c.topic, c.lang);
        r.answers += answers;
        r.helpful += helpful;
        r.unhelpful += unhelpful;
      }
      const voted = (await deps.store.listDays(period.from, period.to))
        .filter((e) => e.topic && e.reasons.includes("unhelpful"))
        .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
      for (const e of voted) {
        const r = row(e.topic as string, e.lang);
        if (r.latestUnhelpful.length < LATEST_UNHELPFUL) {
          r.latestUnhelpful.push({ text: e.text, at: e.at });
        }
      }
      return {
        topics: [...topics.values()].sort(
          (a, b) =>
            b.unhelpful - a.unhelpful ||
            a.topicId.localeCompare(b.topicId) ||
            a.lang.localeCompare(b.lang),
        ),
      };
    },
  };
}

export type MissedQuestions = ReturnType<typeof createMissedQuestions>;
