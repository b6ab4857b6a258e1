import { describe, expect, it } from "vitest";
import { questionFeatures } from "../../adapters/recogniser/embedded/questionFeatures.ts";
import type { Lang } from "../../contracts/lang.ts";
import { groupQuestions } from "./grouping.ts";
import type { MissEntry } from "./missStore.ts";

let n = 0;
function miss(text: string, at: string, over: Partial<MissEntry> = {}): MissEntry {
  n++;
  const day = at.slice(0, 10);
  return {
    id: `${day}.01JE${String(n).padStart(22, "0")}`,
    day,
    at,
    lang: "fi" as Lang,
    text,
    reasons: ["missed"],
    guesses: [{ intent: "none", confidence: 0.3 }],
    outcome: "unknown",
    status: "open",
    expiresAt: 2_000_000_000,
    ...over,
  };
}

const PERIOD = { from: "2026-12-01", to: "2026-12-03" };

describe("grouping similar questions", () => {
  it("groups inflected forms of one question and keeps unrelated ones apart", () => {
    // Prepare
    const entries = [
      miss("miten osakkeiden myyntivoitto verotetaan", "2026-12-01T09:00:00.000Z"),
      miss("osakkeiden myyntivoiton verotus", "2026-12-02T09:00:00.000Z"),
      miss("milloin veronpalautukset tulevat", "2026-12-02T10:00:00.000Z"),
      miss("milloin tulee veronpalautus", "2026-12-03T10:00:00.000Z"),
      miss("miten kryptovaluutat verotetaan", "2026-12-03T11:00:00.000Z"),
      miss("miten haen verokorttia", "2026-12-03T12:00:00.000Z"),
      miss("mistä saan uuden verokortin", "2026-12-03T13:00:00.000Z"),
      miss("ajoneuvovero on erääntynyt mihin maksan", "2026-12-03T14:00:00.000Z"),
    ];
    // Act
    const groups = groupQuestions(entries, questionFeatures, PERIOD);
    // Assess
    const texts = groups.map((g) => g.samples.map((s) => s.text).sort());
    expect(texts).toContainEqual([
      "miten osakkeiden myyntivoitto verotetaan",
      "osakkeiden myyntivoiton verotus",
    ]);
    expect(texts).toContainEqual([
      "milloin tulee veronpalautus",
      "milloin veronpalautukset tulevat",
    ]);
    expect(texts).toContainEqual(["mistä saan uuden verokortin", "miten haen verokorttia"]);
    expect(texts).toContainEqual(["miten kryptovaluutat verotetaan"]);
    expect(texts).toContainEqual(["ajoneuvovero on erääntynyt mihin maksan"]);
    expect(groups).toHaveLength(5);
  });

  it("tells which content version answered each sample, when it was noted", () => {
    const entries = [
      miss("kotitalousvähennys 2026", "2026-12-01T09:00:00.000Z", { contentVersion: 3 }),
      miss("kotitalousvähennyksen määrä", "2026-12-02T09:00:00.000Z"),
    ];
    const [group] = groupQuestions(entries, questionFeatures, PERIOD);
    expect(group?.samples.map((s) => [s.text, s.contentVersion])).toEqual([
      ["kotitalousvähennyksen määrä", undefined],
      ["kotitalousvähennys 2026", 3],
    ]);
  });

  it("names the open questions of a group that holds handled ones too, so a group action skips those", () => {
    const taught = miss("osakkeiden myyntivoiton verotus", "2026-12-02T09:00:00.000Z", {
      status: "taught",
    });
    const older = miss("miten osakkeiden myyntivoitto verotetaan", "2026-12-01T09:00:00.000Z");
    const newer = miss("osakkeiden myyntivoitto verotus", "2026-12-03T09:00:00.000Z");

    const [mixed] = groupQuestions([older, taught, newer], questionFeatures, PERIOD);
    const [allOpen] = groupQuestions([older, newer], questionFeatures, PERIOD);

    expect(mixed?.ids).toEqual([newer.id, taught.id, older.id]);
    expect(mixed?.openIds).toEqual([newer.id, older.id]);
    expect(allOpen?.openIds).toBeUndefined();
  });

  it("never mixes languages", () => {
    const groups = groupQuestions(
      [
        miss("moms", "2026-12-01T09:00:00.000Z", { lang: "sv" }),
        miss("moms", "2026-12-01T09:01:00.000Z", { lang: "fi" }),
      ],
      questionFeatures,
      PERIOD,
    );
    expect(groups.map((g) => g.size)).toEqual([1, 1]);
  });

  it("puts the largest group first, with its trend per day, top guesses, ids and newest samples", () => {
    const guess = (intent: string) => [{ intent, confidence: 0.4 }];
    const entries = [
      miss("alv rekisteröinti", "2026-12-03T12:00:00.000Z", { guesses: guess("vat") }),
      miss("milloin tulee veronpalautus", "2026-12-01T09:00:00.000Z", {
        guesses: guess("tax-refund"),
      }),
      miss("milloin tulee veronpalautus?", "2026-12-01T10:00:00.000Z", {
        guesses: guess("tax-refund"),
      }),
      miss("milloin veronpalautus tulee", "2026-12-03T09:00:00.000Z", {
        guesses: guess("none"),
      }),
    ];
    const [first, second] = groupQuestions(entries, questionFeatures, PERIOD);
    expect(first).toMatchObject({
      size: 3,
      trend: [
        { day: "2026-12-01", count: 2 },
        { day: "2026-12-02", count: 0 },
        { day: "2026-12-03", count: 1 },
      ],
      guesses: [
        { intent: "tax-refund", count: 2 },
        { intent: "none", count: 1 },
      ],
      ids: [entries[3]?.id, entries[2]?.id, entries[1]?.id],
      id: entries[1]?.id,
    });
    expect(first?.samples.map((s) => s.at)).toEqual([
      "2026-12-03T09:00:00.000Z",
      "2026-12-01T10:00:00.000Z",
      "2026-12-01T09:00:00.000Z",
    ]);
    expect(first?.samples[0]).not.toHaveProperty("expiresAt");
    expect(second?.size).toBe(1);
  });

  it("counts the topics customers picked in a group like the guesses, and shows each sample's pick", () => {
    // Prepare: three askings of one question the bot asked about, two of them picked.
    const clarified = (at: string, chosen?: string) =>
      miss("jäännösvero vai veronpalautus", at, {
        reasons: ["clarified"],
        guesses: [{ intent: "residual-tax", confidence: 0.56 }],
        ...(chosen ? { chosen } : {}),
      });
    const entries = [
      clarified("2026-12-01T09:00:00.000Z", "tax-refund"),
      clarified("2026-12-02T09:00:00.000Z", "residual-tax"),
      clarified("2026-12-02T10:00:00.000Z", "tax-refund"),
      clarified("2026-12-03T09:00:00.000Z"),
      miss("miten kryptovaluutat verotetaan", "2026-12-03T11:00:00.000Z"),
    ];
    // Act
    const [group, other] = groupQuestions(entries, questionFeatures, PERIOD);
    // Assess
    expect(group?.choices).toEqual([
      { topic: "tax-refund", count: 2 },
      { topic: "residual-tax", count: 1 },
    ]);
    expect(group?.guesses).toEqual([{ intent: "residual-tax", count: 4 }]);
    expect(group?.samples.map((s) => s.chosen)).toEqual([
      undefined,
      "tax-refund",
      "residual-tax",
      "tax-refund",
    ]);
    expect(other).not.toHaveProperty("choices");
  });

  it("shows at most 20 samples, and gives the same groups for the same questions in any order", () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      miss(
        `milloin tulee veronpalautus ${i % 2 ? "?" : ""}`,
        `2026-12-02T10:${String(i).padStart(2, "0")}:00.000Z`,
      ),
    );
    const groups = groupQuestions(many, questionFeatures, PERIOD);
    expect(groups[0]?.size).toBe(25);
    expect(groups[0]?.samples).toHaveLength(20);
    expect(groups[0]?.ids).toHaveLength(25);
    expect(groupQuestions([...many].reverse(), questionFeatures, PERIOD)).toEqual(groups);
  });
});
