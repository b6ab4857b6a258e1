/**
 * The "said twice" check for transcripts (issue 22): the service repeating itself is a bug
 * the customer notices at once, and each instance used to creep back through a different
 * path (server and widget both announcing, two phrases joined). Integration and browser
 * tests run every transcript they see through it.
 */

/** A message as a test sees it: who said it and what. */
export interface SaidMessage {
  from: string;
  text: string;
  /** A message with an id seen before is a replay of that one (clients drop it), not a repeat. */
  id?: string;
}

// The service's own voice; customers and advisors may repeat themselves if they like.
const SERVICE = new Set(["system", "bot"]);

/** Sentences of one message: split after . ! ? followed by space or a line break. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}

/**
 * What the transcript says twice: the same service message twice in a row, and a sentence
 * repeated inside one service message. Empty when nothing is.
 */
export function saidTwice(messages: readonly SaidMessage[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const shown = messages.filter((m) => {
    if (m.id === undefined) return true;
    if (ids.has(m.id)) return false;
    ids.add(m.id);
    return true;
  });
  shown.forEach((message, index) => {
    if (!SERVICE.has(message.from)) return;
    const before = shown[index - 1];
    if (before && before.from === message.from && before.text.trim() === message.text.trim()) {
      problems.push(`${message.from} message twice in a row: "${message.text}"`);
    }
    const seen = new Set<string>();
    for (const sentence of sentencesOf(message.text)) {
      const key = sentence.toLowerCase();
      if (seen.has(key))
        problems.push(`sentence twice in one ${message.from} message: "${sentence}"`);
      seen.add(key);
    }
  });
  return problems;
}

/** Throws naming every repetition, so a failing test says what was said twice. */
export function expectNothingSaidTwice(messages: readonly SaidMessage[]): void {
  const problems = saidTwice(messages);
  if (problems.length > 0) throw new Error(`Said twice:\n- ${problems.join("\n- ")}`);
}
