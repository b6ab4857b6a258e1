import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import {
  type CounterRow,
  type Counts,
  incrementsFor,
  type ReportReader,
  type ReportRecorder,
} from "../../domain/reports/reportEvents.ts";

/**
 * Report counters in DynamoDB. Access patterns:
 * - record: one UpdateItem with ADD on the row `month = YYYY-MM, row = YYYY-MM-DD#lang#topic`
 *   (atomic, so concurrent gateways and Lambdas never lose an increment);
 * - read a period: one Query per month (`month = :m AND row BETWEEN :from AND :to`), run in
 *   parallel. A year is 12 queries over at most days × 2 languages × topics rows, never a scan.
 */
export function createDynamoReportCounters(
  doc: DynamoDBDocumentClient,
  tableName: string,
): ReportRecorder & ReportReader {
  return {
    async record(event) {
      const row = incrementsFor(event);
      const entries = Object.entries(row.counts).filter(([, n]) => n);
      if (entries.length === 0) return;
      const names: Record<string, string> = {};
      const values: Record<string, number | string> = {};
      entries.forEach(([counter, n], i) => {
        names[`#c${i}`] = counter;
        values[`:c${i}`] = n as number;
      });
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { month: row.day.slice(0, 7), row: `${row.day}#${row.lang}#${row.topic}` },
          UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(", ")}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },

    async rows(fromDay, toDay) {
      const months = monthsBetween(fromDay.slice(0, 7), toDay.slice(0, 7));
      const perMonth = await Promise.all(
        months.map((month) => queryMonth(doc, tableName, month, fromDay, toDay)),
      );
      return perMonth.flat();
    },
  };
}

async function queryMonth(
  doc: DynamoDBDocumentClient,
  tableName: string,
  month: string,
  fromDay: string,
  toDay: string,
): Promise<CounterRow[]> {
  const rows: CounterRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "#m = :m AND #r BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#m": "month", "#r": "row" },
        // "~" sorts after every language and topic character, so the whole last day is in.
        ExpressionAttributeValues: { ":m": month, ":from": fromDay, ":to": `${toDay}#~` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      const { month: _m, row, ...counts } = item as { month: string; row: string } & Counts;
      const [day = "", lang = "", ...topic] = row.split("#");
      if (!LANGS.includes(lang as Lang)) continue;
      rows.push({ day, lang: lang as Lang, topic: topic.join("#"), counts });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}

/** "2026-01" .. "2026-03" → ["2026-01", "2026-02", "2026-03"]. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
