import { createError } from "@middy/util";
import type { DraftExpectation, DraftTopicMeta } from "../domain/content/contentStore.ts";

/**
 * Draft items' revisions over HTTP. A GET of a topic or referral group says its revision (the
 * body's `revision` and an ETag); a PUT, DELETE or revert that sends it back in If-Match is
 * made only if nobody saved the item in between (412 EDIT_CONFLICT otherwise), and
 * `If-None-Match: *` creates only. Without either header a write goes over whatever is
 * there, as it always did: scripts and the outside checks keep working unchanged.
 */

/** The revision told for an item written before items had revisions. */
export const UNREVISED = "0";

/** An item's revision as the API tells it. */
export function revisionOf(meta: DraftTopicMeta | undefined): string {
  return meta?.revision ?? UNREVISED;
}

/** The ETag header of a revision (strong: the item is the same byte for byte). */
export function etagOf(revision: string): string {
  return `"${revision}"`;
}

/**
 * One entity tag. A weak one is read by its value: the revision names the item, not the
 * bytes, and CloudFront weakens the ETag of an answer it compresses, so a script that sends
 * back the header it got would otherwise be refused.
 */
const TAG = /^(?:W\/)?"([^"]+)"$/;

/**
 * What a write's If-Match or If-None-Match asks for; undefined without either. A header that
 * is not one revision (If-Match) or `*` (If-None-Match) is refused: guessing could overwrite.
 * `mayCreate` false (a DELETE) refuses If-None-Match, which could only ever fail there.
 */
export function expectationOf(
  headers: Record<string, string | undefined> | undefined,
  mayCreate = true,
): DraftExpectation | undefined {
  const ifMatch = header(headers, "if-match");
  const ifNoneMatch = header(headers, "if-none-match");
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw invalid("If-None-Match", "must not be sent with If-Match");
  }
  if (ifNoneMatch !== undefined && !mayCreate) {
    throw invalid("If-None-Match", "cannot apply here: send If-Match with the revision read");
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== "*") {
      throw invalid("If-None-Match", "must be * (create only), e.g. If-None-Match: *");
    }
    return { absent: true };
  }
  if (ifMatch === undefined) return undefined;
  const revision = TAG.exec(ifMatch.trim())?.[1];
  if (revision === undefined) {
    throw invalid(
      "If-Match",
      'must be the one quoted revision the item was read at (its ETag), e.g. If-Match: "0"',
    );
  }
  return { revision: revision === UNREVISED ? undefined : revision };
}

function header(headers: Record<string, string | undefined> | undefined, name: string) {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers?.[key];
}

function invalid(name: string, problem: string) {
  return createError(400, `${name}: ${problem}`, {
    expose: true,
    cause: { code: "VALIDATION_FAILED" },
  });
}
