// The content's score targets: one place for the gate, content:test and the studio, which
// shows them beside the scores (this module imports nothing, so the studio's bundle takes
// only these numbers).

/**
 * The publish gate, the same as content:test's: below these a version does not go live.
 * A few messages' margin under the targets (95 % top-1, 93 % none), so one edit does not
 * block publishing; raise them as content improves.
 */
export const MIN_ACCURACY = 0.93;
export const MIN_NONE_RECALL = 0.9;

/** content:test fails a topic that finds fewer of its own test messages than this. */
export const MIN_TOPIC_RECALL = 0.85;

/**
 * The gate stops a version in which a topic finds fewer of its own test messages than this:
 * one that lost them to a new topic, though the whole still scores well. Lower than
 * content:test's target, because retraining moves a message or two in topics nobody edited
 * (a topic has 8-10 test messages per language): at 85 % any publish could be blocked by a
 * topic its author never touched. Below 60 % a topic has lost half of what it answered.
 */
export const MIN_GATE_TOPIC_RECALL = 0.6;

/**
 * At most this share of the uncovered questions (tax questions no topic covers) may be
 * answered with a topic's text, in each language: content:test fails over it and the publish
 * gate refuses a version over it. For a tax authority a confident wrong answer is worse than
 * "I don't know".
 */
export const MAX_UNCOVERED_ANSWERED = 0.05;
