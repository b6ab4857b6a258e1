/**
 * The uncovered questions' page state: the draft's tax questions that no topic answers, per
 * language, edited as a list page (listPage.ts) edits its lists, one `matter: question` per line.
 */
import { batch, signal } from "@preact/signals";
import type { Lang } from "../api.ts";
import { text } from "../i18n.ts";
import { formFromUncovered, uncoveredFromForm } from "../listsForm.ts";
import { announce, call, errorText, navigate, onSignOut } from "./app.ts";
import { createListPage } from "./listPage.ts";
import { draftItemName, loadDraft } from "./topics.ts";
import * as tryIt from "./tryIt.ts";

export const uncoveredPage = createListPage({
  kept: "uncovered",
  read: async (client) => {
    const { uncovered, ...read } = await client.draftUncovered();
    return { ...read, lists: uncovered };
  },
  validate: (client, lists) => client.validateUncovered(lists),
  save: (client, lists, base) => client.saveUncovered(lists, base),
  revert: (client, base) => client.revertUncovered(base),
  toForm: formFromUncovered,
  fromForm: uncoveredFromForm,
  changedIn: (changes) => changes.some((c) => c.kind === "uncovered"),
  texts: () => text.value.uncoveredPage,
});

/** A question Test all found the draft answering with a topic: where it would go. */
export interface AnsweredUncovered {
  text: string;
  lang: Lang;
  topic: string;
}

/**
 * The row whose move is being confirmed, by `rowKey`; one at a time. A question answered with
 * a topic's text is first of all a wrong answer: the move, which makes that answer a passing
 * test, is never one click.
 */
export const confirmingMove = signal<string | undefined>(undefined);
/** The row being moved now, by `rowKey`; one at a time. */
export const moving = signal<string | undefined>(undefined);
/** The rows moved since the report was made, by `rowKey`: their action is done. */
export const moved = signal<ReadonlySet<string>>(new Set());
/** What the last move did, in words, shown above the table (and announced). */
export const moveOutcome = signal<{ kind: "ok" | "error"; text: string } | undefined>(undefined);

export const rowKey = (row: AnsweredUncovered) => `${row.lang}:${row.topic}:${row.text}`;

/** Opens the row's move confirmation (closing any other); nothing is written yet. */
export function askToMove(row: AnsweredUncovered): void {
  batch(() => {
    confirmingMove.value = rowKey(row);
    moveOutcome.value = undefined;
  });
}

/**
 * "Try it" with the question, in its own language: the way to see why the topic answers it
 * (its closest sentences, how sure the recogniser was) before mending the topic.
 */
export function tryQuestion(row: AnsweredUncovered): Promise<void> {
  batch(() => {
    tryIt.message.value = row.text;
    tryIt.lang.value = row.lang;
  });
  navigate({ view: "try" });
  return tryIt.run(row.text);
}

/**
 * The confirmed move, for a topic whose answer is right: the question leaves the uncovered
 * set and becomes one of the topic's test messages in its language, so the topic is measured
 * on it instead of the set counting it against the version. Two saves, each over the revision just read: the set
 * first (a held-out message may not also be in the set, so the topic's save would be refused
 * while it is), then the topic. If the second fails the first stands, and the owner is told
 * to add it to the topic or put it back.
 */
export async function moveToTopicTests(row: AnsweredUncovered): Promise<boolean> {
  const t = text.value;
  if (moving.value !== undefined) return false;
  let failed = "";
  const onError = (error: unknown) => {
    failed = errorText(error);
  };
  const told = (kind: "ok" | "error", said: string) => {
    moveOutcome.value = { kind, text: said };
    announce(said);
    return kind === "ok";
  };
  const topicName = draftItemName(row.topic, t);
  batch(() => {
    moving.value = rowKey(row);
    moveOutcome.value = undefined;
  });
  try {
    const read = await call((c) => c.draftUncovered(), onError);
    if (!read) return told("error", t.moveFailed(failed || t.noAnswer));
    const list = read.uncovered[row.lang];
    const rest = list.filter((q) => q.text !== row.text);
    if (rest.length === list.length) return told("error", t.moveGone);
    const base = read.revision === undefined ? undefined : { revision: read.revision };
    const lists = { ...read.uncovered, [row.lang]: rest };
    if (!(await call((c) => c.saveUncovered(lists, base), onError))) {
      return told("error", t.moveFailed(failed || t.noAnswer));
    }
    // The set's page reads it again when opened; the draft's changes now list the set.
    void loadDraft();
    const topic = await call((c) => c.draftTopic(row.topic), onError);
    const tests = topic?.topic.tests[row.lang];
    const added =
      topic &&
      tests &&
      (await call(
        (c) =>
          c.saveTopic(
            {
              ...topic.topic,
              tests: {
                ...topic.topic.tests,
                [row.lang]: tests.includes(row.text) ? tests : [...tests, row.text],
              },
            },
            topic.revision === undefined ? undefined : { revision: topic.revision },
          ),
        onError,
      ));
    if (!added) return told("error", t.moveTopicFailed(topicName, failed || t.noAnswer));
    moved.value = new Set([...moved.value, rowKey(row)]);
    return told("ok", t.moved(topicName));
  } finally {
    batch(() => {
      moving.value = undefined;
      confirmingMove.value = undefined;
    });
  }
}

onSignOut(() => {
  batch(() => {
    confirmingMove.value = undefined;
    moving.value = undefined;
    moved.value = new Set();
    moveOutcome.value = undefined;
  });
});
