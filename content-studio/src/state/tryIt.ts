/**
 * "Try it": one message against the draft and the live version, and teaching that message to
 * a topic from there (the test console's loop: try, teach, try again).
 */
import { batch, computed, signal } from "@preact/signals";
import { withoutPlaceholders } from "../../../functions/domain/privacy/placeholders.ts";
import {
  ContentInvalidError,
  type DraftTopic,
  EditConflictError,
  type Lang,
  type Problem,
  type TestSplit,
  type TopicSummary,
  type TryOutcome,
  type TryResult,
} from "../api.ts";
import { formatPercent, text, uiLang } from "../i18n.ts";
import { placeProblem } from "../problems.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";
import { draft, draftItemName, loadDraft } from "./topics.ts";

export const message = signal("");
export const lang = signal<Lang>(uiLang.value);
export const result = signal<TryResult | undefined>(undefined);
/** The message and language the result is for. */
export const asked = signal<{ text: string; lang: Lang } | undefined>(undefined);
export const busy = signal(false);
export const error = signal("");

let seq = 0;

function topLine(outcome: TryOutcome): string {
  const t = text.value;
  const best = outcome.top[0];
  if (!best) return t.noIntent;
  const name = best.intent === "none" ? t.noIntent : best.intent;
  return `${name} ${formatPercent(best.confidence, t)}`;
}

/**
 * Asks for the message as typed (or the given one, e.g. a quick reply's value), in the
 * language chosen (or `language`: a try again after teaching keeps the message's own).
 * `quiet`: the caller says what came of it, so the result is not announced.
 */
export async function run(
  textToTry = message.value,
  options: { language?: Lang; quiet?: boolean } = {},
): Promise<void> {
  const t = text.value;
  const value = textToTry.trim();
  if (!value) {
    error.value = t.messageEmpty;
    return;
  }
  const current = ++seq;
  const language = options.language ?? lang.value;
  batch(() => {
    message.value = value;
    busy.value = true;
    error.value = "";
  });
  const answer = await call(
    (c) => c.tryMessage(value, language),
    (e) => {
      if (current === seq) error.value = errorText(e);
    },
  );
  if (current !== seq) return;
  batch(() => {
    busy.value = false;
    if (!answer) return;
    const same = asked.value?.text === value && asked.value.lang === language;
    result.value = answer;
    asked.value = { text: value, lang: language };
    // Another message: what was taught or refused was about the one before.
    if (!same) resetTeach();
  });
  if (answer && !options.quiet) announce(t.tryDone(topLine(answer.draft), topLine(answer.live)));
}

// Teaching the tried message -----------------------------------------------------------------

/** The topic the owner chose to teach to; undefined: the one proposed (`teachTopic`). */
export const chosenTopic = signal<string | undefined>(undefined);
export const teachSplit = signal<TestSplit>("training");
export const teaching = signal(false);
/** The save was refused, or failed: why, with the content check's findings when it gave them. */
export const teachRefusal = signal<{ message: string; problems: Problem[] } | undefined>(undefined);
/**
 * What the last teach did: `added` (saved to the draft; `warnings` the check found on the
 * line added) or `already` (the topic had the text: nothing saved).
 */
export const teachOutcome = signal<
  { kind: "added" | "already"; text: string; topicId: string; warnings: Problem[] } | undefined
>(undefined);

/** Counts sign-outs: a teach under way when one came leaves its answer unsaid. */
let teachRound = 0;

function resetTeach(): void {
  chosenTopic.value = undefined;
  teachRefusal.value = undefined;
  teachOutcome.value = undefined;
}

/**
 * The tried message as a line to teach: masked personal data is no word to learn and a
 * sentence has no line breaks, as the inbox's teach makes a question one. Empty: nothing left.
 */
export function teachableLine(tried: string): string {
  return withoutPlaceholders(tried);
}

/**
 * The topic Try it proposes to teach the message to: the draft's likeliest candidate that is
 * a topic in use (no topic, a referral group, a retired or unfinished topic names nothing to
 * teach).
 */
export function proposedTopic(outcome: TryOutcome, topics: readonly TopicSummary[]): string {
  const inUse = new Set(
    topics.filter((topic) => !topic.retired && !topic.inProgress).map((topic) => topic.id),
  );
  return outcome.top.find((candidate) => inUse.has(candidate.intent))?.intent ?? "";
}

/** The topic the teach form has chosen: the owner's choice, else the one proposed. */
export const teachTopic = computed(() => {
  if (chosenTopic.value !== undefined) return chosenTopic.value;
  const outcome = result.value?.draft;
  return outcome ? proposedTopic(outcome, draft.value?.topics ?? []) : "";
});

