import {
  type DynamoDBDocumentClient,
  paginateQuery,
  type QueryCommandInput,
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
