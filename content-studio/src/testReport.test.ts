import { describe, expect, it } from "vitest";
import type { LangReport, SplitReport } from "./api.ts";
import { confusionRows, topicRows } from "./testReport.ts";

function lang(
  perTopic: LangReport["perTopic"],
  confusions: LangReport["confusions"] = [],
): LangReport {
  return { accuracy: 0.9, noneRecall: 0.8, total: 100, perTopic, confusions };
}

const report: SplitReport = {
  fi: lang(
    [
      { topic: "vat", precision: 1, recall: 0.9, support: 10 },
      { topic: "capital-gains", precision: 0.5, recall: 1, support: 8 },
      { topic: "tax-card", precision: 0.95, recall: 0.5, support: 20 },
    ],
    [
      { expected: "capital-gains", got: "tax-return", count: 2 },
      { expected: "vat", got: "none", count: 1 },
    ],
  ),
  sv: lang(
    [{ topic: "vat", precision: 0.7, recall: 0.7, support: 9 }],
    [{ expected: "vat", got: "prepayment", count: 3 }],
  ),
};

describe("test-all tables", () => {
  it("sort topics worst first by the weaker of precision and recall, frequent first on ties", () => {
    expect(topicRows(report, "worst").map((r) => `${r.topic}/${r.lang}`)).toEqual([
      "tax-card/fi",
      "capital-gains/fi",
      "vat/sv",
      "vat/fi",
    ]);
  });

  it("sort topics by name, Finnish before Swedish", () => {
    expect(topicRows(report, "topic").map((r) => `${r.topic}/${r.lang}`)).toEqual([
      "capital-gains/fi",
      "tax-card/fi",
      "vat/fi",
      "vat/sv",
    ]);
  });

  it("list confusion pairs of both languages, most frequent first", () => {
    expect(confusionRows(report)).toEqual([
      { lang: "sv", expected: "vat", got: "prepayment", count: 3 },
      { lang: "fi", expected: "capital-gains", got: "tax-return", count: 2 },
      { lang: "fi", expected: "vat", got: "none", count: 1 },
    ]);
  });
});
