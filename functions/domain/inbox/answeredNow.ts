import type { Lang } from "../../contracts/lang.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../dialogue/answerTurn.ts";
import { type DecisionSettings, decide } from "../dialogue/decision.ts";
import type { Recognition } from "../ports.ts";
import { withoutPlaceholders } from "../privacy/personalData.ts";
import { DEFAULT_INBOX_SETTINGS } from "./learningInbox.ts";
import type { MissEntry } from "./missStore.ts";

/** One content version as far as answering a question goes: its recogniser and its topics. */
export interface VersionAnswerer {
  /** What the version's recogniser makes of `text` (the studio's Try it asks the same). */
  recognise(text: string, lang: Lang): Recognition | Promise<Recognition>;
  /** Whether the version has the topic. */
  has(topic: string): boolean;
}

/** The topic a version answers a question with, and how sure its recogniser is. */
export interface NowAnswered {
  topic: string;
  confidence: number;
}

/** What the live version and the draft now answer an open question with, where confident. */
export interface AnsweredNow {
  id: string;
  live?: NowAnswered;
  draft?: NowAnswered;
}

export interface AnsweredNowSettings {
  /** The bot's own rule for answering (confidence, a close runner-up). */
  decision: DecisionSettings;
  /**
   * From this confidence up the answer would not be kept again as low-confidence: the
   * inbox's INBOX_CONFIDENCE_BELOW.
   */
  confidenceBelow: number;
}

export const DEFAULT_ANSWERED_NOW_SETTINGS: AnsweredNowSettings = {
  decision: DEFAULT_DIALOGUE_SETTINGS,
  confidenceBelow: DEFAULT_INBOX_SETTINGS.confidenceBelow,
};

// A hello or a goodbye back is no answer to a question (a person, a callback or a booking is).
const NOT_AN_ANSWER = new Set<string>(["greeting", "goodbye"]);
/** Questions recognised per turn of the event loop: the chats of this process go on between. */
const PER_TURN = 20;

/**
 * For each question, the topic each version now answers it with, when the bot would answer it
 * outright (its own rule) and sure enough not to keep it again. An answer with the very topic
 * the customer already had and voted down (or left for a person after), or that a sampled
 * question was answered with, is no news, and is left out. Questions neither version answers
 * are left out.
 */
export async function answeredNow(
  entries: readonly MissEntry[],
  versions: { live: VersionAnswerer; draft: VersionAnswerer },
  settings: AnsweredNowSettings = DEFAULT_ANSWERED_NOW_SETTINGS,
): Promise<AnsweredNow[]> {
  const found: AnsweredNow[] = [];
  for (const [i, entry] of entries.entries()) {
    if (i > 0 && i % PER_TURN === 0) await new Promise((r) => setTimeout(r, 0));
    const text = withoutPlaceholders(entry.text);
    const [live, draft] = await Promise.all([
      answerOf(versions.live, entry, text, settings),
      answerOf(versions.draft, entry, text, settings),
    ]);
    if (live || draft)
      found.push({ id: entry.id, ...(live ? { live } : {}), ...(draft ? { draft } : {}) });
  }
  return found;
}

async function answerOf(
  version: VersionAnswerer,
  entry: MissEntry,
  text: string,
  settings: AnsweredNowSettings,
): Promise<NowAnswered | undefined> {
  const recognition = await version.recognise(text, entry.lang);
  const decision = decide(recognition, (topic) => version.has(topic), settings.decision);
  if (decision.kind !== "answer" || NOT_AN_ANSWER.has(decision.topic)) return undefined;
  if (recognition.confidence < settings.confidenceBelow) return undefined;
  // A sampled question was answered surely with its topic: the same answer again is what is
  // under review, not news that it is answered now.
  const judged =
    entry.topic === decision.topic &&
    (entry.reasons.includes("unhelpful") ||
      entry.reasons.includes("person-requested") ||
      entry.reasons.includes("sampled"));
  if (judged) return undefined;
  return { topic: decision.topic, confidence: Math.round(recognition.confidence * 1000) / 1000 };
}
