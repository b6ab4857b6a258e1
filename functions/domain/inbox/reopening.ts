import { LANGS, type Lang } from "../../contracts/lang.ts";
import { type ContentBundle, uncoveredOf, utteranceKey } from "../content/bundle.ts";
import type { TeachSplit } from "../content/contentWorkflow.ts";
import { withoutPlaceholders } from "../privacy/personalData.ts";
import type { MissEntry } from "./missStore.ts";

/** The statuses that put a question's text in the draft, and so depend on the draft staying so. */
type PlacedStatus = "taught" | "referred" | "uncovered";

/**
 * Why a taught, referred or kept-as-uncovered question is listed as open again: what it was
 * taught, referred or kept as is no longer in the draft (a rollback that went live, a
 * discarded draft change, an owner's edit).
 */
export interface Reopened {
  /** The status it has in the store. */
  was: PlacedStatus;
  /** Where it was taught; none for questions taught before the inbox kept that. */
  topicId?: string;
  split?: TeachSplit;
  /** The referral group it was referred to (kept likewise). */
  referral?: string;
  /** The matter it was kept under as an uncovered question. */
  matter?: string;
  /**
   * That topic is retired in the draft or not there at all; that group is removed; for an
   * uncovered question, always false (the set itself is never gone, only its questions).
   */
  gone: boolean;
}

/** A kept question as the inbox lists it: its status as the draft has it now. */
export type ListedMiss = MissEntry & { reopened?: Reopened };

/**
 * The questions with the status the draft gives them: a taught, referred or kept-as-uncovered
 * question whose text is no longer anywhere in the draft (a training sentence or held-out
 * message of a topic in use, a referral group's sentence, an out-of-scope example, an
 * uncovered question) is open again, with `reopened` saying why. Wherever the text is, the
 * owner put it there on purpose (moved to another topic, out of scope, or from the uncovered
 * set into a topic's test messages once a topic covers it), so that still counts as handled.
 * Worked out on each read rather than written by what removed the sentence: a rollback's
 * go-live and a revert need not know about the inbox, and a sentence that comes back (the
 * rollback rolled back) makes the question handled again.
 */
export function withDraftStatus(entries: readonly MissEntry[], draft: ContentBundle): ListedMiss[] {
  let sentences: Record<Lang, Set<string>> | undefined;
  return entries.map((entry) => {
    if (!isPlaced(entry.status)) return entry;
    sentences ??= sentencesOf(draft);
    if (sentences[entry.lang].has(utteranceKey(withoutPlaceholders(entry.text)))) return entry;
    return { ...entry, status: "open", reopened: reopenedOf(entry, entry.status, draft) };
  });
}

function isPlaced(status: MissEntry["status"]): status is PlacedStatus {
  return status === "taught" || status === "referred" || status === "uncovered";
}

/** Whether the draft's bundle is needed at all: only taught, referred and uncovered ones ask it. */
export function needsDraft(entries: readonly MissEntry[]): boolean {
  return entries.some((e) => isPlaced(e.status));
}

function reopenedOf(entry: MissEntry, was: PlacedStatus, draft: ContentBundle): Reopened {
  if (was === "taught") {
    const to = entry.taughtTo;
    return {
      was,
      ...(to ? { topicId: to.topicId, split: to.split } : {}),
      gone: to ? !draft.topics.some((t) => t.id === to.topicId) : false,
    };
  }
  if (was === "uncovered") {
    return {
      was,
      ...(entry.uncoveredMatter ? { matter: entry.uncoveredMatter } : {}),
      gone: false,
    };
  }
  const referral = entry.referredTo;
  return {
    was,
    ...(referral ? { referral } : {}),
    gone: referral ? !draft.referrals.some((r) => r.id === referral) : false,
  };
}

/** Every sentence of the draft per language, as the recognisers tell sentences apart. */
function sentencesOf(draft: ContentBundle): Record<Lang, Set<string>> {
  const keys = { fi: new Set<string>(), sv: new Set<string>() };
  for (const lang of LANGS) {
    const add = (text: string) => keys[lang].add(utteranceKey(text));
    for (const topic of draft.topics) topic[lang].utterances.forEach(add);
    for (const group of draft.referrals ?? []) group[lang].sentences.forEach(add);
    draft.outOfScope[lang].forEach(add);
    for (const c of [...draft.tests[lang], ...draft.dev[lang]]) add(c.text);
    for (const c of uncoveredOf(draft)[lang]) add(c.text);
  }
  return keys;
}
