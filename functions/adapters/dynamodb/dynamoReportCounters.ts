import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { CounterIncrement, CounterWriter } from "../../domain/reports/bufferedRecorder.ts";
import {
  type CounterRow,
  type Counts,
  incrementsFor,
  type ReportReader,
  type ReportRecorder,
  type ReportRows,
} from "../../domain/reports/reportEvents.ts";
import { queryAll } from "./queryAll.ts";

/**
 * Report counters in DynamoDB, one partition per month (`month = YYYY-MM`). Each event adds
 * with atomic ADDs to three rows, so that any report reads few of them:
 * - `D#<day>#<lang>`: the day's totals over all topics (byDay, byLang, totals);
 * - `T#<topic>#<day>#<lang>`: the day's figures for one topic (a topic filter, partial months);
 * - `M#<lang>#<topic>`: the month's figures for one topic (byTopic over whole months).
 * A report is one or two Queries per month, run in parallel. A year is about 12 × (60 + 60)
 * items whatever the number of chats; never a scan.
 */
export function createDynamoReportCounters(
  doc: DynamoDBDocumentClient,
  tableName: string,
): ReportRecorder & ReportReader & CounterWriter {
  async function add({ target, counts }: CounterIncrement): Promise<void> {
    const [month, row] = target.split("|") as [string, string];
    const entries = Object.entries(counts).filter(([, n]) => n);
    if (entries.length === 0) return;
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    entries.forEach(([counter, n], i) => {
      names[`#c${i}`] = counter;
      values[`:c${i}`] = n as number;
    });
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { month, row },
        UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(", ")}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** The three items a row adds to, as `month|row` targets. */
  function incrementsOf({ day, lang, topic, counts }: CounterRow): CounterIncrement[] {
    const month = day.slice(0, 7);
    return [`D#${day}#${lang}`, `T#${topic}#${day}#${lang}`, `M#${lang}#${topic}`].map((row) => ({
      target: `${month}|${row}`,
      counts,
    }));
  }

  function query(month: string, from: string, to: string): Promise<Record<string, unknown>[]> {
    return queryRange(doc, tableName, month, from, to);
  }

  return {
    async record(event) {
      await Promise.all(incrementsOf(incrementsFor(event)).map(add));
    },

    incrementsOf,
    add,

    async rows(fromDay, toDay, topic): Promise<ReportRows> {
      const months = monthsBetween(fromDay.slice(0, 7), toDay.slice(0, 7));
      const perMonth = await Promise.all(
        months.map(async (month): Promise<ReportRows> => {
          if (topic) {
            const rows = (await query(month, `T#${topic}#${fromDay}`, `T#${topic}#${toDay}#~`))
              .map(topicDayRow)
              .filter(isRow);
            return { daily: rows, byTopic: rows };
          }
          const whole = fromDay <= `${month}-01` && `${month}-31` <= `${toDay}~`;
          const [days, topics] = await Promise.all([
            query(month, `D#${fromDay}`, `D#${toDay}#~`),
            // A whole month reads its monthly topic rows; a partial one the daily topic rows.
            whole ? query(month, "M#", "M#~") : query(month, "T#", "T#~"),
          ]);
          return {
            daily: days.map(dayRow).filter(isRow),
            byTopic: (whole
              ? topics.map((item) => monthRow(month, item))
              : topics.map(topicDayRow).filter((r) => r && r.day >= fromDay && r.day <= toDay)
            ).filter(isRow),
          };
        }),
      );
      return {
        daily: perMonth.flatMap((m) => m.daily),
        byTopic: perMonth.flatMap((m) => m.byTopic),
      };
    },
  };
}

async function queryRange(
  doc: DynamoDBDocumentClient,
  tableName: string,
  month: string,
  from: string,
  to: string,
): Promise<Record<string, unknown>[]> {
  return queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: "#m = :m AND #r BETWEEN :from AND :to",
    ExpressionAttributeNames: { "#m": "month", "#r": "row" },
    // "~" sorts after every language and topic character, so the whole last day is in.
    ExpressionAttributeValues: { ":m": month, ":from": from, ":to": to },
  });
}

function counts(item: Record<string, unknown>): Partial<Counts> {
  const { month: _m, row: _r, ...rest } = item;
  return rest as Partial<Counts>;
}

function asLang(value: string | undefined): Lang | undefined {
  return LANGS.includes(value as Lang) ? (value as Lang) : undefined;
}

/** `D#2026-11-23#fi` */
function dayRow(item: Record<string, unknown>): CounterRow | undefined {
  const [, day = "", lang] = String(item.row).split("#");
  const l = asLang(lang);
  return l && { day, lang: l, topic: "*", counts: counts(item) };
}

/** `T#tax-refund#2026-11-23#fi` */
function topicDayRow(item: Record<string, unknown>): CounterRow | undefined {
  const [, topic = "", day = "", lang] = String(item.row).split("#");
  const l = asLang(lang);
  return l && { day, lang: l, topic, counts: counts(item) };
}

/** `M#fi#tax-refund`, dated to the month's first day. */
function monthRow(month: string, item: Record<string, unknown>): CounterRow | undefined {
  const [, lang, topic = ""] = String(item.row).split("#");
  const l = asLang(lang);
  return l && { day: `${month}-01`, lang: l, topic, counts: counts(item) };
}

function isRow(row: CounterRow | undefined): row is CounterRow {
  return row !== undefined;
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
