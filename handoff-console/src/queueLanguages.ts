import type { Lang } from "../../functions/contracts/lang.ts";
import type { QueueEntry } from "../../functions/contracts/protocol.ts";

/**
 * The queue split by the languages the advisor serves now: the chats they may take, and the
 * number of the others (the service refuses those with LANGUAGE_NOT_SERVED). Unknown
 * languages (status not yet acknowledged) hide nothing.
 */
export function byLanguages(
  entries: readonly QueueEntry[],
  languages: readonly Lang[] | undefined,
): { served: QueueEntry[]; others: number } {
  const served = languages ? entries.filter((e) => languages.includes(e.lang)) : [...entries];
  return { served, others: entries.length - served.length };
}
