// How many training orders Test all over orders (`POST test-all/orders`) takes: one place for
// the API's check and the studio's choice (this module imports nothing, so the studio's
// bundle takes only these numbers).

/** Two orders tell a spread; eight at most, each order being one training of the draft (~2 s). */
export const MIN_ORDERS = 2;
export const MAX_ORDERS = 8;
/** What the API scores without `seeds`, and what the studio offers first. */
export const DEFAULT_ORDERS = 5;
