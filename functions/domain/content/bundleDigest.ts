import { createHash } from "node:crypto";
import type { ContentBundle } from "./bundle.ts";

/**
 * A short digest of everything in `bundle`: equal digests, equal content. The studio compares
 * the draft's with the one a test result was made on, to tell a result that no longer
 * describes the draft (an edit saved since), and not one whose edit was undone. Fields are
 * taken in name order (a topic saved back as it was may come back with them in another), and
 * topics, groups and held-out messages in one order whatever the store's.
 */
export function bundleDigest(bundle: ContentBundle): string {
  // Lists whose order no edit sets are put in one: a draft read as a copy of live has its
  // held-out messages in the files' order, the stored draft in its topics'.
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => compare(a.id, b.id));
  const byText = <T extends { text: string; intent?: string; matter?: string }>(
    cases: Record<string, readonly T[]> | undefined,
  ) =>
    cases &&
    Object.fromEntries(
      Object.entries(cases).map(([lang, list]) => [
        lang,
        list
          .map((c) => ({ key: `${c.text}\u0000${c.intent ?? c.matter}`, c }))
          .sort((a, b) => compare(a.key, b.key))
          .map(({ c }) => c),
      ]),
    );
  const content = {
    ...bundle,
    topics: byId(bundle.topics),
    referrals: byId(bundle.referrals),
    tests: byText(bundle.tests),
    dev: byText(bundle.dev),
    uncovered: byText(bundle.uncovered),
  };
  return createHash("sha256").update(canonical(content)).digest("base64url").slice(0, 22);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with every object's fields in name order; lists keep theirs (sentences are learnt in it). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const fields = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compare(a, b));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
