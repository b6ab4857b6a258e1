import { chmodSync, mkdirSync } from "node:fs";

/**
 * Creates `path` (and its parents) if missing and makes it readable by its owner only: the
 * local data folder holds transcripts, callback phone numbers and the identity provider's
 * signing key, which other users of the machine must not read. A folder made earlier with a
 * wider mode is narrowed too.
 */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}
