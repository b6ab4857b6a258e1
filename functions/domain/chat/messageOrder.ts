/**
 * Puts a message into a list kept in id order and returns the index it went to. Message ids
 * sort by the time the service stored them (see ids.ts), so this is the conversation's order
 * however the messages arrived: a replay after a reconnect can bring an older message after
 * a newer one came live. Messages mostly come in order, so the search starts at the end.
 */
export function insertInIdOrder<M extends { id: string }>(list: M[], message: M): number {
  let at = list.length;
  while (at > 0 && (list[at - 1] as M).id > message.id) at--;
  list.splice(at, 0, message);
  return at;
}
