// Limits of the missed-question inbox's API that the studio honours too (this module imports
// nothing, so the studio's bundle takes only these numbers).

/**
 * The most questions `POST misses/answers` recognises in one request: a page of the inbox.
 * Each is recognised under the live version and the draft.
 */
export const MAX_INBOX_ANSWERS = 100;
