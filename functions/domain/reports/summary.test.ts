import { describe, expect, it } from "vitest";
import { type CounterRow, incrementsFor, reportDay } from "./reportEvents.ts";
import { summarize } from "./summary.ts";

const at = new Date("2026-11-23T10:00:00Z");

describe("incrementsFor", () => {
  it("files events under the Helsinki day, not the UTC one", () => {
    // 23:30 UTC on 23 Nov is already 24 Nov in Helsinki (UTC+2).
    expect(reportDay(new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-24");
    expect(reportDay(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01");
  });

  it("gives the formatter's day for every instant, across midnight, both DST changes and local mean time", () => {
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Helsinki",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    // Steps of 7 min 13 s land on every minute of the hour over a day, in and out of order
    // with the hour a cached day belongs to.
    const starts = ["2026-03-28T18:00:00Z", "2026-10-24T18:00:00Z", "1900-01-01T20:00:00Z"];
    const instants = starts.flatMap((start) =>
      Array.from({ length: 600 }, (_, i) => new Date(Date.parse(start) + i * 433_000)),
    );
    const shuffled = instants.map((_, i) => instants[(i * 7919) % instants.length] as Date);
    const wrong = [...instants, ...shuffled].filter((d) => reportDay(d) !== format.format(d));
    expect(wrong.map((d) => d.toISOString())).toEqual([]);
  });

  it("counts an ended chat as bot-only or advisor, and authenticated without saying who", () => {
    const row = incrementsFor({
      kind: "chatEnded",
      at,
      lang: "sv",
      topic: "tax-card",
      handledBy: "advisor",
      authenticated: true,
    });
    expect(row).toEqual({
      day: "2026-11-23",
      lang: "sv",
      topic: "tax-card",
      counts: { chats: 1, advisorChats: 1, authenticatedChats: 1 },
    });
  });

  it("files unrecognised answers under 'none' and counts the miss", () => {
    expect(incrementsFor({ kind: "botAnswer", at, lang: "fi", missed: true })).toMatchObject({
      topic: "none",
      counts: { botAnswers: 1, misses: 1 },
    });
  });

  it("counts a wrap-up under its reason, a taken request's wait in its range, and requests left in the queue", () => {
    expect(
      incrementsFor({ kind: "wrapup", at, lang: "fi", reason: "other", count: -1 }),
    ).toMatchObject({ topic: "other", counts: { wrapups: -1 } });
    expect(
      incrementsFor({ kind: "queueTaken", at, lang: "sv", topic: "vat", waitSeconds: 95 }),
    ).toMatchObject({ topic: "vat", counts: { queueWaitUnder120s: 1 } });
    expect(incrementsFor({ kind: "queueLeft", at, lang: "fi" })).toMatchObject({
      topic: "none",
      counts: { queueAbandoned: 1 },
    });
    expect(
      incrementsFor({
        kind: "chatEnded",
        at,
        lang: "fi",
        handledBy: "bot",
        authenticated: false,
        inQueue: true,
      }).counts,
    ).toEqual({ chats: 1, botOnlyChats: 1, queueAbandoned: 1 });
  });

  it("adds a survey to its score bucket, the score sum and got-help", () => {
    expect(
      incrementsFor({ kind: "survey", at, lang: "fi", topic: "vat", gotHelp: true, score: 4 })
        .counts,
    ).toEqual({ surveys: 1, gotHelp: 1, scoreSum: 4, score4: 1 });
  });
});

describe("summarize", () => {
  const rows: CounterRow[] = [
    {
      day: "2026-11-02",
      lang: "fi",
      topic: "tax-refund",
      counts: { chats: 8, botOnlyChats: 6, advisorChats: 2, botAnswers: 10, misses: 1 },
    },
    {
      day: "2026-11-02",
      lang: "fi",
      topic: "tax-refund",
      counts: { surveys: 4, gotHelp: 3, scoreSum: 15, score5: 2, score4: 1, score1: 1 },
    },
    { day: "2026-11-03", lang: "sv", topic: "vat", counts: { chats: 2, botOnlyChats: 2 } },
    { day: "2026-11-03", lang: "fi", topic: "callback", counts: { callbacks: 1 } },
    { day: "2026-10-31", lang: "fi", topic: "vat", counts: { chats: 100 } },
  ];

  it("sums the period and derives the rates", () => {
    const s = summarize({ daily: rows, byTopic: rows }, { from: "2026-11-01", to: "2026-11-30" });
    expect(s.totals).toMatchObject({
      chats: 10,
      botOnlyChats: 8,
      containmentRate: 0.8,
      surveys: 4,
      averageScore: 3.75,
      gotHelpShare: 0.75,
      surveyResponseRate: 0.4,
      missRate: 0.1,
      callbacks: 1,
    });
    expect(s.scoreDistribution).toEqual({ "1": 1, "2": 0, "3": 0, "4": 1, "5": 2 });
    expect(s.byDay.map((d) => [d.day, d.chats])).toEqual([
      ["2026-11-02", 8],
      ["2026-11-03", 2],
    ]);
    expect(s.byLang.map((l) => [l.lang, l.chats])).toEqual([
      ["fi", 8],
      ["sv", 2],
    ]);
    expect(s.byTopic[0]).toMatchObject({ topic: "tax-refund", chats: 8 });
  });

  it("orders topics by chats, not by chats and answers added together", () => {
    const topicRows: CounterRow[] = [
      { day: "2026-11-02", lang: "fi", topic: "tax-card", counts: { chats: 3, botAnswers: 3 } },
      { day: "2026-11-02", lang: "fi", topic: "vat", counts: { chats: 2, botAnswers: 9 } },
      { day: "2026-11-02", lang: "sv", topic: "inheritance", counts: { chats: 2, botAnswers: 2 } },
    ];
    const s = summarize(
      { daily: topicRows, byTopic: topicRows },
      { from: "2026-11-01", to: "2026-11-30" },
    );
    expect(s.byTopic.map((t) => [t.topic, t.chats])).toEqual([
      ["tax-card", 3],
      ["inheritance", 2],
      ["vat", 2],
    ]);
  });

  it("filters by language and topic, and gives null rates rather than dividing by zero", () => {
    const both = { daily: rows, byTopic: rows };
    const sv = summarize(both, { from: "2026-11-01", to: "2026-11-30", lang: "sv" });
    expect(sv.totals).toMatchObject({ chats: 2, averageScore: null, surveyResponseRate: 0 });
    const vat = summarize(both, { from: "2026-10-01", to: "2026-11-30", topic: "vat" });
    expect(vat.totals.chats).toBe(102);
    const empty = { daily: [], byTopic: [] };
    expect(summarize(empty, { from: "2026-11-01", to: "2026-11-01" }).totals.containmentRate).toBe(
      null,
    );
  });

  it("lists wrap-up reasons largest first with shares, and keeps reason-only rows out of the topics", () => {
    const rows: CounterRow[] = [
      { day: "2026-11-02", lang: "fi", topic: "tax-card", counts: { chats: 4, wrapups: 1 } },
      { day: "2026-11-02", lang: "fi", topic: "other", counts: { wrapups: 2 } },
      { day: "2026-11-03", lang: "sv", topic: "vat", counts: { wrapups: 1 } },
      { day: "2026-11-03", lang: "sv", topic: "other", counts: { wrapups: 1 } },
    ];
    const daily = [
      { day: "2026-11-02", lang: "fi" as const, topic: "*", counts: { chats: 4, wrapups: 3 } },
      { day: "2026-11-03", lang: "sv" as const, topic: "*", counts: { wrapups: 2 } },
    ];

    const s = summarize({ daily, byTopic: rows }, { from: "2026-11-01", to: "2026-11-30" });

    expect(s.wrapupReasons).toEqual([
      { reason: "other", wrapups: 3, share: 0.6 },
      { reason: "tax-card", wrapups: 1, share: 0.2 },
      { reason: "vat", wrapups: 1, share: 0.2 },
    ]);
    expect(s.totals.wrapups).toBe(5);
    // "other" and "vat" were only reasons: no chat was about them, so no topic row.
    expect(s.byTopic.map((t) => [t.topic, t.chats, t.wrapups])).toEqual([["tax-card", 4, 1]]);
    const swedish = summarize({ daily, byTopic: rows }, { ...PERIOD, lang: "sv" });
    expect(swedish.wrapupReasons.map((r) => r.reason)).toEqual(["other", "vat"]);
  });

  it("gives queue waits per day and for the period from the ranges, and abandoned requests as a share of queued ones", () => {
    const daily: CounterRow[] = [
      {
        day: "2026-11-02",
        lang: "fi",
        topic: "*",
        counts: {
          handoffsQueued: 4,
          queueAbandoned: 1,
          queueWaitUnder30s: 2,
          queueWaitUnder300s: 1,
        },
      },
      {
        day: "2026-11-03",
        lang: "fi",
        topic: "*",
        counts: { handoffsQueued: 2, queueAbandoned: 2 },
      },
    ];

    const s = summarize({ daily, byTopic: [] }, PERIOD);

    expect(s.totals).toMatchObject({
      queueTaken: 3,
      queueAbandoned: 3,
      queueAbandonedShare: 0.5,
      // The 1.5th of three waits is in 15-30 s; the 2.7th in 3-5 min.
      queueWaitMedianSeconds: 26,
      queueWaitP90Seconds: 264,
    });
    expect(s.totals).not.toHaveProperty("queueWaitUnder30s");
    expect(s.queueWaits.find((r) => r.underSeconds === 30)?.chats).toBe(2);
    expect(s.queueWaits.at(-1)).toEqual({ underSeconds: null, chats: 0 });
    expect(
      s.byDay.map((d) => [d.day, d.queueTaken, d.queueWaitMedianSeconds, d.queueAbandonedShare]),
    ).toEqual([
      ["2026-11-02", 3, 26, 0.25],
      ["2026-11-03", 0, null, 1],
    ]);
  });
});

const PERIOD = { from: "2026-11-01", to: "2026-11-30" };
