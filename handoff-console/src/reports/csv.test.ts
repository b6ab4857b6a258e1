import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CounterRow } from "../../../functions/domain/reports/reportEvents.ts";
import { summarize } from "../../../functions/domain/reports/summary.ts";
import { setTopicNames } from "../topicNames.ts";
import { BOM, csvField, csvFileName, dailyCsv, reasonCsv, toCsv, topicCsv } from "./csv.ts";

// As fetched from GET /api/content/topics after sign-in.
beforeAll(() =>
  setTopicNames([
    { id: "tax-card", fi: { title: "Verokortti" }, sv: { title: "Skattekort" }, system: true },
  ]),
);
afterAll(() => setTopicNames([]));

const ROWS: CounterRow[] = [
  {
    day: "2026-11-01",
    lang: "fi",
    topic: "tax-card",
    counts: {
      chats: 40,
      botOnlyChats: 38,
      advisorChats: 2,
      botAnswers: 60,
      misses: 3,
      handoffs: 2,
    },
  },
  {
    day: "2026-11-01",
    lang: "sv",
    topic: "tax-card",
    counts: {
      chats: 10,
      botOnlyChats: 10,
      botAnswers: 12,
      surveys: 4,
      gotHelp: 3,
      scoreSum: 17,
      helpful: 3,
      unhelpful: 1,
    },
  },
  {
    day: "2026-11-03",
    lang: "fi",
    topic: "none",
    counts: {
      chats: 5,
      botOnlyChats: 1,
      advisorChats: 4,
      botAnswers: 9,
      misses: 9,
      callbacks: 1,
      referrals: 2,
      inboxed: 6,
    },
  },
  // Three appointments booked that day, one later cancelled: two still stand.
  {
    day: "2026-11-02",
    lang: "fi",
    topic: "appointment",
    counts: { bookings: 2, cancellations: 1 },
  },
];
const summary = summarize({ daily: ROWS, byTopic: ROWS }, { from: "2026-11-01", to: "2026-11-03" });

function lines(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv.slice(BOM.length, -2).split("\r\n");
}

describe("CSV export", () => {
  it("quotes fields with separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('say "hei"')).toBe('"say ""hei"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("98,5")).toBe("98,5");
    expect(csvField(12)).toBe("12");
  });

  it("keeps spreadsheets from running text as a formula, but leaves numbers alone", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+358")).toBe("'+358");
    expect(csvField("-1,5")).toBe("-1,5");
  });

  it("starts with a UTF-8 BOM and ends every line with CRLF so Excel reads ä and ö", () => {
    const csv = toCsv([
      ["Päivä", "Ämne"],
      ["1", "2"],
    ]);
    expect(lines(csv)).toEqual(["Päivä;Ämne", "1;2"]);
  });

  it("writes one line per day of the period, days without chats as zeros", () => {
    const [header, ...days] = lines(dailyCsv(summary, "fi"));
    expect(header?.split(";").slice(0, 4)).toEqual([
      "Päivä",
      "Keskustelut",
      "Botti hoiti",
      "Botti hoiti %",
    ]);
    expect(days.map((d) => d.split(";")[0])).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    // 48 of 50 chats without an advisor = 96,0 %; 4 surveys of 50 chats = 8,0 %; 17/4 = 4,25.
    expect(days[0]).toBe(
      "2026-11-01;50;48;96,0;2;2;0;0;72;3;4,2;4;8,0;4,25;75,0;3;1;75,0;0;0;0;0;;;0;;0",
    );
    // A day without chats still shows its bookings, net, and the cancellations beside them.
    expect(days[1]).toBe("2026-11-02;0;0;;0;0;0;2;0;0;;0;;;;0;0;;0;0;1;0;;;0;;0");
  });

  it("writes topics with their id and name in the chosen language, largest first", () => {
    const [header, ...topics] = lines(topicCsv(summary, "sv"));
    expect(header?.startsWith("id;Ämne;Chattar;")).toBe(true);
    expect(topics.map((t) => t.split(";").slice(0, 3))).toEqual([
      ["tax-card", "Skattekort", "50"],
      ["none", "Inget igenkänt ämne", "5"],
      ["appointment", "appointment", "0"],
    ]);
  });

  it("ends each line with answer votes, their helpful share, referrals, inboxed questions and cancellations", () => {
    const [header, ...topics] = lines(topicCsv(summary, "fi"));
    expect(header?.split(";").slice(-12, -6)).toEqual([
      "Apua: kyllä",
      "Apua: ei",
      "Vastauksista apua %",
      "Ohjattu muualle",
      "Opetettavaksi",
      "Perutut ajat",
    ]);
    // 3 helpful of 4 votes = 75,0 %; a topic without votes has no share (empty, not 0).
    expect(topics.map((t) => t.split(";").slice(-12, -6))).toEqual([
      ["3", "1", "75,0", "0", "0", "0"],
      ["0", "0", "", "2", "6", "0"],
      ["0", "0", "", "0", "0", "1"],
    ]);
  });

  it("ends each line with the queue: requests taken, wait median and 90th percentile in seconds, abandoned and their share, wrap-ups", () => {
    const queue: CounterRow[] = [
      {
        day: "2026-11-02",
        lang: "fi",
        topic: "tax-card",
        counts: { handoffsQueued: 4, queueAbandoned: 1, queueWaitUnder60s: 3, wrapups: 3 },
      },
    ];
    const s = summarize({ daily: queue, byTopic: queue }, { from: "2026-11-02", to: "2026-11-02" });

    const [header, day] = lines(dailyCsv(s, "fi"));

    expect(header?.split(";").slice(-6)).toEqual([
      "Neuvoja otti jonosta",
      "Jonotus, mediaani (s)",
      "Jonotus, 90 % (s)",
      "Jonosta poistuneet",
      "Jonosta poistuneet %",
      "Yhteenvedot",
    ]);
    // Three waits in 30-60 s: the 1.5th at 45 s, the 2.7th at 57 s; 1 of 4 queued left.
    expect(day?.split(";").slice(-6)).toEqual(["3", "45", "57", "1", "25,0", "3"]);
  });

  it("writes the wrap-up reasons most used first, with the reason's name and share, and no notes", () => {
    const rows: CounterRow[] = [
      { day: "2026-11-02", lang: "fi", topic: "tax-card", counts: { wrapups: 1 } },
      { day: "2026-11-02", lang: "fi", topic: "other", counts: { wrapups: 3 } },
    ];
    const s = summarize({ daily: rows, byTopic: rows }, { from: "2026-11-02", to: "2026-11-02" });

    expect(lines(reasonCsv(s, "sv"))).toEqual([
      "id;Orsak;Sammanfattningar;Andel %",
      "other;Annat ärende;3;75,0",
      "tax-card;Skattekort;1;25,0",
    ]);
  });

  it("names the file by content and period, with the filters when set", () => {
    expect(csvFileName("raportti-paivittain", summary)).toBe(
      "raportti-paivittain_2026-11-01_2026-11-03.csv",
    );
    expect(
      csvFileName("rapport-per-dag", {
        from: "2026-01-01",
        to: "2026-01-31",
        lang: "sv",
        topic: "vat",
      }),
    ).toBe("rapport-per-dag_2026-01-01_2026-01-31_sv_vat.csv");
  });
});
