// What a held-out message's changed answer does for customers: one rule for the studio's
// tables of changed answers and the publish gate's counts kept with a version (this module
// imports nothing, so the studio's bundle takes only this rule).

/**
 * `broken` was right and is now wrong (a new mistake), `fixed` was wrong and is now right,
 * `changed` was wrong and is still wrong, with another topic.
 */
export type ChangeEffect = "broken" | "changed" | "fixed";

/** Mistakes first: a reviewer must see what gets worse before what gets better. */
export const CHANGE_EFFECTS: readonly ChangeEffect[] = ["broken", "changed", "fixed"];

/**
 * The effect of a message's answer moving from `live` to `draft` (the tested content's),
 * `expected` being its topic. Only for answers that differ: an unchanged wrong one is no change.
 */
export function changeEffect(c: {
  expected: string;
  live?: string | undefined;
  draft?: string | undefined;
}): ChangeEffect {
  if (c.draft === c.expected) return "fixed";
  return c.live === c.expected ? "broken" : "changed";
}
