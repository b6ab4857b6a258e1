import { InvalidCursorError } from "./errors.ts";
import { normaliseReference } from "./references.ts";

/**
 * The cursors of the advisors' paged lists (callbacks, appointments): opaque to clients;
 * inside, the position of a page's last row in the list's order, an instant and a reference.
 */
export interface ListPosition {
  at: string;
  reference: string;
}

export function encodePosition(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.reference])).toString("base64url");
}

/** The position in a cursor this service handed out; InvalidCursorError for anything else. */
export function decodePosition(cursor: string): ListPosition {
  try {
    const [at, reference] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      typeof at === "string" &&
      !Number.isNaN(Date.parse(at)) &&
      typeof reference === "string" &&
      normaliseReference(reference) === reference
    ) {
      return { at, reference };
    }
  } catch {
    // Falls through to the refusal: not base64url JSON.
  }
  throw new InvalidCursorError();
}
