/**
 * Topics are content: a topic exists because its file exists in bot-content/topics/, and
 * its id is the file name. Code names only the few topics it relies on (SYSTEM_TOPICS);
 * everything else about topics comes from the content. This module stays free of zod so
 * the staff apps can import it without the validator.
 */

/** A topic id: the topic file's name, e.g. "tax-card". */
export type TopicId = string;

/** What the recogniser answers when a message is outside every topic. */
export const NO_INTENT = "none" as const;
export type IntentId = TopicId | typeof NO_INTENT;

/**
 * Topics the code relies on: the dialogue's conversation moves and the personalised answers.
 * The content check fails when one of them has no file.
 */
export const SYSTEM_TOPICS = [
  "greeting",
  "goodbye",
  "human-advisor",
  "callback",
  "appointment",
  "tax-card",
  "tax-refund",
  "residual-tax",
] as const;
export type SystemTopicId = (typeof SYSTEM_TOPICS)[number];

/**
 * Topics that are moves in the conversation rather than reasons to contact the agency: the
 * advisor's wrap-up does not offer them.
 */
export const CONVERSATION_MOVES = [
  "greeting",
  "goodbye",
  "human-advisor",
  "callback",
  "appointment",
] as const satisfies readonly SystemTopicId[];

/** The wrap-up reason for a contact that fits no topic. */
export const OTHER_REASON = "other" as const;

/**
 * Lower-case letters and digits in words joined by single hyphens: the id is also a file
 * name, a Lex intent name and a URL segment, and stays readable in reports.
 */
export const TOPIC_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TOPIC_ID_MAX_LENGTH = 64;
/**
 * The out-of-scope lists where the draft's changes and a version's diff list items by id: a
 * topic of this id could not be told from them.
 */
export const OUT_OF_SCOPE_ID = "out-of-scope" as const;

/** Ids that mean something else where topics are listed: no topic may take them. */
export const RESERVED_TOPIC_IDS: readonly string[] = [NO_INTENT, OTHER_REASON, OUT_OF_SCOPE_ID];

/** What a content owner reads when an id has the wrong form. */
export const TOPIC_ID_RULE = `lower-case letters a-z and digits, words joined by single hyphens, at most ${TOPIC_ID_MAX_LENGTH} characters (e.g. capital-gains)`;

/** True when `value` has the form of a topic id; says nothing about whether the topic exists. */
export function isWellFormedTopicId(value: string): boolean {
  return value.length <= TOPIC_ID_MAX_LENGTH && TOPIC_ID_PATTERN.test(value);
}

/** `GET /api/content/topics`: the live content version's topics, for the staff apps. */
export interface ContentTopicsResponse {
  version: number;
  topics: { id: TopicId; fi: { title: string }; sv: { title: string }; system: boolean }[];
}