/** Sentences compared as the server's teach compares them: trimmed, case aside. */
const key = (line: string) => line.trim().toLocaleLowerCase("fi");

/**
 * `topic` with `line` added to its training sentences or test messages in `language`, or
 * undefined when that list has it already. Pure.
 */
export function withLine(
  topic: DraftTopic,
  language: Lang,
  split: TestSplit,
  line: string,
): DraftTopic | undefined {
  const list = split === "training" ? topic[language].utterances : topic.tests[language];
  if (list.some((existing) => key(existing) === key(line))) return undefined;
  if (split === "training") {
    return {
      ...topic,
      [language]: { ...topic[language], utterances: [...list, line] },
    };
  }
  return { ...topic, tests: { ...topic.tests, [language]: [...list, line] } };
}

/**
 * Adds the tried message to the chosen topic's training sentences or test messages in the
 * message's language: the topic read afresh, the line added, and saved with the draft's PUT
 * over the revision just read, as the editor saves (a save by someone in between is kept:
 * the topic is read again and the line added to theirs). The content check's refusal is
 * kept in `teachRefusal`; after a save Try it runs the message again, so the owner sees the
 * draft's new top candidates, and `teachOutcome` says what was done.
 */
export async function teach(): Promise<boolean> {
  const on = asked.value;
  const topicId = teachTopic.value;
  const split = teachSplit.value;
  if (!on || teaching.value) return false;
  const t = text.value;
  if (!topicId) return refuse(t.topicMissing, []);
  const line = teachableLine(on.text);
  batch(() => {
    chosenTopic.value = topicId;
    teaching.value = true;
    teachRefusal.value = undefined;
    teachOutcome.value = undefined;
  });
  const round = teachRound;
  // Signed out meanwhile: what comes back is not for this screen.
  const gone = () => round !== teachRound;
  try {
    if (!line) return refuse(t.tryTeachNothing, []);
    let failure: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      failure = undefined;
      const read = await call(
        (c) => c.draftTopic(topicId),
        (e) => {
          failure = e;
        },
      );
      if (gone()) return false;
      if (!read) return refuse(failure === undefined ? t.noAnswer : errorText(failure), []);
      const name = draftItemName(topicId, t);
      const next = withLine(read.topic, on.lang, split, line);
      if (!next) {
        teachOutcome.value = {
          kind: "already",
          text: t.tryTeachAlready(name, split, t.langName[on.lang]),
          topicId,
          warnings: [],
        };
        return true;
      }
      const saved = await call(
        (c) => c.saveTopic(next, read.revision ? { revision: read.revision } : undefined),
        (e) => {
          failure = e;
        },
      );
      if (gone()) return false;
      if (saved) {
        const added = split === "training" ? next[on.lang].utterances : next.tests[on.lang];
        const at = `${on.lang}.${split === "training" ? "utterances" : "tests"}`;
        const warnings = saved.warnings.filter((w) => {
          const placed = placeProblem(w);
          return placed.field === at && placed.index === added.length - 1;
        });
        void loadDraft();
        const before = result.value;
        await run(on.text, { language: on.lang, quiet: true });
        if (gone()) return false;
        // A try again that failed says so at the message; the outcome only says what was saved.
        const after = result.value === before ? undefined : result.value?.draft.top[0];
        const now = after ? nowLine(after.intent, after.confidence) : undefined;
        teachOutcome.value = {
          kind: "added",
          text: t.tryTaught(name, split, t.langName[on.lang], now),
          topicId,
          warnings,
        };
        return true;
      }
      // Someone saved the topic between the read and the save: add the line to theirs.
      if (failure instanceof EditConflictError && attempt === 0) continue;
      if (failure instanceof ContentInvalidError) {
        return refuse(t.tryTeachRefused, failure.problems);
      }
      return refuse(failure === undefined ? t.noAnswer : errorText(failure), []);
    }
    return false;
  } finally {
    if (!gone()) teaching.value = false;
  }
}

function refuse(why: string, problems: Problem[]): false {
  teachRefusal.value = { message: why, problems };
  return false;
}

/** The draft's top candidate after a teach, by title: "Sähköauton lataus (ev-charging) 78 %". */
function nowLine(intent: string, confidence: number): string {
  const t = text.value;
  const name = intent === "none" ? t.noIntent : draftItemName(intent, t);
  return `${name} ${formatPercent(confidence, t)}`;
}

onSignOut(() => {
  seq++;
  message.value = "";
  result.value = undefined;
  asked.value = undefined;
  busy.value = false;
  error.value = "";
  teachRound++;
  resetTeach();
  teachSplit.value = "training";
  teaching.value = false;
});
