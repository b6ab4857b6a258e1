import {
  type DynamoDBDocumentClient,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from "@aws-sdk/lib-dynamodb";

/**
 * Every item a query matches, page after page (DynamoDB returns at most 1 MB a page), or
 * the first `most` of them.
 */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  most = Number.POSITIVE_INFINITY,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  if (most <= 0) return items;
  const pageSize = Number.isFinite(most) ? most : undefined;
  for await (const page of paginateQuery({ client: doc, pageSize }, input)) {
    items.push(...(page.Items ?? []));
    if (items.length >= most) return items.slice(0, most);
  }
  return items;
}

/**
 * Up to `limit` items a query matches that `keep` turns into records (undefined: left out),
 * reading only as many as still wanted a page, from `startKey` on when given. For a list's
 * page: unlike `queryAll`'s paginator it can start after a key the caller supplies.
 */
export async function queryUpTo<T>(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, "Limit" | "ExclusiveStartKey">,
  limit: number,
  keep: (item: Record<string, unknown>) => T | undefined,
  startKey?: QueryCommandOutput["LastEvaluatedKey"],
): Promise<T[]> {
  const items: T[] = [];
  let next = startKey;
  do {
    const out: QueryCommandOutput = await doc.send(
      new QueryCommand({ ...input, Limit: limit - items.length, ExclusiveStartKey: next }),
    );
    for (const item of out.Items ?? []) {
      const record = keep(item);
      if (record !== undefined) items.push(record);
    }
    next = out.LastEvaluatedKey;
  } while (next && items.length < limit);
  return items;
}
