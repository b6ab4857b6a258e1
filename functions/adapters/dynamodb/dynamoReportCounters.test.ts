import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { recordOperations, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { createBufferedRecorder } from "../../domain/reports/bufferedRecorder.ts";
import type { CounterRow, ReportEvent } from "../../domain/reports/reportEvents.ts";
import { createDynamoReportCounters } from "./dynamoReportCounters.ts";
import { tableNames } from "./tables.ts";

const prefix = "report-counters-";
const tables = useEmbeddedTables(prefix);
const operations = recordOperations(tables);
const table = tableNames(prefix).reportCounters;

/** 10:00 in Helsinki on the given day. */
const on = (day: string) => new Date(`${day}T08:00:00Z`);

function answer(day: string, lang: "fi" | "sv", topic: string, missed = false): ReportEvent {
  return { kind: "botAnswer", at: on(day), lang, topic, missed };
}

/** Rows in one order, so that lists can be compared whole. */
function sorted(rows: CounterRow[]): CounterRow[] {
  const key = (r: CounterRow) => `${r.day} ${r.lang} ${r.topic}`;
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

async function itemsIn(month: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await tables.clients().doc.send(new ScanCommand({ TableName: table }));
  return Items.filter((item) => item.month === month);
}

describe("report counters in DynamoDB", () => {
  it("reads back what was recorded: days, topics, whole and partial months, one topic", async () => {
    const counters = createDynamoReportCounters(tables.clients().doc, table);
    for (const event of [
      answer("2026-09-30", "fi", "vat"),
      answer("2026-10-01", "fi", "vat"),
      answer("2026-10-01", "fi", "vat", true),
      answer("2026-10-01", "fi", "tax-card"),
      answer("2026-10-01", "sv", "vat"),
      answer("2026-10-15", "fi", "tax-card"),
      answer("2026-11-02", "fi", "vat"),
    ]) {
      await counters.record(event);
    }

    const october = await counters.rows("2026-10-01", "2026-10-31");
    expect(sorted(october.daily)).toEqual(
      sorted([
        { day: "2026-10-01", lang: "fi", topic: "*", counts: { botAnswers: 3, misses: 1 } },
        { day: "2026-10-01", lang: "sv", topic: "*", counts: { botAnswers: 1 } },
        { day: "2026-10-15", lang: "fi", topic: "*", counts: { botAnswers: 1 } },
      ]),
    );
    // A whole month: one row per topic and language, dated to the month's first day.
    expect(sorted(october.byTopic)).toEqual(
      sorted([
        { day: "2026-10-01", lang: "fi", topic: "vat", counts: { botAnswers: 2, misses: 1 } },
        { day: "2026-10-01", lang: "fi", topic: "tax-card", counts: { botAnswers: 2 } },
        { day: "2026-10-01", lang: "sv", topic: "vat", counts: { botAnswers: 1 } },
      ]),
    );

    // Partial months on both sides: only the days asked for.
    const across = await counters.rows("2026-09-30", "2026-10-01");
    expect(across.daily.map((r) => `${r.day} ${r.lang}`).sort()).toEqual([
      "2026-09-30 fi",
      "2026-10-01 fi",
      "2026-10-01 sv",
    ]);
    expect(across.byTopic).toContainEqual({
      day: "2026-09-30",
      lang: "fi",
      topic: "vat",
      counts: { botAnswers: 1 },
    });
    expect(across.byTopic.filter((r) => r.topic === "tax-card")).toEqual([
      { day: "2026-10-01", lang: "fi", topic: "tax-card", counts: { botAnswers: 1 } },
    ]);

    const vat = await counters.rows("2026-09-01", "2026-11-30", "vat");
    expect(vat.daily.map((r) => [r.day, r.lang, r.counts.botAnswers])).toEqual(
      expect.arrayContaining([
        ["2026-09-30", "fi", 1],
        ["2026-10-01", "fi", 2],
        ["2026-10-01", "sv", 1],
        ["2026-11-02", "fi", 1],
      ]),
    );
    expect(vat.daily).toHaveLength(4);
    expect(vat.byTopic).toEqual(vat.daily);
  });

  it("keeps a busy interval's counts in a few items: a flush is a handful of updates", async () => {
    const doc = tables.clients().doc;
    const recorder = createBufferedRecorder(createDynamoReportCounters(doc, table), {
      flushIntervalMs: 60_000,
      onError: (error) => {
        throw error;
      },
    });
    const topics = Array.from({ length: 60 }, (_, i) => `topic-${i}`);
    for (const topic of topics) {
      for (const lang of ["fi", "sv"] as const) {
        await recorder.record(answer("2026-12-01", lang, topic, topic.endsWith("7")));
        await recorder.record({
          kind: "survey",
          at: on("2026-12-01"),
          lang,
          topic,
          gotHelp: true,
          score: 4,
        });
      }
    }
    operations.length = 0;
    await recorder.stop();

    // Per language the day's totals (one update), the day's and the month's topic figures
    // (60 topics × 6 counters is 360 ADDs: two updates of at most 200 each). Written one item
    // per topic and day and per topic and month, it was 242 updates.
    expect(operations).toEqual(Array(10).fill("UpdateItem"));
    expect(await itemsIn("2026-12")).toHaveLength(6);
    const counters = createDynamoReportCounters(doc, table);
    const { daily, byTopic } = await counters.rows("2026-12-01", "2026-12-31");
    expect(daily).toContainEqual({
      day: "2026-12-01",
      lang: "sv",
      topic: "*",
      counts: { botAnswers: 60, misses: 6, surveys: 60, gotHelp: 60, scoreSum: 240, score4: 60 },
    });
    expect(byTopic).toHaveLength(120);
    expect(byTopic).toContainEqual({
      day: "2026-12-01",
      lang: "fi",
      topic: "topic-17",
      counts: { botAnswers: 1, misses: 1, surveys: 1, gotHelp: 1, scoreSum: 4, score4: 1 },
    });
  });

  it("keeps queue waits, abandoned requests and wrap-up reasons in the day's items, and reads them back for a topic too", async () => {
    const doc = tables.clients().doc;
    const counters = createDynamoReportCounters(doc, table);
    const at = on("2027-01-12");
    for (const event of [
      { kind: "queueTaken", at, lang: "fi", topic: "tax-card", waitSeconds: 40 },
      { kind: "queueTaken", at, lang: "fi", topic: "tax-card", waitSeconds: 700 },
      { kind: "queueLeft", at, lang: "fi", topic: "tax-card" },
      { kind: "wrapup", at, lang: "fi", reason: "tax-card", count: 1 },
      { kind: "wrapup", at, lang: "fi", reason: "other", count: 1 },
      { kind: "wrapup", at, lang: "fi", reason: "other", count: -1 },
      { kind: "wrapup", at, lang: "fi", reason: "residual-tax", count: 1 },
    ] satisfies ReportEvent[]) {
      await counters.record(event);
    }

    // Attributes on the three items every event already adds to: no new items.
    expect((await itemsIn("2027-01")).map((item) => item.row).sort()).toEqual([
      "D#2027-01-12#fi",
      "DT#2027-01-12#fi",
      "MT#fi",
    ]);
    const month = await counters.rows("2027-01-01", "2027-01-31");
    expect(month.daily).toEqual([
      {
        day: "2027-01-12",
        lang: "fi",
        topic: "*",
        counts: {
          queueWaitUnder60s: 1,
          queueWaitUnder900s: 1,
          queueAbandoned: 1,
          wrapups: 2,
        },
      },
    ]);
    expect(sorted(month.byTopic).map((r) => [r.topic, r.counts])).toEqual([
      ["other", { wrapups: 0 }],
      ["residual-tax", { wrapups: 1 }],
      ["tax-card", { queueWaitUnder60s: 1, queueWaitUnder900s: 1, queueAbandoned: 1, wrapups: 1 }],
    ]);
    // A topic filter reads only that topic's attributes, the new counters among them.
    const taxCard = await counters.rows("2027-01-10", "2027-01-20", "tax-card");
    expect(taxCard.daily.map((r) => r.counts)).toEqual([
      { queueWaitUnder60s: 1, queueWaitUnder900s: 1, queueAbandoned: 1, wrapups: 1 },
    ]);
  });
});
