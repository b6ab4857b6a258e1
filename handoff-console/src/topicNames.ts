/**
 * Topic names for the staff apps, from the live content (`GET /api/content/topics`): topics
 * are content, so a new one shows up here, in the wrap-up and in reports, without a code
 * change. Fetched once after sign-in and kept for the page; until then (or if the service
 * cannot answer) topics are shown by their id and the wrap-up offers only "other".
 */
import { computed, signal } from "@preact/signals";
import type { Lang } from "../../functions/contracts/lang.ts";
import {
  CONVERSATION_MOVES,
  type ContentTopicsResponse,
  OTHER_REASON,
  type TopicId,
} from "../../functions/contracts/topics.ts";

export type TopicName = ContentTopicsResponse["topics"][number];

// Signals, so a view that shows a topic by name re-renders when the names arrive.
const names = signal<readonly TopicName[]>([]);
const byId = computed(() => new Map<TopicId, TopicName>(names.value.map((t) => [t.id, t])));
let loading: Promise<boolean> | undefined;

export interface LoadOptions {
  fetchImpl?: typeof fetch;
  /** Waits before each retry after a failed fetch; the last failure gives up. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Fetches the topic names with the staff session's token, once per page: later calls share
 * the first one's result. Resolves true once names are known; never throws.
 */
export function loadTopicNames(token: string, options: LoadOptions = {}): Promise<boolean> {
  loading ??= fetchWithRetries(token, options).then((ok) => {
    if (!ok) loading = undefined; // a later sign-in may try again
    return ok;
  });
  return loading;
}

/** The topic's title in `lang`, or undefined for an id the live content does not have. */
export function topicTitle(topic: TopicId, lang: Lang): string | undefined {
  return byId.value.get(topic)?.[lang].title;
}

/** Every topic of the live content, in its order. */
export function topicNames(): readonly TopicName[] {
  return names.value;
}

/**
 * The topics among `ids` that are questions, without the conversation moves (greeting,
 * goodbye, asking for a person…), which say nothing about what the customer asked.
 */
export function questionTopics(ids: readonly string[]): string[] {
  return ids.filter((id) => matterOf(id) !== undefined);
}

/**
 * A callback's or booking's topic when it names a matter: one left through the chat's own
 * callback or booking flow carries the move ("callback", "appointment"), which says nothing
 * about what the call is for.
 */
export function matterOf(topic: string | undefined): string | undefined {
  const moves: readonly string[] = CONVERSATION_MOVES;
  return topic && !moves.includes(topic) ? topic : undefined;
}

/**
 * Wrap-up reasons as the select lists them: every topic but the conversation moves. The
 * chat's own recognised topics come first (`fromChat`, in the chat's order), since the reason
 * is usually one of them; the rest (`others`) alphabetically by title in `lang`, so a reason
 * is found among forty by its name, with "other" last.
 */
export function wrapupReasons(
  lang: Lang,
  chatTopics: readonly string[] = [],
): { fromChat: string[]; others: string[] } {
  const questions = questionTopics(names.value.map((t) => t.id));
  const reasons = names.value.filter((t) => questions.includes(t.id));
  const fromChat = [...new Set(chatTopics)].filter((id) => reasons.some((t) => t.id === id));
  const others = reasons
    .filter((t) => !fromChat.includes(t.id))
    .sort((a, b) => a[lang].title.localeCompare(b[lang].title, lang))
    .map((t) => t.id);
  return { fromChat, others: [...others, OTHER_REASON] };
}

/** Sets the names directly: for tests, and for a page that already holds them. */
export function setTopicNames(topics: readonly TopicName[]): void {
  names.value = topics;
}

async function fetchWithRetries(token: string, options: LoadOptions): Promise<boolean> {
  const delays = options.retryDelaysMs ?? [2_000, 10_000];
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    const result = await fetchTopicNames(token, options.fetchImpl ?? fetch);
    if (result === "ok") return true;
    // A refused token will not get better by asking again; the page signs in anew.
    const delay = delays[attempt];
    if (result === "refused" || delay === undefined) return false;
    await sleep(delay);
  }
}

async function fetchTopicNames(
  token: string,
  fetchImpl: typeof fetch,
): Promise<"ok" | "refused" | "failed"> {
  try {
    const response = await fetchImpl("/api/content/topics", {
      headers: { accept: "application/json", authorization: `Bearer ${token}` },
    });
    if (response.status === 401 || response.status === 403) return "refused";
    if (!response.ok) return "failed";
    const topics = validTopics(await response.json());
    if (!topics) return "failed";
    setTopicNames(topics);
    return "ok";
  } catch {
    return "failed";
  }
}

/** The topics of a response, leaving out any entry that is not a well-formed name. */
function validTopics(body: unknown): TopicName[] | undefined {
  const list = (body as { topics?: unknown } | undefined)?.topics;
  if (!Array.isArray(list)) return undefined;
  const title = (value: unknown): value is { title: string } =>
    typeof (value as { title?: unknown } | undefined)?.title === "string";
  return list
    .filter(
      (t): t is TopicName =>
        typeof t?.id === "string" && t.id.length > 0 && title(t.fi) && title(t.sv),
    )
    .map((t) => ({
      id: t.id,
      fi: { title: t.fi.title },
      sv: { title: t.sv.title },
      system: t.system === true,
    }));
}
