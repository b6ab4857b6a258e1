import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import type { CounterIncrement, CounterWriter } from "../../domain/reports/bufferedRecorder.ts";
import {
  COUNTERS,
  type Counter,
  type CounterRow,
  type Counts,
  incrementsFor,
  type ReportReader,
  type ReportRecorder,
  type ReportRows,
} from "../../domain/reports/reportEvents.ts";
import { queryAll } from "./queryAll.ts";

/**
 * Report counters in DynamoDB, one partition per month (`month = YYYY-MM`), three items per
 * language that every event adds to with atomic ADDs:
 * - `D#<day>#<lang>`: the day's totals over all topics (`chats`, ...): byDay, byLang, totals;
 * - `DT#<day>#<lang>`: each topic's figures for the day, as `<topic>#<counter>` attributes:
 *   partial months and a topic filter (which reads only that topic's attributes);
 * - `MT#<lang>`: each topic's figures for the month, the same way: byTopic over whole months.
 * A flush of a busy gateway is then one update per item touched (about six) rather than one
 * per topic and day and per topic and month (about 180 every 15 s, a burst that customers'
 * replies queued behind). A report is one or two Queries per month, run in parallel, never a
 * scan; an item holds at most topics × counters attributes, tens of kB, under the 400 kB limit.
 */
