import { describe, expect, it } from "vitest";
import type { ChangedAnswer, LangReport, SplitReport } from "./api.ts";
import { UI } from "./i18n.ts";
import {
  changedRows,
  changedSaid,
  confusionRows,
  effectCounts,
  overUncoveredLimit,
  splitEffectCounts,
  topicMark,
  topicRows,
  uncoveredNoLonger,
  uncoveredRows,
} from "./testReport.ts";

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

  it("sort topics by the titles the table shows, not their ids", () => {
    const titles: Record<string, string> = {
      "capital-gains": "Luovutusvoitot",
      "tax-card": "Verokortti",
      vat: "Arvonlisävero",
    };
    const byTitle = topicRows(report, "topic", (id) => titles[id] ?? id);
    expect(byTitle.map((r) => `${r.topic}/${r.lang}`)).toEqual([
      "vat/fi",
      "vat/sv",
      "capital-gains/fi",
      "tax-card/fi",
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

describe("messages whose topic changes against live", () => {
  const row = (text: string, expected: string, live: string, draft: string): ChangedAnswer => ({
    text,
    lang: "fi",
    split: "tests",
    expected,
    live,
    draft,
  });
  // In the server's order (split, language): fixes and mistakes mixed.
  const changed = [
    row("alv palautus", "vat", "none", "vat"),
    row("verokortti muutos", "tax-card", "tax-card", "tax-return"),
    row("osinko", "dividends", "vat", "none"),
    row("kahvikuppi", "none", "vat", "none"),
    row("muutosverokortti", "tax-card", "tax-card", "none"),
  ];

  it("marks each as a new mistake, still wrong or fixed, new mistakes first", () => {
    expect(changedRows(changed).map((c) => [c.text, c.effect])).toEqual([
      ["verokortti muutos", "broken"],
      ["muutosverokortti", "broken"],
      ["osinko", "changed"],
      ["alv palautus", "fixed"],
      ["kahvikuppi", "fixed"],
    ]);
  });

  it("counts them in one line, in Finnish and Swedish", () => {
    expect(effectCounts(changed)).toEqual({ broken: 2, changed: 1, fixed: 2 });
    expect(UI.fi.changedSummary(effectCounts(changed))).toBe(
      "2 uutta virhettä, 2 korjattua, 1 yhä väärin, eri aiheella",
    );
    expect(UI.sv.changedSummary({ broken: 1, changed: 0, fixed: 25 })).toBe(
      "1 nytt fel, 25 rättade",
    );
    expect(UI.fi.changedSummary({ broken: 1, changed: 0, fixed: 1 })).toBe(
      "1 uusi virhe, 1 korjattu",
    );
    // A test's announcement says them too; nothing when nothing changes.
    expect(changedSaid(changed.slice(0, 1), UI.sv)).toBe(" 0 nya fel, 1 rättat.");
    expect(changedSaid([], UI.fi)).toBe("");
  });

  it("counts the test and dev splits apart when both changed, as a version's card counts the test split", () => {
    const both = [...changed, { ...row("alv", "vat", "vat", "none"), split: "dev" as const }];

    expect(splitEffectCounts(both)).toEqual([
      { split: "tests", counts: { broken: 2, changed: 1, fixed: 2 } },
      { split: "dev", counts: { broken: 1, changed: 0, fixed: 0 } },
    ]);
    expect(splitEffectCounts(changed)).toEqual([]);
  });
});

describe("a topic's recall against the gate and the target", () => {
  it("blocks publishing only under the gate's floor on the test split", () => {
    expect(topicMark(0.59, "tests")).toBe("blocks");
    expect(topicMark(0.75, "tests")).toBe("target");
    expect(topicMark(0.85, "tests")).toBeUndefined();
    // The dev split is never gated: under the floor there it is only under the target.
    expect(topicMark(0.4, "dev")).toBe("target");
  });

  it("says the 85 % target does not block, and the verdict names the gate's own numbers", () => {
    expect(UI.fi.belowTarget("85 %")).toBe("alle tavoitteen 85 % – ei estä julkaisua");
    expect(UI.sv.belowTarget("85 %")).toBe("under målet 85 % – hindrar inte publicering");
    expect(UI.fi.gatePasses("93 %", "90 %", "60 %", "5 %")).toContain(
      "jokainen aihe löytää vähintään 60 % omista viesteistään",
    );
    expect(UI.sv.gatePasses("93 %", "90 %", "60 %", "5 %")).toContain(
      "varje ämne hittar minst 60 % av sina egna meddelanden",
    );
  });
});

describe("the questions no topic covers in the report", () => {
  const report = {
    uncovered: {
      fi: {
        cases: 72,
        answered: 3 / 72,
        clarified: 0,
        answeredWith: [
          { text: "koiravero", topic: "property-tax" },
          { text: "veneen vero", topic: "vat" },
        ],
      },
      sv: {
        cases: 72,
        answered: 1 / 72,
        clarified: 0,
        answeredWith: [{ text: "båtskatt", topic: "vat" }],
      },
    },
    uncoveredChanged: [
      { text: "veneen vero", lang: "fi" as const, draft: "vat" },
      { text: "båtskatt", lang: "sv" as const, live: "car-tax-import", draft: "vat" },
      { text: "alkoholivero", lang: "fi" as const, live: "vat" },
    ],
  };

  it("lists the answered ones with their topic, those live does not answer first and marked", () => {
    expect(uncoveredRows(report)).toEqual([
      { text: "veneen vero", lang: "fi", topic: "vat", newly: true },
      { text: "koiravero", lang: "fi", topic: "property-tax", newly: false },
      // Live answers it too, with another topic: not the change's doing.
      { text: "båtskatt", lang: "sv", topic: "vat", newly: false },
    ]);
    expect(uncoveredNoLonger(report)).toBe(1);
  });

  it("lists none for an answer without them (an older service, or an older version)", () => {
    expect(uncoveredRows({})).toEqual([]);
    expect(uncoveredNoLonger({})).toBe(0);
  });

  it("calls a share over 5 % one the gate refuses, 5 % itself not", () => {
    expect(overUncoveredLimit(4 / 72)).toBe(true);
    expect(overUncoveredLimit(0.05)).toBe(false);
    expect(overUncoveredLimit(0)).toBe(false);
  });
});