export function createDynamoReportCounters(
  doc: DynamoDBDocumentClient,
  tableName: string,
): ReportRecorder & ReportReader & CounterWriter {
  async function add({ target, counts }: CounterIncrement): Promise<void> {
    const [month, row] = target.split("|") as [string, string];
    const entries = Object.entries(counts).filter(([, n]) => n);
    // An update expression may be at most 4 kB: a few hundred ADDs each.
    for (let from = 0; from < entries.length; from += ADDS_PER_UPDATE) {
      const chunk = entries.slice(from, from + ADDS_PER_UPDATE);
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      chunk.forEach(([attribute, n], i) => {
        names[`#c${i}`] = attribute;
        values[`:c${i}`] = n;
      });
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { month, row },
          UpdateExpression: `ADD ${chunk.map((_, i) => `#c${i} :c${i}`).join(", ")}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }
  }

  /** A month's `D` or `DT` items of the period's days; `onlyTopic` projects one topic. */
  function daysOf(
    month: string,
    kind: "D" | "DT",
    [fromDay, toDay]: [string, string],
    onlyTopic?: string,
  ) {
    return queryRange(doc, tableName, month, `${kind}#${fromDay}`, `${kind}#${toDay}#~`, onlyTopic);
  }

  return {
    async record(event) {
      await Promise.all(incrementsOf(incrementsFor(event)).map(add));
    },

    incrementsOf,
    add,

    async rows(fromDay, toDay, topic): Promise<ReportRows> {
      const months = monthsBetween(fromDay.slice(0, 7), toDay.slice(0, 7));
      const period: [string, string] = [fromDay, toDay];
      const perMonth = await Promise.all(
        months.map(async (month): Promise<ReportRows> => {
          if (topic) {
            const rows = (await daysOf(month, "DT", period, topic))
              .flatMap((item) => topicRowsOfDay(item))
              .filter((r) => r.topic === topic);
            return { daily: rows, byTopic: rows };
          }
          const whole = fromDay <= `${month}-01` && `${month}-31` <= `${toDay}~`;
          const [totals, topics] = await Promise.all([
            daysOf(month, "D", period),
            // A whole month reads its monthly topic figures; a partial one the days' own.
            whole ? queryRange(doc, tableName, month, "MT#", "MT#~") : daysOf(month, "DT", period),
          ]);
          return {
            daily: totals.map(dayTotals).filter((r) => r !== undefined),
            byTopic: whole
              ? topics.flatMap((item) => topicRowsOfMonth(month, item))
              : topics.flatMap((item) => topicRowsOfDay(item)),
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

/** ADDs per UpdateItem: `#c199 :c199, ` is 13 characters, so 200 stay within 4 kB. */
const ADDS_PER_UPDATE = 200;

const COUNTER_NAMES: ReadonlySet<string> = new Set(COUNTERS);

/** A topic's counter inside a `DT` or `MT` item. Topic ids never contain "#". */
function topicAttribute(topic: string, counter: string): string {
  return `${topic}#${counter}`;
}

/** The three items a row adds to, as `month|row` targets, with the attributes it adds. */
function incrementsOf({ day, lang, topic, counts }: CounterRow): CounterIncrement[] {
  const month = day.slice(0, 7);
  const perTopic: Record<string, number> = {};
  for (const [counter, n] of Object.entries(counts)) {
    if (n) perTopic[topicAttribute(topic, counter)] = n;
  }
  return [
    { target: `${month}|D#${day}#${lang}`, counts },
    { target: `${month}|DT#${day}#${lang}`, counts: perTopic },
    { target: `${month}|MT#${lang}`, counts: perTopic },
  ];
}

/**
 * Whole stored items for `rows` (each summed into its items), as the recorder would leave
 * them: for seeding a table with history (bench/reports.ts) without a write per event.
 */
export function counterItems(rows: readonly CounterRow[]): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    for (const { target, counts } of incrementsOf(row)) {
      const [month, key] = target.split("|") as [string, string];
      const item = items.get(target) ?? { month, row: key };
      for (const [attribute, n] of Object.entries(counts)) {
        item[attribute] = ((item[attribute] as number | undefined) ?? 0) + n;
      }
      items.set(target, item);
    }
  }
  return [...items.values()];
}

async function queryRange(
  doc: DynamoDBDocumentClient,
  tableName: string,
  month: string,
  from: string,
  to: string,
  /** Only this topic's attributes of `DT`/`MT` items: a year of one topic stays small. */
  onlyTopic?: string,
): Promise<Record<string, unknown>[]> {
  const names: Record<string, string> = { "#m": "month", "#r": "row" };
  if (onlyTopic) {
    COUNTERS.forEach((counter, i) => {
      names[`#t${i}`] = topicAttribute(onlyTopic, counter);
    });
  }
  return queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: "#m = :m AND #r BETWEEN :from AND :to",
    ...(onlyTopic
      ? { ProjectionExpression: ["#r", ...COUNTERS.map((_, i) => `#t${i}`)].join(", ") }
      : {}),
    ExpressionAttributeNames: names,
    // "~" sorts after every language and topic character, so the whole last day is in.
    ExpressionAttributeValues: { ":m": month, ":from": from, ":to": to },
  });
}

function asLang(value: string | undefined): Lang | undefined {
  return LANGS.includes(value as Lang) ? (value as Lang) : undefined;
}

/** `D#2026-11-23#fi` → the day's totals over topics (its plain counters), as the `*` row. */
function dayTotals(item: Record<string, unknown>): CounterRow | undefined {
  const [, day = "", lang] = String(item.row).split("#");
  const l = asLang(lang);
  if (!l) return undefined;
  const counts: Partial<Counts> = {};
  for (const [name, n] of Object.entries(item)) {
    if (COUNTER_NAMES.has(name)) counts[name as Counter] = n as number;
  }
  return { day, lang: l, topic: "*", counts };
}

/** `DT#2026-11-23#fi` → that day's rows per topic. */
function topicRowsOfDay(item: Record<string, unknown>): CounterRow[] {
  const [, day = "", lang] = String(item.row).split("#");
  const l = asLang(lang);
  return l ? topicRows(item, day, l) : [];
}

/** `MT#fi` → the month's rows per topic, dated to its first day. */
function topicRowsOfMonth(month: string, item: Record<string, unknown>): CounterRow[] {
  const l = asLang(String(item.row).split("#")[1]);
  return l ? topicRows(item, `${month}-01`, l) : [];
}

/** The rows in an item's `<topic>#<counter>` attributes. */
function topicRows(item: Record<string, unknown>, day: string, lang: Lang): CounterRow[] {
  const byTopic = new Map<string, Partial<Counts>>();
  for (const [name, n] of Object.entries(item)) {
    const cut = name.lastIndexOf("#");
    if (cut <= 0) continue;
    const counter = name.slice(cut + 1);
    if (!COUNTER_NAMES.has(counter)) continue;
    const topic = name.slice(0, cut);
    const counts = byTopic.get(topic) ?? {};
    counts[counter as Counter] = n as number;
    byTopic.set(topic, counts);
  }
  return [...byTopic].map(([topic, counts]) => ({ day, lang, topic, counts }));
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
